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
            (row, Some((_, name))) => write!(f, "row {row}, column {name}: {}", self.message),
        }
    }
}
