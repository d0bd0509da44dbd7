//! The small signs the views share: a stance's sign and a confidence mark. A leaf module, so
//! the legend, the rows and the details can all use them without importing one another.

use crate::model::{Confidence, Stance};

/// The sign shown beside a stance word; with the word and the colour, meaning never rests on
/// colour alone.
pub fn stance_icon(stance: Stance) -> &'static str {
    match stance {
        Stance::Supports => "++",
        Stance::Open => "+",
        Stance::Ambivalent => "±",
        Stance::Sceptical => "−",
        Stance::Opposes => "−−",
    }
}

/// The small mark for lower confidence (explained in the legend).
pub fn confidence_mark(confidence: Confidence) -> Option<&'static str> {
    match confidence {
        Confidence::OnRecord => None,
        Confidence::Reported => Some("R"),
        Confidence::Inferred => Some("I"),
    }
}
