//! A dataset that could not be loaded: what was requested, what went wrong, and every
//! validation problem with its path. Shown inside the widget; the page never goes blank.

use crate::i18n::{Lang, Msg};
use crate::model::DataErrors;
use crate::state::loading::LoadError;
use yew::prelude::*;

/// Problems listed before the rest are summarised, so a broken 200,000-row file stays readable
/// (validation keeps no more than this).
const SHOWN: usize = DataErrors::KEPT;

/// The error view for `error` while loading `requested` (the `?data=` address, or `None` for
/// the bundled dataset). A plain view function: App renders it only when loading fails.
/// `own_page`: the widget is its own page (or iframe), so a link to the bundled dataset makes
/// sense; in a host's page it would navigate the host.
pub fn error_view(
    l: Lang,
    asked_lang: Option<&str>,
    requested: Option<&str>,
    error: &LoadError,
    own_page: bool,
) -> Html {
    // The bundled dataset in the language the page asked for.
    let bundled = asked_lang.map_or("?".to_string(), |lang| {
        format!("?lang={}", crate::state::fragment::escape(lang))
    });
    let requested = requested.unwrap_or(l.t(Msg::BundledDataset)).to_string();
    let (problems, hidden) = match error {
        LoadError::Invalid(errors) | LoadError::BadOptions(errors) => (
            &errors[..],
            errors.more() + errors.len().saturating_sub(SHOWN),
        ),
        _ => (&[][..], 0),
    };
    html! {
        <section class="sm-error" role="alert" data-testid="error" aria-labelledby="sm-error-title" lang={l.code()}>
            <h2 id="sm-error-title">{ l.t(Msg::CouldNotLoad) }</h2>
            <dl class="sm-error-facts">
                <dt>{ l.t(Msg::Requested) }</dt>
                <dd><code data-testid="error-requested">{ requested }</code></dd>
                <dt>{ l.t(Msg::WhatWentWrong) }</dt>
                <dd data-testid="error-reason">{ error.describe(l) }</dd>
            </dl>
            if !problems.is_empty() {
                <ul class="sm-problems" data-testid="problems">
                    { for problems.iter().take(SHOWN).map(|p| html! {
                        <li>
                            if !p.path.is_empty() { <code class="sm-problem-path">{ &p.path }</code>{ ": " } }
                            { p.kind.describe(l) }
                        </li>
                    }) }
                </ul>
                if hidden > 0 {
                    <p>{ l.n(Msg::MoreProblems, hidden, &[]) }</p>
                }
            }
            <p class="sm-error-help">
                { l.t(Msg::FormatGuide) }
                if own_page { <a href={bundled}>{ l.t(Msg::ShowBundled) }</a> }
            </p>
        </section>
    }
}
