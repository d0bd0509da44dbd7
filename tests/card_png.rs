//! The social card as a PNG (`share::png`, resvg with DejaVu Sans): 1200 × 630, nothing drawn
//! in its margins in any language or for a big dataset, and every character of its text in
//! the font. Needs Debian's `fonts-dejavu-core` (`scripts/lib/tools.sh` installs it).
#![cfg(not(target_arch = "wasm32"))]

// The file itself, not the library's module: that one needs the `card` feature, which
// `cargo test --features ssr,sheet,host-api` does not turn on; resvg is a dev-dependency.
#[path = "../src/share/png.rs"]
mod png;

use png::{png, read_fonts, DEJAVU};
use resvg::tiny_skia::Pixmap;
use skrifa::{FontRef, MetadataProvider};
use stance_matrix::model::{self, BUNDLED};
use stance_matrix::share::card::default_view;
use stance_matrix::share::svg::Credit;
use stance_matrix::state::loaded::Data;

const LIVE: &str = "https://graphics.example.org/stance-matrix/";

/// The bundled dataset in `language`; in Ukrainian with its title and parties' names in
/// Ukrainian too, so Cyrillic is in the bold title and the column heads as well.
fn bundled_in(language: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    value["language"] = language.into();
    if language == "uk" {
        value["title"] =
            "Переговори про припинення вогню між Росією та Україною, березень–квітень 2025".into();
        for (party, name) in ["Росія", "Україна", "США", "Велика Британія", "Франція"]
            .iter()
            .enumerate()
        {
            value["parties"][party]["name"] = (*name).into();
        }
        value["issues"][2]["title"] =
            "30-денна пауза України в ударах далекої дії по цивільній інфраструктурі".into();
    }
    value.to_string()
}

/// The bundled dataset with 49 more issues and 20 more parties.
fn big() -> String {
    let mut value: serde_json::Value = serde_json::from_str(BUNDLED).unwrap();
    for i in 0..49 {
        value["issues"].as_array_mut().unwrap().push(serde_json::json!({
            "id": format!("extra-{i}"), "title": format!("An added issue, number {i}"), "category": "talks",
        }));
    }
    for i in 0..20 {
        value["parties"].as_array_mut().unwrap().push(
            serde_json::json!({ "id": format!("p{i}"), "name": format!("Party with a long name {i}") }),
        );
    }
    value.to_string()
}

fn card(text: &str) -> String {
    let data = Data::checked(model::parse(text), None).expect("valid");
    default_view(&data, &Credit { live: Some(LIVE) }).svg
}

fn fonts() -> Vec<Vec<u8>> {
    read_fonts(&DEJAVU).expect("DejaVu Sans is installed (fonts-dejavu-core)")
}

/// The width and height in a PNG file's header (IHDR, the first chunk).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_cards_png_is_1200_by_630() {
    let bytes = png(&card(BUNDLED), fonts()).expect("draws");
    assert_eq!(png_size(&bytes), (1200, 630));
}

#[test]
fn nothing_is_drawn_in_the_cards_margins_in_any_language_or_for_a_big_dataset() {
    for (name, text) in [
        ("en", bundled_in("en")),
        ("de", bundled_in("de")),
        ("uk", bundled_in("uk")),
        ("ru", bundled_in("ru")),
        ("big", big()),
    ] {
        let pixmap = Pixmap::decode_png(&png(&card(&text), fonts()).expect("draws")).unwrap();
        let mut inked = 0;
        for y in 0..pixmap.height() {
            for x in 0..pixmap.width() {
                let margin = !(28..1172).contains(&x) || !(16..618).contains(&y);
                let p = pixmap.pixel(x, y).unwrap();
                if margin && (p.red(), p.green(), p.blue()) != (255, 255, 255) {
                    inked += 1;
                }
            }
        }
        assert_eq!(inked, 0, "{name}: {inked} pixels drawn in the margin");
    }
}

#[test]
fn dejavu_sans_has_every_character_of_the_cards_text() {
    let fonts = fonts();
    let maps: Vec<_> = fonts
        .iter()
        .map(|font| FontRef::new(font).expect("a font").charmap())
        .collect();
    assert_eq!(maps.len(), 2, "regular and bold");
    for language in ["en", "de", "fr", "ru", "uk"] {
        let svg = card(&bundled_in(language));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        for text in doc.descendants().filter(|n| n.is_text()) {
            for c in text.text().unwrap().chars() {
                assert!(
                    maps.iter().all(|map| map.map(c).is_some()),
                    "{language}: {c:?} ({:04X}) missing",
                    c as u32
                );
            }
        }
    }
}

#[test]
fn without_a_font_there_is_no_png() {
    assert_eq!(
        png(&card(BUNDLED), Vec::new()),
        Err("no font to draw the text with".into())
    );
    let missing = read_fonts(&["/nonexistent/DejaVuSans.ttf"]).unwrap_err();
    assert!(
        missing.starts_with("/nonexistent/DejaVuSans.ttf: "),
        "{missing}"
    );
    assert!(missing.contains("fonts-dejavu-core"), "{missing}");
}

/// Writes the cards to target/share/ for a person to look at
/// (`cargo test --features ssr,sheet,host-api --test card_png -- --ignored`).
#[test]
#[ignore]
fn write_cards_to_look_at() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/share");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        ("en", bundled_in("en")),
        ("de", bundled_in("de")),
        ("uk", bundled_in("uk")),
        ("ru", bundled_in("ru")),
        ("big", big()),
    ] {
        let svg = card(&text);
        std::fs::write(dir.join(format!("card-{name}.svg")), &svg).unwrap();
        std::fs::write(
            dir.join(format!("card-{name}.png")),
            png(&svg, fonts()).unwrap(),
        )
        .unwrap();
    }
}
