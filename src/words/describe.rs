//! Events in words. The tooltip, the details panel, the screen-reader
//! announcement and the table view all read from here, so every reader gets
//! the same facts in the same wording.

use crate::model::{Event, Impact, Severity, Timeline};
use crate::time::clock::{self, HourCycle};
use crate::time::zone::Zone;
use crate::time::{self, Instant};
use crate::words::summary::format_duration;

/// One event, described for people.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    /// The event's title.
    pub title: String,
    /// "Outage (critical)", "Degraded", "Milestone"…
    pub kind: String,
    /// The lane's label.
    pub lane: String,
    /// "Dec 7, 8:24 – 8:49 AM PST", or "Dec 7, 11:20 AM PST" for a milestone.
    pub when: String,
    /// Start in the display zone ("Wed, Dec 7, 2022, 8:24 AM PST").
    pub start: String,
    /// End in the display zone, "ongoing", or empty for a milestone.
    pub end: String,
    /// "25 min", "ongoing for 2 h", or empty for a milestone.
    pub duration: String,
    /// "30 % affected" (or "share not stated") for degraded events, else empty.
    pub impact: String,
}

fn kind_label(e: &Event) -> String {
    let name = e.kind.spec().label;
    if e.severity != e.kind.default_severity() && e.severity != Severity::None {
        format!("{name} ({})", e.severity.as_str())
    } else {
        name.to_string()
    }
}

/// Describes event `i` in `zone` with `cycle`; `now` is the present for ongoing events.
pub fn describe(
    t: &Timeline,
    i: usize,
    zone: &Zone,
    cycle: HourCycle,
    now: Option<Instant>,
) -> Description {
    let e = &t.events[i];
    let (when, end, duration) = if e.is_point() {
        (
            clock::moment(e.start, zone, cycle),
            String::new(),
            String::new(),
        )
    } else {
        let when = clock::range(e.start, e.end, zone, cycle);
        match e.end {
            Some(end) => (
                when,
                clock::instant(end, zone, cycle),
                format_duration(time::between(e.start, end) as f64),
            ),
            None => {
                let running = now
                    .filter(|n| *n > e.start)
                    .map(|n| {
                        let running = time::between(e.start, n) as f64;
                        format!("ongoing for {}", format_duration(running))
                    })
                    .unwrap_or_else(|| "ongoing".to_string());
                (when, "ongoing".to_string(), running)
            }
        }
    };
    let impact = if e.kind.spec().impact == Impact::Share {
        match e.impact {
            Some(share) => format!("{} % affected", (share * 100.0).round() as i64),
            None => "share not stated".to_string(),
        }
    } else {
        String::new()
    };
    Description {
        title: e.title.clone(),
        kind: kind_label(e),
        lane: t.lanes[e.lane].label.clone(),
        when,
        start: clock::instant(e.start, zone, cycle),
        end,
        duration,
        impact,
    }
}

impl Description {
    /// The names of the strings [`Description::into_strings`] gives, in order.
    pub const FIELDS: [&'static str; 9] = [
        "title", "kind", "lane", "when", "start", "end", "duration", "impact", "sentence",
    ];

    /// Every field as a string, in the order of [`Description::FIELDS`].
    pub fn into_strings(self) -> Vec<String> {
        let sentence = self.sentence();
        vec![
            self.title,
            self.kind,
            self.lane,
            self.when,
            self.start,
            self.end,
            self.duration,
            self.impact,
            sentence,
        ]
    }

    /// One sentence with everything, for a screen reader.
    pub fn sentence(&self) -> String {
        let mut s = format!(
            "{}, {}: {}. {}",
            self.kind, self.lane, self.title, self.when
        );
        for part in [&self.duration, &self.impact] {
            if !part.is_empty() {
                s.push_str(", ");
                s.push_str(part);
            }
        }
        s.push('.');
        s
    }
}

#[cfg(all(test, feature = "full", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn describes_the_first_outage_of_the_seed() {
        let t =
            parse(&std::fs::read_to_string("www/examples/seed-postmortem.json").unwrap()).unwrap();
        let la = Zone::named("America/Los_Angeles").unwrap();
        let i = t
            .events
            .iter()
            .position(|e| e.id.as_deref() == Some("outage-1"))
            .unwrap();
        let d = describe(&t, i, &la, HourCycle::H12, None);
        assert_eq!(d.when, "Dec 7, 8:24 – 8:49 AM PST");
        assert_eq!(d.duration, "25 min");
        assert_eq!(d.kind, "Outage (critical)");
        assert_eq!(d.lane, "Web server");
        assert!(d.sentence().starts_with("Outage (critical), Web server: "));
        let utc = describe(&t, i, &Zone::utc(), HourCycle::H23, None);
        assert_eq!(utc.when, "7 Dec, 16:24 – 16:49 UTC");
        // A milestone reads like a range's start: the same short form.
        let m = t
            .events
            .iter()
            .position(|e| e.kind == crate::model::Kind::MILESTONE)
            .unwrap();
        let d = describe(&t, m, &la, HourCycle::H12, None);
        assert!(d.when.starts_with("Dec "), "{}", d.when);
        assert!(
            d.when.ends_with(" PST") && !d.when.contains("2022"),
            "{}",
            d.when
        );
        assert!(
            d.start.contains("2022"),
            "the table's start keeps the year: {}",
            d.start
        );
    }

    /// The fuzzing finding of 2026-11-30: an ongoing event described with a
    /// present outside the years documents can name overflowed `now - start`.
    #[test]
    fn any_present_describes_an_ongoing_event_without_overflow() {
        let t = parse(
            r#"{"version":1,"events":[{"kind":"outage","title":"down","start":"0001-01-01T00:00Z"}]}"#,
        )
        .unwrap();
        for now in [i64::MAX, i64::MIN, crate::time::LATEST, 0] {
            let d = describe(&t, 0, &Zone::utc(), HourCycle::H23, Some(now));
            assert_eq!(d.end, "ongoing");
            assert!(d.duration.starts_with("ongoing"), "{now}: {}", d.duration);
        }
        let far = describe(&t, 0, &Zone::utc(), HourCycle::H23, Some(i64::MAX));
        assert!(far.duration.starts_with("ongoing for "), "{}", far.duration);
    }

    #[test]
    fn fields_name_the_strings_in_order() {
        let d = Description {
            title: "title".into(),
            kind: "kind".into(),
            lane: "lane".into(),
            when: "when".into(),
            start: "start".into(),
            end: "end".into(),
            duration: "duration".into(),
            impact: "impact".into(),
        };
        let sentence = d.sentence();
        let strings = d.into_strings();
        assert_eq!(strings.len(), Description::FIELDS.len());
        for (name, value) in Description::FIELDS.iter().zip(&strings) {
            if *name == "sentence" {
                assert_eq!(*value, sentence);
            } else {
                assert_eq!(name, value);
            }
        }
    }

    #[test]
    fn degraded_and_ongoing() {
        let t = parse(
            r#"{"version":1,"events":[
              {"kind":"degraded","impact":0.3,"title":"slow","start":"2022-01-01T10:00Z","end":"2022-01-01T10:40Z"},
              {"kind":"outage","title":"down","start":"2022-01-01T11:00Z"}]}"#,
        )
        .unwrap();
        let d = describe(&t, 0, &Zone::utc(), HourCycle::H23, None);
        assert_eq!(
            (d.impact.as_str(), d.duration.as_str()),
            ("30 % affected", "40 min")
        );
        let now = t.events[1].start + 2 * 3_600_000;
        let o = describe(&t, 1, &Zone::utc(), HourCycle::H23, Some(now));
        assert_eq!(
            (o.end.as_str(), o.duration.as_str()),
            ("ongoing", "ongoing for 2 h")
        );
    }
}
