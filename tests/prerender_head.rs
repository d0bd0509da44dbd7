//! A newsroom's pre-rendered page is named for its dataset: `<title>` and the meta
//! description, so search results and social cards describe that story.
#![cfg(feature = "ssr")]

use stance_matrix::prerender::{meta_description, render_page, with_head};

const FIXTURE: &str = "tests/fixtures/valid/us-china-trade.json";

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).expect("the fixture is there")
}

/// The head Trunk writes for `index.html`: quoted, and as its minifier may write it.
fn pages() -> [String; 2] {
    let source = std::fs::read_to_string("index.html").expect("index.html is there");
    let minified = source
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

#[test]
fn a_newsrooms_page_has_its_datasets_title_and_description() {
    for page in pages() {
        let built = render_page(&page, Some(&fixture()), false).expect("renders");
        let head = head(&built);
        assert!(
            head.contains("<title>US–China trade talks, spring 2025</title>"),
            "{head}"
        );
        assert!(head.contains("<meta name=\"description\" content=\"Where the United States, China and the European Union stood on tariffs"), "{head}");
        assert_eq!(head.matches("<meta name=\"description\"").count(), 1);
        assert_eq!(head.matches("name=description").count(), 0);
        assert!(!head.contains("Russia"), "{head}");
    }
}

#[test]
fn the_bundled_page_keeps_the_title_and_description_written_for_it() {
    let page = &pages()[0];
    let built = render_page(page, None, false).expect("renders");
    // Its link preview tags aside (tests/prerender_preview.rs).
    let preview = regex::Regex::new(r#"<meta (property="og:|name="twitter:)[^>]*>"#).unwrap();
    assert_eq!(preview.replace_all(head(&built), ""), head(page));
}

#[test]
fn the_title_and_description_are_escaped() {
    let page = "<head><title>x</title><meta name=\"description\" content=\"y\"></head>";
    assert_eq!(
        with_head(page, "A & B <i>", "\"quoted\" > text"),
        "<head><title>A &amp; B &lt;i&gt;</title><meta name=\"description\" content=\"&quot;quoted&quot; &gt; text\"></head>"
    );
}

#[test]
fn a_page_without_a_description_gets_one_after_its_title() {
    let page = "<head><title>x</title></head>";
    assert_eq!(
        with_head(page, "T", "D"),
        "<head><title>T</title><meta name=\"description\" content=\"D\"></head>"
    );
}

#[test]
fn a_long_description_is_cut_at_a_word_and_a_short_one_kept_on_one_line() {
    assert_eq!(
        meta_description("Where\n  they   stand."),
        "Where they stand."
    );
    let long = "word ".repeat(60);
    let cut = meta_description(&long);
    assert!(cut.chars().count() <= 160, "{cut}");
    assert!(cut.ends_with("word…"), "{cut}");
    let bundled = "Where Russia, Ukraine, the United States, the United Kingdom and France stood on eleven questions in the ceasefire and peace talks of spring 2025, from the US–Ukraine meeting in Jeddah";
    assert_eq!(
        meta_description(bundled),
        "Where Russia, Ukraine, the United States, the United Kingdom and France stood on eleven questions in the ceasefire and peace talks of spring 2025, from the…"
    );
}
