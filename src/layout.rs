//! Layout: a pure function from (timeline, width, display zone, view) to a
//! [`Scene`]. Rows inside a lane keep overlapping events apart; labels go
//! inside, right or left of their bar, or are left to the tooltip — never on
//! top of something else. Text is measured with the crate's own metrics, so
//! the scene is the same wherever it is computed.

use crate::clock::HourCycle;
use crate::model::{Instant, Kind, Severity, Timeline};
use crate::order::by_keys;
use crate::scale::{domain, idle_gaps, Gap, ScaleMode, TimeScale};
use crate::scene::{
    Anchor, AxisBreak, Bar, BarEnd, GridLine, LaneBand, LegendEntry, Marker, Rect, Scene, Swatch,
    Text,
};
use crate::summary::summarize;
use crate::text_metrics::{fit_text, text_width};
use crate::theme::Role;
use crate::ticks::{self, AXIS_FONT};
use crate::zone::{format_offset, Zone};

/// What to lay out for.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// Chart width in CSS pixels.
    pub width: f64,
    /// Display zone; `None` means the document's zone, or UTC.
    pub zone: Option<Zone>,
    /// 12- or 24-hour clock; `None` picks by zone.
    pub hour_cycle: Option<HourCycle>,
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

fn text(
    x: f64,
    y: f64,
    s: impl Into<String>,
    size: f64,
    bold: bool,
    anchor: Anchor,
    role: Role,
) -> Text {
    Text {
        x,
        y,
        text: printable(s.into()),
        size,
        bold,
        anchor,
        role,
    }
}

/// Text without control characters (and U+FFFE, U+FFFF): they draw as
/// nothing (and measure as nothing), and XML 1.0 cannot hold them in SVG.
fn printable(s: String) -> String {
    let bad = |c: char| c.is_control() || c == '\u{fffe}' || c == '\u{ffff}';
    if s.chars().any(bad) {
        s.chars().filter(|c| !bad(*c)).collect()
    } else {
        s
    }
}

/// Greedy word wrap into at most `max_lines`, the last cut with an ellipsis.
fn wrap(s: &str, size: f64, bold: bool, width: f64, max_lines: usize, sep: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split(sep).filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current}{sep}{word}")
        };
        if text_width(&candidate, size, bold) <= width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(sep);
        lines.push(rest);
    }
    lines
        .into_iter()
        .filter_map(|l| fit_text(&l, size, bold, width))
        .collect()
}

/// Rows per lane, computed at full view so that zooming never reshuffles them.
#[derive(Default)]
struct Rows {
    row_of: Vec<usize>,
    per_lane: Vec<usize>,
    /// Width of each event's title at the label font, measured once per layout.
    title_w: Vec<f64>,
    /// Events by lane, then row, then left to right: the order shapes are
    /// laid out and drawn in, so that neighbours in a row come one after
    /// the other (labels look at them; drawing merges them).
    order: Vec<usize>,
    /// Per lane: whether its last row is a dense row.
    dense: Vec<bool>,
}

/// The rows of one lane, keyed by where each row becomes free again (the
/// right edge of its last bar, plus the gap), with and without that bar's
/// label. Two min-trees answer "the first row free at x" in O(log rows), so
/// a lane with thousands of rows costs no more than one with a few.
struct FreeRows {
    size: usize,
    len: usize,
    cap: usize,
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

fn bar_span(s: &TimeScale, start: Instant, end: Instant) -> (f64, f64) {
    let x0 = s.x(start);
    (x0, s.x(end).max(x0 + MIN_BAR_W))
}

fn assign_rows(t: &Timeline, full: &TimeScale, open_end: Instant) -> Rows {
    let order = by_keys(
        t.events
            .iter()
            .map(|e| [e.lane as i64, e.start, e.end.unwrap_or(open_end)]),
    );
    let mut row_of = vec![0; t.events.len()];
    let mut per_lane = vec![0; t.lanes.len()];
    let mut dense = vec![false; t.lanes.len()];
    let mut title_w = vec![0.0; t.events.len()];
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
        title_w[i] = text_width(&e.title, LABEL_FONT, false);
        let label = title_w[i] + 2.0 * LABEL_PAD;
        let label_inside = !e.is_point() && e.kind != Kind::Activity && label <= x1 - x0;
        let reach = if label_inside { x1 } else { x1 + label };
        // A row is free for this shape when its edge + ROW_GAP <= x0.
        row_of[i] = match rows.pick(x0) {
            Some(r) => {
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
        title_w,
        order,
        dense,
    }
}

fn fill_role(kind: Kind, severity: Severity) -> Role {
    match kind {
        Kind::Outage if severity == Severity::Critical => Role::OutageCritical,
        Kind::Outage => Role::Outage,
        Kind::Degraded => Role::Degraded,
        Kind::Maintenance => Role::Maintenance,
        Kind::Activity => Role::Activity,
        Kind::Milestone => Role::Milestone,
    }
}

/// Everything about a layout that does not depend on the view: the header,
/// legend, lanes and rows, and the compressed time scale's breaks. Computed
/// once for a timeline, width, zone and scale mode, and reused for every
/// frame of a zoom or pan.
pub struct Frame {
    zone: Zone,
    cycle: HourCycle,
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
    plot: Rect,
    axis_top: f64,
    span_y: f64,
    tick_y: f64,
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
    let cycle = o.hour_cycle.unwrap_or_else(|| HourCycle::for_zone(&zone));
    let inner = width - 2.0 * PAD;
    // The present only ever lies within the years documents can name.
    let now = o.now.map(|n| {
        n.clamp(
            crate::options::EARLIEST as Instant,
            crate::options::LATEST as Instant,
        )
    });

    // Header: title, summary, legend.
    let mut y = PAD;
    let mut title = Vec::new();
    if let Some(tt) = &t.title {
        for line in wrap(tt, TITLE_FONT, true, inner, 2, " ") {
            title.push(text(
                PAD,
                y + TITLE_FONT * 0.6,
                line,
                TITLE_FONT,
                true,
                Anchor::Start,
                Role::Text,
            ));
            y += TITLE_FONT * 1.3;
        }
        y += 2.0;
    }
    let summary_line = if t.events.is_empty() {
        "No events".to_string()
    } else {
        summarize(t, now).line()
    };
    let mut summary = Vec::new();
    for line in wrap(&summary_line, SUMMARY_FONT, false, inner, 3, " · ") {
        summary.push(text(
            PAD,
            y + SUMMARY_FONT * 0.6,
            line,
            SUMMARY_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        ));
        y += SUMMARY_FONT * 1.35;
    }
    y += 6.0;

    let dom = domain(t, now);
    let Some((d0, d1)) = dom else {
        let empty = text(
            PAD,
            y + 14.0,
            "This timeline has no events yet.",
            LABEL_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        );
        let caption = text(
            PAD,
            y + 36.0,
            format!("Times in {}", zone.name()),
            AXIS_FONT,
            false,
            Anchor::Start,
            Role::MutedText,
        );
        return Frame {
            cycle,
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
            plot: Rect {
                x: PAD,
                y,
                w: inner,
                h: 28.0,
            },
            axis_top: 0.0,
            span_y: 0.0,
            tick_y: 0.0,
            zone,
            empty: Some((empty, caption, y + 36.0 + PAD + 6.0)),
        };
    };
    let (d0, d1) = if d1 - d0 < MIN_VIEW_MS {
        (d0 - 30 * 60_000, d1 + 30 * 60_000)
    } else {
        (d0, d1)
    };

    // Lane label column.
    let label_col = if narrow {
        0.0
    } else {
        let widest = t
            .lanes
            .iter()
            .map(|l| text_width(&l.label, LABEL_FONT, true))
            .fold(0.0, f64::max);
        (widest + 14.0).min((inner * 0.28).floor()).max(64.0)
    };
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

    // Legend.
    let has = |k: Kind| t.events.iter().any(|e| e.kind == k);
    let mut entries: Vec<(Swatch, Role, &str)> = Vec::new();
    if t.events
        .iter()
        .any(|e| e.kind == Kind::Outage && e.severity != Severity::Critical)
    {
        entries.push((Swatch::Block, Role::Outage, "Outage"));
    }
    if t.events
        .iter()
        .any(|e| e.kind == Kind::Outage && e.severity == Severity::Critical)
    {
        entries.push((Swatch::Block, Role::OutageCritical, "Critical outage"));
    }
    if has(Kind::Degraded) {
        entries.push((
            Swatch::Partial,
            Role::Degraded,
            "Degraded (height = share affected)",
        ));
    }
    if has(Kind::Maintenance) {
        entries.push((Swatch::Block, Role::Maintenance, "Maintenance"));
    }
    if has(Kind::Activity) {
        entries.push((Swatch::Thin, Role::Activity, "Activity"));
    }
    if has(Kind::Milestone) {
        entries.push((Swatch::Diamond, Role::Milestone, "Milestone"));
    }
    if !gaps.is_empty() {
        entries.push((Swatch::Break, Role::Break, "Quiet time, compressed"));
    }
    let mut legend = Vec::new();
    let mut lx = PAD;
    let line_h = 18.0;
    for (swatch, role, label) in entries {
        let w = 12.0 + 5.0 + text_width(label, SUMMARY_FONT, false);
        if lx > PAD && lx + w > width - PAD {
            lx = PAD;
            y += line_h;
        }
        let cy = y + line_h / 2.0;
        legend.push(LegendEntry {
            swatch_rect: Rect {
                x: lx,
                y: cy - 6.0,
                w: 12.0,
                h: 12.0,
            },
            swatch,
            role,
            text: text(
                lx + 17.0,
                cy,
                label,
                SUMMARY_FONT,
                false,
                Anchor::Start,
                Role::Text,
            ),
        });
        lx += w + 16.0;
    }
    y += line_h + 8.0;

    // Axis rows above the lanes.
    let span_y = y + 7.0;
    let tick_y = y + 22.0;
    let axis_top = y;
    y += 32.0;
    let plot_top = y;

    // Lanes and rows.
    let open_end = d1;
    let rows = assign_rows(t, &full, open_end);
    let lane_header = if narrow { 16.0 } else { 0.0 };
    let mut in_dense_row = vec![0; t.lanes.len()];
    for (e, &r) in t.events.iter().zip(&rows.row_of) {
        if rows.dense[e.lane] && r + 1 == rows.per_lane[e.lane] {
            in_dense_row[e.lane] += 1;
        }
    }
    let mut lanes = Vec::with_capacity(t.lanes.len());
    let mut row_top = vec![0.0; t.lanes.len()];
    for (i, lane) in t.lanes.iter().enumerate() {
        let n = rows.per_lane[i].max(1);
        let h = LANE_PAD * 2.0 + lane_header + n as f64 * ROW_H;
        let rect = Rect {
            x: PAD,
            y,
            w: width - 2.0 * PAD,
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
        // A dense row says how many events share it, in the label column,
        // as long as the column has room ("212 overlapping", "212 overlap",
        // "+212"); a narrow chart has no column: there the table tells.
        let count = in_dense_row[i];
        let note = [
            format!("{count} overlapping"),
            format!("{count} overlap"),
            format!("+{count}"),
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
    let plot = Rect {
        x: plot_x0,
        y: plot_top,
        w: plot_w,
        h: (y - plot_top).max(ROW_H),
    };
    Frame {
        zone,
        cycle,
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
        plot,
        axis_top,
        span_y,
        tick_y,
        empty: None,
    }
}

/// The view-dependent part of [`layout`]: the scene for `view` (instants at
/// the left and right edges; `None` shows everything) in a prepared frame.
pub fn layout_view(t: &Timeline, f: &Frame, view: Option<(Instant, Instant)>) -> Scene {
    if let Some((empty, caption, height)) = &f.empty {
        return Scene {
            width: f.width,
            height: *height,
            title: f.title.clone(),
            summary: f.summary.clone(),
            legend: Vec::new(),
            plot: f.plot,
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
    let (zone, cycle, plot, rows) = (&f.zone, f.cycle, f.plot, &f.rows);
    let (plot_x0, plot_x1) = (plot.x, plot.right());
    let (d0, d1) = f.domain;
    let full_view = f.full_view;
    let (axis_top, span_y, tick_y, open_end) = (f.axis_top, f.span_y, f.tick_y, d1);
    let view = match view {
        Some((a, b)) if b > a => {
            let a = a.clamp(full_view.0, full_view.1 - MIN_VIEW_MS);
            let b = b.clamp(a + MIN_VIEW_MS, full_view.1);
            (a, b)
        }
        _ => full_view,
    };
    let scale = TimeScale::new(f.gaps.clone(), (d0, d1), view, plot_x0, plot_x1);

    // Axis.
    let axis = ticks::axis(&scale, zone, cycle);
    let grid = axis
        .ticks
        .iter()
        .filter(|t| t.x >= plot_x0 && t.x <= plot_x1)
        .map(|t| GridLine {
            x: t.x,
            major: t.major,
        })
        .collect();
    let tick_labels = axis
        .ticks
        .iter()
        .filter_map(|t| {
            let l = t.label.as_ref()?;
            Some(text(
                t.x,
                tick_y,
                l.clone(),
                AXIS_FONT,
                false,
                Anchor::Middle,
                Role::MutedText,
            ))
        })
        .collect();
    let span_labels = axis
        .spans
        .iter()
        .map(|s| {
            text(
                s.x,
                span_y,
                s.text.clone(),
                AXIS_FONT,
                true,
                Anchor::Start,
                Role::Text,
            )
        })
        .collect();
    let breaks = scale
        .gaps()
        .iter()
        .filter_map(|g| {
            let (a, b) = (scale.x(g.start).max(plot_x0), scale.x(g.end).min(plot_x1));
            (b > a).then(|| AxisBreak {
                rect: Rect {
                    x: a,
                    y: axis_top,
                    w: b - a,
                    h: plot.bottom() - axis_top,
                },
                start: g.start,
                end: g.end,
            })
        })
        .collect();

    // Bars and markers in view, row by row, left to right; with what label
    // placement needs to know of each.
    let mut bars = Vec::new();
    let mut markers = Vec::new();
    let mut items: Vec<LabelItem> = Vec::new();
    for &i in &rows.order {
        let e = &t.events[i];
        let row = rows.row_of[i];
        // No labels in a dense row: its shapes may overlap.
        let labelled = !(rows.dense[e.lane] && row + 1 == rows.per_lane[e.lane]);
        let top = f.row_top[e.lane] + row as f64 * ROW_H;
        let cy = top + ROW_H / 2.0;
        if e.is_point() {
            let x = scale.x(e.start);
            if x >= plot_x0 && x <= plot_x1 {
                let m = Marker {
                    event: i,
                    row,
                    x,
                    y: cy,
                    radius: MARKER_R,
                    outlined: !labelled,
                };
                if labelled {
                    let b = m.bounds();
                    items.push((e.lane, row, b.x, b.right(), cy, i, false, Role::Milestone));
                }
                markers.push(m);
            }
            continue;
        }
        let (x0, x1) = bar_span(&scale, e.start, e.end.unwrap_or(open_end));
        if x1 < plot_x0 || x0 > plot_x1 {
            continue;
        }
        let (x0, x1) = (
            x0.max(plot_x0),
            x1.min(plot_x1)
                .max(x0.max(plot_x0) + MIN_BAR_W.min(plot_x1 - x0.max(plot_x0))),
        );
        let h = if e.kind == Kind::Activity {
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
        let fill = if e.kind == Kind::Degraded {
            let fh = if e.impact > 0.0 {
                (h * e.impact).max(2.0)
            } else {
                0.0
            };
            Rect {
                y: rect.bottom() - fh,
                h: fh,
                ..rect
            }
        } else {
            rect
        };
        let role = fill_role(e.kind, e.severity);
        if labelled {
            let inside = e.kind != Kind::Activity && (e.kind != Kind::Degraded || e.impact >= 0.95);
            items.push((e.lane, row, x0, x1, cy, i, inside, role));
        }
        bars.push(Bar {
            event: i,
            row,
            rect,
            fill,
            role,
            outlined: e.kind == Kind::Degraded,
            end: if e.end.is_none() {
                BarEnd::Ongoing
            } else {
                BarEnd::Closed
            },
        });
    }
    let labels = place_labels(t, &items, rows, plot_x0, plot_x1);

    let mut offsets: Vec<i32> = Vec::new();
    for at in [view.0, view.1] {
        let off = zone.offset_seconds(at);
        if !offsets.contains(&off) {
            offsets.push(off);
        }
    }
    let offsets: Vec<String> = offsets.into_iter().map(format_offset).collect();
    let caption_text = if zone.is_utc() {
        "Times in UTC".to_string()
    } else {
        format!("Times in {} ({})", zone.name(), offsets.join(" / "))
    };
    let caption_y = plot.bottom() + 14.0;
    let caption = text(
        PAD,
        caption_y,
        fit_text(&caption_text, AXIS_FONT, false, f.inner).unwrap_or_default(),
        AXIS_FONT,
        false,
        Anchor::Start,
        Role::MutedText,
    );

    Scene {
        width: f.width,
        height: (caption_y + 8.0 + PAD).ceil(),
        title: f.title.clone(),
        summary: f.summary.clone(),
        legend: f.legend.clone(),
        plot,
        lanes: f.lanes.clone(),
        grid,
        tick_labels,
        span_labels,
        breaks,
        bars,
        markers,
        labels,
        caption,
        view,
        domain: full_view,
        empty: None,
        scale: Some(scale),
        tick_step: axis.step,
    }
}

/// What label placement knows of a bar or milestone: (lane, row, left,
/// right, centre y, event, label can go inside, fill role).
type LabelItem = (usize, usize, f64, f64, f64, usize, bool, Role);

/// Places each event's label inside its bar, to the right, or to the left,
/// wherever it fits without touching a neighbour; otherwise it is left out.
/// `items` come row by row, left to right.
fn place_labels(
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
        Role::Outage => Role::OnOutage,
        Role::OutageCritical => Role::OnOutageCritical,
        Role::Degraded => Role::OnDegraded,
        Role::Maintenance => Role::OnMaintenance,
        _ => Role::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
