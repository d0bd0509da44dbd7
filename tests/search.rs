//! Search folding: case and diacritics folded the way the standard library's Unicode tables
//! say (which the widget does not ship), script by script.

use stance_matrix::state::search::fold;

/// Every character of `range` whose standard lower case is one character folds to exactly
/// that (after the diacritic table, for Latin).
fn assert_lower_case_matches_std(range: std::ops::RangeInclusive<u32>) {
    let mut wrong = Vec::new();
    for c in range.filter_map(char::from_u32) {
        let mut std_lower = c.to_lowercase();
        let (Some(expected), None) = (std_lower.next(), std_lower.next()) else {
            continue;
        };
        let folded = fold(&c.to_string());
        if folded != fold(&expected.to_string()) || folded.chars().count() != 1 {
            wrong.push(format!(
                "U+{:04X} {c} → {folded:?}, expected {expected}",
                c as u32
            ));
        }
    }
    assert!(wrong.is_empty(), "{} wrong: {wrong:#?}", wrong.len());
}

#[test]
fn cyrillic_folds_like_the_standard_lower_case_including_the_odd_pairs() {
    assert_lower_case_matches_std(0x400..=0x4FF);
    assert_eq!(fold("Ӂ"), "ӂ");
    assert_eq!(fold("ЖУРНАЛІСТ Ґанок"), "журналіст ґанок");
}

#[test]
fn cyrillic_signs_and_combining_marks_are_left_alone() {
    for c in ['\u{482}', '\u{483}', '\u{487}', '\u{488}', '\u{489}'] {
        assert_eq!(fold(&c.to_string()), c.to_string(), "U+{:04X}", c as u32);
    }
}

#[test]
fn greek_armenian_and_latin_fold_like_the_standard_lower_case() {
    assert_lower_case_matches_std(0x41..=0x5A);
    assert_lower_case_matches_std(0xC0..=0x17F);
    assert_lower_case_matches_std(0x386..=0x3CE);
    assert_lower_case_matches_std(0x531..=0x586);
}

#[test]
fn diacritics_and_typographic_variants_fold_away() {
    assert_eq!(fold("Zelenskyy’s KÝIV"), "zelenskyy's kyiv");
    assert_eq!(fold("Łódź — Œuvre"), "lodz - œuvre");
    assert_eq!(fold("e\u{301}"), "e");
}

#[test]
fn the_source_has_no_raw_control_bytes() {
    let source = include_str!("../src/state/search.rs");
    assert!(
        !source.bytes().any(|b| b < 0x20 && b != b'\n'),
        "raw control bytes make git treat the file as binary"
    );
}
