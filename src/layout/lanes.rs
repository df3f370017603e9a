//! Lane bands: one per lane, as tall as its rows and its callout rows, with
//! its label in the label column (or above its rows on a narrow chart) and,
//! beside a dense row, how many events share it.
use crate::strings::cat;

use super::callouts::CALLOUT_H;
use super::rows::Rows;
use super::scene::{Anchor, LaneBand, Rect, Role};
use super::text::text;
use super::text_metrics::{fit_text, text_width};
use super::ticks::AXIS_FONT;
use super::{LABEL_FONT, LANE_PAD, PAD, ROW_H};
use crate::model::Timeline;
use crate::words::Locale;

/// Where the lanes go: from `y` down, `width` wide, with a label column
/// `label_col` wide (none when `narrow`).
pub(super) struct LaneGeometry<'a> {
    pub(super) y: f64,
    pub(super) width: f64,
    pub(super) inner: f64,
    pub(super) label_col: f64,
    pub(super) narrow: bool,
    pub(super) locale: &'a Locale,
}

/// Where each lane's rows go.
pub(super) struct LaneTops {
    /// The top of each lane's first row.
    pub(super) rows: Vec<f64>,
    /// The top of each lane's first callout row.
    pub(super) callouts: Vec<f64>,
}

/// The lane bands (each with `callouts[lane]` callout rows under its rows),
/// where their rows go, and the `y` below the last lane.
pub(super) fn lane_bands(
    t: &Timeline,
    rows: &Rows,
    callouts: &[usize],
    g: &LaneGeometry<'_>,
) -> (Vec<LaneBand>, LaneTops, f64) {
    let (narrow, inner, label_col) = (g.narrow, g.inner, g.label_col);
    let mut y = g.y;
    let lane_header = if narrow { 16.0 } else { 0.0 };
    let mut in_dense_row = vec![0; t.lanes.len()];
    for (e, &r) in t.events.iter().zip(&rows.row_of) {
        if rows.dense[e.lane] && r + 1 == rows.per_lane[e.lane] {
            in_dense_row[e.lane] += 1;
        }
    }
    let mut lanes = Vec::with_capacity(t.lanes.len());
    let mut row_top = vec![0.0; t.lanes.len()];
    let mut callout_top = vec![0.0; t.lanes.len()];
    for (i, lane) in t.lanes.iter().enumerate() {
        let n = rows.per_lane[i].max(1);
        let h = LANE_PAD * 2.0 + lane_header + n as f64 * ROW_H + callouts[i] as f64 * CALLOUT_H;
        let rect = Rect {
            x: PAD,
            y,
            w: g.width - 2.0 * PAD,
            h,
        };
        let label = if narrow {
            fit_text(&lane.label, LABEL_FONT, true, inner - 4.0).map(|s| {
                text(
                    PAD + 4.0,
                    y + LANE_PAD + 7.0,
                    s,
                    LABEL_FONT,
                    true,
                    Anchor::Start,
                    Role::Text,
                )
            })
        } else {
            fit_text(&lane.label, LABEL_FONT, true, label_col - 12.0).map(|s| {
                text(
                    PAD + 4.0,
                    y + LANE_PAD + ROW_H / 2.0,
                    s,
                    LABEL_FONT,
                    true,
                    Anchor::Start,
                    Role::Text,
                )
            })
        };
        row_top[i] = y + LANE_PAD + lane_header;
        callout_top[i] = row_top[i] + n as f64 * ROW_H;
        // A dense row says how many events share it, in the label column,
        // as long as the column has room ("212 overlapping", "212 overlap",
        // "+212"); a narrow chart has no column: there the table tells.
        let count = in_dense_row[i];
        let number = g.locale.number(count as i64);
        let note = [
            g.locale.fill("lane.overlapping", &[("n", &number)]),
            g.locale.fill("lane.overlap", &[("n", &number)]),
            cat(&["+", number.as_str()]),
        ]
        .into_iter()
        .find(|s| count > 0 && !narrow && text_width(s, AXIS_FONT, false) <= label_col - 12.0)
        .map(|s| {
            text(
                PAD + 4.0,
                row_top[i] + (n - 1) as f64 * ROW_H + ROW_H / 2.0,
                s,
                AXIS_FONT,
                false,
                Anchor::Start,
                Role::MutedText,
            )
        });
        lanes.push(LaneBand {
            lane: i,
            rect,
            shaded: i % 2 == 0,
            label,
            rows: n,
            note,
        });
        y += h;
    }
    let tops = LaneTops {
        rows: row_top,
        callouts: callout_top,
    };
    (lanes, tops, y)
}
