//! The small signs the views share: a stance's sign and a confidence mark. A leaf module, so
//! the legend, the rows and the details can all use them without importing one another.

use crate::analysis::history::{CellChange, Mark};
use crate::analysis::IssueStatus;
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Stance};

/// The most parties whose columns all fit a 320 px screen as compact signs; with more, each
/// issue becomes a card on phones.
pub const COMPACT_MAX: usize = 6;

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
/// In the reader's language: styles/matrix.css draws the same letters in the cells, by `:lang()`.
pub fn confidence_mark(l: Lang, confidence: Confidence) -> Option<&'static str> {
    match confidence {
        Confidence::OnRecord => None,
        Confidence::Reported => Some(l.t(Msg::MarkReported)),
        Confidence::Inferred => Some(l.t(Msg::MarkInferred)),
    }
}

/// The sign that stands for an issue's status where its words do not fit (phones); the same
/// signs are drawn by styles/phone.css, and the key explains them.
pub fn status_sign(status: IssueStatus) -> &'static str {
    match status {
        IssueStatus::RedLineClash => "‼",
        IssueStatus::Conflict => "≠",
        IssueStatus::Agreement => "=",
        IssueStatus::Unclear => "?",
    }
}

/// "Sceptical → Opposes (red line)": a change as the reader reads it.
pub fn change_text(l: Lang, change: &CellChange) -> String {
    let mark = |m: Option<Mark>| match m {
        None => l.t(Msg::NotStated).to_string(),
        Some(Mark {
            stance,
            red_line: true,
        }) => l.f(Msg::WithRedLine, &[l.t(stance.msg())]),
        Some(Mark {
            stance,
            red_line: false,
        }) => l.t(stance.msg()).to_string(),
    };
    l.f(
        Msg::BeforeAfter,
        &[&mark(change.before), &mark(change.after)],
    )
}
