//! Callouts: the times of a range that hurts users and found no room beside
//! its bar, in rows the frame keeps free at the bottom of its lane, reached
//! by a leader line from the bar. Placed right to left, each in the first
//! row where it fits: a label to the right of its leader (to the left near
//! the plot's right edge), its leader passing only rows where nothing is
//! drawn at its x. The title follows the times where the row has room.

use super::labels::{LabelItem, Placed, Texts};
use super::scene::{Anchor, Leader, Rect, Role, Text};
use super::shapes::Shapes;
use super::text::text;
use super::{LABEL_FONT, LABEL_PAD};
use crate::model::Timeline;

/// Height of one callout row.
pub(super) const CALLOUT_H: f64 = 17.0;
/// Most callout rows a lane gets.
pub(super) const MAX_CALLOUT_ROWS: usize = 3;
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
    /// Events whose times a callout shows.
    pub(super) shown: Vec<usize>,
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
    let mut out = Callouts {
        labels: Vec::new(),
        leaders: Vec::new(),
        shown: Vec::new(),
        rows: vec![0; lanes],
        failed: vec![false; lanes],
    };
    let items = &shapes.label_items;
    let mut by_lane: Vec<Vec<&LabelItem>> = vec![Vec::new(); lanes];
    for &k in &placed.homeless {
        by_lane[items[k].lane].push(&items[k]);
    }
    for (lane, wanting) in by_lane.iter_mut().enumerate() {
        if !wanting.is_empty() && (at.rows[lane] == 0 || wanting.len() > MAX_WANTING) {
            out.failed[lane] = true;
            wanting.clear();
        }
    }
    let lower = Lower::of(t, &by_lane, shapes, placed);
    for (lane, mut wanting) in by_lane.into_iter().enumerate() {
        if wanting.is_empty() {
            continue;
        }
        let allowed = at.rows[lane];
        // Right to left: a leader then only ever passes labels' left sides.
        crate::order::sort_by_keys(&mut wanting, |it| [-crate::order::px_key(it.x0), 0, 0]);
        // Per row: the leftmost x taken so far (everything taken lies right of it).
        let mut left_edge = vec![f64::INFINITY; allowed];
        for it in wanting {
            let times = texts.times(it.event);
            let w = texts.times_w(it.event);
            // The leader leaves the bar's middle, or wherever along a long
            // bar it finds a free way down and a free row.
            let found = leader_xs(it).find_map(|x| {
                let (a, b, anchor) = if x + GAP + w <= x_max {
                    (x - GAP, x + GAP + w, Anchor::Start)
                } else {
                    (x - GAP - w, x + GAP, Anchor::End)
                };
                let row = (0..allowed).find(|&r| {
                    b + GAP <= left_edge[r] && left_edge[..r].iter().all(|e| x + 2.0 * GAP <= *e)
                })?;
                (a >= x_min && !lower.blocks(it, x)).then_some((x, b, anchor, row))
            });
            let Some((x, b, anchor, row)) = found else {
                out.failed[lane] = true;
                continue;
            };
            // The title follows the times where the row has room.
            let mut s = times.to_string();
            if anchor == Anchor::Start {
                let room = left_edge[row].min(x_max + GAP) - 2.0 * GAP - b;
                if let Some((whole, _)) = texts.fit(t, it.event, w + room) {
                    if whole.len() > s.len() && room >= MIN_TITLE {
                        s = whole;
                    }
                }
            }
            let label_x = if anchor == Anchor::Start {
                x + GAP
            } else {
                x - GAP
            };
            let y = at.top[lane] + row as f64 * CALLOUT_H + CALLOUT_H / 2.0;
            let label = text(label_x, y, s, LABEL_FONT, false, anchor, Role::Text);
            left_edge[row] = left_edge[row].min(label.bounds().x.min(x) - GAP);
            for e in &mut left_edge[..row] {
                *e = e.min(x - GAP);
            }
            out.rows[lane] = out.rows[lane].max(row + 1);
            out.leaders.push(Leader {
                x,
                y0: it.bottom + 1.0,
                y1: y,
            });
            out.labels.push(label);
            out.shown.push(it.event);
        }
    }
    out
}

/// Where a leader may leave `it`: its middle, then every 24 px from its
/// left end (at most 16 places).
fn leader_xs(it: &LabelItem) -> impl Iterator<Item = f64> + '_ {
    let (a, b) = (it.x0 + 2.0, it.x1 - 2.0);
    std::iter::once((it.x0 + it.x1) / 2.0).chain(
        (0..16)
            .map(move |k| a + k as f64 * 24.0)
            .take_while(move |x| *x <= b),
    )
}

/// What is drawn in the lanes that want callouts, for leaders passing down
/// through their rows.
struct Lower {
    /// Per lane: (row, left, right) of every shape and label in it.
    taken: Vec<Vec<(usize, f64, f64)>>,
}

impl Lower {
    fn of(t: &Timeline, wanting: &[Vec<&LabelItem>], shapes: &Shapes, placed: &Placed) -> Lower {
        let mut taken: Vec<Vec<(usize, f64, f64)>> = vec![Vec::new(); wanting.len()];
        let mut take = |lane: usize, row: usize, r: Rect| {
            if !wanting[lane].is_empty() {
                taken[lane].push((row, r.x, r.right()));
            }
        };
        for b in &shapes.bars {
            take(t.events[b.event].lane, b.row, b.rect);
        }
        for m in &shapes.markers {
            take(t.events[m.event].lane, m.row, m.bounds());
        }
        for (l, &k) in placed.labels.iter().zip(&placed.owners) {
            let it = &shapes.label_items[k];
            take(it.lane, it.row, l.bounds());
        }
        Lower { taken }
    }

    /// Whether a leader at `x` from `it` down would cross something in a
    /// row below it.
    fn blocks(&self, it: &LabelItem, x: f64) -> bool {
        let slack = LABEL_PAD / 2.0;
        self.taken[it.lane]
            .iter()
            .any(|&(row, a, b)| row > it.row && a - slack <= x && x <= b + slack)
    }
}
