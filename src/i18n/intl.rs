//! Counts, lists and percentages by the browser's `Intl` (`PluralRules`, `ListFormat`,
//! `NumberFormat`), so no locale tables are compiled into the wasm. Off the browser (native
//! tests, the pre-renderer) a small fallback: the language's plural rule, its list joining,
//! and `67%`. Dates are written from the language files (`Lang::date`).

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
    use js_sys::{Array, Function, Intl, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    /// One language's formatters, made once: building them is the slow part.
    pub struct Formats {
        pub plural: Intl::PluralRules,
        pub percent: Function,
        /// `Intl.ListFormat` (conjunction), made when first asked for: most views join no list.
        pub list: std::cell::OnceCell<Intl::ListFormat>,
        locales: Array,
    }

    thread_local! {
        static MADE: RefCell<Vec<(&'static str, std::rc::Rc<Formats>)>> = const { RefCell::new(Vec::new()) };
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        for (key, value) in pairs {
            let _ = Reflect::set(&o, &JsValue::from_str(key), value);
        }
        o
    }

    /// `tag`: a BCP 47 tag; English is asked for as British English ("23 April 2025").
    pub fn formats(tag: &'static str) -> std::rc::Rc<Formats> {
        MADE.with(|made| {
            if let Some((_, f)) = made.borrow().iter().find(|(l, _)| *l == tag) {
                return f.clone();
            }
            let locales = Array::of1(&JsValue::from_str(if tag == "en" { "en-GB" } else { tag }));
            let text = |s: &str| JsValue::from_str(s);
            let percent = Intl::NumberFormat::new(
                &locales,
                &options(&[
                    ("style", text("percent")),
                    ("maximumFractionDigits", JsValue::from_f64(0.0)),
                ]),
            );
            let f = std::rc::Rc::new(Formats {
                plural: Intl::PluralRules::new(&locales, &Object::new()),
                percent: percent.format(),
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

    pub fn call(f: &Function, value: &JsValue) -> Option<String> {
        f.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
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

pub fn percent(tag: &'static str, percent: u32) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let value = wasm_bindgen::JsValue::from_f64(f64::from(percent) / 100.0);
        if let Some(text) = browser::call(&browser::formats(tag).percent, &value) {
            return text;
        }
    }
    let _ = tag;
    format!("{percent}%")
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
