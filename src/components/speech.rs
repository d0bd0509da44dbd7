//! The language the views speak, given by the widget to every component below it.

use crate::i18n::Lang;
use yew::prelude::*;

/// The reader's language, and the dataset's own language tag where it differs from it, so
/// its text can be marked with `lang` (a screen reader then reads it in its language).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speech {
    pub ui: Lang,
    pub data: Option<AttrValue>,
}

impl Speech {
    /// `dataset`: the dataset's `language`, if it has one.
    pub fn new(ui: Lang, dataset: Option<&str>) -> Speech {
        Speech {
            ui,
            data: dataset
                .filter(|tag| !ui.is(tag))
                .map(|tag| AttrValue::from(tag.to_string())),
        }
    }
}

/// The widget's speech, from the nearest provider (English without one).
#[hook]
pub fn use_speech() -> Speech {
    use_context::<Speech>().unwrap_or_default()
}

/// A message whose placeholders `{0}`, `{1}`, … are filled with `args`, each `(text, is
/// dataset text)`: the dataset's pieces are marked with its language where it differs from
/// the reader's ("Ukraine on “Allow Ukraine to join NATO”" read in German).
pub fn with_data(speech: &Speech, template: &str, args: &[(&str, bool)]) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let index = rest[open + 1..].find('}').and_then(|close| {
            rest[open + 1..open + 1 + close]
                .parse::<usize>()
                .ok()
                .map(|i| (i, close))
        });
        let Some(((text, data), close)) =
            index.and_then(|(i, close)| args.get(i).map(|a| (*a, close)))
        else {
            parts.push(Html::from(rest[..=open].to_string()));
            rest = &rest[open + 1..];
            continue;
        };
        parts.push(Html::from(rest[..open].to_string()));
        parts.push(if data {
            html! { <span lang={speech.data.clone()}>{ text.to_string() }</span> }
        } else {
            Html::from(text.to_string())
        });
        rest = &rest[open + close + 2..];
    }
    parts.push(Html::from(rest.to_string()));
    html! { <>{ for parts }</> }
}
