//! The words for the model's and the analysis's values in the reader's language: stances,
//! confidence, statuses, dates and file sizes. The pure layers name values; this layer says them.

use super::{Lang, Msg};
use crate::analysis::IssueStatus;
use crate::model::{Confidence, Date, Stance};

impl Stance {
    /// The word in English.
    pub fn label(self) -> &'static str {
        Lang::EN.t(self.msg())
    }

    /// The word a reader sees in a cell.
    pub fn msg(self) -> Msg {
        [
            Msg::Supports,
            Msg::Open,
            Msg::Ambivalent,
            Msg::Sceptical,
            Msg::Opposes,
        ][self as usize]
    }
}

impl Confidence {
    /// The word a reader sees for it.
    pub fn msg(self) -> Msg {
        [Msg::OnRecord, Msg::Reported, Msg::Inferred][self as usize]
    }

    pub fn label(self) -> &'static str {
        Lang::EN.t(self.msg())
    }
}

impl IssueStatus {
    /// In English.
    pub fn label(self) -> &'static str {
        Lang::EN.t(self.msg())
    }

    /// The word a reader sees for it.
    pub fn msg(self) -> Msg {
        [
            Msg::RedLineClash,
            Msg::Conflict,
            Msg::Agreement,
            Msg::Unclear,
        ][self as usize]
    }

    /// What it means, for the legend and the plain-words text.
    pub fn meaning(self) -> Msg {
        [
            Msg::ClashMeaning,
            Msg::ConflictMeaning,
            Msg::AgreementMeaning,
            Msg::UnclearMeaning,
        ][self as usize]
    }
}

impl Date {
    /// In words in the reader's language: "22 April 2025", "22. April 2025".
    pub fn words(&self, lang: Lang) -> String {
        lang.date(self.year(), self.month(), self.day())
    }

    /// In words in English: "22 April 2025".
    pub fn long(&self) -> String {
        self.words(Lang::EN)
    }
}

/// A file size in the reader's language, one decimal: "12.3 MB", "12,3 MB", "12,3 Mo",
/// "12,3 МБ". The separator and unit are the language's (`Msg::Megabytes`); the arithmetic is
/// integer (no float formatting code in the wasm) and needs no browser.
pub fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    lang.f(
        Msg::Megabytes,
        &[&(tenths / 10).to_string(), &(tenths % 10).to_string()],
    )
}
