//! The top component: reads the page configuration, loads the dataset (bundled, or `?data=`),
//! and shows the widget, a loading state, or a clear error. Never a blank page.

use super::error_view::error_view;
use super::widget::Widget;
use crate::embed::{DataParam, PageConfig};
use crate::loaded::{Data, Loaded};
use crate::loading::LoadError;
use crate::model::{self, BUNDLED};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Query options of the page (`?embed`, `?data=`, `?theme=`).
    pub config: PageConfig,
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready(Data),
    Failed(LoadError),
}

fn from_text(text: String, data_url: Option<String>) -> Load {
    match model::parse(&text) {
        Ok(dataset) => Load::Ready(Data(Rc::new(Loaded::new(dataset, text, data_url)))),
        Err(errors) => Load::Failed(LoadError::Invalid(errors)),
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let data = props.config.data.clone();
    let load = {
        let data = data.clone();
        use_state(move || match data {
            None => from_text(BUNDLED.to_string(), None),
            Some(DataParam::Malformed(_)) => Load::Failed(LoadError::MalformedParam),
            Some(DataParam::Url(_)) => Load::Loading,
        })
    };
    {
        let load = load.clone();
        use_effect_with(data.clone(), move |data| {
            if let Some(DataParam::Url(url)) = data.clone() {
                load.set(Load::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let next = match crate::fetch::fetch_text(&url).await {
                        Ok(text) => from_text(text, Some(url)),
                        Err(error) => Load::Failed(error),
                    };
                    load.set(next);
                });
            }
        });
    }
    let state = match &*load {
        Load::Loading => "loading",
        Load::Ready(_) => "ready",
        Load::Failed(_) => "error",
    };
    use_effect_with(state, |state| crate::host::mark_root_state(state));

    let requested = data.as_ref().map(DataParam::as_written);
    match &*load {
        Load::Loading => html! {
            <div class="sm-loading" data-testid="loading" role="status">
                <p>{ "Loading the dataset" }{ requested.map(|u| format!(" from {u}")).unwrap_or_default() }{ "…" }</p>
            </div>
        },
        Load::Failed(error) => error_view(requested, error),
        Load::Ready(data) => html! {
            <Widget data={data.clone()} config={props.config.clone()} />
        },
    }
}
