//! A file's bytes as text, for the check page and the command-line tool alike: UTF-8 (with or
//! without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode Text"), or
//! Windows-1252 (Excel's "CSV (Comma delimited)" on Windows), never with replacement
//! characters. Anything else (an image renamed `.csv`, a workbook, a truncated file) is an
//! error with the line and byte where it stopped being text.
//!
//! One pure function, so the browser and the command line decide the same way and it is tested
//! natively. Windows-1252 differs from Latin-1 only in 0x80–0x9F: a table of those 32 bytes
//! costs the check page a few hundred bytes, where `encoding_rs` would bring every encoding's.

use std::fmt;

/// How the text was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Excel's default for "CSV (Comma delimited)": worth a notice, since it cannot hold most
    /// of the world's letters.
    Windows1252,
}

/// Why bytes are not text this reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A control byte (NUL and the like) that no sheet or JSON file holds: a binary file.
    Binary {
        byte: u8,
        line: usize,
        offset: usize,
    },
    /// Not UTF-8 and not Windows-1252 (a byte Windows-1252 leaves undefined, or UTF-8 text
    /// with a broken character in it).
    Undecodable {
        byte: u8,
        line: usize,
        offset: usize,
    },
    /// UTF-16 with a half of a character (an unpaired surrogate, or an odd number of bytes).
    BrokenUtf16 { line: usize, offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DecodeError::Binary { byte, line, offset } => write!(
                f,
                "this is not a text file: line {line}, byte {offset} holds the control byte \
                 0x{byte:02X}. Is it a workbook or an image? Save the sheet as \"CSV UTF-8\""
            ),
            DecodeError::Undecodable { byte, line, offset } => write!(
                f,
                "this file is not in an encoding the checker reads (UTF-8, UTF-16 with a \
                 byte-order mark, Windows-1252): line {line}, byte {offset} is 0x{byte:02X}. \
                 Save the sheet as \"CSV UTF-8\""
            ),
            DecodeError::BrokenUtf16 { line, offset } => write!(
                f,
                "this UTF-16 file is cut or broken: line {line}, byte {offset} holds half a \
                 character. Save the sheet again, as \"CSV UTF-8\""
            ),
        }
    }
}

/// The characters of Windows-1252's bytes 0x80–0x9F (`None` where it defines none).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

/// The Windows-1252 character of `byte`, if it has one.
pub fn windows_1252(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// Whether a character is a control no text file holds (tab, line feed, carriage return and
/// form feed are text).
fn is_binary(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{7f}'
}

/// Line (from 1) and byte (from 1) of `offset` in single-byte or UTF-8 `bytes`, for a message.
fn place(bytes: &[u8], offset: usize) -> (usize, usize) {
    let line = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    (line, offset + 1)
}

/// `bytes` as text, and how it was stored.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => (utf16(rest, u16::from_le_bytes, 2)?, Encoding::Utf16Le),
        [0xFE, 0xFF, rest @ ..] => (utf16(rest, u16::from_be_bytes, 2)?, Encoding::Utf16Be),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(e) => {
                let at = e.valid_up_to();
                // UTF-8 letters before a broken one: a damaged UTF-8 file, not Windows-1252.
                if !bytes[..at].is_ascii() {
                    let (line, offset) = place(bytes, at);
                    return Err(DecodeError::Undecodable {
                        byte: bytes[at],
                        line,
                        offset,
                    });
                }
                (windows_1252_text(bytes)?, Encoding::Windows1252)
            }
        },
    };
    let (text, encoding) = text;
    if let Some((i, c)) = text.char_indices().find(|(_, c)| is_binary(*c)) {
        // Where in the file: `i` counts the text's UTF-8 bytes, not the file's.
        let offset = match encoding {
            Encoding::Utf8 => i,
            Encoding::Windows1252 => text[..i].chars().count(),
            Encoding::Utf16Le | Encoding::Utf16Be => 2 + 2 * text[..i].encode_utf16().count(),
        };
        return Err(DecodeError::Binary {
            byte: c as u8,
            line: text[..i].matches('\n').count() + 1,
            offset: offset + 1,
        });
    }
    Ok((text, encoding))
}

fn windows_1252_text(bytes: &[u8]) -> Result<String, DecodeError> {
    bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            windows_1252(b).ok_or_else(|| {
                let (line, offset) = place(bytes, i);
                DecodeError::Undecodable {
                    byte: b,
                    line,
                    offset,
                }
            })
        })
        .collect()
}

fn utf16(rest: &[u8], unit: fn([u8; 2]) -> u16, bom: usize) -> Result<String, DecodeError> {
    let whole = rest.len() / 2 * 2;
    let units = rest[..whole].chunks(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(whole);
    let mut at = bom;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                let (line, offset) = place16(rest, at - bom, unit, bom);
                return Err(DecodeError::BrokenUtf16 { line, offset });
            }
        }
    }
    if whole != rest.len() {
        let (line, offset) = place16(rest, whole, unit, bom);
        return Err(DecodeError::BrokenUtf16 { line, offset });
    }
    Ok(text)
}

/// Line and byte of `offset` in UTF-16 `rest` (after a `bom` of that many bytes).
fn place16(rest: &[u8], offset: usize, unit: fn([u8; 2]) -> u16, bom: usize) -> (usize, usize) {
    let line = rest[..offset.min(rest.len()) / 2 * 2]
        .chunks(2)
        .filter(|c| unit([c[0], c[1]]) == u16::from(b'\n'))
        .count()
        + 1;
    (line, bom + offset + 1)
}
