//! Layout: a pure function from (timeline, width, display zone, view) to a
//! [`Scene`]. Rows inside a lane keep overlapping events apart; labels go
//! inside, right or left of their bar, never on top of something else; the
//! times of outages and degradations go on the chart too, in a callout or in
//! the list under it when nowhere else. Text is measured with the crate's
//! own metrics, so the scene is the same wherever it is computed.
//!
//! In two steps: [`frame`] does what does not depend on the view (header,
//! legend, lanes, rows, the axis breaks, the callout rows and the list,
//! decided at full view) once; [`layout_view`] places what is in view (axis,
//! bars, milestones, labels, callouts) on every frame of a zoom or pan. The
//! steps, in order:
//!
//! - [`header`]: title, summary and legend;
//! - [`scale`]: the time scale and its breaks; [`ticks`] the axis steps;
//! - [`rows`]: each event's row in its lane; [`lanes`]: the lane bands;
//! - [`axis`]: the axis in view; [`shapes`]: the bars and milestones in view;
//! - [`labels`]: what each event's label says and where it goes;
//!   [`callouts`]: times with no room beside their bar; [`list`]: the list
//!   under the chart;
//! - [`text`] and [`text_metrics`]: text runs and their widths.

mod axis;
mod callouts;
mod header;
mod labels;
mod lanes;
mod list;
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
use crate::words::times::TimeWords;
use crate::words::Locale;
use axis::{axis_items, caption, AxisGeometry};
use callouts::{place_callouts, CalloutRows, MAX_CALLOUT_ROWS};
use labels::{place_labels, Texts};
use lanes::{lane_bands, LaneGeometry, LaneTops};
use rows::{assign_rows, Rows};
use scale::{domain, idle_gaps, Gap, ScaleMode, TimeScale};
use scene::{Anchor, LaneBand, LegendEntry, Rect, Role, Scene, Text};
use std::sync::Arc;
use text::text;
use text_metrics::text_width;
use ticks::{Step, AXIS_FONT};

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
/// legend, lanes and rows, the compressed time scale's breaks, the label
/// texts, the callout rows and the list under the chart. Computed once for a
/// timeline, width, zone and scale mode, and reused for every frame of a
/// zoom or pan.
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
    tops: LaneTops,
    rows: Rows,
    texts: Option<Texts>,
    callout_rows: Vec<usize>,
    list: Vec<LegendEntry>,
    notes: Vec<Text>,
    /// The bottom of the list, if there is one.
    list_bottom: Option<f64>,
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
        ScaleMode::Auto => idle_gaps(t, (d0, d1), &zone),
        ScaleMode::Linear => Vec::new(),
    };
    // Full view: the domain with a little room on both sides.
    let padded = TimeScale::new(gaps.clone(), (d0, d1), plot_x0 + PAD, plot_x1 - PAD);
    let full_view = (padded.time_at(plot_x0), padded.time_at(plot_x1));
    let full = TimeScale::new(gaps.clone(), full_view, plot_x0, plot_x1);

    let (legend, y) = header::legend(t, !gaps.is_empty(), width, y, &locale);

    // Times say their day when the axis shows no hours.
    let dated = !matches!(
        ticks::choose_step(&full, locale.clock(Some(cycle))),
        Step::Seconds(_) | Step::Minutes(_) | Step::Hours(_)
    );
    let words = TimeWords {
        zone: &zone,
        locale: &locale,
        clock: locale.clock(Some(cycle)),
        dated,
        now,
    };
    let mut texts = Texts::new(t, &words);

    // Axis rows above the lanes, then the lanes.
    let (axis_top, span_y, tick_y) = (y, y + 7.0, y + 22.0);
    let plot_top = y + 32.0;
    let rows = assign_rows(t, &full, d1, &mut texts, &words);
    // Labels at full view, to learn which lanes need callout rows and
    // whether some range's times find no room at all (then the list).
    let (callout_rows, listed) = {
        let tops = vec![0.0; t.lanes.len()];
        let shapes = shapes::shapes(t, &rows, &tops, &full, (plot_x0, plot_x1), d1);
        let placed = place_labels(t, &texts, &shapes.label_items, plot_x0, plot_x1);
        let at = CalloutRows {
            rows: &vec![MAX_CALLOUT_ROWS; t.lanes.len()],
            top: &tops,
        };
        let mut c = place_callouts(t, &texts, &shapes, &placed, &at, (plot_x0, plot_x1));
        // A lane where some callout finds no room gets none: the list
        // has its ranges, as it has those in a dense row (never labelled).
        let mut listed = false;
        for (rows, failed) in c.rows.iter_mut().zip(&c.failed) {
            if *failed {
                *rows = 0;
                listed = true;
            }
        }
        for (i, e) in t.events.iter().enumerate() {
            let dense = rows.dense[e.lane] && rows.row_of[i] + 1 == rows.per_lane[e.lane];
            listed |= dense && texts.must(i);
        }
        (c.rows, listed)
    };
    let geometry = LaneGeometry {
        y: plot_top,
        width,
        inner,
        label_col,
        narrow,
        locale: &locale,
    };
    let (lanes, tops, bottom) = lane_bands(t, &rows, &callout_rows, &geometry);
    let plot = Rect {
        x: plot_x0,
        y: plot_top,
        w: plot_w,
        h: (bottom - plot_top).max(ROW_H),
    };
    // The list goes under the caption, its times dated when the chart
    // spans more than one day.
    let (list, notes, list_bottom) = if listed {
        let words = TimeWords {
            dated: zone.local(d0).date() != zone.local(d1).date(),
            ..words
        };
        let l = list::impact_list(t, &texts, &words, inner, caption_y(&plot) + 12.0);
        (l.entries, l.notes, Some(l.bottom))
    } else {
        (Vec::new(), Vec::new(), None)
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
        tops,
        rows,
        texts: Some(texts),
        callout_rows,
        list,
        notes,
        list_bottom,
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

/// The baseline of the caption under `plot`.
fn caption_y(plot: &Rect) -> f64 {
    plot.bottom() + 14.0
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
        tops: LaneTops {
            rows: Vec::new(),
            callouts: Vec::new(),
        },
        rows: Rows::default(),
        texts: None,
        callout_rows: Vec::new(),
        list: Vec::new(),
        notes: Vec::new(),
        list_bottom: None,
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
    let (Some(texts), None) = (&f.texts, &f.empty) else {
        return empty_scene(f);
    };
    let (plot_x0, plot_x1) = (plot.x, plot.right());
    let view = clamp_view(view, f.full_view);
    let scale = TimeScale::new(f.gaps.clone(), view, plot_x0, plot_x1);
    let axis = axis_items(
        &scale,
        &f.zone,
        &f.locale,
        f.locale.clock(Some(f.cycle)),
        &f.axis,
    );
    let shapes = shapes::shapes(
        t,
        &f.rows,
        &f.tops.rows,
        &scale,
        (plot_x0, plot_x1),
        f.domain.1,
    );
    let placed = place_labels(t, texts, &shapes.label_items, plot_x0, plot_x1);
    let at = CalloutRows {
        rows: &f.callout_rows,
        top: &f.tops.callouts,
    };
    let callouts = place_callouts(t, texts, &shapes, &placed, &at, (plot_x0, plot_x1));
    let mut labels = placed.labels;
    labels.extend(callouts.labels);
    let caption_y = caption_y(&plot);
    let caption = caption(&f.zone, view, caption_y, f.inner, &f.locale);
    let bottom = f.list_bottom.unwrap_or(caption_y).max(caption_y);
    Scene {
        width: f.width,
        height: (bottom + 8.0 + PAD).ceil(),
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
        leaders: callouts.leaders,
        caption,
        list: f.list.clone(),
        notes: f.notes.clone(),
        view,
        domain: f.full_view,
        empty: None,
        scale: Some(scale),
        tick_step: axis.step,
    }
}

/// The scene of a frame with nothing to lay out.
fn empty_scene(f: &Frame) -> Scene {
    let (empty, caption, height) = f.empty.clone().unwrap_or_else(|| {
        let none = text(
            PAD,
            0.0,
            "",
            AXIS_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        );
        (none.clone(), none, 0.0)
    });
    Scene {
        width: f.width,
        height,
        title: f.title.clone(),
        summary: f.summary.clone(),
        legend: Vec::new(),
        plot: f.axis.plot,
        lanes: Vec::new(),
        grid: Vec::new(),
        tick_labels: Vec::new(),
        span_labels: Vec::new(),
        breaks: Vec::new(),
        bars: Vec::new(),
        markers: Vec::new(),
        labels: Vec::new(),
        leaders: Vec::new(),
        caption,
        list: Vec::new(),
        notes: Vec::new(),
        view: (0, 0),
        domain: (0, 0),
        empty: Some(empty),
        scale: None,
        tick_step: None,
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
