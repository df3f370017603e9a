//! How times are written for people: 12- or 24-hour clocks, dates, ranges
//! ("8:24 – 8:49 AM PST"), in the reader's locale ([`Formats`]). One place,
//! so the axis, tooltips, the table and the summary all say the same thing
//! the same way. Every function takes a [`Clock`]: the locale's formats and
//! the hour cycle in force (the locale's own unless an option says otherwise).
use crate::strings::cat;

use crate::template::fill_with;
use crate::time::formats::{Field, Formats, ENGLISH};
use crate::time::zone::Zone;
use crate::time::Instant;
use chrono::{NaiveDateTime, Timelike};
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
    /// Reads `h12` or `h23` (also `12` / `24`).
    pub fn from_name(name: &str) -> Option<HourCycle> {
        match name {
            "h12" | "12" | "12h" => Some(HourCycle::H12),
            "h23" | "h24" | "24" | "24h" => Some(HourCycle::H23),
            _ => None,
        }
    }
}

/// A locale's formats and the hour cycle in force: what every function here
/// writes with.
#[derive(Debug, Clone, Copy)]
pub struct Clock<'a> {
    /// 12- or 24-hour.
    pub cycle: HourCycle,
    /// The locale's names and patterns.
    pub formats: &'a Formats,
    /// "{start} – {end}": a range, in the locale's words.
    pub range: &'a str,
    /// "{start} – ongoing": a range without an end yet.
    pub ongoing: &'a str,
    /// "{start}–{end}": a range as the chart labels it.
    pub short_range: &'a str,
}

impl<'a> Clock<'a> {
    /// `formats` with `cycle`, or the locale's own clock.
    pub fn new(formats: &'a Formats, cycle: Option<HourCycle>) -> Clock<'a> {
        Clock {
            cycle: cycle.unwrap_or_else(|| formats.hour_cycle()),
            formats,
            range: "{start} – {end}",
            ongoing: "{start} – ongoing",
            short_range: "{start}–{end}",
        }
    }
}

/// English with this clock.
impl From<HourCycle> for Clock<'static> {
    fn from(cycle: HourCycle) -> Self {
        Clock::new(&ENGLISH, Some(cycle))
    }
}

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

/// The pattern for a time of day at `p` on `clock`.
fn time_pattern(clock: Clock<'_>, p: Precision) -> &str {
    clock.formats.get(match (clock.cycle, p) {
        (HourCycle::H12, Precision::Hour) => Field::Hour12,
        (HourCycle::H12, Precision::Minute) => Field::Time12,
        (HourCycle::H12, Precision::Second) => Field::Seconds12,
        (HourCycle::H23, Precision::Second) => Field::Seconds23,
        (HourCycle::H23, _) => Field::Time23,
    })
}

/// `l` in the locale's pattern `field`; `{t}` is `time`.
fn date(l: NaiveDateTime, clock: Clock<'_>, field: Field, time: &str) -> String {
    clock.formats.date(clock.formats.get(field), l, time)
}

/// A time of day: "8:24 AM", "08:24", "午前8:24".
pub fn time(l: NaiveDateTime, clock: Clock<'_>, p: Precision) -> String {
    clock.formats.date(time_pattern(clock, p), l, "")
}

/// A time of day without its AM/PM marker, for ranges that share it.
fn bare_time(l: NaiveDateTime, clock: Clock<'_>, p: Precision) -> String {
    let time = clock.formats.fill(time_pattern(clock, p), l, "", false);
    time.trim().to_string()
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

/// A day: "Wed, Dec 7", "Mi., 7. Dez.", "12月7日(水)".
pub fn weekday_date(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::WeekdayDate, "")
}

/// A day without the weekday: "Dec 7", "7. Dez.", "12月7日".
pub fn day_month(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::DayMonth, "")
}

/// A month alone: "Dec".
pub fn month(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::Month, "")
}

/// "Dec 2022", "2022年12月".
pub fn month_year(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::MonthYear, "")
}

/// A year alone: "2022", "2022年".
pub fn year(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::Year, "")
}

/// A day of the month alone: "7", "7日".
pub fn day(l: NaiveDateTime, clock: Clock<'_>) -> String {
    date(l, clock, Field::Day, "")
}

/// A time of day at least to the minute, with the zone's abbreviation.
fn zoned(l: NaiveDateTime, clock: Clock<'_>, abbreviation: &str) -> String {
    let mut s = time(l, clock, precision_of(l).max(Precision::Minute));
    s.push(' ');
    s.push_str(abbreviation);
    s
}

/// A full date and time with the zone: "Wed, Dec 7, 2022, 8:24 AM PST".
pub fn instant(t: Instant, zone: &Zone, clock: Clock<'_>) -> String {
    let l = zone.local(t);
    let time = zoned(l, clock, &zone.abbreviation(t));
    date(l, clock, Field::Full, &time)
}

/// One moment in the short form ranges use: "Dec 7, 11:20 AM PST".
pub fn moment(t: Instant, zone: &Zone, clock: Clock<'_>) -> String {
    let l = zone.local(t);
    let time = zoned(l, clock, &zone.abbreviation(t));
    date(l, clock, Field::DayMonthTime, &time)
}

/// A range as people write it: "Dec 7, 8:24 – 8:49 AM PST" on one day,
/// "Dec 7, 6:30 PM – Dec 8, 9:00 AM PST" across days, "Dec 7, 8:24 AM PST –
/// ongoing" when ongoing.
pub fn range(start: Instant, end: Option<Instant>, zone: &Zone, clock: Clock<'_>) -> String {
    let ls = zone.local(start);
    let Some(end) = end else {
        let start = moment(start, zone, clock);
        return fill_with(clock.ongoing, &[("start", &start)]);
    };
    let le = zone.local(end);
    let p = precision_of(ls)
        .max(precision_of(le))
        .max(Precision::Minute);
    let (abbr_s, abbr_e) = (zone.abbreviation(start), zone.abbreviation(end));
    if ls.date() == le.date() && abbr_s == abbr_e {
        // Within one half of the day the AM/PM marker is written once, where
        // the locale puts it: "8:24 – 8:49 AM", "午前8:24 – 8:49".
        let same_half = clock.cycle == HourCycle::H12 && (ls.hour() < 12) == (le.hour() < 12);
        let marker_first = time_pattern(clock, p).trim_start().starts_with("{a}");
        let (first, second) = match (same_half, marker_first) {
            (true, false) => (bare_time(ls, clock, p), time(le, clock, p)),
            (true, true) => (time(ls, clock, p), bare_time(le, clock, p)),
            _ => (time(ls, clock, p), time(le, clock, p)),
        };
        let times = fill_with(
            clock.range,
            &[("start", &first), ("end", &cat(&[&*second, " ", &*abbr_e]))],
        );
        date(ls, clock, Field::DayMonthTime, &times)
    } else {
        let mut first = time(ls, clock, p);
        if abbr_s != abbr_e {
            first.push(' ');
            first.push_str(&abbr_s);
        }
        let second = cat(&[&*time(le, clock, p), " ", &*abbr_e]);
        fill_with(
            clock.range,
            &[
                ("start", &date(ls, clock, Field::DayMonthTime, &first)),
                ("end", &date(le, clock, Field::DayMonthTime, &second)),
            ],
        )
    }
}

/// A closed range as a chart labels it, without the zone (the chart's
/// caption names it): "8:24–8:49 AM", "11:55 AM–1:55 PM", "16:24–16:49",
/// "11:50 PM–12:20 AM" across midnight, in the locale's words
/// (`clock.short_range`, "{start}–{end}"). To the minute, and to the second
/// only when it lasts less than ten minutes and the seconds say something;
/// with the day when `dated` or when it lasts a day or more ("Dec 7,
/// 6:30 PM–Dec 9, 9:00 AM"), and with each end's zone abbreviation when a
/// clock change falls inside it.
pub fn short_range(
    start: Instant,
    end: Instant,
    zone: &Zone,
    clock: Clock<'_>,
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
    // Within one half of the day the AM/PM marker is written once, where the
    // locale puts it: "8:24–8:49 AM", "午前8:24–8:49".
    let same_half = !clock_change
        && same_day
        && (clock.cycle == HourCycle::H23 || (ls.hour() < 12) == (le.hour() < 12));
    let marker_first = time_pattern(clock, p).trim_start().starts_with("{a}");
    let (mut first, mut last) = match (same_half && clock.cycle == HourCycle::H12, marker_first) {
        (true, false) => (bare_time(ls, clock, p), time(le, clock, p)),
        (true, true) => (time(ls, clock, p), bare_time(le, clock, p)),
        _ => (time(ls, clock, p), time(le, clock, p)),
    };
    if clock_change {
        first = cat(&[&*first, " ", &*zone.abbreviation(start)]);
        last = cat(&[&*last, " ", &*zone.abbreviation(end)]);
    }
    let (first, last) = match (dated || both_days, both_days) {
        (true, true) => (
            date(ls, clock, Field::DayMonthTime, &first),
            date(le, clock, Field::DayMonthTime, &last),
        ),
        _ => (first, last),
    };
    let times = fill_with(clock.short_range, &[("start", &first), ("end", &last)]);
    if dated && !both_days {
        date(ls, clock, Field::DayMonthTime, &times)
    } else {
        times
    }
}

/// A moment as a chart labels it, to the minute: "10:27 AM", "Dec 7,
/// 10:27 AM" when `dated`.
pub fn short_moment(t: Instant, zone: &Zone, clock: Clock<'_>, dated: bool) -> String {
    let l = zone.local(t);
    let at = time(l, clock, Precision::Minute);
    if dated {
        date(l, clock, Field::DayMonthTime, &at)
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
            range(s, Some(e), &la, HourCycle::H12.into()),
            "Dec 7, 8:24 – 8:49 AM PST"
        );
        let pm = at("2022-12-07T12:39:00-08:00");
        assert_eq!(
            range(s, Some(pm), &la, HourCycle::H12.into()),
            "Dec 7, 8:24 AM – 12:39 PM PST"
        );
        let next = at("2022-12-08T09:00:00-08:00");
        assert_eq!(
            range(pm, Some(next), &la, HourCycle::H12.into()),
            "Dec 7, 12:39 PM – Dec 8, 9:00 AM PST"
        );
        let utc = Zone::utc();
        assert_eq!(
            range(s, Some(e), &utc, HourCycle::H23.into()),
            "Dec 7, 16:24 – 16:49 UTC"
        );
        assert_eq!(
            range(s, None, &utc, HourCycle::H23.into()),
            "Dec 7, 16:24 UTC – ongoing"
        );
    }

    #[test]
    fn short_ranges_label_bars() {
        let la = Zone::named("America/Los_Angeles").unwrap();
        let r = |a: &str, b: &str, dated: bool| {
            short_range(at(a), at(b), &la, HourCycle::H12.into(), dated)
        };
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
            short_range(s, e, &utc, HourCycle::H23.into(), false),
            "16:24–16:49"
        );
        assert_eq!(
            short_moment(s, &la, HourCycle::H12.into(), false),
            "8:24 AM"
        );
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
        assert_eq!(
            short_moment(s, &utc, HourCycle::H23.into(), true),
            "Dec 7, 16:24"
        );
        // A clock change inside: each end says its zone.
        let ny = Zone::named("America/New_York").unwrap();
        assert_eq!(
            short_range(
                at("2024-11-03T01:30:00-04:00"),
                at("2024-11-03T01:10:00-05:00"),
                &ny,
                HourCycle::H12.into(),
                false
            ),
            "1:30 AM EDT–1:10 AM EST"
        );
    }

    #[test]
    fn instants_and_dates() {
        let la = Zone::named("America/Los_Angeles").unwrap();
        let t = at("2022-12-07T08:24:00-08:00");
        assert_eq!(
            instant(t, &la, HourCycle::H12.into()),
            "Wed, Dec 7, 2022, 8:24 AM PST"
        );
        assert_eq!(
            weekday_date(la.local(t), HourCycle::H23.into()),
            "Wed, Dec 7"
        );
        assert_eq!(
            time(la.local(t), HourCycle::H23.into(), Precision::Minute),
            "08:24"
        );
    }
}
