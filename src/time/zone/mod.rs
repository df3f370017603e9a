//! Time zones: UTC or an IANA zone, with DST-correct conversion both ways.
//!
//! Where the zone rules come from depends on the platform. A full tz database
//! compiled into the wasm would cost more bytes than the rest of the widget, and
//! every browser and Node already carry one behind `Intl.DateTimeFormat`, so in
//! wasm the rules are read from there (`intl.rs`). Natively there is no such
//! service, so the compact compiled tables of `chrono-tz` are used (`tzdb.rs`).
//! Both answer one question — the UTC offset at an instant — and everything else
//! here (wall-clock resolution, DST gaps and overlaps) is derived from it, so
//! the two platforms cannot disagree about the rules of resolution.
use crate::strings::cat;

use crate::time::{later, Instant};
use chrono::NaiveDateTime;
use std::fmt;

#[cfg(target_arch = "wasm32")]
#[path = "intl.rs"]
mod platform;
#[cfg(not(target_arch = "wasm32"))]
#[path = "tzdb.rs"]
mod platform;

/// A display or document time zone.
#[derive(Clone)]
pub struct Zone {
    name: String,
    rules: Rules,
}

#[derive(Clone)]
enum Rules {
    Utc,
    Named(platform::NamedZone),
}

/// What a wall-clock time means in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// Exactly one instant.
    Unique(Instant),
    /// Clocks were turned back: the time happened twice (earlier, later).
    Ambiguous(Instant, Instant),
    /// Clocks jumped forward over it: it never happened.
    Gap {
        /// UTC offset in seconds before the jump.
        before: i32,
        /// UTC offset in seconds after the jump.
        after: i32,
    },
}

const DAY_MS: i64 = 86_400_000;

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            rules: Rules::Utc,
        }
    }

    /// `UTC` or an IANA zone name such as `America/Los_Angeles`.
    pub fn named(name: &str) -> Result<Zone, String> {
        let upper = name.to_ascii_uppercase();
        if matches!(upper.as_str(), "UTC" | "ETC/UTC" | "GMT" | "ETC/GMT" | "Z") {
            return Ok(Zone::utc());
        }
        match platform::NamedZone::new(name) {
            Some(z) => Ok(Zone {
                name: z.name().to_string(),
                rules: Rules::Named(z),
            }),
            None => Err(cat(&[
                "\"",
                name,
                "\" is not a time zone this system knows; use an IANA name like \"America/Los_Angeles\" or \"UTC\"",
            ])),
        }
    }

    /// The zone's name, as written in documents.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True for UTC.
    pub fn is_utc(&self) -> bool {
        matches!(self.rules, Rules::Utc)
    }

    /// Seconds east of UTC at an instant.
    pub fn offset_seconds(&self, t: Instant) -> i32 {
        match &self.rules {
            Rules::Utc => 0,
            Rules::Named(z) => z.offset_seconds(t),
        }
    }

    /// The wall-clock time at an instant.
    pub fn local(&self, t: Instant) -> NaiveDateTime {
        let shifted = later(t, i64::from(self.offset_seconds(t)) * 1000);
        chrono::DateTime::from_timestamp_millis(shifted)
            .unwrap_or_default()
            .naive_utc()
    }

    /// What a wall-clock time means here.
    pub fn resolve(&self, local: NaiveDateTime) -> Resolved {
        let l = local.and_utc().timestamp_millis();
        let before = self.offset_seconds(later(l, -DAY_MS));
        let after = self.offset_seconds(later(l, DAY_MS));
        let fits = |off: i32| {
            let t = later(l, -i64::from(off) * 1000);
            (self.offset_seconds(t) == off).then_some(t)
        };
        match (fits(before), fits(after)) {
            (Some(a), Some(b)) if a != b => Resolved::Ambiguous(a.min(b), a.max(b)),
            (Some(a), _) | (None, Some(a)) => Resolved::Unique(a),
            (None, None) => Resolved::Gap { before, after },
        }
    }

    /// The instant a wall-clock time means, taking the earlier one in an
    /// overlap and the time just after the jump in a gap (for tick generation;
    /// documents reject gap times instead).
    pub fn instant_of(&self, local: NaiveDateTime) -> Instant {
        match self.resolve(local) {
            Resolved::Unique(t) | Resolved::Ambiguous(t, _) => t,
            Resolved::Gap { before, .. } => later(
                local.and_utc().timestamp_millis(),
                -i64::from(before) * 1000,
            ),
        }
    }

    /// Short name of the zone at an instant ("PST", "CEST"), or a UTC offset ("UTC+3").
    pub fn abbreviation(&self, t: Instant) -> String {
        match &self.rules {
            Rules::Utc => "UTC".into(),
            Rules::Named(z) => z
                .abbreviation(t)
                .filter(|a| a.chars().all(|c| c.is_ascii_alphabetic()) && a.len() >= 2)
                .unwrap_or_else(|| format_offset(self.offset_seconds(t))),
        }
    }
}

/// `UTC+5:30`, `UTC-8`, `UTC`.
pub fn format_offset(seconds: i32) -> String {
    if seconds == 0 {
        return "UTC".into();
    }
    let mut s = String::from(if seconds < 0 { "UTC-" } else { "UTC+" });
    let a = u64::from(seconds.unsigned_abs());
    crate::decimal::push_digits(&mut s, a / 3600, 1);
    if a % 3600 / 60 != 0 {
        s.push(':');
        crate::decimal::push_digits(&mut s, a % 3600 / 60, 2);
    }
    s
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Zone({})", self.name)
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
        local(y, mo, d, h, mi).and_utc().timestamp_millis()
    }

    #[test]
    fn pacific_standard_time() {
        let z = Zone::named("America/Los_Angeles").unwrap();
        assert_eq!(
            z.resolve(local(2022, 12, 7, 8, 24)),
            Resolved::Unique(utc(2022, 12, 7, 16, 24))
        );
        assert_eq!(z.abbreviation(utc(2022, 12, 7, 16, 24)), "PST");
        assert_eq!(z.abbreviation(utc(2022, 7, 7, 16, 24)), "PDT");
        assert_eq!(z.local(utc(2022, 12, 7, 16, 24)), local(2022, 12, 7, 8, 24));
    }

    #[test]
    fn spring_forward_gap_and_fall_back_overlap() {
        let z = Zone::named("America/New_York").unwrap();
        assert_eq!(
            z.resolve(local(2024, 3, 10, 2, 30)),
            Resolved::Gap {
                before: -5 * 3600,
                after: -4 * 3600
            }
        );
        assert_eq!(
            z.resolve(local(2024, 11, 3, 1, 30)),
            Resolved::Ambiguous(utc(2024, 11, 3, 5, 30), utc(2024, 11, 3, 6, 30))
        );
        assert_eq!(
            z.instant_of(local(2024, 11, 3, 1, 30)),
            utc(2024, 11, 3, 5, 30)
        );
    }

    #[test]
    fn utc_names_and_unknown_names() {
        assert!(Zone::named("utc").unwrap().is_utc());
        assert!(Zone::named("Etc/UTC").unwrap().is_utc());
        let err = Zone::named("Mars/Olympus_Mons").unwrap_err();
        assert!(err.contains("Mars/Olympus_Mons") && err.contains("IANA"));
    }

    #[test]
    fn abbreviations_fall_back_to_offsets() {
        assert_eq!(format_offset(19800), "UTC+5:30");
        assert_eq!(format_offset(-8 * 3600), "UTC-8");
        assert_eq!(format_offset(-12_600), "UTC-3:30");
        assert_eq!(format_offset(20_700), "UTC+5:45");
        assert_eq!(format_offset(300), "UTC+0:05");
        assert_eq!(format_offset(50_400), "UTC+14");
        assert_eq!(format_offset(0), "UTC");
        let z = Zone::named("Asia/Dubai").unwrap();
        assert_eq!(z.abbreviation(0), "UTC+4");
    }
}

/// RFC 3339 with the zone's offset at that instant ("2022-12-07T08:24:00-08:00",
/// "…Z" in UTC; milliseconds only when there are some): how a written-back
/// document keeps times readable in its own zone.
#[cfg(feature = "full")]
pub fn format_local(t: Instant, zone: &Zone) -> String {
    use chrono::{Datelike, Timelike};
    let off = zone.offset_seconds(t);
    if off % 60 != 0 {
        // A historical offset with seconds (local mean time): RFC 3339 cannot say it.
        return crate::time::format_instant(t);
    }
    let l = zone.local(t);
    let ms = l.and_utc().timestamp_subsec_millis();
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute(),
        l.second()
    );
    if ms != 0 {
        s.push_str(&format!(".{ms:03}"));
    }
    if zone.is_utc() {
        s.push('Z');
    } else {
        let sign = if off < 0 { '-' } else { '+' };
        let a = off.unsigned_abs();
        s.push_str(&format!("{sign}{:02}:{:02}", a / 3600, a % 3600 / 60));
    }
    s
}
