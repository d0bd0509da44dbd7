//! The reader's language: every message in every language with English's placeholders and the
//! language's plural forms; plural categories; choosing the language; the dataset's `language`.

mod common;
use common::*;
use stance_matrix::i18n::{
    check_language_file, fill, language_file, template, Lang, LanguageFileError, Msg, Plural,
};
use stance_matrix::model::parse;

/// The placeholders of a form, sorted: `{0}`, `{1}`, …, `{n}`.
fn placeholders(form: &str) -> Vec<String> {
    let mut found: Vec<String> = ["{0}", "{1}", "{2}", "{3}", "{n}"]
        .iter()
        .flat_map(|p| std::iter::repeat_n(p.to_string(), form.matches(p).count()))
        .collect();
    found.sort();
    found
}

fn lang(code: &str) -> Lang {
    Lang::from_tag(code).expect("a language the widget speaks")
}

#[test]
fn every_language_has_every_message_with_englishs_placeholders_and_its_own_plural_forms() {
    let en = Lang::EN;
    let mut problems = Vec::new();
    for l in Lang::all().skip(1) {
        let mut same = Vec::new();
        for &m in Msg::ALL {
            let (english, text) = (template(en, m), template(l, m));
            let plural = english.contains('|');
            let forms: Vec<&str> = text.split('|').collect();
            let expected = if plural { l.categories().len() } else { 1 };
            // A message the same in every form may give it once.
            if forms.len() != expected && forms.len() != 1 {
                problems.push(format!(
                    "{}/{m:?}: {} forms, expected {expected}: {text:?}",
                    l.code(),
                    forms.len()
                ));
            }
            let want = placeholders(english.rsplit('|').next().unwrap_or(english));
            for form in &forms {
                if form.trim().is_empty() {
                    problems.push(format!("{}/{m:?}: an empty form", l.code()));
                }
                if placeholders(form) != want {
                    problems.push(format!(
                        "{}/{m:?}: placeholders {:?}, English has {want:?}: {form:?}",
                        l.code(),
                        placeholders(form)
                    ));
                }
            }
            // Punctuation alone ("{0}: {1}", "; ") may well be the same in another language.
            let words = english.replace("{n}", "").chars().any(char::is_alphabetic);
            if text == english && words {
                same.push(m);
            }
        }
        // Words such as "Ambivalent" are the same in German and French; whole sentences are not.
        assert!(
            same.len() <= 8,
            "{}: {} messages are still English: {same:?}",
            l.code(),
            same.len()
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn ukrainian_and_russian_plural_categories_follow_cldr() {
    use Plural::*;
    let numbers = [0u64, 1, 2, 5, 11, 21, 22, 25, 111, 104];
    let expected = [Many, One, Few, Many, Many, One, Few, Many, Many, Few];
    for code in ["uk", "ru"] {
        let got: Vec<Plural> = numbers
            .iter()
            .map(|&n| lang(code).fallback_plural(n))
            .collect();
        assert_eq!(got, expected, "{code}");
    }
    assert_eq!(
        [0, 1, 2].map(|n| lang("fr").fallback_plural(n)),
        [One, One, Other],
        "French: 0 and 1 are one"
    );
    assert_eq!(
        [0, 1, 2].map(|n| lang("de").fallback_plural(n)),
        [Other, One, Other]
    );
}

#[test]
fn counts_take_the_form_of_their_category() {
    let uk = lang("uk");
    let forms: Vec<String> = [1, 2, 5, 21, 22, 25]
        .iter()
        .map(|&n| uk.n(Msg::ShowMoreIssues, n, &[]))
        .collect();
    assert!(
        forms[0] != forms[1] && forms[1] != forms[2],
        "one, few and many differ: {forms:?}"
    );
    assert_eq!(
        forms[0].replace('1', "21"),
        forms[3],
        "21 takes the form of 1"
    );
    assert_eq!(
        forms[1].replace('2', "22"),
        forms[4],
        "22 takes the form of 2"
    );
    assert_eq!(
        Lang::EN.n(Msg::ShowingIssues, 1, &["1"]),
        "Showing 1 of 1 issue"
    );
    assert_eq!(
        Lang::EN.n(Msg::ShowingIssues, 11, &["3"]),
        "Showing 3 of 11 issues"
    );
}

#[test]
fn the_language_is_the_pages_then_the_datasets_then_the_browsers_then_english() {
    let (de, fr, uk) = (lang("de"), lang("fr"), lang("uk"));
    assert_eq!(
        Lang::choose(Some("de-AT"), Some("fr"), ["uk"]),
        de,
        "?lang= wins"
    );
    assert_eq!(
        Lang::choose(Some("tlh"), Some("fr"), ["uk"]),
        fr,
        "a language the widget does not speak is passed over"
    );
    assert_eq!(
        Lang::choose(None, None, ["pl-PL", "UK", "de"]),
        uk,
        "the first of the browser's that the widget speaks"
    );
    assert_eq!(Lang::choose(None, None, ["pl"]), Lang::EN);
    assert_eq!(Lang::from_tag("en-US"), Some(Lang::EN));
    assert_eq!(Lang::from_tag("ukr"), None, "only the two-letter code");
    assert!(lang("uk").is("uk-UA") && !lang("uk").is("ru"));
}

#[test]
fn placeholders_are_filled_once() {
    assert_eq!(
        fill("{0} on “{1}”", &["Ukraine", "a {0} title"], None),
        "Ukraine on “a {0} title”"
    );
    assert_eq!(fill("{n} of {0} {x}", &["7"], Some(3)), "3 of 7 {x}");
    assert_eq!(fill("{", &[], None), "{");
}

#[test]
fn a_dataset_may_say_its_language_as_a_bcp47_tag() {
    let ok = doc_with(&pos("a", "i1", "open", false))
        .replace(r#""as_of""#, r#""language": "de-AT", "as_of""#);
    assert_eq!(parse(&ok).expect("valid").language(), Some("de-AT"));
    let bad = doc_with(&pos("a", "i1", "open", false))
        .replace(r#""as_of""#, r#""language": "German", "as_of""#);
    assert_eq!(
        messages(&bad),
        [r#"language: "German" is not a language tag such as "de" or "de-AT" (BCP 47)"#]
    );
}

#[test]
fn validation_messages_speak_the_readers_language() {
    let bad = with_position_field("stance", Some("\"maybe\""));
    let errors = parse(&bad).expect_err("invalid");
    let (en, de) = (
        errors[0].kind.describe(Lang::EN),
        errors[0].kind.describe(lang("de")),
    );
    assert_eq!(
        en,
        errors[0].kind.to_string(),
        "Display is the English message"
    );
    assert_ne!(de, en);
    assert!(
        de.contains("\"maybe\""),
        "the value stays as the file has it: {de}"
    );
}

#[test]
fn the_boot_scripts_loading_words_are_the_widgets() {
    let boot = std::fs::read_to_string("web/boot.js").expect("web/boot.js");
    for l in Lang::all() {
        let line = format!("  {}: '{}',", l.code(), l.t(Msg::Loading));
        assert!(boot.contains(&line), "web/boot.js lacks {line:?}");
    }
}

#[test]
fn file_sizes_are_written_in_the_readers_language() {
    use stance_matrix::i18n::megabytes;
    use stance_matrix::model::ErrorKind;
    use stance_matrix::state::loading::LoadError;
    for (code, size, sentence) in [
        ("en", "2.4 MB", "the file is 2.4 MB; the limit is 10 MB"),
        (
            "de",
            "2,4 MB",
            "die Datei ist 2,4 MB groß; die Grenze liegt bei 10 MB",
        ),
        (
            "fr",
            "2,4 Mo",
            "le fichier fait 2,4 Mo\u{202f}; la limite est de 10 Mo",
        ),
        ("uk", "2,4 МБ", "розмір файлу — 2,4 МБ; ліміт — 10 МБ"),
        ("ru", "2,4 МБ", "размер файла — 2,4 МБ; лимит — 10 МБ"),
    ] {
        let l = lang(code);
        assert_eq!(megabytes(2_449_999, l), size, "{code}");
        assert_eq!(
            LoadError::TooLarge { bytes: 2_400_000 }.describe(l),
            sentence,
            "{code}: while loading"
        );
        let kind = ErrorKind::FileTooLarge {
            bytes: 2_400_000,
            limit: 10_000_000,
        };
        assert_eq!(kind.describe(l), sentence, "{code}: in validation");
    }
    assert_eq!(megabytes(12_345_678, lang("fr")), "12,3 Mo");
    assert_eq!(megabytes(999, lang("ru")), "0,0 МБ");
}

#[test]
fn a_heading_without_a_number_is_plural_for_every_count_but_one() {
    for l in Lang::all() {
        let (one, several) = (l.heading(Msg::Sources, 1), l.heading(Msg::Sources, 2));
        assert_ne!(one, several, "{}", l.code());
        for n in [0, 3, 5, 11, 21, 22, 25, 31, 101, 111] {
            assert_eq!(l.heading(Msg::Sources, n), several, "{}: {n}", l.code());
        }
    }
    // By the count's own category, 21 would be singular: the reason for `heading`.
    assert_eq!(lang("uk").n(Msg::Sources, 21, &[]), "Джерело");
    assert_eq!(lang("uk").heading(Msg::Sources, 21), "Джерела");
    assert_eq!(lang("ru").heading(Msg::Sources, 21), "Источники");
    assert_eq!(lang("ru").heading(Msg::Sources, 1), "Источник");
    assert_eq!(lang("fr").heading(Msg::Sources, 0), "Sources");
}

/// The short stance and status words of the matrix's narrow columns, the legend and the key.
const LABELS: [Msg; 10] = [
    Msg::Supports,
    Msg::Open,
    Msg::Ambivalent,
    Msg::Sceptical,
    Msg::Opposes,
    Msg::NotStated,
    Msg::RedLineClash,
    Msg::Conflict,
    Msg::Agreement,
    Msg::Unclear,
];

#[test]
fn long_stance_and_status_words_have_soft_hyphens_and_no_other_message_has_one() {
    const SHY: char = '\u{ad}';
    let mut problems = Vec::new();
    for l in Lang::all() {
        for &m in Msg::ALL {
            let text = template(l, m);
            if !LABELS.contains(&m) {
                if text.contains(SHY) {
                    problems.push(format!(
                        "{}/{m:?}: a soft hyphen outside the labels",
                        l.code()
                    ));
                }
                continue;
            }
            for word in text.split_whitespace() {
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 11 && !word.contains(SHY) {
                    problems.push(format!("{}/{m:?}: {word:?} has no soft hyphen", l.code()));
                }
                // A break leaves at least two letters on each line.
                if word.contains(SHY) && word.split(SHY).any(|piece| piece.chars().count() < 2) {
                    problems.push(format!(
                        "{}/{m:?}: {word:?} breaks off one letter",
                        l.code()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The hyphens are invisible: without them the words are spelt as before.
    for (code, m, word) in [
        ("de", Msg::Agreement, "Übereinstimmung"),
        ("fr", Msg::Agreement, "Convergence"),
        ("fr", Msg::Unclear, "Indéterminé"),
        ("uk", Msg::Ambivalent, "Неоднозначно"),
        ("uk", Msg::Conflict, "Розбіжності"),
        ("ru", Msg::Ambivalent, "Неоднозначно"),
        ("ru", Msg::Sceptical, "Скептически"),
        ("ru", Msg::RedLineClash, "Столкновение с красной линией"),
        ("ru", Msg::Conflict, "Разногласия"),
    ] {
        assert_eq!(lang(code).t(m).replace(SHY, ""), word, "{code}/{m:?}");
    }
}

#[test]
fn ukrainian_and_russian_name_the_agreement_status_alike_everywhere() {
    // Not «Згода»/«Согласие», which read as "a deal was reached" or "consent".
    for (code, term, banned) in [("uk", "збіг", "згод"), ("ru", "совпадени", "согласи")]
    {
        let l = lang(code);
        for m in [
            Msg::Agreement,
            Msg::SumAgreement,
            Msg::PairsMostAgreement,
            Msg::AgreementBetween,
        ] {
            let text = template(l, m).to_lowercase();
            assert!(text.contains(term), "{code}/{m:?}: {text}");
        }
        for &m in Msg::ALL {
            let text = template(l, m).to_lowercase();
            assert!(!text.contains(banned), "{code}/{m:?}: {text}");
        }
    }
}

#[test]
fn dates_are_written_in_words_natively_as_the_browser_writes_them() {
    // What Intl.DateTimeFormat (day numeric, month long, year numeric) gives in Chromium and
    // Node; tests/browser.rs compares every month with the browser's own.
    for (code, text) in [
        ("en", "23 April 2025"),
        ("de", "23. April 2025"),
        ("fr", "23 avril 2025"),
        ("uk", "23 квітня 2025 р."),
        ("ru", "23 апреля 2025 г."),
    ] {
        assert_eq!(lang(code).date(2025, 4, 23), text);
    }
    assert_eq!(lang("de").date(2025, 3, 1), "1. März 2025");
    assert_eq!(lang("ru").date(2024, 12, 31), "31 декабря 2024 г.");
}

#[test]
fn percentages_are_written_natively_as_the_browser_writes_them() {
    // Intl.NumberFormat's percent style: a no-break space before % in de, fr and ru.
    for (code, text) in [
        ("en", "67%"),
        ("de", "67\u{a0}%"),
        ("fr", "67\u{a0}%"),
        ("uk", "67%"),
        ("ru", "67\u{a0}%"),
    ] {
        assert_eq!(lang(code).percent(67), text);
    }
}

/// The readers' wasm installs a language from its file: every language's file passes the
/// check, and one cut short, another build's (a message more) or one whose message lost a
/// placeholder is refused, naming what is wrong.
#[test]
fn language_files_are_checked_against_english_before_they_are_installed() {
    let expected = Msg::ALL.len();
    for l in Lang::all() {
        let file = language_file(l).expect("natively, every language is built in");
        assert_eq!(check_language_file(file), Ok(expected), "{}", l.code());
        assert_eq!(
            l.install(file),
            Ok(()),
            "{}: built in, installing is a no-op",
            l.code()
        );
    }
    let de = language_file(lang("de")).unwrap();
    let last = de[..de.len() - 1].rfind('\u{1e}').unwrap() + 1;
    assert_eq!(
        check_language_file(&de[..last]),
        Err(LanguageFileError::Messages {
            found: expected - 1,
            expected
        })
    );
    assert_eq!(
        check_language_file(&de[..de.len() - 1]),
        Err(LanguageFileError::Messages {
            found: expected - 1,
            expected
        }),
        "the last message unterminated"
    );
    assert_eq!(
        check_language_file(&format!("{de}Neu\u{1e}")),
        Err(LanguageFileError::Messages {
            found: expected + 1,
            expected
        })
    );
    assert_eq!(
        check_language_file(""),
        Err(LanguageFileError::Messages { found: 0, expected })
    );
    // "Seit dem {0} …": the date left out.
    let lost = de.replacen("Seit dem {0} hat sich keine", "Bisher hat sich keine", 1);
    assert_ne!(lost, de);
    assert_eq!(
        check_language_file(&lost),
        Err(LanguageFileError::Placeholders {
            message: Msg::NoChange
        })
    );
    assert_eq!(
        LanguageFileError::Placeholders {
            message: Msg::NoChange
        }
        .to_string(),
        format!(
            "message {} has other placeholders than English's",
            Msg::ALL.iter().position(|&m| m == Msg::NoChange).unwrap() + 1
        )
    );
}
