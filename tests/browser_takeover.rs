//! Taking over a pre-rendered page in slices (`components::later`, `browser::takeover`): the
//! off-screen render leaves rows, filters and panels for later tasks, one each, and the swap
//! waits until all of them are there. Its own test binary: the takeover state is global.
#![cfg(target_arch = "wasm32")]

use stance_matrix::browser::takeover::take_over_when_rendered;
use stance_matrix::components::{begin_takeover, later_pending, ViewLink, Widget, WidgetProps};
use stance_matrix::model::{parse, BUNDLED};
use stance_matrix::state::embed::PageConfig;
use stance_matrix::state::loaded::{Data, Loaded};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// The page's app (bundled dataset, default options) rendered into `root`.
fn render_page_app(root: &Element) -> yew::AppHandle<stance_matrix::components::App> {
    use stance_matrix::components::{App, AppProps};
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            config: PageConfig::default(),
            link: ViewLink::Url { embed: false },
            given: None,
            any_origin: false,
            on_state: None,
        },
    )
    .render()
}

/// One task later (a zero timeout).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0)
            .expect("timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timeout");
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("selector")
        .length()
}

#[wasm_bindgen_test]
async fn a_takeover_renders_in_slices_and_swaps_only_when_every_part_is_there() {
    // The page's pre-rendered copy, and the element the widget renders into off-screen.
    let page = document().create_element("main").expect("main");
    page.set_class_name("stance-matrix");
    page.set_text_content(Some("pre-rendered"));
    document()
        .body()
        .expect("body")
        .append_child(&page)
        .expect("attach");
    let fresh = document().create_element("main").expect("main");
    fresh.set_class_name("stance-matrix");

    let dataset = parse(BUNDLED).expect("bundled dataset is valid");
    let (issues, parties) = (dataset.issues().len(), dataset.parties().len());
    let data = Data(Rc::new(Loaded::new(dataset, None)));
    begin_takeover();
    yew::Renderer::<Widget>::with_root_and_props(
        fresh.clone(),
        WidgetProps {
            data,
            lang: Default::default(),
            config: PageConfig::default(),
            link: ViewLink::Url { embed: false },
        },
    )
    .render();
    yew::scheduler::flush().await;

    // The first render: the frame of the widget and one empty row per issue, nothing more.
    assert_eq!(count(&fresh, "tbody tr"), issues as u32);
    assert_eq!(
        count(&fresh, "td, tbody th"),
        0,
        "no cell in the first slice"
    );
    assert_eq!(
        count(&fresh, "#sm-filters"),
        0,
        "no filters in the first slice"
    );
    let parts = later_pending();
    assert!(
        parts > issues,
        "every row and panel is a part of its own: {parts}"
    );

    // Each part comes in a task of its own: a mutation observer hears the off-screen tree
    // change once per task (its records are delivered when the task's microtasks run).
    let deliveries = Rc::new(Cell::new(0u32));
    let heard = {
        let deliveries = deliveries.clone();
        Closure::<dyn FnMut()>::new(move || deliveries.set(deliveries.get() + 1))
    };
    let observer =
        web_sys::MutationObserver::new(heard.as_ref().unchecked_ref()).expect("observer");
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer
        .observe_with_options(&fresh, &init)
        .expect("observe");

    take_over_when_rendered(page.clone(), fresh.clone());
    // The page keeps its copy until the last part is there.
    let mut tasks = 0;
    while !fresh.is_connected() {
        assert!(
            page.is_connected(),
            "the copy is swapped out only by the widget"
        );
        assert!(tasks < 1000, "the swap never came");
        next_task().await;
        tasks += 1;
    }
    observer.disconnect();
    // Every row adds its cells in a task of its own; the panels add theirs (a part with nothing
    // to show adds nothing, so it is not heard).
    assert!(
        deliveries.get() as usize > issues,
        "{parts} parts ({issues} rows) came in {} tasks",
        deliveries.get()
    );
    assert!(!page.is_connected());
    assert_eq!(later_pending(), 0);
    assert_eq!(
        count(&fresh, "tbody td.sm-cell"),
        (issues * parties) as u32,
        "every cell is there when the widget is swapped in"
    );
    assert_eq!(count(&fresh, "#sm-filters"), 1);
    assert_eq!(count(&fresh, "[data-testid=compare]"), 1);

    // After the takeover, parts render at once again: a widget mounted now is whole after
    // its first render.
    let again = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&again)
        .expect("attach");
    let dataset = parse(BUNDLED).expect("bundled dataset is valid");
    yew::Renderer::<Widget>::with_root_and_props(
        again.clone(),
        WidgetProps {
            data: Data(Rc::new(Loaded::new(dataset, None))),
            lang: Default::default(),
            config: PageConfig::default(),
            link: ViewLink::Url { embed: false },
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(count(&again, "tbody td.sm-cell"), (issues * parties) as u32);
    assert_eq!(later_pending(), 0);
}

#[wasm_bindgen_test]
async fn over_a_pre_rendered_page_the_bundled_dataset_is_read_in_a_task_of_its_own() {
    let page = document().create_element("main").expect("main");
    page.set_text_content(Some("pre-rendered"));
    document()
        .body()
        .expect("body")
        .append_child(&page)
        .expect("attach");
    let fresh = document().create_element("main").expect("main");

    begin_takeover();
    render_page_app(&fresh);
    yew::scheduler::flush().await;
    // The first task starts the app only; the dataset waits, and the swap waits for it.
    assert_eq!(count(&fresh, "[data-testid=loading]"), 1);
    assert_eq!(count(&fresh, "table"), 0);
    assert!(later_pending() >= 1, "the swap waits for the dataset");

    take_over_when_rendered(page.clone(), fresh.clone());
    let mut tasks = 0;
    while !fresh.is_connected() {
        assert!(tasks < 1000, "the swap never came");
        next_task().await;
        tasks += 1;
    }
    // Swapped in whole: never the "Loading" message in place of the pre-rendered copy.
    assert_eq!(count(&fresh, "[data-testid=loading]"), 0);
    assert_eq!(count(&fresh, ".sm-matrix tbody tr"), 11);
    assert!(count(&fresh, "tbody td.sm-cell") > 0);
    assert_eq!(later_pending(), 0);
}

#[wasm_bindgen_test]
async fn an_app_destroyed_while_it_reads_its_dataset_holds_no_swap_back() {
    use stance_matrix::components::end_takeover;
    let fresh = document().create_element("main").expect("main");
    begin_takeover();
    let app = render_page_app(&fresh);
    yew::scheduler::flush().await;
    assert_eq!(later_pending(), 1, "the swap waits for the dataset");
    app.destroy();
    yew::scheduler::flush().await;
    assert_eq!(later_pending(), 0, "nothing left to wait for");
    end_takeover();
    // The read still due finds no app: nothing happens, nothing is counted.
    next_task().await;
    next_task().await;
    assert_eq!(later_pending(), 0);
}
