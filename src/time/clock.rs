//! How times are written for people: 12- or 24-hour clocks, dates, ranges
//! ("8:24 – 8:49 AM PST"). One place, so the axis, tooltips, the table and
//! error messages all say the same thing the same way.

use crate::time::zone::Zone;
use crate::time::Instant;
use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Deserialize;

/// 12-hour ("8:24 AM") or 24-hour ("08:24") clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum HourCycle {
    /// 8:24 AM
    #[serde(rename = "h12")]
    H12,
    /// 08:24
    #[serde(rename = "h23")]
    H23,
}

impl HourCycle {
    /// The clock readers of a zone most likely use: 12-hour in the US,
    /// Canada, Australia and a few others; 24-hour elsewhere and for UTC.
    pub fn for_zone(zone: &Zone) -> HourCycle {
        let n = zone.name();
        let twelve = ["America/", "US/", "Canada/", "Australia/"]
            .iter()
            .any(|p| n.starts_with(p))
            && !LATIN_AMERICA_24H.iter().any(|p| n.starts_with(p))
            || matches!(
                n,
                "Pacific/Honolulu"
                    | "Asia/Kolkata"
                    | "Asia/Calcutta"
                    | "Asia/Manila"
                    | "Pacific/Auckland"
            );
        if twelve {
            HourCycle::H12
        } else {
            HourCycle::H23
        }
    }

    /// Reads `h12` or `h23` (also `12` / `24`).
    pub fn from_name(name: &str) -> Option<HourCycle> {
        match name {
            "h12" | "12" | "12h" => Some(HourCycle::H12),
            "h23" | "h24" | "24" | "24h" => Some(HourCycle::H23),
            _ => None,
        }
    }
}

const LATIN_AMERICA_24H: [&str; 12] = [
    "America/Argentina",
    "America/Sao_Paulo",
    "America/Santiago",
    "America/Bogota",
    "America/Lima",
    "America/Caracas",
    "America/Montevideo",
    "America/Asuncion",
    "America/La_Paz",
    "America/Guayaquil",
    "America/Havana",
    "America/Mexico_City",
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// How much of a time of day to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// "8 AM" / "08:00"
    Hour,
    /// "8:24 AM" / "08:24"
    Minute,
    /// "8:24:15 AM" / "08:24:15"
    Second,
}

/// Time of day without the AM/PM marker (for ranges that share it).
fn bare_time(l: NaiveDateTime, cycle: HourCycle, p: Precision) -> String {
    let (h, m, s) = (l.hour(), l.minute(), l.second());
    match cycle {
        HourCycle::H12 => {
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            match p {
                Precision::Hour => format!("{h12}"),
                Precision::Minute => format!("{h12}:{m:02}"),
                Precision::Second => format!("{h12}:{m:02}:{s:02}"),
            }
        }
        HourCycle::H23 => match p {
            Precision::Hour | Precision::Minute => format!("{h:02}:{m:02}"),
            Precision::Second => format!("{h:02}:{m:02}:{s:02}"),
        },
    }
}

fn meridiem(l: NaiveDateTime) -> &'static str {
    if l.hour() < 12 {
        "AM"
    } else {
        "PM"
    }
}

/// A time of day: "8:24 AM", "08:24".
pub fn time(l: NaiveDateTime, cycle: HourCycle, p: Precision) -> String {
    match cycle {
        HourCycle::H12 => format!("{} {}", bare_time(l, cycle, p), meridiem(l)),
        HourCycle::H23 => bare_time(l, cycle, p),
    }
}

/// The least precision that shows `l` exactly.
pub fn precision_of(l: NaiveDateTime) -> Precision {
    if l.second() != 0 || l.nanosecond() != 0 {
        Precision::Second
    } else if l.minute() != 0 {
        Precision::Minute
    } else {
        Precision::Hour
    }
}

/// A day: "Wed, Dec 7" (12-hour readers) or "Wed 7 Dec".
pub fn weekday_date(l: NaiveDateTime, cycle: HourCycle) -> String {
    let wd = WEEKDAYS[l.weekday().num_days_from_monday() as usize];
    let mon = MONTHS[l.month0() as usize];
    match cycle {
        HourCycle::H12 => format!("{wd}, {mon} {}", l.day()),
        HourCycle::H23 => format!("{wd} {} {mon}", l.day()),
    }
}

/// A day without the weekday: "Dec 7" or "7 Dec".
pub fn day_month(l: NaiveDateTime, cycle: HourCycle) -> String {
    let mon = MONTHS[l.month0() as usize];
    match cycle {
        HourCycle::H12 => format!("{mon} {}", l.day()),
        HourCycle::H23 => format!("{} {mon}", l.day()),
    }
}

/// "Dec".
pub fn month(l: NaiveDateTime) -> &'static str {
    MONTHS[l.month0() as usize]
}

/// "Dec 2022".
pub fn month_year(l: NaiveDateTime) -> String {
    format!("{} {}", MONTHS[l.month0() as usize], l.year())
}

/// A full date and time with the zone: "Wed, Dec 7, 2022, 8:24 AM PST".
pub fn instant(t: Instant, zone: &Zone, cycle: HourCycle) -> String {
    let l = zone.local(t);
    format!(
        "{}, {}, {} {}",
        weekday_date(l, cycle),
        l.year(),
        time(l, cycle, precision_of(l).max(Precision::Minute)),
        zone.abbreviation(t)
    )
}

/// One moment in the short form ranges use: "Dec 7, 11:20 AM PST".
pub fn moment(t: Instant, zone: &Zone, cycle: HourCycle) -> String {
    let l = zone.local(t);
    format!(
        "{}, {} {}",
        day_month(l, cycle),
        time(l, cycle, precision_of(l).max(Precision::Minute)),
        zone.abbreviation(t)
    )
}

/// A range as people write it: "8:24 – 8:49 AM PST" on one day,
/// "Dec 7, 6:30 PM – Dec 8, 9:00 AM PST" across days, "from 8:24 AM PST"
/// when ongoing.
pub fn range(start: Instant, end: Option<Instant>, zone: &Zone, cycle: HourCycle) -> String {
    let ls = zone.local(start);
    let Some(end) = end else {
        return format!(
            "{}, {} {} – ongoing",
            day_month(ls, cycle),
            time(ls, cycle, precision_of(ls).max(Precision::Minute)),
            zone.abbreviation(start)
        );
    };
    let le = zone.local(end);
    let p = precision_of(ls)
        .max(precision_of(le))
        .max(Precision::Minute);
    let (abbr_s, abbr_e) = (zone.abbreviation(start), zone.abbreviation(end));
    if ls.date() == le.date() && abbr_s == abbr_e {
        let same_half = cycle == HourCycle::H12 && meridiem(ls) == meridiem(le);
        let first = if same_half || cycle == HourCycle::H23 {
            bare_time(ls, cycle, p)
        } else {
            time(ls, cycle, p)
        };
        format!(
            "{}, {} – {} {}",
            day_month(ls, cycle),
            first,
            time(le, cycle, p),
            abbr_e
        )
    } else {
        let show_first_zone = if abbr_s == abbr_e {
            String::new()
        } else {
            format!(" {abbr_s}")
        };
        format!(
            "{}, {}{} – {}, {} {}",
            day_month(ls, cycle),
            time(ls, cycle, p),
            show_first_zone,
            day_month(le, cycle),
            time(le, cycle, p),
            abbr_e
        )
    }
}

/// A closed range as a chart labels it, without the zone (the chart's
/// caption names it): "8:24–8:49 AM", "11:55 AM–1:55 PM", "16:24–16:49",
/// "11:50 PM–12:20 AM" across midnight. To the minute, and to the second
/// only when it lasts less than ten minutes and the seconds say something;
/// with the day when `dated` or when it lasts a day or more ("Dec 7,
/// 6:30 PM–Dec 9, 9:00 AM"), and with each end's zone abbreviation when a
/// clock change falls inside it.
pub fn short_range(
    start: Instant,
    end: Instant,
    zone: &Zone,
    cycle: HourCycle,
    dated: bool,
) -> String {
    let (ls, le) = (zone.local(start), zone.local(end));
    let p = if end - start < 600_000 {
        precision_of(ls).max(precision_of(le))
    } else {
        Precision::Minute
    }
    .max(Precision::Minute);
    // Offsets first: a zone's abbreviations are slow to learn in a browser,
    // and only a range across a clock change needs them.
    let clock_change = zone.offset_seconds(start) != zone.offset_seconds(end);
    let same_day = ls.date() == le.date();
    let both_days = !same_day && (dated || end - start >= 86_400_000);
    let mut first =
        if !clock_change && same_day && (cycle == HourCycle::H23 || meridiem(ls) == meridiem(le)) {
            bare_time(ls, cycle, p)
        } else {
            time(ls, cycle, p)
        };
    let mut last = time(le, cycle, p);
    if clock_change {
        first = format!("{first} {}", zone.abbreviation(start));
        last = format!("{last} {}", zone.abbreviation(end));
    }
    match (dated || both_days, both_days) {
        (true, true) => format!(
            "{}, {first}–{}, {last}",
            day_month(ls, cycle),
            day_month(le, cycle)
        ),
        (true, false) => format!("{}, {first}–{last}", day_month(ls, cycle)),
        _ => format!("{first}–{last}"),
    }
}

/// A moment as a chart labels it, to the minute: "10:27 AM", "Dec 7,
/// 10:27 AM" when `dated`.
pub fn short_moment(t: Instant, zone: &Zone, cycle: HourCycle, dated: bool) -> String {
    let l = zone.local(t);
    let at = time(l, cycle, Precision::Minute);
    if dated {
        format!("{}, {at}", day_month(l, cycle))
    } else {
        at
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::time::timestamp::{parse_time, TimeSpec};

    fn at(s: &str) -> Instant {
        match parse_time(s).unwrap() {
            TimeSpec::Absolute(t) => t,
            TimeSpec::WallClock(_) => panic!(),
        }
    }

    #[test]
    fn ranges_read_like_a_post_mortem() {
        let la = Zone::named("America/Los_Angeles").unwrap();
        let (s, e) = (
            at("2022-12-07T08:24:00-08:00"),
            at("2022-12-07T08:49:00-08:00"),
        );
        assert_eq!(
            range(s, Some(e), &la, HourCycle::H12),
            "Dec 7, 8:24 – 8:49 AM PST"
        );
        let pm = at("2022-12-07T12:39:00-08:00");
        assert_eq!(
            range(s, Some(pm), &la, HourCycle::H12),
            "Dec 7, 8:24 AM – 12:39 PM PST"
        );
        let next = at("2022-12-08T09:00:00-08:00");
        assert_eq!(
            range(pm, Some(next), &la, HourCycle::H12),
            "Dec 7, 12:39 PM – Dec 8, 9:00 AM PST"
        );
        let utc = Zone::utc();
        assert_eq!(
            range(s, Some(e), &utc, HourCycle::H23),
            "7 Dec, 16:24 – 16:49 UTC"
        );
        assert_eq!(
            range(s, None, &utc, HourCycle::H23),
            "7 Dec, 16:24 UTC – ongoing"
        );
    }

    #[test]
    fn short_ranges_label_bars() {
        let la = Zone::named("America/Los_Angeles").unwrap();
        let r =
            |a: &str, b: &str, dated: bool| short_range(at(a), at(b), &la, HourCycle::H12, dated);
        assert_eq!(
            r(
                "2022-12-07T08:24:00-08:00",
                "2022-12-07T08:49:00-08:00",
                false
            ),
            "8:24–8:49 AM"
        );
        assert_eq!(
            r(
                "2022-12-09T11:55:00-08:00",
                "2022-12-09T13:55:00-08:00",
                false
            ),
            "11:55 AM–1:55 PM"
        );
        assert_eq!(
            r(
                "2022-12-07T23:50:00-08:00",
                "2022-12-08T00:20:00-08:00",
                false
            ),
            "11:50 PM–12:20 AM"
        );
        assert_eq!(
            r(
                "2022-12-07T18:30:00-08:00",
                "2022-12-09T09:00:00-08:00",
                false
            ),
            "Dec 7, 6:30 PM–Dec 9, 9:00 AM"
        );
        assert_eq!(
            r(
                "2022-12-07T08:24:00-08:00",
                "2022-12-07T08:49:00-08:00",
                true
            ),
            "Dec 7, 8:24–8:49 AM"
        );
        let utc = Zone::utc();
        let (s, e) = (
            at("2022-12-07T08:24:00-08:00"),
            at("2022-12-07T08:49:00-08:00"),
        );
        assert_eq!(
            short_range(s, e, &utc, HourCycle::H23, false),
            "16:24–16:49"
        );
        assert_eq!(short_moment(s, &la, HourCycle::H12, false), "8:24 AM");
        // Seconds only where they matter.
        assert_eq!(
            r(
                "2022-12-07T08:24:52-08:00",
                "2022-12-07T08:49:07-08:00",
                false
            ),
            "8:24–8:49 AM"
        );
        assert_eq!(
            r(
                "2022-12-07T08:24:52-08:00",
                "2022-12-07T08:26:07-08:00",
                false
            ),
            "8:24:52–8:26:07 AM"
        );
        assert_eq!(short_moment(s, &utc, HourCycle::H23, true), "7 Dec, 16:24");
        // A clock change inside: each end says its zone.
        let ny = Zone::named("America/New_York").unwrap();
        assert_eq!(
            short_range(
                at("2024-11-03T01:30:00-04:00"),
                at("2024-11-03T01:10:00-05:00"),
                &ny,
                HourCycle::H12,
                false
            ),
            "1:30 AM EDT–1:10 AM EST"
        );
    }

    #[test]
    fn clocks_by_zone() {
        let z = |n| HourCycle::for_zone(&Zone::named(n).unwrap());
        assert_eq!(z("America/Los_Angeles"), HourCycle::H12);
        assert_eq!(z("America/Sao_Paulo"), HourCycle::H23);
        assert_eq!(z("Europe/Berlin"), HourCycle::H23);
        assert_eq!(z("UTC"), HourCycle::H23);
    }

    #[test]
    fn instants_and_dates() {
        let la = Zone::named("America/Los_Angeles").unwrap();
        let t = at("2022-12-07T08:24:00-08:00");
        assert_eq!(
            instant(t, &la, HourCycle::H12),
            "Wed, Dec 7, 2022, 8:24 AM PST"
        );
        assert_eq!(weekday_date(la.local(t), HourCycle::H23), "Wed 7 Dec");
        assert_eq!(
            time(la.local(t), HourCycle::H23, Precision::Minute),
            "08:24"
        );
    }
}
