//! Parse + validate + analyse + view state on arbitrary bytes: no input may panic, hang or
//! overflow the stack; a valid dataset must satisfy the analysis invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance_matrix::analysis::{analyse, PairTable};
use stance_matrix::model::parse;
use stance_matrix::state::fragment;
use stance_matrix::state::search::SearchIndex;
use stance_matrix::state::view_state::ViewState;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse(text) {
        Err(errors) => assert!(
            !errors.is_empty(),
            "an error result lists at least one problem"
        ),
        Ok(dataset) => {
            let all = vec![true; dataset.parties().len()];
            let analyses = analyse(&dataset, &all);
            let pairs = PairTable::new(&dataset);
            for (_, _, score) in pairs.top(pairs.len()) {
                assert!(score.same_side + score.red_line_clashes <= score.joint);
                assert!(score.share().is_none_or(|s| (0.0..=1.0).contains(&s)));
            }
            let index = SearchIndex::new(&dataset);
            // Use the text's tail as a URL fragment too: any fragment must decode.
            let start = text.char_indices().rev().nth(63).map_or(0, |(i, _)| i);
            let state: ViewState = fragment::decode(&text[start..], &dataset);
            let rows = state.visible_issues(&dataset, &index, &analyses);
            assert!(rows.iter().all(|&i| i < dataset.issues().len()));
            // The sheet the widget offers for download reads back as the same dataset.
            let sheet = stance_matrix::sheet::to_sheet(&dataset);
            match stance_matrix::sheet::read_sheet(&sheet) {
                Ok((back, _)) => assert_eq!(back.positions().len(), dataset.positions().len()),
                Err(errors) => panic!("the downloaded sheet does not read back: {errors:?}"),
            }
        }
    }
});
