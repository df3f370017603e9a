//! Calendar steps: "every 5 minutes", "every day", "every Monday", "every 3
//! months", with rounding a wall-clock time down to one and moving on by one.
//! The axis chooses its ticks from them (`layout/ticks.rs`); the words say
//! them (`words`).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};

/// `n` seconds. (Not `Duration::days` and its kin: each carries its own
/// panic message into the wasm; these steps never come near the bounds.)
pub(crate) fn secs(n: i64) -> Duration {
    Duration::new(n, 0).unwrap_or_default()
}

/// A calendar step between ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Every n seconds.
    Seconds(u32),
    /// Every n minutes.
    Minutes(u32),
    /// Every n hours.
    Hours(u32),
    /// Every n days.
    Days(u32),
    /// Every Monday.
    Week,
    /// Every n months.
    Months(u32),
    /// Every n years.
    Years(u32),
}

/// The table of nice steps, shortest first.
pub const STEPS: [Step; 22] = [
    Step::Seconds(1),
    Step::Seconds(5),
    Step::Seconds(15),
    Step::Seconds(30),
    Step::Minutes(1),
    Step::Minutes(5),
    Step::Minutes(15),
    Step::Minutes(30),
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Week,
    Step::Months(1),
    Step::Months(3),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(50),
];

impl Step {
    /// Typical length in milliseconds.
    pub fn approx_ms(self) -> f64 {
        const S: f64 = 1000.0;
        match self {
            Step::Seconds(n) => f64::from(n) * S,
            Step::Minutes(n) => f64::from(n) * 60.0 * S,
            Step::Hours(n) => f64::from(n) * 3600.0 * S,
            Step::Days(n) => f64::from(n) * 86_400.0 * S,
            Step::Week => 7.0 * 86_400.0 * S,
            Step::Months(n) => f64::from(n) * 30.44 * 86_400.0 * S,
            Step::Years(n) => f64::from(n) * 365.25 * 86_400.0 * S,
        }
    }

    /// The first boundary at or after `l`.
    pub fn ceil(self, l: NaiveDateTime) -> NaiveDateTime {
        let floor = self.floor(l);
        if floor == l {
            l
        } else {
            self.next(floor)
        }
    }

    /// The last boundary at or before `l`.
    pub fn floor(self, l: NaiveDateTime) -> NaiveDateTime {
        let day = l.date();
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or(l);
        let whole = |h: u32, m: u32, s: u32| day.and_hms_opt(h, m, s).unwrap_or(l);
        match self {
            Step::Seconds(n) => whole(l.hour(), l.minute(), l.second() - l.second() % n),
            Step::Minutes(n) => whole(l.hour(), l.minute() - l.minute() % n, 0),
            Step::Hours(n) => whole(l.hour() - l.hour() % n, 0, 0),
            Step::Days(n) => midnight - secs(i64::from((l.day() - 1) % n) * 86_400),
            Step::Week => midnight - secs(i64::from(l.weekday().num_days_from_monday()) * 86_400),
            Step::Months(n) => {
                let m0 = l.month0() - l.month0() % n;
                first_of(l.year(), m0 + 1).unwrap_or(l)
            }
            Step::Years(n) => {
                let y = l.year() - l.year().rem_euclid(n as i32);
                first_of(y, 1).unwrap_or(l)
            }
        }
    }

    /// The boundary after a boundary `l`.
    pub fn next(self, l: NaiveDateTime) -> NaiveDateTime {
        match self {
            Step::Seconds(n) => l + secs(i64::from(n)),
            Step::Minutes(n) => l + secs(i64::from(n) * 60),
            Step::Hours(n) => {
                let t = l + secs(i64::from(n) * 3_600);
                // Keep to multiples of n within each day (d3 does the same).
                if t.date() != l.date() {
                    t.date().and_hms_opt(0, 0, 0).unwrap_or(t)
                } else {
                    t
                }
            }
            Step::Days(n) => {
                let t = l + secs(i64::from(n) * 86_400);
                // Restart at the 1st of each month, like d3's timeDay.every(n).
                if t.month() != l.month() && n > 1 {
                    first_of(t.year(), t.month()).unwrap_or(t)
                } else {
                    t
                }
            }
            Step::Week => l + secs(7 * 86_400),
            Step::Months(n) => {
                let m = l.month0() + n;
                first_of(l.year() + (m / 12) as i32, m % 12 + 1).unwrap_or(l + secs(31 * 86_400))
            }
            Step::Years(n) => first_of(l.year() + n as i32, 1).unwrap_or(l + secs(366 * 86_400)),
        }
    }

    /// True when `l` lies on a boundary of this step.
    pub fn is_boundary(self, l: NaiveDateTime) -> bool {
        self.floor(l) == l
    }
}

fn first_of(year: i32, month: u32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, month, 1)?.and_hms_opt(0, 0, 0)
}
