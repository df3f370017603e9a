//! Dates as post-mortems write them: `2015-10-21`, `2015/10/21`, `12/8`,
//! `12/8/2022`, `12/8/22` (month first, the US order; `21/10/2015`, whose first
//! number cannot be a month, day first), `December 8`,
//! `Dec. 8th, 2022`, `8 December 2022`, `2019 July 2`, each with an
//! optional weekday before it (`Tuesday, April 5th, 2022`), and a month
//! with its year (`April 2016`, which gives only the year). Month and
//! weekday names start with a capital letter (so "may" and "march" in a
//! sentence are words). A date may leave out its year; [`super::timing`]
//! fills it in.

use chrono::{NaiveDate, Weekday};

/// A date, perhaps without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl PDate {
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

/// A date found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateHit {
    pub date: PDate,
    pub weekday: Option<Weekday>,
    pub start: usize,
    pub end: usize,
    /// Written `YYYY-MM-DD` (a `T` and a time may follow).
    pub iso: bool,
}

/// What is at a place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum DateRead {
    Date(DateHit),
    /// A month and year without a day: `April 2016`.
    Year(i32),
    /// Shaped like a date, but not one (`2/30`, `2015-13-01`).
    Bad {
        start: usize,
        end: usize,
        message: String,
    },
    No,
}

/// The years the reader takes.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// "Monday", for messages.
pub(super) fn weekday_name(day: Weekday) -> String {
    let name = WEEKDAYS
        .iter()
        .find(|(_, d)| *d == day)
        .map_or("", |(n, _)| n);
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

fn alnum(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

fn digit(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// A capitalised word at `i` and where it ends.
/// (Month and weekday names are ASCII and at most nine letters.)
fn cap_word(s: &[char], i: usize) -> Option<(String, usize)> {
    if !s.get(i)?.is_ascii_uppercase() || (i > 0 && alnum(s.get(i - 1))) {
        return None;
    }
    let n = s[i..]
        .iter()
        .take(10)
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if n > 9 || alnum(s.get(i + n)) {
        return None;
    }
    Some((s[i..i + n].iter().collect::<String>().to_lowercase(), i + n))
}

/// A month name (or its abbreviation, `Sept` too, with an optional dot) at `i`.
fn month_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    let (w, mut end) = cap_word(s, i)?;
    let m = MONTHS.iter().position(|m| {
        *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
    })?;
    if w.len() < MONTHS[m].len() && s.get(end) == Some(&'.') {
        end += 1;
    }
    Some((m as u32 + 1, end))
}

fn weekday_at(s: &[char], i: usize) -> Option<(Weekday, usize)> {
    let (w, mut end) = cap_word(s, i)?;
    let &(full, day) = WEEKDAYS
        .iter()
        .find(|(name, _)| *name == w || (w.len() >= 3 && name.starts_with(&w) && w.len() <= 5))?;
    if w.len() < full.len() && s.get(end) == Some(&'.') {
        end += 1;
    }
    Some((day, end))
}

/// Up to `max` digits at `i`: value, count, end.
fn number(s: &[char], i: usize, max: usize) -> Option<(u32, usize, usize)> {
    let n = s[i.min(s.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if n == 0 || n > max {
        return None;
    }
    let v = s[i..i + n]
        .iter()
        .fold(0u32, |a, c| a * 10 + c.to_digit(10).unwrap_or(0));
    Some((v, n, i + n))
}

fn spaces(s: &[char], mut i: usize) -> usize {
    while s.get(i).is_some_and(|c| *c == ' ' || *c == '\u{a0}') {
        i += 1;
    }
    i
}

/// A day of the month at `i` (`8`, `8th`): day and end. Not the hour of a
/// time (`14:05`).
fn day_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    let (d, _, mut end) = number(s, i, 2)?;
    if s.get(end) == Some(&':') && digit(s.get(end + 1)) {
        return None;
    }
    let suffix: String = s[end..s.len().min(end + 2)]
        .iter()
        .collect::<String>()
        .to_lowercase();
    if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") && !alnum(s.get(end + 2)) {
        end += 2;
    } else if alnum(s.get(end)) {
        return None;
    }
    Some((d, end))
}

/// A four-digit year at `i` (not the start of a time such as `2015:`).
fn year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let (y, n, end) = number(s, i, 4)?;
    if n != 4 || alnum(s.get(end)) || s.get(end) == Some(&':') {
        return None;
    }
    Some((y as i32, end))
}

fn check(start: usize, end: usize, date: PDate, weekday: Option<Weekday>, iso: bool) -> DateRead {
    if let Some(y) = date.year {
        if !YEARS.contains(&y) {
            return DateRead::Bad {
                start,
                end,
                message: format!(
                    "the year {y} is out of range (the reader takes {} to {})",
                    YEARS.start(),
                    YEARS.end()
                ),
            };
        }
    }
    // A date without a year is checked in a leap year: February 29 may be one.
    if NaiveDate::from_ymd_opt(date.year.unwrap_or(2000), date.month, date.day).is_none() {
        let what = match date.year {
            Some(y) => format!("{y}-{:02}-{:02}", date.month, date.day),
            None => format!("month {} day {}", date.month, date.day),
        };
        return DateRead::Bad {
            start,
            end,
            message: format!("{what} is not a date"),
        };
    }
    DateRead::Date(DateHit {
        date,
        weekday,
        start,
        end,
        iso,
    })
}

/// The date at `i`, if one starts there.
pub(super) fn date_at(s: &[char], i: usize) -> DateRead {
    if i >= s.len() || (i > 0 && (alnum(s.get(i - 1)) || matches!(s[i - 1], '/' | '.' | '-' | ':')))
    {
        return DateRead::No;
    }
    let mut k = i;
    let mut weekday = None;
    if let Some((w, end)) = weekday_at(s, k) {
        let after = if s.get(end) == Some(&',') {
            end + 1
        } else {
            end
        };
        let next = spaces(s, after);
        if next > after || after > end {
            weekday = Some(w);
            k = next;
        } else {
            return DateRead::No;
        }
    }
    let read = date_body(s, k, weekday);
    match read {
        DateRead::Date(mut d) => {
            d.start = i;
            DateRead::Date(d)
        }
        DateRead::Bad { end, message, .. } => DateRead::Bad {
            start: i,
            end,
            message,
        },
        other => other,
    }
}

fn date_body(s: &[char], k: usize, weekday: Option<Weekday>) -> DateRead {
    if digit(s.get(k)) {
        // 2015-10-21, 2015/10/21
        if let Some((y, 4, e)) = number(s, k, 4) {
            let sep = s.get(e).copied();
            if matches!(sep, Some('-' | '/')) {
                if let Some((m, 1..=2, e2)) = number(s, e + 1, 2) {
                    if s.get(e2).copied() == sep {
                        if let Some((d, 1..=2, e3)) = number(s, e2 + 1, 2) {
                            if !digit(s.get(e3)) {
                                let date = PDate {
                                    year: Some(y as i32),
                                    month: m,
                                    day: d,
                                };
                                return check(k, e3, date, weekday, sep == Some('-'));
                            }
                        }
                    }
                }
                return DateRead::No;
            }
            // 2019 July 2
            let j = spaces(s, e);
            if j > e {
                if let Some((m, me)) = month_at(s, j) {
                    let j2 = spaces(s, me);
                    if j2 > me {
                        if let Some((d, de)) = day_at(s, j2) {
                            let date = PDate {
                                year: Some(y as i32),
                                month: m,
                                day: d,
                            };
                            return check(k, de, date, weekday, false);
                        }
                    }
                }
            }
            return DateRead::No;
        }
        // 12/8, 12/8/2022, 12/8/22; 02-13-2025 (with a year); 04.03.2019 (day first)
        if let Some((m, _, e)) = number(s, k, 2) {
            let sep = s.get(e).copied();
            if matches!(sep, Some('/' | '-' | '.')) {
                if let Some((d, _, e2)) = number(s, e + 1, 2) {
                    let mut end = e2;
                    let mut year = None;
                    if s.get(e2).copied() == sep {
                        match number(s, e2 + 1, 4) {
                            Some((y, 4, e3)) => {
                                year = Some(y as i32);
                                end = e3;
                            }
                            Some((y, 2, e3)) if sep == Some('/') => {
                                year = Some(2000 + y as i32);
                                end = e3;
                            }
                            _ => return DateRead::No,
                        }
                    }
                    // Dashes and dots only with a four-digit year: `10-12` is a
                    // range, `2.5` a number.
                    if sep != Some('/') && year.is_none() {
                        return DateRead::No;
                    }
                    if digit(s.get(end))
                        || s.get(end).copied() == sep
                        || s.get(end).is_some_and(|c| c.is_alphabetic())
                        || (sep == Some('.') && s.get(end) == Some(&'.') && digit(s.get(end + 1)))
                    {
                        return DateRead::No;
                    }
                    // Month first (12/8 is December 8), unless the first number cannot be a
                    // month and a year makes it a date: 21/10/2015 is 21 October. Dots
                    // are day first (04.03.2019 is 4 March).
                    let (m, d) = if sep == Some('.')
                        || (m > 12 && year.is_some() && (1..=12).contains(&d))
                    {
                        (d, m)
                    } else {
                        (m, d)
                    };
                    if m == 0 || m > 12 {
                        // 24/7 and the like: not a date at all.
                        return DateRead::No;
                    }
                    return check(
                        k,
                        end,
                        PDate {
                            year,
                            month: m,
                            day: d,
                        },
                        weekday,
                        false,
                    );
                }
                return DateRead::No;
            }
        }
        // 21 October 2015, 8th of December
        if let Some((d, de)) = day_at(s, k) {
            let mut j = spaces(s, de);
            if j > de {
                let of: String = s[j..s.len().min(j + 3)].iter().collect();
                if of == "of " {
                    j = spaces(s, j + 3);
                }
                if let Some((m, me)) = month_at(s, j) {
                    let (year, end) = trailing_year(s, me);
                    return check(
                        k,
                        end,
                        PDate {
                            year,
                            month: m,
                            day: d,
                        },
                        weekday,
                        false,
                    );
                }
            }
        }
        return DateRead::No;
    }
    // December 8, Dec. 8th, 2022; April 2016
    if let Some((m, me)) = month_at(s, k) {
        let j = spaces(s, me);
        if j == me {
            return DateRead::No;
        }
        if let Some((y, ye)) = year_at(s, j) {
            let _ = ye;
            return if YEARS.contains(&y) {
                DateRead::Year(y)
            } else {
                DateRead::No
            };
        }
        if let Some((d, de)) = day_at(s, j) {
            let (year, end) = trailing_year(s, de);
            return check(
                k,
                end,
                PDate {
                    year,
                    month: m,
                    day: d,
                },
                weekday,
                false,
            );
        }
    }
    DateRead::No
}

/// `, 2022` or ` 2022` after a day: the year and the end.
fn trailing_year(s: &[char], i: usize) -> (Option<i32>, usize) {
    let j = if s.get(i) == Some(&',') { i + 1 } else { i };
    let j2 = spaces(s, j);
    if j2 > j {
        if let Some((y, ye)) = year_at(s, j2) {
            return (Some(y), ye);
        }
    }
    (None, i)
}

/// The first date in `s[a..b]` that sentences use: month names anywhere;
/// numbers with slashes (`12/7`) only at the start, after `on`, `of`,
/// `since`, `until` or `by`, or in parentheses (so that `1/2 of the
/// requests` is not read as January 2).
pub(super) fn first_date(s: &[char], a: usize, b: usize) -> Option<DateHit> {
    let b = b.min(s.len());
    let mut k = a;
    while k < b {
        if k == 0 || !alnum(s.get(k - 1)) {
            if let DateRead::Date(d) = date_at(s, k) {
                if d.end <= b && (!numeric_slash(s, k) || slash_context(s, a, k)) {
                    return Some(d);
                }
                k = d.end;
                continue;
            }
        }
        k += 1;
    }
    None
}

/// The year of the first "April 2016" in `s[a..b]`.
pub(super) fn first_year(s: &[char], a: usize, b: usize) -> Option<i32> {
    let b = b.min(s.len());
    (a..b)
        .filter(|&k| k == 0 || !alnum(s.get(k - 1)))
        .find_map(|k| match date_at(s, k) {
            DateRead::Year(y) => Some(y),
            DateRead::Date(DateHit {
                date: PDate { year: Some(y), .. },
                ..
            }) => Some(y),
            _ => None,
        })
}

fn numeric_slash(s: &[char], k: usize) -> bool {
    let n = s[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    n <= 2 && s.get(k + n) == Some(&'/')
}

fn slash_context(s: &[char], a: usize, k: usize) -> bool {
    if k == a || s.get(k.wrapping_sub(1)) == Some(&'(') {
        return true;
    }
    // The word before, looking back a few characters only.
    let mut e = k;
    while e > a && s[e - 1] == ' ' {
        e -= 1;
    }
    let mut b = e;
    while b > a && e - b < 6 && s[b - 1].is_alphabetic() {
        b -= 1;
    }
    let word: String = s[b..e].iter().collect::<String>().to_lowercase();
    (b == a || !s[b - 1].is_alphabetic())
        && matches!(word.as_str(), "on" | "of" | "since" | "until" | "by")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateRead {
        date_at(&s.chars().collect::<Vec<_>>(), 0)
    }

    fn ymd(s: &str) -> (Option<i32>, u32, u32, usize) {
        match at(s) {
            DateRead::Date(d) => (d.date.year, d.date.month, d.date.day, d.end),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn forms() {
        assert_eq!(ymd("2015-10-21 (all times UTC)"), (Some(2015), 10, 21, 10));
        assert_eq!(ymd("12/8) 9 AM"), (None, 12, 8, 4));
        assert_eq!(ymd("12/8/22 x"), (Some(2022), 12, 8, 7));
        assert_eq!(ymd("21/10/2015 14:54"), (Some(2015), 10, 21, 10));
        assert_eq!(ymd("December 8"), (None, 12, 8, 10));
        assert_eq!(ymd("Dec. 8th, 2022 at"), (Some(2022), 12, 8, 14));
        assert_eq!(
            ymd("Tuesday, April 5th, 2022, starting"),
            (Some(2022), 4, 5, 24)
        );
        assert_eq!(ymd("21 October 2015"), (Some(2015), 10, 21, 15));
        assert_eq!(ymd("2019 July 2 13:42 UTC"), (Some(2019), 7, 2, 11));
        assert_eq!(ymd("Apr 19, 19:11 BST"), (None, 4, 19, 6));
        assert_eq!(ymd("April 14: API"), (None, 4, 14, 8));
        assert_eq!(at("April 2016"), DateRead::Year(2016));
        assert!(matches!(at("2/30 9 AM"), DateRead::Bad { .. }));
        assert!(matches!(at("2015-13-01"), DateRead::Bad { .. }));
        for no in [
            "24/7 support",
            "may 3",
            "14:05",
            "1.2",
            "Mayday 3",
            "2015 was",
        ] {
            assert_eq!(at(no), DateRead::No, "{no}");
        }
    }

    #[test]
    fn in_sentences() {
        let s: Vec<char> = "PHP 7.4 is End-of-Life as of 11/30. About 1/2 of them"
            .chars()
            .collect();
        let d = first_date(&s, 0, s.len()).unwrap();
        assert_eq!((d.date.month, d.date.day), (11, 30));
        let s: Vec<char> = "About 1/2 of them".chars().collect();
        assert_eq!(first_date(&s, 0, s.len()), None);
    }
}
