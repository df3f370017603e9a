//! The scene: everything the chart shows, positioned in pixels, with colours
//! named by role. Layout makes it; drawing and hit-testing only read it.

use crate::layout::scale::TimeScale;
use crate::layout::text_metrics::text_width;
use crate::model::Fill;
use crate::time::Instant;
use serde::Serialize;

/// What a shape or text is, for colouring: the theme turns roles into colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The chart's background.
    Background,
    /// Ordinary text.
    Text,
    /// Secondary text: axis labels, summary.
    MutedText,
    /// Grid lines and axis.
    Grid,
    /// Shading of every other lane.
    LaneBand,
    /// Axis-break marks.
    Break,
    /// A kind's colour: bars, markers, legend swatches.
    Fill(Fill),
    /// Text drawn on a fill: the theme's text or background colour,
    /// whichever reads better there.
    On(Fill),
}

impl Role {
    /// The roles a page can colour, by their names
    /// (`--incident-timeline-<name>`): every fill, then the chart's own.
    pub const SETTABLE: [(&'static str, Role); 11] = [
        ("outage", Role::Fill(Fill::Outage)),
        ("critical", Role::Fill(Fill::OutageCritical)),
        ("degraded", Role::Fill(Fill::Degraded)),
        ("maintenance", Role::Fill(Fill::Maintenance)),
        ("activity", Role::Fill(Fill::Activity)),
        ("milestone", Role::Fill(Fill::Milestone)),
        ("background", Role::Background),
        ("text", Role::Text),
        ("muted", Role::MutedText),
        ("grid", Role::Grid),
        ("band", Role::LaneBand),
    ];
}

#[cfg(test)]
mod role_tests {
    use super::*;

    #[test]
    fn a_page_can_colour_every_fill_by_one_name() {
        for f in Fill::ALL {
            let named = Role::SETTABLE.iter().filter(|(_, r)| *r == Role::Fill(f));
            assert_eq!(named.count(), 1, "{f:?}");
        }
        let mut names: Vec<&str> = Role::SETTABLE.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Role::SETTABLE.len());
    }
}

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// True when the two share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// True when `o` lies wholly inside (with a tolerance for rounding).
    pub fn contains(&self, o: &Rect) -> bool {
        const EPS: f64 = 0.01;
        o.x >= self.x - EPS
            && o.y >= self.y - EPS
            && o.right() <= self.right() + EPS
            && o.bottom() <= self.bottom() + EPS
    }

    /// True when the point is inside.
    pub fn has_point(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.right() && y >= self.y && y <= self.bottom()
    }
}

/// Horizontal anchoring of a text run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// A line of text; `y` is its vertical centre.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    /// Anchor point x.
    pub x: f64,
    /// Vertical centre.
    pub y: f64,
    /// The text, plain.
    pub text: String,
    /// Font size in px.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// How `x` anchors the text.
    pub anchor: Anchor,
    /// Colour role.
    #[serde(skip)]
    pub role: Role,
}

impl Text {
    /// The box the text occupies, from the crate's own metrics.
    pub fn bounds(&self) -> Rect {
        let w = text_width(&self.text, self.size, self.bold);
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        let h = self.size * 1.2;
        Rect {
            x,
            y: self.y - h / 2.0,
            w,
            h,
        }
    }
}

/// A lane's band across the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaneBand {
    /// Index of the lane in the timeline.
    pub lane: usize,
    /// The band, full width of the plot.
    pub rect: Rect,
    /// Every other lane is shaded.
    pub shaded: bool,
    /// The lane's label, unless it would not fit at all.
    pub label: Option<Text>,
    /// Number of rows the lane's events needed.
    pub rows: usize,
    /// Beside a dense row (see [`crate::layout::MAX_ROWS`]), in the label
    /// column: how many events share it ("212 overlapping").
    pub note: Option<Text>,
}

/// How a bar ends on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BarEnd {
    /// It ended.
    Closed,
    /// Still going on: fades out towards the right.
    Ongoing,
}

/// A range event's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Index of the event in the timeline.
    pub event: usize,
    /// Row within its lane.
    pub row: usize,
    /// The slot the bar sits in (full height, clipped to the plot).
    pub rect: Rect,
    /// The painted part: full for most kinds, `impact` of the height for degraded.
    pub fill: Rect,
    /// Colour role of the fill.
    #[serde(skip)]
    pub role: Role,
    /// Whether the bar is drawn as a share ([`crate::model::BarStyle::Share`]):
    /// the part not affected stays visible.
    pub outlined: bool,
    /// Whether its body is hatched: drawn as a share, with the share not stated.
    pub hatched: bool,
    /// Closed or ongoing.
    pub end: BarEnd,
    /// Its times were inferred from a text's instants: its ends are soft.
    pub inferred: bool,
}

/// A milestone's diamond.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    /// Index of the event in the timeline.
    pub event: usize,
    /// Row within its lane.
    pub row: usize,
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Colour role.
    #[serde(skip)]
    pub role: Role,
    /// Half the diamond's width.
    pub radius: f64,
    /// Drawn with an outline in the background colour: in a lane's dense
    /// row, where it may sit on a bar or on another milestone.
    pub outlined: bool,
}

impl Marker {
    /// The diamond's bounding box.
    pub fn bounds(&self) -> Rect {
        Rect {
            x: self.x - self.radius,
            y: self.y - self.radius,
            w: self.radius * 2.0,
            h: self.radius * 2.0,
        }
    }
}

/// A quiet stretch cut out of the time axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AxisBreak {
    /// The band the break covers, through axis and lanes.
    pub rect: Rect,
    /// Start of the compressed stretch.
    pub start: Instant,
    /// End of the compressed stretch.
    pub end: Instant,
    /// How much time it hides ("14 h"), on the tick row, when in view.
    pub label: Option<Text>,
}

/// A callout's leader: a vertical line from a bar down to its label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Leader {
    /// x in pixels.
    pub x: f64,
    /// Where it starts, under the bar.
    pub y0: f64,
    /// Where it ends, beside the label.
    pub y1: f64,
}

/// A vertical grid line at a tick.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridLine {
    /// x in pixels.
    pub x: f64,
    /// True where the day (or larger unit) changes.
    pub major: bool,
}

/// What a legend swatch looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Swatch {
    /// A filled square.
    Block,
    /// A partly filled square (degraded).
    Partial,
    /// A hatched square (degraded, share not stated).
    Hatched,
    /// A thin bar (activity).
    Thin,
    /// A diamond (milestone).
    Diamond,
    /// An axis-break band.
    Break,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    /// Where the swatch goes.
    pub swatch_rect: Rect,
    /// Its shape.
    pub swatch: Swatch,
    /// Its colour role.
    #[serde(skip)]
    pub role: Role,
    /// The entry's text.
    pub text: Text,
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scene {
    /// Width in px.
    pub width: f64,
    /// Height in px.
    pub height: f64,
    /// Title lines.
    pub title: Vec<Text>,
    /// Summary lines.
    pub summary: Vec<Text>,
    /// Legend entries.
    pub legend: Vec<LegendEntry>,
    /// The time area, lanes included.
    pub plot: Rect,
    /// Lane bands, top to bottom.
    pub lanes: Vec<LaneBand>,
    /// Grid lines.
    pub grid: Vec<GridLine>,
    /// Tick labels (first axis row).
    pub tick_labels: Vec<Text>,
    /// Day/month/year labels (second axis row).
    pub span_labels: Vec<Text>,
    /// Axis breaks.
    pub breaks: Vec<AxisBreak>,
    /// Range bars in view.
    pub bars: Vec<Bar>,
    /// Milestones in view.
    pub markers: Vec<Marker>,
    /// Event labels, callouts included.
    pub labels: Vec<Text>,
    /// The callouts' leader lines.
    pub leaders: Vec<Leader>,
    /// The line naming the display zone.
    pub caption: Text,
    /// Under the chart, when some range that hurts users has no room for
    /// its times on the chart: every such range with its times, in time
    /// order, each with its kind's swatch.
    pub list: Vec<LegendEntry>,
    /// The list's heading, and what it leaves out ("and 12 more").
    pub notes: Vec<Text>,
    /// The instants at the plot's left and right edges.
    pub view: (Instant, Instant),
    /// The instants the whole timeline covers (with padding).
    pub domain: (Instant, Instant),
    /// Short text when there is nothing to draw.
    pub empty: Option<Text>,
    /// The axis's tick step, in view (`None` when nothing is drawn).
    #[serde(skip)]
    pub tick_step: Option<crate::layout::ticks::Step>,
    /// The time scale the scene was laid out with (for zoom, pan and pointer times).
    #[serde(skip)]
    pub scale: Option<TimeScale>,
}

impl Scene {
    /// Every text run in the scene.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.title
            .iter()
            .chain(&self.summary)
            .chain(self.legend.iter().map(|l| &l.text))
            .chain(self.lanes.iter().filter_map(|l| l.label.as_ref()))
            .chain(self.lanes.iter().filter_map(|l| l.note.as_ref()))
            .chain(&self.tick_labels)
            .chain(&self.span_labels)
            .chain(self.breaks.iter().filter_map(|b| b.label.as_ref()))
            .chain(&self.labels)
            .chain(std::iter::once(&self.caption))
            .chain(self.list.iter().map(|l| &l.text))
            .chain(&self.notes)
            .chain(&self.empty)
    }
}
