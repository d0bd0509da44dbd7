//! Time: the matrix "as of" a date, what changed since a date, the timeline's stops, and the
//! optional `events`.

mod common;
use common::*;
use proptest::prelude::*;
use stance_matrix::analysis::history::{latest, status_changes, stops, CellChange, Changes, Mark};
use stance_matrix::analysis::{analyse, IssueStatus};
use stance_matrix::model::{parse, Dataset, Date, Stance, BUNDLED};

fn d(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// The stance of a cell as of a date, or `None` when not stated then.
fn stance_on(ds: &Dataset, date: &str, issue: &str, party: &str) -> Option<Stance> {
    let view = ds.until(d(date));
    view.current(view.issue_index(issue)?, view.party_index(party)?)
        .map(|p| p.stance)
}

fn mark(stance: Stance, red_line: bool) -> Option<Mark> {
    Some(Mark { stance, red_line })
}

#[test]
fn a_position_counts_from_its_date_until_the_partys_next_one() {
    let ds = dataset(&[
        pos_on("a", "i1", "sceptical", false, "2025-03-11"),
        pos_on("a", "i1", "supports", false, "2025-04-17"),
        pos_on("b", "i1", "opposes", false, "2025-04-17"),
    ]);
    assert_eq!(
        stance_on(&ds, "2025-03-10", "i1", "a"),
        None,
        "not stated before its first position"
    );
    assert_eq!(
        stance_on(&ds, "2025-03-11", "i1", "a"),
        Some(Stance::Sceptical),
        "counts on its own date"
    );
    assert_eq!(
        stance_on(&ds, "2025-04-16", "i1", "a"),
        Some(Stance::Sceptical)
    );
    assert_eq!(
        stance_on(&ds, "2025-04-17", "i1", "a"),
        Some(Stance::Supports),
        "the next position takes over on its date"
    );
    // Two parties on the same day: both count from that day, neither before.
    assert_eq!(stance_on(&ds, "2025-04-16", "i1", "b"), None);
    assert_eq!(
        stance_on(&ds, "2025-04-17", "i1", "b"),
        Some(Stance::Opposes)
    );
    assert_eq!(
        ds.until(d("2025-04-01")).as_of(),
        d("2025-04-01"),
        "the view is as of the chosen date"
    );
}

#[test]
fn a_party_that_stops_stating_keeps_its_last_position() {
    let ds = dataset(&[
        pos_on("a", "i2", "open", false, "2025-03-18"),
        pos_on("b", "i2", "supports", false, "2025-04-22"),
    ]);
    assert_eq!(
        stance_on(&ds, "2025-04-23", "i2", "a"),
        Some(Stance::Open),
        "silence since March changes nothing"
    );
    let changes = Changes::between(&ds.until(d("2025-04-01")), &ds);
    assert_eq!(
        changes.cells,
        [CellChange {
            issue: 1,
            party: 1,
            before: None,
            after: mark(Stance::Supports, false)
        }],
        "only the newly stated cell"
    );
}

#[test]
fn a_red_line_added_or_dropped_is_a_change_though_the_stance_stays() {
    let ds = dataset(&[
        pos_on("a", "i1", "opposes", false, "2025-03-11"),
        pos_on("a", "i1", "opposes", true, "2025-04-01"),
        pos_on("b", "i3", "supports", true, "2025-03-11"),
        pos_on("b", "i3", "supports", false, "2025-04-20"),
        pos_on("c", "i3", "open", false, "2025-03-11"),
        pos_on("c", "i3", "open", false, "2025-04-20"),
    ]);
    let changes = Changes::between(&ds.until(d("2025-03-31")), &ds);
    assert_eq!(changes.since, d("2025-03-31"));
    assert_eq!(
        changes.cells,
        [
            CellChange {
                issue: 0,
                party: 0,
                before: mark(Stance::Opposes, false),
                after: mark(Stance::Opposes, true)
            },
            CellChange {
                issue: 2,
                party: 1,
                before: mark(Stance::Supports, true),
                after: mark(Stance::Supports, false)
            },
        ],
        "c restated the same stance: not a change"
    );
    assert!(changes.cell(2, 1).is_some() && changes.cell(2, 2).is_none());
    assert_eq!(changes.count(&[0, 1, 2, 3], &[true; 4]), 2);
    assert_eq!(changes.count(&[2], &[true; 4]), 1, "only shown rows count");
    assert_eq!(
        changes.count(&[0, 2], &[true, false, true, true]),
        1,
        "only visible parties count"
    );
    // Between two days with nothing in between, nothing changed.
    assert!(
        Changes::between(&ds.until(d("2025-04-02")), &ds.until(d("2025-04-19")))
            .cells
            .is_empty()
    );
}

#[test]
fn statuses_that_changed_are_named_with_before_and_after() {
    let ds = dataset(&[
        pos_on("a", "i1", "supports", false, "2025-03-11"),
        pos_on("b", "i1", "supports", false, "2025-03-11"),
        pos_on("b", "i1", "opposes", true, "2025-04-22"),
        pos_on("a", "i2", "open", false, "2025-03-11"),
    ]);
    let mask = [true; 4];
    let (before, after) = (
        analyse(&ds.until(d("2025-04-01")), &mask),
        analyse(&ds, &mask),
    );
    assert_eq!(
        status_changes(&[0, 1, 2, 3], &before, &after),
        [(0, IssueStatus::Agreement, IssueStatus::RedLineClash)]
    );
    assert!(
        status_changes(&[1, 2, 3], &before, &after).is_empty(),
        "a row filtered out is not named"
    );
}

#[test]
fn stops_are_every_date_once_with_the_events_of_the_day() {
    let text = doc_with(&[pos_on("a", "i1", "open", false, "2025-04-17"), pos_on("b", "i1", "open", false, "2025-03-11")].join(","))
        .replace(
            r#""positions":"#,
            r#""events": [{"id":"paris","date":"2025-04-17","title":"Talks in Paris","sources":["s1"]},
                {"id":"call","date":"2025-03-18","title":"Call"},{"id":"jeddah","date":"2025-03-11","title":"Talks in Jeddah"}],
               "positions":"#,
        );
    let ds = parse(&text).expect("valid");
    let stops = stops(&ds);
    let dates: Vec<String> = stops.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2025-03-11", "2025-03-18", "2025-04-17", "2025-04-23"],
        "the dataset's own date is the last stop"
    );
    let titles: Vec<Vec<&str>> = stops
        .iter()
        .map(|s| {
            s.events
                .iter()
                .map(|&e| ds.events()[e].title.as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        titles,
        [
            vec!["Talks in Jeddah"],
            vec!["Call"],
            vec!["Talks in Paris"],
            vec![]
        ]
    );
    assert_eq!(latest(&ds), d("2025-04-23"));
}

#[test]
fn events_are_checked_like_the_rest() {
    let text = doc_with(&pos("a", "i1", "open", false)).replace(
        r#""positions":"#,
        r#""events": [{"id":"x","date":"2025-02-30","title":"Bad day"},{"id":"x","date":"2025-03-01","title":"Again","sources":["s9"]},
            {"id":"y","date":"2025-03-01","sources":[]},{"id":"z","date":"2025-03-01","title":"T","when":"now"}],
           "positions":"#,
    );
    assert_eq!(
        messages(&text),
        [
            r#"events[0].date: "2025-02-30" is not a valid date (YYYY-MM-DD)"#,
            r#"events[1].sources[0]: unknown source "s9" (known: s1)"#,
            r#"events[2]: missing required field "title""#,
            r#"events[2].sources: must list at least one source"#,
            r#"events[3]: unknown field "when""#,
            r#"events[1].id: duplicate id "x" (first at events[0])"#,
        ]
    );
}

/// A position that only adds to the party's standing one (`"adds": true`).
fn adds(position: String) -> String {
    position.replacen("\"red_line\":false", "\"red_line\":false,\"adds\":true", 1)
}

#[test]
fn a_position_that_only_adds_is_in_the_timeline_but_does_not_replace_the_standing_one() {
    let ds = dataset(&[
        pos_on("a", "i1", "supports", false, "2025-04-17"),
        pos_on("b", "i1", "opposes", true, "2025-04-22"),
        adds(pos_on("a", "i1", "ambivalent", false, "2025-04-23")),
        // Only additions so far: the latest of them counts until a standing position comes.
        adds(pos_on("c", "i2", "open", false, "2025-04-18")),
        pos_on("c", "i2", "sceptical", false, "2025-04-20"),
        adds(pos_on("c", "i2", "supports", false, "2025-04-21")),
        pos_on("c", "i2", "opposes", false, "2025-04-22"),
    ]);
    assert!(ds.positions()[2].adds && !ds.positions()[0].adds);
    assert_eq!(
        stance_on(&ds, "2025-04-23", "i1", "a"),
        Some(Stance::Supports),
        "the remark of 23 April leaves the standing position current"
    );
    let (i1, a) = (
        ds.issue_index("i1").expect("i1"),
        ds.party_index("a").expect("a"),
    );
    let timeline: Vec<Stance> = ds.history(i1, a).map(|p| p.stance).collect();
    assert_eq!(
        timeline,
        [Stance::Supports, Stance::Ambivalent],
        "the remark is in the cell's timeline"
    );
    let mask = [true; 4];
    assert_eq!(analyse(&ds, &mask)[i1].status, IssueStatus::RedLineClash);
    assert_eq!(
        ds.stated(i1).map(|p| p.stance).collect::<Vec<_>>(),
        [Stance::Supports, Stance::Opposes]
    );
    let changes = Changes::between(&ds.until(d("2025-04-22")), &ds);
    assert!(
        changes.cells.is_empty(),
        "a remark changes no mark: {changes:?}"
    );
    assert_eq!(stance_on(&ds, "2025-04-18", "i2", "c"), Some(Stance::Open));
    assert_eq!(
        stance_on(&ds, "2025-04-20", "i2", "c"),
        Some(Stance::Sceptical)
    );
    assert_eq!(
        stance_on(&ds, "2025-04-21", "i2", "c"),
        Some(Stance::Sceptical),
        "an addition after a standing position does not replace it"
    );
    assert_eq!(
        stance_on(&ds, "2025-04-22", "i2", "c"),
        Some(Stance::Opposes),
        "a later standing position does"
    );
}

#[test]
fn the_bundled_dataset_has_history_and_events() {
    let ds = parse(BUNDLED).expect("valid");
    let stops = stops(&ds);
    assert!(stops.len() >= 8, "{} stops", stops.len());
    assert!(ds.events().len() >= 5);
    let stated = |date: Date| {
        let view = ds.until(date);
        (0..ds.issues().len())
            .map(|i| view.stated(i).count())
            .sum::<usize>()
    };
    assert!(
        stated(stops[0].date) < stated(latest(&ds)),
        "fewer cells stated at the start of the talks"
    );
}

fn positions() -> impl Strategy<Value = Vec<String>> {
    let party = prop::sample::select(vec!["a", "b", "c", "d"]);
    let issue = prop::sample::select(vec!["i1", "i2", "i3", "i4"]);
    let stance = prop::sample::select(Stance::NAMES.to_vec());
    let day = 1..=28u8;
    prop::collection::btree_map((party, issue, day), (stance, any::<bool>()), 0..24).prop_map(
        |cells| {
            cells
                .into_iter()
                .map(|((party, issue, day), (stance, red))| {
                    let red = red && matches!(stance, "supports" | "opposes");
                    pos_on(party, issue, stance, red, &format!("2025-04-{day:02}"))
                })
                .collect()
        },
    )
}

proptest! {
    #[test]
    fn as_of_the_latest_date_is_todays_view(positions in positions()) {
        let ds = dataset(&positions);
        let view = ds.until(latest(&ds));
        let mask = [true; 4];
        prop_assert_eq!(analyse(&view, &mask), analyse(&ds, &mask));
        for issue in 0..4 {
            for party in 0..4 {
                prop_assert_eq!(view.current(issue, party), ds.current(issue, party));
            }
        }
        prop_assert!(Changes::between(&view, &ds).cells.is_empty());
        prop_assert_eq!(stops(&ds).last().map(|s| s.date), Some(latest(&ds)));
    }

    #[test]
    fn changes_are_exactly_the_cells_whose_mark_differs(positions in positions(), since in 1..=28u8) {
        let ds = dataset(&positions);
        let cutoff = d(&format!("2025-04-{since:02}"));
        let before = ds.until(cutoff);
        let changes = Changes::between(&before, &ds);
        // Straight from the file's positions: a cell's mark on a date is that of its latest
        // position on or before the date.
        let mark_on = |issue: usize, party: usize, date: Date| {
            ds.positions().iter().filter(|p| p.issue == issue && p.party == party && p.date <= date).max_by_key(|p| p.date).map(Mark::of)
        };
        let latest = stance_matrix::analysis::history::latest(&ds);
        for issue in 0..4 {
            for party in 0..4 {
                let (b, a) = (mark_on(issue, party, cutoff), mark_on(issue, party, latest));
                prop_assert_eq!(before.current(issue, party).map(Mark::of), b);
                prop_assert_eq!(changes.cell(issue, party).is_some(), a != b, "{} {}", issue, party);
            }
        }
    }
}
