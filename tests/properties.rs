//! Property tests of the analysis on generated datasets: statuses do not depend on party
//! order, the pair table (one pass over stated cells) equals counting cell by cell, hiding a
//! party is the same as the party never having spoken, and a pair's share never depends on a
//! third party.

use proptest::prelude::*;
use stance_matrix::analysis::{analyse, pair_relation, PairRelation, PairScore, PairTable};
use stance_matrix::model::{parse, Dataset};

const PARTIES: [&str; 4] = ["a", "b", "c", "d"];
const ISSUES: usize = 5;
const STANCES: [&str; 5] = ["supports", "open", "ambivalent", "sceptical", "opposes"];

/// One generated position: party index, issue index, stance index, red line, day of April.
type Gen = (usize, usize, usize, bool, u8);

fn build(positions: &[Gen], party_order: &[usize], without: Option<usize>) -> Dataset {
    let parties: Vec<String> = party_order
        .iter()
        .map(|&p| format!(r#"{{"id":"{}","name":"P{p}"}}"#, PARTIES[p]))
        .collect();
    let issues: Vec<String> = (0..ISSUES)
        .map(|i| format!(r#"{{"id":"i{i}","title":"Issue {i}"}}"#))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let body: Vec<String> = positions
        .iter()
        .filter(|(p, i, _, _, day)| Some(*p) != without && seen.insert((*p, *i, *day)))
        .map(|&(p, i, s, red, day)| {
            // A red line only sits on a side.
            let red = red && (s == 0 || s == 4);
            format!(
                r#"{{"party":"{}","issue":"i{i}","stance":"{}","red_line":{red},"summary":"s","date":"2025-04-{day:02}","confidence":"on_record","sources":["s1"]}}"#,
                PARTIES[p], STANCES[s]
            )
        })
        .collect();
    let text = format!(
        r#"{{"format":"stance-matrix/1","title":"T","as_of":"2025-04-30","parties":[{}],"issues":[{}],"sources":[{{"id":"s1","title":"S","url":"https://example.org"}}],"positions":[{}]}}"#,
        parties.join(","),
        issues.join(","),
        body.join(",")
    );
    parse(&text).expect("generated datasets are valid")
}

fn positions() -> impl Strategy<Value = Vec<Gen>> {
    prop::collection::vec(
        (0..4usize, 0..ISSUES, 0..5usize, any::<bool>(), 1..29u8),
        0..40,
    )
}

/// A pair's score counted the slow way: every issue, through the current positions.
fn naive_score(ds: &Dataset, a: usize, b: usize) -> PairScore {
    let mut score = PairScore::default();
    for relation in (0..ISSUES).filter_map(|i| pair_relation(ds, i, a, b)) {
        score.joint += 1;
        score.same_side += usize::from(relation == PairRelation::Agree);
        score.red_line_clashes += usize::from(relation == PairRelation::Clash);
    }
    score
}

/// Per issue: (status, contention, common ground, stated) for a party mask in dataset order.
fn summary(ds: &Dataset, mask: &[bool]) -> Vec<String> {
    analyse(ds, mask)
        .iter()
        .map(|a| {
            format!(
                "{:?} {} {} {}",
                a.status, a.contention, a.common_ground, a.stated
            )
        })
        .collect()
}

proptest! {
    #[test]
    fn statuses_do_not_depend_on_party_order(ps in positions(), order in Just(vec![0usize, 1, 2, 3]).prop_shuffle()) {
        let base = build(&ps, &[0, 1, 2, 3], None);
        let shuffled = build(&ps, &order, None);
        prop_assert_eq!(summary(&base, &[true; 4]), summary(&shuffled, &[true; 4]));
    }

    #[test]
    fn the_pair_table_equals_counting_every_issue_cell_by_cell(ps in positions()) {
        let ds = build(&ps, &[0, 1, 2, 3], None);
        let table = PairTable::new(&ds);
        for a in 0..4 {
            for b in 0..4 {
                let expected = (a != b).then(|| naive_score(&ds, a, b));
                prop_assert_eq!(table.get(a, b), expected, "pair {} {}", a, b);
            }
        }
    }

    #[test]
    fn hiding_a_party_is_the_same_as_it_never_having_spoken(ps in positions(), hidden in 0..4usize) {
        let full = build(&ps, &[0, 1, 2, 3], None);
        let silent = build(&ps, &[0, 1, 2, 3], Some(hidden));
        let mut mask = [true; 4];
        mask[hidden] = false;
        prop_assert_eq!(summary(&full, &mask), summary(&silent, &[true; 4]));
    }

    #[test]
    fn hiding_a_party_never_changes_another_pairs_share(ps in positions(), hidden in 0..4usize) {
        let full = build(&ps, &[0, 1, 2, 3], None);
        let silent = build(&ps, &[0, 1, 2, 3], Some(hidden));
        for a in (0..4).filter(|&p| p != hidden) {
            for b in (0..4).filter(|&p| p != hidden) {
                prop_assert_eq!(PairTable::new(&full).get(a, b), PairTable::new(&silent).get(a, b));
            }
        }
    }
}
