//! Whether two party names may be one party written two ways: an abbreviation of the other
//! ("USA", "United States"), or a slip of a letter or two ("Ukriane", "Ukraine").

/// Words an abbreviation skips: "United States of America" is USA.
const SKIPPED: [&str; 6] = ["of", "the", "and", "for", "de", "la"];

/// Whether `a` and `b` are likely the same name written two ways.
pub fn close(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.to_lowercase() == b.to_lowercase() {
        return false;
    }
    abbreviates(a, b) || abbreviates(b, a) || {
        let (fa, fb) = (a.to_lowercase(), b.to_lowercase());
        let shorter = fa.chars().count().min(fb.chars().count());
        shorter >= 4 && distance(&fa, &fb) <= (shorter / 4).max(1)
    }
}

/// Whether `short` (one word in capitals, 2–6 letters, dots allowed: "USA", "U.K.") matches the
/// initials of `long`'s words, one starting the other ("US" for "United States" fits "USA").
fn abbreviates(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| *c != '.').collect();
    let count = letters.chars().count();
    // Capitals: letters whose lower case differs (the lower-case table is in the bundle anyway;
    // an upper-case one would add to the check page's wasm).
    let capital = |c: char| c.to_lowercase().ne(std::iter::once(c));
    if !(2..=6).contains(&count) || !letters.chars().all(capital) {
        return false;
    }
    let letters = letters.to_lowercase();
    let initials: String = long
        .split_whitespace()
        .filter(|w| !SKIPPED.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    initials.chars().count() >= 2
        && long.split_whitespace().count() >= 2
        && (letters.starts_with(&initials) || initials.starts_with(&letters))
}

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; names are short, and
/// only names used in one row are compared, so a plain table is cheap enough.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) =
        (a.chars().take(64).collect(), b.chars().take(64).collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

// Beside the code, without a `mod tests`: the module graph test reads `super::` as the parent.
#[cfg(test)]
#[test]
fn abbreviations_and_slips_are_close_other_names_are_not() {
    assert!(close("USA", "United States"));
    assert!(close("United States of America", "US"));
    assert!(close("U.K.", "United Kingdom"));
    assert!(close("Ukriane", "Ukraine"));
    assert!(!close("Russia", "Ukraine"));
    assert!(!close("US", "EU"));
    assert!(!close("UK", "Ukraine"));
    assert!(!close("China", "china"));
}
