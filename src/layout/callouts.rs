//! Callouts: the times of a range that hurts users and found no room beside
//! its bar, in rows the frame keeps free at the bottom of its lane, reached
//! by a leader line from the bar. Placed right to left, each in the first
//! row where it fits: a label to the right of its leader (to the left near
//! the plot's right edge), its leader passing only rows where nothing is
//! drawn at its x. The title follows the times where the row has room.

use super::labels::{Placed, Texts};
use super::scene::{Anchor, Leader, Rect, Role, Text};
use super::shapes::Shapes;
use super::text::text;
use super::LABEL_FONT;
use crate::model::Timeline;

/// Height of one callout row.
pub(super) const CALLOUT_H: f64 = 17.0;
/// Most callout rows a lane gets.
pub(super) const MAX_CALLOUT_ROWS: usize = 4;
/// More ranges than this wanting a callout in one lane: the lane gets none
/// (they would not fit; the list under the chart has them).
const MAX_WANTING: usize = 48;
/// Space between a leader and its label, and between callouts.
const GAP: f64 = 3.0;
const MIN_TITLE: f64 = 40.0;

/// The callouts of one view.
pub(super) struct Callouts {
    pub(super) labels: Vec<Text>,
    pub(super) leaders: Vec<Leader>,
    /// Per lane: callout rows used.
    pub(super) rows: Vec<usize>,
    /// Per lane: whether some range found no callout.
    pub(super) failed: Vec<bool>,
}

/// Where a lane's callouts go: `rows[lane]` rows from `top[lane]` down.
pub(super) struct CalloutRows<'a> {
    pub(super) rows: &'a [usize],
    pub(super) top: &'a [f64],
}

/// Callouts for the ranges `placed` left homeless, within `x_min..x_max`.
pub(super) fn place_callouts(
    t: &Timeline,
    texts: &Texts,
    shapes: &Shapes,
    placed: &Placed,
    at: &CalloutRows<'_>,
    (x_min, x_max): (f64, f64),
) -> Callouts {
    let lanes = t.lanes.len();
    let items = &shapes.label_items;
    let mut out = Callouts {
        labels: Vec::new(),
        leaders: Vec::new(),
        rows: vec![0; lanes],
        failed: vec![false; lanes],
    };
    let mut wanting = vec![0usize; lanes];
    for &k in &placed.homeless {
        wanting[items[k].lane] += 1;
    }
    // What is drawn in each lane that wants callouts, by row: a leader
    // passes the rows under its bar only where nothing is.
    let mut taken: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); lanes];
    let mut take = |event: usize, row: usize, r: Rect| {
        let lane = t.events[event].lane;
        if wanting[lane] > 0 {
            taken[lane].push((row, r.x - GAP, r.right() + GAP));
        }
    };
    for b in &shapes.bars {
        take(b.event, b.row, b.rect);
    }
    for m in &shapes.markers {
        take(m.event, m.row, m.bounds());
    }
    for (l, &k) in placed.labels.iter().zip(&placed.owners) {
        take(items[k].event, items[k].row, l.bounds());
    }
    // Lane by lane, right to left (items come row by row, left to right):
    // a leader then mostly passes the left side of labels already placed.
    // Per callout row of the lane: the leftmost x taken so far (everything
    // taken lies right of it).
    let mut left_edge: Vec<f64> = Vec::new();
    let mut lane = usize::MAX;
    for &k in placed.homeless.iter().rev() {
        let it = &items[k];
        let allowed = at.rows[it.lane];
        if it.lane != lane {
            lane = it.lane;
            left_edge = vec![f64::INFINITY; allowed];
        }
        if allowed == 0 || wanting[lane] > MAX_WANTING {
            out.failed[lane] = true;
            continue;
        }
        let w = texts.times_w(it.event);
        // The leader leaves the bar's middle, or wherever along a long bar
        // (every 24 px) it finds a free way down and a free row.
        let mut found = None;
        for k in 0..=16 {
            let x = if k == 0 {
                (it.x0 + it.x1) / 2.0
            } else {
                it.x0 + 2.0 + (k - 1) as f64 * 24.0
            };
            if x > it.x1 - 2.0 && k > 0 {
                break;
            }
            let flag_right = x + GAP + w <= x_max;
            let (a, b) = if flag_right {
                (x - GAP, x + GAP + w)
            } else {
                (x - GAP - w, x + GAP)
            };
            let blocked = taken[lane]
                .iter()
                .any(|&(row, l, r)| row > it.row && l <= x && x <= r);
            if a < x_min || blocked {
                continue;
            }
            // The first row with room whose way down is clear.
            for (row, &edge) in left_edge.iter().enumerate() {
                if b + GAP <= edge {
                    found = Some((x, b, flag_right, row));
                    break;
                }
                if x + GAP > edge {
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((x, b, flag_right, row)) = found else {
            out.failed[lane] = true;
            continue;
        };
        // The title follows the times where the row has room.
        let mut s = texts.times(it.event).to_string();
        let (label_x, anchor) = if flag_right {
            let room = left_edge[row].min(x_max + GAP) - 2.0 * GAP - b;
            if room >= MIN_TITLE {
                if let Some((whole, _)) = texts.fit(t, it.event, w + room) {
                    s = whole;
                }
            }
            (x + GAP, Anchor::Start)
        } else {
            (x - GAP, Anchor::End)
        };
        let y = at.top[lane] + row as f64 * CALLOUT_H + CALLOUT_H / 2.0;
        let label = text(label_x, y, s, LABEL_FONT, false, anchor, Role::Text);
        left_edge[row] = left_edge[row].min(label.bounds().x.min(x) - GAP);
        // A leader takes a pixel of each row it passes.
        for e in &mut left_edge[..row] {
            *e = e.min(x - 1.0);
        }
        out.rows[lane] = out.rows[lane].max(row + 1);
        out.leaders.push(Leader {
            x,
            y0: it.bottom + 1.0,
            y1: y,
        });
        out.labels.push(label);
    }
    out
}
