//! A real panic inside the widget's code shows the readable fallback, not a frozen page. Its
//! own test binary: after a panic the wasm instance is not reused by other tests.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_panic_in_an_event_handler_replaces_the_widget_with_a_message_and_a_reload_link() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("main").expect("main");
    root.set_id(stance_matrix::browser::host::ROOT_ID);
    root.set_text_content(Some("the matrix"));
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attach");

    stance_matrix::browser::panic_view::install();
    // Rendering a Yew app must not replace the hook (Yew installs its own unless told not to).
    let other = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&other)
        .expect("attach");
    let config = stance_matrix::state::embed::PageConfig::default();
    let link = stance_matrix::components::ViewLink::Url { embed: false };
    let props = stance_matrix::components::AppProps {
        config,
        link,
        given: None,
        any_origin: false,
        on_state: None,
    };
    yew::Renderer::<stance_matrix::components::App>::with_root_and_props(other, props).render();
    // Test-only trigger: a click handler that panics, as a bug in a component would.
    let button: web_sys::HtmlElement = document
        .create_element("button")
        .expect("button")
        .dyn_into()
        .expect("html");
    let boom = Closure::<dyn FnMut()>::new(|| panic!("test-only panic"));
    button.set_onclick(Some(boom.as_ref().unchecked_ref()));
    boom.forget();
    // The panic unwinds as a JS exception out of the handler; the click itself returns.
    button.click();

    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains(stance_matrix::i18n::Lang::EN.t(stance_matrix::i18n::Msg::Crashed)),
        "{text}"
    );
    assert!(text.contains("Reload the matrix"), "{text}");
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("crashed"));
    assert_eq!(root.get_attribute("role"), None);
    assert!(root
        .query_selector("[role=alert] a[href]")
        .ok()
        .flatten()
        .is_some());
}
