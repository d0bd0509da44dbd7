//! A problem in a sheet, told as a spreadsheet shows it: row and column.

use std::fmt;

/// A problem in a sheet, where the spreadsheet shows it: row (from 1) and column.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetError {
    /// The row, from 1 as a spreadsheet numbers them; 0 for the sheet as a whole.
    pub row: usize,
    /// The column's index (from 0) and name, when the problem is in one cell.
    pub column: Option<(usize, String)>,
    pub message: String,
}

impl SheetError {
    pub fn at(row: usize, column: Option<(usize, String)>, message: String) -> SheetError {
        SheetError {
            row,
            column,
            message,
        }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (0, None) => write!(f, "{}", self.message),
            (0, Some((_, name))) => write!(f, "column {name}: {}", self.message),
            (row, None) => write!(f, "row {row}: {}", self.message),
            // The letter the spreadsheet shows above the column, and its name.
            (row, Some((i, name))) if *i != usize::MAX => write!(
                f,
                "row {row}, column {} ({name}): {}",
                letter(*i),
                self.message
            ),
            (row, Some((_, name))) => write!(f, "row {row}, column {name}: {}", self.message),
        }
    }
}

/// A column's letter as a spreadsheet shows it: 0 → A, 25 → Z, 26 → AA.
pub fn letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}
