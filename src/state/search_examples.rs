//! The search box's examples ("e.g. Crimea, NATO, sanctions"), taken from the dataset's own
//! issue titles, so a newsroom's matrix never suggests another story's words, and every
//! example finds an issue. Pure, so it is tested natively.

use super::search::fold;
use crate::model::Issue;

/// How many examples the placeholder shows.
const EXAMPLES: usize = 3;

/// Up to three words from the issues' titles, in the issues' order, each finding its issue:
/// an issue whose id is one word that its title contains ("crimea" in "Recognise Crimea as
/// Russian") gives that word, as the title writes it; the other issues, first to last, fill
/// the remaining places with their longest word of four letters or more. No word twice.
pub fn search_examples(issues: &[Issue]) -> Vec<&str> {
    let named: Vec<Option<&str>> = issues.iter().map(named_word).collect();
    let mut chosen: Vec<(usize, &str)> = Vec::with_capacity(EXAMPLES);
    for (at, word) in named
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((i, (*w)?)))
    {
        push(&mut chosen, at, word);
    }
    for (at, issue) in issues.iter().enumerate() {
        if named[at].is_none() {
            if let Some(word) = longest_word(&issue.title) {
                push(&mut chosen, at, word);
            }
        }
    }
    chosen.sort_by_key(|(at, _)| *at);
    chosen.into_iter().map(|(_, word)| word).collect()
}

/// Adds `word` (from issue `at`) unless there are enough or it is there already.
fn push<'a>(chosen: &mut Vec<(usize, &'a str)>, at: usize, word: &'a str) {
    if chosen.len() < EXAMPLES && !chosen.iter().any(|(_, w)| fold(w) == fold(word)) {
        chosen.push((at, word));
    }
}

/// The title's word that is the issue's id, when the id is a single word.
fn named_word(issue: &Issue) -> Option<&str> {
    if issue.id.contains('-') {
        return None;
    }
    words(&issue.title).find(|w| fold(w) == issue.id)
}

/// The title's longest word of at least four letters (the first of equals).
fn longest_word(title: &str) -> Option<&str> {
    words(title)
        .filter(|w| w.chars().count() >= 4)
        .fold(None, |best: Option<&str>, w| match best {
            Some(b) if b.chars().count() >= w.chars().count() => Some(b),
            _ => Some(w),
        })
}

/// The title's words, without the punctuation around them or a possessive "'s".
fn words(title: &str) -> impl Iterator<Item = &str> {
    title.split_whitespace().filter_map(|raw| {
        // Punctuation listed, not `char::is_alphanumeric`: its Unicode tables would cost every
        // reader's wasm some kilobytes for a few search examples.
        let word = raw.trim_matches(|c: char| {
            c.is_ascii_punctuation()
                || matches!(c, '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '—' | '–' | '…')
        });
        let word = ["'s", "’s"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(word);
        (!word.is_empty()).then_some(word)
    })
}
