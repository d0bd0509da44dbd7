//! Parsing and validation: the bundled dataset is valid, and every class of problem is reported
//! with its path and a specific message.

mod common;
use common::*;
use stance_matrix::model::{parse, Stance, BUNDLED};

#[test]
fn bundled_dataset_validates_with_zero_problems() {
    let ds = parse(BUNDLED).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let ids: Vec<&str> = ds.parties().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["ru", "ua", "us", "gb", "fr"]);
    assert!(ds.issues().len() >= 11);
}

#[test]
fn bundled_ukraine_opposes_crimea_recognition_with_a_red_line() {
    let ds = parse(BUNDLED).expect("bundled dataset is valid");
    let (ua, crimea) = (
        ds.party_index("ua").expect("ua"),
        ds.issue_index("crimea").expect("crimea"),
    );
    let p = ds
        .current(crimea, ua)
        .expect("Ukraine has a position on Crimea");
    assert_eq!(p.stance, Stance::Opposes);
    assert!(p.red_line);
    let (ru, nato) = (
        ds.party_index("ru").expect("ru"),
        ds.issue_index("nato").expect("nato"),
    );
    assert_eq!(
        ds.current(nato, ru).expect("Russia on NATO").stance,
        Stance::Opposes
    );
}

#[test]
fn bundled_dataset_cites_every_source_and_dates_every_position() {
    let ds = parse(BUNDLED).expect("valid");
    for (i, s) in ds.sources().iter().enumerate() {
        assert!(
            ds.positions().iter().any(|p| p.sources.contains(&i)),
            "source {} is never cited",
            s.id
        );
        assert!(
            s.url.starts_with("https://"),
            "source {} is not https",
            s.id
        );
    }
    assert!(ds.positions().iter().all(|p| p.date <= ds.as_of()));
}

#[test]
fn a_leading_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", doc_with(&pos("a", "i1", "supports", false)));
    assert!(parse(&text).is_ok());
}

#[test]
fn invalid_json_names_line_and_column() {
    let m = messages("{\n  \"format\": \"stance-matrix/1\"\n  \"title\": \"x\"\n}");
    assert_eq!(
        m,
        [r#"invalid JSON at line 3, column 3: expected "," or "}", found '"'"#]
    );
}

#[test]
fn an_html_page_is_named_as_such() {
    let m = messages("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>");
    assert_eq!(
        m,
        ["invalid JSON at line 1, column 1: this looks like an HTML page, not JSON"]
    );
}

#[test]
fn an_empty_file_is_named_as_such() {
    assert_eq!(
        messages("  \n"),
        ["invalid JSON at line 2, column 1: the file is empty"]
    );
}

#[test]
fn a_top_level_array_is_a_wrong_type() {
    let m = messages("[]");
    assert_eq!(m.len(), 1);
    assert!(m[0].starts_with("expected an object"), "{m:?}");
    assert!(m[0].ends_with("found an array"), "{m:?}");
}

#[test]
fn adds_is_an_optional_boolean_that_defaults_to_false() {
    let ds = parse(&with_position_field("adds", Some("true"))).expect("valid");
    assert!(ds.positions()[0].adds);
    let ds = parse(&with_position_field("adds", None)).expect("valid");
    assert!(!ds.positions()[0].adds);
    assert_eq!(
        messages(&with_position_field("adds", Some("\"yes\""))),
        ["positions[0].adds: expected true or false, found a string"]
    );
}

#[test]
fn wrong_types_name_expected_and_found() {
    let m = messages(&with_position_field("red_line", Some("\"yes\"")));
    assert_eq!(
        m,
        ["positions[0].red_line: expected true or false, found a string"]
    );
    let m = messages(&with_position_field("summary", Some("42")));
    assert_eq!(
        m,
        ["positions[0].summary: expected a string, found a number"]
    );
}

#[test]
fn missing_required_fields_are_named() {
    let m = messages(&with_position_field("summary", None));
    assert_eq!(m, [r#"positions[0]: missing required field "summary""#]);
    let m = messages(&doc_with("").replace(r#""title": "Test talks","#, ""));
    assert_eq!(m, [r#"missing required field "title""#]);
}

#[test]
fn a_misspelt_field_suggests_the_nearest_known_one() {
    let doc = with_position_field("stance", None)
        .replace(r#""summary""#, r#""stnce":"supports","summary""#);
    let m = messages(&doc);
    assert!(
        m.contains(&r#"positions[0]: unknown field "stnce" (did you mean "stance"?)"#.to_string()),
        "{m:?}"
    );
    assert!(
        m.contains(&r#"positions[0]: missing required field "stance""#.to_string()),
        "{m:?}"
    );
}

#[test]
fn an_unknown_field_far_from_any_known_one_has_no_suggestion() {
    let m = messages(&with_position_field("colour", Some("\"red\"")));
    assert_eq!(m, [r#"positions[0]: unknown field "colour""#]);
}

#[test]
fn a_repeated_field_is_reported() {
    let doc = with_position_field("date", Some(r#""2025-04-22","date":"2025-04-21""#));
    assert_eq!(
        messages(&doc),
        [r#"positions[0]: field "date" appears more than once"#]
    );
}

#[test]
fn unknown_party_lists_the_known_ones() {
    let m = messages(&doc_with(&pos("uk", "i1", "supports", false)));
    assert_eq!(
        m,
        [r#"positions[0].party: unknown party "uk" (known: a, b, c, d)"#]
    );
}

#[test]
fn duplicate_ids_point_at_the_first() {
    let doc = doc_with("").replace(
        r#"{"id":"i2","title":"Occupied regions""#,
        r#"{"id":"i1","title":"Occupied regions""#,
    );
    assert_eq!(
        messages(&doc),
        [r#"issues[1].id: duplicate id "i1" (first at issues[0])"#]
    );
}

#[test]
fn invalid_ids_are_refused() {
    let doc = doc_with("").replace(
        r#"{"id":"d","name":"Delta""#,
        r#"{"id":"d e","name":"Delta""#,
    );
    let m = messages(&doc);
    assert_eq!(m.len(), 1);
    assert!(
        m[0].starts_with(r#"parties[3].id: "d e" is not a valid id"#),
        "{m:?}"
    );
}

#[test]
fn dangling_category_and_source_references_are_reported() {
    let doc = doc_with("").replace(r#""category":"c2"}"#, r#""category":"c9"}"#);
    let m = messages(&doc);
    assert!(
        m.iter()
            .all(|x| x.contains(r#"unknown category "c9" (known: c1, c2)"#)),
        "{m:?}"
    );
    let m = messages(&with_position_field("sources", Some(r#"["s1","s2"]"#)));
    assert_eq!(
        m,
        [r#"positions[0].sources[1]: unknown source "s2" (known: s1)"#]
    );
}

#[test]
fn a_position_needs_a_source_and_no_repeats() {
    assert_eq!(
        messages(&with_position_field("sources", Some("[]"))),
        ["positions[0].sources: must list at least one source"]
    );
    let m = messages(&with_position_field("sources", Some(r#"["s1","s1"]"#)));
    assert_eq!(
        m,
        [r#"positions[0].sources[1]: source "s1" is listed more than once"#]
    );
}

#[test]
fn duplicate_party_issue_and_date_is_reported() {
    let doc = doc_with(
        &[
            pos("a", "i1", "supports", false),
            pos("a", "i1", "opposes", false),
        ]
        .join(","),
    );
    assert_eq!(
        messages(&doc),
        [
            r#"positions[1]: duplicate position for party "a", issue "i1" on 2025-04-22 (first at positions[0])"#
        ]
    );
}

#[test]
fn the_same_cell_on_different_dates_is_history_and_the_latest_is_current() {
    let ds = dataset(&[
        pos_on("a", "i1", "opposes", false, "2025-04-22"),
        pos_on("a", "i1", "open", false, "2025-03-18"),
    ]);
    let history: Vec<Stance> = ds.history(0, 0).map(|p| p.stance).collect();
    assert_eq!(history, [Stance::Open, Stance::Opposes]);
    assert_eq!(ds.current(0, 0).map(|p| p.stance), Some(Stance::Opposes));
    assert!(ds.current(0, 1).is_none(), "not stated stays not stated");
}

#[test]
fn invalid_dates_are_refused() {
    assert_eq!(
        messages(&with_position_field("date", Some(r#""2025-02-29""#))),
        [r#"positions[0].date: "2025-02-29" is not a valid date (YYYY-MM-DD)"#]
    );
    assert_eq!(
        messages(&with_position_field("date", Some(r#""22/04/2025""#))),
        [r#"positions[0].date: "22/04/2025" is not a valid date (YYYY-MM-DD)"#]
    );
    assert!(
        parse(&with_position_field("date", Some(r#""2024-02-29""#))).is_ok(),
        "2024 is a leap year"
    );
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    assert_eq!(
        messages(&with_position_field("stance", Some(r#""agree""#))),
        [
            r#"positions[0].stance: unknown value "agree" (allowed: supports, open, ambivalent, sceptical, opposes)"#
        ]
    );
    assert_eq!(
        messages(&with_position_field("confidence", Some(r#""rumour""#))),
        [
            r#"positions[0].confidence: unknown value "rumour" (allowed: on_record, reported, inferred)"#
        ]
    );
}

#[test]
fn empty_strings_are_refused() {
    assert_eq!(
        messages(&with_position_field("summary", Some(r#""   ""#))),
        ["positions[0].summary: must not be empty"]
    );
}

#[test]
fn source_urls_must_be_http_or_https() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://example.org/x",
        "//example.org",
        "https://",
        "https://exa mple.org",
    ] {
        let doc = doc_with("").replace("https://example.org/r", bad);
        assert_eq!(
            messages(&doc),
            [format!("sources[0].url: {bad:?} is not an http(s) URL")]
        );
    }
    assert!(parse(&doc_with("").replace("https://example.org/r", "HTTP://example.org/r")).is_ok());
}

#[test]
fn a_red_line_must_sit_on_a_side() {
    let m = messages(&doc_with(&pos("a", "i1", "open", true)));
    assert_eq!(
        m,
        [
            r#"positions[0].red_line: a red line must sit on a side: only with "supports" or "opposes", not "open""#
        ]
    );
    assert!(parse(&doc_with(&pos("a", "i1", "supports", true))).is_ok());
}

#[test]
fn an_unsupported_format_names_the_supported_one() {
    let doc = doc_with("").replace("stance-matrix/1", "stance-matrix/2");
    assert_eq!(
        messages(&doc),
        [r#"format: unsupported format "stance-matrix/2" (supported: "stance-matrix/1")"#]
    );
}

#[test]
fn a_file_over_ten_megabytes_is_refused_before_parsing() {
    let text = format!("{{\"title\": \"{}\"", "x".repeat(10_000_001));
    assert_eq!(messages(&text), ["the file is 10.0 MB; the limit is 10 MB"]);
}

#[test]
fn too_many_parties_are_refused_before_they_are_read() {
    let parties: Vec<String> = (0..612)
        .map(|i| format!(r#"{{"id":"p{i}","nme":"x"}}"#))
        .collect();
    let doc = doc_with("").replacen(
        r#"[{"id":"a","name":"Alpha"}"#,
        &format!("[{},{{\"id\":\"a\",\"name\":\"Alpha\"}}", parties.join(",")),
        1,
    );
    assert_eq!(
        messages(&doc),
        ["parties: too many parties (616; the limit is 500)"]
    );
}

#[test]
fn strings_over_ten_thousand_characters_are_refused() {
    let long = format!("\"{}\"", "é".repeat(10_001));
    assert_eq!(
        messages(&with_position_field("summary", Some(&long))),
        ["positions[0].summary: text of 10001 characters is too long (the limit is 10000)"]
    );
}

#[test]
fn deep_nesting_is_refused_with_a_message_not_a_stack_overflow() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let m = messages(&text);
    assert_eq!(
        m,
        ["invalid JSON at line 1, column 65: nested deeper than 64 levels"]
    );
}

#[test]
fn one_file_with_several_problems_reports_them_all_with_paths() {
    let positions = [
        pos("uk", "i1", "supports", false),
        pos("a", "i2", "agree", false),
        pos("b", "i3", "sceptical", true),
    ];
    let doc =
        doc_with(&positions.join(",")).replace("https://example.org/r", "javascript:alert(1)");
    let m = messages(&doc);
    assert_eq!(
        m,
        [
            r#"sources[0].url: "javascript:alert(1)" is not an http(s) URL"#,
            r#"positions[0].party: unknown party "uk" (known: a, b, c, d)"#,
            r#"positions[1].stance: unknown value "agree" (allowed: supports, open, ambivalent, sceptical, opposes)"#,
            r#"positions[2].red_line: a red line must sit on a side: only with "supports" or "opposes", not "sceptical""#,
        ]
    );
}

#[test]
fn controls_that_could_disguise_text_are_removed() {
    let doc = with_position_field("summary", Some(r#""evil\u202Egnp.exe\u0007 ok""#));
    let ds = parse(&doc).expect("valid");
    assert_eq!(ds.positions()[0].summary, "evilgnp.exe ok");
}

#[test]
fn megabytes_are_written_with_one_decimal() {
    use stance_matrix::i18n::megabytes;
    use stance_matrix::i18n::Lang;
    assert_eq!(megabytes(12_345_678, Lang::EN), "12.3 MB");
    assert_eq!(megabytes(10_000_001, Lang::EN), "10.0 MB");
    assert_eq!(megabytes(999, Lang::EN), "0.0 MB");
}

#[test]
fn text_made_only_of_controls_and_invisible_characters_is_empty() {
    for blank in [
        r#""\u0001\u0002""#,
        r#""\u202e\u200b""#,
        r#"" \u200f\ufeff\t""#,
    ] {
        let m = messages(&with_position_field("summary", Some(blank)));
        assert!(
            m.iter()
                .any(|m| m.contains("positions[0].summary") && m.contains("empty")),
            "{blank}: {m:?}"
        );
    }
    // Text around them is text.
    let ds = parse(&with_position_field("summary", Some(r#""\u200bHello""#))).expect("valid");
    assert!(ds.positions()[0].summary.contains("Hello"));
}

#[test]
fn direction_controls_in_a_quoted_value_are_written_out() {
    // An unknown field named so that it would read backwards: the message shows the controls.
    let doc = with_position_field("evil\u{202e}txt.exe\u{200f}", Some("1"));
    let m = messages(&doc);
    let line = m
        .iter()
        .find(|m| m.contains("unknown field"))
        .expect("reported");
    assert!(
        line.contains(r"\u{202e}") && line.contains(r"\u{200f}"),
        "{line}"
    );
    assert!(
        !line.contains('\u{202e}') && !line.contains('\u{200f}'),
        "{line:?}"
    );
}
