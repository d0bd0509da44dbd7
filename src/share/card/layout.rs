//! Where everything on the card goes: the title's size, the columns' widths, how many issues
//! and parties fit and how tall their rows are, and so how their words are set.

use crate::i18n::Lang;
use crate::model::Party;
use crate::share::text::{fit, whole};
use crate::state::derived::Derived;

/// The card's size in pixels: the 1.91 : 1 of link previews.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
pub(super) const MARGIN: u32 = 40;
pub(super) const RIGHT: u32 = WIDTH - MARGIN;
/// The status column: as wide as its longest word needs, within these.
pub(super) const MIN_STATUS: u32 = 120;
pub(super) const MAX_STATUS: u32 = 260;
pub(super) const ONE_LINE_STATUS: u32 = 200;
/// The issue column's width when the parties leave it room, and the least it gets.
pub(super) const ISSUE_COLUMN: u32 = 330;
pub(super) const MIN_ISSUE_COLUMN: u32 = 250;
/// A party's column: wide enough for "Ambivalent" on one line, and no wider than a name needs.
pub(super) const MIN_PARTY: u32 = 100;
pub(super) const MAX_PARTY: u32 = 150;
/// The column saying "+3" when more parties than fit are left out.
pub(super) const MORE_COLUMN: u32 = 56;
/// Row heights: from `ROOMY_ROW`, titles, words and statuses take two lines; below, one.
pub(super) const MIN_ROW: u32 = 30;
pub(super) const ROOMY_ROW: u32 = 36;
pub(super) const MAX_ROW: u32 = 48;
/// The line under the rows saying how many issues are left out.
pub(super) const NOTE: u32 = 24;
/// The baseline of the key and the source line.
pub(super) const FOOTER: u32 = HEIGHT - 24;

/// A party's column head: its name on one or two lines, else its short label.
pub(super) fn party_head(party: &Party, width: u32) -> Vec<String> {
    let name = fit(&party.name, width, 13, 2, true);
    if whole(&party.name, &name) {
        name
    } else {
        fit(party.label(), width, 13, 2, true)
    }
}

/// The first baseline of `lines` lines of `size` px text, `line` apart, centred in a box from
/// `top`, `height` tall.
pub(super) fn centred(top: u32, height: u32, lines: usize, size: u32, line: u32) -> u32 {
    // A capital stands about 0.72 em above the baseline.
    let cap = size * 72 / 100;
    let block = (lines.max(1) as u32 - 1) * line + cap;
    top + height.saturating_sub(block) / 2 + cap
}

/// Where everything goes: worked out before anything is drawn, since the rows' height decides
/// whether words take one line or two, and that the status column's width.
pub(super) struct Layout {
    /// The title's lines, its size and line height.
    pub(super) title: (Vec<String>, u32, u32),
    /// The baseline of the "as of" line.
    pub(super) date_y: u32,
    /// The header row's top and height.
    pub(super) header: (u32, u32),
    pub(super) issue_width: u32,
    pub(super) party_width: u32,
    pub(super) status_width: u32,
    /// How many parties and issues are shown (the first ones).
    pub(super) parties: usize,
    pub(super) rows: usize,
    pub(super) row: u32,
    /// Lines of text a row holds: 2 from `ROOMY_ROW`, else 1.
    pub(super) lines: usize,
}

/// How text is set in a row: at most `lines` lines of `size` px, `line` apart.
#[derive(Clone, Copy)]
pub(super) struct Setting {
    pub(super) lines: usize,
    pub(super) size: u32,
    pub(super) line: u32,
}

impl Layout {
    /// How the issue's title and the words in the cells are set: smaller when two lines must
    /// share a short row.
    pub(super) fn settings(&self) -> (Setting, Setting) {
        let set = |size, line| Setting {
            lines: self.lines,
            size,
            line,
        };
        match (self.lines, self.row) {
            (2, 42..) => (set(14, 16), set(13, 15)),
            (2, _) => (set(13, 15), set(12, 14)),
            _ => (set(13, 15), set(12, 14)),
        }
    }

    /// The layout of `view`, the statuses' words on at most `status_lines` lines.
    pub(super) fn of(view: &Derived, lang: Lang, status_lines: usize) -> Layout {
        let ds = &view.data.dataset;
        // The title on one line at 30 px, else on two at 26 px.
        let one = fit(ds.title(), RIGHT - MARGIN, 30, 1, true);
        let title = if whole(ds.title(), &one) {
            (one, 30, 36)
        } else {
            (fit(ds.title(), RIGHT - MARGIN, 26, 2, true), 26, 31)
        };
        let date_y = 56 + (title.0.len() as u32 - 1) * title.2 + 30;
        let top = date_y + 16;

        // The statuses on one line where that takes no more than `ONE_LINE_STATUS`.
        let status_in = |lines: usize| {
            (MIN_STATUS..=MAX_STATUS).step_by(10).find(|&w| {
                view.rows.iter().all(|&i| {
                    let words = lang.t(view.analyses[i].status.msg());
                    whole(words, &fit(words, w - 18, 13, lines, true))
                })
            })
        };
        let status_width = status_in(1)
            .filter(|&w| w <= ONE_LINE_STATUS || status_lines == 1)
            .or_else(|| status_in(status_lines))
            .unwrap_or(MAX_STATUS);
        let room = RIGHT - MARGIN - status_width;
        let n = view.parties.len() as u32;
        let (issue_width, party_width, parties) =
            match room.saturating_sub(ISSUE_COLUMN).checked_div(n) {
                None => (room, 0, 0),
                Some(party) => {
                    let party = party.clamp(MIN_PARTY, MAX_PARTY);
                    if MIN_ISSUE_COLUMN + n * party <= room {
                        (room - n * party, party, view.parties.len())
                    } else {
                        // The first parties, and "+3" for the others.
                        let shown = ((room - MIN_ISSUE_COLUMN - MORE_COLUMN) / MIN_PARTY).max(1);
                        let issue = room - MORE_COLUMN - shown * MIN_PARTY;
                        (issue, MIN_PARTY, shown as usize)
                    }
                }
            };
        let head_lines = view.parties[..parties]
            .iter()
            .map(|&p| party_head(&ds.parties()[p], party_width - 12).len())
            .max()
            .unwrap_or(1);
        let header = head_lines as u32 * 15 + 12;

        // As many rows as fit above the footer, each `MIN_ROW` to `MAX_ROW` tall.
        let room = (FOOTER - 13 - 14).saturating_sub(top + header);
        let total = view.rows.len();
        let (rows, room) = if total as u32 * MIN_ROW <= room {
            (total, room)
        } else {
            let room = room.saturating_sub(NOTE);
            ((room / MIN_ROW) as usize, room)
        };
        let row = (room / rows.max(1) as u32).min(MAX_ROW);
        Layout {
            title,
            date_y,
            header: (top, header),
            issue_width,
            party_width,
            status_width,
            parties,
            rows,
            row,
            lines: if row >= ROOMY_ROW { 2 } else { 1 },
        }
    }
}
