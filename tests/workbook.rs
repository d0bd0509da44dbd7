//! Workbooks (`.xlsx`, `.ods`) read by the check page and the command-line tool: the sheet
//! named `stance-matrix` or else the first, date cells as `YYYY-MM-DD`, numbers as written,
//! and every problem told as the spreadsheet names its cell (`Talks!C4`).
#![cfg(feature = "sheet")]

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use stance_matrix::model::{parse, BUNDLED};
use stance_matrix::sheet::{check_bytes, to_sheet};

/// The widget's own sheet of the bundled dataset, as rows of cells (formula guards removed, as
/// a spreadsheet shows them).
fn bundled_rows() -> Vec<Vec<String>> {
    let csv = to_sheet(&parse(BUNDLED).expect("valid"));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| {
            r.expect("csv")
                .iter()
                .map(|c| match c.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                    _ => c.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A date cell's value, if `cell` is a date.
fn ymd(cell: &str) -> Option<(u16, u8, u8)> {
    let parts: Vec<&str> = cell.split('-').collect();
    match parts[..] {
        [y, m, d] if cell.len() == 10 => Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)),
        _ => None,
    }
}

fn problems(bytes: &[u8]) -> Vec<String> {
    match check_bytes(bytes).1.result {
        Ok(_) => panic!("expected problems"),
        Err(p) => p.into_iter().map(|p| p.message).collect(),
    }
}

#[test]
fn an_xlsx_with_the_bundled_rows_and_date_cells_reads_back_to_the_bundled_dataset() {
    let mut book = Workbook::new();
    // A first sheet of notes: the one named stance-matrix is read.
    book.add_worksheet()
        .set_name("Notes")
        .expect("name")
        .write_string(0, 0, "not the data")
        .expect("write");
    let sheet = book.add_worksheet();
    sheet.set_name("stance-matrix").expect("name");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut dates = 0;
    for (r, row) in bundled_rows().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match ymd(cell) {
                Some((y, m, d)) => {
                    let when = ExcelDateTime::from_ymd(y, m, d).expect("date");
                    sheet
                        .write_datetime_with_format(r, c, &when, &date)
                        .expect("write");
                    dates += 1;
                }
                None if cell.is_empty() => {}
                None => {
                    sheet.write_string(r, c, cell).expect("write");
                }
            }
        }
    }
    assert!(dates > 59, "the dates are date cells: {dates}");
    let bytes = book.save_to_buffer().expect("xlsx");
    // The check page's end-to-end test chooses this very workbook (tests/e2e/check-input.test.mjs).
    if let Some(path) = std::env::var_os("STANCE_MATRIX_WRITE_XLSX") {
        std::fs::write(path, &bytes).expect("write the workbook");
    }
    let (text, checked) = check_bytes(&bytes);
    assert_eq!(text, None);
    let problems = checked.result.as_ref().err().cloned();
    assert!(
        checked.result.ok() == parse(BUNDLED).ok(),
        "read back differently: {problems:?}"
    );
}

#[test]
fn a_workbook_with_a_date_cell_a_number_and_a_bad_stance_names_the_cell() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Talks").expect("name");
    let date = Format::new().set_num_format("d mmm yyyy");
    let when = ExcelDateTime::from_ymd(2025, 5, 15).expect("date");
    sheet.write_string(0, 0, "title").expect("write");
    sheet.write_string(0, 1, "Trade talks").expect("write");
    let header = [
        "issue",
        "party",
        "stance",
        "summary",
        "date",
        "confidence",
        "source",
        "source url",
    ];
    for (c, name) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *name).expect("write");
    }
    for (r, stance) in [(3, "maybe"), (4, "open")] {
        sheet.write_string(r, 0, "Tariffs").expect("write");
        sheet
            .write_string(r, 1, format!("Party {r}"))
            .expect("write");
        sheet.write_string(r, 2, stance).expect("write");
        // A number where text goes: read as written, "42", not "42.0".
        sheet.write_number(r, 3, 42).expect("write");
        sheet
            .write_datetime_with_format(r, 4, &when, &date)
            .expect("write");
        sheet.write_string(r, 5, "on record").expect("write");
        sheet.write_string(r, 6, "Report").expect("write");
        sheet
            .write_string(r, 7, "https://example.org/r")
            .expect("write");
    }
    let found = problems(&book.save_to_buffer().expect("xlsx"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("Talks!C4 (stance): unknown value \"maybe\""),
        "{found:?}"
    );
}

/// An `.ods` file: a zip with its entries stored (no compression), as the format allows.
fn ods(rows: &[Vec<String>]) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in row {
            match ymd(cell) {
                Some(_) => table.push_str(&format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{cell}\"><text:p>{cell}</text:p></table:table-cell>"
                )),
                None if cell.is_empty() => table.push_str("<table:table-cell/>"),
                None => table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    escape(cell)
                )),
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Sheet1\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
        xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of `files`, stored without compression.
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crc32(data), data.len() as u32, name.len() as u16);
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes()); // version needed
            v.extend(0u16.to_le_bytes()); // flags
            v.extend(0u16.to_le_bytes()); // stored
            v.extend(0u32.to_le_bytes()); // time and date
            v.extend(crc.to_le_bytes());
            v.extend(size.to_le_bytes());
            v.extend(size.to_le_bytes());
            v.extend(name_len.to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // version made by
        common(&mut central);
        central.extend([0u8; 6]); // comment length, disk, internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((files.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[test]
fn an_ods_with_the_bundled_rows_reads_back_to_the_bundled_dataset() {
    let bytes = ods(&bundled_rows());
    let (_, checked) = check_bytes(&bytes);
    let problems = checked.result.as_ref().err().cloned();
    assert!(
        checked.result.ok() == parse(BUNDLED).ok(),
        "read back differently: {problems:?}"
    );
}

#[test]
fn a_zip_that_is_no_workbook_is_refused_with_a_reason() {
    let found = problems(&stored_zip(&[("hello.txt", b"hello".as_slice())]));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("this workbook cannot be read ("),
        "{found:?}"
    );
}

#[test]
fn the_command_checks_and_converts_a_workbook_with_cell_names_in_its_messages() {
    let dir = std::env::temp_dir().join(format!("stance-matrix-book-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    std::fs::write(path("talks.ods"), ods(&bundled_rows())).expect("write");
    let tool = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_stance-matrix-data"))
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = tool(&["convert", &path("talks.ods"), "-o", &path("talks.json")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("talks.json"), "{out}");
    let json = std::fs::read_to_string(path("talks.json")).expect("converted");
    assert!(parse(&json).ok() == parse(BUNDLED).ok());
    let mut rows = bundled_rows();
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "issue"))
        .expect("header");
    let stance = rows[header]
        .iter()
        .position(|c| c == "stance")
        .expect("stance");
    let at = rows
        .iter()
        .rposition(|r| r.get(stance).is_some_and(|c| !c.is_empty()))
        .expect("a position row");
    rows[at][stance] = "maybe".into();
    std::fs::write(path("bad.ods"), ods(&rows)).expect("write");
    let (code, _, err) = tool(&["check", &path("bad.ods")]);
    assert_eq!(code, Some(1));
    let cell = format!("Sheet1!{}{}", (b'A' + stance as u8) as char, at + 1);
    assert!(
        err.starts_with(&format!(
            "{}:{}:{}: {cell} (stance): unknown value \"maybe\"",
            path("bad.ods"),
            at + 1,
            stance + 1
        )),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
