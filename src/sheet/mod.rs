//! The spreadsheet format (docs/spreadsheet-format.md): a few metadata rows (title, as of,
//! description, methodology), a header row, then one row per position (and one per event).
//! Pure: no Yew or browser types. The writer (`to_sheet`) is the widget's "Download CSV"; the reader (feature
//! `sheet`, with the `csv` crate) is for the check page and the command-line tool, which
//! readers of the widget never download.

#[cfg(feature = "sheet")]
mod assemble;
#[cfg(feature = "sheet")]
mod cells;
#[cfg(feature = "sheet")]
mod check;
mod columns;
#[cfg(feature = "sheet")]
mod dates;
#[cfg(feature = "sheet")]
mod document;
#[cfg(feature = "sheet")]
pub mod encoding;
#[cfg(feature = "sheet")]
mod entities;
mod error;
#[cfg(feature = "sheet")]
mod events;
#[cfg(feature = "sheet")]
mod lookup;
mod meta;
#[cfg(feature = "sheet")]
mod positions;
#[cfg(feature = "sheet")]
mod read;
#[cfg(feature = "sheet")]
mod review;
#[cfg(feature = "sheet")]
mod similar;
#[cfg(feature = "sheet")]
mod workbook;
mod write;

#[cfg(feature = "sheet")]
pub use check::{check, check_bytes, is_json, Checked, Problem};
pub use columns::Col;
pub use error::SheetError;
pub use meta::Meta;
#[cfg(feature = "sheet")]
pub use read::delimiter;
pub use write::to_sheet;

/// A sheet read into a `stance-matrix/1` document (JSON text), checked by the same validation
/// as a JSON file, or every problem with its row and column.
#[cfg(feature = "sheet")]
pub fn read_sheet(text: &str) -> Result<(crate::model::Dataset, String), Vec<SheetError>> {
    located(read::read(text)).map(|(dataset, json, _)| (dataset, json))
}

/// A sheet read into a document and checked, with where each part of the document came from.
#[cfg(feature = "sheet")]
type Located = Result<(crate::model::Dataset, String, assemble::Builder), Vec<SheetError>>;

/// The document a sheet or a workbook was read into, checked by the model.
#[cfg(feature = "sheet")]
fn located(read: Result<(assemble::Builder, Vec<SheetError>), Vec<SheetError>>) -> Located {
    let (built, mut errors) = read?;
    let json = built.document();
    match crate::model::parse(&json) {
        Ok(dataset) if errors.is_empty() => Ok((dataset, json, built)),
        Ok(_) => Err(errors),
        Err(found) => {
            errors.extend(found.iter().map(|e| built.locate(e)));
            // In sheet order: whole-sheet problems first, then by row and column.
            errors.sort_by_key(|e| (e.row, e.column.as_ref().map_or(0, |(i, _)| *i)));
            Err(errors)
        }
    }
    .map_err(|mut errors: Vec<SheetError>| {
        // As many as a JSON file's: an editor fixes the first ones first.
        const KEPT: usize = crate::model::DataErrors::KEPT;
        if errors.len() > KEPT {
            let more = errors.len() - KEPT;
            errors.truncate(KEPT);
            errors.push(SheetError::at(
                0,
                None,
                format!("… and {more} more problems"),
            ));
        }
        errors
    })
}
