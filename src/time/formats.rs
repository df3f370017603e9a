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

use crate::template::fill;
use crate::time::clock::HourCycle;
use chrono::{Datelike, NaiveDateTime, Timelike};
use std::borrow::Cow;

type Text = Cow<'static, str>;

/// A locale's formats for dates, times and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Formats {
    /// The clock the locale's readers use.
    pub hour_cycle: HourCycle,
    /// Month names in a date ("Dec", "Dez."), January first.
    pub months: [Text; 12],
    /// Month names alone ("Dec", "Dez").
    pub months_alone: [Text; 12],
    /// Weekday names, Monday first ("Wed", "Mi.").
    pub weekdays: [Text; 7],
    /// Before and after noon ("AM", "PM"; "午前", "午後").
    pub day_periods: [Text; 2],
    /// "8:24 AM"
    pub time12: Text,
    /// "08:24"
    pub time23: Text,
    /// "8:24:15 AM"
    pub seconds12: Text,
    /// "08:24:15"
    pub seconds23: Text,
    /// "8 AM"
    pub hour12: Text,
    /// "Dec 7"
    pub day_month: Text,
    /// "Wed, Dec 7"
    pub weekday_date: Text,
    /// "Dec"
    pub month: Text,
    /// "Dec 2022"
    pub month_year: Text,
    /// "2022"
    pub year: Text,
    /// "7"
    pub day: Text,
    /// "Dec 7, {t}"
    pub day_month_time: Text,
    /// "Wed, Dec 7, 2022, {t}"
    pub full: Text,
    /// The thousands separator ("," "." " ").
    pub group: Text,
    /// The fewest digits before a group is used (2 in Spanish: 1234, 12.345).
    pub min_group: u8,
    /// "{n}%", "{n} %"
    pub percent: Text,
}

fn push(out: &mut String, s: &str) -> bool {
    out.push_str(s);
    true
}

const fn t(s: &'static str) -> Text {
    Cow::Borrowed(s)
}

/// English (CLDR `en`, what `Intl` writes for it).
pub static ENGLISH: Formats = Formats {
    hour_cycle: HourCycle::H12,
    months: [
        t("Jan"),
        t("Feb"),
        t("Mar"),
        t("Apr"),
        t("May"),
        t("Jun"),
        t("Jul"),
        t("Aug"),
        t("Sep"),
        t("Oct"),
        t("Nov"),
        t("Dec"),
    ],
    months_alone: [
        t("Jan"),
        t("Feb"),
        t("Mar"),
        t("Apr"),
        t("May"),
        t("Jun"),
        t("Jul"),
        t("Aug"),
        t("Sep"),
        t("Oct"),
        t("Nov"),
        t("Dec"),
    ],
    weekdays: [
        t("Mon"),
        t("Tue"),
        t("Wed"),
        t("Thu"),
        t("Fri"),
        t("Sat"),
        t("Sun"),
    ],
    day_periods: [t("AM"), t("PM")],
    time12: t("{h}:{mm} {a}"),
    time23: t("{HH}:{mm}"),
    seconds12: t("{h}:{mm}:{ss} {a}"),
    seconds23: t("{HH}:{mm}:{ss}"),
    hour12: t("{h} {a}"),
    day_month: t("{MMM} {d}"),
    weekday_date: t("{EEE}, {MMM} {d}"),
    month: t("{LLL}"),
    month_year: t("{MMM} {y}"),
    year: t("{y}"),
    day: t("{d}"),
    day_month_time: t("{MMM} {d}, {t}"),
    full: t("{EEE}, {MMM} {d}, {y}, {t}"),
    group: t(","),
    min_group: 1,
    percent: t("{n}%"),
};

impl Default for Formats {
    fn default() -> Self {
        ENGLISH.clone()
    }
}

impl Formats {
    /// The names of the fields [`Formats::set`] takes, as `js/intl.js` and
    /// `locales/formats.json` give them.
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

    /// Sets the field named `name` (one of [`Formats::FIELDS`]); lists are
    /// joined with `|`. False, and nothing changed, for an unknown name or
    /// a list of the wrong length.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        fn list<const N: usize>(into: &mut [Text; N], value: &str) -> bool {
            if value.split('|').count() != N {
                return false;
            }
            for (slot, v) in into.iter_mut().zip(value.split('|')) {
                *slot = Cow::Owned(v.to_string());
            }
            true
        }
        let v = Cow::Owned(value.to_string());
        let slot = match name {
            "hourCycle" => {
                return HourCycle::from_name(value)
                    .map(|c| self.hour_cycle = c)
                    .is_some()
            }
            "months" => return list(&mut self.months, value),
            "monthsAlone" => return list(&mut self.months_alone, value),
            "weekdays" => return list(&mut self.weekdays, value),
            "dayPeriods" => return list(&mut self.day_periods, value),
            "minGroup" => {
                self.min_group = if value == "2" { 2 } else { 1 };
                return true;
            }
            "time12" => &mut self.time12,
            "time23" => &mut self.time23,
            "seconds12" => &mut self.seconds12,
            "seconds23" => &mut self.seconds23,
            "hour12" => &mut self.hour12,
            "dayMonth" => &mut self.day_month,
            "weekdayDate" => &mut self.weekday_date,
            "month" => &mut self.month,
            "monthYear" => &mut self.month_year,
            "year" => &mut self.year,
            "day" => &mut self.day,
            "dayMonthTime" => &mut self.day_month_time,
            "full" => &mut self.full,
            "group" => &mut self.group,
            "percent" => &mut self.percent,
            _ => return false,
        };
        *slot = v;
        true
    }

    /// `pattern` filled with the fields of `l`; `{t}` is `time`.
    pub fn date(&self, pattern: &str, l: NaiveDateTime, time: &str) -> String {
        let (h, m, s) = (l.hour(), l.minute(), l.second());
        let h12 = if h % 12 == 0 { 12 } else { h % 12 };
        let month = l.month0() as usize;
        let weekday = l.weekday().num_days_from_monday() as usize;
        let (d, y) = (l.day(), l.year());
        fill(pattern, |name, out| {
            let (number, padded) = match name {
                "t" => return push(out, time),
                "MMM" => return push(out, &self.months[month]),
                "LLL" => return push(out, &self.months_alone[month]),
                "EEE" => return push(out, &self.weekdays[weekday]),
                "a" => return push(out, &self.day_periods[usize::from(h >= 12)]),
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
            if padded && number < 10 {
                out.push('0');
            }
            out.push_str(&number.to_string());
            true
        })
    }

    /// A whole number with the locale's grouping ("1,234", "1.234", "12 345").
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        if n < 0 {
            out.push('-');
        }
        let grouped = digits.len() > 3 + usize::from(self.min_group) - 1;
        for (i, c) in digits.chars().enumerate() {
            if grouped && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }

    /// A share as a percentage ("30%", "30 %").
    pub fn percent(&self, share: f64) -> String {
        let n = self.number((share * 100.0).round() as i64);
        crate::template::fill_with(&self.percent, &[("n", &n)])
    }
}
