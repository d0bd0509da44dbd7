//! The things a dataset defines and positions refer to: parties, categories, issues and
//! sources, each decoded from its object with every problem reported.

use super::error::ErrorKind;
use super::fields::{Obj, Problems};
use super::ids::IdTable;
use super::shapes::is_http_url;
use super::types::{Category, Issue, Party, Source};
use super::value::Value;

pub(super) fn decode_party(o: &Obj, id: Option<&str>, p: &mut Problems) -> Option<Party> {
    let name = o.text("name", true, p);
    let short = o.text("short", false, p);
    Some(Party {
        id: id?.to_string(),
        name: name?,
        short,
    })
}

pub(super) fn decode_category(o: &Obj, id: Option<&str>, p: &mut Problems) -> Option<Category> {
    let name = o.text("name", true, p);
    Some(Category {
        id: id?.to_string(),
        name: name?,
    })
}

pub(super) fn decode_issue(
    o: &Obj,
    id: Option<&str>,
    categories: &IdTable,
    p: &mut Problems,
) -> Option<Issue> {
    let title = o.text("title", true, p);
    let category = match o.field("category", false, p) {
        Some(Value::String(c)) => categories
            .resolve("category", c, || o.path_of("category"), p)
            .map(|t| t.value()),
        Some(other) => {
            p.report(
                || o.path_of("category"),
                ErrorKind::WrongType {
                    expected: "a category id",
                    found: other.kind(),
                },
            );
            None
        }
        None => Some(None),
    };
    let description = o.text("description", false, p);
    // A known but broken category resolves to `Some(None)`: harmless, as the dataset is
    // invalid then anyway.
    Some(Issue {
        id: id?.to_string(),
        title: title?,
        category: category?,
        description,
    })
}

pub(super) fn decode_source(o: &Obj, id: Option<&str>, p: &mut Problems) -> Option<Source> {
    let title = o.text("title", true, p);
    let url = o.text("url", true, p).filter(|u| {
        let ok = is_http_url(u);
        if !ok {
            p.report(|| o.path_of("url"), ErrorKind::BadUrl { value: u.clone() });
        }
        ok
    });
    let publisher = o.text("publisher", false, p);
    let published = o.date("published", false, p);
    Some(Source {
        id: id?.to_string(),
        title: title?,
        url: url?,
        publisher,
        published,
    })
}
