//! Event labels: inside a bar, to its right or to its left, wherever one
//! fits without touching a neighbour or another label; otherwise left out
//! (the tooltip, the details and the table still have it).

use super::rows::Rows;
use super::scene::{Anchor, Role, Text};
use super::text::text;
use super::text_metrics::fit_text;
use super::{LABEL_FONT, LABEL_PAD};
use crate::model::Timeline;

/// What label placement knows of a bar or milestone: (lane, row, left,
/// right, centre y, event, label can go inside, fill role).
pub(super) type LabelItem = (usize, usize, f64, f64, f64, usize, bool, Role);

/// Places each event's label inside its bar, to the right, or to the left,
/// wherever it fits without touching a neighbour; otherwise it is left out.
/// `items` come row by row, left to right.
pub(super) fn place_labels(
    t: &Timeline,
    items: &[LabelItem],
    rows: &Rows,
    x_min: f64,
    x_max: f64,
) -> Vec<Text> {
    let mut out = Vec::new();
    let mut occupied = x_min;
    for (k, &(lane, row, x0, x1, cy, ev, inside_ok, role)) in items.iter().enumerate() {
        if k > 0 && (items[k - 1].0, items[k - 1].1) != (lane, row) {
            occupied = x_min;
        }
        let next = items
            .get(k + 1)
            .filter(|n| (n.0, n.1) == (lane, row))
            .map_or(x_max, |n| n.2);
        let title = &t.events[ev].title;
        let w = rows.title_w[ev];
        let mk = |x: f64, s: String, anchor: Anchor, role: Role| {
            text(x, cy, s, LABEL_FONT, false, anchor, role)
        };
        let right_room = next.min(x_max) - LABEL_PAD - (x1 + LABEL_PAD);
        let left_room = (x0 - LABEL_PAD) - (occupied + LABEL_PAD);
        let label = if inside_ok && w + 2.0 * LABEL_PAD <= x1 - x0 {
            Some(mk(
                x0 + LABEL_PAD,
                title.clone(),
                Anchor::Start,
                label_role(role),
            ))
        } else if w <= right_room {
            Some(mk(x1 + LABEL_PAD, title.clone(), Anchor::Start, Role::Text))
        } else if w <= left_room {
            Some(mk(x0 - LABEL_PAD, title.clone(), Anchor::End, Role::Text))
        } else if right_room >= 48.0 {
            fit_text(title, LABEL_FONT, false, right_room)
                .map(|s| mk(x1 + LABEL_PAD, s, Anchor::Start, Role::Text))
        } else {
            None
        };
        occupied = occupied.max(x1);
        if let Some(l) = label {
            occupied = occupied.max(l.bounds().right());
            out.push(l);
        }
    }
    out
}

/// Marks text drawn on a bar: drawing picks a readable colour for that fill.
fn label_role(fill: Role) -> Role {
    match fill {
        Role::Fill(f) => Role::On(f),
        _ => Role::Text,
    }
}
