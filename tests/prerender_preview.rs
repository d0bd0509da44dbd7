//! The tags link previews read (Open Graph, `twitter:card`): the page's title and description
//! always, and the social card with the page's address only when the build knows the absolute
//! address it is published at (`scripts/build --url`), never a relative or made-up one.
#![cfg(feature = "ssr")]

use stance_matrix::model::{self, BUNDLED};
use stance_matrix::prerender::{
    head_text, one_line_cut, published_at, render_page, render_page_at, with_preview, CardImage,
};
use stance_matrix::share::{card, words};
use stance_matrix::state::loaded::Data;

const FIXTURE: &str = "tests/fixtures/valid/us-china-trade.json";
const URL: &str = "https://graphics.example.org/stance";

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).expect("the fixture is there")
}

/// `index.html` as written, and as Trunk's minifier writes its head (no quotes, no `<head>`).
fn pages() -> [String; 2] {
    let source = std::fs::read_to_string("index.html").expect("index.html is there");
    let minified = source
        .replace("<head>\n", "")
        .replace("<meta name=\"description\" content=", "<meta content=")
        .replace(
            "\">\n  <link rel=\"icon\"",
            "\" name=description>\n  <link rel=\"icon\"",
        );
    assert_ne!(source, minified, "the minified variant differs");
    [source, minified]
}

fn head(page: &str) -> &str {
    &page[..page.find("</head>").expect("a head")]
}

/// The `content` of every `<meta property|name="key">` in `head`, unescaped as a browser would.
fn meta(head: &str, key: &str) -> Vec<String> {
    let pattern = format!(
        r#"<meta (?:property|name)="{}" content="([^"]*)">"#,
        regex::escape(key)
    );
    regex::Regex::new(&pattern)
        .unwrap()
        .captures_iter(head)
        .map(|c| {
            c[1].replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

const IMAGE_TAGS: [&str; 7] = [
    "og:url",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
    "twitter:image",
    "twitter:image:alt",
];

#[test]
fn without_an_address_the_preview_has_the_title_and_description_and_no_image() {
    for page in pages() {
        for data in [None, Some(fixture())] {
            let built = render_page(&page, data.as_deref(), false).expect("renders");
            let head = head(&built);
            let (title, text) = match &data {
                None => (
                    "Stance Matrix — where the parties stand",
                    BUNDLED.to_string(),
                ),
                Some(d) => ("US–China trade talks, spring 2025", d.clone()),
            };
            assert_eq!(meta(head, "og:title"), [title], "{head}");
            assert_eq!(meta(head, "og:description"), [plain_words(&text)], "{head}");
            assert_eq!(meta(head, "og:type"), ["website"]);
            assert_eq!(meta(head, "twitter:card"), ["summary_large_image"]);
            for tag in IMAGE_TAGS {
                assert!(meta(head, tag).is_empty(), "{tag} in {head}");
            }
            assert!(!head.contains("card.png"), "{head}");
        }
    }
}

#[test]
fn og_description_is_the_matrix_in_plain_words() {
    for page in pages() {
        let built = render_page(&page, Some(&fixture()), true).expect("renders");
        let head = head(&built);
        let description = meta(head, "description");
        assert_eq!(description.len(), 1, "{head}");
        assert!(description[0].ends_with('…'), "cut at 160: {description:?}");
        let preview = meta(head, "og:description");
        assert_eq!(preview, [plain_words(&fixture())]);
        assert!(
            preview[0].starts_with("3 issues. Red-line clash: 1 (“"),
            "{preview:?}"
        );
        assert_ne!(preview, description);
    }
}

/// What the matrix of `text`'s default view says in plain words.
fn summary(text: &str) -> String {
    let data = Data::checked(model::parse(text), None).expect("valid");
    words::default_summary(&data)
}

/// The summary as a preview's description keeps it.
fn plain_words(text: &str) -> String {
    one_line_cut(&summary(text), 300)
}

#[test]
fn with_an_absolute_address_the_preview_names_the_card_and_the_page_there() {
    for page in pages() {
        for embed in [false, true] {
            let built = render_page_at(&page, Some(&fixture()), embed, Some(URL)).expect("renders");
            let head = head(&built);
            let card = "https://graphics.example.org/stance/card.png";
            assert_eq!(meta(head, "og:image"), [card], "{head}");
            assert_eq!(meta(head, "twitter:image"), [card]);
            assert_eq!(meta(head, "og:image:width"), ["1200"]);
            assert_eq!(meta(head, "og:image:height"), ["630"]);
            // Both pages are the standalone page's variants: it is their address.
            assert_eq!(
                meta(head, "og:url"),
                ["https://graphics.example.org/stance/"]
            );
            let alt = card::alt(&model::parse(&fixture()).unwrap());
            assert_eq!(
                alt,
                "Stance matrix: US–China trade talks, spring 2025 — as of 21 May 2025"
            );
            // What the card is, then what it shows in plain words.
            let alt = format!("{alt}: {}", summary(&fixture()));
            assert_eq!(meta(head, "og:image:alt"), std::slice::from_ref(&alt));
            assert_eq!(meta(head, "twitter:image:alt"), [alt]);
            assert_eq!(
                meta(head, "og:title"),
                ["US–China trade talks, spring 2025"]
            );
        }
    }
    let bundled = render_page_at(&pages()[0], None, false, Some(URL)).expect("renders");
    assert_eq!(
        meta(head(&bundled), "og:image:alt"),
        [format!(
            "{}: {}",
            card::alt(&model::parse(BUNDLED).unwrap()),
            summary(BUNDLED)
        )]
    );
}

#[test]
fn only_an_absolute_http_address_names_the_card() {
    for relative in [
        "./",
        "/graphics/stance/",
        "graphics.example.org/stance/",
        "https://",
        "ftp://example.org/",
        "javascript:alert(1)//",
        "https://example.org/a b/",
        "",
    ] {
        assert_eq!(published_at(relative), None, "{relative:?}");
        let built = render_page_at(&pages()[0], None, false, Some(relative)).expect("renders");
        for tag in IMAGE_TAGS {
            assert!(meta(head(&built), tag).is_empty(), "{tag} for {relative:?}");
        }
    }
    assert_eq!(
        published_at(" HTTPS://Example.org/stance").as_deref(),
        Some("HTTPS://Example.org/stance/")
    );
    assert_eq!(
        published_at("http://127.0.0.1:8080/").as_deref(),
        Some("http://127.0.0.1:8080/")
    );
}

#[test]
fn the_preview_is_escaped_and_its_tags_replaced_not_repeated() {
    let mut value: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    value["title"] = "Talks \"A\" & <b>B</b>".into();
    value["description"] = "Who said \"no\" & why <script>".into();
    let data = value.to_string();
    let built = render_page_at(&pages()[1], Some(&data), false, Some(URL)).expect("renders");
    let head = head(&built);
    assert!(
        head.contains("<meta property=\"og:title\" content=\"Talks &quot;A&quot; &amp; &lt;b&gt;B&lt;/b&gt;\">"),
        "{head}"
    );
    assert!(head.contains("<meta name=\"description\" content=\"Who said &quot;no&quot; &amp; why &lt;script&gt;\">"), "{head}");
    let alt = meta(head, "og:image:alt");
    assert!(
        alt[0].starts_with("Stance matrix: Talks \"A\" & <b>B</b> — as of 21 May 2025: 3 issues. "),
        "{alt:?}"
    );
    assert!(
        !head.contains("<b>") && !head.contains("<script>"),
        "{head}"
    );
    // Rendering the rendered page again leaves one set of tags, with what is said now.
    let text = head_text(&built, None);
    assert_eq!(text.title, "Talks \"A\" & <b>B</b>");
    let again = with_preview(&built, &text, None);
    assert_eq!(meta(&again, "og:title"), std::slice::from_ref(&text.title));
    assert_eq!(
        meta(&again, "og:description"),
        std::slice::from_ref(&text.description)
    );
    assert!(meta(&again, "og:image").is_empty());
    let card = CardImage {
        folder: "https://example.org/",
        alt: "x",
    };
    let twice = with_preview(
        &with_preview(&built, &text, Some(&card)),
        &text,
        Some(&card),
    );
    assert_eq!(meta(&twice, "og:image"), ["https://example.org/card.png"]);
    assert_eq!(meta(&twice, "twitter:card").len(), 1);
}

#[test]
fn a_hand_written_head_is_read_back_as_text() {
    let page = "<title>Talks &amp; truce &#8212; &mdash; &#x41;</title><meta name=description content=\"A &quot;b&quot; &lt;c&gt;\"></head>";
    let text = head_text(page, None);
    assert_eq!(text.title, "Talks & truce — — A");
    assert_eq!(text.description, "A \"b\" <c>");
    let built = with_preview(page, &text, None);
    assert_eq!(
        meta(&built, "og:title"),
        ["Talks & truce — — A"],
        "escaped once: {built}"
    );
}
