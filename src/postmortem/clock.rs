//! Times of day and ranges of them, as post-mortems write them.
//!
//! A time is `H:MM`, `H:MM:SS` (and a fraction of a second), or an hour
//! with AM/PM (`9 AM`); AM/PM may follow with or without a space, with or
//! without dots (`9:37AM`, `9:15 a.m.`), and a zone may follow
//! ([`super::zones::zone_after`]). Before it, an approximate mark: `~`,
//! `≈`, `about`, `around`, `approximately`, `approx.`, `roughly`, `circa`,
//! `ca.`; after it, `-ish`, `(approx.)` or `(approximately)`.
//!
//! A range is two times with `–`, `—`, `-`, `~`, `to`, `until`, `till`,
//! `through` (or `and`, after `between`) between them, or, when both carry
//! AM/PM, nothing at all (`4:33 PM4:48 PM`). Which half of the day each end
//! is in is settled by [`range_times`].

use super::zones::{zone_after, ZoneHit};

/// Morning or afternoon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mer {
    Am,
    Pm,
}

/// A time of day as written.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Clock {
    pub h: u32,
    pub m: u32,
    pub s: u32,
    pub ms: u32,
    pub mer: Option<Mer>,
    /// Written with a colon (`14:05`), not as an hour (`9 AM`).
    pub colon: bool,
    pub approx: bool,
    pub zone: Option<ZoneHit>,
    /// Where the time starts (an approximate mark before it included) and ends.
    pub start: usize,
    pub end: usize,
    /// `13:00 PM`: an afternoon hour with PM, read as 13:00.
    pub late_pm: bool,
    /// The hour written with a leading zero (`01:30`): a 24-hour clock.
    pub padded: bool,
}

/// One time or a range.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum When {
    At(Clock),
    Range(Clock, Clock),
}

impl When {
    pub fn first(&self) -> &Clock {
        match self {
            When::At(c) | When::Range(c, _) => c,
        }
    }

    pub fn last(&self) -> &Clock {
        match self {
            When::At(c) | When::Range(_, c) => c,
        }
    }

    pub fn start(&self) -> usize {
        self.first().start
    }

    pub fn end(&self) -> usize {
        self.last().end
    }

    /// A time a sentence can be trusted to mean: with a colon, AM/PM or a zone.
    pub fn strong(&self) -> bool {
        let c = self.first();
        c.colon || c.mer.is_some() || c.zone.is_some() || matches!(self, When::Range(..))
    }

    /// The zone written with it (the end's zone covers the start).
    pub fn zone(&self) -> Option<&ZoneHit> {
        self.last().zone.as_ref().or(self.first().zone.as_ref())
    }
}

/// Text shaped like a time that is not one (`25:99 PM`, `13:61`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct BadTime {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl Clock {
    /// Milliseconds into the day with this half of the day (`None`: as written, 24-hour).
    pub fn ms_of_day(&self, mer: Option<Mer>) -> i64 {
        let h = match mer {
            None => self.h,
            Some(Mer::Am) => self.h % 12,
            Some(Mer::Pm) if self.h < 12 => self.h + 12,
            Some(Mer::Pm) => self.h,
        };
        ((i64::from(h) * 60 + i64::from(self.m)) * 60 + i64::from(self.s)) * 1000
            + i64::from(self.ms)
    }

    /// Whether it could be read in either half of the day (no AM/PM, hour 1–12).
    pub fn twelve_hour(&self) -> bool {
        self.mer.is_none() && !self.padded && (1..=12).contains(&self.h)
    }
}

pub(super) const DAY_MS: i64 = 86_400_000;

/// The two ends of a range in milliseconds into the day, the end perhaps
/// past midnight (over [`DAY_MS`]). AM/PM written once covers both ends,
/// and an end without it takes the half of the day that makes the range
/// shortest: `11:50 – 12:10 PM` is 11:50 AM to 12:10 PM, `8:24 – 8:49 AM`
/// both in the morning, `23:30 – 00:15` ends the next day.
pub(super) fn range_times(a: &Clock, b: &Clock) -> (i64, i64) {
    let options = |c: &Clock, other: Option<Mer>| -> Vec<Option<Mer>> {
        match (c.mer, other) {
            (Some(m), _) => vec![Some(m)],
            (None, Some(_)) if c.twelve_hour() => vec![Some(Mer::Am), Some(Mer::Pm)],
            _ => vec![None],
        }
    };
    let mut best: Option<(i64, i64, i64)> = None;
    for ma in options(a, b.mer) {
        for mb in options(b, a.mer) {
            let s = a.ms_of_day(ma);
            let mut e = b.ms_of_day(mb);
            if e < s {
                e += DAY_MS;
            }
            let d = e - s;
            if best.is_none_or(|(shortest, _, _)| d < shortest) {
                best = Some((d, s, e));
            }
        }
    }
    best.map_or((0, 0), |(_, s, e)| (s, e))
}

/// Whether `word` (ASCII, lower case) is at `i`, in any case.
fn lower_at(s: &[char], i: usize, word: &str) -> bool {
    let n = word.len();
    s.len() >= i + n
        && s[i..i + n]
            .iter()
            .zip(word.bytes())
            .all(|(a, b)| a.to_ascii_lowercase() == char::from(b))
}

fn letter(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphabetic())
}

fn alnum(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// An approximate mark at `i` and where what follows it starts.
pub(super) fn approx_at(s: &[char], i: usize) -> Option<usize> {
    let after = |k: usize| {
        let mut k = k;
        while s.get(k) == Some(&' ') {
            k += 1;
        }
        k
    };
    if matches!(s.get(i), Some('~' | '≈' | '∼')) {
        return Some(after(i + 1));
    }
    if (i > 0 && alnum(s.get(i - 1))) || !s.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    for w in [
        "approximately",
        "approx.",
        "approx",
        "about",
        "around",
        "roughly",
        "circa",
        "ca.",
    ] {
        let n = w.len();
        if lower_at(s, i, w) && (w.ends_with('.') || !letter(s.get(i + n))) {
            let k = after(i + n);
            return (k > i + n || w.ends_with('.')).then_some(k);
        }
    }
    None
}

/// `n` digits or fewer at `i`: value and count.
fn digits(s: &[char], i: usize) -> (u32, usize) {
    let i = i.min(s.len());
    let n = s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let v = s[i..i + n]
        .iter()
        .take(9)
        .fold(0u32, |a, c| a * 10 + c.to_digit(10).unwrap_or(0));
    (v, n)
}

/// AM or PM at `i` (after at most two spaces): which, and where it ends.
fn meridiem_at(s: &[char], i: usize) -> Option<(Mer, usize)> {
    let mut k = i;
    while k < i + 2 && s.get(k) == Some(&' ') {
        k += 1;
    }
    for (w, m) in [
        ("a.m.", Mer::Am),
        ("p.m.", Mer::Pm),
        ("a.m", Mer::Am),
        ("p.m", Mer::Pm),
        ("am", Mer::Am),
        ("pm", Mer::Pm),
    ] {
        let n = w.len();
        if lower_at(s, k, w) && !letter(s.get(k + n)) {
            return Some((m, k + n));
        }
    }
    None
}

/// The time at `i` (an approximate mark may come first), if one starts
/// there; an error for text shaped like a time that is not one. The caller
/// checks what comes before `i`. `iso`: the time follows an ISO date and
/// `T`, so `-08:00` stuck to it is an offset.
pub(super) fn clock_at(s: &[char], i: usize, iso: bool) -> Result<Option<Clock>, BadTime> {
    let (approx, n0) = match approx_at(s, i) {
        Some(k) => (true, k),
        None => (false, i),
    };
    if !s.get(n0).is_some_and(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let (h, hn) = digits(s, n0);
    let mut k = n0 + hn;
    let (mut m, mut sec, mut ms, mut colon) = (0, 0, 0, false);
    let bad = |end: usize, why: &str| {
        let text: String = s[n0..end.min(s.len()).max(n0)].iter().take(40).collect();
        Err(BadTime {
            start: n0,
            end,
            message: format!("\"{text}\" is not a time of day: {why}"),
        })
    };
    if s.get(k) == Some(&':') && s.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
        let (mv, mn) = digits(s, k + 1);
        if hn > 2 || mn > 2 {
            return Ok(None);
        }
        if mn != 2 {
            let end = k + 1 + mn;
            return bad(
                end + meridiem_at(s, end).map_or(0, |(_, e)| e - end),
                "minutes are written with two digits",
            );
        }
        m = mv;
        colon = true;
        k += 3;
        if s.get(k) == Some(&':') && s.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            let (sv, sn) = digits(s, k + 1);
            if sn != 2 {
                return Ok(None);
            }
            sec = sv;
            k += 3;
            if s.get(k) == Some(&'.') && s.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
                let (fv, fn_) = digits(s, k + 1);
                if fn_ > 9 {
                    return Ok(None);
                }
                // Milliseconds: the first three digits.
                ms = if fn_ >= 3 {
                    fv / 10u32.pow(fn_ as u32 - 3)
                } else {
                    fv * 10u32.pow(3 - fn_ as u32)
                };
                k += 1 + fn_;
            }
        }
    } else if hn > 2 {
        return Ok(None);
    }
    let mer = meridiem_at(s, k);
    if !colon && mer.is_none() {
        return Ok(None);
    }
    let after_time = k;
    if let Some((_, e)) = mer {
        k = e;
    } else if alnum(s.get(k)) && !s[k].is_ascii_alphabetic() {
        return Ok(None);
    }
    // What follows must not run on: `10:30:45:12`, `12:345`, `10:30x`.
    if s.get(k) == Some(&':') && s.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    if mer.is_none() && s.get(k) == Some(&'.') && s.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut late_pm = false;
    match mer.map(|(m, _)| m) {
        None if h > 24 || (h == 24 && (m, sec, ms) != (0, 0, 0)) => {
            return bad(k, "hours run from 0 to 23");
        }
        Some(_) if h > 23 => return bad(k, "hours run from 1 to 12 with AM and PM"),
        Some(Mer::Am) if h > 12 => return bad(k, "an hour past 12 cannot be AM"),
        Some(Mer::Pm) if h == 0 => return bad(k, "hour 0 cannot be PM"),
        Some(Mer::Pm) if h > 12 => late_pm = true,
        _ => {}
    }
    if m > 59 {
        return bad(k, "minutes run from 00 to 59");
    }
    if sec > 59 {
        return bad(k, "seconds run from 00 to 59");
    }
    let zone = zone_after(s, k, iso);
    if let Some(z) = &zone {
        k = z.end;
    } else if mer.is_none() && alnum(s.get(after_time)) {
        return Ok(None);
    }
    // `-ish` or `(approx.)` after it.
    let mut approx = approx;
    for w in ["-ish", "ish"] {
        if lower_at(s, k, w) && !letter(s.get(k + w.len())) {
            approx = true;
            k += w.len();
        }
    }
    let mut j = k;
    while s.get(j) == Some(&' ') && j < k + 2 {
        j += 1;
    }
    if s.get(j) == Some(&'(') {
        for w in [
            "approx.)",
            "approx)",
            "approximately)",
            "approximate)",
            "est.)",
            "estimated)",
        ] {
            if lower_at(s, j + 1, w) {
                approx = true;
                k = j + 1 + w.len();
                break;
            }
        }
    }
    Ok(Some(Clock {
        h,
        m,
        s: sec,
        ms,
        mer: mer.map(|(m, _)| m),
        colon,
        approx,
        zone,
        start: i,
        end: k,
        late_pm,
        padded: hn == 2 && h < 10,
    }))
}

/// A time or a range at `i`. `between`: after "between", `and` joins a range.
pub(super) fn when_at(
    s: &[char],
    i: usize,
    iso: bool,
    between: bool,
) -> Result<Option<When>, BadTime> {
    // `9 – 11 PM`: an hour alone starts a range whose end says AM or PM.
    let (a, bare) = match clock_at(s, i, iso)? {
        Some(a) => (a, false),
        None => match bare_hour(s, i) {
            Some(a) => (a, true),
            None => return Ok(None),
        },
    };
    let mut j = a.end;
    while j < a.end + 3 && s.get(j) == Some(&' ') {
        j += 1;
    }
    let mut sep_end = None;
    match s.get(j) {
        Some('-') if s.get(j + 1) == Some(&'-') => sep_end = Some(j + 2),
        Some('–' | '—' | '-' | '‒' | '−') => sep_end = Some(j + 1),
        Some('~')
            if s.get(j + 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == ' ') =>
        {
            sep_end = Some(j + 1)
        }
        _ => {
            for w in ["to", "until", "till", "til", "through", "thru", "and"] {
                if w == "and" && !between {
                    continue;
                }
                let n = w.len();
                if lower_at(s, j, w) && !letter(s.get(j + n)) && (j == 0 || !letter(s.get(j - 1))) {
                    sep_end = Some(j + n);
                    break;
                }
            }
        }
    }
    let b_start = match sep_end {
        Some(e) => {
            let mut k = e;
            while k < e + 3 && s.get(k) == Some(&' ') {
                k += 1;
            }
            k
        }
        // `4:33 PM4:48 PM`: nothing between two times that both say AM or PM.
        None if a.mer.is_some() && s.get(j).is_some_and(|c| c.is_ascii_digit()) => j,
        None if bare => return Ok(None),
        None => return Ok(Some(When::At(a))),
    };
    match clock_at(s, b_start, iso) {
        Ok(Some(b)) if bare && b.mer.is_none() => Ok(None),
        Ok(Some(b)) if sep_end.is_some() || b.mer.is_some() => Ok(Some(When::Range(a, b))),
        Err(e) if sep_end.is_some() => Err(e),
        _ if bare => Ok(None),
        _ => Ok(Some(When::At(a))),
    }
}

/// An hour alone (`9`, `~9`), 1 to 12, for the start of a range.
fn bare_hour(s: &[char], i: usize) -> Option<Clock> {
    let (approx, n0) = match approx_at(s, i) {
        Some(k) => (true, k),
        None => (false, i),
    };
    let (h, hn) = digits(s, n0);
    if hn == 0
        || hn > 2
        || !(1..=12).contains(&h)
        || s.get(n0 + hn)
            .is_some_and(|c| c.is_alphanumeric() || *c == ':' || *c == '.')
    {
        return None;
    }
    Some(Clock {
        h,
        m: 0,
        s: 0,
        ms: 0,
        mer: None,
        colon: false,
        approx,
        zone: None,
        start: i,
        end: n0 + hn,
        late_pm: false,
        padded: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn when(s: &str) -> When {
        when_at(&chars(s), 0, false, true).unwrap().unwrap()
    }

    fn hm(c: &Clock) -> (u32, u32, Option<Mer>) {
        (c.h, c.m, c.mer)
    }

    #[test]
    fn times() {
        let c = clock_at(&chars("9:37AM PST, an"), 0, false)
            .unwrap()
            .unwrap();
        assert_eq!(hm(&c), (9, 37, Some(Mer::Am)));
        assert_eq!(c.zone.as_ref().unwrap().stated.label(), "PST");
        assert_eq!(c.end, 10);
        let c = clock_at(&chars("9:15 a.m. EST"), 0, false)
            .unwrap()
            .unwrap();
        assert_eq!((hm(&c), c.end), ((9, 15, Some(Mer::Am)), 13));
        let c = clock_at(&chars("06:17:30.25: x"), 0, false)
            .unwrap()
            .unwrap();
        assert_eq!((c.h, c.m, c.s, c.ms, c.end), (6, 17, 30, 250, 11));
        let c = clock_at(&chars("~14:05 x"), 0, false).unwrap().unwrap();
        assert!(c.approx);
        let c = clock_at(&chars("about 9 AM"), 0, false).unwrap().unwrap();
        assert!(c.approx && c.h == 9);
        let c = clock_at(&chars("14:05 (approx.) x"), 0, false)
            .unwrap()
            .unwrap();
        assert!(c.approx && c.end == 15);
        for no in [
            "9 servers",
            "2022",
            "10:30:45:12",
            "12:345",
            "1.5",
            "10:30x",
            "9 amazon",
        ] {
            assert_eq!(clock_at(&chars(no), 0, false), Ok(None), "{no}");
        }
        for bad in ["25:99 PM: x", "13:61 UTC: x", "13:00 AM", "9:7 AM", "24:30"] {
            assert!(clock_at(&chars(bad), 0, false).is_err(), "{bad}");
        }
        assert!(
            clock_at(&chars("13:00 PM"), 0, false)
                .unwrap()
                .unwrap()
                .late_pm
        );
    }

    #[test]
    fn ranges() {
        let r = when("8:24 – 8:49 AM (PST): A");
        let When::Range(a, b) = &r else { panic!() };
        assert_eq!(
            range_times(a, b),
            (8 * 3_600_000 + 24 * 60_000, 8 * 3_600_000 + 49 * 60_000)
        );
        assert_eq!(r.zone().unwrap().stated.label(), "PST");
        let When::Range(a, b) = when("11:50 – 12:10 PM") else {
            panic!()
        };
        assert_eq!(
            range_times(&a, &b),
            (11 * 3_600_000 + 50 * 60_000, 12 * 3_600_000 + 10 * 60_000)
        );
        let When::Range(a, b) = when("4:33 PM4:48 PM: x") else {
            panic!()
        };
        assert_eq!(range_times(&a, &b).0, 16 * 3_600_000 + 33 * 60_000);
        let When::Range(a, b) = when("23:30 - 00:15") else {
            panic!()
        };
        assert_eq!(range_times(&a, &b).1, DAY_MS + 15 * 60_000);
        let When::Range(a, b) = when("4:45AM to roughly 7:45AM") else {
            panic!()
        };
        assert!(!a.approx && b.approx);
        assert!(matches!(when("7:30 AM and 2:22 PM PST"), When::Range(..)));
        assert!(matches!(when("14:00 - Rollback"), When::At(..)));
        assert!(matches!(when("9 AM 2 servers"), When::At(..)));
        assert!(matches!(when("09:00 UTC-10:00 UTC"), When::Range(..)));
        let When::Range(a, b) = when("9 - 11 PM: x") else {
            panic!()
        };
        assert_eq!(range_times(&a, &b), (21 * 3_600_000, 23 * 3_600_000));
        for no in ["9 - 11 servers", "9 to 10", "12 - 14:00"] {
            assert_eq!(when_at(&chars(no), 0, false, false), Ok(None), "{no}");
        }
    }
}
