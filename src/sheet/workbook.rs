//! Workbooks (`.xlsx`, `.ods`), read with `calamine` for the command-line tool (not in the
//! check page's wasm, which it would more than double, nor ever the readers' widget): the sheet
//! named `stance-matrix`, else the first one, as rows of text cells for the same reader as a
//! CSV file. Date cells become `YYYY-MM-DD`, numbers are written as a spreadsheet shows them
//! (`42`, not `42.0`).

use calamine::{Data, Ods, Reader, Xlsx};
use std::io::Cursor;

/// A sheet's non-empty rows, numbered as the spreadsheet numbers them.
pub type Rows = Vec<(usize, Vec<String>)>;

/// The sheet to read (its name and rows), or why the workbook cannot be read.
pub fn rows(bytes: &[u8]) -> Result<(String, Rows), String> {
    let cannot = |e: &dyn std::fmt::Display| {
        format!("this workbook cannot be read ({e}): save it again as .xlsx, .ods or CSV UTF-8")
    };
    match calamine::open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
        Ok(mut book) => sheet(&mut book).map_err(|e| cannot(&e)),
        Err(xlsx) => match calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
            Ok(mut book) => sheet(&mut book).map_err(|e| cannot(&e)),
            Err(_) => Err(cannot(&xlsx)),
        },
    }
}

fn sheet<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    book: &mut R,
) -> Result<(String, Rows), String>
where
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let name = names
        .iter()
        .find(|n| super::columns::normalize(n) == "stance matrix")
        .or(names.first())
        .cloned()
        .ok_or_else(|| "the workbook has no sheet".to_string())?;
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let (top, left) = (top as usize, left as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row = vec![String::new(); left];
            row.extend(cells.iter().map(text));
            (top + i + 1, row)
        })
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok((name, rows))
}

/// A cell as text: a date as `YYYY-MM-DD`, a whole number without a decimal point.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}
