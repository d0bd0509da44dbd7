//! The editors' docs say what the tool does: the minimal template passes the command-line
//! check, and the docs spell the values as the tool lists them in its messages.
#![cfg(feature = "sheet")]

use stance_matrix::model::{Confidence, Stance};
use std::process::Command;

fn doc(name: &str) -> String {
    std::fs::read_to_string(format!("docs/{name}")).expect("the doc is there")
}

#[test]
fn the_minimal_template_passes_stance_matrix_data_check() {
    let out = Command::new(env!("CARGO_BIN_EXE_stance-matrix-data"))
        .args(["check", "docs/template.csv"])
        .output()
        .expect("the tool runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "docs/template.csv: valid: 2 issues, 2 parties, 4 positions\n"
    );
}

#[test]
fn the_minimal_template_has_two_parties_two_issues_and_one_event() {
    let dataset = stance_matrix::sheet::check(&doc("template.csv"))
        .result
        .expect("valid");
    assert_eq!(dataset.parties().len(), 2);
    assert_eq!(dataset.issues().len(), 2);
    assert_eq!(dataset.events().len(), 1);
}

#[test]
fn both_formats_docs_list_the_values_as_the_tool_spells_them() {
    for name in ["data-format.md", "spreadsheet-format.md"] {
        let text = doc(name);
        for value in Stance::NAMES.iter().chain(Confidence::NAMES) {
            assert!(text.contains(&format!("`{value}`")), "{name}: no `{value}`");
        }
    }
}

#[test]
fn every_doc_allows_a_red_line_only_beside_supports_or_opposes() {
    for name in ["data-format.md", "spreadsheet-format.md", "analysis.md"] {
        let text = doc(name).replace('\n', " ");
        assert!(
            text.contains("only with `supports` or `opposes`")
                || text.contains("only beside `supports` or `opposes`")
                || text
                    .contains("only a \"supports\" or an \"opposes\" position can be a red line"),
            "{name} does not state the red-line rule"
        );
        for wrong in [
            "`open`, `sceptical` or `opposes`",
            "beside `supports`, `open`",
        ] {
            assert!(!text.contains(wrong), "{name}: {wrong}");
        }
    }
}

#[test]
fn the_sheet_doc_says_an_issue_is_worded_as_a_proposal() {
    let text = doc("spreadsheet-format.md");
    let row = text
        .lines()
        .find(|l| l.starts_with("| `issue` |"))
        .expect("the issue column's row");
    assert!(
        row.contains("proposal a party can support or oppose"),
        "{row}"
    );
}
