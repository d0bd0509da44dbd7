//! Host-page integration logic: query options, pym.js messages, the embed snippet.

use stance_matrix::embed::*;

#[test]
fn the_query_selects_embed_mode_data_theme_and_pym() {
    let c = PageConfig::from_query("?embed&data=https%3A%2F%2Fnews.example%2Fd.json&theme=dark");
    assert_eq!(
        c,
        PageConfig { embed: true, data_url: Some("https://news.example/d.json".into()), theme: Theme::Dark, pym_child_id: None }
    );
    assert_eq!(PageConfig::from_query("").embed, false);
    assert_eq!(PageConfig::from_query("?embed=0").embed, false);
    assert_eq!(PageConfig::from_query("?theme=purple").theme, Theme::Auto);
    assert_eq!(PageConfig::from_query("?data=%ZZ&data=").data_url, None);
    let pym = PageConfig::from_query("?initialWidth=640&childId=stance-1&parentTitle=x");
    assert_eq!((pym.embed, pym.pym_child_id.as_deref()), (true, Some("stance-1")));
    assert_eq!(PageConfig::from_query("?childId=a%22b").pym_child_id, None, "ids that are not element ids are refused");
}

#[test]
fn pym_messages_follow_its_child_protocol() {
    assert_eq!(pym_height_message("stance-1", 812), "pymxPYMxstance-1xPYMxheightxPYMx812");
    assert!(is_pym_width_message("stance-1", "pymxPYMxstance-1xPYMxwidthxPYMx640"));
    assert!(!is_pym_width_message("stance-1", "pymxPYMxother-2xPYMxwidthxPYMx640"));
    assert!(!is_pym_width_message("stance-1", "pymxPYMxstance-1xPYMxnavigateToxPYMxjavascript:alert(1)"));
}

#[test]
fn the_snippet_escapes_attributes_and_checks_source_and_bounds() {
    let s = snippet("https://g.example/sm/?embed#q=\"x\"", "A <b> & \"c\"");
    assert!(s.starts_with(r#"<iframe src="https://g.example/sm/?embed#q=&quot;x&quot;" title="A &lt;b&gt; &amp; &quot;c&quot;" loading="lazy""#), "{s}");
    assert!(s.contains("event.source !== frame.contentWindow"));
    assert!(s.contains("height < 100 || height > 20000"));
    assert_eq!(embed_url("https://g.example/sm/", Some("data/x y.json"), "q=crimea"), "https://g.example/sm/?embed&data=data%2Fx%20y.json#q=crimea");
}

#[test]
fn the_readme_shows_the_snippet_the_widget_generates() {
    let readme = include_str!("../README.md");
    let code = snippet("https://graphics.example.org/stance-matrix/?embed", "Stance matrix: Russia–Ukraine ceasefire talks, April 2025");
    assert!(readme.contains(&code), "README.md must contain exactly:\n{code}");
}
