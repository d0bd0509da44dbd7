//! The time controls: "As of", a slider over the dates of positions and events, with the chosen
//! date and event as text; and "Changed since", a list of the earlier dates.

use super::speech::{use_speech, with_data};
use crate::analysis::history::{stops, Stop};
use crate::i18n::{fill, Lang, Msg};
use crate::model::{Dataset, Date};
use crate::state::loaded::Data;
use crate::state::view_state::Action;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimeBarProps {
    /// The whole dataset, every date of it.
    pub data: Data,
    /// The date shown; `None` is the latest.
    pub as_of: Option<Date>,
    /// The "changed since" date.
    pub since: Option<Date>,
    /// Receives the reader's actions.
    pub on_action: Callback<Action>,
}

/// The words for `date` on the timeline ("17 April 2025: Talks in Paris") as a message and its
/// arguments, each `(text, is dataset text)`: the date and, when `stop` is that day, the
/// titles of its events. One source for the list's words, the slider's value text and the
/// label on screen (where the titles are marked with the dataset's language).
fn stop_words(
    l: Lang,
    ds: &Dataset,
    date: Date,
    stop: &Stop,
) -> (&'static str, Vec<(String, bool)>) {
    let events: Vec<&str> = stop
        .events
        .iter()
        .filter(|_| stop.date == date)
        .map(|&e| ds.events()[e].title.as_str())
        .collect();
    if events.is_empty() {
        ("{0}", vec![(date.words(l), false)])
    } else {
        (
            l.t(Msg::DateAndEvents),
            vec![
                (date.words(l), false),
                (events.join(l.t(Msg::ListSeparator)), true),
            ],
        )
    }
}

/// A stop's words as plain text: "17 April 2025: Talks in Paris".
fn stop_label(l: Lang, ds: &Dataset, stop: &Stop) -> String {
    let (template, args) = stop_words(l, ds, stop.date, stop);
    fill(
        template,
        &args
            .iter()
            .map(|(text, _)| text.as_str())
            .collect::<Vec<_>>(),
        None,
    )
}

#[function_component]
pub fn TimeBar(props: &TimeBarProps) -> Html {
    let stops = use_memo(props.data.clone(), |data| stops(&data.dataset));
    let ds = &props.data.dataset;
    let speech = use_speech();
    let l = speech.ui;
    // A dataset with one date has no history to move through.
    let Some(last) = stops.len().checked_sub(1).filter(|&l| l > 0) else {
        return Html::default();
    };
    // The stop shown: the latest on or before the chosen date (a link may name any day).
    let at = props.as_of.map_or(last, |d| {
        stops.partition_point(|s| s.date <= d).saturating_sub(1)
    });
    let shown = props.as_of.unwrap_or(stops[last].date);
    // The date shown and its events: as the slider's value text, and on screen.
    let (template, args) = stop_words(l, ds, shown, &stops[at]);
    let pieces: Vec<(&str, bool)> = args
        .iter()
        .map(|(text, data)| (text.as_str(), *data))
        .collect();
    let mut label = fill(
        template,
        &pieces.iter().map(|(text, _)| *text).collect::<Vec<_>>(),
        None,
    );
    let mut shown_label = with_data(&speech, template, &pieces);
    if props.as_of.is_none() {
        label = l.f(Msg::Latest, &[&label]);
        if let Some((before, after)) = l.t(Msg::Latest).split_once("{0}") {
            shown_label = html! { <>{ before }{ shown_label }{ after }</> };
        }
    }
    let oninput = {
        let (on, stops) = (props.on_action.clone(), stops.clone());
        Callback::from(move |e: InputEvent| {
            let i: usize = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse()
                .unwrap_or(last);
            on.emit(Action::SetAsOf(
                stops.get(i).filter(|_| i < last).map(|s| s.date),
            ));
        })
    };
    let onchange = props.on_action.reform(|e: Event| {
        Action::SetSince(Date::parse(
            &e.target_unchecked_into::<HtmlSelectElement>().value(),
        ))
    });
    html! {
        <div class="sm-time" data-testid="time-bar">
            <div class="sm-field sm-asof">
                <label for="sm-asof">{ l.t(Msg::AsOf) }</label>
                <input id="sm-asof" type="range" min="0" max={last.to_string()} step="1" value={at.to_string()}
                    aria-valuetext={label.clone()} {oninput} data-testid="asof" />
                // Not live: the slider's own value text already tells a screen reader each step.
                <output for="sm-asof" class="sm-asof-label" data-testid="asof-label" aria-live="off">{ shown_label }</output>
            </div>
            <div class="sm-field sm-since">
                <label for="sm-since">{ l.t(Msg::ChangedSince) }</label>
                <select id="sm-since" {onchange} data-testid="since">
                    <option value="" selected={props.since.is_none()}>{ l.t(Msg::MarkNoChanges) }</option>
                    { for stops.iter().filter(|s| s.date < shown).map(|s| html! {
                        <option value={s.date.to_string()} selected={props.since == Some(s.date)}>{ stop_label(l, ds, s) }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}
