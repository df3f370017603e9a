//! Layout: a pure function from (timeline, width, display zone, view) to a
//! [`Scene`]. Rows inside a lane keep overlapping events apart; labels go
//! inside, right or left of their bar, or are left to the tooltip — never on
//! top of something else. Text is measured with the crate's own metrics, so
//! the scene is the same wherever it is computed.
//!
//! In two steps: [`frame`] does what does not depend on the view (header,
//! legend, lanes, rows, the axis breaks) once; [`layout_view`] places what
//! is in view (axis, bars, milestones, labels) on every frame of a zoom or
//! pan. The steps, in order:
//!
//! - [`header`]: title, summary and legend;
//! - [`scale`]: the time scale and its breaks; [`ticks`] the axis steps;
//! - [`rows`]: each event's row in its lane; [`lanes`]: the lane bands;
//! - [`axis`]: the axis in view; [`shapes`]: the bars and milestones in view;
//! - [`labels`]: where each event's label goes;
//! - [`text`] and [`text_metrics`]: text runs and their widths.

mod axis;
mod header;
mod labels;
mod lanes;
mod rows;
pub mod scale;
pub mod scene;
mod shapes;
mod text;
pub mod text_metrics;
pub mod ticks;

use crate::model::Timeline;
use crate::time::clock::HourCycle;
use crate::time::zone::Zone;
use crate::time::{self, Instant};
use crate::words::Locale;
use axis::{axis_items, caption, AxisGeometry};
use lanes::{lane_bands, LaneGeometry};
use rows::{assign_rows, Rows};
use scale::{domain, idle_gaps, Gap, ScaleMode, TimeScale};
use scene::{Anchor, LaneBand, LegendEntry, Rect, Role, Scene, Text};
use std::sync::Arc;
use text::text;
use text_metrics::text_width;
use ticks::AXIS_FONT;

/// What to lay out for.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// Chart width in CSS pixels.
    pub width: f64,
    /// Display zone; `None` means the document's zone, or UTC.
    pub zone: Option<Zone>,
    /// 12- or 24-hour clock; `None`: the locale's.
    pub hour_cycle: Option<HourCycle>,
    /// The words and the date, time and number formats of the reader's language.
    pub locale: Arc<Locale>,
    /// Compressed idle time or linear.
    pub scale: ScaleMode,
    /// The instants at the left and right edges; `None` shows everything.
    pub view: Option<(Instant, Instant)>,
    /// The present, for ongoing ranges; `None` keeps the output a pure function of the document.
    pub now: Option<Instant>,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 900.0,
            zone: None,
            hour_cycle: None,
            locale: Arc::default(),
            scale: ScaleMode::Auto,
            view: None,
            now: None,
        }
    }
}

/// Narrowest width laid out; narrower containers get this and scale down.
pub const MIN_WIDTH: f64 = 240.0;
/// Below this width lane labels move above their rows.
pub const NARROW: f64 = 520.0;
const PAD: f64 = 12.0;
const TITLE_FONT: f64 = 16.0;
const SUMMARY_FONT: f64 = 12.0;
const LABEL_FONT: f64 = 12.0;
const ROW_H: f64 = 24.0;
const BAR_H: f64 = 16.0;
const THIN_H: f64 = 8.0;
const LANE_PAD: f64 = 4.0;
const MIN_BAR_W: f64 = 2.0;
const MARKER_R: f64 = 6.0;
const ROW_GAP: f64 = 3.0;
/// Most rows a lane gets. Events that find no room in the first
/// `MAX_ROWS - 1` share the last, the lane's dense row: there bars may
/// overlap, drawing merges those that meet within a pixel, and no labels
/// are placed (every event is still reachable by pointer, keyboard and table).
pub const MAX_ROWS: usize = 8;
const LABEL_PAD: f64 = 4.0;
/// Smallest view, in ms: zooming stops at one minute across.
pub const MIN_VIEW_MS: i64 = 60_000;

/// Everything about a layout that does not depend on the view: the header,
/// legend, lanes and rows, and the compressed time scale's breaks. Computed
/// once for a timeline, width, zone and scale mode, and reused for every
/// frame of a zoom or pan.
pub struct Frame {
    zone: Zone,
    cycle: HourCycle,
    locale: Arc<Locale>,
    width: f64,
    inner: f64,
    title: Vec<Text>,
    summary: Vec<Text>,
    legend: Vec<LegendEntry>,
    lanes: Vec<LaneBand>,
    row_top: Vec<f64>,
    rows: Rows,
    gaps: Vec<Gap>,
    domain: (Instant, Instant),
    full_view: (Instant, Instant),
    axis: AxisGeometry,
    /// The message and caption (and the height) when there is nothing to lay out.
    empty: Option<(Text, Text, f64)>,
}

/// Lays out a timeline.
pub fn layout(t: &Timeline, o: &LayoutOptions) -> Scene {
    layout_view(t, &frame(t, o), o.view)
}

/// The view-independent part of [`layout`].
pub fn frame(t: &Timeline, o: &LayoutOptions) -> Frame {
    let width = o.width.max(MIN_WIDTH).round();
    let narrow = width < NARROW;
    let zone = o
        .zone
        .clone()
        .or_else(|| t.zone.clone())
        .unwrap_or_else(Zone::utc);
    let locale = o.locale.clone();
    let cycle = o.hour_cycle.unwrap_or_else(|| locale.formats.hour_cycle());
    let inner = width - 2.0 * PAD;
    // The present only ever lies within the years documents can name.
    let now = o.now.map(time::clamp);

    let (title, summary, y) = header::title_and_summary(t, now, inner, PAD, &locale);
    let Some((d0, d1)) = domain(t, now) else {
        return empty_frame(zone, cycle, locale, width, inner, title, summary, y);
    };
    let (d0, d1) = if time::between(d0, d1) < MIN_VIEW_MS {
        (time::later(d0, -30 * 60_000), time::later(d1, 30 * 60_000))
    } else {
        (d0, d1)
    };

    let label_col = if narrow { 0.0 } else { label_column(t, inner) };
    let plot_x0 = PAD + label_col;
    let plot_x1 = width - PAD;
    let plot_w = plot_x1 - plot_x0;

    let gaps = match o.scale {
        ScaleMode::Auto => idle_gaps(t, (d0, d1), plot_w - 2.0 * PAD),
        ScaleMode::Linear => Vec::new(),
    };
    // Full view: the domain with a little room on both sides.
    let padded = TimeScale::new(
        gaps.clone(),
        (d0, d1),
        (d0, d1),
        plot_x0 + PAD,
        plot_x1 - PAD,
    );
    let full_view = (padded.time_at(plot_x0), padded.time_at(plot_x1));
    let full = TimeScale::new(gaps.clone(), (d0, d1), full_view, plot_x0, plot_x1);

    let (legend, y) = header::legend(t, !gaps.is_empty(), width, y, &locale);

    // Axis rows above the lanes, then the lanes.
    let (axis_top, span_y, tick_y) = (y, y + 7.0, y + 22.0);
    let plot_top = y + 32.0;
    let rows = assign_rows(t, &full, d1);
    let geometry = LaneGeometry {
        y: plot_top,
        width,
        inner,
        label_col,
        narrow,
        locale: &locale,
    };
    let (lanes, row_top, bottom) = lane_bands(t, &rows, &geometry);
    let plot = Rect {
        x: plot_x0,
        y: plot_top,
        w: plot_w,
        h: (bottom - plot_top).max(ROW_H),
    };
    Frame {
        zone,
        cycle,
        locale,
        width,
        inner,
        title,
        summary,
        legend,
        lanes,
        row_top,
        rows,
        gaps,
        domain: (d0, d1),
        full_view,
        axis: AxisGeometry {
            plot,
            axis_top,
            span_y,
            tick_y,
        },
        empty: None,
    }
}

/// The label column's width: the widest lane label, within limits.
fn label_column(t: &Timeline, inner: f64) -> f64 {
    let widest = t
        .lanes
        .iter()
        .map(|l| text_width(&l.label, LABEL_FONT, true))
        .fold(0.0, f64::max);
    (widest + 14.0).min((inner * 0.28).floor()).max(64.0)
}

/// The frame of a timeline without events: its header, a message and the caption.
#[allow(clippy::too_many_arguments)]
fn empty_frame(
    zone: Zone,
    cycle: HourCycle,
    locale: Arc<Locale>,
    width: f64,
    inner: f64,
    title: Vec<Text>,
    summary: Vec<Text>,
    y: f64,
) -> Frame {
    let empty = text(
        PAD,
        y + 14.0,
        locale.word("chart.empty"),
        LABEL_FONT,
        false,
        Anchor::Start,
        Role::MutedText,
    );
    let caption = text(
        PAD,
        y + 36.0,
        locale.fill("axis.zoneOnly", &[("zone", zone.name())]),
        AXIS_FONT,
        false,
        Anchor::Start,
        Role::MutedText,
    );
    Frame {
        cycle,
        locale,
        width,
        inner,
        title,
        summary,
        legend: Vec::new(),
        lanes: Vec::new(),
        row_top: Vec::new(),
        rows: Rows::default(),
        gaps: Vec::new(),
        domain: (0, 0),
        full_view: (0, 0),
        axis: AxisGeometry {
            plot: Rect {
                x: PAD,
                y,
                w: inner,
                h: 28.0,
            },
            axis_top: 0.0,
            span_y: 0.0,
            tick_y: 0.0,
        },
        zone,
        empty: Some((empty, caption, y + 36.0 + PAD + 6.0)),
    }
}

/// The view-dependent part of [`layout`]: the scene for `view` (instants at
/// the left and right edges; `None` shows everything) in a prepared frame.
pub fn layout_view(t: &Timeline, f: &Frame, view: Option<(Instant, Instant)>) -> Scene {
    let plot = f.axis.plot;
    if let Some((empty, caption, height)) = &f.empty {
        return Scene {
            width: f.width,
            height: *height,
            title: f.title.clone(),
            summary: f.summary.clone(),
            legend: Vec::new(),
            plot,
            lanes: Vec::new(),
            grid: Vec::new(),
            tick_labels: Vec::new(),
            span_labels: Vec::new(),
            breaks: Vec::new(),
            bars: Vec::new(),
            markers: Vec::new(),
            labels: Vec::new(),
            caption: caption.clone(),
            view: (0, 0),
            domain: (0, 0),
            empty: Some(empty.clone()),
            scale: None,
            tick_step: None,
        };
    }
    let (plot_x0, plot_x1) = (plot.x, plot.right());
    let view = clamp_view(view, f.full_view);
    let scale = TimeScale::new(f.gaps.clone(), f.domain, view, plot_x0, plot_x1);
    let axis = axis_items(&scale, &f.zone, f.locale.clock(Some(f.cycle)), &f.axis);
    let shapes = shapes::shapes(
        t,
        &f.rows,
        &f.row_top,
        &scale,
        (plot_x0, plot_x1),
        f.domain.1,
    );
    let labels = labels::place_labels(t, &shapes.label_items, &f.rows, plot_x0, plot_x1);
    let caption_y = plot.bottom() + 14.0;
    let caption = caption(&f.zone, view, caption_y, f.inner, &f.locale);
    Scene {
        width: f.width,
        height: (caption_y + 8.0 + PAD).ceil(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        legend: f.legend.clone(),
        plot,
        lanes: f.lanes.clone(),
        grid: axis.grid,
        tick_labels: axis.tick_labels,
        span_labels: axis.span_labels,
        breaks: axis.breaks,
        bars: shapes.bars,
        markers: shapes.markers,
        labels,
        caption,
        view,
        domain: f.full_view,
        empty: None,
        scale: Some(scale),
        tick_step: axis.step,
    }
}

/// A view inside the full view and at least [`MIN_VIEW_MS`] wide; `None`
/// (or an empty view) is the full view.
fn clamp_view(view: Option<(Instant, Instant)>, full: (Instant, Instant)) -> (Instant, Instant) {
    match view {
        Some((a, b)) if b > a => {
            let a = a.min(time::later(full.1, -MIN_VIEW_MS)).max(full.0);
            let b = b.max(time::later(a, MIN_VIEW_MS)).min(full.1);
            (a, b)
        }
        _ => full,
    }
}
