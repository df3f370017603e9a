//! Times as a chart writes them on its events, the zone left to the caption:
//! a range that hurts users says when it ran and for how long ("8:24–8:49 AM
//! · 25 min", "since 8:24 AM · ongoing for 2 h"), a milestone when it happened
//! ("10:27 AM"). The same words as the tooltip's, in a shorter form, in the
//! reader's locale.
use crate::strings::cat;

use crate::model::{Event, Impact};
use crate::time::clock::{self, Clock};
use crate::time::zone::Zone;
use crate::time::{self, Instant};
use crate::words::Locale;

/// How the chart writes times: the zone, the locale's words and clock,
/// whether each time says its day (when the axis does not show hours), and
/// the present.
#[derive(Clone, Copy)]
pub struct TimeWords<'a> {
    /// The display zone.
    pub zone: &'a Zone,
    /// The reader's words ("since", "ongoing", the separator, durations).
    pub locale: &'a Locale,
    /// The locale's formats with the hour cycle in force.
    pub clock: Clock<'a>,
    /// Whether times say their day ("Dec 7, 8:24–8:49 AM").
    pub dated: bool,
    /// The present, for ongoing ranges.
    pub now: Option<Instant>,
}

impl TimeWords<'_> {
    /// What joins the parts of a label: " · " in "8:24–8:49 AM · 25 min ·
    /// Connections rejected" (`times.separator`).
    pub fn separator(&self) -> &str {
        self.locale.word("times.separator")
    }

    /// The times on event `e`'s label: its range and duration if it hurts
    /// users, its moment if it is a milestone, else nothing.
    pub fn of(&self, e: &Event) -> Option<String> {
        if e.is_point() {
            return Some(clock::short_moment(
                e.start, self.zone, self.clock, self.dated,
            ));
        }
        if e.kind.spec().impact == Impact::None {
            return None;
        }
        Some(self.range(e.start, e.end))
    }

    /// "8:24–8:49 AM · 25 min", or "since 8:24 AM · ongoing (for 2 h)".
    pub fn range(&self, start: Instant, end: Option<Instant>) -> String {
        let l = self.locale;
        let sep = self.separator();
        match end {
            Some(end) => cat(&[
                &*clock::short_range(start, end, self.zone, self.clock, self.dated),
                sep,
                &l.duration(time::between(start, end) as f64),
            ]),
            None => {
                let at = clock::short_moment(start, self.zone, self.clock, self.dated);
                let since = l.fill("times.since", &[("start", &at)]);
                let ongoing = match self.now.filter(|n| *n > start) {
                    Some(now) => {
                        let d = l.duration(time::between(start, now) as f64);
                        l.fill("event.ongoingFor", &[("duration", &d)])
                    }
                    None => l.word("event.ongoing").to_string(),
                };
                cat(&[&*since, sep, &ongoing])
            }
        }
    }
}

#[cfg(all(test, feature = "full", not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_seed_outages_read_like_the_post() {
        let t =
            crate::parse(&std::fs::read_to_string("www/examples/seed-postmortem.json").unwrap())
                .unwrap();
        let la = Zone::named("America/Los_Angeles").unwrap();
        let en = Locale::english();
        let words = TimeWords {
            zone: &la,
            locale: &en,
            clock: en.clock(Some(clock::HourCycle::H12)),
            dated: false,
            now: None,
        };
        let times: Vec<String> = t.events.iter().filter_map(|e| words.of(e)).collect();
        assert!(
            times.contains(&"8:24–8:49 AM · 25 min".to_string()),
            "{times:?}"
        );
        assert!(
            times.contains(&"12:40–1:20 PM · 40 min".to_string()),
            "{times:?}"
        );
        assert!(times.contains(&"10:27 AM".to_string()), "{times:?}");
        // Activities carry no times.
        let activity = t
            .events
            .iter()
            .find(|e| e.kind == crate::model::Kind::ACTIVITY)
            .unwrap();
        assert_eq!(words.of(activity), None);
        assert_eq!(
            words.range(t.events[0].start, None),
            "since 8:24 AM · ongoing"
        );
    }
}
