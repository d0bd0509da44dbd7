//! Browser tests: components mounted into a fresh element in headless Chromium, queried by
//! role, label or test id after the scheduler flushes.
#![cfg(target_arch = "wasm32")]

use stance_matrix::components::{error_view, ViewLink, Widget, WidgetProps};
use stance_matrix::model::{parse, BUNDLED};
use stance_matrix::state::embed::PageConfig;
use stance_matrix::state::loaded::{Data, Loaded};
use stance_matrix::state::loading::LoadError;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh mount point with the widget's root class, attached to the body.
fn fresh_root() -> Element {
    let root = document().create_element("div").expect("div");
    root.set_class_name("stance-matrix");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attach");
    root
}

async fn mount_widget() -> Element {
    // Start from a clean fragment so an earlier test's view does not leak in.
    let _ = web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"));
    let root = fresh_root();
    let dataset = parse(BUNDLED).expect("bundled dataset is valid");
    let data = Data(Rc::new(Loaded::new(dataset, None)));
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps {
            data,
            lang: Default::default(),
            config: PageConfig::default(),
            link: ViewLink::Url { embed: false },
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("valid selector")
        .length()
}

fn cell_button(root: &Element) -> HtmlElement {
    find(
        root,
        r#"tr[data-issue="crimea"] td[data-party="ua"] button"#,
    )
    .expect("Ukraine × Crimea button")
    .dyn_into()
    .expect("html element")
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_widget_shows_parties_as_column_headers_and_issues_as_row_headers() {
    let root = mount_widget().await;
    // A party header's name is the party's full name; it shows the name, or on phones the
    // short label.
    let heads: Vec<String> = (0..count(&root, "table[data-testid=matrix] thead th[data-party]"))
        .filter_map(|i| {
            let th = root
                .query_selector_all("table[data-testid=matrix] thead th[data-party]")
                .ok()?
                .get(i)?
                .dyn_into::<web_sys::Element>()
                .ok()?;
            Some(format!(
                "{}|{}",
                th.get_attribute("aria-label")?,
                th.text_content()?
            ))
        })
        .collect();
    assert_eq!(
        heads,
        [
            "Russia|RussiaRU",
            "Ukraine|UkraineUA",
            "United States|United StatesUS",
            "United Kingdom|United KingdomUK",
            "France|FranceFR"
        ]
    );
    assert_eq!(
        count(
            &root,
            "table[data-testid=matrix] tbody tr[data-issue]:not([hidden]) th[scope=row]"
        ),
        11
    );
    let cell = find(&root, r#"tr[data-issue="crimea"] td[data-party="ua"]"#).expect("cell");
    assert_eq!(
        cell.get_attribute("data-stance").as_deref(),
        Some("opposes")
    );
    let name = cell_button(&root)
        .get_attribute("aria-label")
        .unwrap_or_default();
    assert!(
        name.starts_with("Opposes Red line, Ukraine on "),
        "accessible name: {name}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_click_opens_the_details_and_escape_closes_them_returning_focus_to_the_cell() {
    let root = mount_widget().await;
    let button = cell_button(&root);
    button.click();
    yew::scheduler::flush().await;
    let detail = find(&root, "[data-testid=cell-detail]").expect("details open after a click");
    assert!(detail
        .text_content()
        .unwrap_or_default()
        .contains("Ukraine on"));
    let link = find(&detail, "a[href^='https://']").expect("a source link");
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        cell_button(&root).get_attribute("aria-expanded").as_deref(),
        Some("true")
    );

    let heading = find(&detail, "h3").expect("heading");
    assert_eq!(
        document().active_element(),
        Some(heading.clone()),
        "focus moves into the details"
    );
    key(&heading, "Escape");
    yew::scheduler::flush().await;
    assert!(
        find(&root, "[data-testid=cell-detail]").is_none(),
        "Escape closes the details"
    );
    let focused = document().active_element().expect("something has focus");
    assert_eq!(
        focused.get_attribute("data-cell").as_deref(),
        Some("crimea.ua"),
        "focus returns to the cell"
    );
    assert!(root.contains(Some(&focused)), "to this widget's cell");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_close_button_and_a_second_click_close_the_details() {
    let root = mount_widget().await;
    cell_button(&root).click();
    yew::scheduler::flush().await;
    let close: HtmlElement = find(&root, "[data-testid=cell-detail] button")
        .expect("close button")
        .dyn_into()
        .expect("html");
    close.click();
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=cell-detail]").is_none());
    cell_button(&root).click();
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=cell-detail]").is_some());
    cell_button(&root).click();
    yew::scheduler::flush().await;
    assert!(
        find(&root, "[data-testid=cell-detail]").is_none(),
        "clicking the open cell again closes it"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_in_the_filter_narrows_the_rows_and_updates_the_count() {
    let root = mount_widget().await;
    let sanctions_row = find(&root, r#"tr[data-issue="sanctions"]"#).expect("sanctions row");
    let input: HtmlInputElement = find(&root, "#sm-q")
        .expect("search box")
        .dyn_into()
        .expect("input");
    input.set_value("crimea");
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(
            &web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event"),
        )
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert!(find(&root, r#"tr[data-issue="crimea"]:not([hidden])"#).is_some());
    assert!(
        find(&root, r#"tr[data-issue="sanctions"]:not([hidden])"#).is_none(),
        "filtered out"
    );
    assert!(
        find(&root, r#"tr[data-issue="sanctions"][hidden]"#).is_some(),
        "kept in the document, hidden"
    );
    let shown = count(
        &root,
        "table[data-testid=matrix] tbody tr[data-issue]:not([hidden])",
    );
    let status = find(&root, "[data-testid=count]")
        .and_then(|c| c.text_content())
        .unwrap_or_default();
    assert_eq!(status, format!("Showing {shown} of 11 issues"));
    assert!(shown < 11);
    // Clearing the filter shows the same rows again, none rebuilt.
    input.set_value("");
    input
        .dispatch_event(
            &web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event"),
        )
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(
        count(
            &root,
            "table[data-testid=matrix] tbody tr[data-issue]:not([hidden])"
        ),
        11
    );
    assert_eq!(
        count(&root, "table[data-testid=matrix] tbody tr[data-issue]"),
        11
    );
    let again = find(&root, r#"tr[data-issue="sanctions"]"#).expect("sanctions row");
    assert!(
        again.is_same_node(Some(&sanctions_row)),
        "the very same row element, shown again"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_error_view_lists_every_problem_with_its_path() {
    let root = fresh_root();
    let broken = BUNDLED
        .replacen("\"stance\": \"opposes\"", "\"stance\": \"agree\"", 1)
        .replacen("\"party\": \"ua\"", "\"party\": \"uk\"", 1);
    let errors = parse(&broken).expect_err("broken dataset");
    #[derive(yew::Properties, PartialEq)]
    struct HarnessProps {
        error: LoadError,
    }
    #[yew::function_component]
    fn Harness(props: &HarnessProps) -> yew::Html {
        error_view(
            stance_matrix::i18n::Lang::EN,
            None,
            Some("data/mine.json"),
            &props.error,
            true,
        )
    }
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps {
            error: LoadError::Invalid(errors.clone()),
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(
        find(&root, "[role=alert] [data-testid=error-requested]")
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("data/mine.json")
    );
    let items = count(&root, "[data-testid=problems] li");
    assert_eq!(items as usize, errors.len());
    let text = find(&root, "[data-testid=problems]")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(text.contains("unknown party \"uk\""), "{text}");
    assert!(text.contains("unknown value \"agree\""), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
fn the_panic_view_replaces_the_widget_with_a_message_and_a_reload_link() {
    let root = document().create_element("div").expect("div");
    root.set_id(stance_matrix::browser::host::ROOT_ID);
    root.set_text_content(Some("widget content"));
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attach");
    stance_matrix::browser::panic_view::show();
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains(stance_matrix::i18n::Lang::EN.t(stance_matrix::i18n::Msg::Crashed)),
        "{text}"
    );
    assert!(!text.contains("widget content"));
    assert!(find(&root, "a[href]").is_some(), "a reload link");
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("crashed"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_long_matrix_renders_a_page_of_rows_and_shows_more_on_request() {
    let issues: Vec<String> = (0..250)
        .map(|i| format!(r#"{{"id":"i{i}","title":"Issue {i}"}}"#))
        .collect();
    let text = format!(
        r#"{{"format":"stance-matrix/1","title":"Long","as_of":"2025-04-30","parties":[{{"id":"a","name":"A"}}],"issues":[{}],"sources":[],"positions":[]}}"#,
        issues.join(",")
    );
    let _ = web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#"));
    let root = fresh_root();
    let data = Data(Rc::new(Loaded::new(parse(&text).expect("valid"), None)));
    yew::Renderer::<Widget>::with_root_and_props(
        root.clone(),
        WidgetProps {
            data,
            lang: Default::default(),
            config: PageConfig::default(),
            link: ViewLink::Url { embed: false },
        },
    )
    .render();
    yew::scheduler::flush().await;
    let rows = |root: &Element| {
        count(
            root,
            "table[data-testid=matrix] tbody tr[data-issue]:not([hidden])",
        )
    };
    assert_eq!(rows(&root), 100);
    assert_eq!(
        find(&root, "[data-testid=count]")
            .and_then(|c| c.text_content())
            .as_deref(),
        Some("Showing 250 of 250 issues")
    );
    let more = || -> HtmlElement {
        find(&root, "[data-testid=show-more]")
            .expect("show more")
            .dyn_into()
            .expect("html")
    };
    assert_eq!(
        more().text_content().as_deref(),
        Some("Show 100 more issues")
    );
    more().click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), 200);
    assert_eq!(
        more().text_content().as_deref(),
        Some("Show 50 more issues")
    );
    more().click();
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), 250);
    assert!(find(&root, "[data-testid=show-more]").is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn fetching_without_a_prefetch_reports_the_http_status_and_refuses_other_schemes() {
    use stance_matrix::browser::fetch::fetch_text;
    let controller = web_sys::AbortController::new().expect("controller");
    match fetch_text("no-such-dataset.json", false, &controller, None).await {
        Err(LoadError::Status { code: 404, .. }) => {}
        other => panic!("expected HTTP 404, got {other:?}"),
    }
    assert_eq!(
        fetch_text("javascript:alert(1)", false, &controller, None).await,
        Err(LoadError::BadUrl)
    );
}

#[wasm_bindgen_test]
async fn a_prefetch_started_by_boot_js_is_used_once_and_its_abort_is_a_timeout() {
    use stance_matrix::browser::fetch::fetch_text;
    let window = web_sys::window().expect("window");
    let answer = js_sys::Object::new();
    js_sys::Reflect::set(&answer, &"error".into(), &"AbortError".into()).expect("set");
    let slot = js_sys::Object::new();
    js_sys::Reflect::set(&slot, &"url".into(), &"prefetched.json".into()).expect("set");
    js_sys::Reflect::set(&slot, &"answer".into(), &js_sys::Promise::resolve(&answer)).expect("set");
    js_sys::Reflect::set(&window, &"stanceMatrixPrefetch".into(), &slot).expect("set");
    let controller = web_sys::AbortController::new().expect("controller");
    assert_eq!(
        fetch_text("prefetched.json", false, &controller, None).await,
        Err(LoadError::Timeout)
    );
    // Taken once: the next request goes to the network (and finds nothing there).
    assert!(matches!(
        fetch_text("prefetched.json", false, &controller, None).await,
        Err(LoadError::Status { code: 404, .. })
    ));
}

#[wasm_bindgen_test]
fn a_download_clicks_an_attached_link_and_revokes_its_url_only_after_the_click() {
    // Record instead of downloading: the click and the revocation are what is under test.
    js_sys::eval(
        r#"window.__download = { revoked: 0, clicks: [] };
        URL.revokeObjectURL = function () { window.__download.revoked += 1; };
        HTMLAnchorElement.prototype.click = function () {
          window.__download.clicks.push({ attached: this.isConnected, name: this.download, blob: this.href.startsWith('blob:') });
        };"#,
    )
    .expect("instrumented");
    stance_matrix::browser::host::download("view.json", "application/json", "{}");
    let seen = js_sys::eval("JSON.stringify(window.__download)")
        .expect("state")
        .as_string()
        .unwrap_or_default();
    assert_eq!(
        seen,
        r#"{"revoked":0,"clicks":[{"attached":true,"name":"view.json","blob":true}]}"#
    );
    assert!(
        document()
            .query_selector("a[download]")
            .ok()
            .flatten()
            .is_none(),
        "the link is removed after the click"
    );
}

/// The details of one cell, rendered again as the dataset shown moves in time: on a date
/// before the party's first position the cell is empty and the details render nothing, and
/// each render calls the same hooks (Yew's debug check panics on hooks called conditionally).
#[wasm_bindgen_test]
async fn the_cell_detail_renders_nothing_then_something_as_its_cell_loses_and_regains_a_position() {
    use stance_matrix::components::{CellDetail, CellDetailProps};
    let full = parse(BUNDLED).expect("bundled dataset is valid");
    // The first position in the file's history and the day before it.
    let first = full
        .positions()
        .iter()
        .min_by_key(|p| p.date)
        .expect("a position");
    let (issue, party) = (first.issue, first.party);
    let day_before = stance_matrix::model::Date::new(2000, 1, 1).expect("a date");
    let empty = full.until(day_before);
    assert!(empty.current(issue, party).is_none());
    let props = |dataset: stance_matrix::model::Dataset| CellDetailProps {
        data: Data(Rc::new(Loaded::new(dataset, None))),
        issue,
        party,
        change: None,
        since: None,
        on_close: yew::Callback::noop(),
    };
    let root = fresh_root();
    let mut app =
        yew::Renderer::<CellDetail>::with_root_and_props(root.clone(), props(full.clone()))
            .render();
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=cell-detail]").is_some());
    app.update(props(empty));
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=cell-detail]").is_none());
    app.update(props(full));
    yew::scheduler::flush().await;
    assert!(find(&root, "[data-testid=cell-detail]").is_some());
}

#[wasm_bindgen_test]
async fn a_request_its_owner_aborts_ends_at_once() {
    use stance_matrix::browser::fetch::fetch_text;
    let controller = web_sys::AbortController::new().expect("controller");
    controller.abort();
    // Aborted before it started: the browser refuses it at once, as a cancelled request.
    assert_eq!(
        fetch_text("no-such-dataset.json", false, &controller, None).await,
        Err(LoadError::Timeout)
    );
}

/// Dates and lists are written from the language files, natively too, so the pre-rendered page
/// says what the wasm says: they must be exactly what this browser's `Intl` writes, for every
/// month and language, and a list joined natively must be joined as `Intl.ListFormat` joins it.
#[wasm_bindgen_test]
fn dates_and_lists_read_as_the_browsers_intl_writes_them() {
    use js_sys::{Array, Intl, Object, Reflect};
    use stance_matrix::i18n::Lang;
    use wasm_bindgen::JsValue;
    for l in Lang::all() {
        let locale = if l.code() == "en" { "en-GB" } else { l.code() };
        let locales = Array::of1(&JsValue::from_str(locale));
        let options = Object::new();
        for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
            Reflect::set(&options, &key.into(), &value.into()).expect("set");
        }
        let format = Intl::DateTimeFormat::new(&locales, &options).format();
        for (month, day) in (1..=12u8).zip([1u8, 2, 9, 10, 11, 21, 22, 23, 28, 29, 30, 31]) {
            let date =
                js_sys::Date::new_with_year_month_day(2025, i32::from(month) - 1, i32::from(day));
            let intl = format
                .call1(&JsValue::UNDEFINED, &date)
                .expect("format")
                .as_string()
                .expect("text");
            assert_eq!(l.date(2025, month, day), intl, "{}", l.code());
        }
        let list = Intl::ListFormat::new(&locales, &Object::new());
        let items = ["Alpha", "Beta", "Gamma"];
        let native = match items {
            [a, b, c] => format!(
                "{a}, {b}{}{c}",
                stance_matrix::i18n::template(l, stance_matrix::i18n::Msg::ListAnd)
            ),
        };
        let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        assert_eq!(
            list.format(&array).as_string().expect("text"),
            native,
            "{}",
            l.code()
        );
    }
}

/// Percentages too are written from the language files: exactly as this browser's `Intl`.
#[wasm_bindgen_test]
fn percentages_read_as_the_browsers_intl_writes_them() {
    use js_sys::{Array, Intl, Object, Reflect};
    use stance_matrix::i18n::Lang;
    use wasm_bindgen::JsValue;
    for l in Lang::all() {
        let locale = if l.code() == "en" { "en-GB" } else { l.code() };
        let options = Object::new();
        Reflect::set(&options, &"style".into(), &"percent".into()).expect("set");
        Reflect::set(&options, &"maximumFractionDigits".into(), &0.into()).expect("set");
        let format =
            Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(locale)), &options).format();
        for percent in [0u32, 7, 67, 100] {
            let intl = format
                .call1(
                    &JsValue::UNDEFINED,
                    &JsValue::from_f64(f64::from(percent) / 100.0),
                )
                .expect("format")
                .as_string()
                .expect("text");
            assert_eq!(l.percent(percent), intl, "{}", l.code());
        }
    }
}
