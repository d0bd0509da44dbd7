//! The social card (`share::card`): a well-formed 1200 × 630 SVG of the dataset's default view
//! in its language, that stays within 630 px however big the dataset, and says what it left out.

use stance_matrix::i18n::Lang;
use stance_matrix::model::{self, BUNDLED};
use stance_matrix::share::card::{self, default_view, HEIGHT, WIDTH};
use stance_matrix::share::svg::Credit;
use stance_matrix::state::loaded::Data;

fn data(text: &str) -> Data {
    Data::checked(model::parse(text), None).expect("valid")
}

fn bundled() -> serde_json::Value {
    serde_json::from_str(BUNDLED).expect("the bundled dataset is JSON")
}

/// The bundled dataset with `extra` more issues (half of them with a position of the first
/// party) and `parties` more parties.
fn bigger(extra: usize, parties: usize) -> String {
    let mut value = bundled();
    let source = value["sources"][0]["id"].clone();
    for i in 0..extra {
        let id = format!("extra-{i}");
        value["issues"].as_array_mut().unwrap().push(serde_json::json!({
            "id": id,
            "title": format!("An added issue with a title long enough to need two lines, number {i}"),
            "category": "talks",
        }));
        if i % 2 == 0 {
            value["positions"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({
                    "party": "ru", "issue": id, "stance": "opposes", "red_line": true,
                    "summary": "Added.", "date": "2025-04-01", "confidence": "on_record",
                    "sources": [source],
                }));
        }
    }
    for i in 0..parties {
        value["parties"].as_array_mut().unwrap().push(
            serde_json::json!({ "id": format!("p{i}"), "name": format!("Party number {i}") }),
        );
    }
    value.to_string()
}

fn card_of(text: &str) -> String {
    default_view(&data(text), &Credit { live: None }).svg
}

/// The elements of `doc` with `class`.
fn with_class<'a>(doc: &'a roxmltree::Document, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .collect()
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|t| t.is_text())
        .filter_map(|t| t.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn number(node: roxmltree::Node, attr: &str) -> f32 {
    node.attribute(attr)
        .map_or(0.0, |v| v.parse().expect("a number"))
}

/// Every box, rule and baseline lies within the card (text a descender above the bottom edge).
fn assert_within_the_card(doc: &roxmltree::Document) {
    for node in doc.descendants().filter(|n| n.is_element()) {
        let (x, y) = (number(node, "x"), number(node, "y"));
        match node.tag_name().name() {
            "rect" => {
                assert!(x + number(node, "width") <= WIDTH as f32, "{node:?}");
                assert!(y + number(node, "height") <= HEIGHT as f32, "{node:?}");
            }
            "line" => assert!(number(node, "y1") <= HEIGHT as f32, "{node:?}"),
            "text" => {
                let dy: f32 = node.children().map(|t| number(t, "dy")).sum();
                assert!(y + dy <= HEIGHT as f32 - 8.0, "{}", text_of(node));
                assert!(x <= WIDTH as f32, "{}", text_of(node));
            }
            _ => {}
        }
    }
}

#[test]
fn the_card_is_1200_by_630_with_the_title_date_every_issue_party_and_status() {
    let svg = card_of(BUNDLED);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1200"));
    assert_eq!(root.attribute("height"), Some("630"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 1200 630"));
    let ds = model::parse(BUNDLED).unwrap();
    assert!(svg.contains(">Russia–Ukraine ceasefire talks, March–April 2025<"));
    assert!(svg.contains(">as of 23 April 2025<"), "the date");
    let issues = with_class(&doc, "issue");
    assert_eq!(issues.len(), 11);
    for (shown, issue) in issues.iter().zip(ds.issues()) {
        assert_eq!(shown.attribute("data-issue"), Some(issue.id.as_str()));
        // Titles wrap onto two lines: compare their words.
        let text = text_of(*shown);
        assert!(
            issue.title.split_whitespace().all(|w| text.contains(w)),
            "{text} / {}",
            issue.title
        );
    }
    assert_eq!(with_class(&doc, "cell").len(), 11 * 5);
    assert_eq!(with_class(&doc, "status").len(), 11);
    let parties: Vec<String> = with_class(&doc, "party").into_iter().map(text_of).collect();
    assert_eq!(
        parties,
        [
            "Russia",
            "Ukraine",
            "United States",
            "United Kingdom",
            "France"
        ]
    );
    assert!(with_class(&doc, "more-issues").is_empty());
    assert!(with_class(&doc, "more-parties").is_empty());
    // Red lines are marked, in the cell and in the key.
    assert!(svg.contains(">! Opposes<"), "a red line");
    assert!(text_of(with_class(&doc, "legend")[0]).contains("! Red line"));
    assert_eq!(
        text_of(with_class(&doc, "source")[0]),
        "59 positions · 55 sources"
    );
    assert_within_the_card(&doc);
}

#[test]
fn a_sixty_issue_dataset_shows_its_first_issues_and_how_many_more_within_630_px() {
    let svg = card_of(&bigger(49, 0));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let issues = with_class(&doc, "issue");
    assert!((8..60).contains(&issues.len()), "{}", issues.len());
    let ds = model::parse(BUNDLED).unwrap();
    for (shown, issue) in issues.iter().zip(ds.issues()) {
        assert_eq!(shown.attribute("data-issue"), Some(issue.id.as_str()));
    }
    let more = with_class(&doc, "more-issues");
    assert_eq!(
        text_of(more[0]),
        format!("Showing {} of 60 issues", issues.len())
    );
    assert_within_the_card(&doc);
}

#[test]
fn very_many_parties_show_the_first_and_count_the_rest() {
    let svg = card_of(&bigger(0, 20));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let parties = with_class(&doc, "party");
    assert!((3..25).contains(&parties.len()), "{}", parties.len());
    assert_eq!(parties[0].attribute("data-party"), Some("ru"));
    assert_eq!(
        text_of(with_class(&doc, "more-parties")[0]),
        format!("+{}", 25 - parties.len())
    );
    assert_eq!(with_class(&doc, "cell").len(), 11 * parties.len());
    assert_within_the_card(&doc);
}

#[test]
fn the_card_speaks_the_datasets_language() {
    let mut value = bundled();
    value["language"] = "uk".into();
    let text = value.to_string();
    let svg = card_of(&text);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(
        doc.root_element()
            .attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("uk")
    );
    assert!(svg.contains(">Статус<"), "{svg}");
    assert!(
        svg.contains(">станом на 23 квітня 2025 р.<"),
        "the date in Ukrainian"
    );
    assert_eq!(
        card::language(&model::parse(&text).unwrap()),
        Lang::from_tag("uk").unwrap()
    );
    assert_within_the_card(&doc);
}

#[test]
fn a_hostile_or_long_title_is_escaped_and_kept_to_two_lines() {
    let hostile = "<script>alert(1)</script> & \"q\" ".repeat(8);
    let mut value = bundled();
    value["title"] = hostile.clone().into();
    value["parties"][0]["name"] = "<b>&</b>".into();
    let text = value.to_string();
    let svg = card_of(&text);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
    let title = doc
        .descendants()
        .find(|n| n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(title, card::alt(&model::parse(&text).unwrap()));
    assert!(title.starts_with("Stance matrix: <script>alert(1)</script> & \"q\""));
    let heading = doc
        .descendants()
        .find(|n| n.attribute("font-weight") == Some("700"))
        .unwrap();
    let lines: Vec<_> = heading.children().filter_map(|t| t.text()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].ends_with('…'), "{lines:?}");
    assert_eq!(text_of(with_class(&doc, "party")[0]), "<b>&</b>");
    assert_within_the_card(&doc);
}

#[test]
fn the_live_address_is_in_the_source_line() {
    let svg = default_view(
        &data(BUNDLED),
        &Credit {
            live: Some("https://graphics.example.org/stance/"),
        },
    )
    .svg;
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(
        text_of(with_class(&doc, "source")[0]),
        "59 positions · 55 sources · https://graphics.example.org/stance/"
    );
}
