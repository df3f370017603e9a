//! How a locale writes dates, times and numbers: its month and weekday
//! names, its day periods, and patterns with named places ("{MMM} {d}",
//! "{y}年{MMM}月", "{h}:{mm} {a}") as CLDR has them. In the browser the
//! element asks the host's `Intl` for them (`js/intl.js`); the full build
//! embeds the same, taken from Node's `Intl` by `scripts/locales.mjs`, so
//! the command line and `renderToSvg` agree. English is built in.
//!
//! Places: `{y}` year, `{MMM}` month name in a date, `{LLL}` month name
//! alone, `{d}`/`{dd}` day, `{EEE}` weekday, `{h}`/`{hh}` hour 1–12,
//! `{H}`/`{HH}` hour 0–23, `{mm}` minute, `{ss}` second, `{a}` AM/PM, `{t}`
//! the time of day in a date, `{n}` a number.

use crate::template::{fill, part};
use crate::time::clock::HourCycle;
use chrono::{Datelike, NaiveDateTime, Timelike};
use std::borrow::Cow;

/// One of a locale's formats, by its place in [`Formats::FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The clock the locale's readers use: "h12" or "h23".
    HourCycle,
    /// Month names in a date ("Dec", "Dez."), January first, joined with `|`.
    Months,
    /// Month names alone ("Dec", "Dez").
    MonthsAlone,
    /// Weekday names, Monday first ("Wed", "Mi.").
    Weekdays,
    /// Before and after noon ("AM|PM"; "午前|午後").
    DayPeriods,
    /// "8:24 AM"
    Time12,
    /// "08:24"
    Time23,
    /// "8:24:15 AM"
    Seconds12,
    /// "08:24:15"
    Seconds23,
    /// "8 AM"
    Hour12,
    /// "Dec 7"
    DayMonth,
    /// "Wed, Dec 7"
    WeekdayDate,
    /// "Dec"
    Month,
    /// "Dec 2022"
    MonthYear,
    /// "2022"
    Year,
    /// "7"
    Day,
    /// "Dec 7, {t}"
    DayMonthTime,
    /// "Wed, Dec 7, 2022, {t}"
    Full,
    /// The thousands separator ("," "." " ").
    Group,
    /// The fewest digits before a group is used: "1", or "2" in Spanish (1234, 12.345).
    MinGroup,
    /// "{n}%", "{n} %"
    Percent,
}

/// A locale's formats for dates, times and numbers, each a string (lists
/// joined with `|`), in the order of [`Formats::FIELDS`].
#[derive(Debug, Clone, PartialEq)]
pub struct Formats {
    values: [Cow<'static, str>; 21],
}

fn push(out: &mut String, s: &str) -> bool {
    out.push_str(s);
    true
}

const fn t(s: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(s)
}

/// English (CLDR `en`, what `Intl` writes for it).
pub static ENGLISH: Formats = Formats {
    values: [
        t("h12"),
        t("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
        t("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
        t("Mon|Tue|Wed|Thu|Fri|Sat|Sun"),
        t("AM|PM"),
        t("{h}:{mm} {a}"),
        t("{HH}:{mm}"),
        t("{h}:{mm}:{ss} {a}"),
        t("{HH}:{mm}:{ss}"),
        t("{h} {a}"),
        t("{MMM} {d}"),
        t("{EEE}, {MMM} {d}"),
        t("{LLL}"),
        t("{MMM} {y}"),
        t("{y}"),
        t("{d}"),
        t("{MMM} {d}, {t}"),
        t("{EEE}, {MMM} {d}, {y}, {t}"),
        t(","),
        t("1"),
        t("{n}%"),
    ],
};

impl Default for Formats {
    fn default() -> Self {
        ENGLISH.clone()
    }
}

impl Formats {
    /// The names of the fields [`Formats::set`] takes, as `js/intl.js` and
    /// `locales/formats.json` give them, in the order of [`Field`].
    pub const FIELDS: [&'static str; 21] = [
        "hourCycle",
        "months",
        "monthsAlone",
        "weekdays",
        "dayPeriods",
        "time12",
        "time23",
        "seconds12",
        "seconds23",
        "hour12",
        "dayMonth",
        "weekdayDate",
        "month",
        "monthYear",
        "year",
        "day",
        "dayMonthTime",
        "full",
        "group",
        "minGroup",
        "percent",
    ];

    /// How many names each list field holds (0: not a list).
    const LISTS: [u8; 21] = [
        0, 12, 12, 7, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// The field's text.
    pub fn get(&self, field: Field) -> &str {
        &self.values[field as usize]
    }

    /// The `i`th name of a list field.
    fn name(&self, field: Field, i: usize) -> &str {
        part(self.get(field), b"|", i).unwrap_or_default()
    }

    /// The clock the locale's readers use.
    pub fn hour_cycle(&self) -> HourCycle {
        HourCycle::from_name(self.get(Field::HourCycle)).unwrap_or(HourCycle::H23)
    }

    /// Sets the field named `name` (one of [`Formats::FIELDS`]). False, and
    /// nothing changed, for an unknown name or a list of the wrong length.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let Some(i) = Self::FIELDS.iter().position(|f| *f == name) else {
            return false;
        };
        let list = usize::from(Self::LISTS[i]);
        if list > 0 && (part(value, b"|", list - 1).is_none() || part(value, b"|", list).is_some())
        {
            return false;
        }
        self.values[i] = Cow::Owned(value.to_string());
        true
    }

    /// `pattern` filled with the fields of `l`; `{t}` is `time`.
    pub fn date(&self, pattern: &str, l: NaiveDateTime, time: &str) -> String {
        self.fill(pattern, l, time, true)
    }

    /// [`Formats::date`], with the AM/PM marker left out unless `period`.
    pub(crate) fn fill(&self, pattern: &str, l: NaiveDateTime, time: &str, period: bool) -> String {
        let (h, m, s) = (l.hour(), l.minute(), l.second());
        let h12 = if h % 12 == 0 { 12 } else { h % 12 };
        let month = l.month0() as usize;
        let weekday = l.weekday().num_days_from_monday() as usize;
        let (d, y) = (l.day(), l.year());
        fill(pattern, |name, out| {
            let (number, padded) = match name {
                "t" => return push(out, time),
                "MMM" => return push(out, self.name(Field::Months, month)),
                "LLL" => return push(out, self.name(Field::MonthsAlone, month)),
                "EEE" => return push(out, self.name(Field::Weekdays, weekday)),
                "a" if !period => return true,
                "a" => return push(out, self.name(Field::DayPeriods, usize::from(h >= 12))),
                "y" => (y.unsigned_abs(), false),
                "d" => (d, false),
                "dd" => (d, true),
                "h" => (h12, false),
                "hh" => (h12, true),
                "H" => (h, false),
                "HH" => (h, true),
                "mm" => (m, true),
                "ss" => (s, true),
                _ => return false,
            };
            crate::decimal::push_digits(out, u64::from(number), 1 + usize::from(padded));
            true
        })
    }

    /// A whole number with the locale's grouping ("1,234", "1.234", "12 345").
    pub fn number(&self, n: i64) -> String {
        let mut digits = String::new();
        crate::decimal::push_digits(&mut digits, n.unsigned_abs(), 1);
        let mut out = String::new();
        if n < 0 {
            out.push('-');
        }
        let min_group = if self.get(Field::MinGroup) == "2" {
            2
        } else {
            1
        };
        let grouped = digits.len() > 2 + min_group;
        for (i, c) in digits.chars().enumerate() {
            if grouped && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(self.get(Field::Group));
            }
            out.push(c);
        }
        out
    }

    /// A share as a percentage ("30%", "30 %").
    pub fn percent(&self, share: f64) -> String {
        let n = self.number((share * 100.0).round() as i64);
        crate::template::fill_with(self.get(Field::Percent), &[("n", &n)])
    }
}
