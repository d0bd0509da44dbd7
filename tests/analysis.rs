//! Agreement analysis: statuses, common ground, contention and party-against-party scores.

mod common;
use common::*;
use stance_matrix::analysis::*;

const ALL: [bool; 4] = [true; 4];

fn status(positions: &[String], visible: &[bool]) -> IssueStatus {
    analyse_issue(&dataset(positions), 0, visible).status
}

#[test]
fn red_line_clash_when_one_side_rejects_what_another_supports() {
    let ps = [
        pos("a", "i1", "opposes", true),
        pos("b", "i1", "open", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::RedLineClash);
}

#[test]
fn a_red_line_is_not_crossed_by_a_party_on_the_same_side_or_ambivalent() {
    let ps = [
        pos("a", "i1", "opposes", true),
        pos("b", "i1", "sceptical", false),
        pos("c", "i1", "ambivalent", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Agreement);
}

#[test]
fn conflict_when_both_sides_are_taken_without_a_red_line() {
    let ps = [
        pos("a", "i1", "supports", false),
        pos("b", "i1", "sceptical", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Conflict);
}

#[test]
fn a_tie_of_one_against_one_is_a_conflict() {
    let ps = [
        pos("a", "i1", "open", false),
        pos("b", "i1", "opposes", false),
        pos("c", "i1", "ambivalent", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Conflict);
}

#[test]
fn agreement_needs_two_on_one_side_and_none_on_the_other() {
    let ps = [
        pos("a", "i1", "supports", false),
        pos("b", "i1", "open", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Agreement);
}

#[test]
fn a_single_party_is_unclear() {
    assert_eq!(
        status(&[pos("a", "i1", "supports", true)], &ALL),
        IssueStatus::Unclear
    );
}

#[test]
fn nobody_stated_is_unclear() {
    assert_eq!(
        status(&[pos("a", "i2", "supports", false)], &ALL),
        IssueStatus::Unclear
    );
}

#[test]
fn only_ambivalent_parties_are_unclear() {
    let ps = [
        pos("a", "i1", "ambivalent", false),
        pos("b", "i1", "ambivalent", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Unclear);
}

#[test]
fn hiding_a_party_recomputes_the_status_without_it() {
    let ps = [
        pos("a", "i1", "opposes", true),
        pos("b", "i1", "supports", false),
        pos("c", "i1", "supports", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::RedLineClash);
    assert_eq!(
        status(&ps, &[false, true, true, true]),
        IssueStatus::Agreement
    );
    assert_eq!(
        status(&ps, &[true, false, false, true]),
        IssueStatus::Unclear
    );
}

#[test]
fn only_the_current_position_counts() {
    let ps = [
        pos_on("a", "i1", "supports", false, "2025-03-01"),
        pos_on("a", "i1", "opposes", false, "2025-04-01"),
        pos("b", "i1", "supports", false),
    ];
    assert_eq!(status(&ps, &ALL), IssueStatus::Conflict);
}

#[test]
fn common_ground_is_every_stated_party_supporting_or_open() {
    let ds = dataset(&[
        pos("a", "i1", "supports", false),
        pos("b", "i1", "open", false),
        pos("a", "i2", "supports", false),
        pos("b", "i2", "ambivalent", false),
        pos("a", "i3", "supports", false),
    ]);
    let flags: Vec<bool> = analyse(&ds, &ALL).iter().map(|a| a.common_ground).collect();
    assert_eq!(flags, [true, false, false, false]);
}

#[test]
fn contention_orders_red_line_clashes_above_mild_disagreement_and_agreement() {
    let ds = dataset(&[
        pos("a", "i1", "supports", false),
        pos("b", "i1", "supports", false),
        pos("a", "i2", "open", false),
        pos("b", "i2", "sceptical", false),
        pos("a", "i3", "supports", false),
        pos("b", "i3", "opposes", true),
    ]);
    let c: Vec<f32> = analyse(&ds, &ALL).iter().map(|a| a.contention).collect();
    assert_eq!(c, [0.0, 2.0, 5.0, 0.0]);
}

#[test]
fn totals_count_each_status_and_common_ground() {
    let ds = dataset(&[
        pos("a", "i1", "supports", false),
        pos("b", "i1", "supports", false),
        pos("a", "i2", "open", false),
        pos("b", "i2", "sceptical", false),
        pos("a", "i3", "supports", false),
        pos("b", "i3", "opposes", true),
    ]);
    let t = Totals::count(&analyse(&ds, &ALL));
    assert_eq!(
        t,
        Totals {
            red_line_clash: 1,
            conflict: 1,
            agreement: 1,
            unclear: 1,
            common_ground: 1
        }
    );
}

#[test]
fn pairwise_shares_count_jointly_stated_issues_only() {
    let ds = dataset(&[
        pos("a", "i1", "supports", false),
        pos("b", "i1", "open", false),
        pos("a", "i2", "supports", false),
        pos("b", "i2", "opposes", true),
        pos("a", "i3", "supports", false),
        pos("b", "i4", "supports", false),
    ]);
    let table = PairTable::new(&ds);
    let s = table.get(0, 1).expect("two parties");
    assert_eq!(
        s,
        PairScore {
            joint: 2,
            same_side: 1,
            red_line_clashes: 1
        }
    );
    assert_eq!(table.get(1, 0), Some(s), "either order");
    assert_eq!(s.share(), Some(0.5));
    assert_eq!(
        table.get(0, 3).and_then(|s| s.share()),
        None,
        "nothing jointly stated has no share"
    );
    assert_eq!(table.get(2, 2), None, "a party with itself has no score");
    assert_eq!(table.get(0, 4), None, "out of range");
}

#[test]
fn ranked_pairs_put_the_most_agreement_first_and_unstated_pairs_last() {
    let ds = dataset(&[
        pos("a", "i1", "supports", false),
        pos("b", "i1", "open", false),
        pos("c", "i1", "opposes", false),
        pos("a", "i2", "supports", false),
        pos("b", "i2", "supports", false),
        pos("c", "i2", "supports", false),
    ]);
    let ranked: Vec<(usize, usize, Option<usize>)> = PairTable::new(&ds)
        .top(10)
        .iter()
        .map(|&(a, b, s)| (a, b, s.percent()))
        .collect();
    // a–b agree on both (100 %), a–c and b–c on one of two (50 %), d has stated nothing.
    assert_eq!(
        ranked,
        [
            (0, 1, Some(100)),
            (0, 2, Some(50)),
            (1, 2, Some(50)),
            (0, 3, None),
            (1, 3, None),
            (2, 3, None)
        ]
    );
    let top: Vec<(usize, usize)> = PairTable::new(&ds)
        .top(2)
        .iter()
        .map(|&(a, b, _)| (a, b))
        .collect();
    assert_eq!(top, [(0, 1), (0, 2)], "the best two, in order");
}

#[test]
fn pair_relation_distinguishes_agree_differ_and_clash() {
    let ds = dataset(&[
        pos("a", "i1", "ambivalent", false),
        pos("b", "i1", "ambivalent", false),
        pos("a", "i2", "ambivalent", false),
        pos("b", "i2", "opposes", true),
        pos("a", "i3", "open", false),
        pos("b", "i3", "opposes", true),
    ]);
    let r: Vec<Option<PairRelation>> = (0..4).map(|i| pair_relation(&ds, i, 0, 1)).collect();
    assert_eq!(
        r,
        [
            Some(PairRelation::Agree),
            Some(PairRelation::Differ),
            Some(PairRelation::Clash),
            None
        ]
    );
}

#[test]
fn bundled_crimea_is_a_red_line_clash_from_22_april_and_nato_has_ukraine_against_russia() {
    let ds = stance_matrix::model::parse(stance_matrix::model::BUNDLED).expect("valid");
    let all = vec![true; ds.parties().len()];
    let crimea = ds.issue_index("crimea").expect("crimea");
    let on_22_april = ds.until(stance_matrix::model::Date::parse("2025-04-22").expect("a date"));
    assert_eq!(
        analyse_issue(&on_22_april, crimea, &all).status,
        IssueStatus::RedLineClash,
        "Ukraine's red line against the reported US offer"
    );
    assert_eq!(
        analyse_issue(&ds, crimea, &all).status,
        IssueStatus::RedLineClash,
        "Trump's post of 23 April only adds to the US framework, which stays current"
    );
    let (ua, ru, us) = (
        ds.party_index("ua").expect("ua"),
        ds.party_index("ru").expect("ru"),
        ds.party_index("us").expect("us"),
    );
    let us_crimea = ds.current(crimea, us).expect("the US on Crimea");
    assert_eq!(
        (us_crimea.stance, us_crimea.date.to_string()),
        (
            stance_matrix::model::Stance::Supports,
            "2025-04-17".to_string()
        ),
        "the framework handed over in Paris on 17 April"
    );
    assert!(
        ds.history(crimea, us).any(|p| p.adds),
        "the remark is in the cell's timeline"
    );
    assert!(
        PairTable::new(&ds)
            .get(ua, ru)
            .expect("a pair")
            .red_line_clashes
            >= 1
    );
}

#[test]
fn percentages_round_half_up_without_floats() {
    let p = |same_side, joint| {
        PairScore {
            joint,
            same_side,
            red_line_clashes: 0,
        }
        .percent()
    };
    assert_eq!(p(1, 3), Some(33));
    assert_eq!(p(2, 3), Some(67));
    assert_eq!(p(1, 8), Some(13));
    assert_eq!(p(0, 0), None);
}
