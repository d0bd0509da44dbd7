//! The view state: reducer, filtering, sorting, and the URL fragment round trip.

mod common;
use common::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use stance_matrix::analysis::analyse;
use stance_matrix::model::{Dataset, Date};
use stance_matrix::state::fragment::{decode, encode, escape, unescape};
use stance_matrix::state::search::{fold, terms, SearchIndex};
use stance_matrix::state::view_state::*;

fn sample() -> Dataset {
    dataset(&[
        pos("a", "i1", "opposes", true),
        pos("b", "i1", "supports", false),
        pos("a", "i2", "supports", false),
        pos("b", "i2", "open", false),
        pos("a", "i3", "open", false),
        pos("c", "i3", "sceptical", false),
    ])
}

fn rows(state: &ViewState, ds: &Dataset) -> Vec<String> {
    let analyses = analyse(ds, &state.party_mask(ds));
    let index = SearchIndex::new(ds);
    state
        .visible_issues(ds, &index, &analyses)
        .iter()
        .map(|&i| ds.issues()[i].id.clone())
        .collect()
}

#[test]
fn the_default_view_shows_every_issue_in_dataset_order() {
    assert_eq!(
        rows(&ViewState::default(), &sample()),
        ["i1", "i2", "i3", "i4"]
    );
}

#[test]
fn the_query_matches_titles_descriptions_categories_and_summaries() {
    let ds = sample();
    let with = |q: &str| rows(&ViewState::default().apply(Action::SetQuery(q.into())), &ds);
    assert_eq!(with("crimea"), ["i1"]);
    assert_eq!(with("ANNEXATION"), ["i1"]);
    assert_eq!(with("security"), ["i3", "i4"]);
    assert_eq!(
        with("c on i3"),
        ["i3"],
        "summaries match, every word must match"
    );
    assert!(with("nothing-like-this").is_empty());
}

#[test]
fn the_query_is_case_and_diacritic_insensitive() {
    assert_eq!(
        fold("Zelenskyy’s CRÍMÉA Łódź Ærø"),
        "zelenskyy's crimea lodz æro"
    );
    let ds = sample();
    let with = |q: &str| rows(&ViewState::default().apply(Action::SetQuery(q.into())), &ds);
    assert_eq!(with("CRÎMEA"), ["i1"]);
    assert_eq!(
        with("Crime\u{301}a"),
        ["i1"],
        "combining accents are ignored"
    );
    assert_eq!(terms("  Kyïv   talks "), ["kyiv", "talks"]);
}

#[test]
fn only_conflicts_keeps_conflict_and_red_line_clash() {
    let ds = sample();
    let state = ViewState::default().apply(Action::SetOnlyConflicts(true));
    assert_eq!(rows(&state, &ds), ["i1", "i3"]);
    let state = state.apply(Action::SetOnlyRedLines(true));
    assert_eq!(rows(&state, &ds), ["i1"]);
}

#[test]
fn hiding_a_party_changes_which_issues_are_conflicts() {
    let ds = sample();
    let state = ViewState::default()
        .apply(Action::SetOnlyConflicts(true))
        .apply(Action::ToggleParty("c".into()));
    assert_eq!(rows(&state, &ds), ["i1"]);
    assert_eq!(
        state.apply(Action::ToggleParty("c".into())).hidden,
        Vec::<String>::new()
    );
}

#[test]
fn the_category_filter_keeps_its_issues() {
    let state = ViewState::default().apply(Action::SetCategory(Some("c2".into())));
    assert_eq!(rows(&state, &sample()), ["i3", "i4"]);
}

#[test]
fn sorting_by_contention_and_by_agreement() {
    let ds = sample();
    let contested = ViewState::default().apply(Action::SetSort(SortOrder::Contested));
    assert_eq!(rows(&contested, &ds), ["i1", "i3", "i2", "i4"]);
    let agreed = ViewState::default().apply(Action::SetSort(SortOrder::Agreed));
    assert_eq!(rows(&agreed, &ds), ["i2", "i4", "i3", "i1"]);
}

#[test]
fn reset_returns_to_the_defaults() {
    let state = ViewState::default()
        .apply(Action::SetQuery("x".into()))
        .apply(Action::SetOnlyRedLines(true));
    assert!(state.is_filtered());
    assert_eq!(state.apply(Action::Reset), ViewState::default());
    // The reader's choice of table or text is not a filter: it stays.
    let text = state.apply(Action::SetAsText(true));
    assert_eq!(
        text.apply(Action::Reset),
        ViewState {
            as_text: true,
            ..ViewState::default()
        }
    );
    assert!(!ViewState::default()
        .apply(Action::SetAsText(true))
        .is_filtered());
}

#[test]
fn a_readable_fragment_is_written() {
    let state = ViewState {
        query: "crimea nato".into(),
        only_conflicts: true,
        hidden: vec!["b".into(), "c".into()],
        open: Some(CellRef {
            issue: "i1".into(),
            party: "a".into(),
        }),
        as_text: true,
        ..ViewState::default()
    };
    assert_eq!(
        encode(&state),
        "q=crimea%20nato&hide=b,c&only=conflicts&cell=i1.a&view=text"
    );
    assert_eq!(encode(&ViewState::default()), "");
}

#[test]
fn a_malformed_fragment_falls_back_part_by_part() {
    let ds = sample();
    let state = decode("#q=crim%C3%A9a&hide=b,zz,b&only=conflicts,bogus&sort=loudest&cell=i9.a&cmp=a.a&cat=c1&x=1&%ZZ&q2", &ds);
    assert_eq!(
        state,
        ViewState {
            query: "criméa".into(),
            category: Some("c1".into()),
            hidden: vec!["b".into()],
            only_conflicts: true,
            ..ViewState::default()
        }
    );
    assert_eq!(
        decode("q=%E2%82&cat=nope&cmp=a.b", &ds).query,
        "",
        "broken UTF-8 drops only the query"
    );
    assert_eq!(
        decode("q=%E2%82&cat=nope&cmp=a.b", &ds).compare,
        Some(("a".into(), "b".into()))
    );
    assert_eq!(decode("q=%+1", &ds).query, "", "a sign is not a hex digit");
    let dates = decode("asof=2025-02-30&since=2025-04-22", &ds);
    assert_eq!(
        (dates.as_of, dates.since),
        (None, Date::parse("2025-04-22")),
        "no 30 February; the latest date shown keeps an earlier since"
    );
    let dates = decode("asof=2025-04-17&since=2025-04-17", &ds);
    assert_eq!(
        (dates.as_of, dates.since),
        (Date::parse("2025-04-22"), None),
        "a day before the first stop is the first; since must be before it"
    );
    let dates = decode(
        "since=2025-04-22",
        &dataset(&[pos("a", "i1", "open", false)])
            .until(Date::parse("2025-04-23").expect("a date")),
    );
    assert_eq!(dates.since, Date::parse("2025-04-22"));
    let one_date = dataset(&[pos_on("a", "i1", "open", false, "2025-04-23")]);
    assert_eq!(
        decode("asof=2025-01-01&since=2020-01-01", &one_date),
        ViewState::default(),
        "one date: no timeline, no dates kept"
    );
    assert_eq!(
        decode("asof=2025-04-23", &ds).as_of,
        None,
        "the latest date is the default view"
    );
    assert_eq!(
        decode("asof=2030-01-01", &ds).as_of,
        None,
        "a later date shows the latest"
    );
}

#[test]
fn generated_fragments_reach_hidden_parties_categories_cells_and_pairs() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let ds = sample();
    let mut reached = [false; 4];
    for _ in 0..2_000 {
        let fragment = fragment()
            .new_tree(&mut runner)
            .expect("a fragment")
            .current();
        let s = decode(&fragment, &ds);
        reached[0] |= !s.hidden.is_empty();
        reached[1] |= s.category.is_some();
        reached[2] |= s.open.is_some();
        reached[3] |= s.compare.is_some();
    }
    assert_eq!(reached, [true; 4], "hide, cat, cell, cmp");
}

/// Fragments aimed at the decoder: known keys and junk keys, ids that exist and ids that do
/// not, stated and empty cells, broken escapes, in any order.
fn fragment() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "q", "cat", "hide", "only", "sort", "cell", "cmp", "x", "",
    ]);
    let word = prop::sample::select(vec![
        "a",
        "b",
        "c",
        "d",
        "zz",
        "c1",
        "c2",
        "c9",
        "i1.a",
        "i1.c",
        "i3.c",
        "i4.d",
        "i9.a",
        "a.b",
        "b.b",
        "conflicts",
        "red-lines",
        "contested",
        "%ZZ",
        "%E2%82",
        "crim%C3%A9a",
        "",
    ]);
    let value = prop::collection::vec(word, 1..3).prop_map(|w| w.join(","));
    prop::collection::vec((key, value), 0..6).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn id() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(String::from)
}

fn state() -> impl Strategy<Value = ViewState> {
    (
        any::<String>().prop_map(|s| s.chars().take(200).collect::<String>()),
        prop::option::of(prop::sample::select(vec!["c1", "c2"]).prop_map(String::from)),
        prop::collection::btree_set(id(), 0..4),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(SortOrder::ALL.to_vec()),
        // Only stated cells open (see `a_link_to_an_empty_cell_opens_nothing`).
        prop::option::of(prop::sample::select(vec![
            ("i1", "a"),
            ("i1", "b"),
            ("i2", "a"),
            ("i2", "b"),
            ("i3", "a"),
            ("i3", "c"),
        ])),
        prop::option::of((id(), id()).prop_filter("two different parties", |(a, b)| a != b)),
        // The sample's latest date is 2025-04-23: "as of" it is the default, written as none,
        // and "changed since" is always earlier than the date shown.
        (date(), date()).prop_filter("since before the date shown", |(as_of, since)| {
            since.is_none_or(|s| s < as_of.or(Date::parse("2025-04-23")).expect("a date"))
        }),
        any::<bool>(),
    )
        .prop_map(
            |(
                query,
                category,
                hidden,
                only_conflicts,
                only_red_lines,
                sort,
                open,
                compare,
                (as_of, since),
                as_text,
            )| ViewState {
                query,
                category,
                hidden: hidden.into_iter().collect(),
                only_conflicts,
                only_red_lines,
                sort,
                open: open.map(|(issue, party)| CellRef {
                    issue: issue.into(),
                    party: party.into(),
                }),
                compare,
                as_of,
                since,
                as_text,
            },
        )
}

/// The sample's stops are 22 April (its positions) and 23 April (its date): a link keeps only
/// stops (see `a_malformed_fragment_falls_back_part_by_part`).
fn date() -> impl Strategy<Value = Option<Date>> {
    prop::option::of(Just(Date::parse("2025-04-22").expect("a date")))
}

proptest! {
    #[test]
    fn fragments_round_trip_every_state(s in state()) {
        let ds = sample();
        prop_assert_eq!(decode(&encode(&s), &ds), s);
    }

    #[test]
    fn escaping_round_trips_any_text(text in any::<String>()) {
        prop_assert_eq!(unescape(&escape(&text)), Some(text));
    }

    #[test]
    fn decoding_any_fragment_never_panics_and_yields_known_ids(fragment in fragment()) {
        let ds = sample();
        let s = decode(&fragment, &ds);
        prop_assert!(s.hidden.iter().all(|p| ds.party_index(p).is_some()), "{:?}", s);
        prop_assert!(s.category.iter().all(|c| ds.category_index(c).is_some()), "{:?}", s);
        prop_assert!(s.open.iter().all(|c| ds.current(ds.issue_index(&c.issue).unwrap_or(99), ds.party_index(&c.party).unwrap_or(99)).is_some()), "{:?}", s);
        prop_assert!(s.compare.iter().all(|(a, b)| a != b && ds.party_index(a).is_some() && ds.party_index(b).is_some()), "{:?}", s);
    }

}

#[test]
fn folding_lowers_greek_cyrillic_and_armenian_too() {
    assert_eq!(fold("КРЫМ Київ ΚΡΙΜΑΊΑ Ա"), "крым київ κριμαία ա");
    assert_eq!(fold("Straße ÆØ İ Ώ"), "straße æo i ώ");
}

#[test]
fn a_link_to_an_empty_cell_opens_nothing() {
    let ds = sample();
    assert_eq!(
        decode("cell=i4.a", &ds).open,
        None,
        "nobody has stated anything on i4"
    );
    assert_eq!(
        decode("cell=i3.b", &ds).open,
        None,
        "b has not stated anything on i3"
    );
    assert_eq!(
        decode("cell=i3.c", &ds).open,
        Some(CellRef {
            issue: "i3".into(),
            party: "c".into()
        })
    );
}

#[test]
fn wide_datasets_get_shorter_pages_but_never_fewer_than_ten_rows() {
    assert_eq!(rows_per_page(5), ROWS_PER_PAGE);
    assert_eq!(rows_per_page(30), 66);
    assert_eq!(rows_per_page(500), 10);
    assert_eq!(rows_per_page(0), ROWS_PER_PAGE);
}
