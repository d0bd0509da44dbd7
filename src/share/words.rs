//! The matrix in plain words, in the reader's language: for each issue its status and who
//! stands where, and a summary of the view. Derived from the same `Derived` the matrix shows
//! (as of its date, over its visible parties and rows), so the text follows As of and the
//! filters. Used by the widget's "Read as text" view, the page for readers without script,
//! the image's text alternative and the pages' `og:description`.
//!
//! A party's name is never inflected or given an article: a dataset's names are free text, so
//! the sentences name parties only in lists after a label ("Opposes (red line): Ukraine."),
//! where every language takes the name as written.

use crate::analysis::{side, IssueStatus, Side, Totals};
use crate::i18n::{Lang, Msg};
use crate::model::{Confidence, Dataset, Stance};
use crate::state::derived::Derived;
use crate::state::loaded::Data;
use crate::state::view_state::ViewState;

/// Who stands where on one issue, in the order of the scale: a red line in favour, each
/// stance from support to opposition, a red line against, then the parties not stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    RedLineFor,
    Stance(usize),
    RedLineAgainst,
    NotStated,
}

impl Group {
    /// The label before the names of `count` parties.
    fn label(self, l: Lang, count: usize) -> String {
        match self {
            Group::RedLineFor => l.f(Msg::WithRedLine, &[l.t(Stance::Supports.msg())]),
            // A verb in Ukrainian and Russian ("Допускають"): it agrees with the number of
            // parties, as a singular or a plural (21 would be singular by its own category).
            Group::Stance(i) if Stance::ALL[i] == Stance::Open => {
                l.n(Msg::OpenGroup, count.min(2), &[])
            }
            Group::Stance(i) => l.t(Stance::ALL[i].msg()).to_string(),
            Group::RedLineAgainst => l.f(Msg::WithRedLine, &[l.t(Stance::Opposes.msg())]),
            Group::NotStated => l.t(Msg::NotStated).to_string(),
        }
    }
}

/// Soft hyphens help the matrix's narrow cells break; running text has no use for them.
fn plain(text: &str) -> String {
    text.replace('\u{ad}', "")
}

/// "Label: A, B and C." in the language's punctuation (no second full stop after "U.S.").
fn labelled(l: Lang, label: &str, list: &str) -> String {
    let stop = if list.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    plain(&format!("{} {list}{stop}", l.f(Msg::Labelled, &[label])))
}

/// The sentences for one issue: its status, then each group of parties ("Red-line clash.
/// Supports: Russia and United States (reported). Opposes (red line): Ukraine.").
/// `parties`: the visible parties' indices, in column order; `status`: over those parties.
pub fn issue(
    ds: &Dataset,
    issue: usize,
    parties: &[usize],
    status: IssueStatus,
    l: Lang,
) -> String {
    let mut groups: Vec<(Group, String)> = parties
        .iter()
        .map(|&p| {
            let name = &ds.parties()[p].name;
            match ds.current(issue, p) {
                None => (Group::NotStated, name.clone()),
                Some(pos) => {
                    let group = match (pos.red_line, side(pos.stance)) {
                        (true, Some(Side::For)) => Group::RedLineFor,
                        (true, Some(Side::Against)) => Group::RedLineAgainst,
                        _ => Group::Stance(pos.stance as usize),
                    };
                    let name = match pos.confidence {
                        Confidence::OnRecord => name.clone(),
                        Confidence::Reported => l.f(Msg::NameReported, &[name]),
                        Confidence::Inferred => l.f(Msg::NameInferred, &[name]),
                    };
                    (group, name)
                }
            }
        })
        .collect();
    // Stable: within a group, parties keep the matrix's column order.
    groups.sort_by_key(|(group, _)| *group);
    let mut out = plain(&format!("{}.", l.t(status.msg())));
    let mut rest = groups.as_slice();
    while let Some((group, _)) = rest.first() {
        let count = rest.iter().take_while(|(g, _)| g == group).count();
        let names: Vec<&str> = rest[..count].iter().map(|(_, n)| n.as_str()).collect();
        out.push(' ');
        out.push_str(&labelled(l, &group.label(l, count), &l.list(&names)));
        rest = &rest[count..];
    }
    out
}

/// Each shown issue's title and sentences, in the order the matrix shows them.
pub fn issues(view: &Derived, l: Lang) -> Vec<(usize, String)> {
    let ds = &view.data.dataset;
    view.rows
        .iter()
        .map(|&i| (i, issue(ds, i, &view.parties, view.analyses[i].status, l)))
        .collect()
}

/// The view in a few sentences: how many issues are shown, then how many have each status,
/// the red-line clashes by title ("Red-line clash: 3 (Ceasefire, Crimea and NATO)."). Over the
/// shown issues and visible parties, as of the date shown.
pub fn summary(view: &Derived, l: Lang) -> String {
    let ds = &view.data.dataset;
    let (shown, total) = (view.rows.len(), ds.issues().len());
    let mut out = if shown == total {
        l.n(Msg::TextIssues, total, &[])
    } else {
        format!("{}.", l.n(Msg::ShowingIssues, total, &[&shown.to_string()]))
    };
    let totals = Totals::count(view.rows.iter().map(|&i| &view.analyses[i]));
    for status in IssueStatus::ALL {
        let count = match status {
            IssueStatus::RedLineClash => totals.red_line_clash,
            IssueStatus::Conflict => totals.conflict,
            IssueStatus::Agreement => totals.agreement,
            IssueStatus::Unclear => totals.unclear,
        };
        if count == 0 {
            continue;
        }
        let mut said = count.to_string();
        if status == IssueStatus::RedLineClash {
            let titles: Vec<String> = view
                .rows
                .iter()
                .filter(|&&i| view.analyses[i].status == status)
                .map(|&i| l.f(Msg::Quoted, &[&ds.issues()[i].title]))
                .collect();
            let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
            said = format!("{said} ({})", l.list(&titles));
        }
        out.push(' ');
        out.push_str(&labelled(l, l.t(status.msg()), &said));
    }
    out
}

/// The summary of `data`'s default view (every issue and party, as of its latest date) in its
/// dataset's language: what a link preview and the card's text alternative say.
pub fn default_summary(data: &Data) -> String {
    let view = Derived::new(data, &ViewState::default());
    summary(
        &view,
        Lang::choose(None, data.dataset.language(), std::iter::empty()),
    )
}
