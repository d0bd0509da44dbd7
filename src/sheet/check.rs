//! Any dataset, JSON or a sheet, checked the same way for the command-line tool and the check
//! page: the dataset or every problem, each with the line and column it is at, and apart from
//! them the warnings (likely mistakes, and how the file was decoded).

use super::encoding::{decode, Encoding};
use super::review::{review, Finding};
use crate::model::{locate, parse, Dataset, ErrorKind};

/// A problem, where an editor finds it: line (JSON) or row (sheet), and column, from 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    /// The message with its place: `positions[3].stance: …` or `row 7, column stance: …`.
    pub message: String,
}

/// What checking found: the dataset or its problems, and the warnings beside either.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub result: Result<Dataset, Vec<Problem>>,
    pub warnings: Vec<Problem>,
    /// Whether the text was JSON (its problems are at lines), else a sheet (at rows).
    pub json: bool,
}

/// Whether `text` is JSON (it starts with `{`), else a sheet.
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// A file's bytes checked: decoded first (UTF-8, UTF-16 with a byte-order mark, or
/// Windows-1252, with a warning), never with replacement characters. The text, when there is
/// one, comes back too, for the page's box.
pub fn check_bytes(bytes: &[u8]) -> (Option<String>, Checked) {
    // A zip archive, as `.xlsx` and `.ods` files are.
    if bytes.starts_with(b"PK\x03\x04") {
        return (None, check_workbook(bytes));
    }
    match decode(bytes) {
        Ok((text, encoding)) => {
            let mut checked = check(&text);
            if encoding == Encoding::Windows1252 {
                checked.warnings.insert(
                    0,
                    whole(
                        "this file was saved as Windows-1252 (Excel's \"CSV (Comma delimited)\") \
                     and was read as such; next time choose \"CSV UTF-8 (Comma delimited)\", \
                     which keeps every alphabet"
                            .into(),
                    ),
                );
            }
            (Some(text), checked)
        }
        Err(e) => (
            None,
            Checked {
                result: Err(vec![whole(e.to_string())]),
                warnings: Vec::new(),
                json: false,
            },
        ),
    }
}

fn whole(message: String) -> Problem {
    Problem {
        line: 1,
        column: 1,
        message,
    }
}

/// The dataset in `text`, or its problems (at most 200, then one that counts the rest).
pub fn check(text: &str) -> Checked {
    let json = is_json(text);
    let (result, findings) = if json {
        json_problems(text)
    } else {
        sheet_problems_of(text)
    };
    finish(result, findings, json)
}

/// The errors among the findings make a valid dataset invalid; the rest are warnings.
fn finish(
    result: Result<Dataset, Vec<Problem>>,
    findings: Vec<(bool, Problem)>,
    json: bool,
) -> Checked {
    let (errors, warnings): (Vec<_>, Vec<_>) = findings.into_iter().partition(|(e, _)| *e);
    let errors: Vec<Problem> = errors.into_iter().map(|(_, p)| p).collect();
    let result = match result {
        Ok(_) if !errors.is_empty() => Err(errors),
        other => other,
    };
    // Not sorted by place: grouped by kind, and a sort would add a few kB to the check page.
    Checked {
        result,
        warnings: warnings.into_iter().map(|(_, p)| p).collect(),
        json,
    }
}

type Found = (Result<Dataset, Vec<Problem>>, Vec<(bool, Problem)>);

/// A workbook's sheet checked; every place told as `Sheet1!D7`.
fn check_workbook(bytes: &[u8]) -> Checked {
    let (result, findings) = match super::workbook::rows(bytes) {
        Ok((name, rows)) => {
            let read = super::located(super::read::table(rows));
            sheet_problems(read, Some(&name))
        }
        Err(message) => (Err(vec![whole(message)]), Vec::new()),
    };
    finish(result, findings, false)
}

fn sheet_problems_of(text: &str) -> Found {
    sheet_problems(super::located(super::read::read(text)), None)
}

fn sheet_problems(read: super::Located, book: Option<&str>) -> Found {
    let problem = |e: &super::SheetError| match book {
        Some(name) => cell_problem(name, e),
        None => sheet_problem(e),
    };
    match read {
        Ok((dataset, _, built)) => {
            let findings = review(&dataset)
                .into_iter()
                .map(|f| {
                    let other = f.other.as_deref().map(|o| built.row_of(o));
                    let message = with_other(&f, other);
                    let e = built.locate_with(&f.path, &ErrorKind::Empty, message);
                    (f.error, problem(&e))
                })
                .collect();
            (Ok(dataset), findings)
        }
        Err(errors) => (Err(errors.iter().map(problem).collect()), Vec::new()),
    }
}

/// A problem in a workbook's sheet, told as the spreadsheet names cells: `Sheet1!D7: …`.
fn cell_problem(sheet: &str, e: &super::SheetError) -> Problem {
    let mut p = sheet_problem(e);
    let column = e.column.as_ref().filter(|(i, _)| *i != usize::MAX);
    p.message = match (e.row, column) {
        (0, _) => format!("{sheet}: {}", e.message),
        (row, Some((i, name))) => {
            format!(
                "{sheet}!{}{row} ({name}): {}",
                super::read::letter(*i),
                e.message
            )
        }
        (row, None) => format!("{sheet}, row {row}: {}", e.message),
    };
    p
}

fn with_other(f: &Finding, other: Option<String>) -> String {
    f.message
        .replace("{at}", other.as_deref().unwrap_or_default())
}

fn sheet_problem(e: &super::SheetError) -> Problem {
    Problem {
        line: e.row.max(1),
        column: e
            .column
            .as_ref()
            .filter(|(i, _)| *i != usize::MAX)
            .map_or(1, |(i, _)| i + 1),
        message: e.to_string(),
    }
}

fn json_problems(text: &str) -> Found {
    let errors = match parse(text) {
        Ok(dataset) => {
            let findings = review(&dataset)
                .into_iter()
                .map(|f| {
                    let (line, column) = locate(text, &f.path).unwrap_or((1, 1));
                    let message = format!("{}: {}", f.path, with_other(&f, f.other.clone()));
                    (
                        f.error,
                        Problem {
                            line,
                            column,
                            message,
                        },
                    )
                })
                .collect();
            return (Ok(dataset), findings);
        }
        Err(errors) => errors,
    };
    let mut problems: Vec<Problem> = errors
        .iter()
        .map(|e| {
            let (line, column) = match &e.kind {
                ErrorKind::Syntax { line, column, .. } => (*line, *column),
                _ => locate(text, &e.path).unwrap_or((1, 1)),
            };
            let mut message = e.to_string();
            if let ErrorKind::BadDate { value } = &e.kind {
                if let Some(hint) = super::dates::suggestion(value) {
                    message = format!("{message}: {hint}");
                }
            }
            Problem {
                line,
                column,
                message,
            }
        })
        .collect();
    if errors.more() > 0 {
        problems.push(whole(format!("… and {} more problems", errors.more())));
    }
    (Err(problems), Vec::new())
}
