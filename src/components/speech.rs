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
        Speech { ui, data: dataset.filter(|tag| !ui.is(tag)).map(|tag| AttrValue::from(tag.to_string())) }
    }
}

/// The widget's speech, from the nearest provider (English without one).
#[hook]
pub fn use_speech() -> Speech {
    use_context::<Speech>().unwrap_or_default()
}
