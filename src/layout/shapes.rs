//! The bars and milestones in view, row by row and left to right, each
//! drawn as its kind says; with what label placement needs to know of each.

use super::labels::LabelItem;
use super::rows::{bar_span, Rows};
use super::scale::TimeScale;
use super::scene::{Bar, BarEnd, Marker, Rect, Role};
use super::{BAR_H, MARKER_R, MIN_BAR_W, ROW_H, THIN_H};
use crate::model::{BarStyle, Timeline};
use crate::time::Instant;

/// What is in view.
pub(super) struct Shapes {
    pub(super) bars: Vec<Bar>,
    pub(super) markers: Vec<Marker>,
    pub(super) label_items: Vec<LabelItem>,
}

/// The shapes of `t` on `scale` between `plot_x0` and `plot_x1`; rows start
/// at `row_top` (per lane); ongoing ranges run to `open_end`.
pub(super) fn shapes(
    t: &Timeline,
    rows: &Rows,
    row_top: &[f64],
    scale: &TimeScale,
    (plot_x0, plot_x1): (f64, f64),
    open_end: Instant,
) -> Shapes {
    let mut bars = Vec::new();
    let mut markers = Vec::new();
    let mut items: Vec<LabelItem> = Vec::new();
    for &i in &rows.order {
        let e = &t.events[i];
        let spec = e.kind.spec();
        let row = rows.row_of[i];
        // No labels in a dense row: its shapes may overlap.
        let labelled = !(rows.dense[e.lane] && row + 1 == rows.per_lane[e.lane]);
        let top = row_top[e.lane] + row as f64 * ROW_H;
        let cy = top + ROW_H / 2.0;
        let role = Role::Fill(spec.fill_for(e.severity));
        if e.is_point() {
            let x = scale.x(e.start);
            if x >= plot_x0 && x <= plot_x1 {
                let m = Marker {
                    event: i,
                    row,
                    x,
                    y: cy,
                    role,
                    radius: MARKER_R,
                    outlined: !labelled,
                };
                if labelled {
                    let b = m.bounds();
                    items.push(LabelItem {
                        lane: e.lane,
                        row,
                        x0: b.x,
                        x1: b.right(),
                        cy,
                        bottom: b.bottom(),
                        event: i,
                        inside: false,
                        role,
                    });
                }
                markers.push(m);
            }
            continue;
        }
        let (x0, x1) = bar_span(scale, e.start, e.end.unwrap_or(open_end));
        if x1 < plot_x0 || x0 > plot_x1 {
            continue;
        }
        let (x0, x1) = (
            x0.max(plot_x0),
            x1.min(plot_x1)
                .max(x0.max(plot_x0) + MIN_BAR_W.min(plot_x1 - x0.max(plot_x0))),
        );
        let h = if spec.bar == BarStyle::Thin {
            THIN_H
        } else {
            BAR_H
        };
        let rect = Rect {
            x: x0,
            y: cy - h / 2.0,
            w: x1 - x0,
            h,
        };
        let share = spec.bar == BarStyle::Share;
        let fill = if share {
            // A share not stated fills nothing: the body is hatched instead.
            let fh = match e.impact {
                Some(i) if i > 0.0 => (h * i).max(2.0),
                _ => 0.0,
            };
            Rect {
                y: rect.bottom() - fh,
                h: fh,
                ..rect
            }
        } else {
            rect
        };
        if labelled {
            // A share drawn nearly full reads like a full bar: its label fits inside.
            let inside = spec.label_inside && (!share || e.impact.is_some_and(|i| i >= 0.95));
            items.push(LabelItem {
                lane: e.lane,
                row,
                x0,
                x1,
                cy,
                bottom: rect.bottom(),
                event: i,
                inside,
                role,
            });
        }
        bars.push(Bar {
            event: i,
            row,
            rect,
            fill,
            role,
            outlined: share,
            hatched: share && e.impact.is_none(),
            end: if e.end.is_none() {
                BarEnd::Ongoing
            } else {
                BarEnd::Closed
            },
            inferred: e.inferred,
        });
    }
    Shapes {
        bars,
        markers,
        label_items: items,
    }
}
