//! Where in a JSON text a value sits, given its path (`positions[12].party`): for messages that
//! give a line and column as well as the path (the command-line tool, the check page). Works on
//! the text directly, after the parser has accepted its syntax.

/// The 1-based line and column of the value at `path` in `text` (a whole-file problem, an
/// empty path, is at 1:1), or `None` when the path is not in the text.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    // A byte-order mark is not a column an editor sees.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    for step in steps(path) {
        at = match step {
            Step::Key(key) => member(bytes, at, key)?,
            Step::Index(index) => element(bytes, at, index)?,
        };
    }
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Step::Key(key));
        }
        out.extend(
            pieces
                .filter_map(|p| p.trim_end_matches(']').parse().ok())
                .map(Step::Index),
        );
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (its opening quote), after the closing quote.
fn string_end(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The end of the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => string_end(b, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            j
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            j
        }
    }
}

/// The start of member `key`'s value in the object at `i` (its first one, as the parser reports).
fn member(b: &[u8], i: usize, key: &str) -> Option<usize> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let end = string_end(b, j);
        let name = std::str::from_utf8(b.get(j + 1..end - 1)?).ok()?;
        let value = skip_ws(b, skip_ws(b, end) + 1);
        if name == key {
            return Some(value);
        }
        j = skip_ws(b, value_end(b, value));
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

/// The start of element `index` of the array at `i`.
fn element(b: &[u8], i: usize, index: usize) -> Option<usize> {
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    for _ in 0..index {
        if matches!(b.get(j), None | Some(b']')) {
            return None;
        }
        j = skip_ws(b, value_end(b, j));
        if b.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (!matches!(b.get(j), None | Some(b']'))).then_some(j)
}
