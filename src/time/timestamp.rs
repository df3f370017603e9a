//! Reading timeline times: RFC 3339 with an offset (an exact instant), or the
//! same without an offset (a wall-clock time, resolved later in the
//! document's zone). Errors say what is wrong with the text, not just that it is.

use crate::problem::say;
use crate::time::Instant;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A time as written in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSpec {
    /// Had an offset (`Z`, `-08:00`): an exact instant.
    Absolute(Instant),
    /// Had no offset: a wall-clock time in the document's zone.
    WallClock(NaiveDateTime),
}

const SHAPE: &str = "write times like 2022-12-07T08:24:00-08:00 (or without the offset for the document's timezone)";

/// Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]`.
pub fn parse_time(text: &str) -> Result<TimeSpec, String> {
    let b = text.as_bytes();
    let bad = |why: &str| Err(say!("\"{}\" is not a valid time: {why}", clip(text)));
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = b.get(from..from + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else {
        return bad(SHAPE);
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return bad(SHAPE);
    }
    if b.len() == 10 {
        return bad("it has a date but no time of day; add one, like T00:00");
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return bad(SHAPE);
    }
    let (Some(hour), Some(minute)) = (digits(11, 2), digits(14, 2)) else {
        return bad(SHAPE);
    };
    if b.get(13) != Some(&b':') {
        return bad(SHAPE);
    }
    let mut i = 16;
    let (mut second, mut nanos) = (0, 0);
    if b.get(i) == Some(&b':') {
        second = match digits(i + 1, 2) {
            Some(s) => s,
            None => return bad(SHAPE),
        };
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            let n = end - start;
            if n == 0 || n > 9 {
                return bad("the fraction of a second must have 1 to 9 digits");
            }
            nanos = digits(start, n).unwrap_or(0) * 10u32.pow(9 - n as u32);
            i = end;
        }
    }
    let offset_seconds = match b.get(i) {
        None => None,
        Some(b'Z' | b'z') if i + 1 == b.len() => Some(0),
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (Some(oh), Some(om)) = (digits(i + 1, 2), digits(i + 4, 2)) else {
                return bad(SHAPE);
            };
            if oh > 23 || om > 59 {
                return bad("the UTC offset is out of range");
            }
            let secs = (oh * 3600 + om * 60) as i32;
            Some(if *sign == b'-' { -secs } else { secs })
        }
        Some(_) => return bad(SHAPE),
    };
    if !(1..=12).contains(&month) {
        return bad(&say!("month {month} does not exist"));
    }
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        return bad(&say!(
            "{} {year} has no day {day}",
            MONTHS[month as usize - 1]
        ));
    };
    if hour > 23 {
        return bad(&say!("hour {hour} does not exist (hours go from 00 to 23)"));
    }
    if minute > 59 {
        return bad(&say!("minute {minute} does not exist"));
    }
    if second > 59 {
        return bad(&say!(
            "second {second} does not exist (leap seconds are not supported)"
        ));
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos).expect("checked above");
    let local = NaiveDateTime::new(date, time);
    Ok(match offset_seconds {
        None => TimeSpec::WallClock(local),
        Some(off) => TimeSpec::Absolute(local.and_utc().timestamp_millis() - i64::from(off) * 1000),
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Long input is quoted in errors only up to a point.
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 100;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abs(text: &str) -> Instant {
        match parse_time(text) {
            Ok(TimeSpec::Absolute(t)) => t,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn offsets_give_instants() {
        assert_eq!(
            abs("2022-12-07T08:24:00-08:00"),
            abs("2022-12-07T16:24:00Z")
        );
        assert_eq!(abs("2022-12-07t16:24z"), abs("2022-12-07 16:24:00+00:00"));
        assert_eq!(abs("1970-01-01T00:00:01.5Z"), 1500);
        assert_eq!(abs("1970-01-01T00:00:00.123456789Z"), 123);
        assert_eq!(abs("1970-01-01T05:30:00+05:30"), 0);
    }

    #[test]
    fn no_offset_is_wall_clock() {
        let TimeSpec::WallClock(t) = parse_time("2022-12-09T12:40:00").unwrap() else {
            panic!()
        };
        assert_eq!(t.to_string(), "2022-12-09 12:40:00");
        assert!(matches!(
            parse_time("2022-12-09T12:40"),
            Ok(TimeSpec::WallClock(_))
        ));
    }

    // Messages are written only in the full build (`problem::say`).
    #[cfg(feature = "full")]
    #[test]
    fn errors_say_what_is_wrong() {
        let e = |t| parse_time(t).unwrap_err();
        assert!(e("2022-02-30T10:00Z").contains("February 2022 has no day 30"));
        assert!(e("2022-13-01T10:00Z").contains("month 13"));
        assert!(e("2022-12-07T24:00Z").contains("hour 24"));
        assert!(e("2022-12-07T10:60Z").contains("minute 60"));
        assert!(e("2022-12-07T10:00:60Z").contains("leap seconds"));
        assert!(e("2022-12-07").contains("no time of day"));
        assert!(e("yesterday").contains("write times like"));
        assert!(e("2022-12-07T10:00+0800").contains("write times like"));
        assert!(e("2022-12-07T10:00:00.Z").contains("1 to 9 digits"));
        assert!(e("2022-12-07T10:00+25:00").contains("offset"));
    }

    #[test]
    fn long_input_is_clipped_in_messages() {
        let long = "x".repeat(500);
        assert!(parse_time(&long).unwrap_err().chars().count() < 260);
    }
}
