//! Any dataset text, JSON or a sheet, checked the same way for the command-line tool and the
//! check page: the dataset, or every problem with the line and column it is at.

use crate::model::{locate, parse, Dataset, ErrorKind};

/// A problem, where an editor finds it: line (JSON) or row (sheet), and column, from 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    /// The message with its place: `positions[3].stance: …` or `row 7, column stance: …`.
    pub message: String,
}

/// Whether `text` is JSON (it starts with `{`), else a sheet.
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
}

/// The dataset in `text`, or its problems (at most 200, then one that counts the rest).
pub fn check(text: &str) -> Result<Dataset, Vec<Problem>> {
    if !is_json(text) {
        return super::read_sheet(text)
            .map(|(dataset, _)| dataset)
            .map_err(|errors| {
                errors
                    .iter()
                    .map(|e| Problem {
                        line: e.row.max(1),
                        column: e
                            .column
                            .as_ref()
                            .filter(|(i, _)| *i != usize::MAX)
                            .map_or(1, |(i, _)| i + 1),
                        message: e.to_string(),
                    })
                    .collect()
            });
    }
    parse(text).map_err(|errors| {
        let mut problems: Vec<Problem> = errors
            .iter()
            .map(|e| {
                let (line, column) = match &e.kind {
                    ErrorKind::Syntax { line, column, .. } => (*line, *column),
                    _ => locate(text, &e.path).unwrap_or((1, 1)),
                };
                Problem {
                    line,
                    column,
                    message: e.to_string(),
                }
            })
            .collect();
        if errors.more() > 0 {
            problems.push(Problem {
                line: 1,
                column: 1,
                message: format!("… and {} more problems", errors.more()),
            });
        }
        problems
    })
}
