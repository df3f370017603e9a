//! Reading and checking a timeline document (format v1) into a [`Timeline`].
//!
//! The JSON is read into a `serde_json::Value` first and then walked by hand:
//! that way every problem carries its JSON path and all of them are reported
//! together, instead of serde stopping at the first.

use crate::model::{Event, Instant, Kind, Lane, Link, Severity, Timeline};
use crate::problem::{Problem, Problems};
use crate::timestamp::{clip, parse_time, TimeSpec};
use crate::zone::{format_offset, Resolved, Zone};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Largest document accepted, in bytes of JSON text.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;
/// Most events in one timeline.
pub const MAX_EVENTS: usize = 100_000;
/// Most lanes in one timeline.
pub const MAX_LANES: usize = 1_000;
/// Longest title or label, in characters.
pub const MAX_TITLE_CHARS: usize = 500;
/// Longest description or detail, in characters.
pub const MAX_DETAIL_CHARS: usize = 20_000;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Most links on one event.
pub const MAX_LINKS: usize = 20;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_048;
/// Problems listed before the rest are summarized.
const MAX_PROBLEMS: usize = 100;

/// Reads a timeline from JSON text.
#[cfg(feature = "full")]
pub fn parse(text: &str) -> Result<Timeline, Problems> {
    check_size(text.len())?;
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value =
        serde_json::from_str(text).map_err(|e| Problems::one(syntax_problem(&e, text)))?;
    parse_value(&value)
}

/// The problem for a document over [`MAX_DOCUMENT_BYTES`], if it is.
pub fn check_size(bytes: usize) -> Result<(), Problems> {
    if bytes <= MAX_DOCUMENT_BYTES {
        return Ok(());
    }
    Err(Problems::one(Problem::at(
        "",
        format!(
            "the document is {} bytes; the most this accepts is {} bytes ({} MB)",
            bytes,
            MAX_DOCUMENT_BYTES,
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ),
    )))
}

/// serde_json counts columns in bytes, and 0 at the very start of a line;
/// people (and the format's documentation) count characters from 1.
#[cfg(feature = "full")]
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

#[cfg(feature = "full")]
fn syntax_problem(e: &serde_json::Error, text: &str) -> Problem {
    let full = e.to_string();
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(w, _)| w);
    let message = match e.classify() {
        serde_json::error::Category::Eof => {
            "the JSON ends too early: a string, array or object is not closed".to_string()
        }
        _ => format!("JSON syntax error: {what}"),
    };
    Problem {
        path: String::new(),
        line: Some(e.line()),
        column: Some(char_column(text, e.line(), e.column())),
        message,
    }
}

/// Reads a timeline from an already-parsed JSON value (a JS object, say).
pub fn parse_value(value: &Value) -> Result<Timeline, Problems> {
    let mut c = Checker::default();
    let timeline = c.document(value);
    if c.problems.is_empty() {
        if let Some(t) = timeline {
            return Ok(t);
        }
    }
    if c.dropped > 0 {
        c.problems.push(Problem::at(
            "",
            format!("… and {} more problems", c.dropped),
        ));
    }
    Err(Problems(c.problems))
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    dropped: usize,
}

/// A time as written plus where it was written, before zone resolution.
struct Written<'a> {
    path: String,
    text: &'a str,
    spec: TimeSpec,
}

/// A scalar as the document wrote it (strings quoted), else what kind of value it is.
/// (Not `Value`'s own Display: that would pull serde_json's writer into the wasm.)
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", clip(s)),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (_, Some(f)) => crate::decimal::decimal(f),
            _ => "that number".to_string(),
        },
        Value::Bool(b) => b.to_string(),
        other => describe(other).to_string(),
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`:
/// a swapped pair like "ned" for "end" is one typo, not two.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // d[i][j]: distance between a[..i] and b[..j].
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The choice `word` is most likely a typo of, if any: at most two edits
/// away, and fewer edits than the choice has characters ("x" is not a typo of "id").
fn closest<'a>(word: &str, choices: &[&'a str]) -> Option<&'a str> {
    // Lengths more than two apart are more than two edits apart: this keeps
    // a huge unknown key from costing a huge distance table per choice.
    let n = word.chars().count();
    choices
        .iter()
        .filter(|c| c.chars().count().abs_diff(n) <= 2)
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2 && *d < c.chars().count())
        .min()
        .map(|(_, c)| c)
}

fn one_of(choices: &[&str]) -> String {
    match choices.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => choices.join(""),
    }
}

const KINDS: [&str; 5] = ["outage", "degraded", "maintenance", "activity", "milestone"];
const SEVERITIES: [&str; 4] = ["none", "minor", "major", "critical"];
const DOCUMENT_KEYS: [&str; 7] = [
    "version",
    "$schema",
    "title",
    "description",
    "timezone",
    "lanes",
    "events",
];
const LANE_KEYS: [&str; 2] = ["id", "label"];
const EVENT_KEYS: [&str; 11] = [
    "id", "lane", "kind", "title", "detail", "severity", "impact", "start", "end", "at", "links",
];
const LINK_KEYS: [&str; 2] = ["url", "label"];

impl Checker {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::at(path, message));
        } else {
            self.dropped += 1;
        }
    }

    fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(m) => Some(m),
            other => {
                self.report(
                    path,
                    format!("{what} must be an object, not {}", describe(other)),
                );
                None
            }
        }
    }

    /// Whether another problem would still be listed (past the cap, only counted).
    fn reporting(&self) -> bool {
        self.problems.len() < MAX_PROBLEMS
    }

    fn known_keys(&mut self, m: &Map<String, Value>, path: &str, allowed: &[&str]) {
        for key in m.keys() {
            if allowed.contains(&key.as_str()) || key.starts_with("x-") {
                continue;
            }
            if !self.reporting() {
                self.dropped += 1;
                continue;
            }
            let hint = match closest(key, allowed) {
                Some(k) => format!("did you mean \"{k}\"?"),
                None => format!(
                    "the fields here are {} (names starting with x- are free for your own use)",
                    one_of(allowed)
                ),
            };
            let key = clip(key);
            self.report(join(path, &key), format!("unknown field \"{key}\"; {hint}"));
        }
    }

    fn text<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
        max_chars: usize,
    ) -> Option<&'v str> {
        // The path is only written out when there is a problem to report.
        let p = || join(path, key);
        match m.get(key) {
            None if required => {
                self.report(p(), format!("\"{key}\" is missing"));
                None
            }
            None => None,
            Some(Value::String(s)) if s.trim().is_empty() && max_chars <= MAX_TITLE_CHARS => {
                self.report(p(), format!("\"{key}\" is empty"));
                None
            }
            Some(Value::String(s)) => {
                let n = s.chars().count();
                if n > max_chars {
                    self.report(
                        p(),
                        format!(
                            "\"{key}\" is {n} characters long; the most allowed is {max_chars}"
                        ),
                    );
                    None
                } else {
                    Some(s)
                }
            }
            Some(other) => {
                self.report(
                    p(),
                    format!("\"{key}\" must be a string, not {}", describe(other)),
                );
                None
            }
        }
    }

    fn id<'v>(
        &mut self,
        m: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'v str> {
        let s = self.text(m, path, key, required, MAX_ID_CHARS)?;
        if is_id(s) {
            Some(s)
        } else {
            self.report(
                join(path, key),
                format!("\"{s}\" is not a usable id: use letters, digits, and . _ : - (starting with a letter or digit)"),
            );
            None
        }
    }

    fn array<'v>(&mut self, v: &'v Value, path: &str, max: usize) -> Option<&'v [Value]> {
        match v {
            Value::Array(items) if items.len() > max => {
                self.report(
                    path,
                    format!("has {} items; the most allowed is {max}", items.len()),
                );
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.report(path, format!("must be an array, not {}", describe(other)));
                None
            }
        }
    }

    fn document(&mut self, v: &Value) -> Option<Timeline> {
        let Value::Object(m) = v else {
            self.report(
                "",
                format!(
                    "a timeline is a JSON object with \"version\" and \"events\", not {}",
                    describe(v)
                ),
            );
            return None;
        };
        self.known_keys(m, "", &DOCUMENT_KEYS);
        match m.get("version") {
            None => self.report("version", "\"version\" is missing; add \"version\": 1"),
            // 1.0 is the same JSON number as 1 (and valid under the schema's "integer").
            Some(Value::Number(n)) if n.as_f64() == Some(1.0) => {}
            Some(other) => self.report(
                "version",
                format!(
                    "version {} is not supported; this reads format version 1",
                    shown(other)
                ),
            ),
        }
        let title = self
            .text(m, "", "title", false, MAX_TITLE_CHARS)
            .map(str::to_string);
        let description = self
            .text(m, "", "description", false, MAX_DETAIL_CHARS)
            .map(str::to_string);
        let zone = match self.text(m, "", "timezone", false, 100) {
            Some(name) => match Zone::named(name) {
                Ok(z) => Some(z),
                Err(msg) => {
                    self.report("timezone", msg);
                    None
                }
            },
            None => None,
        };
        let zone_failed = m.contains_key("timezone") && zone.is_none();

        let declared = m.get("lanes").and_then(|v| self.lanes(v));
        let lanes_given = m.contains_key("lanes");
        let mut lanes = declared.unwrap_or_default();
        let mut lane_index: HashMap<String, usize> = lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();

        let Some(events_value) = m.get("events") else {
            self.report(
                "events",
                "\"events\" is missing; add \"events\": [] with the timeline's events",
            );
            return None;
        };
        let items = self.array(events_value, "events", MAX_EVENTS)?;
        let mut events = Vec::with_capacity(items.len());
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("events[{i}]");
            let Some(em) = self.object(item, &path, "an event") else {
                continue;
            };
            if let Some(id) = em.get("id").and_then(Value::as_str) {
                if let Some(first) = ids.get(id) {
                    self.report(
                        join(&path, "id"),
                        format!("duplicate id \"{id}\": events[{first}] already uses it"),
                    );
                } else {
                    ids.insert(id, i);
                }
            }
            let lane = self.event_lane(em, &path, lanes_given, &mut lanes, &mut lane_index);
            if let Some(e) = self.event(em, &path, zone.as_ref(), zone_failed, lane) {
                events.push(e);
            }
        }
        if lanes.len() > MAX_LANES {
            self.report(
                "lanes",
                format!(
                    "the events use {} lanes; the most allowed is {MAX_LANES}",
                    lanes.len()
                ),
            );
        }
        Some(Timeline {
            title,
            description,
            zone,
            lanes,
            events,
        })
    }

    fn lanes(&mut self, v: &Value) -> Option<Vec<Lane>> {
        let items = self.array(v, "lanes", MAX_LANES)?;
        let mut lanes: Vec<Lane> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("lanes[{i}]");
            let Some(m) = self.object(item, &path, "a lane") else {
                continue;
            };
            self.known_keys(m, &path, &LANE_KEYS);
            let id = self.id(m, &path, "id", true);
            // Checked before the label, so problems come in document order.
            let duplicate = id.and_then(|id| lanes.iter().position(|l| l.id == id));
            if let (Some(id), Some(first)) = (id, duplicate) {
                self.report(
                    join(&path, "id"),
                    format!("duplicate lane id \"{id}\": lanes[{first}] already uses it"),
                );
            }
            let label = self.text(m, &path, "label", false, MAX_TITLE_CHARS);
            let Some(id) = id.filter(|_| duplicate.is_none()) else {
                continue;
            };
            lanes.push(Lane {
                id: id.to_string(),
                label: label.unwrap_or(id).to_string(),
            });
        }
        Some(lanes)
    }

    fn event_lane(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        lanes_given: bool,
        lanes: &mut Vec<Lane>,
        index: &mut HashMap<String, usize>,
    ) -> Option<usize> {
        const IMPLICIT: &str = "events";
        let id = if lanes_given {
            self.text(m, path, "lane", false, MAX_ID_CHARS)
        } else {
            self.id(m, path, "lane", false)
        };
        if let Some(&i) = id.and_then(|id| index.get(id)) {
            return Some(i);
        }
        if lanes_given {
            match id {
                Some(_) if !self.reporting() => self.dropped += 1,
                Some(id) => {
                    let known: Vec<&str> = lanes.iter().map(|l| l.id.as_str()).collect();
                    let hint = match closest(id, &known) {
                        Some(k) => format!("did you mean \"{k}\"?"),
                        None if known.is_empty() => "\"lanes\" declares none".to_string(),
                        None if known.len() > 12 => {
                            format!("\"lanes\" declares {} others", known.len())
                        }
                        None => format!("the lanes are {}", one_of(&known)),
                    };
                    self.report(join(path, "lane"), format!("unknown lane \"{id}\"; {hint}"));
                }
                None if !m.contains_key("lane") => self.report(
                    join(path, "lane"),
                    "\"lane\" is missing; this document declares \"lanes\", so every event names one",
                ),
                None => {}
            }
            return None;
        }
        if id.is_none() && m.contains_key("lane") {
            return None;
        }
        let (id, label) = match id {
            Some(id) => (id, id),
            None => (IMPLICIT, "Events"),
        };
        if let Some(&i) = index.get(id) {
            return Some(i);
        }
        lanes.push(Lane {
            id: id.to_string(),
            label: label.to_string(),
        });
        index.insert(id.to_string(), lanes.len() - 1);
        Some(lanes.len() - 1)
    }

    fn event(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        zone: Option<&Zone>,
        zone_failed: bool,
        lane: Option<usize>,
    ) -> Option<Event> {
        self.known_keys(m, path, &EVENT_KEYS);
        let id = m.get("id").and_then(|_| self.id(m, path, "id", false));
        let kind = match m.get("kind") {
            None => {
                self.report(
                    join(path, "kind"),
                    format!("\"kind\" is missing; use one of {}", one_of(&KINDS)),
                );
                None
            }
            Some(Value::String(s)) => match Kind::from_name(s) {
                Some(k) => Some(k),
                None => {
                    let hint = match closest(s, &KINDS) {
                        Some(k) => format!("did you mean \"{k}\"?"),
                        None => format!("use one of {}", one_of(&KINDS)),
                    };
                    let s = clip(s);
                    self.report(join(path, "kind"), format!("unknown kind \"{s}\"; {hint}"));
                    None
                }
            },
            Some(other) => {
                self.report(
                    join(path, "kind"),
                    format!("\"kind\" must be a string, not {}", describe(other)),
                );
                None
            }
        };
        let title = self.text(m, path, "title", true, MAX_TITLE_CHARS);
        let detail = self.text(m, path, "detail", false, MAX_DETAIL_CHARS);
        let severity = match m.get("severity") {
            None => kind.map(Kind::default_severity),
            Some(Value::String(s)) if Severity::from_name(s).is_some() => Severity::from_name(s),
            Some(other) => {
                self.report(
                    join(path, "severity"),
                    format!(
                        "severity {} is not one of {}",
                        shown(other),
                        one_of(&SEVERITIES)
                    ),
                );
                None
            }
        };
        let impact = self.impact(m, path, kind);
        // Times before links: the order of the fields in the format's documentation.
        let (start, end) = self.times(m, path, kind, zone, zone_failed);
        let links = self.links(m, path);

        Some(Event {
            id: id.map(str::to_string),
            lane: lane?,
            kind: kind?,
            start: start?,
            end: end?,
            title: title?.to_string(),
            detail: detail.map(str::to_string),
            severity: severity?,
            impact: impact?,
            links: links?,
        })
    }

    fn impact(&mut self, m: &Map<String, Value>, path: &str, kind: Option<Kind>) -> Option<f64> {
        let p = join(path, "impact");
        match (kind, m.get("impact")) {
            (Some(Kind::Degraded), None) => {
                self.report(&p, "\"impact\" is missing: a degraded event says what share was affected, from 0 to 1 (0.3 for 30 %)");
                None
            }
            (Some(Kind::Degraded), Some(Value::Number(n))) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if (0.0..=1.0).contains(&x) {
                    Some(x)
                } else {
                    self.report(
                        &p,
                        format!(
                            "impact {} is outside 0–1; write a share, like 0.3 for 30 %",
                            crate::decimal::decimal(x)
                        ),
                    );
                    None
                }
            }
            (Some(Kind::Degraded), Some(other)) => {
                self.report(
                    &p,
                    format!(
                        "\"impact\" must be a number from 0 to 1, not {}",
                        describe(other)
                    ),
                );
                None
            }
            (Some(k), Some(_)) => {
                self.report(
                    &p,
                    format!("\"impact\" applies only to degraded events; remove it from this {} (an outage always counts as impact 1)", k.as_str()),
                );
                None
            }
            (Some(Kind::Outage), None) => Some(1.0),
            (_, _) => Some(0.0),
        }
    }

    fn links(&mut self, m: &Map<String, Value>, path: &str) -> Option<Vec<Link>> {
        let Some(v) = m.get("links") else {
            return Some(Vec::new());
        };
        let lp = join(path, "links");
        let items = self.array(v, &lp, MAX_LINKS)?;
        let mut links = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let p = format!("{lp}[{i}]");
            let Some(lm) = self.object(item, &p, "a link") else {
                ok = false;
                continue;
            };
            self.known_keys(lm, &p, &LINK_KEYS);
            let label = self.text(lm, &p, "label", false, MAX_TITLE_CHARS);
            let Some(url) = self.text(lm, &p, "url", true, MAX_URL_CHARS) else {
                ok = false;
                continue;
            };
            if let Err(why) = check_url(url) {
                self.report(join(&p, "url"), why);
                ok = false;
                continue;
            }
            links.push(Link {
                url: url.to_string(),
                label: label.map(str::to_string),
            });
        }
        ok.then_some(links)
    }

    /// `(start, end)` where `end` is `Some(None)` for milestones and ongoing ranges.
    #[allow(clippy::type_complexity)]
    fn times(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        kind: Option<Kind>,
        zone: Option<&Zone>,
        zone_failed: bool,
    ) -> (Option<Instant>, Option<Option<Instant>>) {
        let mut read = |key: &str| -> Option<Written<'_>> {
            let p = join(path, key);
            match m.get(key)? {
                Value::Null if key == "end" => None,
                Value::String(s) => match parse_time(s) {
                    Ok(spec) => Some(Written {
                        path: p,
                        text: s,
                        spec,
                    }),
                    Err(msg) => {
                        self.report(p, msg);
                        None
                    }
                },
                other => {
                    self.report(p, format!("\"{key}\" must be a time string like \"2022-12-07T08:24:00-08:00\", not {}", describe(other)));
                    None
                }
            }
        };
        let (start, end, at) = (read("start"), read("end"), read("at"));
        let point = kind == Some(Kind::Milestone);
        if point {
            for key in ["start", "end"] {
                if m.contains_key(key) {
                    self.report(join(path, key), format!("a milestone is a point in time: it has \"at\", not \"{key}\"; use another kind for a range"));
                }
            }
            if !m.contains_key("at") {
                self.report(
                    join(path, "at"),
                    "\"at\" is missing: a milestone needs the time it happened",
                );
            }
        } else if let Some(k) = kind {
            if m.contains_key("at") {
                self.report(
                    join(path, "at"),
                    format!(
                        "\"at\" is for milestones; {} has \"start\" and, once it is over, \"end\"",
                        with_article(k)
                    ),
                );
            }
            if !m.contains_key("start") {
                self.report(
                    join(path, "start"),
                    format!(
                        "\"start\" is missing: {} needs the time it began",
                        with_article(k)
                    ),
                );
            }
        }
        let mut resolve = |w: Option<Written<'_>>| -> Option<Instant> {
            let w = w?;
            match w.spec {
                TimeSpec::Absolute(t) => Some(t),
                TimeSpec::WallClock(local) => {
                    let Some(z) = zone else {
                        if !zone_failed {
                            self.report(w.path, format!("\"{}\" has no UTC offset and the document has no \"timezone\"; add an offset (like -08:00 or Z) or set \"timezone\"", w.text));
                        }
                        return None;
                    };
                    match z.resolve(local) {
                        Resolved::Unique(t) | Resolved::Ambiguous(t, _) => Some(t),
                        Resolved::Gap { before, after } => {
                            self.report(w.path, format!(
                                "\"{}\" does not exist in {}: clocks jumped forward from {} to {} that night; give an offset or a time outside the gap",
                                w.text, z.name(), format_offset(before), format_offset(after)
                            ));
                            None
                        }
                    }
                }
            }
        };
        if point {
            let at = resolve(at);
            return (at, at.map(|_| None));
        }
        let start_path = start.as_ref().map(|w| w.path.clone());
        let end_path = end.as_ref().map(|w| w.path.clone());
        let has_end = end.is_some() || m.get("end").is_some_and(|v| !v.is_null());
        let (s, e) = (resolve(start), resolve(end));
        let end_ok = match (s, e, has_end) {
            (_, None, false) => Some(None),
            (Some(s), Some(e), _) if e < s => {
                let shown = zone.cloned().unwrap_or_else(Zone::utc);
                let (fs, fe) = (shown.local(s), shown.local(e));
                let same_day = fs.date() == fe.date();
                self.report(
                    end_path.unwrap_or_else(|| start_path.unwrap_or_default()),
                    format!(
                        "end {} is before start {}",
                        wall(fe, same_day),
                        wall(fs, same_day)
                    ),
                );
                None
            }
            (_, Some(e), _) => Some(Some(e)),
            (_, None, true) => None,
        };
        (s, end_ok)
    }
}

/// "08:24", or "2022-12-07 08:24" when the date matters.
fn wall(l: chrono::NaiveDateTime, time_only: bool) -> String {
    use chrono::{Datelike, Timelike};
    let time = format!("{:02}:{:02}", l.hour(), l.minute());
    if time_only {
        time
    } else {
        format!("{:04}-{:02}-{:02} {time}", l.year(), l.month(), l.day())
    }
}

fn with_article(k: Kind) -> String {
    let article = if matches!(k, Kind::Outage | Kind::Activity) {
        "an"
    } else {
        "a"
    };
    format!("{article} {}", k.as_str())
}

fn check_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let scheme = lower.split(':').next().unwrap_or("");
    match rest {
        None if lower.contains(':') => Err(format!(
            "only http and https links are allowed, not \"{}:\"",
            clip(scheme)
        )),
        None => Err(format!(
            "\"{}\" is not an absolute link; write the whole address, starting with https://",
            clip(url)
        )),
        Some(r) if r.is_empty() || r.starts_with('/') => {
            Err("the link has no host name after https://".into())
        }
        Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Err("a link cannot contain spaces or control characters; encode them (%20)".into())
        }
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_typos() {
        assert_eq!(closest("ned", &EVENT_KEYS), Some("end"));
        assert_eq!(closest("outtage", &KINDS), Some("outage"));
        assert_eq!(closest("zzzzzz", &KINDS), None);
        assert_eq!(closest("wbe", &["db", "web"]), Some("web"));
        assert_eq!(closest("x", &["id", "at"]), None);
        assert_eq!(edit_distance("ned", "end"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn ids() {
        assert!(is_id("outage-1") && is_id("a.b:c_d") && is_id("9"));
        assert!(!is_id("") && !is_id("-x") && !is_id("a b") && !is_id("<script>"));
    }

    #[test]
    fn urls() {
        assert!(check_url("https://status.example.com/incidents/1").is_ok());
        assert!(check_url("HTTP://example.com").is_ok());
        assert!(check_url("javascript:alert(1)")
            .unwrap_err()
            .contains("\"javascript:\""));
        assert!(check_url("data:text/html,hi").is_err());
        assert!(check_url("/relative").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://a b").is_err());
    }
}
