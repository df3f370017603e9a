//! The time scale: instants to pixels and back, with idle stretches
//! compressed into axis breaks.
//!
//! Post-mortems put 15-minute outages inside multi-day spans; on a linear axis
//! they become slivers. So the scale works in "compressed time" `u`: busy time
//! maps one to one, and each idle gap (no outage, degradation or maintenance
//! running and nothing starting, ending or happening) shrinks to a fixed
//! amount. Bars, ticks and hit-testing all go through [`TimeScale::x`] and
//! [`TimeScale::time_at`], so they agree.

use crate::model::{Kind, Timeline};
use crate::order::sort_by_keys;
use crate::time::{self, Instant};
use serde::Deserialize;

/// How the time axis is scaled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScaleMode {
    /// Compress idle stretches when short events sit in a long span.
    #[default]
    Auto,
    /// Plain linear time.
    Linear,
}

impl ScaleMode {
    /// Reads `auto` or `linear`.
    pub fn from_name(name: &str) -> Option<ScaleMode> {
        match name {
            "auto" => Some(ScaleMode::Auto),
            "linear" => Some(ScaleMode::Linear),
            _ => None,
        }
    }
}

/// A stretch of idle time drawn compressed, as an axis break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// First instant of the compressed stretch.
    pub start: Instant,
    /// Last instant of the compressed stretch.
    pub end: Instant,
}

impl Gap {
    fn len(&self) -> f64 {
        time::between(self.start, self.end) as f64
    }
}

/// Maps instants to x pixels through compressed time.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeScale {
    gaps: Vec<Gap>,
    /// Compressed length of one gap, in ms of `u`.
    gap_u: f64,
    /// `removed[i]`: time removed by gaps `0..i`.
    removed: Vec<f64>,
    /// Where each gap starts in `u`.
    gap_starts_u: Vec<f64>,
    u0: f64,
    u1: f64,
    x0: f64,
    x1: f64,
}

/// Shortest an impact event should be drawn before idle time gets compressed.
const GOAL_PX: f64 = 14.0;
/// Room kept between an event and the start of a break.
const MARGIN_PX: f64 = 8.0;
/// Share of the plot the breaks may take together.
const MAX_BREAK_SHARE: f64 = 0.3;

/// Width of one axis break at full view.
pub fn break_px(plot_width: f64) -> f64 {
    (plot_width * 0.03).max(10.0).min(18.0)
}

/// The instants that matter to the axis: the time the events cover, with
/// ongoing ranges running to `until` (or a little past the last instant).
pub fn domain(t: &Timeline, until: Option<Instant>) -> Option<(Instant, Instant)> {
    let (lo, hi) = t.extent()?;
    let ongoing = t.events.iter().any(|e| e.is_ongoing());
    let hi = match until {
        Some(now) if ongoing => hi.max(now),
        _ if ongoing => time::later(hi, (time::between(lo, hi) / 10).max(15 * 60_000)),
        _ => hi,
    };
    Some((lo, hi.max(time::later(lo, 1))))
}

/// Chooses the idle gaps to compress so that the shortest impact event gets
/// about [`GOAL_PX`] pixels, if compressing is needed at all.
pub fn idle_gaps(t: &Timeline, domain: (Instant, Instant), plot_width: f64) -> Vec<Gap> {
    let (lo, hi) = domain;
    let span = time::between(lo, hi) as f64;
    let impact = |k: Kind| k.spec().busy;
    let shortest = t
        .events
        .iter()
        .filter(|e| impact(e.kind))
        .map(|e| (e.end.unwrap_or(hi) - e.start).max(60_000) as f64)
        .fold(f64::INFINITY, f64::min);
    if !shortest.is_finite() || shortest / span * plot_width >= GOAL_PX {
        return Vec::new();
    }
    // Busy stretches: impact events while they run, and every instant an event starts, ends or happens.
    let mut busy: Vec<(Instant, Instant)> = Vec::with_capacity(t.events.len() * 2);
    for e in &t.events {
        if impact(e.kind) {
            busy.push((e.start, e.end.unwrap_or(hi)));
        } else {
            busy.push((e.start, e.start));
            if let Some(end) = e.end {
                busy.push((end, end));
            }
        }
    }
    sort_by_keys(&mut busy, |&(s, e)| [s, e, 0]);
    let mut candidates: Vec<Gap> = Vec::new();
    let mut reach = busy[0].1;
    for &(s, e) in &busy[1..] {
        if s > reach {
            candidates.push(Gap {
                start: reach,
                end: s,
            });
        }
        reach = reach.max(e);
    }
    sort_by_keys(&mut candidates, |g| {
        [time::between(g.end, g.start), g.start, 0]
    });

    let brk = break_px(plot_width);
    let max_breaks = ((plot_width * MAX_BREAK_SHARE) / brk).floor() as usize;
    // Margins and the worth of a break are judged at the rate being aimed
    // for: the rate while compressing is lower and would make every margin
    // swallow the gap it guards.
    let goal_rate = GOAL_PX / shortest;
    let margin = (MARGIN_PX / goal_rate) as i64;
    let mut gaps: Vec<Gap> = Vec::new();
    let mut removed = 0.0;
    for g in &candidates {
        let r = (plot_width - gaps.len() as f64 * brk) / (span - removed);
        if shortest * r >= GOAL_PX || gaps.len() >= max_breaks {
            break;
        }
        let inner = Gap {
            start: time::later(g.start, margin),
            end: time::later(g.end, -margin),
        };
        if inner.len() * goal_rate < 2.0 * brk {
            break;
        }
        removed += inner.len();
        gaps.push(inner);
    }
    sort_by_keys(&mut gaps, |g| [g.start, 0, 0]);
    gaps
}

impl TimeScale {
    /// A scale over `view` (instants) onto pixels `x0..x1`, with `gaps`
    /// compressed so that each takes `break_px(x1 - x0)` pixels when the
    /// whole `domain` is in view.
    pub fn new(
        gaps: Vec<Gap>,
        domain: (Instant, Instant),
        view: (Instant, Instant),
        x0: f64,
        x1: f64,
    ) -> TimeScale {
        let width = (x1 - x0).max(1.0);
        let total_gap: f64 = gaps.iter().map(Gap::len).sum();
        let busy = (time::between(domain.0, domain.1) as f64 - total_gap).max(1.0);
        let brk = break_px(width);
        let n = gaps.len() as f64;
        let gap_u = if gaps.is_empty() {
            0.0
        } else {
            busy * brk / (width - n * brk).max(width * 0.2)
        };
        let mut removed = Vec::with_capacity(gaps.len() + 1);
        let mut acc = 0.0;
        removed.push(acc);
        for g in &gaps {
            acc += g.len() - gap_u;
            removed.push(acc);
        }
        let gap_starts_u = gaps
            .iter()
            .zip(&removed)
            .map(|(g, r)| g.start as f64 - r)
            .collect();
        let mut s = TimeScale {
            gaps,
            gap_u,
            removed,
            gap_starts_u,
            u0: 0.0,
            u1: 1.0,
            x0,
            x1,
        };
        s.u0 = s.u(view.0);
        s.u1 = s.u(view.1).max(s.u0 + 1.0);
        s
    }

    /// Compressed time of an instant.
    fn u(&self, t: Instant) -> f64 {
        let i = self.gaps.partition_point(|g| g.end <= t);
        let before = self.removed[i];
        match self.gaps.get(i) {
            Some(g) if g.start < t => {
                g.start as f64 - before + time::between(g.start, t) as f64 / g.len() * self.gap_u
            }
            _ => t as f64 - before,
        }
    }

    /// The instant at compressed time `u`.
    fn t_of_u(&self, u: f64) -> Instant {
        // Gaps starting (in u) at or before u: the last of them may contain u.
        let i = self.gap_starts_u.partition_point(|s| *s <= u);
        if i > 0 {
            let (g, gs) = (self.gaps[i - 1], self.gap_starts_u[i - 1]);
            if u < gs + self.gap_u {
                return time::later(g.start, ((u - gs) / self.gap_u * g.len()).round() as i64);
            }
        }
        (u + self.removed[i]).round() as Instant
    }

    /// Pixel x of an instant (may lie outside the plot when out of view).
    pub fn x(&self, t: Instant) -> f64 {
        self.x0 + (self.u(t) - self.u0) / (self.u1 - self.u0) * (self.x1 - self.x0)
    }

    /// The instant under pixel x.
    pub fn time_at(&self, x: f64) -> Instant {
        self.t_of_u(self.u0 + (x - self.x0) / (self.x1 - self.x0) * (self.u1 - self.u0))
    }

    /// Pixels per millisecond outside breaks.
    pub fn px_per_ms(&self) -> f64 {
        (self.x1 - self.x0) / (self.u1 - self.u0)
    }

    /// The compressed stretches.
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The instants at the left and right edges of the plot.
    pub fn visible(&self) -> (Instant, Instant) {
        (self.time_at(self.x0), self.time_at(self.x1))
    }

    /// The plot's pixel range.
    pub fn range(&self) -> (f64, f64) {
        (self.x0, self.x1)
    }

    /// The view after zooming by `factor` (> 1 zooms in) around pixel `x`,
    /// which keeps showing the same instant.
    pub fn zoomed(&self, factor: f64, x: f64) -> (Instant, Instant) {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let frac = ((x - self.x0) / (self.x1 - self.x0)).max(0.0).min(1.0);
        let anchor = self.u0 + frac * (self.u1 - self.u0);
        let width = (self.u1 - self.u0) / factor;
        let u0 = anchor - frac * width;
        (self.t_of_u(u0), self.t_of_u(u0 + width))
    }

    /// The view after dragging the chart `dx` pixels to the right.
    pub fn panned(&self, dx: f64) -> (Instant, Instant) {
        let du = -dx / (self.x1 - self.x0) * (self.u1 - self.u0);
        (self.t_of_u(self.u0 + du), self.t_of_u(self.u1 + du))
    }

    /// The stretches of the view that are not compressed, in time order.
    pub fn linear_pieces(&self) -> Vec<(Instant, Instant)> {
        let (lo, hi) = self.visible();
        let mut pieces = Vec::new();
        let mut from = lo;
        for g in &self.gaps {
            if g.end <= from || g.start >= hi {
                continue;
            }
            if g.start > from {
                pieces.push((from, g.start));
            }
            from = g.end;
        }
        if from < hi {
            pieces.push((from, hi));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    fn scale() -> TimeScale {
        let gaps = vec![
            Gap {
                start: 10 * H,
                end: 20 * H,
            },
            Gap {
                start: 30 * H,
                end: 50 * H,
            },
        ];
        TimeScale::new(gaps, (0, 60 * H), (0, 60 * H), 100.0, 900.0)
    }

    #[test]
    fn linear_without_gaps() {
        let s = TimeScale::new(vec![], (0, 10 * H), (0, 10 * H), 0.0, 1000.0);
        assert_eq!(s.x(5 * H), 500.0);
        assert_eq!(s.time_at(250.0), 5 * H / 2);
    }

    #[test]
    fn gaps_are_compressed_to_a_break() {
        let s = scale();
        assert_eq!(s.x(0), 100.0);
        assert!((s.x(60 * H) - 900.0).abs() < 1e-6);
        let brk = s.x(20 * H) - s.x(10 * H);
        assert!((brk - break_px(800.0)).abs() < 1e-6, "break is {brk}px");
        // Busy time keeps one rate on both sides of a break.
        let a = s.x(H) - s.x(0);
        let b = s.x(21 * H) - s.x(20 * H);
        assert!((a - b).abs() < 1e-6);
    }

    #[test]
    fn time_at_inverts_x() {
        let s = scale();
        for t in [0, H, 10 * H, 15 * H, 20 * H, 25 * H, 31 * H, 49 * H, 59 * H] {
            let back = s.time_at(s.x(t));
            assert!((back - t).abs() <= 1, "{t} came back as {back}");
        }
    }

    #[test]
    fn zooming_keeps_the_instant_under_the_pointer_and_panning_moves_the_view() {
        let s = scale();
        for x in [150.0, 500.0, 880.0] {
            let t = s.time_at(x);
            let (a, b) = s.zoomed(4.0, x);
            let z = TimeScale::new(s.gaps().to_vec(), (0, 60 * H), (a, b), 100.0, 900.0);
            assert!(
                (z.x(t) - x).abs() < 0.01,
                "zoom at {x} moved it to {}",
                z.x(t)
            );
            assert!(z.px_per_ms() > s.px_per_ms() * 3.99);
        }
        let narrow = TimeScale::new(vec![], (0, 60 * H), (10 * H, 20 * H), 0.0, 1000.0);
        assert_eq!(narrow.panned(-100.0), (11 * H, 21 * H));
        assert_eq!(narrow.zoomed(0.5, 500.0), (5 * H, 25 * H));
    }

    #[test]
    fn zoomed_view() {
        let gaps = vec![Gap {
            start: 10 * H,
            end: 20 * H,
        }];
        let s = TimeScale::new(gaps, (0, 30 * H), (2 * H, 4 * H), 0.0, 200.0);
        assert!((s.x(3 * H) - 100.0).abs() < 1e-6);
        assert_eq!(s.visible(), (2 * H, 4 * H));
        assert_eq!(s.linear_pieces(), vec![(2 * H, 4 * H)]);
    }
}
