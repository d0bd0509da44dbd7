//! "Did you mean": the known field name a typo most likely meant.

/// The known field a typo most likely meant: same letters in another case, or at most a third
/// of the letters (at least one) edited.
pub(super) fn nearest(field: &str, known: &[&'static str]) -> Option<&'static str> {
    let budget = (field.chars().count() / 3).max(1);
    known
        .iter()
        .filter_map(|k| {
            edit_distance(field, k)
                .filter(|d| *d <= budget)
                .map(|d| (d, *k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Longest known field name `edit_distance` compares against (they are all short).
const MAX_KNOWN: usize = 31;

/// Optimal string alignment distance between `typed` (compared in ASCII lower case, cut to 64
/// characters, so a hostile key cannot make this slow) and the known field name `known`:
/// insertions, deletions, substitutions and swaps of neighbours each cost one. Three rows on the
/// stack: no allocation per candidate. `None` for a known name longer than `MAX_KNOWN`.
fn edit_distance(typed: &str, known: &str) -> Option<usize> {
    let b = known.as_bytes();
    if b.len() > MAX_KNOWN {
        return None;
    }
    let mut before = [0usize; MAX_KNOWN + 1];
    let mut above: [usize; MAX_KNOWN + 1] = std::array::from_fn(|j| j);
    let mut row = [0usize; MAX_KNOWN + 1];
    let mut previous_char = None;
    for (i, c) in typed.chars().take(64).enumerate() {
        let c = c.to_ascii_lowercase();
        row[0] = i + 1;
        for j in 1..=b.len() {
            let cost = usize::from(c != char::from(b[j - 1]));
            let mut d = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
            if j > 1 && previous_char == Some(char::from(b[j - 1])) && c == char::from(b[j - 2]) {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        previous_char = Some(c);
        before = above;
        above = row;
    }
    Some(above[b.len()])
}
