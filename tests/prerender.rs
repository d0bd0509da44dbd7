//! The build-time pre-render (feature `ssr`): the bundled matrix in the HTML with every
//! stance, red line, status, date and source; controls disabled until the wasm runs; a
//! newsroom's dataset carried safely in the page; the `prerender` command's exit codes.
#![cfg(all(feature = "ssr", feature = "sheet"))]

mod common;
use common::*;
use stance_matrix::analysis::{analyse, Totals};
use stance_matrix::model::{parse, BUNDLED};
use stance_matrix::prerender::{inert, insert, render, render_page, PrerenderError};
use stance_matrix::state::visible::party_mask;
use std::process::Command;

/// The text a reader sees: tags dropped, the entities Yew writes decoded, spaces collapsed.
fn plain(html: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>").expect("regex");
    let text = tags.replace_all(html, " ");
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The live widget's part of the pre-rendered content, and the list for readers without script.
fn parts(html: &str) -> (&str, &str) {
    let at = html
        .find("<noscript>")
        .expect("a <noscript> list of positions");
    (&html[..at], &html[at..])
}

/// The markup of the cell button for `issue` and `party`.
fn cell<'a>(html: &'a str, issue: &str, party: &str) -> Option<&'a str> {
    let at = html.find(&format!("data-cell=\"{issue}.{party}\""))?;
    Some(&html[at..at + html[at..].find("</button>")?])
}

#[test]
fn the_bundled_matrix_is_in_the_html_cell_by_cell() {
    let ds = parse(BUNDLED).expect("valid");
    let html = render(None, false).expect("renders");
    let (widget, _) = parts(&html);
    let text = plain(widget);
    assert!(text.contains(ds.title()), "title");
    for party in ds.parties() {
        assert!(
            widget.contains(&format!("<abbr title=\"{}\"", party.name))
                || text.contains(&party.name),
            "party {}",
            party.name
        );
    }
    let analyses = analyse(&ds, &party_mask(&ds, &[]));
    for (i, issue) in ds.issues().iter().enumerate() {
        assert!(text.contains(&issue.title), "issue {}", issue.title);
        let row = format!(
            "data-issue=\"{}\" class=\"sm-row-{}\"",
            issue.id,
            analyses[i].status.name()
        );
        assert!(widget.contains(&row), "status of {}: {row}", issue.id);
        for (p, party) in ds.parties().iter().enumerate() {
            match (ds.current(i, p), cell(widget, &issue.id, &party.id)) {
                (Some(position), Some(button)) => {
                    assert!(
                        plain(button).contains(position.stance.label()),
                        "{}/{}: {button}",
                        issue.id,
                        party.id
                    );
                    assert_eq!(
                        button.contains("sm-red-line"),
                        position.red_line,
                        "red line {}/{}",
                        issue.id,
                        party.id
                    );
                }
                (None, None) => {}
                (stated, button) => panic!(
                    "{}/{}: stated {:?}, button {button:?}",
                    issue.id,
                    party.id,
                    stated.is_some()
                ),
            }
        }
    }
    let clashes = Totals::count(&analyses).red_line_clash;
    assert!(clashes >= 2, "the bundled data has red-line clashes");
    assert!(
        text.contains(&format!("{clashes} issues in red-line clash")),
        "summary line: {text}"
    );
    assert!(text.contains("How to read this"), "legend");
    assert!(
        text.contains(ds.methodology().expect("bundled data has a methodology")),
        "methodology"
    );
}

#[test]
fn without_script_every_position_has_its_date_confidence_and_sources() {
    let ds = parse(BUNDLED).expect("valid");
    let html = render(None, false).expect("renders");
    let (_, list) = parts(&html);
    let text = plain(list);
    for position in ds.positions() {
        assert!(
            text.contains(&position.summary),
            "summary: {}",
            position.summary
        );
        assert!(
            text.contains(&position.date.long()),
            "date {}",
            position.date
        );
        for &s in &position.sources {
            let url = ds.sources()[s].url.replace('&', "&amp;");
            assert!(
                list.contains(&format!("href=\"{url}\"")),
                "source link {url}"
            );
        }
    }
    assert_eq!(
        list.matches("class=\"sm-static-position\"").count(),
        (0..ds.issues().len())
            .map(|i| ds.stated(i).count())
            .sum::<usize>()
    );
}

#[test]
fn controls_are_disabled_but_the_search_box_takes_typing() {
    let html = render(None, false).expect("renders");
    let (widget, _) = parts(&html);
    // A tag read with its quoted values, so `>` or " disabled" inside a label is not the tag's
    // end or an attribute.
    let controls = regex::Regex::new(r#"<(button|select|input)\b(?:[^>"']|"[^"]*"|'[^']*')*>"#)
        .expect("regex");
    let attribute =
        regex::Regex::new(r#"\s([a-zA-Z-]+)(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?"#).expect("regex");
    let names = |tag: &str| -> Vec<String> {
        attribute
            .captures_iter(tag)
            .map(|c| c[1].to_ascii_lowercase())
            .collect()
    };
    let mut seen = 0;
    for tag in controls.find_iter(widget).map(|m| m.as_str()) {
        seen += 1;
        let disabled = names(tag).iter().filter(|n| *n == "disabled").count();
        if tag.contains("type=\"search\"") {
            assert_eq!(disabled, 0, "{tag}");
            assert!(!names(tag).contains(&"form".to_string()), "{tag}");
        } else {
            assert_eq!(disabled, 1, "{tag}");
        }
    }
    assert!(
        !widget.contains("<form"),
        "the filters are no form before the wasm runs"
    );
    let ds = parse(BUNDLED).expect("valid");
    let stated: usize = (0..ds.issues().len()).map(|i| ds.stated(i).count()).sum();
    assert!(seen > stated, "{seen} controls, {stated} stated cells");
    assert_eq!(
        inert("<button disabled=\"disabled\" type=\"button\">x</button>"),
        "<button disabled=\"disabled\" type=\"button\">x</button>"
    );
    assert_eq!(
        inert("<p>a &lt;button b</p><input type=\"checkbox\" checked>"),
        "<p>a &lt;button b</p><input disabled type=\"checkbox\" checked>"
    );
}

#[test]
fn a_label_that_mentions_disabled_does_not_keep_a_button_enabled() {
    assert_eq!(
        inert("<button aria-label=\"US on Disabled veterans' pensions: supports\">x</button>"),
        "<button disabled aria-label=\"US on Disabled veterans' pensions: supports\">x</button>"
    );
    assert_eq!(
        inert("<button title=\"a > b disabled\" class=x>y</button>"),
        "<button disabled title=\"a > b disabled\" class=x>y</button>"
    );
    assert_eq!(
        inert("<input type=search value=\" disabled\">"),
        "<input type=search value=\" disabled\">"
    );
    assert_eq!(
        inert("<form id=\"sm-filters\" role=search><input type=\"search\"></form>"),
        "<div id=\"sm-filters\" role=search><input type=\"search\"></div>"
    );
}

#[test]
fn a_page_keeps_no_control_enabled_when_an_issue_title_says_disabled() {
    let doc = doc_with(&pos("a", "i1", "supports", false)).replace(
        "\"title\":\"Recognise Crimea\"",
        "\"title\":\"Pensions for the disabled\"",
    );
    assert!(
        doc.contains("for the disabled"),
        "the fixture has the title"
    );
    let html = render(Some(&doc), false).expect("renders");
    let (widget, _) = parts(&html);
    let cell = widget
        .split("<button")
        .skip(1)
        .find(|b| b.contains("for the disabled"))
        .expect("a cell button names the issue");
    let open_tag = &cell[..cell.find('>').expect("tag end")];
    assert!(
        regex::Regex::new(r"(^|\s)disabled(\s|=|$)")
            .unwrap()
            .is_match(open_tag),
        "<button{open_tag}>"
    );
}

#[test]
fn dataset_text_is_escaped() {
    let doc = doc_with(&pos("a", "i1", "supports", false)).replace(
        "\"a on i1\"",
        "\"<img src=x onerror=alert(1)> & </noscript><script>alert(2)</script>\"",
    );
    let html = render(Some(&doc), false).expect("renders");
    assert!(
        !html.contains("<img") && !html.contains("<script") && !html.contains("</noscript><"),
        "{html}"
    );
    assert!(plain(&html)
        .contains("<img src=x onerror=alert(1)> & </noscript><script>alert(2)</script>"));
}

#[test]
fn an_invalid_dataset_is_refused_with_its_problems() {
    let doc = doc_with(&pos("a", "i1", "maybe", false));
    let Err(problems) = render(Some(&doc), false) else {
        panic!("rendered an invalid dataset")
    };
    assert!(
        problems.0.iter().any(|p| p.contains("maybe")),
        "{:?}",
        problems.0
    );
    assert!(matches!(
        render_page("<main id=\"stance-matrix\"></main>", Some(&doc), false),
        Err(PrerenderError::Data(_))
    ));
}

const PAGE: &str = "<!DOCTYPE html><html><body class=\"sm-page\"><main id=\"stance-matrix\" class=\"stance-matrix sm-booting\" data-state=\"loading\" aria-busy=\"true\"><p>Loading…</p></main><script src=boot.js></script></body></html>";

#[test]
fn the_content_goes_into_the_root_element_of_the_page() {
    let page = insert(PAGE, "<p>matrix</p>", None, false).expect("root found");
    assert_eq!(
        page,
        "<!DOCTYPE html><html><body class=\"sm-page\"><main id=\"stance-matrix\" class=\"stance-matrix\" data-state=\"prerendered\" data-prerendered><p>matrix</p></main><script src=boot.js></script></body></html>"
    );
    // Trunk's minifier may drop the quotes.
    let minified = PAGE
        .replace("id=\"stance-matrix\"", "id=stance-matrix")
        .replace("class=\"sm-page\"", "class=sm-page");
    let embedded = insert(&minified, "<p>matrix</p>", None, true).expect("root found");
    assert!(
        embedded.contains("<body class=\"sm-page sm-embed-root\">"),
        "{embedded}"
    );
    assert!(embedded.contains("class=\"stance-matrix sm-embed-root\" data-state=\"prerendered\" data-prerendered data-embed>"), "{embedded}");
    assert!(!embedded.contains("Loading"));
    assert_eq!(
        insert(
            "<html><body><div id=\"other\"></div></body></html>",
            "x",
            None,
            false
        ),
        None
    );
    assert!(matches!(
        render_page("<p>no root</p>", None, false),
        Err(PrerenderError::NoRoot)
    ));
}

#[test]
fn a_newsrooms_dataset_travels_in_a_data_block_that_cannot_close_early() {
    let doc = doc_with(&pos("a", "i1", "supports", false))
        .replace("\"a on i1\"", "\"</script><script>alert(1)</script>\"");
    let page = render_page(PAGE, Some(&doc), false).expect("renders");
    let start = page
        .find("<script type=\"application/json\" id=\"stance-matrix-data\">")
        .expect("data block")
        + 56;
    let end = start + page[start..].find("</script>").expect("closed");
    let carried = &page[start..end];
    assert!(!carried.contains('<'), "{carried}");
    let back = parse(carried).expect("the carried text is the dataset");
    assert_eq!(
        back.positions()[0].summary,
        "</script><script>alert(1)</script>"
    );
    assert!(
        plain(&page).contains("Alpha"),
        "rendered from the given dataset"
    );
}

#[test]
fn the_command_writes_the_page_or_lists_the_problems() {
    let dir = std::env::temp_dir().join(format!("stance-matrix-prerender-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let (page, bad, out) = (
        dir.join("index.html"),
        dir.join("bad.json"),
        dir.join("out.html"),
    );
    std::fs::write(&page, PAGE).expect("write");
    std::fs::write(&bad, doc_with(&pos("a", "i1", "maybe", false))).expect("write");
    let run = |args: &[&std::path::Path]| {
        Command::new(env!("CARGO_BIN_EXE_prerender"))
            .args(args)
            .output()
            .expect("runs")
    };
    let ok = run(&[&page, std::path::Path::new("-o"), &out]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(std::fs::read_to_string(&out)
        .expect("written")
        .contains("data-prerendered"));
    let failed = run(&[&page, std::path::Path::new("--data"), &bad]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("bad.json: ") && stderr.contains("maybe"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&page).expect("read"),
        PAGE,
        "a failed run leaves the page alone"
    );
    // A sheet is read, and the page carries its JSON.
    let sheet = dir.join("talks.csv");
    std::fs::write(
        &sheet,
        stance_matrix::sheet::to_sheet(&parse(BUNDLED).expect("valid")),
    )
    .expect("write");
    let from_sheet = run(&[
        &page,
        std::path::Path::new("--data"),
        &sheet,
        std::path::Path::new("-o"),
        &out,
    ]);
    assert!(
        from_sheet.status.success(),
        "{}",
        String::from_utf8_lossy(&from_sheet.stderr)
    );
    assert!(std::fs::read_to_string(&out)
        .expect("written")
        .contains("<script type=\"application/json\" id=\"stance-matrix-data\">{"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sources_heading_is_plural_for_21_sources_in_ukrainian_and_russian() {
    let sources: Vec<String> = (1..=21)
        .map(|i| {
            format!(r#"{{"id":"s{i}","title":"Report {i}","url":"https://example.org/r{i}"}}"#)
        })
        .collect();
    let ids: Vec<String> = (1..=21).map(|i| format!("\"s{i}\"")).collect();
    let position = pos("a", "i1", "supports", false).replace(
        r#""sources":["s1"]"#,
        &format!(r#""sources":[{}]"#, ids.join(",")),
    );
    for (code, plural, singular) in [
        ("uk", "Джерела", "Джерело"),
        ("ru", "Источники", "Источник"),
    ] {
        let doc = doc_with(&position)
            .replace(
                r#""sources": [{"id":"s1","title":"Report","url":"https://example.org/r"}]"#,
                &format!(r#""sources": [{}]"#, sources.join(",")),
            )
            .replace(r#""as_of""#, &format!(r#""language": "{code}", "as_of""#));
        let html = render(Some(&doc), false).expect("renders");
        assert!(
            html.contains(&format!("class=\"sm-sources-label\">{plural}<")),
            "{code}: the heading over 21 sources"
        );
        assert!(
            !html.contains(&format!("class=\"sm-sources-label\">{singular}<")),
            "{code}: no singular heading over 21 sources"
        );
    }
}

#[test]
fn the_legends_dashes_are_the_languages() {
    let doc = |code: &str| {
        doc_with(
            &[
                pos("a", "i1", "supports", false),
                pos("b", "i1", "opposes", false),
            ]
            .join(","),
        )
        .replace(r#""as_of""#, &format!(r#""language": "{code}", "as_of""#))
    };
    let german = plain(&render(Some(&doc("de")), false).expect("renders"));
    assert!(
        german.contains("Konflikt – Parteien stehen auf beiden Seiten"),
        "German status lines take the German dash"
    );
    assert!(
        !german.contains("Übereinstimmung — ") && !german.contains("Unklar — "),
        "no English dash before a German meaning"
    );
    let english = plain(&render(Some(&doc("en")), false).expect("renders"));
    assert!(english.contains("Conflict — parties stand on both sides"));
}
