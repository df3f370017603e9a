//! The time scale: instants to pixels and back, with long quiet stretches
//! cut out into axis breaks.
//!
//! Post-mortems put 15-minute outages inside multi-day spans; on a linear axis
//! they become slivers. So the scale works in "compressed time" `u`: busy time
//! maps one to one, at one rate everywhere, and each break (a quiet stretch:
//! no outage, degradation or maintenance running and nothing starting, ending
//! or happening) shrinks to a band of [`break_px`] pixels, in every view.
//! Only stretches long against the whole span become breaks (nights and
//! weekends, never a lull in the response), at most [`MAX_BREAKS`] of them,
//! on whole hours of the display zone. Bars, ticks and hit-testing all go
//! through [`TimeScale::x`] and [`TimeScale::time_at`], so they agree.

use crate::model::{Kind, Timeline};
use crate::order::sort_by_keys;
use crate::time::zone::Zone;
use crate::time::{self, Instant};
use chrono::Timelike;
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

    /// The time it hides, in ms.
    pub fn hidden_ms(&self) -> i64 {
        time::between(self.start, self.end)
    }

    /// How much of it lies in `view`, as a share of its length.
    fn share_in(&self, view: (Instant, Instant)) -> f64 {
        let (a, b) = (self.start.max(view.0), self.end.min(view.1));
        if b <= a || self.len() <= 0.0 {
            0.0
        } else {
            time::between(a, b) as f64 / self.len()
        }
    }
}

/// Maps instants to x pixels through compressed time.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeScale {
    gaps: Vec<Gap>,
    /// Compressed length of one gap, in ms of `u`: what makes a break
    /// [`break_px`] wide at this scale's rate.
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

const HOUR: i64 = 3_600_000;
/// A quiet stretch becomes a break only when it lasts at least this long…
const MIN_QUIET_MS: i64 = 6 * HOUR;
/// …and at least this share of the whole span.
const QUIET_SHARE: f64 = 0.125;
/// Quiet stretches parted only by moments (a milestone in the night), or by
/// less than this of events that hurt no one, are judged together.
const ISLAND_MS: i64 = HOUR;
/// Room kept between an event and a break: this share of the span, at least
/// half an hour; then the break's ends move inwards to whole hours.
const MARGIN_SHARE: f64 = 0.02;
const MIN_MARGIN_MS: i64 = HOUR / 2;
/// A break hides at least this much (a short member of a group is left out).
const MIN_HIDDEN_MS: i64 = 2 * HOUR;
/// Most breaks a chart gets.
pub const MAX_BREAKS: usize = 4;

/// Width of one axis break, in every view.
pub fn break_px(plot_width: f64) -> f64 {
    (plot_width * 0.035).max(16.0).min(26.0)
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

/// The whole local hour at or after (`up`) or at or before `t` in `zone`;
/// `t` itself when the zone's clock makes that hour hard to name.
fn whole_hour(t: Instant, zone: &Zone, up: bool) -> Instant {
    let l = zone.local(t);
    let Some(floor) = l.with_minute(0).and_then(|l| l.with_second(0)) else {
        return t;
    };
    let floor = floor.with_nanosecond(0).unwrap_or(floor);
    let target = if up && floor != l {
        floor + crate::time::step::secs(3_600)
    } else {
        floor
    };
    let snapped = zone.instant_of(target);
    let moves_the_right_way = if up { snapped >= t } else { snapped <= t };
    if moves_the_right_way && time::between(t, snapped).abs() <= HOUR {
        snapped
    } else {
        t
    }
}

/// The breaks for `t` over `domain`, on whole hours of `zone`: the quiet
/// stretches (no outage, degradation or maintenance running, no event
/// starting, ending or happening) that last at least [`MIN_QUIET_MS`] and
/// [`QUIET_SHARE`] of the span, longest first, at most [`MAX_BREAKS`].
/// Stretches parted only by moments, or by less than [`ISLAND_MS`] of
/// events that hurt no one, count together (a night with a milestone in it
/// is one night). Each break keeps a margin from its events, starts and ends
/// on a whole hour, and hides at least [`MIN_HIDDEN_MS`].
pub fn idle_gaps(t: &Timeline, domain: (Instant, Instant), zone: &Zone) -> Vec<Gap> {
    let (lo, hi) = domain;
    let span = time::between(lo, hi) as f64;
    let impact = |k: Kind| k.spec().busy;
    if t.events.is_empty() {
        return Vec::new();
    }
    // Busy stretches (impact events while they run, and every instant an
    // event starts, ends or happens), each marked whether it is an impact event.
    let mut busy: Vec<(Instant, Instant, bool)> = Vec::with_capacity(t.events.len() * 2);
    for e in &t.events {
        if impact(e.kind) {
            busy.push((e.start, e.end.unwrap_or(hi), true));
        } else {
            busy.push((e.start, e.start, false));
            if let Some(end) = e.end {
                busy.push((end, end, false));
            }
        }
    }
    sort_by_keys(&mut busy, |&(s, e, _)| [s, e, 0]);
    // Quiet stretches in time order, grouped where only an island parts
    // them: moments, or less than ISLAND_MS of them with no impact event.
    let mut groups: Vec<Vec<Gap>> = Vec::new();
    let (mut reach, mut island_hurts) = (busy[0].1, busy[0].2);
    for &(s, e, hurts) in &busy[1..] {
        if s > reach {
            let quiet = Gap {
                start: reach,
                end: s,
            };
            let joins = |p: &Gap| !island_hurts && reach - p.end <= ISLAND_MS;
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(joins) => g.push(quiet),
                _ => groups.push(vec![quiet]),
            }
            island_hurts = false;
        }
        island_hurts |= hurts;
        reach = reach.max(e);
    }
    let least = (MIN_QUIET_MS as f64).max(span * QUIET_SHARE);
    let margin = ((span * MARGIN_SHARE) as i64).max(MIN_MARGIN_MS);
    let mut chosen: Vec<(f64, Vec<Gap>)> = Vec::new();
    for g in groups {
        let quiet: f64 = g.iter().map(Gap::len).sum();
        if quiet < least {
            continue;
        }
        let mut inner = Vec::new();
        for q in g {
            let start = whole_hour(time::later(q.start, margin), zone, true);
            let end = whole_hour(time::later(q.end, -margin), zone, false);
            if time::between(start, end) >= MIN_HIDDEN_MS {
                inner.push(Gap { start, end });
            }
        }
        if !inner.is_empty() {
            chosen.push((quiet, inner));
        }
    }
    // Longest first; a group joins while the breaks stay within the limit.
    let mut gaps: Vec<Gap> = Vec::new();
    loop {
        let mut best: Option<usize> = None;
        for (i, (quiet, g)) in chosen.iter().enumerate() {
            let fits = !g.is_empty() && gaps.len() + g.len() <= MAX_BREAKS;
            if fits && best.is_none_or(|b| *quiet > chosen[b].0) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        gaps.append(&mut chosen[b].1);
    }
    sort_by_keys(&mut gaps, |g| [g.start, 0, 0]);
    gaps
}

impl TimeScale {
    /// A scale over `view` (instants) onto pixels `x0..x1`, with `gaps`
    /// cut out so that each takes [`break_px`] pixels (less if breaks
    /// would take more than four fifths of the plot) and busy time keeps one
    /// rate everywhere.
    pub fn new(gaps: Vec<Gap>, view: (Instant, Instant), x0: f64, x1: f64) -> TimeScale {
        let width = (x1 - x0).max(1.0);
        let in_view: f64 = gaps.iter().map(|g| g.share_in(view)).sum();
        let hidden: f64 = gaps.iter().map(|g| g.share_in(view) * g.len()).sum();
        let busy = (time::between(view.0, view.1) as f64 - hidden).max(60_000.0);
        let brk = break_px(width);
        // Busy time gets what the breaks leave: `rate = room / busy`, and a
        // break `brk` pixels is `brk / rate` of compressed time.
        let room = (width - in_view * brk).max(width * 0.2);
        Self::with_gap_u(gaps, brk * busy / room, view, x0, x1)
    }

    /// A scale whose gaps each take `gap_u` of compressed time.
    fn with_gap_u(
        gaps: Vec<Gap>,
        gap_u: f64,
        view: (Instant, Instant),
        x0: f64,
        x1: f64,
    ) -> TimeScale {
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

    /// Pixels per millisecond outside breaks: the same in every piece.
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
    /// which keeps showing the same instant. Busy time grows by `factor`;
    /// breaks keep their width, so the view is measured in the compressed
    /// time of the zoomed scale.
    pub fn zoomed(&self, factor: f64, x: f64) -> (Instant, Instant) {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let width = self.x1 - self.x0;
        let frac = ((x - self.x0) / width).max(0.0).min(1.0);
        let anchor = self.t_of_u(self.u0 + frac * (self.u1 - self.u0));
        let rate = self.px_per_ms() * factor;
        let zoomed = Self::with_gap_u(
            self.gaps.clone(),
            break_px(width) / rate,
            self.visible(),
            self.x0,
            self.x1,
        );
        let u0 = zoomed.u(anchor) - frac * width / rate;
        (zoomed.t_of_u(u0), zoomed.t_of_u(u0 + width / rate))
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

    fn scale() -> TimeScale {
        let gaps = vec![
            Gap {
                start: 10 * HOUR,
                end: 20 * HOUR,
            },
            Gap {
                start: 30 * HOUR,
                end: 50 * HOUR,
            },
        ];
        TimeScale::new(gaps, (0, 60 * HOUR), 100.0, 900.0)
    }

    #[test]
    fn linear_without_gaps() {
        let s = TimeScale::new(vec![], (0, 10 * HOUR), 0.0, 1000.0);
        assert_eq!(s.x(5 * HOUR), 500.0);
        assert_eq!(s.time_at(250.0), 5 * HOUR / 2);
    }

    #[test]
    fn gaps_are_compressed_to_a_break() {
        let s = scale();
        assert_eq!(s.x(0), 100.0);
        assert!((s.x(60 * HOUR) - 900.0).abs() < 1e-6);
        let brk = s.x(20 * HOUR) - s.x(10 * HOUR);
        assert!((brk - break_px(800.0)).abs() < 1e-6, "break is {brk}px");
        // Busy time keeps one rate on both sides of a break.
        let a = s.x(HOUR) - s.x(0);
        let b = s.x(21 * HOUR) - s.x(20 * HOUR);
        assert!((a - b).abs() < 1e-6);
    }

    #[test]
    fn time_at_inverts_x() {
        let s = scale();
        for t in [0, 1, 10, 15, 20, 25, 31, 49, 59].map(|h| h * HOUR) {
            let back = s.time_at(s.x(t));
            assert!((back - t).abs() <= 1, "{t} came back as {back}");
        }
    }

    #[test]
    fn zooming_keeps_the_instant_under_the_pointer_and_the_breaks_their_width() {
        let s = scale();
        for x in [150.0, 500.0, 880.0] {
            let t = s.time_at(x);
            let (a, b) = s.zoomed(4.0, x);
            let z = TimeScale::new(s.gaps().to_vec(), (a, b), 100.0, 900.0);
            assert!(
                (z.x(t) - x).abs() < 0.01,
                "zoom at {x} moved it to {}",
                z.x(t)
            );
            assert!((z.px_per_ms() / s.px_per_ms() - 4.0).abs() < 1e-6);
            for g in z.gaps() {
                let w = z.x(g.end) - z.x(g.start);
                assert!((w - break_px(800.0)).abs() < 1e-6, "a break {w} px wide");
            }
            // Panning keeps the rate.
            let (c, d) = z.panned(-37.0);
            let p = TimeScale::new(s.gaps().to_vec(), (c, d), 100.0, 900.0);
            assert!((p.px_per_ms() / z.px_per_ms() - 1.0).abs() < 1e-6);
            assert!((p.x(t) - (x - 37.0)).abs() < 0.01);
        }
        let narrow = TimeScale::new(vec![], (10 * HOUR, 20 * HOUR), 0.0, 1000.0);
        assert_eq!(narrow.panned(-100.0), (11 * HOUR, 21 * HOUR));
        assert_eq!(narrow.zoomed(0.5, 500.0), (5 * HOUR, 25 * HOUR));
    }

    #[test]
    fn zoomed_view() {
        let gaps = vec![Gap {
            start: 10 * HOUR,
            end: 20 * HOUR,
        }];
        let s = TimeScale::new(gaps, (2 * HOUR, 4 * HOUR), 0.0, 200.0);
        assert!((s.x(3 * HOUR) - 100.0).abs() < 1e-6);
        assert_eq!(s.visible(), (2 * HOUR, 4 * HOUR));
        assert_eq!(s.linear_pieces(), vec![(2 * HOUR, 4 * HOUR)]);
    }

    #[cfg(feature = "full")]
    fn timeline(events: &[(&str, &str, &str)]) -> Timeline {
        let events: Vec<String> = events
            .iter()
            .map(|(kind, start, end)| {
                let end = if end.is_empty() {
                    String::new()
                } else {
                    format!(r#","end":"{end}""#)
                };
                let time = if *kind == "milestone" { "at" } else { "start" };
                format!(r#"{{"kind":"{kind}","title":"x","{time}":"{start}"{end}}}"#)
            })
            .collect();
        crate::parse::parse(&format!(
            r#"{{"version":1,"events":[{}]}}"#,
            events.join(",")
        ))
        .unwrap()
    }

    #[cfg(feature = "full")]
    fn gaps_of(t: &Timeline) -> Vec<Gap> {
        let d = domain(t, None).unwrap();
        idle_gaps(t, d, &Zone::utc())
    }

    #[cfg(feature = "full")]
    #[test]
    fn nights_become_breaks_on_whole_hours_and_lulls_do_not() {
        let t = timeline(&[
            ("outage", "2022-12-07T08:24Z", "2022-12-07T08:49Z"),
            // A two-hour lull in the response.
            ("outage", "2022-12-07T11:00Z", "2022-12-07T11:15Z"),
            ("activity", "2022-12-07T11:15Z", "2022-12-07T13:00Z"),
            ("outage", "2022-12-07T15:00Z", "2022-12-07T15:10Z"),
            ("milestone", "2022-12-07T18:30Z", ""),
            // The night.
            ("milestone", "2022-12-08T09:10Z", ""),
            ("outage", "2022-12-08T10:00Z", "2022-12-08T10:20Z"),
        ]);
        let gaps = gaps_of(&t);
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        let z = Zone::utc();
        let (a, b) = (z.local(gaps[0].start), z.local(gaps[0].end));
        assert_eq!((a.minute(), b.minute()), (0, 0));
        assert!(a.hour() >= 19 && b.hour() <= 8, "{a} – {b}");
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_moment_in_the_night_does_not_save_it_from_a_break() {
        let t = timeline(&[
            ("outage", "2022-12-07T08:24Z", "2022-12-07T08:49Z"),
            ("outage", "2022-12-07T12:00Z", "2022-12-07T12:10Z"),
            ("outage", "2022-12-07T17:00Z", "2022-12-07T17:10Z"),
            ("milestone", "2022-12-08T02:13Z", ""),
            ("outage", "2022-12-08T09:00Z", "2022-12-08T09:20Z"),
            ("outage", "2022-12-08T12:00Z", "2022-12-08T12:20Z"),
        ]);
        let gaps = gaps_of(&t);
        // Both halves of the night, with the milestone between them.
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        let m = t.events[3].start;
        assert!(gaps[0].end < m && m < gaps[1].start);
    }

    #[cfg(feature = "full")]
    #[test]
    fn at_most_a_handful_of_breaks() {
        // Ten days, an outage each morning: nine nights, four breaks.
        let days: Vec<(String, String)> = (1..=10)
            .map(|d| {
                (
                    format!("2022-12-{d:02}T09:00Z"),
                    format!("2022-12-{d:02}T09:10Z"),
                )
            })
            .collect();
        let events: Vec<(&str, &str, &str)> = days
            .iter()
            .map(|(s, e)| ("outage", s.as_str(), e.as_str()))
            .collect();
        let t = timeline(&events);
        // Each night (24 h less 10 min) is long but only a tenth of the span.
        assert!(gaps_of(&t).is_empty());
        let mut weekend = events.clone();
        weekend.retain(|(_, s, _)| !s.contains("-05T") && !s.contains("-06T"));
        let t = timeline(&weekend);
        let gaps = gaps_of(&t);
        assert_eq!(gaps.len(), 1, "the weekend: {gaps:?}");
        assert!(gaps.len() <= MAX_BREAKS);
    }
}
