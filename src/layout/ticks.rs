//! Axis ticks in the manner of d3-time: a nice interval from one small table
//! (seconds to years), ticks on calendar boundaries of the display zone, and
//! a second row naming the day (or month, or year) where it changes. Labels
//! that would collide are dropped, never overlapped.

use crate::layout::scale::TimeScale;
use crate::layout::text_metrics::text_width;
use crate::time::clock::{self, Clock, Precision};
use crate::time::zone::{Resolved, Zone};
use crate::time::Instant;
use chrono::{NaiveDate, NaiveDateTime};

pub use crate::time::step::{Step, STEPS};

/// One tick on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// The instant.
    pub t: Instant,
    /// Its pixel x.
    pub x: f64,
    /// Its label, unless dropped to avoid a collision.
    pub label: Option<String>,
    /// True where the day (or the larger unit of the second row) changes.
    pub major: bool,
}

/// A label of the second axis row: the day, month or year from here on.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanLabel {
    /// Left edge of the text.
    pub x: f64,
    /// The text.
    pub text: String,
}

/// Everything the axis shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Axis {
    /// The chosen step, if any ticks.
    pub step: Option<Step>,
    /// Ticks, strictly increasing in time.
    pub ticks: Vec<Tick>,
    /// Second-row labels, left to right, not overlapping.
    pub spans: Vec<SpanLabel>,
}

/// Label font size for the axis.
pub const AXIS_FONT: f64 = 11.0;
const LABEL_GAP: f64 = 8.0;

fn tick_label(l: NaiveDateTime, step: Step, cycle: Clock<'_>) -> String {
    match step {
        Step::Seconds(_) => clock::time(l, cycle, Precision::Second),
        Step::Minutes(_) => clock::time(l, cycle, Precision::Minute),
        Step::Hours(_) => clock::time(l, cycle, Precision::Hour),
        Step::Days(_) | Step::Week => clock::day_month(l, cycle),
        Step::Months(_) => clock::month(l, cycle),
        Step::Years(_) => clock::year(l, cycle),
    }
}

/// The second-row unit for a step: days under ticks of hours, and so on.
fn span_unit(step: Step) -> Option<Step> {
    match step {
        Step::Seconds(_) | Step::Minutes(_) | Step::Hours(_) => Some(Step::Days(1)),
        Step::Days(_) | Step::Week => Some(Step::Months(1)),
        Step::Months(_) => Some(Step::Years(1)),
        Step::Years(_) => None,
    }
}

/// The second-row label for `l`, longest first: where the long form has no
/// room, a shorter one may ("Fri, Dec 9", "Dec 9", "9").
fn span_label(l: NaiveDateTime, unit: Step, cycle: Clock<'_>) -> Vec<String> {
    match unit {
        Step::Days(_) => vec![
            clock::weekday_date(l, cycle),
            clock::day_month(l, cycle),
            clock::day(l, cycle),
        ],
        Step::Months(_) => vec![clock::month_year(l, cycle), clock::month(l, cycle)],
        _ => vec![clock::year(l, cycle)],
    }
}

/// Picks the step whose labels fit at the scale's rate.
pub fn choose_step(scale: &TimeScale, cycle: Clock<'_>) -> Step {
    let rate = scale.px_per_ms();
    let sample = NaiveDate::from_ymd_opt(2022, 12, 28)
        .and_then(|d| d.and_hms_opt(12, 44, 44))
        .unwrap_or_default();
    STEPS
        .into_iter()
        .find(|s| {
            let w = text_width(&tick_label(sample, *s, cycle), AXIS_FONT, false);
            s.approx_ms() * rate >= w + LABEL_GAP * 2.0
        })
        .unwrap_or(Step::Years(50))
}

/// Ticks and day labels for what the scale shows, in the zone's calendar.
pub fn axis(scale: &TimeScale, zone: &Zone, cycle: Clock<'_>) -> Axis {
    let step = choose_step(scale, cycle);
    let (x0, x1) = scale.range();
    let pieces = scale.linear_pieces();
    let max_ticks = ((x1 - x0) / 4.0) as usize + 4;
    let mut ticks: Vec<Tick> = Vec::new();
    let unit = span_unit(step);
    for &(a, b) in &pieces {
        // Every instant at which the wall clock shows a boundary. In an hour
        // repeated when clocks go back, a boundary happens twice and gets two
        // ticks (1:00, 1:30, 1:00, 1:30, 2:00), so the axis keeps its rhythm.
        // One skipped by a jump forward gets none: the instant after the jump
        // is not on it (02:00 when Lord Howe moves from 02:00 to 02:30).
        let mut found: Vec<Instant> = Vec::new();
        let mut l = step.ceil(zone.local(a));
        while found.len() < max_ticks {
            let (first, second) = match zone.resolve(l) {
                Resolved::Unique(t) => (t, None),
                Resolved::Ambiguous(t, later) => (t, Some(later)),
                Resolved::Gap { .. } => (zone.instant_of(l), None),
            };
            if first > b {
                break;
            }
            found.push(first);
            found.extend(second);
            let n = step.next(l);
            if n <= l {
                break;
            }
            l = n;
        }
        crate::order::sort_by_keys(&mut found, |t| [*t, 0, 0]);
        for t in found {
            if t < a
                || t > b
                || ticks.len() >= max_ticks
                || ticks.last().is_some_and(|last| t <= last.t)
            {
                continue;
            }
            let local = zone.local(t);
            if !step.is_boundary(local) {
                continue;
            }
            ticks.push(Tick {
                t,
                x: scale.x(t),
                label: Some(tick_label(local, step, cycle)),
                major: unit.is_some_and(|u| u.is_boundary(local)),
            });
        }
    }
    // Centre labels on ticks; drop any that collide or hang off the plot.
    let mut right_edge = f64::NEG_INFINITY;
    for tick in &mut ticks {
        let Some(text) = &tick.label else { continue };
        let w = text_width(text, AXIS_FONT, false);
        let (l, r) = (tick.x - w / 2.0, tick.x + w / 2.0);
        if l < x0 - 2.0 || r > x1 + 2.0 || l < right_edge + LABEL_GAP {
            tick.label = None;
        } else {
            right_edge = r;
        }
    }
    let spans = unit.map_or_else(Vec::new, |u| span_labels(scale, zone, cycle, &pieces, u));
    Axis {
        step: Some(step),
        ticks,
        spans,
    }
}

fn span_labels(
    scale: &TimeScale,
    zone: &Zone,
    cycle: Clock<'_>,
    pieces: &[(Instant, Instant)],
    unit: Step,
) -> Vec<SpanLabel> {
    let (x0, x1) = scale.range();
    // (x, text, is a boundary): boundaries win over "continued" labels at piece starts.
    // (x, how far right it may slide, texts longest first, is a boundary)
    let mut candidates: Vec<(f64, f64, Vec<String>, bool)> = Vec::new();
    let mut last_named: Option<NaiveDateTime> = None;
    for &(a, b) in pieces {
        let la = zone.local(a);
        let start_unit = unit.floor(la);
        if last_named != Some(start_unit) {
            // A label continuing past a break may slide right within its piece.
            let x = scale.x(a).max(x0);
            candidates.push((x, scale.x(b).min(x1), span_label(la, unit, cycle), false));
        }
        last_named = Some(start_unit);
        let mut l = unit.ceil(la);
        for _ in 0..10_000 {
            let t = zone.instant_of(l);
            if t > b {
                break;
            }
            if t > a {
                let x = scale.x(t);
                candidates.push((x, x, span_label(l, unit, cycle), true));
                last_named = Some(l);
            }
            l = unit.next(l);
        }
    }
    let mut kept: Vec<(f64, f64, String)> = Vec::new();
    for pass_boundaries in [true, false] {
        for (x, slide_to, texts, boundary) in &candidates {
            if *boundary != pass_boundaries {
                continue;
            }
            let fits = texts.iter().find_map(|text| {
                let w = text_width(text, AXIS_FONT, true);
                let l = kept
                    .iter()
                    .filter(|(kl, _, _)| *kl <= *x + 1.0)
                    .map(|(_, kr, _)| kr + LABEL_GAP)
                    .fold(*x, f64::max);
                let r = l + w;
                let room = (l == *x || r <= *slide_to)
                    && r <= x1 + 2.0
                    && l >= x0 - 1.0
                    && kept
                        .iter()
                        .all(|(kl, kr, _)| r + LABEL_GAP <= *kl || l >= kr + LABEL_GAP);
                room.then(|| (l, r, text.clone()))
            });
            kept.extend(fits);
        }
    }
    crate::order::sort_by_keys(&mut kept, |k| [crate::order::px_key(k.0), 0, 0]);
    kept.into_iter()
        .map(|(x, _, text)| SpanLabel { x, text })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::scale::Gap;
    use crate::time::clock::HourCycle;
    use chrono::{Datelike, Timelike};

    const H: i64 = 3_600_000;
    const DEC7_PST_MIDNIGHT: i64 = 1_670_400_000_000; // 2022-12-07T08:00Z

    fn la() -> Zone {
        Zone::named("America/Los_Angeles").unwrap()
    }

    #[test]
    fn hours_over_a_day_with_day_labels() {
        let (a, b) = (DEC7_PST_MIDNIGHT + 8 * H, DEC7_PST_MIDNIGHT + 30 * H);
        let s = TimeScale::new(vec![], (a, b), 0.0, 800.0);
        let ax = axis(&s, &la(), HourCycle::H12.into());
        assert!(matches!(ax.step, Some(Step::Hours(_))));
        let labels: Vec<_> = ax.ticks.iter().filter_map(|t| t.label.clone()).collect();
        assert!(labels.contains(&"12 PM".to_string()), "{labels:?}");
        let spans: Vec<_> = ax.spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(spans, ["Wed, Dec 7", "Thu, Dec 8"]);
        for t in &ax.ticks {
            let l = la().local(t.t);
            assert_eq!((l.minute(), l.second()), (0, 0));
        }
    }

    #[test]
    fn minutes_when_zoomed_in() {
        let a = DEC7_PST_MIDNIGHT + 8 * H;
        let s = TimeScale::new(vec![], (a, a + H), 0.0, 800.0);
        let ax = axis(&s, &la(), HourCycle::H12.into());
        assert!(matches!(ax.step, Some(Step::Minutes(_))), "{:?}", ax.step);
        assert!(ax
            .ticks
            .iter()
            .any(|t| t.label.as_deref() == Some("8:30 AM")));
    }

    #[test]
    fn no_ticks_inside_breaks() {
        let a = DEC7_PST_MIDNIGHT;
        let gap = Gap {
            start: a + 20 * H,
            end: a + 30 * H,
        };
        let s = TimeScale::new(vec![gap], (a, a + 40 * H), 0.0, 900.0);
        let ax = axis(&s, &la(), HourCycle::H12.into());
        assert!(ax.ticks.iter().all(|t| t.t <= gap.start || t.t >= gap.end));
        assert!(ax.ticks.windows(2).all(|w| w[0].t < w[1].t));
    }

    #[test]
    fn ticks_follow_the_local_calendar_across_dst() {
        let ny = Zone::named("America/New_York").unwrap();
        // 2024-11-03 fall back: 25-hour day.
        let a = 1_730_606_400_000; // 2024-11-03T04:00Z = 00:00 EDT
        let s = TimeScale::new(vec![], (a, a + 25 * H), 0.0, 1200.0);
        let ax = axis(&s, &ny, HourCycle::H12.into());
        for t in &ax.ticks {
            assert!(ax.step.unwrap().is_boundary(ny.local(t.t)));
        }
        assert!(ax.ticks.windows(2).all(|w| w[0].t < w[1].t));
    }

    #[test]
    fn month_and_year_steps() {
        let a = 1_262_304_000_000; // 2010-01-01
        let b = a + 13 * 365 * 24 * H;
        let s = TimeScale::new(vec![], (a, b), 0.0, 900.0);
        let ax = axis(&s, &Zone::utc(), HourCycle::H23.into());
        assert!(matches!(ax.step, Some(Step::Years(_))));
        for t in &ax.ticks {
            let l = Zone::utc().local(t.t);
            assert_eq!((l.month(), l.day(), l.hour()), (1, 1, 0));
        }
    }
}
