//! Widgets mounted into host elements (feature `host-api`): a panic stops every widget on the
//! page, since they share one WebAssembly instance, so every one shows the message and a
//! reload link, never a blank box; a destroyed widget is left alone.
#![cfg(all(target_arch = "wasm32", feature = "host-api"))]

use stance_matrix::browser::mount::mount_widget;
use stance_matrix::browser::panic_view;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn host(id: &str) -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let element = document.create_element("div").expect("div");
    element.set_id(id);
    document
        .body()
        .expect("body")
        .append_child(&element)
        .expect("attach");
    element
}

fn crashed(host: &Element) -> bool {
    host.shadow_root()
        .and_then(|s| s.query_selector("[data-testid=crashed]").ok().flatten())
        .is_some()
}

#[wasm_bindgen_test]
async fn after_a_panic_every_mounted_widget_shows_the_message() {
    let (a, b, gone) = (host("a"), host("b"), host("gone"));
    let _first = mount_widget(a.clone(), JsValue::UNDEFINED, "about:blank".into()).expect("a");
    let _second = mount_widget(b.clone(), JsValue::UNDEFINED, "about:blank".into()).expect("b");
    let mut third =
        mount_widget(gone.clone(), JsValue::UNDEFINED, "about:blank".into()).expect("gone");
    yew::scheduler::flush().await;
    third.destroy();
    assert!(!crashed(&a) && !crashed(&b));
    // What the panic hook does (a real panic would stop this test too).
    panic_view::show();
    for host in [&a, &b] {
        assert!(crashed(host), "{} shows the message", host.id());
        assert_eq!(host.get_attribute("data-state").as_deref(), Some("crashed"));
        let link = host
            .shadow_root()
            .and_then(|s| s.query_selector("[data-testid=crashed] a").ok().flatten())
            .expect("a reload link");
        assert!(link.get_attribute("href").is_some());
    }
    assert!(!crashed(&gone), "a destroyed widget is left alone");
    assert_eq!(
        gone.shadow_root().map(|s| s.child_element_count()),
        Some(0),
        "and holds nothing of ours"
    );
}
