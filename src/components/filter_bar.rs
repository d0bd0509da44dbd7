//! The filters: search, category, party columns, "only" toggles, sort, and reset; folded
//! behind a "Filters" button on phones.

use super::speech::use_speech;
use crate::i18n::Msg;
use crate::state::loaded::Data;
use crate::state::search_examples::search_examples;
use crate::state::view_state::{Action, SortOrder, ViewState};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// The loaded dataset (parties and categories to offer).
    pub data: Data,
    /// The current view state.
    pub state: ViewState,
    /// Receives the reader's actions.
    pub on_action: Callback<Action>,
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let ds = &props.data.dataset;
    let state = &props.state;
    let speech = use_speech();
    let (l, data_lang) = (speech.ui, speech.data.clone());
    let on = &props.on_action;
    let oninput = on.reform(|e: InputEvent| {
        Action::SetQuery(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_category = on.reform(|e: Event| {
        let v = select_value(&e);
        Action::SetCategory((!v.is_empty()).then_some(v))
    });
    let on_sort = on.reform(|e: Event| {
        Action::SetSort(SortOrder::from_name(&select_value(&e)).unwrap_or_default())
    });
    let on_conflicts = on.reform(|e: Event| Action::SetOnlyConflicts(checked(&e)));
    let on_red_lines = on.reform(|e: Event| Action::SetOnlyRedLines(checked(&e)));
    // On phones the filters fold behind a button that says how many are on, so the matrix is
    // on the first screen; wide screens always show them (styles/phone.css).
    let unfolded = use_state(|| false);
    let on_fold = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!*unfolded))
    };
    let active = state.active_filters();
    // Words of this dataset's own issues, so another story's never show (none: no placeholder).
    let examples = search_examples(ds.issues()).join(", ");
    let placeholder = (!examples.is_empty()).then(|| l.f(Msg::SearchExample, &[&examples]));
    html! {
        <>
        <button type="button" class="sm-button sm-filters-toggle" data-testid="filters-toggle" aria-controls="sm-filters"
            aria-expanded={unfolded.to_string()} onclick={on_fold}>
            { l.t(Msg::Filters) }
            if active > 0 { <span class="sm-badge">{ l.f(Msg::FiltersOn, &[&active.to_string()]) }</span> }
        </button>
        <form id="sm-filters" class={classes!("sm-filters", unfolded.then_some("sm-unfolded"))} role="search" aria-label={l.t(Msg::FilterTheMatrix)}
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <div class="sm-field sm-field-search">
                <label for="sm-q">{ l.t(Msg::FilterIssues) }</label>
                <input id="sm-q" type="search" value={state.query.clone()} {oninput} autocomplete="off" spellcheck="false"
                    {placeholder} maxlength="200" />
            </div>
            if !ds.categories().is_empty() {
                <div class="sm-field">
                    <label for="sm-cat">{ l.t(Msg::Category) }</label>
                    <select id="sm-cat" onchange={on_category}>
                        <option value="" selected={state.category.is_none()}>{ l.t(Msg::AllCategories) }</option>
                        { for ds.categories().iter().map(|c| html! {
                            <option value={c.id.clone()} selected={state.category.as_deref() == Some(c.id.as_str())} lang={data_lang.clone()}>{ &c.name }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="sm-field">
                <label for="sm-sort">{ l.t(Msg::SortBy) }</label>
                <select id="sm-sort" onchange={on_sort}>
                    { for SortOrder::ALL.iter().map(|s| html! {
                        <option value={s.name()} selected={state.sort == *s}>{ l.t(s.msg()) }</option>
                    }) }
                </select>
            </div>
            <fieldset class="sm-field sm-parties">
                <legend>{ l.t(Msg::PartiesShown) }</legend>
                { for ds.parties().iter().map(|p| {
                    let id = p.id.clone();
                    let shown = state.hidden.binary_search(&p.id).is_err();
                    html! {
                        <label class="sm-check">
                            <input type="checkbox" checked={shown} data-party={p.id.clone()}
                                onchange={on.reform(move |_: Event| Action::ToggleParty(id.clone()))} />
                            <span lang={data_lang.clone()}>{ &p.name }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset class="sm-field sm-only">
                <legend>{ l.t(Msg::ShowOnly) }</legend>
                <label class="sm-check">
                    <input type="checkbox" checked={state.only_conflicts} onchange={on_conflicts} />{ l.t(Msg::OnlyConflicts) }
                </label>
                <label class="sm-check">
                    <input type="checkbox" checked={state.only_red_lines} onchange={on_red_lines} />{ l.t(Msg::OnlyRedLines) }
                </label>
            </fieldset>
            <button type="button" class="sm-button sm-reset" disabled={!state.is_filtered()} onclick={on.reform(|_| Action::Reset)}>
                { l.t(Msg::ResetFilters) }
            </button>
        </form>
        </>
    }
}
