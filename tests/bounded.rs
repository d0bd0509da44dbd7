//! Bounded work and the review's findings: big files within the limits stay cheap, problems are
//! capped and counted, a broken element is never mistaken for its neighbour, and dates cannot
//! be built invalid.

mod common;
use common::*;
use stance_matrix::analysis::{analyse, PairTable};
use stance_matrix::model::{parse, DataErrors, Date};
use std::time::{Duration, Instant};

/// A document with `parties` parties, `issues` issues, one source and the given positions.
fn wide_doc(parties: usize, issues: usize, positions: &[String]) -> String {
    let parties: Vec<String> = (0..parties)
        .map(|p| format!(r#"{{"id":"p{p}","name":"Party {p}"}}"#))
        .collect();
    let issues: Vec<String> = (0..issues)
        .map(|i| format!(r#"{{"id":"i{i}","title":"Issue {i}"}}"#))
        .collect();
    format!(
        r#"{{"format":"stance-matrix/1","title":"Wide","as_of":"2025-04-23","parties":[{}],"issues":[{}],"sources":[{{"id":"s1","title":"S","url":"https://example.org"}}],"positions":[{}]}}"#,
        parties.join(","),
        issues.join(","),
        positions.join(",")
    )
}

#[test]
fn five_hundred_parties_by_twenty_thousand_issues_load_and_analyse_in_moments() {
    let some = [
        pos("p0", "i0", "supports", false),
        pos("p499", "i0", "opposes", true),
        pos("p7", "i19999", "open", false),
    ];
    let text = wide_doc(500, 20_000, &some);
    let started = Instant::now();
    let ds = parse(&text).expect("valid");
    let analyses = analyse(&ds, &vec![true; 500]);
    let pairs = PairTable::new(&ds);
    let took = started.elapsed();
    assert_eq!(analyses.len(), 20_000);
    assert_eq!(ds.stated(0).count(), 2);
    assert_eq!(ds.stated(19_999).map(|p| p.party).collect::<Vec<_>>(), [7]);
    assert_eq!(
        pairs.get(0, 499).map(|s| (s.joint, s.red_line_clashes)),
        Some((1, 1))
    );
    assert_eq!(pairs.len(), 500 * 499 / 2);
    assert_eq!(
        pairs.top(20)[0].0,
        0,
        "p0 and p499 are the only pair with a joint issue"
    );
    // Before: ten million cell vectors and 5 billion pair checks (minutes). Generous for a
    // debug build on a busy machine; the end-to-end test holds the release build to 3 s.
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
fn after_a_broken_source_the_next_one_is_not_mistaken_for_it() {
    let text = doc_with(&pos("a", "i1", "supports", false))
        .replace(
            r#""sources": [{"id":"s1","title":"Report","url":"https://example.org/r"}]"#,
            r#""sources": [{"id":"s1","title":"Report","url":"https://example.org/r"},{"id":"s2","title":"Old","url":"ftp://example.org"},{"id":"s3","title":"New","url":"https://example.org/n"}]"#,
        )
        .replace(r#""sources":["s1"]"#, r#""sources":["s2","s3"]"#);
    assert_eq!(
        messages(&text),
        [r#"sources[1].url: "ftp://example.org" is not an http(s) URL"#]
    );
}

#[test]
fn after_a_broken_issue_the_next_one_is_not_mistaken_for_it() {
    let text = doc_with(
        &[
            pos("a", "i2", "supports", false),
            pos("a", "i3", "opposes", false),
        ]
        .join(","),
    )
    .replace(
        r#"{"id":"i2","title":"Occupied regions","category":"c1"}"#,
        r#"{"id":"i2","category":"c1"}"#,
    );
    assert_eq!(
        messages(&text),
        [r#"issues[1]: missing required field "title""#]
    );
}

#[test]
fn sixty_thousand_unknown_references_keep_two_hundred_messages_and_count_the_rest() {
    let positions: Vec<String> = (0..30_000)
        .map(|i| pos_on("zz", &format!("x{i}"), "open", false, "2025-04-01"))
        .collect();
    let text = doc_with(&positions.join(","));
    let started = Instant::now();
    let errors = parse(&text).expect_err("invalid");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(errors.len(), DataErrors::KEPT);
    assert_eq!(errors.total(), 60_000);
    assert_eq!(errors.more(), 60_000 - DataErrors::KEPT);
    assert_eq!(
        errors[0].to_string(),
        r#"positions[0].party: unknown party "zz" (known: a, b, c, d)"#
    );
    assert_eq!(
        errors[1].to_string(),
        r#"positions[0].issue: unknown issue "x0" (known: i1, i2, i3, i4)"#
    );
}

#[test]
fn an_unknown_reference_names_the_first_twelve_ids_in_file_order_and_counts_the_rest() {
    let text = wide_doc(20, 1, &[pos("nobody", "i0", "open", false)]);
    let m = messages(&text);
    assert_eq!(
        m,
        [
            r#"positions[0].party: unknown party "nobody" (known: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, … 8 more)"#
        ]
    );
}

#[test]
fn a_third_duplicate_points_at_the_first() {
    let doc = doc_with(
        &[
            pos("a", "i1", "open", false),
            pos("a", "i1", "open", false),
            pos("a", "i1", "open", false),
        ]
        .join(","),
    );
    let m = messages(&doc);
    assert_eq!(m.len(), 2);
    assert!(
        m.iter().all(|x| x.ends_with("(first at positions[0])")),
        "{m:?}"
    );
    let doc = doc_with("").replace(
        r#"{"id":"b","name":"Beta"}"#,
        r#"{"id":"a","name":"Beta"},{"id":"a","name":"Again"}"#,
    );
    assert_eq!(
        messages(&doc),
        [
            r#"parties[1].id: duplicate id "a" (first at parties[0])"#,
            r#"parties[2].id: duplicate id "a" (first at parties[0])"#
        ]
    );
}

#[test]
fn dates_cannot_be_built_invalid() {
    assert_eq!(Date::new(2025, 0, 1), None);
    assert_eq!(Date::new(2025, 13, 1), None);
    assert_eq!(Date::new(2025, 2, 29), None);
    assert_eq!(Date::new(0, 1, 1), None);
    let leap = Date::new(2024, 2, 29).expect("a leap day");
    assert_eq!((leap.year(), leap.month(), leap.day()), (2024, 2, 29));
    assert_eq!(leap.long(), "29 February 2024");
    assert_eq!(Date::parse("2025-04-23"), Date::new(2025, 4, 23));
}

#[test]
fn a_field_repeated_after_many_unknown_ones_is_reported_in_moments() {
    // 150,000 unknown fields, then one field repeated 150,000 times: comparing each key with
    // every key before it is 20 billion comparisons; one pass with the set of fields seen is
    // 300,000 steps.
    let unknown = r#""zz":1,"#.repeat(150_000);
    let repeated = r#""name":"x","#.repeat(150_000);
    let text = wide_doc(1, 1, &[pos("p0", "i0", "supports", false)]).replacen(
        r#"{"id":"p0","#,
        &format!(r#"{{{unknown}{repeated}"id":"p0","#),
        1,
    );
    assert!(text.len() < 10_000_000, "inside the size limit");
    let started = Instant::now();
    let errors: DataErrors = parse(&text).expect_err("unknown and repeated fields are problems");
    let took = started.elapsed();
    // Every unknown field and every repeat counted, the first ones listed.
    // (The party's own "name" after its id is one more repeat.)
    assert_eq!(errors.total(), 150_000 + 150_000);
    assert!(errors
        .iter()
        .next()
        .is_some_and(|e| e.to_string().contains("\"zz\"")));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}
