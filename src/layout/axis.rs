//! The axis as it is in view: grid lines, tick labels, the row naming days
//! (or months, or years), the axis breaks each labelled with the time it
//! hides ("14 h", on the tick row, where tick labels give way to it), and the
//! caption naming the display zone with its offsets at the view's two ends.

use super::scale::TimeScale;
use super::scene::{Anchor, AxisBreak, GridLine, Rect, Role, Text};
use super::text::text;
use super::text_metrics::fit_text;
use super::ticks::{self, Step, AXIS_FONT};
use super::PAD;
use crate::time::clock::Clock;
use crate::time::zone::{format_offset, Zone};
use crate::time::Instant;
use crate::words::Locale;

/// Room kept between a break's label and a tick label.
const BREAK_LABEL_GAP: f64 = 6.0;

/// The axis items of one view.
pub(super) struct AxisItems {
    pub(super) grid: Vec<GridLine>,
    pub(super) tick_labels: Vec<Text>,
    pub(super) span_labels: Vec<Text>,
    pub(super) breaks: Vec<AxisBreak>,
    pub(super) step: Option<Step>,
}

/// Where the axis goes: the plot, the top of the axis rows, and the
/// baselines of the span row and the tick row.
pub(super) struct AxisGeometry {
    pub(super) plot: Rect,
    pub(super) axis_top: f64,
    pub(super) span_y: f64,
    pub(super) tick_y: f64,
}

/// The axis of `scale` in `zone`, its breaks' labels in `locale`'s words.
pub(super) fn axis_items(
    scale: &TimeScale,
    zone: &Zone,
    locale: &Locale,
    cycle: Clock<'_>,
    g: &AxisGeometry,
) -> AxisItems {
    let (plot, plot_x0, plot_x1) = (g.plot, g.plot.x, g.plot.right());
    let axis = ticks::axis(scale, zone, cycle);
    let grid = axis
        .ticks
        .iter()
        .filter(|t| t.x >= plot_x0 && t.x <= plot_x1)
        .map(|t| GridLine {
            x: t.x,
            major: t.major,
        })
        .collect();
    let mut breaks: Vec<AxisBreak> = Vec::new();
    for gap in scale.gaps() {
        let (a, b) = (
            scale.x(gap.start).max(plot_x0),
            scale.x(gap.end).min(plot_x1),
        );
        if b <= a {
            continue;
        }
        let mut label = text(
            (a + b) / 2.0,
            g.tick_y,
            locale.duration(gap.hidden_ms() as f64),
            AXIS_FONT,
            true,
            Anchor::Middle,
            Role::MutedText,
        );
        // Inside the plot, or not at all.
        let r = label.bounds();
        label.x += (plot_x0 - r.x).max(0.0) + (plot_x1 - r.right()).min(0.0);
        breaks.push(AxisBreak {
            rect: Rect {
                x: a,
                y: g.axis_top,
                w: b - a,
                h: plot.bottom() - g.axis_top,
            },
            start: gap.start,
            end: gap.end,
            label: (r.w <= plot.w).then_some(label),
        });
    }
    // Tick labels give way to the breaks' labels.
    let mut tick_labels = Vec::new();
    for t in &axis.ticks {
        let Some(l) = &t.label else { continue };
        let label = text(
            t.x,
            g.tick_y,
            l.clone(),
            AXIS_FONT,
            false,
            Anchor::Middle,
            Role::MutedText,
        );
        let r = label.bounds();
        let clear = breaks.iter().all(|b| {
            b.label.as_ref().is_none_or(|k| {
                let k = k.bounds();
                r.right() + BREAK_LABEL_GAP <= k.x || r.x >= k.right() + BREAK_LABEL_GAP
            })
        });
        if clear {
            tick_labels.push(label);
        }
    }
    let span_labels = axis
        .spans
        .iter()
        .map(|s| {
            text(
                s.x,
                g.span_y,
                s.text.clone(),
                AXIS_FONT,
                true,
                Anchor::Start,
                Role::Text,
            )
        })
        .collect();
    AxisItems {
        grid,
        tick_labels,
        span_labels,
        breaks,
        step: axis.step,
    }
}

/// "Times in America/Los_Angeles (UTC−08:00)": the zone and its offsets at
/// the two ends of `view`, at `y`, cut to `width`.
pub(super) fn caption(
    zone: &Zone,
    view: (Instant, Instant),
    y: f64,
    width: f64,
    locale: &Locale,
) -> Text {
    let mut offsets: Vec<i32> = Vec::new();
    for at in [view.0, view.1] {
        let off = zone.offset_seconds(at);
        if !offsets.contains(&off) {
            offsets.push(off);
        }
    }
    let offsets: Vec<String> = offsets.into_iter().map(format_offset).collect();
    let offsets: Vec<&str> = offsets.iter().map(String::as_str).collect();
    let caption_text = if zone.is_utc() {
        locale.word("axis.utc").to_string()
    } else {
        let offsets = crate::strings::join(&offsets, " / ");
        locale.fill("axis.zone", &[("zone", zone.name()), ("offsets", &offsets)])
    };
    text(
        PAD,
        y,
        fit_text(&caption_text, AXIS_FONT, false, width).unwrap_or_default(),
        AXIS_FONT,
        false,
        Anchor::Start,
        Role::MutedText,
    )
}
