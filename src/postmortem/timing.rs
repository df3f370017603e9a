//! From entries to instants.
//!
//! 1. **Date.** An entry's date is the date in force where it stands; an
//!    entry before any date takes the first date the text gives anywhere,
//!    else the caller's date. A date without a year takes the year from the
//!    text (the last year it gave), else the year that puts it nearest the
//!    caller's date, else the first year the text gives anywhere. With none
//!    of these it is an error that asks for a date.
//! 2. **Half of the day.** A time without AM/PM in a text that writes AM/PM
//!    (the entry before had it) takes the half of the day that comes soonest
//!    after the entry before. Ranges: [`super::clock::range_times`].
//! 3. **Order.** When every entry is at or before the one above it (and at
//!    least one is before; with only two entries, by at most
//!    [`ROLLOVER_MS`]), the list is newest first: entries are sorted, and no
//!    day is rolled over.
//! 4. **Midnight.** Otherwise, under one date, a time more than
//!    [`ROLLOVER_MS`] (6 hours) before the entry above it is on the next
//!    day (`23:50`, then `00:10`); a time less far back is an entry out of
//!    order on the same day (`10:05`, then `09:55`). A date written in the
//!    text starts over; so does a heading without a time (a new section is
//!    not compared with the last time of the one before).
//! 5. **Zone.** An entry's zone is the one written with its time or in
//!    force; an entry before any zone takes the first zone the text states,
//!    else the caller's zone, else UTC (with a warning). Abbreviations and
//!    offsets are read at their own offset; zones with rules (`PT`, `Pacific
//!    Time`, the caller's) by those rules: a time that happened twice (clocks
//!    turned back) is the first, unless that would put it before the entry
//!    above and the second would not; a time that never happened (clocks
//!    jumped forward) is read as that many minutes after the jump. Each of
//!    these says so in a warning, and so does an ambiguous abbreviation or
//!    one that is not what its zone uses on that date.

use super::clock::{range_times, Clock, Mer, When, DAY_MS};
use super::dates::PDate;
use super::walk::{Mention, Walked};
use super::zones::{offset_label, Stated};
use super::{warning, Pos, TextOptions};
use crate::problem::{Problem, Problems};
use crate::time::zone::Resolved;
use crate::time::{later, Instant, Zone};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::collections::{HashMap, HashSet};

/// How far back a time may go before it is read as the next day.
pub(super) const ROLLOVER_MS: i64 = 6 * 3_600_000;

/// An entry's instants.
#[derive(Clone, Debug)]
pub(super) struct Timed {
    /// Index into the walk's entries.
    pub entry: usize,
    pub start: Instant,
    pub end: Option<Instant>,
}

/// What the entries' times mean, and the zone to show them in.
pub(super) struct Resolution {
    pub timed: Vec<Timed>,
    pub zone: String,
}

fn no_date(pos: Pos, what: &str) -> Problems {
    Problems::one(warning(
        pos,
        format!("the text gives no {what} for its times; pass a date (--date 2022-12-07, or the date attribute)"),
    ))
}

/// The year that puts month/day nearest `near`.
fn nearest_year(d: PDate, near: NaiveDate) -> Option<NaiveDate> {
    (near.year() - 1..=near.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, d.month, d.day))
        .min_by_key(|c| (*c - near).num_days().abs())
}

fn local(ms: i64) -> NaiveDateTime {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .naive_utc()
}

/// AM or PM for `c`, whichever comes soonest after `prev` (ms into the day).
fn soonest(c: &Clock, prev: i64) -> Clock {
    let forward = |m| (c.ms_of_day(Some(m)) - prev).rem_euclid(DAY_MS);
    let mer = if forward(Mer::Am) <= forward(Mer::Pm) {
        Mer::Am
    } else {
        Mer::Pm
    };
    Clock {
        mer: Some(mer),
        ..c.clone()
    }
}

struct Zones {
    cache: HashMap<String, Option<Zone>>,
}

impl Zones {
    fn get(&mut self, name: &str) -> Option<Zone> {
        self.cache
            .entry(name.to_string())
            .or_insert_with(|| Zone::named(name).ok())
            .clone()
    }
}

/// Instants for the entries (in their order), or the problem that stops it.
pub(super) fn resolve(
    w: &Walked,
    o: &TextOptions,
    option_zone: Option<String>,
    warnings: &mut Vec<Problem>,
) -> Result<Resolution, Problems> {
    let first_pos = w.entries.first().map(|e| e.pos).unwrap_or_default();
    // 1. Dates.
    let option_date = o.date.map(|d| PDate {
        year: Some(d.year()),
        month: d.month(),
        day: d.day(),
    });
    // Entries before the text's first date are on the option's date when one is
    // given (a "(12/8)" further down changes the date from there on).
    let doc_date = option_date.or(w.first_date);
    let mut kept = Vec::with_capacity(w.entries.len());
    for (i, e) in w.entries.iter().enumerate() {
        let Some(d) = e.date.or(doc_date) else {
            return Err(no_date(e.pos, "date"));
        };
        let date = match (d.year, o.date, w.first_year) {
            (Some(_), _, _) => d.naive(),
            (None, Some(near), _) => nearest_year(d, near),
            (None, None, Some(y)) => NaiveDate::from_ymd_opt(y, d.month, d.day),
            (None, None, None) => return Err(no_date(e.pos, "year")),
        };
        match date {
            Some(date) => kept.push((i, date)),
            None => warnings.push(warning(
                e.pos,
                format!(
                    "month {} day {} is not a date in {}; the entry was skipped",
                    d.month,
                    d.day,
                    d.year.or(w.first_year).unwrap_or_default()
                ),
            )),
        }
    }
    // 2. Times of day, as wall-clock milliseconds.
    let mut walls: Vec<(i64, Option<i64>)> = Vec::with_capacity(kept.len());
    let mut prev: Option<(i64, bool)> = None;
    for &(i, date) in &kept {
        let e = &w.entries[i];
        let base = date
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis();
        let inferred = |c: &Clock| match prev {
            Some((p, true)) if c.twelve_hour() => soonest(c, p),
            _ => c.clone(),
        };
        let (s, end, twelve) = match &e.when {
            When::At(c) => {
                let c = inferred(c);
                (c.ms_of_day(c.mer), None, c.mer.is_some())
            }
            When::Range(a, b) => {
                let a = if b.mer.is_none() {
                    inferred(a)
                } else {
                    a.clone()
                };
                let (s, e) = range_times(&a, b);
                (s, Some(e), a.mer.is_some() || b.mer.is_some())
            }
        };
        prev = Some((s, twelve));
        walls.push((later(base, s), end.map(|x| later(base, x))));
    }
    // 3. Newest first?
    let steps: Vec<i64> = walls.windows(2).map(|p| p[1].0 - p[0].0).collect();
    let newest_first = !steps.is_empty()
        && steps.iter().all(|d| *d <= 0)
        && steps.iter().any(|d| *d < 0)
        && (walls.len() >= 3 || steps.iter().all(|d| *d >= -ROLLOVER_MS));
    // 4. Midnight.
    if !newest_first {
        let mut epoch = None;
        let mut offset = 0;
        let mut last: Option<i64> = None;
        for (k, &(i, _)) in kept.iter().enumerate() {
            let e = &w.entries[i];
            if epoch != Some(e.epoch) {
                epoch = Some(e.epoch);
                offset = 0;
                last = None;
            }
            if e.fresh {
                last = None;
            }
            let mut s = later(walls[k].0, offset * DAY_MS);
            if last.is_some_and(|l| s < l - ROLLOVER_MS) {
                offset += 1;
                s = later(s, DAY_MS);
            }
            walls[k] = (s, walls[k].1.map(|x| later(x, offset * DAY_MS)));
            last = Some(s);
        }
    }
    // 5. Zones.
    let mut zones = Zones {
        cache: HashMap::new(),
    };
    let fallback = w.first_zone.clone().or_else(|| {
        option_zone.map(|z| Mention {
            stated: Stated::Rules(z),
            pos: first_pos,
            full: true,
        })
    });
    let fallback = fallback.unwrap_or_else(|| {
        warnings.push(warning(
            first_pos,
            "the text states no time zone; its times were read as UTC (state one in the text, such as \"All times are UTC\", or pass a time zone: --time-zone America/Los_Angeles, or the time-zone attribute)",
        ));
        Mention {
            stated: Stated::Offset(0),
            pos: first_pos,
            full: true,
        }
    });
    let mut said: HashSet<(String, u8)> = HashSet::new();
    let mut timed = Vec::with_capacity(kept.len());
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut before: Option<Instant> = None;
    for (k, &(i, _)) in kept.iter().enumerate() {
        let e = &w.entries[i];
        let m = e.zone.as_ref().unwrap_or(&fallback);
        let (wall_start, wall_end) = walls[k];
        let start = instant(
            wall_start, m, before, e.pos, &e.written, &mut zones, warnings,
        );
        let end = wall_end.map(|x| {
            instant(x, m, Some(start), e.pos, &e.written, &mut zones, warnings).max(start)
        });
        check_abbreviation(m, start, &mut zones, &mut said, warnings);
        let name = m.stated.display();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
        before = Some(start);
        timed.push(Timed {
            entry: i,
            start,
            end,
        });
    }
    let zone = counts
        .iter()
        .rev()
        .max_by_key(|(_, c)| *c)
        .map_or_else(|| fallback.stated.display(), |(n, _)| n.clone());
    Ok(Resolution { timed, zone })
}

/// The instant of a wall-clock time (ms) in a stated zone.
fn instant(
    wall: i64,
    m: &Mention,
    before: Option<Instant>,
    pos: Pos,
    written: &str,
    zones: &mut Zones,
    warnings: &mut Vec<Problem>,
) -> Instant {
    if let Some(off) = m.stated.fixed() {
        return later(wall, -i64::from(off) * 1000);
    }
    let Stated::Rules(name) = &m.stated else {
        return wall;
    };
    let Some(zone) = zones.get(name) else {
        return wall;
    };
    let at = local(wall);
    match zone.resolve(at) {
        Resolved::Unique(t) => t,
        Resolved::Ambiguous(a, b) => {
            let second = before.is_some_and(|p| a < p && b >= p);
            let (t, which) = if second { (b, "second") } else { (a, "first") };
            warnings.push(warning(
                pos,
                format!(
                    "{written}: {} happened twice in {name} (clocks were turned back); read as the {which} ({})",
                    at.format("%Y-%m-%d %H:%M"),
                    offset_label(zone.offset_seconds(t))
                ),
            ));
            t
        }
        Resolved::Gap {
            before: from,
            after: to,
        } => {
            let t = zone.instant_of(at);
            warnings.push(warning(
                pos,
                format!(
                    "{written}: {} never happened in {name} (clocks jumped from {} to {}); read as {}",
                    at.format("%Y-%m-%d %H:%M"),
                    offset_label(from),
                    offset_label(to),
                    zone.local(t).format("%H:%M")
                ),
            ));
            t
        }
    }
}

/// Warnings for an abbreviation, once each: ambiguous, or not what its zone
/// uses on the date.
fn check_abbreviation(
    m: &Mention,
    t: Instant,
    zones: &mut Zones,
    said: &mut HashSet<(String, u8)>,
    warnings: &mut Vec<Problem>,
) {
    let Stated::Abbr(a) = &m.stated else {
        return;
    };
    let stated = offset_label(a.minutes * 60);
    if let Some(others) = a.others {
        if !m.full && said.insert((a.name.to_string(), 0)) {
            warnings.push(warning(
                m.pos,
                format!(
                    "{} is ambiguous; read as {} ({stated}, {}), not {others}",
                    a.name, a.meaning, a.zone
                ),
            ));
        }
    }
    if a.zone == "UTC" {
        return;
    }
    let Some(zone) = zones.get(a.zone) else {
        return;
    };
    let actual = zone.offset_seconds(t);
    if actual != a.minutes * 60 && said.insert((a.name.to_string(), 1)) {
        let note = a
            .all_year
            .map(|place| format!(" (right for {place}, which keeps {} all year)", a.name))
            .unwrap_or_default();
        warnings.push(warning(
            m.pos,
            format!(
                "{} means {stated}, but {} was on {} ({}) on {}; times marked {} were read at {stated}, as written{note}",
                a.name,
                a.zone,
                offset_label(actual),
                zone.abbreviation(t),
                zone.local(t).format("%Y-%m-%d"),
                a.name,
            ),
        ));
    }
}
