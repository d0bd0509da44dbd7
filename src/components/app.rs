//! The top component: reads the page configuration, loads the dataset (bundled, or `?data=`),
//! and shows the widget, a loading state, or a clear error. Never a blank page.

use super::error_view::error_view;
use super::use_view_state::ViewLink;
use super::widget::Widget;
use crate::i18n::{Lang, Msg};
use crate::model::{self, BUNDLED};
use crate::state::embed::{DataParam, PageConfig};
use crate::state::loaded::Data;
use crate::state::loading::LoadError;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Query options of the page (`?embed`, `?data=`, `?theme=`), or what a host asked for.
    pub config: PageConfig,
    /// Where the reader's view lives besides the widget.
    pub link: ViewLink,
    /// A dataset the host passed as an object, already checked.
    #[prop_or_default]
    pub given: Option<Result<Data, LoadError>>,
    /// Whether `config.data` may come from any origin: a host page chooses its own data, so
    /// the allow-list that guards the widget's own address does not apply.
    #[prop_or_default]
    pub any_origin: bool,
    /// Told "loading", "ready" or "error" when a host mounted the widget.
    #[prop_or_default]
    pub on_state: Option<Callback<&'static str>>,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Data),
    Failed(LoadError),
}

fn from_text(text: String, data_url: Option<String>) -> Load {
    match Data::checked(model::parse(&text), data_url) {
        Ok(data) => Load::Ready(data),
        Err(error) => Load::Failed(error),
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let data = props.config.data.clone();
    // Over a pre-rendered page the takeover waits while the app is loading (`later::hold`):
    // the bundled dataset read below, or the reader's language's messages.
    let held = use_mut_ref(|| {
        let deferring = super::later::deferring();
        if deferring {
            super::later::hold();
        }
        deferring
    });
    let load = {
        let data = data.clone();
        let given = props.given.clone();
        use_state(move || match (given, data) {
            (Some(Ok(data)), _) => Load::Ready(data),
            (Some(Err(error)), _) => Load::Failed(error),
            (None, data) => match data {
                // Over a pre-rendered page, the bundled dataset is read in a task of its own
                // (the effect below), not in the one that starts the wasm.
                None if super::later::deferring() => Load::Loading,
                None => from_text(BUNDLED.to_string(), None),
                Some(DataParam::Malformed(_)) => Load::Failed(LoadError::MalformedParam),
                Some(DataParam::Url(_)) => Load::Loading,
            },
        })
    };
    {
        let (load, any_origin) = (load.clone(), props.any_origin);
        // The first run finds the state already right (above); a host's `update()` with other
        // data or another `src` runs it again.
        let first = use_mut_ref(|| true);
        use_effect_with((data.clone(), props.given.clone()), move |(data, given)| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            // The request is aborted when it is no longer wanted: the widget destroyed, or
            // another dataset asked for; its late answer then changes nothing. Nothing to
            // set up for the bundled dataset.
            let request = match (given.clone(), data.clone()) {
                (Some(given), _) => {
                    if !first {
                        load.set(match given {
                            Ok(data) => Load::Ready(data),
                            Err(error) => Load::Failed(error),
                        });
                    }
                    None
                }
                (None, None) if first && matches!(*load, Load::Loading) => {
                    // Read in one task, shown in the next.
                    gloo::timers::callback::Timeout::new(0, move || {
                        let read = from_text(BUNDLED.to_string(), None);
                        gloo::timers::callback::Timeout::new(0, move || load.set(read)).forget();
                    })
                    .forget();
                    None
                }
                (None, None) | (None, Some(DataParam::Malformed(_))) if first => None,
                (None, None) => {
                    load.set(from_text(BUNDLED.to_string(), None));
                    None
                }
                (None, Some(DataParam::Malformed(_))) => {
                    load.set(Load::Failed(LoadError::MalformedParam));
                    None
                }
                (None, Some(DataParam::Url(url))) => {
                    load.set(Load::Loading);
                    let wanted = Rc::new(Cell::new(true));
                    let controller = web_sys::AbortController::new().ok();
                    let (still, abort) = (wanted.clone(), controller.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let answer = match &abort {
                            Some(abort) => {
                                crate::browser::fetch::fetch_text(&url, any_origin, abort, None)
                                    .await
                            }
                            None => Err(LoadError::Network),
                        };
                        if still.get() {
                            load.set(match answer {
                                Ok(text) => from_text(text, Some(url)),
                                Err(error) => Load::Failed(error),
                            });
                        }
                    });
                    Some((wanted, controller))
                }
            };
            move || {
                if let Some((wanted, controller)) = request {
                    wanted.set(false);
                    if let Some(controller) = controller {
                        controller.abort();
                    }
                }
            }
        });
    }
    // The page's ?lang= (or the host's lang), else the dataset's language, else the reader's.
    let dataset_lang = match &*load {
        Load::Ready(data) => data.dataset.language(),
        _ => None,
    };
    let chosen = Lang::choose(
        props.config.lang.as_deref(),
        dataset_lang,
        crate::browser::host::browser_languages()
            .iter()
            .map(String::as_str),
    );
    // The readers' wasm fetches a language other than English (src/browser/languages.rs):
    // the widget waits for it, as for its dataset, and speaks English if it cannot be had.
    let waiting = !chosen.available() && !crate::browser::languages::failed(chosen);
    let lang = if chosen.available() { chosen } else { Lang::EN };
    {
        let rerender = use_force_update();
        use_effect_with(chosen, move |chosen| {
            if !chosen.available() && !crate::browser::languages::failed(*chosen) {
                let chosen = *chosen;
                wasm_bindgen_futures::spawn_local(async move {
                    crate::browser::languages::load(chosen).await;
                    rerender.force_update();
                });
            }
        });
    }
    let state = match (&*load, waiting) {
        (Load::Loading, _) | (_, true) => "loading",
        (Load::Ready(_), false) => "ready",
        (Load::Failed(_), false) => "error",
    };
    // Hosts and tests can tell how loading went: the page's root element says it, or the
    // host hears it.
    {
        let (page, on_state) = (
            matches!(props.link, ViewLink::Url { .. }),
            props.on_state.clone(),
        );
        // After the render: the widget's parts have rendered, or are counted as pending. An
        // app destroyed while it reads lets the swap go too.
        let release = move |held: &std::cell::RefCell<bool>| {
            if std::mem::replace(&mut *held.borrow_mut(), false) {
                super::later::release();
            }
        };
        {
            let held = held.clone();
            use_effect_with((), move |_| move || release(&held));
        }
        use_effect_with(state, move |state| {
            if *state != "loading" {
                release(&held);
            }
        });
        use_effect_with(state, move |state| match (page, on_state) {
            (true, _) => crate::browser::host::mark_root_state(state),
            (false, Some(on_state)) => on_state.emit(state),
            (false, None) => {}
        });
    }

    let requested = data.as_ref().map(DataParam::as_written);
    {
        let own_page = matches!(props.link, ViewLink::Url { .. });
        use_effect_with((lang, own_page), |(lang, own_page)| {
            if *own_page {
                crate::browser::host::set_page_lang(lang.code());
            }
        });
    }
    match (&*load, waiting) {
        (Load::Loading, _) | (_, true) => html! {
            <div class="sm-loading" data-testid="loading" role="status" lang={lang.code()}>
                <p>{ match requested {
                    Some(u) => lang.f(Msg::LoadingFrom, &[u]),
                    None => lang.t(Msg::Loading).to_string(),
                } }</p>
            </div>
        },
        (Load::Failed(error), false) => error_view(
            lang,
            props.config.lang.as_deref(),
            requested,
            error,
            matches!(props.link, ViewLink::Url { .. }),
        ),
        (Load::Ready(data), false) => html! {
            <Widget data={data.clone()} config={props.config.clone()} link={props.link.clone()} {lang} />
        },
    }
}
