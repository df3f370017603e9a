//! What the incident cost users: downtime as the union of outage time plus
//! degraded time weighted by impact, counted once where events overlap (at
//! each instant the impact is 1 if any outage runs, else the largest impact
//! of the degraded events running). When a degraded event does not state its
//! share, no weighted figure can be honest: outage time and degraded time
//! are then given apart.

use crate::model::{Impact, Timeline};
use crate::time::{self, Instant};
use crate::words::Locale;

/// Headline numbers for a timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// User-facing downtime in milliseconds (impact-weighted; shares not
    /// stated count as 0).
    pub downtime_ms: f64,
    /// Time with an outage running, in milliseconds.
    pub outage_ms: f64,
    /// Time with a degraded event running and no outage, in milliseconds.
    pub degraded_ms: f64,
    /// True when a degraded event that counts does not state its share.
    pub share_unstated: bool,
    /// Number of outage events.
    pub outages: usize,
    /// From the first to the last instant mentioned, in milliseconds.
    pub span_ms: i64,
    /// True when some range has no end yet (counted up to `until`).
    pub ongoing: bool,
}

/// Computes the summary; ongoing ranges count up to `until` (or the latest instant mentioned).
pub fn summarize(t: &Timeline, until: Option<Instant>) -> Summary {
    let (first, last) = t.extent().unwrap_or((0, 0));
    let ongoing = t.events.iter().any(|e| e.is_ongoing());
    let open_end = match until {
        Some(now) if ongoing => now.max(last),
        _ => last,
    };
    // Sweep over start/end edges: +impact at start, -impact at end.
    let mut edges: Vec<(Instant, bool, Option<f64>, bool)> = Vec::new();
    let mut share_unstated = false;
    for e in &t.events {
        let counts = e.kind.spec().impact;
        if counts == Impact::None {
            continue;
        }
        let end = e.end.unwrap_or(open_end);
        if end <= e.start {
            continue;
        }
        let outage = counts == Impact::Whole;
        share_unstated |= e.impact.is_none();
        edges.push((e.start, true, e.impact, outage));
        edges.push((end, false, e.impact, outage));
    }
    crate::order::sort_by_keys(&mut edges, |e| [e.0, i64::from(e.1), 0]);
    let mut outages_running = 0usize;
    let mut degraded: Vec<Option<f64>> = Vec::new();
    let (mut downtime, mut outage_ms, mut degraded_ms) = (0.0, 0.0, 0.0);
    let mut prev = edges.first().map_or(0, |e| e.0);
    for (at, starts, impact, outage) in edges {
        let level = if outages_running > 0 {
            1.0
        } else {
            degraded.iter().flatten().copied().fold(0.0, f64::max)
        };
        let span = time::between(prev, at) as f64;
        downtime += level * span;
        if outages_running > 0 {
            outage_ms += span;
        } else if !degraded.is_empty() {
            degraded_ms += span;
        }
        prev = at;
        match (outage, starts) {
            (true, true) => outages_running += 1,
            (true, false) => outages_running -= 1,
            (false, true) => degraded.push(impact),
            (false, false) => {
                if let Some(i) = degraded.iter().position(|x| *x == impact) {
                    degraded.swap_remove(i);
                }
            }
        }
    }
    Summary {
        downtime_ms: downtime,
        outage_ms,
        degraded_ms,
        share_unstated,
        outages: t
            .events
            .iter()
            .filter(|e| e.kind.spec().impact == Impact::Whole)
            .count(),
        span_ms: time::between(first, open_end.max(last)),
        ongoing,
    }
}

/// "1 h 28 min", "45 min", "2 d 12 h", "30 s": a duration in `locale`'s words.
pub fn format_duration(ms: f64, locale: &Locale) -> String {
    locale.duration(ms)
}

impl Summary {
    /// The summary line shown under the title: the weighted downtime when
    /// every share is stated, else outage and degraded time apart
    /// ("Outage 25 min (1 outage) · degraded 1 h 10 min (share not stated)").
    /// Its parts are joined with " · ", where a long line may wrap.
    pub fn line(&self, locale: &Locale) -> String {
        let duration = |ms: f64| locale.duration(ms);
        let outages = locale.count("summary.outages", self.outages as i64);
        let spanning = locale.fill(
            "summary.spanning",
            &[("duration", &duration(self.span_ms as f64))],
        );
        // No outage or degraded time at all: "0 s of downtime" would say the
        // opposite of a text that just does not state when users were hurt.
        let none = self.outage_ms == 0.0 && self.degraded_ms == 0.0 && self.downtime_ms == 0.0;
        let mut parts = if none {
            vec![locale.word("summary.noImpact").to_string(), spanning]
        } else if self.share_unstated {
            let outage = if self.outage_ms > 0.0 {
                locale.fill(
                    "summary.outage",
                    &[
                        ("duration", &duration(self.outage_ms)),
                        ("outages", &outages),
                    ],
                )
            } else {
                locale.word("summary.noOutage").to_string()
            };
            let degraded = locale.fill(
                "summary.degraded",
                &[("duration", &duration(self.degraded_ms))],
            );
            vec![outage, degraded, spanning]
        } else {
            let downtime = locale.fill(
                "summary.downtime",
                &[("duration", &duration(self.downtime_ms))],
            );
            vec![downtime, outages, spanning]
        };
        if self.ongoing {
            parts.push(locale.word("summary.ongoing").to_string());
        }
        let mut line = String::new();
        for part in parts {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(&part);
        }
        line
    }
}

// The full build's parser reads the test documents.
#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;
    use crate::parse;

    fn timeline(events: &str) -> Timeline {
        parse(&format!(r#"{{"version":1,"events":[{events}]}}"#)).unwrap()
    }

    #[test]
    fn overlapping_outages_count_once_and_degraded_is_weighted() {
        let t = timeline(
            r#"{"kind":"outage","title":"a","start":"2022-01-01T10:00Z","end":"2022-01-01T10:30Z"},
               {"kind":"outage","title":"b","start":"2022-01-01T10:20Z","end":"2022-01-01T10:40Z"},
               {"kind":"degraded","impact":0.5,"title":"c","start":"2022-01-01T10:30Z","end":"2022-01-01T11:40Z"},
               {"kind":"degraded","impact":0.25,"title":"d","start":"2022-01-01T11:00Z","end":"2022-01-01T12:00Z"},
               {"kind":"milestone","title":"m","at":"2022-01-01T13:00Z"}"#,
        );
        let s = summarize(&t, None);
        // 40 min of outage, then 10:40–11:40 at 0.5, then 11:40–12:00 at 0.25.
        assert_eq!(s.downtime_ms, (40.0 + 30.0 + 5.0) * 60_000.0);
        assert_eq!(s.outages, 2);
        assert_eq!(s.span_ms, 3 * 3_600_000);
        assert!(!s.ongoing);
    }

    #[test]
    fn unstated_shares_keep_outage_and_degraded_time_apart() {
        let t = timeline(
            r#"{"kind":"outage","title":"a","start":"2022-01-01T10:00Z","end":"2022-01-01T10:25Z"},
               {"kind":"degraded","title":"b","start":"2022-01-01T10:15Z","end":"2022-01-01T11:35Z"}"#,
        );
        let s = summarize(&t, None);
        assert!(s.share_unstated);
        assert_eq!(s.outage_ms, 25.0 * 60_000.0);
        assert_eq!(s.degraded_ms, 70.0 * 60_000.0);
        assert!(
            s.line(&Locale::english()).starts_with("Outage 25 min (1 outage) · degraded 1 h 10 min (share not stated) · spanning 1 h 35 min"),
            "{}",
            s.line(&Locale::english())
        );
        let only_degraded = timeline(
            r#"{"kind":"degraded","title":"b","start":"2022-01-01T10:00Z","end":"2022-01-01T16:30Z"}"#,
        );
        let line = summarize(&only_degraded, None).line(&Locale::english());
        assert_eq!(
            line,
            "No outage · degraded 6 h 30 min (share not stated) · spanning 6 h 30 min"
        );
    }

    #[test]
    fn ongoing_counts_until_now() {
        let t = timeline(r#"{"kind":"outage","title":"a","start":"2022-01-01T10:00Z"}"#);
        let now = t.events[0].start + 90 * 60_000;
        let s = summarize(&t, Some(now));
        assert_eq!(s.downtime_ms, 90.0 * 60_000.0);
        assert!(s.ongoing && s.line(&Locale::english()).ends_with("ongoing"));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(Locale::english().duration(88.0 * 60_000.0), "1 h 28 min");
        assert_eq!(Locale::english().duration(45.0 * 60_000.0), "45 min");
        assert_eq!(
            Locale::english().duration(2.0 * 60_000.0 + 30_000.0),
            "2 min 30 s"
        );
        assert_eq!(
            Locale::english().duration((60.0 * 60.0 + 36.0) * 60_000.0),
            "2 d 12 h 36 min"
        );
        assert_eq!(Locale::english().duration(3_600_000.0), "1 h");
    }
}
