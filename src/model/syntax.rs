//! Where and why a text is not JSON, in an editor's words: serde_json finds the problem, this
//! says it with a line and a column in characters.

/// Where and why the text is not JSON. Line and column count from 1, columns in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub detail: String,
}

/// Line and column (from 1, in characters) of byte offset `at`.
pub(super) fn error_at(text: &str, at: usize, detail: String) -> SyntaxError {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    SyntaxError {
        line,
        column,
        detail,
    }
}

/// serde_json's error, in our words and with the column in characters. serde_json counts the
/// column in bytes up to and including the byte it stopped at (0 before the first).
pub(super) fn syntax_error(text: &str, error: &serde_json::Error) -> SyntaxError {
    let line_start = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    // At the end of the file, point just past it, where the missing text would go.
    let mut at = match error.classify() {
        serde_json::error::Category::Eof => text.len(),
        _ => (line_start + error.column().saturating_sub(1)).min(text.len()),
    };
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    error_at(text, at, in_our_words(message, text[at..].chars().next()))
}

/// serde_json's terse messages, said the way an editor fixing a file by hand needs them.
fn in_our_words(message: &str, found: Option<char>) -> String {
    let found = match found {
        None => "the end of the file".to_string(),
        Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
        Some(c) => format!("'{c}'"),
    };
    match message {
        "EOF while parsing a string" => "the file ends inside a string: a closing '\"' is missing".into(),
        "EOF while parsing an object" => "the file ends inside an object: a closing '}' is missing".into(),
        "EOF while parsing a list" => "the file ends inside a list: a closing ']' is missing".into(),
        m if m.starts_with("EOF while parsing") => "the file ends where a value should be".into(),
        "expected ident" => format!("expected true, false or null, found {found}"),
        "invalid number" => format!("an invalid number (found {found})"),
        m if m.starts_with("nested deeper") => m.into(),
        "trailing comma" => format!("a comma before {found}: remove the comma"),
        "trailing characters" => "unexpected text after the end of the JSON value".into(),
        "expected value" => format!("expected a value, found {found}"),
        "key must be a string" => format!("expected a field name in double quotes, found {found}"),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a line break or control character inside a string must be escaped".into()
        }
        "invalid escape" => "an invalid escape after '\\' (use \\n, \\\", \\\\ or \\u0041)".into(),
        m if m.contains("lone leading surrogate") || m.contains("unexpected end of hex escape") => {
            "a \\u escape of a lone surrogate: a high one (D800–DBFF) must be followed by a low one (DC00–DFFF)".into()
        }
        m => format!("{}, found {found}", m.replace('`', "\"")),
    }
}
