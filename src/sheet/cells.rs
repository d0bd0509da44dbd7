//! One row of a sheet, its cells looked up by the column the header names.

use super::columns::Col;

/// One row's cells, looked up by column.
pub struct Cells<'a> {
    cols: &'a [Option<Col>],
    cells: &'a [String],
}

impl<'a> Cells<'a> {
    pub fn new(cols: &'a [Option<Col>], cells: &'a [String]) -> Cells<'a> {
        Cells { cols, cells }
    }

    /// The text under `col` as written, if it is not blank: names and text keep their spaces,
    /// so a dataset read back from its own sheet is the same.
    pub(super) fn get(&self, col: Col) -> Option<&'a str> {
        let i = self.cols.iter().position(|c| *c == Some(col))?;
        self.cells
            .get(i)
            .map(String::as_str)
            .filter(|c| !c.trim().is_empty())
    }

    /// A keyword, id, date or address under `col`, trimmed.
    pub(super) fn key(&self, col: Col) -> Option<&'a str> {
        self.get(col).map(str::trim)
    }
}
