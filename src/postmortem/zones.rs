//! Time zones as post-mortems write them: abbreviations (`PST`, `CEST`,
//! `BST`), UTC offsets (`UTC-5`, `GMT+8`, `+02:00`, a `Z` stuck to a time)
//! and a few names in full (`Pacific Time`, `Coordinated Universal Time`).
//!
//! An abbreviation names a fixed offset (PST is always UTC-8) and belongs to
//! an IANA zone (America/Los_Angeles), which is the zone the timeline is
//! shown in. Times written with an abbreviation are read at the
//! abbreviation's own offset, even when it is the wrong one for the date
//! ("EST" in April): the author wrote that offset, and the warning says so.
//! A name without "standard" or "daylight" (`PT`, `Pacific Time`) follows
//! the zone's rules instead. The table is [`ABBREVIATIONS`];
//! docs/text-format.md lists it for people.

/// What an abbreviation means.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Abbr {
    /// As written, upper case.
    pub name: &'static str,
    /// The offset it names, minutes east of UTC.
    pub minutes: i32,
    /// The IANA zone it belongs to ("UTC" for UTC itself).
    pub zone: &'static str,
    /// Its meaning, for messages.
    pub meaning: &'static str,
    /// For an ambiguous abbreviation: the readings not taken.
    pub others: Option<&'static str>,
    /// Where it is kept all year, so that a "wrong season" is right there.
    pub all_year: Option<&'static str>,
}

const fn abbr(name: &'static str, minutes: i32, zone: &'static str, meaning: &'static str) -> Abbr {
    Abbr {
        name,
        minutes,
        zone,
        meaning,
        others: None,
        all_year: None,
    }
}

/// Every abbreviation the reader knows. Ambiguous ones take the reading
/// listed here and say so in a warning.
pub(super) static ABBREVIATIONS: &[Abbr] = &[
    abbr("UTC", 0, "UTC", "Coordinated Universal Time"),
    abbr("GMT", 0, "UTC", "Greenwich Mean Time"),
    abbr("UT", 0, "UTC", "Universal Time"),
    abbr("Z", 0, "UTC", "UTC (Z)"),
    abbr("PST", -480, "America/Los_Angeles", "Pacific Standard Time"),
    abbr("PDT", -420, "America/Los_Angeles", "Pacific Daylight Time"),
    Abbr {
        all_year: Some("Arizona"),
        ..abbr("MST", -420, "America/Denver", "Mountain Standard Time")
    },
    abbr("MDT", -360, "America/Denver", "Mountain Daylight Time"),
    Abbr {
        others: Some("China Standard Time (UTC+8) or Cuba Standard Time (UTC-5)"),
        ..abbr("CST", -360, "America/Chicago", "US Central Standard Time")
    },
    abbr("CDT", -300, "America/Chicago", "US Central Daylight Time"),
    abbr("EST", -300, "America/New_York", "Eastern Standard Time"),
    abbr("EDT", -240, "America/New_York", "Eastern Daylight Time"),
    abbr("AKST", -540, "America/Anchorage", "Alaska Standard Time"),
    abbr("AKDT", -480, "America/Anchorage", "Alaska Daylight Time"),
    abbr("HST", -600, "Pacific/Honolulu", "Hawaii Standard Time"),
    Abbr {
        others: Some("Arabia Standard Time (UTC+3)"),
        ..abbr("AST", -240, "America/Halifax", "Atlantic Standard Time")
    },
    abbr("ADT", -180, "America/Halifax", "Atlantic Daylight Time"),
    abbr(
        "NST",
        -210,
        "America/St_Johns",
        "Newfoundland Standard Time",
    ),
    abbr(
        "NDT",
        -150,
        "America/St_Johns",
        "Newfoundland Daylight Time",
    ),
    abbr("BRT", -180, "America/Sao_Paulo", "Brasília Time"),
    abbr("WET", 0, "Europe/Lisbon", "Western European Time"),
    abbr("WEST", 60, "Europe/Lisbon", "Western European Summer Time"),
    Abbr {
        others: Some("Bangladesh Standard Time (UTC+6)"),
        ..abbr("BST", 60, "Europe/London", "British Summer Time")
    },
    abbr("CET", 60, "Europe/Berlin", "Central European Time"),
    abbr("CEST", 120, "Europe/Berlin", "Central European Summer Time"),
    abbr("EET", 120, "Europe/Athens", "Eastern European Time"),
    abbr("EEST", 180, "Europe/Athens", "Eastern European Summer Time"),
    abbr("MSK", 180, "Europe/Moscow", "Moscow Time"),
    abbr(
        "SAST",
        120,
        "Africa/Johannesburg",
        "South Africa Standard Time",
    ),
    Abbr {
        others: Some("Irish Standard Time (UTC+1) or Israel Standard Time (UTC+2)"),
        ..abbr("IST", 330, "Asia/Kolkata", "India Standard Time")
    },
    Abbr {
        others: Some("South Georgia Time (UTC−2)"),
        ..abbr("GST", 240, "Asia/Dubai", "Gulf Standard Time")
    },
    abbr("PKT", 300, "Asia/Karachi", "Pakistan Standard Time"),
    abbr("ICT", 420, "Asia/Bangkok", "Indochina Time"),
    abbr("WIB", 420, "Asia/Jakarta", "Western Indonesia Time"),
    abbr("SGT", 480, "Asia/Singapore", "Singapore Time"),
    abbr("HKT", 480, "Asia/Hong_Kong", "Hong Kong Time"),
    abbr("JST", 540, "Asia/Tokyo", "Japan Standard Time"),
    abbr("KST", 540, "Asia/Seoul", "Korea Standard Time"),
    abbr(
        "AWST",
        480,
        "Australia/Perth",
        "Australian Western Standard Time",
    ),
    abbr(
        "ACST",
        570,
        "Australia/Adelaide",
        "Australian Central Standard Time",
    ),
    abbr(
        "ACDT",
        630,
        "Australia/Adelaide",
        "Australian Central Daylight Time",
    ),
    Abbr {
        all_year: Some("Queensland"),
        ..abbr(
            "AEST",
            600,
            "Australia/Sydney",
            "Australian Eastern Standard Time",
        )
    },
    abbr(
        "AEDT",
        660,
        "Australia/Sydney",
        "Australian Eastern Daylight Time",
    ),
    abbr("NZST", 720, "Pacific/Auckland", "New Zealand Standard Time"),
    abbr("NZDT", 780, "Pacific/Auckland", "New Zealand Daylight Time"),
];

/// Names written in full: either an abbreviation's meaning (read as that
/// abbreviation, never ambiguous), or a zone whose rules apply.
static NAMES: &[(&str, Named)] = &[
    ("coordinated universal time", Named::Abbr("UTC")),
    ("greenwich mean time", Named::Abbr("GMT")),
    ("pacific standard time", Named::Abbr("PST")),
    ("pacific daylight time", Named::Abbr("PDT")),
    ("pacific time", Named::Rules("America/Los_Angeles")),
    ("mountain standard time", Named::Abbr("MST")),
    ("mountain daylight time", Named::Abbr("MDT")),
    ("mountain time", Named::Rules("America/Denver")),
    ("central standard time", Named::Abbr("CST")),
    ("central daylight time", Named::Abbr("CDT")),
    ("central time", Named::Rules("America/Chicago")),
    ("eastern standard time", Named::Abbr("EST")),
    ("eastern daylight time", Named::Abbr("EDT")),
    ("eastern time", Named::Rules("America/New_York")),
    ("british summer time", Named::Abbr("BST")),
    ("uk time", Named::Rules("Europe/London")),
    ("central european summer time", Named::Abbr("CEST")),
    ("central european time", Named::Abbr("CET")),
    ("eastern european summer time", Named::Abbr("EEST")),
    ("eastern european time", Named::Abbr("EET")),
    ("india standard time", Named::Abbr("IST")),
    ("gulf standard time", Named::Abbr("GST")),
    ("japan standard time", Named::Abbr("JST")),
];

/// Short names that follow a zone's rules (no season in them).
static RULE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("PT", "America/Los_Angeles"),
    ("MT", "America/Denver"),
    ("CT", "America/Chicago"),
    ("ET", "America/New_York"),
];

enum Named {
    Abbr(&'static str),
    Rules(&'static str),
}

/// A zone the text states.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Stated {
    /// An abbreviation: its own offset.
    Abbr(&'static Abbr),
    /// A UTC offset, seconds east.
    Offset(i32),
    /// An IANA zone's rules (from `PT`, `Pacific Time`, or the caller's option).
    Rules(String),
}

impl Stated {
    /// The IANA name of the zone to show times in.
    pub fn display(&self) -> String {
        match self {
            Stated::Abbr(a) => a.zone.to_string(),
            Stated::Offset(s) if *s == 0 => "UTC".into(),
            // Etc/GMT zones count the other way: Etc/GMT-8 is UTC+8.
            Stated::Offset(s) if s % 3600 == 0 => format!(
                "Etc/GMT{}{}",
                if *s > 0 { '-' } else { '+' },
                s.abs() / 3600
            ),
            Stated::Offset(_) => "UTC".into(),
            Stated::Rules(z) => z.clone(),
        }
    }

    /// The fixed offset it names, if it names one (seconds east).
    pub fn fixed(&self) -> Option<i32> {
        match self {
            Stated::Abbr(a) => Some(a.minutes * 60),
            Stated::Offset(s) => Some(*s),
            Stated::Rules(_) => None,
        }
    }

    /// How it is written in messages.
    #[cfg(test)]
    pub fn label(&self) -> String {
        match self {
            Stated::Abbr(a) => a.name.to_string(),
            Stated::Offset(s) => offset_label(*s),
            Stated::Rules(z) => z.clone(),
        }
    }
}

/// `UTC+5:30`, `UTC-8`, `UTC`.
pub(super) fn offset_label(seconds: i32) -> String {
    crate::time::zone::format_offset(seconds)
}

/// A zone found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ZoneHit {
    pub stated: Stated,
    /// Where it starts and ends in the piece.
    pub start: usize,
    pub end: usize,
    /// Written in full ("British Summer Time"): never ambiguous.
    pub full: bool,
}

fn is_alnum(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn find(name: &str) -> Option<&'static Abbr> {
    ABBREVIATIONS.iter().find(|a| a.name == name)
}

/// A numeric offset at `i`: `+HH:MM`, `+HHMM`, `+H`, `+HH` (the sign
/// included). `short` allows one- and two-digit hours (after `UTC`).
fn offset_at(s: &[char], i: usize, short: bool) -> Option<(i32, usize)> {
    let sign = match s.get(i)? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let d = |k: usize| s.get(k).and_then(|c| c.to_digit(10));
    let digits = s[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let colon_minutes = |k: usize| {
        s.get(k) == Some(&':') && s[k + 1..].iter().take_while(|c| c.is_ascii_digit()).count() == 2
    };
    let (h, m, end) = match digits {
        1 | 2 if colon_minutes(i + 1 + digits) => {
            let h = if digits == 1 {
                d(i + 1)?
            } else {
                d(i + 1)? * 10 + d(i + 2)?
            };
            let k = i + 1 + digits + 1;
            (h, d(k)? * 10 + d(k + 1)?, k + 2)
        }
        4 => (
            d(i + 1)? * 10 + d(i + 2)?,
            d(i + 3)? * 10 + d(i + 4)?,
            i + 5,
        ),
        1 if short => (d(i + 1)?, 0, i + 2),
        2 if short => (d(i + 1)? * 10 + d(i + 2)?, 0, i + 3),
        _ => return None,
    };
    if h > 14 || m > 59 || is_alnum(s.get(end)) {
        return None;
    }
    Some((sign * (h as i32 * 3600 + m as i32 * 60), end))
}

/// A zone word at `i` (an abbreviation, `UTC+8`, a name in full), not a
/// bare offset or `Z`.
pub(super) fn zone_word_at(s: &[char], i: usize) -> Option<ZoneHit> {
    if i > 0 && is_alnum(s.get(i - 1)) {
        return None;
    }
    word_zone(s, i)
}

/// [`zone_word_at`] without looking at the character before (a zone stuck
/// to a time: `6:00EST`).
fn word_zone(s: &[char], i: usize) -> Option<ZoneHit> {
    let end = i + s[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if end == i {
        return None;
    }
    let word: String = s[i..end].iter().collect();
    let upper = word.to_ascii_uppercase();
    let hit = |stated, end, full| {
        Some(ZoneHit {
            stated,
            start: i,
            end,
            full,
        })
    };
    if matches!(upper.as_str(), "UTC" | "GMT" | "UT") {
        // Case does not matter for these; an offset may follow.
        if let Some((secs, e)) = offset_at(s, end, true) {
            // `09:00 UTC-10:00 UTC` is a range, not UTC-10.
            let mut k = e;
            while s.get(k) == Some(&' ') {
                k += 1;
            }
            let range = s[end] != '+'
                && s.get(k).is_some_and(|c| c.is_ascii_alphabetic())
                && zone_word_at(s, k).is_some();
            if !range {
                return hit(Stated::Offset(secs), e, false);
            }
        }
        if !is_alnum(s.get(end)) {
            return hit(Stated::Abbr(find(&upper)?), end, false);
        }
        return None;
    }
    // Names in full, any case.
    for (name, named) in NAMES {
        let n = name.chars().count();
        if s.len() >= i + n
            && s[i..i + n]
                .iter()
                .zip(name.chars())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
            && !is_alnum(s.get(i + n))
        {
            let stated = match named {
                Named::Abbr(a) => Stated::Abbr(find(a)?),
                Named::Rules(z) => Stated::Rules((*z).to_string()),
            };
            return hit(stated, i + n, true);
        }
    }
    if is_alnum(s.get(end)) || word != upper || word == "Z" {
        return None;
    }
    if let Some(a) = find(&word) {
        return hit(Stated::Abbr(a), end, false);
    }
    let rules = RULE_ABBREVIATIONS.iter().find(|(n, _)| *n == word)?;
    hit(Stated::Rules(rules.1.to_string()), end, false)
}

/// The zone written right after a time that ends at `i`: `UTC`, ` (PST)`,
/// `EST` stuck to it, `Z` stuck to it, `+02:00`, or (`iso`, in an ISO date
/// and time) `-08:00` stuck to it.
pub(super) fn zone_after(s: &[char], i: usize, iso: bool) -> Option<ZoneHit> {
    let mut j = i;
    while j < s.len() && j < i + 3 && s[j] == ' ' {
        j += 1;
    }
    let glued = j == i;
    let paren = s.get(j) == Some(&'(');
    let k = if paren { j + 1 } else { j };
    let close = |mut z: ZoneHit| {
        if paren {
            if s.get(z.end) != Some(&')') {
                return None;
            }
            z.end += 1;
        }
        Some(z)
    };
    match s.get(k)? {
        'Z' if glued && !paren && !is_alnum(s.get(k + 1)) => Some(ZoneHit {
            stated: Stated::Abbr(find("Z")?),
            start: k,
            end: k + 1,
            full: false,
        }),
        '+' | '-' | '−' if s[k] == '+' || (iso && glued) => {
            let (secs, end) = offset_at(s, k, false)?;
            close(ZoneHit {
                stated: Stated::Offset(secs),
                start: k,
                end,
                full: false,
            })
        }
        c if c.is_ascii_alphabetic() => close(word_zone(s, k)?),
        _ => None,
    }
}

/// The first zone named anywhere in `s[a..b]` (a heading, a table header,
/// a sentence about the times).
pub(super) fn zone_in(s: &[char], a: usize, b: usize) -> Option<ZoneHit> {
    let b = b.min(s.len());
    (a..b)
        .filter(|&k| s[k].is_ascii_alphabetic() && (k == 0 || !is_alnum(s.get(k - 1))))
        .find_map(|k| zone_word_at(s, k).filter(|z| z.end <= b))
}

/// Whether `s[a..b]` talks about times ("All times are in UTC", "Timeline
/// (PDT)", "timestamps", "time zone").
pub(super) fn about_times(s: &[char], a: usize, b: usize) -> bool {
    let b = b.min(s.len());
    (a..b).any(|k| {
        (k == 0 || !is_alnum(s.get(k - 1)))
            && s.len() >= k + 4
            && s[k..k + 4]
                .iter()
                .zip("time".chars())
                .all(|(x, y)| x.to_ascii_lowercase() == y)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn after_a_time() {
        let s = chars("8:49 AM (PST): x");
        let z = zone_after(&s, 7, false).unwrap();
        assert_eq!(z.stated.label(), "PST");
        assert_eq!(z.end, 13);
        let s = chars("6:00EST): x");
        assert_eq!(zone_after(&s, 4, false).unwrap().stated.label(), "EST");
        let s = chars("13:42Z");
        assert_eq!(zone_after(&s, 5, false).unwrap().stated.display(), "UTC");
        let s = chars("14:00 GMT+8");
        let z = zone_after(&s, 5, false).unwrap();
        assert_eq!(z.stated, Stated::Offset(8 * 3600));
        assert_eq!(z.stated.display(), "Etc/GMT-8");
        let s = chars("14:00 UTC-5:30");
        assert_eq!(
            zone_after(&s, 5, false).unwrap().stated,
            Stated::Offset(-19800)
        );
        let s = chars("14:00:00-08:00");
        assert_eq!(
            zone_after(&s, 8, true).unwrap().stated,
            Stated::Offset(-8 * 3600)
        );
        assert_eq!(zone_after(&s, 8, false), None);
        let s = chars("14:00 +02:00 x");
        assert_eq!(
            zone_after(&s, 5, false).unwrap().stated,
            Stated::Offset(7200)
        );
        let s = chars("9:00 Pacific Time");
        assert_eq!(
            zone_after(&s, 4, false).unwrap().stated,
            Stated::Rules("America/Los_Angeles".into())
        );
        for no in ["9:00 ESTIMATE", "9:00 est", "9:00 Zulu", "9:00 PSTX"] {
            assert_eq!(zone_after(&chars(no), 4, false), None, "{no}");
        }
    }

    #[test]
    fn every_abbreviation_and_name_is_read_and_its_zone_known() {
        for a in ABBREVIATIONS.iter().filter(|a| a.name != "Z") {
            let s = chars(&format!("9:00 {}", a.name));
            assert_eq!(
                zone_after(&s, 4, false).map(|z| z.stated),
                Some(Stated::Abbr(a)),
                "{}",
                a.name
            );
            assert!(crate::time::Zone::named(a.zone).is_ok(), "{}", a.zone);
        }
        for (name, _) in NAMES {
            let s = chars(&format!("9:00 {name}"));
            let z = zone_after(&s, 4, false).unwrap_or_else(|| panic!("{name}"));
            assert!(
                crate::time::Zone::named(&z.stated.display()).is_ok(),
                "{name}"
            );
        }
        for (name, zone) in RULE_ABBREVIATIONS {
            let s = chars(&format!("9:00 {name}"));
            assert_eq!(
                zone_after(&s, 4, false).unwrap().stated,
                Stated::Rules(zone.to_string())
            );
        }
        for secs in [-12 * 3600, -5 * 3600, 8 * 3600, 14 * 3600] {
            assert!(crate::time::Zone::named(&Stated::Offset(secs).display()).is_ok());
        }
    }

    #[test]
    fn statements() {
        let s = chars("All times are in utc.");
        assert!(about_times(&s, 0, s.len()));
        assert_eq!(zone_in(&s, 0, s.len()).unwrap().stated.label(), "UTC");
        let s = chars("Timeline (all times Pacific Time)");
        assert_eq!(
            zone_in(&s, 0, s.len()).unwrap().stated.display(),
            "America/Los_Angeles"
        );
        assert!(!about_times(&chars("We were down"), 0, 12));
    }
}
