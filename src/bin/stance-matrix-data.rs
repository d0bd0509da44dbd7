//! `stance-matrix-data`: datasets in a newsroom's build pipeline.
//!
//!   stance-matrix-data check FILE…           every problem as FILE:LINE:COLUMN: message; exit 1
//!   stance-matrix-data convert IN -o OUT     a sheet (CSV or TSV) to JSON (OUT.json), or JSON to CSV (OUT.csv)
//!
//! A file is a workbook (.xlsx, .ods) when it is a zip archive, JSON when its text starts with
//! `{`, else a sheet (docs/spreadsheet-format.md).
//! Files are read as UTF-8, UTF-16 with a byte-order mark, or Windows-1252 (with a warning).
//! Warnings go to standard error as FILE:LINE:COLUMN: warning: message and do not change the
//! exit status: 0 all valid / converted, 1 a file has problems, 2 a usage or file error.

use stance_matrix::model::export::to_json;
use stance_matrix::model::Dataset;
use stance_matrix::sheet::{check_bytes, to_sheet, Problem};
use std::process::ExitCode;

const USAGE: &str = "usage: stance-matrix-data check FILE...
       stance-matrix-data convert IN -o OUT.json|OUT.csv
       stance-matrix-data [COMMAND] --help

Checks and converts Stance Matrix datasets: JSON (stance-matrix/1), a sheet (CSV or TSV, in
UTF-8, UTF-16 with a byte-order mark, or Windows-1252) or a workbook (.xlsx, .ods: the sheet
named stance-matrix, else the first); see docs/spreadsheet-format.md.

commands:
  check     every problem as FILE:LINE:COLUMN: message, and warnings beside them
  convert   a sheet to JSON, or JSON to a sheet (CSV)";

const CHECK_USAGE: &str = "usage: stance-matrix-data check FILE...

Checks each FILE (JSON, a sheet or a workbook). Prints \"FILE: valid: …\" on standard output for a valid
file; every problem as FILE:LINE:COLUMN: message, and every warning as
FILE:LINE:COLUMN: warning: message, on standard error. Warnings (a party name close to
another's, a short label used twice, a character lost in a conversion, a file read as
Windows-1252) do not make a file invalid.

exit status: 0 every file valid, 1 a file has problems, 2 a usage or file error";

const CONVERT_USAGE: &str = "usage: stance-matrix-data convert IN -o OUT.json|OUT.csv

Reads IN (JSON, a sheet or a workbook), checks it like `check`, and writes it to OUT: JSON when OUT ends
in .json, a sheet (CSV, UTF-8 with a byte-order mark) when it ends in .csv. Prints
\"IN → OUT\" when done.

exit status: 0 converted, 1 IN has problems, 2 a usage or file error";

fn lines(file: &str, problems: &[Problem], label: &str) {
    for p in problems {
        eprintln!("{file}:{}:{}: {label}{}", p.line, p.column, p.message);
    }
}

/// The dataset in `file`, with its warnings printed; `Err` with the exit status otherwise.
fn read(file: &str) -> Result<Dataset, ExitCode> {
    let bytes = std::fs::read(file).map_err(|e| {
        eprintln!("{file}: {e}");
        ExitCode::from(2)
    })?;
    let (_, checked) = check_bytes(&bytes);
    lines(file, &checked.warnings, "warning: ");
    checked.result.map_err(|problems| {
        lines(file, &problems, "");
        ExitCode::FAILURE
    })
}

fn check(files: &[String]) -> ExitCode {
    if files.is_empty() {
        return usage(CHECK_USAGE);
    }
    let mut status = ExitCode::SUCCESS;
    for file in files {
        match read(file) {
            Ok(ds) => println!(
                "{file}: valid: {} issues, {} parties, {} positions",
                ds.issues().len(),
                ds.parties().len(),
                ds.positions().len()
            ),
            Err(code) if code == ExitCode::from(2) => return code,
            Err(code) => status = code,
        }
    }
    status
}

fn convert(input: &str, output: &str) -> ExitCode {
    let dataset = match read(input) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let written = if output.ends_with(".json") {
        to_json(&dataset)
    } else if output.ends_with(".csv") {
        to_sheet(&dataset)
    } else {
        eprintln!("{output}: name the output .json or .csv");
        return ExitCode::from(2);
    };
    match std::fs::write(output, written) {
        Ok(()) => {
            println!("{input} → {output}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{output}: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage(text: &str) -> ExitCode {
    eprintln!("{text}");
    ExitCode::from(2)
}

fn help(text: &str) -> ExitCode {
    println!("{text}");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let asks_help = args.iter().any(|a| a == "--help" || a == "-h");
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", ..] if asks_help => help(CHECK_USAGE),
        ["convert", ..] if asks_help => help(CONVERT_USAGE),
        _ if asks_help || args.first().is_some_and(|a| a == "help") => help(USAGE),
        ["check", ..] => check(&args[1..]),
        ["convert", input, "-o", output] => convert(input, output),
        ["convert", ..] => usage(CONVERT_USAGE),
        _ => usage(USAGE),
    }
}
