//! Rows within each lane, assigned once at full view so that zooming never
//! reshuffles them: first fit, keeping room for a label beside a bar when
//! there is some, and at most [`MAX_ROWS`] a lane (the last one shared, the
//! lane's dense row).

use super::labels::Texts;
use super::scale::TimeScale;
use super::{LABEL_PAD, MARKER_R, MAX_ROWS, MIN_BAR_W, ROW_GAP};
use crate::model::Timeline;
use crate::order::by_keys;
use crate::time::Instant;
use crate::words::times::TimeWords;

/// Rows per lane, computed at full view so that zooming never reshuffles them.
#[derive(Default)]
pub(super) struct Rows {
    pub(super) row_of: Vec<usize>,
    pub(super) per_lane: Vec<usize>,
    /// Events by lane, then row, then left to right: the order shapes are
    /// laid out and drawn in, so that neighbours in a row come one after
    /// the other (labels look at them; drawing merges them).
    pub(super) order: Vec<usize>,
    /// Per lane: whether its last row is a dense row.
    pub(super) dense: Vec<bool>,
}

/// The rows of one lane, keyed by where each row becomes free again (the
/// right edge of its last bar, plus the gap), with and without that bar's
/// label. Two min-trees answer "the first row free at x" in O(log rows), so
/// a lane with thousands of rows costs no more than one with a few.
struct FreeRows {
    size: usize,
    len: usize,
    pub(super) cap: usize,
    bar: Vec<f64>,
    label: Vec<f64>,
}

impl FreeRows {
    /// Room for `cap` rows.
    fn new(cap: usize) -> FreeRows {
        let size = cap.max(1).next_power_of_two();
        FreeRows {
            size,
            len: 0,
            cap,
            bar: vec![f64::INFINITY; 2 * size],
            label: vec![f64::INFINITY; 2 * size],
        }
    }

    /// Lowest row whose key is at most `x`.
    fn first(tree: &[f64], size: usize, x: f64) -> Option<usize> {
        if tree[1] > x {
            return None;
        }
        let mut i = 1;
        while i < size {
            i = if tree[2 * i] <= x { 2 * i } else { 2 * i + 1 };
        }
        Some(i - size)
    }

    /// The row for a shape starting at `x`: the first free with labels, else
    /// the first free without, else a new one while there is room.
    fn pick(&mut self, x: f64) -> Option<usize> {
        Self::first(&self.label, self.size, x)
            .or_else(|| Self::first(&self.bar, self.size, x))
            .or_else(|| {
                (self.len < self.cap).then(|| {
                    self.len += 1;
                    self.len - 1
                })
            })
    }

    fn set(&mut self, row: usize, bar: f64, label: f64) {
        let mut i = row + self.size;
        self.bar[i] = bar;
        self.label[i] = label;
        while i > 1 {
            i /= 2;
            self.bar[i] = self.bar[2 * i].min(self.bar[2 * i + 1]);
            self.label[i] = self.label[2 * i].min(self.label[2 * i + 1]);
        }
    }
}

/// A range's left and right edge on `s`, at least [`MIN_BAR_W`] apart.
pub(super) fn bar_span(s: &TimeScale, start: Instant, end: Instant) -> (f64, f64) {
    let x0 = s.x(start);
    (x0, s.x(end).max(x0 + MIN_BAR_W))
}

/// The rows of every event of `t` at full view, keeping room for `texts`
/// beside shapes where there is some; ongoing ranges run to `open_end`.
/// Each event given a row of its own has its label measured here (times as
/// `words` writes them): only those are ever labelled.
pub(super) fn assign_rows(
    t: &Timeline,
    full: &TimeScale,
    open_end: Instant,
    texts: &mut Texts,
    words: &TimeWords<'_>,
) -> Rows {
    let order = by_keys(
        t.events
            .iter()
            .map(|e| [e.lane as i64, e.start, e.end.unwrap_or(open_end)]),
    );
    let mut row_of = vec![0; t.events.len()];
    let mut per_lane = vec![0; t.lanes.len()];
    let mut dense = vec![false; t.lanes.len()];
    let mut in_lane = vec![0; t.lanes.len()];
    for e in &t.events {
        in_lane[e.lane] += 1;
    }
    let mut rows = FreeRows::new(0);
    let mut lane = usize::MAX;
    for &i in &order {
        let e = &t.events[i];
        if e.lane != lane {
            if lane != usize::MAX {
                per_lane[lane] = rows.len + dense[lane] as usize;
            }
            rows = FreeRows::new(in_lane[e.lane].min(MAX_ROWS - 1));
            lane = e.lane;
        }
        let (x0, x1) = if e.is_point() {
            let x = full.x(e.start);
            (x - MARKER_R, x + MARKER_R)
        } else {
            bar_span(full, e.start, e.end.unwrap_or(open_end))
        };
        // A row is free for this shape when its edge + ROW_GAP <= x0. The
        // label is measured only for a shape that gets a row of its own (a
        // dense row's shapes are never labelled).
        row_of[i] = match rows.pick(x0) {
            Some(r) => {
                texts.measure(t, words, i);
                let label = texts.full_w(i) + 2.0 * LABEL_PAD;
                let label_inside = e.kind.spec().label_inside && !e.is_point() && label <= x1 - x0;
                let reach = if label_inside { x1 } else { x1 + label };
                rows.set(r, x1 + ROW_GAP, reach + ROW_GAP);
                r
            }
            None => {
                dense[lane] = true;
                rows.cap
            }
        };
    }
    if lane != usize::MAX {
        per_lane[lane] = rows.len + dense[lane] as usize;
    }
    // Regroup by row, keeping left-to-right order within each: a counting
    // sort on the row's index counted across lanes.
    let mut first = vec![0; t.lanes.len() + 1];
    for l in 0..t.lanes.len() {
        first[l + 1] = first[l] + per_lane[l];
    }
    let mut next = vec![0; first[t.lanes.len()] + 1];
    for (e, &r) in t.events.iter().zip(&row_of) {
        next[first[e.lane] + r + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut grouped = order.clone();
    for &i in &order {
        let g = first[t.events[i].lane] + row_of[i];
        grouped[next[g]] = i;
        next[g] += 1;
    }
    let order = grouped;
    Rows {
        row_of,
        per_lane,
        order,
        dense,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ROW_GAP;

    /// `FreeRows` picks exactly the row a linear first-fit scan picks.
    #[test]
    fn free_rows_match_a_linear_scan() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as f64
        };
        for _ in 0..50 {
            let n = 1 + next(400) as usize;
            let mut tree = FreeRows::new(n);
            // (bar key, label key) per row, as the old linear code kept them.
            let mut rows: Vec<(f64, f64)> = Vec::new();
            let mut x = 0.0;
            for _ in 0..n {
                x += next(30);
                let (w, label) = (next(60), next(200));
                let linear = rows
                    .iter()
                    .position(|r| r.1 <= x)
                    .or_else(|| rows.iter().position(|r| r.0 <= x))
                    .unwrap_or(rows.len());
                let r = tree.pick(x).unwrap();
                assert_eq!(r, linear);
                if r == rows.len() {
                    rows.push((0.0, 0.0));
                }
                rows[r] = (x + w + ROW_GAP, x + w + label + ROW_GAP);
                tree.set(r, rows[r].0, rows[r].1);
                assert_eq!(tree.len, rows.len());
            }
        }
    }
}
