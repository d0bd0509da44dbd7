//! Party against party: how two parties relate on an issue, and the table of every pair over
//! the whole dataset, computed once from the stated cells.

use super::{red_line_crossed, side};
use crate::model::{Dataset, Position};

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
    Some(relation(
        dataset.current(issue, a)?,
        dataset.current(issue, b)?,
    ))
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
        let mut table = PairTable {
            parties: n,
            scores: vec![PairScore::default(); n * n.saturating_sub(1) / 2],
        };
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
        let mut best: Vec<(usize, usize, PairScore)> =
            Vec::with_capacity(limit.min(self.scores.len()) + 1);
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
        (sy.joint > 0)
            .cmp(&(sx.joint > 0))
            .then(by_share)
            .then(sy.joint.cmp(&sx.joint))
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    }

    /// How many pairs there are.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }
}
