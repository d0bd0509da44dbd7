//! Host-page integration logic: query options, pym.js messages, the embed snippet.

use stance_matrix::state::embed::*;

#[test]
fn the_query_selects_embed_mode_data_theme_and_pym() {
    let c = PageConfig::from_query(
        "?embed&data=https%3A%2F%2Fnews.example%2Fd.json&theme=dark&lang=de-AT",
    );
    assert_eq!(
        c,
        PageConfig {
            embed: true,
            data: Some(DataParam::Url("https://news.example/d.json".into())),
            theme: Theme::Dark,
            pym_child_id: None,
            lang: Some("de-AT".into()),
        }
    );
    assert_eq!(
        PageConfig::from_query("?lang=").lang,
        None,
        "an empty lang asks for nothing"
    );
    assert!(!PageConfig::from_query("").embed);
    assert!(!PageConfig::from_query("?embed=0").embed);
    assert_eq!(PageConfig::from_query("?theme=purple").theme, Theme::Auto);
    assert_eq!(
        PageConfig::from_query("?data=&data=x.json").data,
        None,
        "the first data parameter decides"
    );
    let pym = PageConfig::from_query("?initialWidth=640&childId=stance-1&parentTitle=x");
    assert_eq!(
        (pym.embed, pym.pym_child_id.as_deref()),
        (true, Some("stance-1"))
    );
    assert_eq!(
        PageConfig::from_query("?childId=a%22b").pym_child_id,
        None,
        "ids that are not element ids are refused"
    );
}

#[test]
fn pym_messages_follow_its_child_protocol() {
    assert_eq!(
        pym_height_message("stance-1", 812),
        "pymxPYMxstance-1xPYMxheightxPYMx812"
    );
    assert!(is_pym_width_message(
        "stance-1",
        "pymxPYMxstance-1xPYMxwidthxPYMx640"
    ));
    assert!(!is_pym_width_message(
        "stance-1",
        "pymxPYMxother-2xPYMxwidthxPYMx640"
    ));
    assert!(!is_pym_width_message(
        "stance-1",
        "pymxPYMxstance-1xPYMxnavigateToxPYMxjavascript:alert(1)"
    ));
}

#[test]
fn the_snippet_escapes_attributes_and_checks_source_and_bounds() {
    let s = snippet("https://g.example/sm/?embed#q=\"x\"", "A <b> & \"c\"");
    assert!(s.starts_with(r#"<iframe src="https://g.example/sm/?embed#q=&quot;x&quot;" title="A &lt;b&gt; &amp; &quot;c&quot;" loading="lazy""#), "{s}");
    assert!(s.contains("event.source !== frame.contentWindow"));
    assert!(s.contains("height < 100 || height > 20000"));
    assert_eq!(
        embed_url(
            "https://g.example/sm/",
            Some("data/x y.json"),
            None,
            "q=crimea"
        ),
        "https://g.example/sm/embed.html?embed&data=data%2Fx%20y.json#q=crimea"
    );
}

#[test]
fn the_embed_url_names_the_page_pre_rendered_for_iframes() {
    assert_eq!(
        embed_url("https://g.example/sm/index.html", None, None, ""),
        "https://g.example/sm/embed.html?embed"
    );
    assert_eq!(
        embed_url("https://g.example/sm/", None, Some("de"), "only=conflicts"),
        "https://g.example/sm/embed.html?embed&lang=de#only=conflicts"
    );
    assert_eq!(
        embed_url("https://g.example/sm/matrix.html", None, None, ""),
        "https://g.example/sm/matrix.html?embed"
    );
}

#[test]
fn the_readme_shows_the_embed_code_the_build_writes() {
    let readme = include_str!("../README.md");
    let title = format!(
        "Stance matrix: {}",
        stance_matrix::model::parse(stance_matrix::model::BUNDLED)
            .unwrap()
            .title()
    );
    let code = embed_code(
        "https://graphics.example.org/stance-matrix/",
        None,
        None,
        "",
        &title,
        None,
    );
    let (frame, element) = code.split_once("\n\n").unwrap();
    assert!(
        readme.contains(frame),
        "README.md must contain exactly:\n{frame}"
    );
    // The element's first view is shortened in the README: its first and last lines are as built.
    let lines: Vec<&str> = element.lines().collect();
    for line in [lines[0], lines[1], lines[2], lines[3]] {
        assert!(readme.contains(line), "README.md must contain: {line}");
    }
}

#[test]
fn the_first_data_parameter_decides_and_a_malformed_one_is_an_error() {
    let data = |q: &str| PageConfig::from_query(q).data;
    assert_eq!(
        data("?data=a.json&data=b.json"),
        Some(DataParam::Url("a.json".into()))
    );
    assert_eq!(
        data("?data=%ZZ"),
        Some(DataParam::Malformed("%ZZ".into())),
        "never a silent fallback to the bundled data"
    );
    assert_eq!(
        data("?data=%ZZ&data=b.json"),
        Some(DataParam::Malformed("%ZZ".into()))
    );
    assert_eq!(
        data("?data=%E2%82"),
        Some(DataParam::Malformed("%E2%82".into())),
        "not UTF-8"
    );
    assert_eq!(
        data("?data=+x%20y.json+"),
        Some(DataParam::Url("x y.json".into())),
        "+ is a space, as forms write it"
    );
    assert_eq!(data("?data"), None);
    assert_eq!(data("?datax=a.json&xdata=b.json"), None);
}

#[test]
fn data_loads_from_the_page_origin_and_the_origins_allowed_at_build_time() {
    let page = "https://graphics.example.org";
    assert!(data_origin_allowed(
        "https://graphics.example.org",
        page,
        ""
    ));
    assert!(!data_origin_allowed("https://evil.example", page, ""));
    assert!(
        !data_origin_allowed("http://graphics.example.org", page, ""),
        "another scheme is another origin"
    );
    assert!(
        !data_origin_allowed("https://graphics.example.org:8443", page, ""),
        "another port too"
    );
    let allowed = "https://data.example.org, https://cdn.example.net/";
    assert!(data_origin_allowed(
        "https://data.example.org",
        page,
        allowed
    ));
    assert!(data_origin_allowed(
        "https://cdn.example.net",
        page,
        allowed
    ));
    assert!(!data_origin_allowed("https://example.org", page, allowed));
    assert!(
        !data_origin_allowed("null", "null", ""),
        "an opaque origin is never allowed"
    );
    assert!(!data_origin_allowed(
        "https://data.example.org.evil.example",
        page,
        allowed
    ));
}

#[test]
fn one_embed_code_holds_the_iframe_and_the_element_for_the_same_dataset() {
    let code = embed_code(
        "https://graphics.example.org/stance/index.html",
        Some("https://data.example.org/talks.json"),
        Some("de"),
        "",
        "Stance matrix: Talks",
        None,
    );
    let (frame, element) = code.split_once("\n\n<stance-matrix").unwrap();
    assert!(frame.starts_with("<iframe src=\"https://graphics.example.org/stance/embed.html?embed&amp;data=https%3A%2F%2Fdata.example.org%2Ftalks.json&amp;lang=de\""));
    assert_eq!(
        format!("<stance-matrix{element}"),
        "<stance-matrix src=\"https://data.example.org/talks.json\" lang=\"de\">\n<a href=\"https://graphics.example.org/stance/?data=https%3A%2F%2Fdata.example.org%2Ftalks.json\">Stance matrix: Talks</a>\n</stance-matrix>\n<script type=\"module\" src=\"https://graphics.example.org/stance/embed.js\"></script>\n"
    );
}

#[test]
fn the_element_carries_its_first_view_in_a_declarative_shadow_root_and_escapes_what_it_is_given() {
    let view = FirstView {
        stylesheet: "https://g.example/s/stance-matrix-1.css",
        markup: "<div class=\"stance-matrix\" data-prerendered>…</div>",
    };
    let code = element_snippet(
        "https://g.example/s/",
        Some("https://d.example/a.json?x=1&y=\"2\""),
        None,
        "Talks <b>&</b> \"more\"",
        Some(&view),
    );
    assert!(code.starts_with("<stance-matrix src=\"https://d.example/a.json?x=1&amp;y=&quot;2&quot;\">\n<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://g.example/s/stance-matrix-1.css\"><div class=\"stance-matrix\" data-prerendered>…</div></template>\n"), "{code}");
    assert!(
        code.contains(">Talks &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;</a>"),
        "{code}"
    );
    assert_eq!(
        widget_folder("https://g.example/s/check.html"),
        "https://g.example/s/"
    );
}
