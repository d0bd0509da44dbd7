//! Embedded, the widget reports its height to the parent page whenever it changes.

use crate::browser::height::HeightReporter;
use crate::browser::host;
use yew::prelude::*;

/// While `embed`, reports the root's height to the parent (and answers pym.js as `pym_child`).
#[hook]
pub fn use_height_reporter(embed: bool, pym_child: Option<String>) {
    use_effect_with(embed, move |embed| {
        let reporter = embed
            .then(host::root_element)
            .flatten()
            .map(|root| HeightReporter::start(root, pym_child));
        move || drop(reporter)
    });
}
