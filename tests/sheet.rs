//! The spreadsheet format: the writer (the CSV download) and the reader (check page, command
//! line): a round trip loses nothing; delimiters, quoting, byte-order marks and empty rows;
//! the rules an editor relies on; every problem named by row and column; the command's exit codes.
#![cfg(feature = "sheet")]

mod common;
use common::*;
use proptest::prelude::*;
use stance_matrix::model::{parse, Dataset, BUNDLED};
use stance_matrix::sheet::{delimiter, read_sheet, to_sheet};
use std::process::Command;

fn read(text: &str) -> Dataset {
    read_sheet(text)
        .unwrap_or_else(|e| {
            panic!(
                "sheet refused: {:?}",
                e.iter().map(ToString::to_string).collect::<Vec<_>>()
            )
        })
        .0
}

fn problems(text: &str) -> Vec<String> {
    match read_sheet(text) {
        Ok(_) => panic!("expected problems, the sheet was read"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

const HEAD: &str = "issue,category,party,stance,red line,summary,date,confidence,source,source url";

fn sheet(rows: &[&str]) -> String {
    format!(
        "title,Test talks\r\nas of,2025-04-23\r\n\r\n{HEAD}\r\n{}\r\n",
        rows.join("\r\n")
    )
}

#[test]
fn the_bundled_dataset_and_every_valid_fixture_survive_the_round_trip() {
    for text in valid_texts() {
        let ds = parse(&text).expect("valid");
        assert_eq!(read(&to_sheet(&ds)), ds);
    }
}

#[test]
fn the_sheet_starts_with_metadata_then_the_header() {
    let csv = to_sheet(&parse(BUNDLED).expect("valid"));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(
        lines[0].starts_with("\u{feff}title,"),
        "a byte-order mark, for Excel, then the title: {}",
        lines[0]
    );
    assert!(lines[1].starts_with("as of,2025-"), "{}", lines[1]);
    let header = lines.iter().position(|l| l.starts_with("issue,category,party,stance,red line,summary,quote,speaker,conditions,date,confidence,source,source url,publisher,published,source id")).expect("header");
    assert_eq!(
        lines[header - 1],
        "",
        "an empty row between metadata and table"
    );
}

#[test]
fn names_become_ids_in_order_of_first_use_and_words_are_case_insensitive() {
    let ds = read(&sheet(&[
        "Recognise Crimea,Territory,Russia,Supports,YES,Russia wants it,2025-04-20,On record,Report,https://example.org/r",
        "Recognise Crimea,Territory,Ukraine,OPPOSES,x,Never,2025-04-21,on_record,Report,https://example.org/r",
        "NATO membership,Security,Russia,opposes,,No NATO,2025-04-22,Reported,Other,https://example.org/o",
    ]));
    let ids = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        ds.parties()
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>(),
        ids(vec!["russia", "ukraine"])
    );
    assert_eq!(
        ds.issues().iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
        ids(vec!["recognise-crimea", "nato-membership"])
    );
    assert_eq!(
        ds.categories()
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>(),
        ids(vec!["Territory", "Security"])
    );
    assert_eq!(ds.sources().len(), 2, "one source per URL");
    let p = &ds.positions();
    assert_eq!(
        (
            p[0].stance.name(),
            p[0].red_line,
            p[1].red_line,
            p[2].red_line
        ),
        ("supports", true, true, false)
    );
    assert_eq!(p[2].confidence.name(), "reported");
    assert_eq!(ds.as_of().to_string(), "2025-04-23");
}

#[test]
fn a_position_can_cite_several_sources_and_rows_can_only_name_a_party() {
    let text = "title,T\r\n\r\nissue,party,stance,summary,date,confidence,source,source url,source 2,source url 2\r\n\
                ,Gamma,,,,,,,,\r\n\
                Peace,Alpha,open,S,2025-01-02,inferred,One,https://example.org/1,Two,https://example.org/2\r\n";
    let ds = read(text);
    assert_eq!(
        ds.parties()
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Gamma", "Alpha"]
    );
    assert_eq!(ds.positions()[0].sources.len(), 2);
    assert_eq!(
        ds.as_of().to_string(),
        "2025-01-02",
        "as of: the latest date when the sheet gives none"
    );
}

#[test]
fn delimiters_are_detected_and_quotes_bom_and_empty_rows_handled() {
    assert_eq!(delimiter("issue\tparty\tstance"), b'\t');
    assert_eq!(delimiter("issue;party;\"a, b\";stance"), b';');
    assert_eq!(delimiter("issue,party;stance,x"), b',');
    assert_eq!(delimiter("\n\n\"a;b;c\",d"), b',');
    let comma = sheet(&["\"Peace, now\",C,Alpha,open,,\"He said \"\"yes\"\",\nthen no\",2025-04-20,on_record,R,https://example.org/r", ",,,,,,,,,", ""]);
    let ds = read(&format!("\u{feff}{comma}\r\n\r\n"));
    assert_eq!(ds.issues()[0].title, "Peace, now");
    assert_eq!(ds.positions()[0].summary, "He said \"yes\",\nthen no");
    let semicolon = comma
        .replace(',', ";")
        .replace("\"Peace; now\"", "\"Peace, now\"")
        .replace("\"He said \"\"yes\"\";", "\"He said \"\"yes\"\",");
    assert_eq!(read(&semicolon).issues()[0].title, "Peace, now");
    let tabs =
        sheet(&["Peace\tC\tAlpha\topen\t\tS\t2025-04-20\ton_record\tR\thttps://example.org/r"])
            .replace(',', "\t");
    assert_eq!(read(&tabs).positions()[0].summary, "S");
}

#[test]
fn formulas_defused_by_the_writer_read_back_as_written() {
    let doc =
        doc_with(&pos("a", "i1", "supports", false)).replace("\"a on i1\"", "\"=HYPERLINK(1)\"");
    let ds = parse(&doc).expect("valid");
    let csv = to_sheet(&ds);
    assert!(csv.contains("'=HYPERLINK(1)"), "{csv}");
    assert_eq!(read(&csv).positions()[0].summary, "=HYPERLINK(1)");
}

#[test]
fn three_broken_cells_are_three_problems_with_their_rows_and_columns() {
    let found = problems(&sheet(&[
        "Peace,C,Alpha,maybe,,S,2025-04-20,on_record,R,https://example.org/r",
        "Peace,C,Beta,open,perhaps,S,2025-04-20,on_record,R,https://example.org/r",
        "Peace,C,Gamma,open,,S,20/04/2025,on_record,R,https://example.org/r",
    ]));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("row 6, column E (red line): \"perhaps\" is not yes or no")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("row 5, column D (stance): ")
                && m.contains("\"maybe\"")
                && m.contains("supports, open, ambivalent, sceptical")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("row 7, column G (date): ") && m.contains("20/04/2025")),
        "{found:?}"
    );
}

#[test]
fn every_kind_of_sheet_problem_has_a_clear_message() {
    let cases: [(String, &str); 11] = [
        (
            sheet(&["Peace,C,Alpha,open,,S,2025-04-20,on_record,R,https://example.org/r,stray"]),
            "row 5: the value in column K has no column name above it",
        ),
        (
            sheet(&["Peace,C,Alpha,open,,S,2025-04-20,on_record,,https://example.org/r"]),
            "row 5, column I (source): missing required field \"title\"",
        ),
        (
            sheet(&["Peace,C,,open,,S,2025-04-20,on_record,R,https://example.org/r"]),
            "row 5, column C (party): a position needs its party",
        ),
        (
            sheet(&["Peace,C,Alpha,open,,S,2025-04-20,on_record,R,"]),
            "row 5, column J (source url): the source \"R\" needs its URL",
        ),
        (
            format!("title,T\r\n{}\r\n", HEAD.replace("stance", "stanse")),
            "row 2, column D (stanse): is not a column this format knows",
        ),
        (
            format!(
                "title,T\r\n\r\n\r\n{}\r\n",
                HEAD.replace("stance", "stanse")
            ),
            "row 4, column D (stanse): is not a column this format knows",
        ),
        (
            format!("title,T\r\n{}\r\n", HEAD.replace(",stance", "")),
            "row 2: the header has no \"stance\" column",
        ),
        (
            "title,T\r\nhello,world\r\n".to_string(),
            "row 2: \"hello\" is neither a line above the table",
        ),
        ("title,T\r\n".to_string(), "row 1: no header row"),
        (
            sheet(&[
                "Peace,C,Alpha,open,,S,2025-04-20,on_record,R,https://example.org/r",
                "Peace,C,Alpha,open,,S,2025-04-21,sure,R,https://example.org/r",
            ]),
            "row 6, column H (confidence): ",
        ),
        (
            sheet(&["Peace,C,Alpha,open,,S,2025-04-20,on_record,R,https://example.org/r"])
                .replace("title,Test talks\r\n", ""),
            "no title: add a row with \"title\" in the first cell",
        ),
    ];
    for (text, expected) in cases {
        let found = problems(&text);
        assert!(
            found.iter().any(|m| m.starts_with(expected)),
            "expected {expected:?} in {found:?}"
        );
    }
}

#[test]
fn the_same_id_with_two_names_is_a_problem() {
    let text = "title,T\r\n\r\nissue,party,party id,stance,summary,date,confidence,source url\r\n\
                Peace,Alpha,a,open,S,2025-04-20,on_record,https://example.org/r\r\n\
                War,Alfa,a,open,S,2025-04-20,on_record,https://example.org/r\r\n";
    let found = problems(text);
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("row 5, column B (party): \"Alfa\" differs from \"Alpha\"")),
        "{found:?}"
    );
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9 ,;\"'=+\\-\\n\\t]{1,24}")
        .expect("regex")
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// JSON → sheet → JSON is the identity on valid datasets, whatever the text holds.
    #[test]
    fn json_to_sheet_to_json_is_the_identity(
        cells in proptest::collection::vec((0..4usize, 0..4usize, 0..5usize, any::<bool>(), 1..28u8, text_strategy()), 1..12),
        title in text_strategy(),
    ) {
        const STANCES: [&str; 5] = ["supports", "open", "ambivalent", "sceptical", "opposes"];
        let positions: Vec<String> = cells.iter().map(|(p, i, s, red, day, summary)| {
            let red = *red && STANCES[*s] != "ambivalent";
            pos_on(["a", "b", "c", "d"][*p], ["i1", "i2", "i3", "i4"][*i], STANCES[*s], red, &format!("2025-04-{day:02}"))
                .replace(&format!("\"{} on {}\"", ["a", "b", "c", "d"][*p], ["i1", "i2", "i3", "i4"][*i]), &serde_json::to_string(summary).expect("json"))
        }).collect();
        let doc = doc_with(&positions.join(",")).replace("\"Test talks\"", &serde_json::to_string(&title).expect("json"));
        if let Ok(ds) = parse(&doc) {
            prop_assert_eq!(read(&to_sheet(&ds)), ds);
        }
    }
}

/// Runs the command-line tool.
fn tool(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_stance-matrix-data"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_checks_json_and_sheets_with_file_line_column_messages() {
    let dir = std::env::temp_dir().join(format!("stance-matrix-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let (code, out, _) = tool(&["check", "data/ceasefire-2025-04.json"]);
    assert_eq!(
        (code, out.trim()),
        (
            Some(0),
            "data/ceasefire-2025-04.json: valid: 11 issues, 5 parties, 59 positions"
        )
    );

    std::fs::write(
        path("bad.csv"),
        sheet(&["Peace,C,Alpha,maybe,,S,2025-04-20,on_record,R,https://example.org/r"]),
    )
    .expect("write");
    let (code, _, err) = tool(&["check", &path("bad.csv")]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!(
            "{}:5:4: row 5, column D (stance): ",
            path("bad.csv")
        )),
        "{err}"
    );

    let bad_json = BUNDLED.replacen("\"stance\": \"supports\"", "\"stance\": \"maybe\"", 1);
    let line = bad_json
        .lines()
        .position(|l| l.contains("\"maybe\""))
        .expect("changed")
        + 1;
    std::fs::write(path("bad.json"), &bad_json).expect("write");
    let (code, _, err) = tool(&["check", &path("bad.json")]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!("{}:{line}:", path("bad.json")))
            && err.contains("positions[")
            && err.contains("\"maybe\""),
        "{err}"
    );

    std::fs::write(path("broken.json"), "{\n  \"format\": \n}").expect("write");
    let (code, _, err) = tool(&["check", &path("broken.json")]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!("{}:3:", path("broken.json"))),
        "{err}"
    );

    assert_eq!(tool(&["check"]).0, Some(2));
    assert_eq!(tool(&["check", &path("missing.json")]).0, Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_converts_json_to_a_sheet_and_back() {
    let dir = std::env::temp_dir().join(format!("stance-matrix-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    assert_eq!(
        tool(&[
            "convert",
            "data/ceasefire-2025-04.json",
            "-o",
            &path("talks.csv")
        ])
        .0,
        Some(0)
    );
    assert_eq!(
        tool(&["convert", &path("talks.csv"), "-o", &path("talks.json")]).0,
        Some(0)
    );
    let back =
        parse(&std::fs::read_to_string(path("talks.json")).expect("written")).expect("valid");
    assert_eq!(back, parse(BUNDLED).expect("valid"));
    assert_eq!(
        tool(&["convert", &path("talks.csv"), "-o", &path("talks.xlsx")]).0,
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_row_with_an_event_title_is_a_milestone_with_its_date_and_sources() {
    let head = format!("{HEAD},event,event id");
    let text = format!(
        "title,Test talks\r\nas of,2025-04-23\r\n\r\n{head}\r\n{}\r\n{}\r\n",
        "Peace,C,Alpha,open,,S,2025-04-20,on_record,R,https://example.org/r,,",
        ",,,,,,2025-04-17,,R,https://example.org/r,Talks in Paris,"
    );
    let ds = read(&text);
    assert_eq!(ds.events().len(), 1);
    let event = &ds.events()[0];
    assert_eq!(
        (
            event.id.as_str(),
            event.title.as_str(),
            event.date.to_string()
        ),
        ("talks-in-paris", "Talks in Paris", "2025-04-17".to_string())
    );
    assert_eq!(
        event.sources,
        [0],
        "the event cites the source the position row defined"
    );
    let both = text.replace(",,,,,,2025-04-17", "Peace,,Alpha,,,,2025-04-17");
    assert!(
        problems(&both)
            .iter()
            .any(|m| m
                .starts_with("row 6, column K (event): a row is an event or a position, not both")),
        "{:?}",
        problems(&both)
    );
    let undated = text.replace(",,,,,,2025-04-17", ",,,,,,");
    assert!(
        problems(&undated)
            .iter()
            .any(|m| m.starts_with("row 6, column G (date): missing required field \"date\"")),
        "{:?}",
        problems(&undated)
    );
}

#[test]
fn a_sheet_of_twenty_thousand_issues_and_sources_reads_in_moments() {
    // Each row names a new issue and a new source: looking each up by scanning every one
    // before it is 2 × 200 million name comparisons; an index makes it one lookup each.
    let rows: Vec<String> = (0..20_000)
        .map(|i| {
            format!(
                "Issue number {i},Territory,Party {},supports,,S,2025-04-20,on record,R,https://example.org/{i}",
                i % 7
            )
        })
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let text = sheet(&rows);
    let started = std::time::Instant::now();
    let ds = read(&text);
    let took = started.elapsed();
    assert_eq!(ds.issues().len(), 20_000);
    assert_eq!(ds.parties().len(), 7);
    assert_eq!(ds.issues()[19_999].id, "issue-number-19999");
    assert!(
        took < std::time::Duration::from_secs(10),
        "20,000 rows took {took:?}"
    );
}

#[test]
fn a_position_that_only_adds_has_an_adds_column_written_only_when_needed() {
    let text = std::fs::read_to_string("tests/fixtures/valid/remark.json").expect("fixture");
    let ds = parse(&text).expect("valid");
    let csv = to_sheet(&ds);
    let header = csv
        .split("\r\n")
        .find(|l| l.starts_with("issue,"))
        .expect("header");
    assert!(header.contains(",adds"), "{header}");
    assert_eq!(read(&csv), ds, "the column reads back");
    let plain = to_sheet(&parse(&doc_with(&pos("a", "i1", "supports", false))).expect("valid"));
    assert!(
        !plain.contains(",adds"),
        "no column without such a position"
    );
    let head = format!("{HEAD},adds");
    let row = "Peace,C,Alpha,open,,S,2025-04-20,on_record,R,https://example.org/r";
    let rows = format!(
        "{row},\r\nPeace,C,Alpha,sceptical,,T,2025-04-21,on_record,R,https://example.org/r,yes"
    );
    let ds = read(&format!(
        "title,Test talks\r\nas of,2025-04-23\r\n\r\n{head}\r\n{rows}\r\n"
    ));
    assert!(!ds.positions()[0].adds && ds.positions()[1].adds);
    let bad = format!("title,Test talks\r\nas of,2025-04-23\r\n\r\n{head}\r\n{row},perhaps\r\n");
    assert!(
        problems(&bad)
            .iter()
            .any(|m| m.starts_with("row 5, column K (adds): \"perhaps\" is not yes or no")),
        "{:?}",
        problems(&bad)
    );
}
