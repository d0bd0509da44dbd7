//! Counts and lists by the browser's `Intl` (`PluralRules`, `ListFormat`), so no locale tables
//! are compiled into the wasm. Off the browser (native tests, the pre-renderer) a small
//! fallback: the language's plural rule and its list joining. Dates and percentages are
//! written from the language files (`Lang::date`, `Lang::percent`).

/// The plural categories the widget's languages use (CLDR names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

impl Plural {
    /// The category the browser's `Intl.PluralRules` names.
    pub fn from_cldr(name: &str) -> Plural {
        match name {
            "one" => Plural::One,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Intl, Object};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    /// One language's formatters, made once: building them is the slow part.
    pub struct Formats {
        pub plural: Intl::PluralRules,
        /// `Intl.ListFormat` (conjunction), made when first asked for: most views join no list.
        pub list: std::cell::OnceCell<Intl::ListFormat>,
        locales: Array,
    }

    thread_local! {
        static MADE: RefCell<Vec<(&'static str, std::rc::Rc<Formats>)>> = const { RefCell::new(Vec::new()) };
    }

    /// `tag`: a BCP 47 tag; English is asked for as British English ("A, B and C").
    pub fn formats(tag: &'static str) -> std::rc::Rc<Formats> {
        MADE.with(|made| {
            if let Some((_, f)) = made.borrow().iter().find(|(l, _)| *l == tag) {
                return f.clone();
            }
            let locales = Array::of1(&JsValue::from_str(if tag == "en" { "en-GB" } else { tag }));
            let f = std::rc::Rc::new(Formats {
                plural: Intl::PluralRules::new(&locales, &Object::new()),
                list: std::cell::OnceCell::new(),
                locales,
            });
            made.borrow_mut().push((tag, f.clone()));
            f
        })
    }

    /// `items` joined as the language joins a list ("A, B and C").
    pub fn list(tag: &'static str, items: &[&str]) -> Option<String> {
        let f = formats(tag);
        let format = f
            .list
            .get_or_init(|| Intl::ListFormat::new(&f.locales, &Object::new()));
        let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        format.format(&array).as_string()
    }
}

/// `n`'s plural category in the language `tag`; `fallback` where `Intl` is not at hand.
pub fn plural(tag: &'static str, n: u64, fallback: Plural) -> Plural {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = fallback;
        let name: String = browser::formats(tag).plural.select(n as f64).into();
        Plural::from_cldr(&name)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (tag, n);
        fallback
    }
}

/// `items` joined as a list: "A, B and C" (`Intl.ListFormat`). Off the browser, `and` (the
/// language's " and ") before the last item and ", " between the others, which is how CLDR
/// joins a list in each of the widget's languages, so a pre-rendered text reads the same.
pub fn list(tag: &'static str, items: &[&str], and: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(text) = browser::list(tag, items) {
            return text;
        }
    }
    let _ = tag;
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}
