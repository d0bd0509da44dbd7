//! Agreement analysis: the stance scale, each issue's status over the visible parties, common
//! ground, a contention score for sorting, and party-against-party agreement. Pure functions of
//! a `Dataset`; the definitions are written out for journalists in `docs/analysis.md`.

pub mod history;

use crate::model::{Dataset, Position, Stance};

/// Which side of an issue a stance is on; ambivalent is on neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    For,
    Against,
}

/// supports +2, open +1, ambivalent 0, sceptical −1, opposes −2. "Not stated" has no score.
pub fn score(stance: Stance) -> i8 {
    match stance {
        Stance::Supports => 2,
        Stance::Open => 1,
        Stance::Ambivalent => 0,
        Stance::Sceptical => -1,
        Stance::Opposes => -2,
    }
}

pub fn side(stance: Stance) -> Option<Side> {
    match score(stance) {
        s if s > 0 => Some(Side::For),
        s if s < 0 => Some(Side::Against),
        _ => None,
    }
}

/// Whether `a`'s red line is crossed by `b` standing on the other side, or the reverse.
pub fn red_line_crossed(a: &Position, b: &Position) -> bool {
    let crosses = |holder: &Position, other: &Position| {
        holder.red_line
            && side(holder.stance).is_some()
            && side(other.stance).is_some()
            && side(holder.stance) != side(other.stance)
    };
    crosses(a, b) || crosses(b, a)
}

/// An issue's status among the visible parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IssueStatus {
    /// One party's red line is on one side and another party stands on the other.
    RedLineClash,
    /// Parties stand on both sides; no red line is crossed.
    Conflict,
    /// At least two parties on one side and none on the other.
    Agreement,
    /// Fewer than two parties on a side, nobody on the other: not enough to say.
    Unclear,
}

impl IssueStatus {
    pub const ALL: [IssueStatus; 4] = [
        Self::RedLineClash,
        Self::Conflict,
        Self::Agreement,
        Self::Unclear,
    ];

    /// A stable name for CSS classes and test ids.
    pub fn name(self) -> &'static str {
        ["red-line-clash", "conflict", "agreement", "unclear"][self as usize]
    }
}

/// What the analysis says about one issue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IssueAnalysis {
    pub status: IssueStatus,
    /// Every stated party supports or is open, and at least two are stated.
    pub common_ground: bool,
    /// Mean distance on the −2…+2 scale over all pairs of stated parties (0–4), plus 1 when a
    /// red line is crossed; 0 with fewer than two stated.
    pub contention: f32,
    /// Visible parties with a current position.
    pub stated: usize,
    /// A visible party's current position on this issue is a red line.
    pub red_line: bool,
}

/// Analyses one issue over the parties whose `visible` flag is set.
pub fn analyse_issue(dataset: &Dataset, issue: usize, visible: &[bool]) -> IssueAnalysis {
    // Over the stated cells only: a row of 500 parties with two positions costs two.
    let current: Vec<&Position> = dataset
        .stated(issue)
        .filter(|p| visible.get(p.party).copied().unwrap_or(true))
        .collect();
    let count = |s: Side| current.iter().filter(|p| side(p.stance) == Some(s)).count();
    let (for_count, against_count) = (count(Side::For), count(Side::Against));
    let clash = current
        .iter()
        .enumerate()
        .any(|(i, a)| current[i + 1..].iter().any(|b| red_line_crossed(a, b)));
    let status = if clash {
        IssueStatus::RedLineClash
    } else if for_count > 0 && against_count > 0 {
        IssueStatus::Conflict
    } else if for_count + against_count >= 2 {
        IssueStatus::Agreement
    } else {
        IssueStatus::Unclear
    };
    let mut distance_sum = 0u32;
    for (i, a) in current.iter().enumerate() {
        for b in &current[i + 1..] {
            distance_sum += u32::from(score(a.stance).abs_diff(score(b.stance)));
        }
    }
    let pairs = current.len() * current.len().saturating_sub(1) / 2;
    let spread = if pairs == 0 {
        0.0
    } else {
        distance_sum as f32 / pairs as f32
    };
    IssueAnalysis {
        status,
        common_ground: current.len() >= 2 && for_count == current.len(),
        contention: spread + if clash { 1.0 } else { 0.0 },
        stated: current.len(),
        red_line: current.iter().any(|p| p.red_line),
    }
}

/// Every issue analysed over the visible parties, in dataset order.
pub fn analyse(dataset: &Dataset, visible: &[bool]) -> Vec<IssueAnalysis> {
    (0..dataset.issues().len())
        .map(|i| analyse_issue(dataset, i, visible))
        .collect()
}

/// How many of the given issues have each status, and how many are common ground.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub red_line_clash: usize,
    pub conflict: usize,
    pub agreement: usize,
    pub unclear: usize,
    pub common_ground: usize,
}

impl Totals {
    pub fn count<'a>(analyses: impl IntoIterator<Item = &'a IssueAnalysis>) -> Totals {
        let mut t = Totals::default();
        for a in analyses {
            match a.status {
                IssueStatus::RedLineClash => t.red_line_clash += 1,
                IssueStatus::Conflict => t.conflict += 1,
                IssueStatus::Agreement => t.agreement += 1,
                IssueStatus::Unclear => t.unclear += 1,
            }
            t.common_ground += usize::from(a.common_ground);
        }
        t
    }
}

mod pairs;
pub use pairs::{pair_relation, PairRelation, PairScore, PairTable};
