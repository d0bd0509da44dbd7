//! The reader's language: which one the widget speaks, its messages, and counts, dates and
//! percentages in its forms. Pure but for `intl`, which asks the browser's `Intl` (plural
//! rules, dates, percentages) and falls back to small rules off the browser (native tests,
//! the pre-renderer). No Yew types.
//!
//! Adding a language: a file like `de.rs` (the compiler lists any message it lacks), and one
//! line in `LANGUAGES`.
//!
//! The readers' wasm carries English only: each other language is a file of its own
//! (`language_file`, written by the build), fetched when a reader needs it and `install`ed
//! (src/browser/languages.rs). Everything else (native code, the host page's and the check
//! page's wasm: feature `all-languages`; debug builds) has every language built in.

mod de;
mod en;
mod errors;
mod fr;
mod intl;
mod msg;
mod ru;
mod uk;
mod words;

use std::cell::OnceCell;

pub use intl::Plural;
pub use msg::Msg;
pub use words::megabytes;

thread_local! {
    /// Each language's messages, split once (and where `install`ed, from its file).
    static MESSAGES: [OnceCell<Vec<&'static str>>; LANGUAGES.len()] = const { [const { OnceCell::new() }; LANGUAGES.len()] };
}

/// How a language forms plurals: which forms its messages list, and the rule used where the
/// browser's `Intl.PluralRules` is not at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// English, German: one for 1, other for the rest.
    OneOther,
    /// French: one for 0 and 1.
    French,
    /// Ukrainian, Russian: one (1, 21, …), few (2–4, 22–24, …), many (0, 5–20, 25–30, …);
    /// "other" is for fractions, which the widget never counts, so the files leave it out.
    EastSlavic,
}

struct Language {
    code: &'static str,
    /// Its messages, where they are built in (`built_in`); `None` until `install`ed.
    text: Option<&'static str>,
    rule: Rule,
}

/// A language other than English, built in where every language is; left out of the readers'
/// wasm (about 35 kB of text: BENCHMARKS.md). Debug builds (`trunk serve`, whose build writes
/// no language files, and the browser tests) have them all.
#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "all-languages",
    debug_assertions
))]
const fn built_in(text: &'static str) -> Option<&'static str> {
    Some(text)
}

#[cfg(not(any(
    not(target_arch = "wasm32"),
    feature = "all-languages",
    debug_assertions
)))]
const fn built_in(_: &'static str) -> Option<&'static str> {
    None
}

const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        text: Some(en::TEXT),
        rule: Rule::OneOther,
    },
    Language {
        code: "de",
        text: built_in(de::TEXT),
        rule: Rule::OneOther,
    },
    Language {
        code: "fr",
        text: built_in(fr::TEXT),
        rule: Rule::French,
    },
    Language {
        code: "uk",
        text: built_in(uk::TEXT),
        rule: Rule::EastSlavic,
    },
    Language {
        code: "ru",
        text: built_in(ru::TEXT),
        rule: Rule::EastSlavic,
    },
];

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lang(u8);

impl Lang {
    pub const EN: Lang = Lang(0);

    /// Every language, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len() as u8).map(Lang)
    }

    fn language(self) -> &'static Language {
        &LANGUAGES[usize::from(self.0) % LANGUAGES.len()]
    }

    /// The BCP 47 code the widget's root carries: `de`.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The language a BCP 47 tag asks for, by its primary subtag in any case (`de-AT`,
    /// `DE`); `None` if the widget does not speak it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::all().find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The reader's language: the page's `?lang=` (or a host's `lang`), else the dataset's
    /// `language`, else the first of the browser's languages the widget speaks, else English.
    pub fn choose<'a>(
        asked: Option<&str>,
        dataset: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        asked
            .and_then(Lang::from_tag)
            .or_else(|| dataset.and_then(Lang::from_tag))
            .or_else(|| browser.into_iter().find_map(Lang::from_tag))
            .unwrap_or(Lang::EN)
    }

    /// Whether text written in the BCP 47 language `tag` is in this language.
    pub fn is(self, tag: &str) -> bool {
        Lang::from_tag(tag) == Some(self)
    }

    /// The plural forms its messages list, in order. A message the same in every form may
    /// give it once.
    pub fn categories(self) -> &'static [Plural] {
        match self.language().rule {
            Rule::OneOther | Rule::French => &[Plural::One, Plural::Other],
            Rule::EastSlavic => &[Plural::One, Plural::Few, Plural::Many],
        }
    }

    /// The plural category of `n` by the language's own rule (where `Intl` is not at hand).
    pub fn fallback_plural(self, n: u64) -> Plural {
        match self.language().rule {
            Rule::OneOther if n == 1 => Plural::One,
            Rule::French if n <= 1 => Plural::One,
            Rule::OneOther | Rule::French => Plural::Other,
            Rule::EastSlavic => match (n % 10, n % 100) {
                (1, h) if h != 11 => Plural::One,
                (2..=4, h) if !(12..=14).contains(&h) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }

    /// Whether the widget can speak it now: built in, or installed from its file.
    pub fn available(self) -> bool {
        self.language().text.is_some() || MESSAGES.with(|m| m[self.index()].get().is_some())
    }

    /// Makes the language available from its file, as `language_file` writes it. A file that
    /// is not one (another build's, cut short) is refused: the widget then speaks English.
    pub fn install(self, file: &str) -> Result<(), LanguageFileError> {
        if self.available() {
            return Ok(());
        }
        let parts = check_language_file(file)?;
        // Once per language and page, kept for the page's life: the messages are `'static`.
        let leaked: &'static str = Box::leak(file.to_owned().into_boxed_str());
        let messages = leaked.split('\u{1e}').take(parts).collect();
        MESSAGES.with(|m| {
            let _ = m[self.index()].set(messages);
        });
        Ok(())
    }

    fn index(self) -> usize {
        usize::from(self.0) % LANGUAGES.len()
    }

    /// The message as its language file writes it, every plural form included; English's
    /// while the language is not available.
    fn message(self, m: Msg) -> &'static str {
        let i = if self.available() { self.index() } else { 0 };
        MESSAGES.with(|split| {
            split[i]
                .get_or_init(|| {
                    LANGUAGES[i]
                        .text
                        .unwrap_or_default()
                        .split('\u{1e}')
                        .collect()
                })
                .get(m as usize)
                .copied()
                .unwrap_or("")
        })
    }

    /// A message as written (its first form, if it has several).
    pub fn t(self, m: Msg) -> &'static str {
        let text = self.message(m);
        text.split('|').next().unwrap_or(text)
    }

    /// A message with its placeholders `{0}`, `{1}`, … filled.
    pub fn f(self, m: Msg, args: &[&str]) -> String {
        fill(self.t(m), args, None)
    }

    /// A message with a count: the form for `n`'s plural category, `{n}` and `args` filled.
    pub fn n(self, m: Msg, n: usize, args: &[&str]) -> String {
        let text = self.message(m);
        let category = intl::plural(self.code(), n as u64, self.fallback_plural(n as u64));
        let at = self
            .categories()
            .iter()
            .position(|c| *c == category)
            .unwrap_or(self.categories().len() - 1);
        let form = text
            .split('|')
            .nth(at)
            .or_else(|| text.rsplit('|').next())
            .unwrap_or(text);
        fill(form, args, Some(n))
    }

    /// A label over `count` things that shows no number ("Sources"): the message's singular
    /// form for one thing, its plural for any other count. Choosing the form by `count`'s own
    /// category would be wrong without the number: Ukrainian and Russian put 21, 31, … in
    /// `one`, so 21 sources would be headed "Джерело", "Источник".
    pub fn heading(self, m: Msg, count: usize) -> String {
        self.n(m, if count == 1 { 1 } else { 2 }, &[])
    }

    /// "23 April 2025", "23. April 2025", "23 квітня 2025 р.": a calendar date in words, as
    /// `Intl.DateTimeFormat` writes it (day, long month, year), but from the language file, so
    /// the pre-renderer writes the very text the browser does and no formatter is built at
    /// start (tests/i18n.rs compares them with Node's ICU; tests/e2e with Chromium's).
    pub fn date(self, year: u16, month: u8, day: u8) -> String {
        let name = self
            .t(Msg::Months)
            .split(' ')
            .nth(usize::from(month.clamp(1, 12) - 1))
            .unwrap_or_default();
        self.f(
            Msg::DateFormat,
            &[&day.to_string(), name, &year.to_string()],
        )
    }

    /// "A, B and C", "A, B und C": `items` joined as the language joins a list.
    pub fn list(self, items: &[&str]) -> String {
        intl::list(self.code(), items, self.t(Msg::ListAnd))
    }

    /// "67%", "67 %": a whole percentage, as `Intl.NumberFormat` writes it, from the language
    /// file (like dates), so the pre-rendered page and the wasm write the same.
    pub fn percent(self, percent: u32) -> String {
        self.f(Msg::Percent, &[&percent.to_string()])
    }
}

/// Replaces `{0}`, `{1}`, … with `args` and `{n}` with `n`, in one pass (an argument that
/// itself contains `{1}` is not filled again).
pub fn fill(template: &str, args: &[&str], n: Option<usize>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').filter(|&c| c <= 2);
        match close.map(|c| &after[..c]) {
            Some("n") if n.is_some() => out.push_str(&n.unwrap_or_default().to_string()),
            Some(k) if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) => out.push_str(
                k.parse::<usize>()
                    .ok()
                    .and_then(|i| args.get(i))
                    .copied()
                    .unwrap_or(""),
            ),
            _ => {
                out.push('{');
                rest = after;
                continue;
            }
        }
        rest = &after[close.unwrap_or(0) + 1..];
    }
    out.push_str(rest);
    out
}

/// A message as its language file writes it, every plural form included (for the tests that
/// compare each language with English).
pub fn template(lang: Lang, m: Msg) -> &'static str {
    lang.message(m)
}

/// The file a language is fetched from where it is not built in (the build writes one per
/// language: `prerender --language`): its messages in `Msg` order, each followed by U+001E.
/// `None` where the language is not built in.
pub fn language_file(lang: Lang) -> Option<&'static str> {
    lang.language().text
}

/// Why a language file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageFileError {
    /// Not one message per key: another build's file, or one cut short.
    Messages { found: usize, expected: usize },
    /// A message without the placeholders English's has, or with others.
    Placeholders { message: Msg },
}

impl std::fmt::Display for LanguageFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LanguageFileError::Messages { found, expected } => {
                write!(f, "{found} messages, expected {expected}")
            }
            // By number: the messages' names would put a table of them into the readers' wasm.
            LanguageFileError::Placeholders { message } => write!(
                f,
                "message {} has other placeholders than English's",
                *message as usize + 1
            ),
        }
    }
}

/// The number of messages in a language file, once it is checked against English: one per
/// key, each with the placeholders of English's (last) form.
pub fn check_language_file(file: &str) -> Result<usize, LanguageFileError> {
    let (found, expected) = (file.matches('\u{1e}').count(), Msg::ALL.len());
    if found != expected || !file.ends_with('\u{1e}') {
        return Err(LanguageFileError::Messages { found, expected });
    }
    let messages: Vec<&str> = file.split('\u{1e}').take(found).collect();
    let names = |text: &str| {
        ["{0}", "{1}", "{2}", "{3}", "{n}"]
            .into_iter()
            .filter(|p| text.contains(p))
            .collect::<Vec<_>>()
    };
    for (&message, text) in Msg::ALL.iter().zip(&messages) {
        let english = Lang::EN.message(message);
        if names(text) != names(english.rsplit('|').next().unwrap_or(english)) {
            return Err(LanguageFileError::Placeholders { message });
        }
    }
    Ok(messages.len())
}
