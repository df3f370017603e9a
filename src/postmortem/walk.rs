//! The walk through a document, line by line, keeping the date and the
//! zone in force, and collecting the entries.
//!
//! * A line (or list item, or code line) that starts with a time is an
//!   entry; lines after it in the same paragraph (or list items nested
//!   under it) continue its text. A line that holds only a time
//!   (`Apr 19, 19:11 BST`) takes the lines just above it in its paragraph
//!   (status pages write the update, then its time), or a status update
//!   (`Resolved - …`) in the paragraph above; else the paragraph after it.
//! * A heading that starts with a time is an entry, and the paragraph
//!   after it is its text (or, when the heading has text, its detail).
//! * A table row whose time column holds a time is an entry; its other
//!   cells are its text. A row with an empty time cell continues the row
//!   above. Header rows (those over a `|---|` line) only name the columns
//!   (a column whose header says "time" or "when" holds the times, one that
//!   says "date" the dates) and may state a zone (`Time (UTC)`).
//! * Other paragraphs are read sentence by sentence ([`super::prose`]); a
//!   list item without a leading time is read as one sentence.
//!
//! Dates: a date before an entry's time, a heading's date, a line that is a
//! date (`December 8`, `2015-10-21 (all times UTC)`, `April 14: …`) and
//! the date of a sentence that is an entry change the date from there on.
//! A date in other text (a title such as `12/7 Outage Post Mortem`, a
//! sentence) only gives the document its date when none is known yet.
//!
//! Zones: a zone written with an entry's time, a heading's zone, a table
//! header's zone, and a sentence about the times that names one ("All
//! times are in UTC") hold from there until another is stated.

use super::clock::When;
use super::dates::{date_at, first_date, first_year, DateHit, DateRead, PDate, YEARS};
use super::lead::{lead, skip_text_sep, Lead};
use super::lines::{lines, Kind, Line, Piece};
use super::prose::{ends_with_lead_in, hit_in, sentences};
use super::zones::{about_times, zone_in, Stated, ZoneHit};
use super::{warning, Pos};
use crate::parse::MAX_EVENTS;
use crate::problem::Problem;

/// A zone as stated, and where.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Mention {
    pub stated: Stated,
    pub pos: Pos,
    /// Written in full: never ambiguous.
    pub full: bool,
}

/// One timeline entry as read.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Where its time is.
    pub pos: Pos,
    pub when: When,
    /// The time as written.
    pub written: String,
    /// The date in force (its year perhaps unknown yet).
    pub date: Option<PDate>,
    /// Counts explicit date changes: times are compared for a day rollover
    /// only within one.
    pub epoch: u32,
    /// A heading without a time, or a date, came between this entry and the
    /// one before: no rollover is decided between them.
    pub fresh: bool,
    /// The zone written with its time, or in force.
    pub zone: Option<Mention>,
    /// Its text (after the time), and more text for the detail only.
    pub text: String,
    pub more: String,
}

/// What the walk found.
#[derive(Debug, Default)]
pub(super) struct Walked {
    pub entries: Vec<Entry>,
    pub warnings: Vec<Problem>,
    pub title: Option<String>,
    /// The first date the text gives, anywhere.
    pub first_date: Option<PDate>,
    /// The first year the text gives.
    pub first_year: Option<i32>,
    /// The first zone the text states.
    pub first_zone: Option<Mention>,
}

#[derive(Clone, Copy)]
struct Open {
    entry: usize,
    /// A list item's indent (nested items continue it).
    indent: Option<usize>,
    /// A table row (rows with an empty time cell continue it).
    row: bool,
}

#[derive(Clone, Copy)]
struct Columns {
    time: usize,
    date: Option<usize>,
}

/// Longest text kept for one entry (more is cut when the detail is written).
const MAX_TEXT_BYTES: usize = 100_000;

/// Status words that start a status page's update.
const STATUS: [&str; 10] = [
    "resolved",
    "monitoring",
    "identified",
    "investigating",
    "update",
    "postmortem",
    "completed",
    "scheduled",
    "verifying",
    "in progress",
];

struct Walker<'a> {
    lines: &'a [Line],
    out: Walked,
    date: Option<PDate>,
    /// A stated default date ("Unless otherwise noted all events happened
    /// on D"): undated entries take it, also after one that names another.
    default_date: Option<PDate>,
    epoch: u32,
    fresh: bool,
    year_hint: Option<i32>,
    zone: Option<Mention>,
    open: Option<Open>,
    want: Option<usize>,
    pending: Vec<Piece>,
    pending_status: bool,
    carry: bool,
    table: Option<Columns>,
    capped: bool,
    /// The last paragraph read as prose that gave no entry, and the number
    /// of entries then: the text of a `Posted …` line after it.
    last_prose: Option<(String, usize)>,
}

/// Reads the document's entries, dates and zones.
pub(super) fn walk(text: &str) -> Walked {
    let ls = lines(text);
    let mut w = Walker {
        lines: &ls,
        out: Walked::default(),
        date: None,
        default_date: None,
        epoch: 0,
        fresh: true,
        year_hint: None,
        zone: None,
        open: None,
        want: None,
        pending: Vec::new(),
        pending_status: false,
        carry: false,
        table: None,
        capped: false,
        last_prose: None,
    };
    for k in 0..ls.len() {
        w.line(k);
    }
    w.flush();
    w.out
}

/// Whether a line says when the text above it was posted (`Posted …`,
/// `Updated …`).
fn footer(p: &Piece) -> bool {
    let t = string(p);
    let t = t.trim_start();
    ["Posted ", "Updated ", "Last updated "]
        .iter()
        .any(|w| t.starts_with(w))
}

fn string(p: &Piece) -> String {
    p.chars.iter().collect()
}

/// A status word at the start of `p`.
fn status_word(p: &Piece) -> Option<usize> {
    let head: String = p.chars.iter().take(12).collect::<String>().to_lowercase();
    STATUS.iter().find_map(|w| {
        let n = w.len();
        let after = head.chars().nth(n);
        (head.starts_with(w) && after.is_none_or(|c| !c.is_alphanumeric())).then_some(n)
    })
}

/// A sentence about the future ("We will review capacity at 09:00 on
/// Friday"): a plan, not an event.
fn plans(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "will" | "we'll" | "we’ll" | "shall"
            )
        })
}

/// Section names that are not a document's title.
const SECTIONS: [&str; 14] = [
    "timeline",
    "incident timeline",
    "summary",
    "overview",
    "background",
    "impact",
    "root cause",
    "resolution",
    "details",
    "what happened",
    "lessons learned",
    "action items",
    "detailed timeline",
    "categories",
];

/// A line that reads like a post-mortem's title.
fn title_like(t: &str) -> bool {
    let l = t.to_lowercase();
    t.chars().count() <= 150
        && !t.ends_with('.')
        && [
            "outage",
            "incident",
            "post-mortem",
            "postmortem",
            "post mortem",
            "post-incident",
            "report",
            "review",
            "retrospective",
            "disruption",
            "rca",
            "infra log",
            "issue with",
            "issues with",
            "downtime",
            "unavailab",
            "degradation",
        ]
        .iter()
        .any(|w| l.contains(w))
}

impl Walker<'_> {
    fn line(&mut self, k: usize) {
        let line = &self.lines[k];
        if !matches!(line.kind, Kind::Blank | Kind::Text { code: false, .. }) {
            self.last_prose = None;
        }
        match &line.kind {
            Kind::Blank => {
                self.open = None;
                self.table = None;
                if self.pending_status && !self.pending.is_empty() {
                    self.carry = true;
                } else {
                    self.flush();
                }
            }
            Kind::Fence | Kind::Rule => {
                self.end_block();
            }
            Kind::Separator => {}
            Kind::Heading => {
                self.end_block();
                self.table = None;
                let body = line.body.clone();
                self.heading(&body);
            }
            Kind::Row => {
                self.flush();
                self.want = None;
                let header = matches!(
                    self.lines.get(k + 1).map(|l| &l.kind),
                    Some(Kind::Separator)
                );
                let cells = line.cells.clone();
                if header {
                    self.header(&cells);
                } else {
                    self.row(&cells);
                }
            }
            Kind::Item { indent } => {
                let (indent, body) = (*indent, line.body.clone());
                self.item(&body, indent);
            }
            Kind::Text { code, .. } => {
                let (code, body) = (*code, line.body.clone());
                if code {
                    self.end_block();
                    let r = lead(&body.chars);
                    self.read(&body, r, None);
                    self.open = None;
                } else {
                    self.text(&body);
                }
            }
        }
    }

    fn end_block(&mut self) {
        self.open = None;
        self.want = None;
        self.flush();
    }

    fn warn(&mut self, pos: Pos, message: String) {
        self.out.warnings.push(warning(pos, message));
    }

    /// Pending prose read, sentence by sentence.
    fn flush(&mut self) {
        self.carry = false;
        self.pending_status = false;
        if self.pending.is_empty() {
            return;
        }
        let mut joined = Piece::new(self.pending[0].origin);
        for p in std::mem::take(&mut self.pending) {
            joined.append(&p, " ");
        }
        let before = self.out.entries.len();
        self.prose(&joined, false);
        let n = self.out.entries.len();
        self.last_prose = (n == before).then(|| (string(&joined), n));
    }

    fn set_zone(&mut self, z: &ZoneHit, p: &Piece) -> Mention {
        let m = Mention {
            stated: z.stated.clone(),
            pos: p.pos(z.start),
            full: z.full,
        };
        self.zone = Some(m.clone());
        if self.out.first_zone.is_none() {
            self.out.first_zone = Some(m.clone());
        }
        m
    }

    /// A date read; `change`: it changes the date in force (else it only
    /// gives the document a date when it has none).
    fn set_date(&mut self, d: &DateHit, p: &Piece, change: bool) {
        let mut date = d.date;
        if date.year.is_none() {
            date.year = match self.date {
                // December, then January: the next year.
                Some(PDate {
                    year: Some(y),
                    month,
                    ..
                }) if month > date.month + 6 => Some(y + 1),
                Some(PDate { year: Some(y), .. }) => Some(y),
                _ => self.year_hint,
            };
        }
        if let (Some(day), Some(naive)) = (d.weekday, date.naive()) {
            use chrono::Datelike;
            if naive.weekday() != day {
                self.warn(
                    p.pos(d.start),
                    format!(
                        "the text says {}, but {naive} is a {}; the date was kept",
                        super::dates::weekday_name(day),
                        super::dates::weekday_name(naive.weekday())
                    ),
                );
            }
        }
        if let Some(y) = d.date.year {
            self.year_hint = Some(y);
            self.out.first_year.get_or_insert(y);
        }
        if change || self.date.is_none() {
            self.date = Some(date);
            self.epoch += 1;
            self.fresh = true;
        }
        self.out.first_date.get_or_insert(date);
    }

    /// Dates, years and zones stated in `p[a..b]`, which is not an entry.
    /// `heading`: a heading or a table header (its date changes the date;
    /// any zone it names counts).
    fn statements(&mut self, p: &Piece, a: usize, b: usize, heading: bool) {
        let s = &p.chars;
        if heading || about_times(s, a, b) {
            if let Some(z) = zone_in(s, a, b) {
                self.set_zone(&z, p);
            }
        }
        if let Some(d) = first_date(s, a, b) {
            let said = p.text(a, b).to_lowercase();
            let default = DEFAULT_DATE.iter().any(|w| said.contains(w));
            self.set_date(&d, p, heading || default);
            if default {
                self.default_date = self.date;
            }
        } else if let Some(y) = first_year(s, a, b) {
            if heading || self.year_hint.is_none() {
                self.year_hint = Some(y);
            }
            self.out.first_year.get_or_insert(y);
        }
    }

    fn push(&mut self, p: &Piece, when: When, text: String) -> Option<usize> {
        if self.out.entries.len() >= MAX_EVENTS {
            if !self.capped {
                self.capped = true;
                self.warn(
                    p.pos(when.start()),
                    format!("the text has more than {MAX_EVENTS} timeline entries; the rest were skipped"),
                );
            }
            return None;
        }
        for c in [
            Some(when.first()),
            matches!(when, When::Range(..)).then(|| when.last()),
        ]
        .into_iter()
        .flatten()
        {
            if c.late_pm {
                self.warn(
                    p.pos(c.start),
                    format!(
                        "{}:{:02} PM has an hour past 12; read as {}:{:02}",
                        c.h, c.m, c.h, c.m
                    ),
                );
            }
        }
        let zone = match when.zone() {
            Some(z) => Some(self.set_zone(&z.clone(), p)),
            None => self.zone.clone(),
        };
        let written: String = p.text(when.start(), when.end()).chars().take(80).collect();
        self.out.entries.push(Entry {
            pos: p.pos(when.first().start),
            written,
            date: self.date,
            epoch: self.epoch,
            fresh: std::mem::take(&mut self.fresh),
            zone,
            text,
            more: String::new(),
            when,
        });
        Some(self.out.entries.len() - 1)
    }

    /// More text for an entry: its text when it has none; else its text
    /// (a continuation line) until it has a detail, or (`detail`) its detail.
    fn attach(&mut self, entry: usize, p: &Piece, sep: &str, detail: bool) {
        let e = &mut self.out.entries[entry];
        if e.text.len() + e.more.len() > MAX_TEXT_BYTES {
            return;
        }
        let to = if e.text.is_empty() || (!detail && e.more.is_empty()) {
            &mut e.text
        } else {
            &mut e.more
        };
        if !to.is_empty() {
            to.push_str(sep);
        }
        to.extend(p.chars.iter());
    }

    fn heading(&mut self, p: &Piece) {
        let r = lead(&p.chars);
        match r {
            Lead::Entry { .. } | Lead::Titled { .. } => {
                let idx = self.entry(p, r);
                self.want = idx;
            }
            Lead::Bad { start, message } => {
                self.warn(p.pos(start), message.replace("line", "heading"))
            }
            Lead::Dated { date, rest } => {
                self.set_date(&date, p, true);
                self.statements(p, rest, p.len(), true);
                let t = super::lead::titled(&p.chars, rest);
                if matches!(t, Lead::Titled { .. }) {
                    self.want = self.entry(p, t);
                }
            }
            Lead::None => {
                self.statements(p, 0, p.len(), true);
                self.fresh = true;
                let t = string(p);
                let generic = SECTIONS.contains(&t.trim().to_lowercase().as_str());
                if self.out.title.is_none()
                    && self.out.entries.is_empty()
                    && !generic
                    && !t.trim().is_empty()
                {
                    self.out.title = Some(t);
                }
            }
        }
    }

    /// An entry from a line's lead: its date set, its text.
    fn entry(&mut self, p: &Piece, r: Lead) -> Option<usize> {
        match r {
            Lead::Entry {
                date,
                when,
                text_at,
            } => {
                let dated = date.is_some();
                if let Some(d) = date {
                    self.set_date(&d, p, true);
                }
                let text = p.text(text_at, p.len());
                let pushed = self.push(p, when, text);
                if dated {
                    self.back_to_default();
                }
                pushed
            }
            Lead::Titled {
                when,
                label,
                text_at,
            } => {
                let text = format!("{}: {}", p.text(label.0, label.1), p.text(text_at, p.len()));
                self.push(p, when, text.trim_end_matches([':', ' ']).to_string())
            }
            _ => None,
        }
    }

    fn header(&mut self, cells: &[Piece]) {
        let lower: Vec<String> = cells.iter().map(|c| string(c).to_lowercase()).collect();
        let time = lower
            .iter()
            .position(|c| c.contains("time") || c.contains("when"))
            .unwrap_or(0);
        let date = lower
            .iter()
            .enumerate()
            .position(|(k, c)| k != time && (c.contains("date") || c == "day"));
        self.table = Some(Columns { time, date });
        for c in cells {
            if let Some(z) = zone_in(&c.chars, 0, c.len()) {
                self.set_zone(&z, c);
            }
        }
    }

    fn row(&mut self, cells: &[Piece]) {
        let cols = *self.table.get_or_insert(Columns {
            time: 0,
            date: None,
        });
        let Some(time_cell) = cells.get(cols.time) else {
            return;
        };
        let mut text = Piece::new(time_cell.origin);
        for (k, c) in cells.iter().enumerate() {
            if k != cols.time && Some(k) != cols.date {
                text.append(c, " — ");
            }
        }
        let date_cell = cols
            .date
            .and_then(|k| cells.get(k))
            .filter(|c| !c.is_empty());
        if time_cell.is_empty() && date_cell.is_none() {
            if let Some(o) = self.open.filter(|o| o.row) {
                self.attach(o.entry, &text, " ", false);
            }
            return;
        }
        if let Some(dc) = date_cell {
            if let DateRead::Date(d) = date_at(&dc.chars, 0) {
                self.set_date(&d, dc, true);
            }
        }
        self.open = None;
        match lead(&time_cell.chars) {
            Lead::Entry {
                date,
                when,
                text_at,
            } => {
                if let Some(d) = date {
                    self.set_date(&d, time_cell, true);
                }
                let mut all = time_cell.sub(text_at, time_cell.len());
                all.append(&text, " ");
                let idx = self.push(time_cell, when, string(&all));
                self.open = idx.map(|entry| Open {
                    entry,
                    indent: None,
                    row: true,
                });
            }
            Lead::Dated { date, .. } => self.set_date(&date, time_cell, true),
            Lead::Bad { start, message } => {
                self.warn(time_cell.pos(start), message.replace("line", "row"))
            }
            _ => {}
        }
    }

    fn item(&mut self, p: &Piece, indent: usize) {
        let r = lead(&p.chars);
        if self.carry && !r.bare(p.len()) {
            self.flush();
        }
        if r == Lead::None {
            if let Some(o) = self.open.filter(|o| o.indent.is_some_and(|i| indent > i)) {
                self.attach(o.entry, p, "; ", false);
                return;
            }
            self.end_block();
            self.prose(p, true);
            return;
        }
        self.open = None;
        self.want = None;
        self.read(p, r, Some(indent));
    }

    fn text(&mut self, p: &Piece) {
        let r = lead(&p.chars);
        if self.carry && !r.bare(p.len()) {
            self.flush();
        }
        // A time after a line that leads into it (`… EST. Around` / `9:20 a.m. …`)
        // belongs to that sentence.
        let split = matches!(r, Lead::Entry { .. })
            && !r.bare(p.len())
            && self.open.is_none()
            && self
                .pending
                .last()
                .is_some_and(|l| ends_with_lead_in(&l.chars));
        if r == Lead::None || split {
            if let Some(o) = self.open {
                self.attach(o.entry, p, " ", false);
                return;
            }
            if let Some(w) = self.want.take() {
                self.attach(w, p, "\n\n", true);
                self.open = Some(Open {
                    entry: w,
                    indent: None,
                    row: false,
                });
                return;
            }
            if self.out.title.is_none() && self.out.entries.is_empty() && title_like(&string(p)) {
                self.out.title = Some(string(p));
            }
            if self.pending.is_empty() {
                self.pending_status = status_word(p).is_some();
            }
            self.pending.push(p.clone());
            return;
        }
        self.open = None;
        self.want = None;
        self.read(p, r, None);
    }

    /// A line (or list item: its indent) that leads with something.
    fn read(&mut self, p: &Piece, r: Lead, indent: Option<usize>) {
        match r {
            Lead::Entry { .. } if r.bare(p.len()) => {
                if self.pending.is_empty() {
                    // `Posted …` closes the update above it (status pages
                    // write the update, then when it was posted).
                    let above = self
                        .last_prose
                        .take()
                        .filter(|&(_, n)| n == self.out.entries.len() && footer(p));
                    let idx = self.entry(p, r);
                    match (above, idx) {
                        (Some((text, _)), Some(idx)) => self.out.entries[idx].text = text,
                        _ => self.want = idx,
                    }
                    return;
                }
                // The lines above are its text, unless they give times of
                // their own: then they are prose, and the line is its own entry.
                let timed = self
                    .pending
                    .iter()
                    .any(|l| hit_in(&l.chars, 0, l.len()).is_some());
                if timed {
                    self.flush();
                    let idx = self.entry(p, r);
                    if let Some(idx) = idx {
                        self.out.entries[idx].text = string(p);
                    }
                    return;
                }
                let taken = std::mem::take(&mut self.pending);
                self.carry = false;
                self.pending_status = false;
                let mut text = String::new();
                for (k, t) in taken.iter().enumerate() {
                    let t = string(t);
                    if k > 0 {
                        let status_alone =
                            k == 1 && status_word(&taken[0]).is_some_and(|n| n == taken[0].len());
                        text.push_str(if status_alone { " - " } else { " " });
                    }
                    text.push_str(&t);
                }
                if let Some(idx) = self.entry(p, r) {
                    self.out.entries[idx].text = text;
                }
            }
            Lead::Entry { .. } | Lead::Titled { .. } => {
                self.flush();
                let idx = self.entry(p, r);
                self.open = idx.map(|entry| Open {
                    entry,
                    indent,
                    row: false,
                });
            }
            Lead::Dated { date, rest } => {
                self.flush();
                self.set_date(&date, p, true);
                let rest_piece = p.sub(rest, p.len());
                if rest_piece.is_empty() {
                    return;
                }
                match super::lead::titled(&p.chars, rest) {
                    t @ Lead::Titled { .. } => {
                        let idx = self.entry(p, t);
                        self.open = idx.map(|entry| Open {
                            entry,
                            indent,
                            row: false,
                        });
                    }
                    // Read with the lines that continue it.
                    _ if indent.is_some() => self.prose(&rest_piece, true),
                    _ => {
                        self.pending_status = status_word(&rest_piece).is_some();
                        self.pending.push(rest_piece);
                    }
                }
            }
            Lead::Bad { start, message } => {
                self.flush();
                self.warn(p.pos(start), message);
            }
            Lead::None => {}
        }
    }

    /// Running text: each sentence with a time a sentence can be trusted
    /// with is an entry; the sentences after it (up to the next entry) are
    /// its detail; the others state dates and zones. `whole`: a list item,
    /// read as one sentence.
    fn prose(&mut self, p: &Piece, whole: bool) {
        let s = &p.chars;
        let spans = if whole {
            vec![(0, s.len())]
        } else {
            sentences(s)
        };
        let mut last: Option<usize> = None;
        for (a0, b0) in spans {
            let Some(first) = hit_in(s, a0, b0).filter(|_| !plans(&p.text(a0, b0))) else {
                self.statements(p, a0, b0, false);
                if let Some(e) = last {
                    self.attach(e, &p.sub(a0, b0), " ", true);
                }
                continue;
            };
            for (a, b, phrase, when) in clauses(p, a0, b0, first) {
                last = self.sentence(p, a, b, phrase, when).or(last);
            }
        }
    }

    /// One time of a sentence (`p[a..b]`, the part of it the time is in)
    /// as an entry.
    fn sentence(
        &mut self,
        p: &Piece,
        a: usize,
        b: usize,
        phrase: usize,
        when: When,
    ) -> Option<usize> {
        let s = &p.chars;
        // The sentence's date: before the time, or right after it ("at 7:38 UTC on April 5th").
        let end = when.end();
        let after: String = p.text(end, (end + 5).min(b)).to_lowercase();
        let on = [" on ", ", on "]
            .iter()
            .find(|w| after.starts_with(*w))
            .map(|w| end + w.len());
        let date_after = on.and_then(|k| match date_at(s, k) {
            DateRead::Date(d) if d.end <= b => Some(d),
            _ => None,
        });
        let before = first_date(s, a, phrase);
        let date = before.or(date_after);
        // A date after the time ("at 00:54 UTC on February 13") is the
        // sentence's own; one before it sets the date for what follows.
        let kept = (before.is_none() && date_after.is_some()).then_some((self.date, self.epoch));
        if let Some(d) = date {
            if d.date.year.is_none_or(|y| YEARS.contains(&y)) {
                self.set_date(&d, p, true);
            }
        }
        let mut head = p.text(a, phrase);
        // "On Tuesday, April 5th, 2022, starting at 7:38 UTC, …": the date is no title.
        if let Some(d) = date.filter(|d| d.start >= a && d.end <= phrase) {
            let without = format!("{}{}", p.text(a, d.start), p.text(d.end, phrase));
            let w = without.trim_matches(|c: char| c.is_whitespace() || c == ',');
            if w.is_empty() || w.eq_ignore_ascii_case("on") {
                head.clear();
            }
        }
        let head = head.trim();
        // The text after the time (and after its date: "… UTC on 2023-08-14, users saw …").
        let rest = p.text(skip_text_sep(s, date_after.map_or(end, |d| d.end)), b);
        let text =
            if head.is_empty() || (head.ends_with(':') && head.split_whitespace().count() <= 8) {
                let mut t = String::from(head);
                if !t.is_empty() {
                    t.push(' ');
                }
                let mut cs = rest.chars();
                if let Some(c) = cs.next() {
                    t.extend(c.to_uppercase());
                    t.push_str(cs.as_str());
                }
                t
            } else {
                p.text(a, b)
            };
        let text = if text.trim().is_empty() {
            p.text(a, b)
        } else {
            text
        };
        let pushed = self.push(p, when, text);
        if let Some((date, _)) = kept {
            if self.default_date.is_none() {
                self.date = date;
                self.epoch += 1;
            }
        }
        if date.is_some() {
            self.back_to_default();
        }
        pushed
    }

    /// After an entry that names its own date, the stated default again.
    fn back_to_default(&mut self) {
        if let Some(d) = self.default_date {
            if self.date != Some(d) {
                self.date = Some(d);
                self.epoch += 1;
            }
        }
    }
}

/// The times of one sentence `p[a..b]`, the first at `first`: each with the
/// part of the sentence it is in. "Starting at 1:25 am until the incident
/// was resolved at 6:06 am" is one range; "resolved at 04:37, but we
/// waited until 09:45" is two entries, cut at the clause between them.
fn clauses(
    p: &Piece,
    a: usize,
    b: usize,
    first: (usize, When),
) -> Vec<(usize, usize, usize, When)> {
    let s = &p.chars;
    let mut hits = vec![first];
    while hits.len() < 6 {
        let from = hits.last().map_or(a, |h| h.1.end());
        match hit_in(s, from, b) {
            Some(h) if h.0 >= from => hits.push(h),
            _ => break,
        }
    }
    // Ranges: an instant, then "until"/"till"/"through" … an instant, in one clause.
    let mut merged: Vec<(usize, When)> = Vec::new();
    for h in hits {
        if let Some(prev) = merged.last_mut() {
            let between = p.text(prev.1.end(), h.1.start()).to_lowercase();
            let words: Vec<&str> = between
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let ranged = words
                .iter()
                .any(|w| matches!(*w, "until" | "till" | "through" | "thru"))
                && words.len() <= 14
                && !between.contains(", but")
                && !between.contains(';')
                && !words
                    .iter()
                    .any(|w| matches!(*w, "but" | "however" | "then"));
            if let (When::At(x), When::At(y)) = (&prev.1, &h.1) {
                if ranged {
                    prev.1 = When::Range(x.clone(), y.clone());
                    continue;
                }
            }
        }
        merged.push(h);
    }
    let mut out = Vec::new();
    let mut start = a;
    for (i, (phrase, when)) in merged.iter().enumerate() {
        let end = match merged.get(i + 1) {
            // The clause before the next time ends at its last ", " or "; ",
            // else at the last " and " / " but " / " then " / " while "
            // (else right before the next time's phrase).
            Some((next, _)) => {
                let from = when.end();
                let t: Vec<char> = s[from..*next].to_vec();
                let joined = |k: usize| {
                    [" and ", " but ", " then ", " while "].iter().any(|w| {
                        let w: Vec<char> = w.chars().collect();
                        t.len() >= k + w.len()
                            && t[k..k + w.len()]
                                .iter()
                                .zip(&w)
                                .all(|(a, b)| a.to_ascii_lowercase() == *b)
                    })
                };
                (1..t.len())
                    .rev()
                    .find(|&k| matches!(t[k - 1], ',' | ';') && t[k] == ' ')
                    .map(|k| from + k - 1)
                    .or_else(|| (0..t.len()).rev().find(|&k| joined(k)).map(|k| from + k))
                    .unwrap_or(*next)
            }
            None => b,
        };
        out.push((
            start.min(*phrase),
            end.max(when.end()),
            *phrase,
            when.clone(),
        ));
        // The next clause, without the mark and the word that join it.
        start = super::lines::skip_ws(s, end);
        if matches!(s.get(start), Some(',' | ';')) {
            start = super::lines::skip_ws(s, start + 1);
        }
        for w in ["but ", "and ", "then ", "while ", "which ", "so "] {
            if p.text(start, (start + w.len()).min(s.len())).to_lowercase() == w {
                start = super::lines::skip_ws(s, start + w.len());
            }
        }
    }
    out
}

/// Words that make a date the default of the entries that name none.
const DEFAULT_DATE: [&str; 8] = [
    "unless otherwise noted",
    "unless noted otherwise",
    "unless otherwise stated",
    "unless stated otherwise",
    "unless otherwise specified",
    "all events happened on",
    "all events occurred on",
    "all events took place on",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(w: &Walked) -> Vec<(String, String)> {
        w.entries
            .iter()
            .map(|e| (e.written.clone(), e.text.clone()))
            .collect()
    }

    #[test]
    fn lines_and_continuations() {
        let w = walk("Timeline\n\n03:56 UTC: We deploy\nthe change.\n06:17: More\n\n- 07:00 Item\n  - nested\n");
        assert_eq!(
            texts(&w),
            [
                ("03:56 UTC".into(), "We deploy the change.".into()),
                ("06:17".into(), "More".into()),
                ("07:00".into(), "Item; nested".into())
            ]
        );
        assert_eq!(w.entries[1].zone.as_ref().unwrap().stated.label(), "UTC");
    }

    #[test]
    fn status_updates_take_the_text_above() {
        let w = walk("Resolved\nThis incident has been resolved.\nApr 19, 20:45 BST\n\nMonitoring - A fix is out.\n\nApr 19, 19:52 BST\n");
        assert_eq!(
            texts(&w),
            [
                (
                    "20:45 BST".into(),
                    "Resolved - This incident has been resolved.".into()
                ),
                ("19:52 BST".into(), "Monitoring - A fix is out.".into())
            ]
        );
    }

    #[test]
    fn headings_take_the_paragraph_after() {
        let w = walk("### 2019 July 2 13:42 UTC\n\nAn engineer deployed a rule.\nIt was bad.\n\nMore text.\n");
        assert_eq!(
            texts(&w),
            [(
                "13:42 UTC".into(),
                "An engineer deployed a rule. It was bad.".into()
            )]
        );
        assert_eq!(w.entries[0].date.unwrap().year, Some(2019));
    }

    #[test]
    fn prose_sentences() {
        let w = walk("We were down on the morning of February 28th, 2017. At 9:37AM PST, an engineer ran a command. It went badly. By 12:26PM PST, it was back.\n");
        assert_eq!(
            texts(&w),
            [
                ("9:37AM PST".into(), "An engineer ran a command.".into()),
                ("12:26PM PST".into(), "It was back.".into())
            ]
        );
        assert_eq!(w.entries[0].more, "It went badly.");
        assert_eq!(w.first_date.unwrap().day, 28);
    }

    #[test]
    fn plans_are_not_events() {
        let w = walk("At 10:00 UTC the API failed. We will review capacity at 09:00 on Friday.\n");
        assert_eq!(w.entries.len(), 1);
    }

    #[test]
    fn tables() {
        let w = walk("2015-10-21 (*all times UTC*)\n\n| Time | Description |\n|---|---|\n| 14:54 | **OUTAGE BEGINS** -- Search |\n| | more |\n");
        assert_eq!(
            texts(&w),
            [("14:54".into(), "OUTAGE BEGINS -- Search more".into())]
        );
        assert_eq!(w.entries[0].zone.as_ref().unwrap().stated.label(), "UTC");
        assert_eq!(w.entries[0].date.unwrap().day, 21);
    }

    #[test]
    fn bad_times_warn_with_their_place() {
        let w = walk("Timeline\n\n- 25:99 PM: x\n  13:61 UTC: y\n");
        let places: Vec<(Option<usize>, Option<usize>)> =
            w.warnings.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(places, [(Some(3), Some(3)), (Some(4), Some(3))]);
    }
}
