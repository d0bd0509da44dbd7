//! Reading a sheet: text pasted from a spreadsheet (tabs) or a CSV/TSV file (comma, semicolon
//! or tab, detected; a byte-order mark; quoted fields with delimiters and line breaks; empty
//! rows), parsed by the `csv` crate, into a `stance-matrix/1` document that the model then
//! validates. Every problem names its row and column, as the spreadsheet shows them.

use super::assemble::Builder;
use super::cells::Cells;
use super::columns::Col;
use super::error::SheetError;
use super::meta::Meta;

/// The delimiter of `text`: the one (tab, `;` or `,`) that splits one of its first rows into a
/// header naming an issue and a party column; failing that, a tab if the first non-empty line
/// has one (a paste from a spreadsheet), else `;` if that line has more semicolons than commas
/// (spreadsheets in locales that write decimal commas), else `,`. Quoted text is not counted.
pub fn delimiter(text: &str) -> u8 {
    let names_a_header = |delimiter: u8| {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader.records().take(50).flatten().any(|record| {
            let cols: Vec<Option<Col>> = record.iter().map(Col::parse).collect();
            (cols.contains(&Some(Col::Issue)) || cols.contains(&Some(Col::IssueId)))
                && (cols.contains(&Some(Col::Party)) || cols.contains(&Some(Col::PartyId)))
        })
    };
    if let Some(found) = [b'\t', b';', b','].into_iter().find(|&d| names_a_header(d)) {
        return found;
    }
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut tabs, mut semis, mut commas, mut quoted) = (0, 0, 0, false);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ';' if !quoted => semis += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// The sheet's rows as text cells, numbered from 1 like a spreadsheet's (empty rows count, a
/// cell's line breaks do not), without empty rows.
fn rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, SheetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    // The previous record's row, and the file line it ended on.
    let (mut row, mut end_line) = (0usize, 0u64);
    for record in reader.records() {
        let record = record
            .map_err(|e| SheetError::at(row + 1, None, format!("cannot read this row: {e}")))?;
        // The reader reports where it started looking, before the blank lines it skipped.
        let line = record.position().map_or(end_line + 1, |p| {
            let skipped = text
                .as_bytes()
                .get(usize::try_from(p.byte()).unwrap_or(usize::MAX)..)
                .unwrap_or_default();
            let blank = skipped
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .filter(|&&b| b == b'\n')
                .count();
            p.line() + blank as u64
        });
        row += usize::try_from(line.saturating_sub(end_line))
            .unwrap_or(1)
            .max(1);
        end_line = line
            + record
                .iter()
                .map(|f| f.matches('\n').count() as u64)
                .sum::<u64>();
        let cells: Vec<String> = record.iter().map(undefuse).collect();
        if cells.iter().any(|c| !c.trim().is_empty()) {
            out.push((row, cells));
        }
    }
    Ok(out)
}

/// A cell as the writer meant it: `'=…` (text a spreadsheet must not run as a formula, see
/// `export::csv_field`) back to `=…`.
fn undefuse(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::model::export::formula_like(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Reads `text` into a `stance-matrix/1` document (JSON text) and where each of its parts came
/// from, with every problem found on the way; `Err` when there is no table to read.
pub fn read(text: &str) -> Result<(Builder, Vec<SheetError>), Vec<SheetError>> {
    let limit = crate::model::limits::MAX_BYTES;
    if text.len() > limit {
        return Err(vec![SheetError::at(
            0,
            None,
            format!(
                "the sheet is {} bytes; the limit is {} MB",
                text.len(),
                limit / 1_000_000
            ),
        )]);
    }
    table(rows(text).map_err(|e| vec![e])?)
}

/// Reads a sheet's non-empty rows (numbered as the spreadsheet numbers them) into a document:
/// the metadata rows, the header, then one row per position or event.
pub fn table(
    rows: Vec<(usize, Vec<String>)>,
) -> Result<(Builder, Vec<SheetError>), Vec<SheetError>> {
    let mut errors = Vec::new();
    let mut builder = Builder::default();
    let mut header: Option<Vec<Option<Col>>> = None;
    // The header's cells as written: a value under a misnamed column is reported once, there.
    let mut named: Vec<bool> = Vec::new();
    for (row, cells) in rows {
        let Some(cols) = &header else {
            if let Some(meta) = Meta::parse(&cells[0]) {
                // As written: a title keeps its spaces (the date is trimmed where it is read).
                let value = cells.get(1).map(String::as_str).unwrap_or("");
                builder.meta(
                    meta,
                    row,
                    if meta == Meta::AsOf {
                        value.trim()
                    } else {
                        value
                    },
                );
                continue;
            }
            let cols: Vec<Option<Col>> = cells.iter().map(|c| Col::parse(c)).collect();
            if cols.contains(&Some(Col::Issue)) || cols.contains(&Some(Col::IssueId)) {
                for (i, (cell, col)) in cells.iter().zip(&cols).enumerate() {
                    if col.is_some() && cols[..i].contains(col) {
                        errors.push(SheetError::at(
                            row,
                            Some((i, cell.trim().to_string())),
                            "is a second column of that name: keep one".to_string(),
                        ));
                    }
                    if col.is_none() && !cell.trim().is_empty() {
                        let message = match nearest_column(cell) {
                            Some(name) => format!(
                                "is not a column this format knows (did you mean \"{name}\"?)"
                            ),
                            None => {
                                "is not a column this format knows (see docs/spreadsheet-format.md)"
                                    .to_string()
                            }
                        };
                        errors.push(SheetError::at(
                            row,
                            Some((i, cell.trim().to_string())),
                            message,
                        ));
                    }
                }
                for required in [
                    Col::Party,
                    Col::Stance,
                    Col::Date,
                    Col::Confidence,
                    Col::Summary,
                    Col::SourceUrl(0),
                ] {
                    if !(cols.contains(&Some(required))
                        || required == Col::Party && cols.contains(&Some(Col::PartyId)))
                    {
                        errors.push(SheetError::at(
                            row,
                            None,
                            format!("the header has no \"{}\" column", required.name()),
                        ));
                    }
                }
                named = cells.iter().map(|c| !c.trim().is_empty()).collect();
                header = Some(cols);
            } else {
                let first = cells[0].trim();
                errors.push(SheetError::at(row, None, format!(
                    "\"{first}\" is neither a line above the table (title, as of, description, methodology) nor the table's header (issue, party, stance, …)"
                )));
            }
            continue;
        };
        builder.set_header(cols);
        // A value in a column without a name (or past the last one) would be lost: say so. A
        // column with a name this format does not know is reported once, at its header.
        if let Some(i) = cells.iter().enumerate().position(|(i, c)| {
            cols.get(i).copied().flatten().is_none()
                && !named.get(i).copied().unwrap_or(false)
                && !c.trim().is_empty()
        }) {
            errors.push(SheetError::at(row, None, format!("the value in column {} has no column name above it: name the column, or move the value", letter(i))));
        }
        errors.extend(builder.row(row, &Cells::new(cols, &cells)));
    }
    if header.is_none() {
        errors.push(SheetError::at(
            1,
            None,
            "no header row: the table needs a row naming its columns (issue, party, stance, …)"
                .to_string(),
        ));
        return Err(errors);
    }
    Ok((builder, errors))
}

pub use super::error::letter;

/// The column a misspelt header most likely meant (`red lines` → `red line`).
fn nearest_column(header: &str) -> Option<String> {
    let typed = super::columns::normalize(header);
    let budget = (typed.chars().count() / 4).max(1);
    super::columns::MAIN
        .iter()
        .chain(super::columns::EXTRA.iter())
        .chain(super::columns::ADDS.iter())
        .chain(super::columns::EVENTS.iter())
        .copied()
        .chain(super::columns::source_group(0))
        .map(|c| c.name())
        .map(|name| (super::similar::distance(&typed, &name), name))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}
