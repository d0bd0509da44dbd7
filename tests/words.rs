//! The matrix in plain words (`share::words`): for every status and combination of cells, in
//! every language, each visible party is named once, under the label its cell shows; the
//! summary counts what the matrix shows; both follow As of, the filters and hidden parties.

mod common;

use common::{doc_with, pos, pos_on};
use stance_matrix::i18n::{Lang, Msg};
use stance_matrix::model::{parse, Date, Stance, BUNDLED};
use stance_matrix::share::words;
use stance_matrix::state::derived::Derived;
use stance_matrix::state::loaded::Data;
use stance_matrix::state::view_state::{Action, ViewState};

fn data(positions: &[String]) -> Data {
    Data::checked(parse(&doc_with(&positions.join(","))), None).expect("valid")
}

fn reported(p: String, confidence: &str) -> String {
    p.replace("\"on_record\"", &format!("\"{confidence}\""))
}

/// i1: a red line in favour against an opponent, one open, one not stated. i2: a red line on
/// each side. i3: all four opposed. i4: both sides, no red line, reported and inferred cells.
fn combinations() -> Data {
    data(&[
        pos("a", "i1", "supports", true),
        pos("b", "i1", "opposes", false),
        pos("c", "i1", "open", false),
        pos("a", "i2", "opposes", true),
        pos("b", "i2", "supports", true),
        pos("a", "i3", "opposes", false),
        pos("b", "i3", "opposes", false),
        pos("c", "i3", "opposes", false),
        pos("d", "i3", "opposes", false),
        pos("a", "i4", "supports", false),
        pos("b", "i4", "opposes", false),
        reported(pos("c", "i4", "sceptical", false), "reported"),
        reported(pos("d", "i4", "ambivalent", false), "inferred"),
    ])
}

fn plain(text: &str) -> String {
    text.replace('\u{ad}', "")
}

/// Every shown issue's text against the dataset's cells: it opens with the status, and each
/// visible party is named exactly once, in the sentence labelled with its cell's word (the
/// stance, "(red line)" with it, or "not stated"); hidden parties are not named.
fn assert_matches_cells(view: &Derived, l: Lang) {
    let ds = &view.data.dataset;
    let texts = words::issues(view, l);
    assert_eq!(
        texts.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
        *view.rows,
        "one text per shown row, in order"
    );
    for (issue, text) in &texts {
        let status = view.analyses[*issue].status;
        assert!(
            text.starts_with(&format!("{}.", plain(l.t(status.msg())))),
            "{}: {text}",
            l.code()
        );
        for (p, party) in ds.parties().iter().enumerate() {
            if !view.mask[p] {
                assert!(!text.contains(&party.name), "hidden {}: {text}", party.name);
                continue;
            }
            // "Open" agrees with the number of parties it names (a verb in uk and ru).
            let open = (0..ds.parties().len())
                .filter(|&q| view.mask[q])
                .filter(|&q| {
                    ds.current(*issue, q)
                        .is_some_and(|c| c.stance == Stance::Open && !c.red_line)
                })
                .count();
            let label = match ds.current(*issue, p) {
                None => l.t(Msg::NotStated).to_string(),
                Some(c) if c.red_line => l.f(Msg::WithRedLine, &[l.t(c.stance.msg())]),
                Some(c) if c.stance == Stance::Open => l.n(Msg::OpenGroup, open.min(2), &[]),
                Some(c) => l.t(c.stance.msg()).to_string(),
            };
            let label = plain(&format!("{} ", l.f(Msg::Labelled, &[&label])));
            assert_eq!(text.matches(party.name.as_str()).count(), 1, "{text}");
            let at = text.find(&party.name).unwrap_or_default();
            let sentence = text[..at].rfind(". ").map_or(0, |i| i + 2);
            assert!(
                text[sentence..].starts_with(&label),
                "{} in {}: expected under {label:?}: {text}",
                party.name,
                l.code()
            );
        }
    }
}

#[test]
fn every_status_and_combination_in_every_language_matches_the_cells() {
    let full = combinations();
    let unclear = data(&[pos("a", "i1", "open", false)]);
    for l in Lang::all() {
        for data in [&full, &unclear] {
            assert_matches_cells(&Derived::new(data, &ViewState::default()), l);
        }
        let hidden = ViewState::default().apply(Action::ToggleParty("a".into()));
        assert_matches_cells(&Derived::new(&full, &hidden), l);
        // All four opposed: one list, joined as the language joins one.
        let texts = words::issues(&Derived::new(&full, &ViewState::default()), l);
        let and = l.t(Msg::ListAnd);
        assert!(
            texts[2].1.ends_with(&format!(
                "{} Alpha, Beta, Gamma{and}Delta.",
                plain(&l.f(Msg::Labelled, &[l.t(Msg::Opposes)]))
            )),
            "{}",
            texts[2].1
        );
    }
}

#[test]
fn the_english_sentences_read_as_written() {
    let view = Derived::new(&combinations(), &ViewState::default());
    let texts: Vec<String> = words::issues(&view, Lang::EN)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        texts,
        [
            "Red-line clash. Supports (red line): Alpha. Open: Gamma. Opposes: Beta. Not stated: Delta.",
            "Red-line clash. Supports (red line): Beta. Opposes (red line): Alpha. Not stated: Gamma and Delta.",
            "Agreement. Opposes: Alpha, Beta, Gamma and Delta.",
            "Conflict. Supports: Alpha. Ambivalent: Delta (inferred). Sceptical: Gamma (reported). Opposes: Beta.",
        ]
    );
    assert_eq!(
        words::summary(&view, Lang::EN),
        "4 issues. Red-line clash: 2 (“Recognise Crimea” and “Occupied regions”). Conflict: 1. Agreement: 1."
    );
    let unclear = Derived::new(
        &data(&[pos("a", "i1", "open", false)]),
        &ViewState::default(),
    );
    assert_eq!(
        words::issues(&unclear, Lang::EN)[0].1,
        "Unclear. Open: Alpha. Not stated: Beta, Gamma and Delta."
    );
    assert_eq!(words::summary(&unclear, Lang::EN), "4 issues. Unclear: 4.");
}

#[test]
fn the_text_follows_the_filters_hidden_parties_and_as_of() {
    let mut positions = vec![
        pos("a", "i3", "opposes", false),
        pos("b", "i3", "opposes", false),
    ];
    positions.push(pos_on("a", "i3", "supports", false, "2025-04-23"));
    let full = data(&positions);
    let latest = Derived::new(&full, &ViewState::default());
    assert_eq!(
        words::issues(&latest, Lang::EN)[2].1,
        "Conflict. Supports: Alpha. Opposes: Beta. Not stated: Gamma and Delta."
    );
    let then = ViewState {
        as_of: Date::parse("2025-04-22"),
        ..ViewState::default()
    };
    let then = Derived::new(&full, &then);
    assert_eq!(
        words::issues(&then, Lang::EN)[2].1,
        "Agreement. Opposes: Alpha and Beta. Not stated: Gamma and Delta."
    );
    let security = ViewState::default().apply(Action::SetCategory(Some("c2".into())));
    let filtered = Derived::new(&combinations(), &security);
    assert_eq!(words::issues(&filtered, Lang::EN).len(), 2);
    assert_eq!(
        words::summary(&filtered, Lang::EN),
        "Showing 2 of 4 issues. Conflict: 1. Agreement: 1."
    );
    let hidden = ViewState::default().apply(Action::ToggleParty("a".into()));
    let without_alpha = Derived::new(&combinations(), &hidden);
    assert_eq!(
        words::issues(&without_alpha, Lang::EN)[0].1,
        "Conflict. Open: Gamma. Opposes: Beta. Not stated: Delta."
    );
}

#[test]
fn counts_take_the_languages_plural_forms() {
    let bundled = Data::checked(parse(BUNDLED), None).expect("valid");
    let eleven = Derived::new(&bundled, &ViewState::default());
    let four = Derived::new(&combinations(), &ViewState::default());
    for (code, of_eleven, of_four) in [
        ("en", "11 issues.", "4 issues."),
        ("de", "11 Themen.", "4 Themen."),
        ("fr", "11 questions.", "4 questions."),
        ("uk", "11 питань.", "4 питання."),
        ("ru", "11 вопросов.", "4 вопроса."),
    ] {
        let l = Lang::from_tag(code).expect("a language");
        assert!(words::summary(&eleven, l).starts_with(of_eleven), "{code}");
        assert!(words::summary(&four, l).starts_with(of_four), "{code}");
        assert_matches_cells(&eleven, l);
        // No soft hyphen from the matrix's narrow cells in running text.
        assert!(!words::summary(&eleven, l).contains('\u{ad}'));
        assert!(words::issues(&eleven, l)
            .iter()
            .all(|(_, t)| !t.contains('\u{ad}')));
    }
}

#[test]
fn lists_are_joined_as_each_language_joins_them_off_the_browser() {
    // What `Intl.ListFormat` gives in Chromium and Node for these languages (en-GB: no serial
    // comma), so a pre-rendered text reads the same after the wasm takes over.
    for (code, two, three) in [
        ("en", "A and B", "A, B and C"),
        ("de", "A und B", "A, B und C"),
        ("fr", "A et B", "A, B et C"),
        ("uk", "A і B", "A, B і C"),
        ("ru", "A и B", "A, B и C"),
    ] {
        let l = Lang::from_tag(code).expect("a language");
        assert_eq!(l.list(&[]), "");
        assert_eq!(l.list(&["A"]), "A");
        assert_eq!(l.list(&["A", "B"]), two);
        assert_eq!(l.list(&["A", "B", "C"]), three);
    }
}

#[test]
fn a_verb_label_agrees_with_the_number_of_parties_it_names() {
    let one = Derived::new(
        &data(&[pos("a", "i1", "open", false)]),
        &ViewState::default(),
    );
    let two = Derived::new(
        &data(&[pos("a", "i1", "open", false), pos("b", "i1", "open", false)]),
        &ViewState::default(),
    );
    for (code, singular, plural) in [
        ("uk", "Допускає: Alpha.", "Допускають: Alpha і Beta."),
        ("ru", "Допускает: Alpha.", "Допускают: Alpha и Beta."),
        ("en", "Open: Alpha.", "Open: Alpha and Beta."),
    ] {
        let l = Lang::from_tag(code).expect("a language");
        assert!(words::issues(&one, l)[0].1.contains(singular), "{code}");
        assert!(words::issues(&two, l)[0].1.contains(plural), "{code}");
    }
}

#[test]
fn a_name_ending_in_a_full_stop_gets_no_second_one() {
    let text = doc_with(&pos("a", "i1", "supports", false)).replace("\"Alpha\"", "\"U.S.\"");
    let view = Derived::new(
        &Data::checked(parse(&text), None).expect("valid"),
        &ViewState::default(),
    );
    assert_eq!(
        words::issues(&view, Lang::EN)[0].1,
        "Unclear. Supports: U.S. Not stated: Beta, Gamma and Delta."
    );
}
