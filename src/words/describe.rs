//! Events in words. The tooltip, the details panel, the screen-reader
//! announcement and the table view all read from here, so every reader gets
//! the same facts in the same wording.
use crate::strings::cat;

use crate::model::{Event, Impact, Severity, Timeline};
use crate::time::clock::{self, HourCycle};
use crate::time::zone::Zone;
use crate::time::{self, Instant};
use crate::words::Locale;

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
    /// "30% affected" (or "share not stated") for degraded events, else empty.
    pub impact: String,
    /// Everything in one sentence, for a screen reader.
    pub sentence: String,
}

fn kind_label(e: &Event, locale: &Locale) -> String {
    let name = locale.word(&cat(&["kind.", e.kind.as_str()])).to_string();
    if e.severity != e.kind.default_severity() && e.severity != Severity::None {
        let severity = locale
            .word(&cat(&["severity.", e.severity.as_str()]))
            .to_string();
        locale.fill(
            "event.withSeverity",
            &[("kind", &name), ("severity", &severity)],
        )
    } else {
        name
    }
}

/// Describes event `i` in `zone`, in `locale`'s words and with `cycle` (or
/// the locale's clock); `now` is the present for ongoing events.
pub fn describe(
    t: &Timeline,
    i: usize,
    zone: &Zone,
    locale: &Locale,
    cycle: Option<HourCycle>,
    now: Option<Instant>,
) -> Description {
    let e = &t.events[i];
    let clock = locale.clock(cycle);
    let (when, end, duration) = if e.is_point() {
        (
            clock::moment(e.start, zone, clock),
            String::new(),
            String::new(),
        )
    } else {
        let when = clock::range(e.start, e.end, zone, clock);
        match e.end {
            Some(end) => (
                when,
                clock::instant(end, zone, clock),
                locale.duration(time::between(e.start, end) as f64),
            ),
            None => {
                let running = now
                    .filter(|n| *n > e.start)
                    .map(|n| {
                        let running = locale.duration(time::between(e.start, n) as f64);
                        locale.fill("event.ongoingFor", &[("duration", &running)])
                    })
                    .unwrap_or_else(|| locale.word("event.ongoing").to_string());
                (when, locale.word("event.ongoing").to_string(), running)
            }
        }
    };
    let impact = if e.kind.spec().impact == Impact::Share {
        match e.impact {
            Some(share) => locale.fill("event.impact", &[("percent", &locale.percent(share))]),
            None => locale.word("event.shareNotStated").to_string(),
        }
    } else {
        String::new()
    };
    let mut d = Description {
        title: e.title.clone(),
        kind: kind_label(e, locale),
        lane: t.lanes[e.lane].label.clone(),
        when,
        start: clock::instant(e.start, zone, clock),
        end,
        duration,
        impact,
        sentence: String::new(),
    };
    d.sentence = d.sentence(locale);
    d
}

impl Description {
    /// The names of the strings [`Description::into_strings`] gives, in order.
    pub const FIELDS: [&'static str; 9] = [
        "title", "kind", "lane", "when", "start", "end", "duration", "impact", "sentence",
    ];

    /// Every field as a string, in the order of [`Description::FIELDS`].
    pub fn into_strings(self) -> Vec<String> {
        vec![
            self.title,
            self.kind,
            self.lane,
            self.when,
            self.start,
            self.end,
            self.duration,
            self.impact,
            self.sentence,
        ]
    }

    /// One sentence with everything, for a screen reader.
    fn sentence(&self, locale: &Locale) -> String {
        let mut more = String::new();
        for part in [&self.duration, &self.impact] {
            if !part.is_empty() {
                more.push_str(&locale.fill("event.more", &[("text", part)]));
            }
        }
        locale.fill(
            "event.sentence",
            &[
                ("kind", &self.kind),
                ("lane", &self.lane),
                ("title", &self.title),
                ("when", &self.when),
                ("more", &more),
            ],
        )
    }
}

#[cfg(all(test, feature = "full", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::parse;

    fn english() -> Locale {
        Locale::english()
    }

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
        let d = describe(&t, i, &la, &english(), Some(HourCycle::H12), None);
        assert_eq!(d.when, "Dec 7, 8:24 – 8:49 AM PST");
        assert_eq!(d.duration, "25 min");
        assert_eq!(d.kind, "Outage (critical)");
        assert_eq!(d.lane, "Web server");
        assert!(d.sentence.starts_with("Outage (critical), Web server: "));
        let utc = describe(&t, i, &Zone::utc(), &english(), Some(HourCycle::H23), None);
        assert_eq!(utc.when, "Dec 7, 16:24 – 16:49 UTC");
        // A milestone reads like a range's start: the same short form.
        let m = t
            .events
            .iter()
            .position(|e| e.kind == crate::model::Kind::MILESTONE)
            .unwrap();
        let d = describe(&t, m, &la, &english(), Some(HourCycle::H12), None);
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
            let d = describe(
                &t,
                0,
                &Zone::utc(),
                &english(),
                Some(HourCycle::H23),
                Some(now),
            );
            assert_eq!(d.end, "ongoing");
            assert!(d.duration.starts_with("ongoing"), "{now}: {}", d.duration);
        }
        let far = describe(
            &t,
            0,
            &Zone::utc(),
            &english(),
            Some(HourCycle::H23),
            Some(i64::MAX),
        );
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
            sentence: "sentence".into(),
        };
        let strings = d.into_strings();
        assert_eq!(strings.len(), Description::FIELDS.len());
        for (name, value) in Description::FIELDS.iter().zip(&strings) {
            assert_eq!(name, value);
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
        let d = describe(&t, 0, &Zone::utc(), &english(), Some(HourCycle::H23), None);
        assert_eq!(
            (d.impact.as_str(), d.duration.as_str()),
            ("30% affected", "40 min")
        );
        let now = t.events[1].start + 2 * 3_600_000;
        let o = describe(
            &t,
            1,
            &Zone::utc(),
            &english(),
            Some(HourCycle::H23),
            Some(now),
        );
        assert_eq!(
            (o.end.as_str(), o.duration.as_str()),
            ("ongoing", "ongoing for 2 h")
        );
    }
}
