//! Agreement analysis: the stance scale, each issue's status over the visible parties, common
//! ground, a contention score for sorting, and party-against-party agreement. Pure functions of
//! a `Dataset`; the definitions are written out for journalists in `docs/analysis.md`.

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
        holder.red_line && side(holder.stance).is_some() && side(other.stance).is_some() && side(holder.stance) != side(other.stance)
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
    pub const ALL: [IssueStatus; 4] = [Self::RedLineClash, Self::Conflict, Self::Agreement, Self::Unclear];

    pub fn label(self) -> &'static str {
        ["Red-line clash", "Conflict", "Agreement", "Unclear"][self as usize]
    }

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
    let current: Vec<&Position> = dataset.stated(issue).filter(|p| visible.get(p.party).copied().unwrap_or(true)).collect();
    let count = |s: Side| current.iter().filter(|p| side(p.stance) == Some(s)).count();
    let (for_count, against_count) = (count(Side::For), count(Side::Against));
    let clash = current.iter().enumerate().any(|(i, a)| current[i + 1..].iter().any(|b| red_line_crossed(a, b)));
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
    let spread = if pairs == 0 { 0.0 } else { distance_sum as f32 / pairs as f32 };
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
    (0..dataset.issues().len()).map(|i| analyse_issue(dataset, i, visible)).collect()
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

/// How two parties relate on one issue both have stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairRelation {
    /// Same side, or both ambivalent.
    Agree,
    /// Different sides, or one ambivalent, with no red line crossed.
    Differ,
    /// One's red line is crossed by the other.
    Clash,
}

/// The relation of parties `a` and `b` on `issue`, or `None` unless both have stated.
pub fn pair_relation(dataset: &Dataset, issue: usize, a: usize, b: usize) -> Option<PairRelation> {
    Some(relation(dataset.current(issue, a)?, dataset.current(issue, b)?))
}

/// Party against party over the whole dataset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairScore {
    /// Issues both parties have stated.
    pub joint: usize,
    /// Of those, issues where they stand on the same side.
    pub same_side: usize,
    /// Of those, issues where one's red line is crossed by the other.
    pub red_line_clashes: usize,
}

impl PairScore {
    /// Share of jointly stated issues on the same side (0–1); `None` when none are joint.
    pub fn share(&self) -> Option<f64> {
        (self.joint > 0).then(|| self.same_side as f64 / self.joint as f64)
    }

    /// The share as a whole percentage, rounded half up; `None` when none are joint.
    pub fn percent(&self) -> Option<usize> {
        (self.joint > 0).then(|| (self.same_side * 100 + self.joint / 2) / self.joint)
    }
}

/// The relation of two current positions (of different parties on one issue).
fn relation(pa: &Position, pb: &Position) -> PairRelation {
    if red_line_crossed(pa, pb) {
        PairRelation::Clash
    } else if side(pa.stance) == side(pb.stance) {
        PairRelation::Agree
    } else {
        PairRelation::Differ
    }
}

/// Party against party over the whole dataset, each unordered pair computed once from the
/// stated cells only: the work is the sum over issues of (stated parties)², never parties² ×
/// issues. Computed once per dataset (it does not depend on the view).
#[derive(Debug, Clone, PartialEq)]
pub struct PairTable {
    parties: usize,
    /// Upper triangle, row by row: (0,1), (0,2), …, (1,2), …
    scores: Vec<PairScore>,
}

impl PairTable {
    pub fn new(dataset: &Dataset) -> PairTable {
        let n = dataset.parties().len();
        let mut table = PairTable { parties: n, scores: vec![PairScore::default(); n * n.saturating_sub(1) / 2] };
        let mut stated: Vec<&Position> = Vec::new();
        for issue in 0..dataset.issues().len() {
            stated.clear();
            stated.extend(dataset.stated(issue));
            // `stated` is in party order, so `a.party < b.party` for every pair below.
            for (i, a) in stated.iter().enumerate() {
                for b in &stated[i + 1..] {
                    let score = &mut table.scores[Self::slot(n, a.party, b.party)];
                    score.joint += 1;
                    match relation(a, b) {
                        PairRelation::Agree => score.same_side += 1,
                        PairRelation::Clash => score.red_line_clashes += 1,
                        PairRelation::Differ => {}
                    }
                }
            }
        }
        table
    }

    /// Where the pair `a < b` sits in the upper triangle of `n` parties.
    fn slot(n: usize, a: usize, b: usize) -> usize {
        a * (2 * n - a - 1) / 2 + (b - a - 1)
    }

    /// The score of parties `a` and `b`, in either order; `None` for a party with itself or an
    /// index out of range.
    pub fn get(&self, a: usize, b: usize) -> Option<PairScore> {
        let (a, b) = (a.min(b), a.max(b));
        (a != b && b < self.parties).then(|| self.scores[Self::slot(self.parties, a, b)])
    }

    /// The `limit` pairs `(a, b, score)`, `a < b`, with the most agreement: highest share
    /// first, pairs with nothing stated jointly last, ties by more joint issues, then in party
    /// order. Keeps only `limit` pairs while it looks (500 parties make 124,750 pairs).
    pub fn top(&self, limit: usize) -> Vec<(usize, usize, PairScore)> {
        let n = self.parties;
        let mut best: Vec<(usize, usize, PairScore)> = Vec::with_capacity(limit.min(self.scores.len()) + 1);
        for (a, b) in (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))) {
            let pair = (a, b, self.scores[Self::slot(n, a, b)]);
            let at = best.partition_point(|x| Self::rank(x, &pair).is_le());
            if at < limit {
                best.insert(at, pair);
                best.truncate(limit);
            }
        }
        best
    }

    /// The order of `top`. Shares are compared as fractions, so no float rounding decides.
    fn rank(x: &(usize, usize, PairScore), y: &(usize, usize, PairScore)) -> std::cmp::Ordering {
        let (sx, sy) = (x.2, y.2);
        let by_share = (sy.same_side * sx.joint).cmp(&(sx.same_side * sy.joint));
        (sy.joint > 0).cmp(&(sx.joint > 0)).then(by_share).then(sy.joint.cmp(&sx.joint)).then((x.0, x.1).cmp(&(y.0, y.1)))
    }

    /// How many pairs there are.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }
}
