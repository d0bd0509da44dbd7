//! `stance-matrix-data`: datasets in a newsroom's build pipeline.
//!
//!   stance-matrix-data check FILE…           every problem as FILE:LINE:COLUMN: message; exit 1
//!   stance-matrix-data convert IN -o OUT     a sheet (CSV or TSV) to JSON (OUT.json), or JSON to CSV (OUT.csv)
//!
//! A file is JSON when its text starts with `{`, else a sheet (docs/spreadsheet-format.md).
//! Exit status: 0 all valid / converted, 1 a file has problems, 2 a usage or file error.

use stance_matrix::model::export::to_json;
use stance_matrix::model::Dataset;
use stance_matrix::sheet::{check as check_text, to_sheet};
use std::process::ExitCode;

const USAGE: &str = "usage: stance-matrix-data check FILE...\n       stance-matrix-data convert IN -o OUT.json|OUT.csv";

/// A dataset read from `text`, or its problems as `FILE:LINE:COLUMN: message` lines.
fn read(file: &str, text: &str) -> Result<Dataset, Vec<String>> {
    check_text(text).map_err(|problems| {
        problems
            .iter()
            .map(|p| format!("{file}:{}:{}: {}", p.line, p.column, p.message))
            .collect()
    })
}

fn check(files: &[String]) -> ExitCode {
    if files.is_empty() {
        return usage();
    }
    let mut status = ExitCode::SUCCESS;
    for file in files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(2);
            }
        };
        match read(file, &text) {
            Ok(ds) => println!(
                "{file}: valid: {} issues, {} parties, {} positions",
                ds.issues().len(),
                ds.parties().len(),
                ds.positions().len()
            ),
            Err(lines) => {
                for line in lines {
                    eprintln!("{line}");
                }
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

fn convert(input: &str, output: &str) -> ExitCode {
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::from(2);
        }
    };
    let dataset = match read(input, &text) {
        Ok(ds) => ds,
        Err(lines) => {
            for line in lines {
                eprintln!("{line}");
            }
            return ExitCode::FAILURE;
        }
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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{output}: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", ..] => check(&args[1..]),
        ["convert", input, "-o", output] => convert(input, output),
        _ => usage(),
    }
}
