//! Text search over issues: folding (case, diacritics, typographic punctuation) and a per-issue
//! haystack built once per dataset, so a keystroke only folds the query and scans.

use crate::model::Dataset;

/// Lower-cases and strips diacritics and typographic variants, so "Zelenskyy’s", "zelenskyy's"
/// and "ZELENSKYY'S" match, as do "Kyiv" and "Kýiv". Covers Latin-1, Latin Extended-A and
/// combining marks; other scripts are lower-cased only.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// `fold`, appended to `out`.
fn fold_into(out: &mut String, text: &str) {
    // U+00C0..U+00FF, then U+0100..U+017F, one ASCII letter each ('\0': keep the character).
    const LATIN1: &str = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
    const EXT_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkkllllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    for c in text.chars() {
        let code = c as u32;
        let table = match code {
            0xC0..=0xFF => LATIN1.as_bytes().get((code - 0xC0) as usize),
            0x100..=0x17F => EXT_A.as_bytes().get((code - 0x100) as usize),
            _ => None,
        };
        match (table, c) {
            (Some(&b), _) if b != 0 => out.push(b as char),
            (_, '\u{0300}'..='\u{036F}') => {}
            (_, '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`') => out.push('\''),
            (_, '\u{201C}' | '\u{201D}') => out.push('"'),
            (_, '\u{2010}'..='\u{2015}' | '\u{2212}') => out.push('-'),
            _ => out.push(lower(c)),
        }
    }
}

/// Lower case for the cased scripts a newsroom dataset is likely to use (Latin, Greek,
/// Cyrillic, Armenian). Written out because `char::to_lowercase` brings ~10 kB of Unicode
/// tables into the wasm, paid by every reader; other characters pass unchanged.
fn lower(c: char) -> char {
    let code = c as u32;
    let shifted = match code {
        0x41..=0x5A => code + 0x20,
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Latin Extended-A pairs: upper case even, then odd from Ĺ to Ň and from Ź to Ž.
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 0x3F,
        0x391..=0x3AB if code != 0x3A2 => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        // Cyrillic pairs, upper case even; U+0482–U+0489 (a sign and combining marks) are not
        // letters and stay as they are.
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF if code % 2 == 0 => code + 1,
        0x4C0 => 0x4CF,
        // From Ӂ to Ӎ the upper case is odd.
        0x4C1..=0x4CE if code % 2 == 1 => code + 1,
        0x531..=0x556 => code + 0x30,
        _ => code,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// The folded words of a query; a row matches when it contains every one.
pub fn terms(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

/// Per issue: its title, description, category name and every position summary, folded.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let mut haystacks: Vec<String> = dataset
            .issues()
            .iter()
            .map(|issue| {
                let category = issue
                    .category
                    .map(|c| dataset.categories()[c].name.as_str());
                let mut haystack = String::new();
                for part in [
                    Some(issue.title.as_str()),
                    issue.description.as_deref(),
                    category,
                ]
                .into_iter()
                .flatten()
                {
                    if !haystack.is_empty() {
                        haystack.push('\n');
                    }
                    fold_into(&mut haystack, part);
                }
                haystack
            })
            .collect();
        for p in dataset.positions() {
            haystacks[p.issue].push('\n');
            fold_into(&mut haystacks[p.issue], &p.summary);
        }
        SearchIndex { haystacks }
    }

    /// Whether issue `issue` contains every folded term (`terms` of the query).
    pub fn matches(&self, issue: usize, terms: &[String]) -> bool {
        let haystack = &self.haystacks[issue];
        terms.iter().all(|t| haystack.contains(t.as_str()))
    }
}
