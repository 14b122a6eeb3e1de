//! Where a point's label goes on a chart: pixel geometry only. A label is
//! tried right, left, above and below its point, then on the diagonals, and
//! takes the first spot that stays inside the plot, covers no dot, no
//! earlier label and no leader line, and has no other dot as close as its
//! own (which would read as that dot's label); failing that, the same
//! positions further out, with a leader line back to the point.

use std::collections::HashSet;

/// A pixel rectangle (x0, y0, x1, y1).
pub type PxRect = (i32, i32, i32, i32);

/// Pixels the white box behind a label reaches beyond its text, left and
/// right (`halo_label` in the chart style draws it): the box, not the text, is
/// what must not cover a dot.
pub const HALO: i32 = 2;

/// Side of the square cells the occupied boxes are filed under, so that a
/// chart of many thousands of dots checks only the boxes near a label.
const CELL: i32 = 24;

/// Occupied boxes, filed by the grid cells they touch.
struct Boxes {
    origin: (i32, i32),
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<PxRect>,
    seen: HashSet<PxRect>,
}

/// Squared distance from the pixel `p` to the rectangle `r` (0 inside).
fn dist2(p: (i32, i32), r: PxRect) -> i64 {
    let dx = (r.0 - p.0).max(p.0 - r.2).max(0) as i64;
    let dy = (r.1 - p.1).max(p.1 - r.3).max(0) as i64;
    dx * dx + dy * dy
}

/// Whether two rectangles share more than an edge.
fn overlap(a: PxRect, b: PxRect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

impl Boxes {
    fn new(bounds: PxRect) -> Self {
        let cols = ((bounds.2 - bounds.0).max(1) / CELL + 1) as usize;
        let rows = ((bounds.3 - bounds.1).max(1) / CELL + 1) as usize;
        Boxes {
            origin: (bounds.0, bounds.1),
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
            seen: HashSet::new(),
        }
    }

    /// The cells `r` touches (boxes beyond the grid go to its edge cells).
    fn cells_of(&self, r: PxRect) -> impl Iterator<Item = usize> + '_ {
        let cx = |x: i32| ((x - self.origin.0).div_euclid(CELL)).clamp(0, self.cols as i32 - 1);
        let cy = |y: i32| ((y - self.origin.1).div_euclid(CELL)).clamp(0, self.rows as i32 - 1);
        let (x0, x1, y0, y1) = (cx(r.0), cx(r.2), cy(r.1), cy(r.3));
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y as usize * self.cols + x as usize))
    }

    fn insert(&mut self, r: PxRect) {
        // Dots at one pixel position (common in a dense cloud) are one box.
        if !self.seen.insert(r) {
            return;
        }
        let id = self.rects.len() as u32;
        self.rects.push(r);
        let cells: Vec<usize> = self.cells_of(r).collect();
        for c in cells {
            self.cells[c].push(id);
        }
    }

    /// The boxes `r` overlaps, each once, in the order they were added.
    fn hits(&self, r: PxRect) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .cells_of(r)
            .flat_map(|c| self.cells[c].iter().copied())
            .filter(|&i| overlap(self.rects[i as usize], r))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    fn any_hit(&self, r: PxRect) -> bool {
        self.cells_of(r).any(|c| {
            self.cells[c]
                .iter()
                .any(|&i| overlap(self.rects[i as usize], r))
        })
    }

    /// Whether the centre of a box other than one centred on `own` lies
    /// within `d2` (squared distance) of the rectangle `r`.
    fn centre_within(&self, r: PxRect, d2: i64, own: (i32, i32)) -> bool {
        let reach = (d2 as f64).sqrt().ceil() as i32 + 1;
        let area = (r.0 - reach, r.1 - reach, r.2 + reach, r.3 + reach);
        self.cells_of(area).any(|c| {
            self.cells[c].iter().any(|&i| {
                let b = self.rects[i as usize];
                let q = ((b.0 + b.2) / 2, (b.1 + b.3) / 2);
                q != own && dist2(q, r) <= d2
            })
        })
    }

    /// Whether the pixel `(x, y)` lies strictly inside a box.
    fn covers(&self, x: i32, y: i32) -> bool {
        self.cells_of((x, y, x, y)).any(|c| {
            self.cells[c].iter().any(|&i| {
                let b = self.rects[i as usize];
                x > b.0 && x < b.2 && y > b.1 && y < b.3
            })
        })
    }
}

/// Greedy label placer: accepts a label only where its box overlaps no box
/// already taken (a dot, a label, a leader line) and lies inside the bounds,
/// so labels never hide dots or pile up.
pub struct Labeler {
    bounds: PxRect,
    taken: Boxes,
    /// The dots alone (also in `taken`), for the nearest-dot rule.
    dots: Boxes,
    /// The labels alone (also in `taken`), which a leader laid across dots
    /// must still not run through.
    labels: Boxes,
    /// Leader lines drawn so far (dot to label), which no other may cross.
    leaders: Vec<Segment>,
}

/// A line from one pixel to another.
type Segment = ((i32, i32), (i32, i32));

/// Which side of the line `a`-`b` the pixel `c` is on (0 = on it).
fn side(a: (i32, i32), b: (i32, i32), c: (i32, i32)) -> i64 {
    let v = (b.0 - a.0) as i64 * (c.1 - a.1) as i64 - (b.1 - a.1) as i64 * (c.0 - a.0) as i64;
    v.signum()
}

/// Whether two segments meet (touching counts).
fn cross((a, b): Segment, (c, d): Segment) -> bool {
    let within = |p: (i32, i32), q: (i32, i32), r: (i32, i32)| {
        r.0 >= p.0.min(q.0) && r.0 <= p.0.max(q.0) && r.1 >= p.1.min(q.1) && r.1 <= p.1.max(q.1)
    };
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    if d1 * d2 < 0 && d3 * d4 < 0 {
        return true;
    }
    (d1 == 0 && within(c, d, a))
        || (d2 == 0 && within(c, d, b))
        || (d3 == 0 && within(a, b, c))
        || (d4 == 0 && within(a, b, d))
}

/// The leader from `p` to the nearest point of the label box `rect`.
fn leader_of(p: (i32, i32), rect: PxRect) -> Segment {
    (p, (p.0.clamp(rect.0, rect.2), p.1.clamp(rect.1, rect.3)))
}

/// How [`Labeler::nearest_free`] searches the plot.
#[derive(Debug, Clone, Copy)]
pub struct Search {
    /// Grid step of the label corners tried, in pixels.
    pub step: i32,
    /// Whether the leader may cross earlier leaders: a last resort, for a
    /// label that would otherwise not be shown at all.
    pub cross_leaders: bool,
}

/// Where a label went: its text's top-left corner and whether it was moved
/// away from its point (it then needs a leader line, `leader` in the chart style).
pub type Spot = ((i32, i32), bool);

impl Labeler {
    /// A placer confined to `bounds`.
    pub fn new(bounds: PxRect) -> Self {
        Labeler {
            bounds,
            taken: Boxes::new(bounds),
            dots: Boxes::new(bounds),
            labels: Boxes::new(bounds),
            leaders: Vec::new(),
        }
    }

    /// Marks a rectangle (a note, a marker that labels may not cover) as occupied.
    pub fn block(&mut self, r: PxRect) {
        self.taken.insert(r);
    }

    /// A dot of radius `r` at `c`: occupied, and a label next to another
    /// point must not sit as close to this dot as to its own.
    pub fn dot(&mut self, c: (i32, i32), r: i32) {
        let b = (c.0 - r, c.1 - r, c.0 + r, c.1 + r);
        self.taken.insert(b);
        self.dots.insert(b);
    }

    /// Whether a label box next to `p` (not displaced) is nearer to `p`
    /// than to any other dot, so it cannot be read as another dot's label.
    fn nearest_is_own(&self, p: (i32, i32), rect: PxRect) -> bool {
        !self.dots.centre_within(rect, dist2(p, rect), p)
    }

    /// The box a `w` x `h` label with its text's top-left at `(x, y)` covers.
    fn label_box((x, y): (i32, i32), w: i32, h: i32) -> PxRect {
        (x - HALO, y, x + w + HALO, y + h)
    }

    fn inside(&self, r: PxRect) -> bool {
        let b = self.bounds;
        r.0 >= b.0 && r.1 >= b.1 && r.2 <= b.2 && r.3 <= b.3
    }

    fn free(&self, r: PxRect) -> bool {
        self.inside(r) && !self.taken.any_hit(r)
    }

    /// Top-left corners of the text around `p` at distance `gap`: right,
    /// left, above, below, then the diagonals.
    fn around(p: (i32, i32), gap: i32, w: i32, h: i32) -> [(i32, i32); 8] {
        [
            (p.0 + gap, p.1 - h / 2),
            (p.0 - gap - w, p.1 - h / 2),
            (p.0 - w / 2, p.1 - gap - h),
            (p.0 - w / 2, p.1 + gap),
            (p.0 + gap, p.1 - gap - h),
            (p.0 + gap, p.1 + gap),
            (p.0 - gap - w, p.1 - gap - h),
            (p.0 - gap - w, p.1 + gap),
        ]
    }

    /// The candidate spots for a label of point `p` (marker radius `r`): next
    /// to it, then on rings `steps` further out (displaced).
    fn candidates(
        p: (i32, i32),
        r: i32,
        w: i32,
        h: i32,
        steps: &[i32],
    ) -> impl Iterator<Item = Spot> {
        let rings: Vec<(i32, bool)> = std::iter::once((0, false))
            .chain(steps.iter().map(|&s| (s, true)))
            .collect();
        rings.into_iter().flat_map(move |(step, displaced)| {
            Self::around(p, r + 3 + step, w, h)
                .into_iter()
                .map(move |at| (at, displaced))
        })
    }

    /// Takes the spot: its box, and a displaced label's leader line.
    fn take(&mut self, p: (i32, i32), r: i32, (at, displaced): Spot, w: i32, h: i32) -> Spot {
        let rect = Self::label_box(at, w, h);
        self.taken.insert(rect);
        self.labels.insert(rect);
        if displaced {
            self.block_leader(p, r, rect);
        }
        (at, displaced)
    }

    /// The first free spot among `steps` rings whose leader (if any) is clear.
    fn first_free(&mut self, p: (i32, i32), r: i32, w: i32, h: i32, steps: &[i32]) -> Option<Spot> {
        let spot = Self::candidates(p, r, w, h, steps).find(|&(at, displaced)| {
            let rect = Self::label_box(at, w, h);
            self.free(rect)
                && if displaced {
                    self.leader_clear(p, r, rect)
                } else {
                    self.nearest_is_own(p, rect)
                }
        })?;
        Some(self.take(p, r, spot, w, h))
    }

    /// Marks the path of a leader as occupied (small boxes along it), so a
    /// later label cannot be laid over it.
    fn block_leader(&mut self, p: (i32, i32), r: i32, rect: PxRect) {
        for (x, y) in leader_points(p, r, rect, 4.0) {
            self.taken.insert((x - 2, y - 2, x + 2, y + 2));
        }
        self.leaders.push(leader_of(p, rect));
    }

    /// Whether a leader from `p` to the label `rect` stays clear of every
    /// occupied box except the point's own marker and crosses no other
    /// leader (so it cannot seem to point at another dot, run through
    /// another label or be mistaken for another label's line).
    fn leader_clear(&self, p: (i32, i32), r: i32, rect: PxRect) -> bool {
        let line = leader_of(p, rect);
        !self.leaders.iter().any(|&l| cross(l, line))
            && leader_points(p, r, rect, 2.0).all(|(x, y)| !self.taken.covers(x, y))
    }

    /// A spot for the label of point `p` (marker radius `r`), `w` x `h`:
    /// next to it (right, left, above, below, then the diagonals), else on
    /// rings further out (two and four line heights). Returns
    /// the top-left corner and whether the label was displaced: a displaced
    /// label needs a leader line (`leader` in the chart style) to show whose it is.
    pub fn place_near(&mut self, p: (i32, i32), r: i32, w: i32, h: i32) -> Option<Spot> {
        self.first_free(p, r, w, h, &[2 * h, 4 * h])
    }

    /// A spot for a label that must be shown (an article the report names):
    /// the first free one out to four line heights away; when none is free,
    /// the spot inside the plot that covers the fewest boxes (nearest first
    /// on ties), so it hides as little as possible and never leaves the plot.
    pub fn place_anyway(&mut self, p: (i32, i32), r: i32, w: i32, h: i32) -> Spot {
        let steps = [2 * h, 4 * h, 6 * h, 8 * h];
        if let Some(spot) = self.first_free(p, r, w, h, &steps) {
            return spot;
        }
        let best = Self::candidates(p, r, w, h, &steps)
            .filter(|&(at, _)| self.inside(Self::label_box(at, w, h)))
            .min_by_key(|&(at, _)| self.taken.hits(Self::label_box(at, w, h)).len());
        let spot = best.unwrap_or_else(|| {
            // Wider than the plot: pinned to its left edge, next to the point.
            let b = self.bounds;
            let x = (p.0 + r + 3).min(b.2 - HALO - w).max(b.0 + HALO);
            let y = (p.1 - h / 2).clamp(b.1, (b.3 - h).max(b.1));
            ((x, y), false)
        });
        self.take(p, r, spot, w, h)
    }

    /// The free spot anywhere in the plot nearest to point `p` (marker
    /// radius `r`) for a `w` x `h` label that must not cover any dot even
    /// where `p` sits deep inside a dense cloud: top-left corners on a grid
    /// of `step` pixels, nearest first, the first whose box is free and whose
    /// leader runs through no label and (unless `how` allows it) crosses no
    /// other leader. The leader may cross dots: a thin line hides far less
    /// than a label would. Returns the squared distance from `p` to the box
    /// and the corner.
    pub fn nearest_free(
        &self,
        p: (i32, i32),
        r: i32,
        w: i32,
        h: i32,
        how: Search,
    ) -> Option<(i64, (i32, i32))> {
        let b = self.bounds;
        let step = how.step.max(1) as usize;
        let mut spots: Vec<(i64, (i32, i32))> = (b.1..=b.3 - h)
            .step_by(step)
            .flat_map(|y| {
                (b.0 + HALO..=b.2 - HALO - w)
                    .step_by(step)
                    .map(move |x| (x, y))
            })
            .map(|at| (dist2(p, Self::label_box(at, w, h)), at))
            .collect();
        spots.sort_unstable();
        spots.into_iter().find(|&(_, at)| {
            let rect = Self::label_box(at, w, h);
            self.free(rect) && self.leader_over_dots_clear(p, r, rect, how.cross_leaders)
        })
    }

    /// Takes the spot [`Labeler::nearest_free`] finds: always displaced (drawn
    /// with a leader); `None` when no spot is free.
    pub fn place_free(
        &mut self,
        p: (i32, i32),
        r: i32,
        w: i32,
        h: i32,
        how: Search,
    ) -> Option<Spot> {
        let (_, at) = self.nearest_free(p, r, w, h, how)?;
        Some(self.take(p, r, (at, true), w, h))
    }

    /// Whether a leader from `p` to `rect` runs through no label and, unless
    /// `may_cross`, crosses no other leader (dots it may cross).
    fn leader_over_dots_clear(&self, p: (i32, i32), r: i32, rect: PxRect, may_cross: bool) -> bool {
        let line = leader_of(p, rect);
        (may_cross || !self.leaders.iter().any(|&l| cross(l, line)))
            && leader_points(p, r, rect, 2.0).all(|(x, y)| !self.labels.covers(x, y))
    }
}

/// Points along the leader from `p` to the nearest point of `rect`, every
/// `step` pixels, leaving out the marker of radius `r` (and a small gap).
fn leader_points(
    p: (i32, i32),
    r: i32,
    rect: PxRect,
    step: f64,
) -> impl Iterator<Item = (i32, i32)> {
    let t = (p.0.clamp(rect.0, rect.2), p.1.clamp(rect.1, rect.3));
    let (dx, dy) = ((t.0 - p.0) as f64, (t.1 - p.1) as f64);
    let len = (dx * dx + dy * dy).sqrt();
    let steps = (len / step).ceil().max(1.0) as i32;
    (0..=steps).filter_map(move |k| {
        let f = k as f64 / steps as f64;
        (f * len > (r + 4) as f64)
            .then(|| (p.0 + (dx * f).round() as i32, p.1 + (dy * f).round() as i32))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};

    const BOUNDS: PxRect = (0, 0, 400, 300);
    const R: i32 = 4;

    fn dot((x, y): (i32, i32)) -> PxRect {
        (x - R, y - R, x + R, y + R)
    }

    /// A spot right next to `p`, if one is free.
    fn place(lab: &mut Labeler, p: (i32, i32), w: i32, h: i32) -> Option<(i32, i32)> {
        lab.first_free(p, R, w, h, &[]).map(|(at, _)| at)
    }

    #[test]
    fn a_label_goes_right_of_its_dot_when_free() {
        let mut lab = Labeler::new(BOUNDS);
        lab.dot((100, 100), R);
        assert_eq!(
            lab.place_near((100, 100), R, 60, 14),
            Some(((107, 93), false))
        );
    }

    #[test]
    fn a_label_never_covers_a_nearby_dot() {
        let mut lab = Labeler::new(BOUNDS);
        let (p, q) = ((100, 100), (130, 102));
        lab.dot(p, R);
        lab.dot(q, R);
        let ((x, y), displaced) = lab.place_near(p, R, 60, 14).unwrap();
        // Right is taken by the other dot: it goes left.
        assert_eq!(((x, y), displaced), ((100 - 7 - 60, 93), false));
        assert!(!overlap(Labeler::label_box((x, y), 60, 14), dot(q)));
    }

    #[test]
    fn a_label_is_never_nearer_another_dot_than_its_own() {
        let mut lab = Labeler::new(BOUNDS);
        let (p, q) = ((100, 100), (115, 112));
        lab.dot(p, R);
        lab.dot(q, R);
        // Right of p the box would clear q's dot but sit as close to q as
        // to p: it goes left instead.
        let right = Labeler::label_box((107, 93), 60, 14);
        assert!(lab.free(right));
        assert_eq!(place(&mut lab, p, 60, 14), Some((33, 93)));
    }

    #[test]
    fn labels_avoid_earlier_labels_and_the_edges() {
        let mut lab = Labeler::new(BOUNDS);
        let first = place(&mut lab, (100, 100), 60, 14).unwrap();
        // A second point just below would put its label over the first one.
        let second = place(&mut lab, (100, 104), 60, 14).unwrap();
        assert!(!overlap(
            Labeler::label_box(first, 60, 14),
            Labeler::label_box(second, 60, 14)
        ));
        // Near the right edge the label goes left, never out of the plot.
        let (x, _) = place(&mut lab, (390, 200), 60, 14).unwrap();
        assert_eq!(x, 390 - 7 - 60);
        // Wider than the plot: nowhere.
        assert_eq!(lab.place_near((200, 150), R, 500, 14), None);
    }

    /// Dots packed left and right of `p`, leaving a narrow gap above and
    /// below it.
    fn crowd(lab: &mut Labeler, p: (i32, i32)) {
        for side in [-1, 1] {
            for dx in (9..=150).step_by(8) {
                for dy in (-28..=28).step_by(8) {
                    lab.dot((p.0 + side * dx, p.1 + dy), R);
                }
            }
        }
    }

    #[test]
    fn a_crowded_point_gets_a_displaced_label_with_a_clear_leader() {
        let mut lab = Labeler::new(BOUNDS);
        let p = (200, 150);
        crowd(&mut lab, p);
        lab.dot(p, R);
        assert_eq!(place(&mut lab, p, 40, 12), None);
        let (at, displaced) = lab.place_near(p, R, 40, 12).unwrap();
        assert!(displaced);
        // Straight up, past the dots, its leader through the gap.
        assert_eq!(at, (180, 150 - 7 - 48 - 12));
        let rect = Labeler::label_box(at, 40, 12);
        let mut fresh = Labeler::new(BOUNDS);
        crowd(&mut fresh, p);
        assert!(fresh.free(rect) && fresh.leader_clear(p, R, rect));
        // Its leader is now taken: no later label lies over it.
        assert!(lab.taken.covers(200, 130));
    }

    #[test]
    fn leaders_never_cross() {
        assert!(cross(((0, 0), (10, 10)), ((0, 10), (10, 0))));
        assert!(cross(((0, 0), (10, 0)), ((10, 0), (20, 5))), "touching");
        assert!(!cross(((0, 0), (10, 0)), ((0, 2), (10, 2))));
        assert!(
            !cross(((0, 0), (4, 4)), ((6, 6), (9, 9))),
            "one line, apart"
        );
        let mut lab = Labeler::new(BOUNDS);
        // An earlier leader from (100, 100) down to a label at (140, 160).
        lab.block_leader((100, 100), R, (140, 160, 200, 172));
        // A leader from (100, 170) up to (140, 92) would cross it.
        assert!(!lab.leader_clear((100, 170), R, (140, 80, 200, 92)));
        assert!(lab.leader_clear((100, 170), R, (140, 190, 200, 202)));
    }

    #[test]
    fn a_named_label_is_placed_even_with_no_free_spot_and_hides_least() {
        let mut lab = Labeler::new(BOUNDS);
        // Dots everywhere except a lighter band on the left.
        for x in (0..=400).step_by(8) {
            for y in (0..=300).step_by(8) {
                if x >= 40 || y % 16 == 0 {
                    lab.dot((x, y), R);
                }
            }
        }
        let p = (60, 150);
        assert_eq!(lab.place_near(p, R, 30, 10), None);
        let (at, _) = lab.place_anyway(p, R, 30, 10);
        let rect = Labeler::label_box(at, 30, 10);
        assert!(lab.inside(rect));
        // No other candidate inside the plot would have covered fewer dots.
        let mut fresh = Labeler::new(BOUNDS);
        for x in (0..=400).step_by(8) {
            for y in (0..=300).step_by(8) {
                if x >= 40 || y % 16 == 0 {
                    fresh.dot((x, y), R);
                }
            }
        }
        let least = Labeler::candidates(p, R, 30, 10, &[20, 40, 60, 80])
            .map(|(a, _)| Labeler::label_box(a, 30, 10))
            .filter(|&b| fresh.inside(b))
            .map(|b| fresh.taken.hits(b).len())
            .min()
            .unwrap();
        assert_eq!(fresh.taken.hits(rect).len(), least);
        // Wider than the plot: pinned inside on the left.
        let ((x, _), _) = Labeler::new(BOUNDS).place_anyway((200, 150), R, 500, 10);
        assert_eq!(x, HALO);
    }

    /// Many random dots and labels: no placed label covers a dot, another
    /// label or a leader, and none leaves the plot.
    #[test]
    fn placed_labels_never_overlap_anything() {
        let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(3);
        let mut pick = |m: i32| (rng.next_u64() % m as u64) as i32;
        for _ in 0..20 {
            let dots: Vec<(i32, i32)> = (0..300).map(|_| (pick(400), pick(300))).collect();
            let mut lab = Labeler::new(BOUNDS);
            for &d in &dots {
                lab.dot(d, R);
            }
            let mut placed: Vec<PxRect> = Vec::new();
            let mut lines: Vec<Segment> = Vec::new();
            for &p in dots.iter().take(30) {
                let w = 20 + pick(60);
                if let Some((at, displaced)) = lab.place_near(p, R, w, 12) {
                    let rect = Labeler::label_box(at, w, 12);
                    assert!(lab.inside(rect));
                    assert!(dots.iter().all(|&d| !overlap(rect, dot(d))));
                    if displaced {
                        let line = leader_of(p, rect);
                        assert!(lines.iter().all(|&l| !cross(l, line)));
                        lines.push(line);
                    } else {
                        let own = dist2(p, rect);
                        assert!(dots.iter().all(|&d| d == p || dist2(d, rect) > own));
                    }
                    assert!(placed.iter().all(|&q| !overlap(rect, q)));
                    placed.push(rect);
                }
            }
            assert!(!placed.is_empty());
        }
    }

    const STRICT: Search = Search {
        step: 4,
        cross_leaders: false,
    };

    /// Points deep inside a dense cloud get a label in free room: no dot
    /// covered, leaders never crossing, no label over another's leader.
    #[test]
    fn a_label_inside_a_cloud_goes_to_free_room_with_a_leader() {
        let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(5);
        let mut pick = |m: i32| (rng.next_u64() % m as u64) as i32;
        let dots: Vec<(i32, i32)> = (0..3000)
            .map(|_| (60 + pick(280), 50 + pick(200)))
            .collect();
        let mut lab = Labeler::new(BOUNDS);
        for &d in &dots {
            lab.dot(d, R);
        }
        // Nothing free next to a point in the middle.
        assert_eq!(lab.place_near(dots[0], R, 50, 12), None);
        let mut placed: Vec<(PxRect, Segment)> = Vec::new();
        for &p in dots.iter().take(8) {
            let (at, displaced) = lab.place_free(p, R, 50, 12, STRICT).unwrap();
            assert!(displaced);
            let rect = Labeler::label_box(at, 50, 12);
            assert!(lab.inside(rect));
            assert!(dots.iter().all(|&d| !overlap(rect, dot(d))));
            let line = leader_of(p, rect);
            for &(q, l) in &placed {
                assert!(!overlap(rect, q) && !cross(l, line));
                assert!(leader_points(p, R, rect, 2.0)
                    .all(|(x, y)| !(x > q.0 && x < q.2 && y > q.1 && y < q.3)));
            }
            placed.push((rect, line));
        }
        // No room at all: none.
        let mut full = Labeler::new(BOUNDS);
        full.block(BOUNDS);
        assert_eq!(full.place_free((200, 150), R, 50, 12, STRICT), None);
    }

    #[test]
    fn the_grid_finds_what_a_scan_finds() {
        let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(9);
        let mut pick = |m: i32| (rng.next_u64() % m as u64) as i32 - 20;
        let mut boxes = Boxes::new(BOUNDS);
        let mut all = Vec::new();
        for _ in 0..500 {
            let (x, y) = (pick(440), pick(340));
            let r = (x, y, x + pick(60) + 21, y + pick(30) + 21);
            boxes.insert(r);
            if !all.contains(&r) {
                all.push(r);
            }
        }
        boxes.insert(all[0]);
        assert_eq!(boxes.rects.len(), all.len(), "a repeated box is kept once");
        for _ in 0..500 {
            let (x, y) = (pick(440), pick(340));
            let q = (x, y, x + pick(80) + 21, y + pick(40) + 21);
            let scan: Vec<u32> = (0..all.len() as u32)
                .filter(|&i| overlap(all[i as usize], q))
                .collect();
            assert_eq!(boxes.hits(q), scan);
            assert_eq!(boxes.any_hit(q), !scan.is_empty());
            let inside = all.iter().any(|b| x > b.0 && x < b.2 && y > b.1 && y < b.3);
            assert_eq!(boxes.covers(x, y), inside);
        }
    }
}
