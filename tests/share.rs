//! The view as an SVG image (`share::svg`): well-formed XML whatever the dataset says, with the
//! visible issues, parties and stance words in the reader's language, and nothing hidden.

use stance_matrix::i18n::{Lang, Msg};
use stance_matrix::model::{self, BUNDLED};
use stance_matrix::share::svg::{render, wrap, Credit};
use stance_matrix::state::derived::Derived;
use stance_matrix::state::loaded::Data;
use stance_matrix::state::view_state::ViewState;

fn de() -> Lang {
    Lang::from_tag("de").unwrap()
}

fn data(text: &str) -> Data {
    Data::checked(model::parse(text), None).expect("valid")
}

/// Every text of the element with `class` and `attr="value"`, as the reader would select it.
fn texts(doc: &roxmltree::Document, class: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.attribute("class") == Some(class))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn the_image_has_the_visible_issues_parties_and_words_in_the_readers_language() {
    let data = data(BUNDLED);
    let state = ViewState {
        hidden: vec!["gb".into()],
        ..ViewState::default()
    };
    let view = Derived::new(&data, &state);
    let svg = render(
        &view,
        de(),
        &Credit {
            live: Some("https://graphics.example.org/stance/"),
        },
    )
    .svg;
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let ds = &data.dataset;
    let issues = texts(&doc, "issue");
    assert_eq!(issues.len(), ds.issues().len());
    for (shown, &i) in issues.iter().zip(view.rows.iter()) {
        // Titles wrap onto several lines: compare their words.
        let words: Vec<&str> = ds.issues()[i].title.split_whitespace().collect();
        assert!(
            words.iter().all(|w| shown.contains(w)),
            "{shown} / {}",
            ds.issues()[i].title
        );
    }
    let parties = texts(&doc, "party");
    for party in ds.parties() {
        let shown = parties.iter().any(|p| p == &party.name);
        assert_eq!(party.id != "gb", shown, "{} in {parties:?}", party.name);
    }
    assert!(
        !svg.contains("data-party=\"gb\""),
        "no cell of the hidden party"
    );
    // Each cell's stance word, in German.
    let cells: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("cell"))
        .collect();
    assert_eq!(cells.len(), ds.issues().len() * (ds.parties().len() - 1));
    for cell in cells {
        let text = cell
            .descendants()
            .filter_map(|t| t.text())
            .collect::<Vec<_>>()
            .join(" ");
        let stance = cell.attribute("data-stance").unwrap();
        let word = match stance {
            "not-stated" => de().t(Msg::NotStated),
            s => de().t(model::Stance::ALL
                .iter()
                .find(|x| x.name() == s)
                .unwrap()
                .msg()),
        };
        let first = word
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('\u{ad}');
        assert!(
            text.replace('\u{ad}', "")
                .contains(&first.replace('\u{ad}', "")),
            "{text} / {word}"
        );
    }
    assert!(svg.contains("xml:lang=\"de\""));
    assert!(svg.contains("https://graphics.example.org/stance/"));
}

#[test]
fn a_hostile_datasets_strings_are_text_in_the_image() {
    let hostile = "<script>alert(1)</script> ]]> & \"q\" 'a'";
    let mut value: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    value["title"] = hostile.into();
    value["issues"][0]["title"] = hostile.into();
    value["parties"][0]["name"] = hostile.into();
    let data = data(&value.to_string());
    let svg = render(
        &Derived::new(&data, &ViewState::default()),
        Lang::EN,
        &Credit { live: None },
    )
    .svg;
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
    let title = doc
        .descendants()
        .find(|n| n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(title, hostile);
    assert!(texts(&doc, "issue")[0].contains("<script>alert(1)</script>"));
}

#[test]
fn lines_are_wrapped_at_spaces_and_long_words_cut() {
    assert_eq!(
        wrap("Recognise Crimea as Russian", 120, 15),
        ["Recognise", "Crimea as", "Russian"]
    );
    let long = wrap("Sicherheitsgarantienvereinbarung", 80, 15);
    assert!(
        long.len() > 1 && long.iter().all(|l| l.chars().count() <= 9),
        "{long:?}"
    );
    assert_eq!(wrap("", 100, 15), [""]);
}

#[test]
fn a_long_word_breaks_at_its_soft_hyphens_with_a_visible_hyphen() {
    // 9 characters a line at 15 px in 81 px: "Неоднозначно" is 12.
    let word = "Не\u{ad}од\u{ad}но\u{ad}знач\u{ad}но";
    assert_eq!(wrap(word, 81, 15), ["Неодно-", "значно"]);
    assert_eq!(
        wrap(&format!("За {word}"), 81, 15),
        ["За Неод-", "нозначно"]
    );
    // Where it fits, the soft hyphens go and nothing breaks.
    assert_eq!(wrap(word, 200, 15), ["Неоднозначно"]);
}

/// Writes the bundled view's image in each language to target/share/ for a person to look at
/// (`cargo test --features ssr,sheet --test share -- --ignored`).
#[test]
#[ignore]
fn write_images_to_look_at() {
    let data = data(BUNDLED);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/share");
    std::fs::create_dir_all(&dir).unwrap();
    for lang in Lang::all() {
        let svg = render(
            &Derived::new(&data, &ViewState::default()),
            lang,
            &Credit {
                live: Some("https://graphics.example.org/stance-matrix/"),
            },
        )
        .svg;
        std::fs::write(dir.join(format!("matrix-{}.svg", lang.code())), svg).unwrap();
    }
}

#[test]
fn very_many_parties_widen_the_image_instead_of_overflowing() {
    let mut value: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    let parties = value["parties"].as_array_mut().unwrap();
    for i in 0..60 {
        parties.push(serde_json::json!({ "id": format!("p{i}"), "name": format!("Party {i}") }));
    }
    let data = data(&value.to_string());
    let image = render(
        &Derived::new(&data, &ViewState::default()),
        Lang::EN,
        &Credit { live: None },
    );
    assert!(image.width > 1200, "{}", image.width);
    let doc = roxmltree::Document::parse(&image.svg).expect("well-formed XML");
    assert_eq!(
        doc.root_element().attribute("width"),
        Some(image.width.to_string().as_str())
    );
}

#[test]
fn the_images_text_alternative_is_the_view_in_plain_words() {
    let data = data(BUNDLED);
    let state = ViewState {
        hidden: vec!["gb".into()],
        ..ViewState::default()
    };
    let view = Derived::new(&data, &state);
    let svg = render(&view, de(), &Credit { live: None }).svg;
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("sm-image-title sm-image-desc")
    );
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .expect("a desc");
    assert!(desc.starts_with(&stance_matrix::share::words::summary(&view, de())));
    for (issue, text) in stance_matrix::share::words::issues(&view, de()) {
        let title = de().f(Msg::Labelled, &[&data.dataset.issues()[issue].title]);
        assert!(desc.contains(&format!("{title} {text}")));
    }
    assert!(
        !desc.contains("United Kingdom"),
        "a hidden party is not named"
    );
}
