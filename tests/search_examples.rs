//! The search box's examples come from the dataset's own issue titles.

use stance_matrix::model::{self, Issue, BUNDLED};
use stance_matrix::state::search::fold;
use stance_matrix::state::search_examples::search_examples;

fn issue(id: &str, title: &str) -> Issue {
    Issue {
        id: id.to_string(),
        title: title.to_string(),
        category: None,
        description: None,
    }
}

#[test]
fn the_bundled_dataset_suggests_the_words_its_short_ids_name() {
    let dataset = model::parse(BUNDLED).expect("the bundled dataset is valid");
    assert_eq!(
        search_examples(dataset.issues()),
        ["Crimea", "NATO", "sanctions"]
    );
}

#[test]
fn a_newsroom_dataset_suggests_its_own_words_and_each_finds_its_issue() {
    let text = std::fs::read_to_string("tests/fixtures/valid/us-china-trade.json")
        .expect("the fixture is there");
    let dataset = model::parse(&text).expect("the fixture is valid");
    let examples = search_examples(dataset.issues());
    assert_eq!(examples, ["tit-for-tat", "chips", "rare-earth"]);
    for word in examples {
        assert!(
            dataset
                .issues()
                .iter()
                .any(|i| fold(&i.title).contains(&fold(word))),
            "{word} finds no issue"
        );
    }
}

#[test]
fn titles_without_short_ids_give_their_longest_words_in_order() {
    let issues = [
        issue("a", "Cut tariffs now"),
        issue("b", "Ukraine's NATO membership"),
        issue("c", "Lift sanctions on Russia"),
        issue("d", "Hold elections"),
    ];
    assert_eq!(
        search_examples(&issues),
        ["tariffs", "membership", "sanctions"]
    );
}

#[test]
fn a_possessive_and_punctuation_are_not_part_of_a_word_and_no_word_comes_twice() {
    let issues = [
        issue("ukraine", "Ukraine's “neutrality”"),
        issue("b", "Ukraine’s neutrality"),
        issue("c", "Lift sanctions, now!"),
    ];
    assert_eq!(
        search_examples(&issues),
        ["Ukraine", "neutrality", "sanctions"]
    );
}

#[test]
fn short_words_alone_give_no_examples() {
    assert!(search_examples(&[issue("go-on", "Go on"), issue("a-b", "A + B")]).is_empty());
    assert!(search_examples(&[]).is_empty());
}
