//! Entries with their instants into the timeline's events and lanes.
//!
//! * Phase markers pair up ([`super::kinds::marker`]): an `OUTAGE BEGINS`
//!   with the first `OUTAGE ENDS` after it (else the first `OUTAGE
//!   MITIGATED` after it) makes one outage; `IMPACT …` a degraded event;
//!   `INCIDENT …` an activity (the incident as the team worked it). A
//!   marker left without its other end is a milestone, with a warning
//!   (`MITIGATED` alone is a milestone without one).
//! * Other ranges take their kind from their words
//!   ([`super::kinds::range_kind`]); single times are milestones.
//! * Title: the entry's text, without the separator after its time, cut
//!   to 500 characters at a word (with "…"); the time as written when it
//!   has no text. Detail: the whole text (up to 20,000 characters), when the
//!   title was cut or the text is over 120 characters or more text follows
//!   it; then " (approximate time)" (or start time, end time, times) when a
//!   time was marked approximate.
//! * Lanes: outages and degraded events in "Impact", maintenance in
//!   "Maintenance", activities in "Response", milestones in "Timeline"; only
//!   lanes that have events, in that order.
//! * Events are sorted by start (entries at the same instant keep the
//!   text's order) and numbered `t1`, `t2`, ….

use super::about::{introduced, role, shipped, signal, Role, Signal};
use super::impact::{windows, Point, Since};
use super::kinds::{marker, range_kind, share, Marker, Phase, Subject};
use super::timing::Resolution;
use super::walk::{Entry, Walked};
use super::warning;
use crate::model::{Event, Kind, Lane, Timeline};
use crate::parse::{MAX_DETAIL_CHARS, MAX_TITLE_CHARS};
use crate::problem::Problem;
use crate::time::{Instant, Zone};
use std::collections::{HashMap, HashSet, VecDeque};

/// Text longer than this goes to the detail too.
const LONG: usize = 120;

/// Longest title the reader writes (in characters): a chart label, the
/// whole text being in the detail.
const SHORT: usize = 72;

struct Draft {
    start: Instant,
    end: Option<Instant>,
    kind: Kind,
    impact: Option<f64>,
    title: String,
    detail: Option<String>,
    /// What its words say, and about whom (milestones).
    signal: Signal,
    role: Role,
    inferred: bool,
}

impl Draft {
    fn plain(start: Instant, end: Option<Instant>, kind: Kind, impact: Option<f64>) -> Draft {
        Draft {
            start,
            end,
            kind,
            impact,
            title: String::new(),
            detail: None,
            signal: Signal::None,
            role: Role::Other,
            inferred: false,
        }
    }
}

/// Without the separators and emphasis left at its ends.
fn tidy(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '|' | ',' | '.' | '*' | '_' | '>')
    })
    .trim_end()
}

/// `text` cut to `max` characters at a word, with "…".
fn cut(text: &str, max: usize) -> (String, bool) {
    if text.chars().count() <= max {
        return (text.to_string(), false);
    }
    let head: String = text.chars().take(max - 1).collect();
    let at = head
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .next_back()
        .filter(|i| head[..*i].chars().count() > max / 2)
        .unwrap_or(head.len());
    (format!("{}…", head[..at].trim_end()), true)
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "approx", "etc", "vs", "incl", "a.m", "p.m"];

/// The end (byte index) of `text`'s first sentence, if another follows it:
/// ". ", "! " or "? " before a capital letter or a digit, not after an
/// abbreviation or a single letter ("U.S.").
fn first_sentence_end(text: &str) -> Option<usize> {
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = text.get(i + c.len_utf8()..).unwrap_or_default();
        let next = rest.trim_start().chars().next();
        if !rest.starts_with(char::is_whitespace)
            || !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
        {
            continue;
        }
        let word = text
            .get(..i)
            .unwrap_or_default()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if c == '.' && (word.chars().count() <= 1 || ABBREVIATIONS.contains(&word.as_str())) {
            continue;
        }
        return Some(i + c.len_utf8());
    }
    None
}

/// A chart title for `text`: its first sentence, and when that is longer than
/// [`SHORT`], its opening clause (cut at ", ", "; ", " – " or " — " after at
/// least a third of it) or its first words with "…".
fn short_title(text: &str) -> String {
    let sentence = first_sentence_end(text)
        .and_then(|end| text.get(..end))
        .unwrap_or(text)
        .trim_end_matches('.')
        .trim_end();
    if sentence.chars().count() <= SHORT {
        return sentence.to_string();
    }
    let head: String = sentence.chars().take(SHORT).collect();
    // "To prevent it, we …", "As sites moved, some …": the opening clause
    // leans on what follows, so it is no title.
    let leaning = [
        "To ", "As ", "When ", "After ", "Before ", "If ", "Since ", "While ",
    ]
    .iter()
    .any(|w| sentence.starts_with(w));
    let clause = [", ", "; ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| head.rfind(sep))
        .filter(|&at| at >= SHORT / 3 && !leaning)
        .max();
    match clause {
        Some(at) => head.get(..at).unwrap_or_default().to_string(),
        None => cut(sentence, SHORT).0,
    }
}

/// Title and detail for a text, its further text, and the approximate note.
fn words(text: &str, more: &str, written: &str, note: &str) -> (String, Option<String>) {
    let text = tidy(text);
    let more = more.trim();
    if text.is_empty() && more.is_empty() {
        let detail = (!note.is_empty()).then(|| format!("{written}{note}"));
        return (cut(written, MAX_TITLE_CHARS).0, detail);
    }
    let title = short_title(if text.is_empty() { more } else { text });
    let was_cut = title != text.trim_end_matches('.').trim_end();
    let long = was_cut || text.chars().count() > LONG || (!more.is_empty() && !text.is_empty());
    let mut detail = long.then(|| {
        let mut d = text.to_string();
        if !more.is_empty() && !text.is_empty() {
            d.push_str("\n\n");
            d.push_str(more);
        } else if text.is_empty() {
            d.push_str(more);
        }
        cut(&d, MAX_DETAIL_CHARS - note.chars().count()).0
    });
    if !note.is_empty() {
        let base = detail
            .take()
            .unwrap_or_else(|| cut(text, MAX_DETAIL_CHARS - note.chars().count()).0);
        detail = Some(format!("{base}{note}"));
    }
    (title, detail)
}

fn note(start: bool, end: bool, range: bool) -> &'static str {
    match (start, end, range) {
        (true, true, true) => " (approximate times)",
        (true, false, true) => " (approximate start time)",
        (false, true, true) => " (approximate end time)",
        (true, _, false) => " (approximate time)",
        _ => "",
    }
}

fn impact_of(kind: Kind, share: Option<f64>) -> Option<f64> {
    match kind.spec().impact {
        crate::model::Impact::Whole => Some(1.0),
        crate::model::Impact::Share => share,
        crate::model::Impact::None => Some(0.0),
    }
}

/// The timeline of the entries.
pub(super) fn build(
    w: &Walked,
    r: &Resolution,
    o: &Build,
    warnings: &mut Vec<Problem>,
) -> Timeline {
    let entry = |k: usize| -> &Entry { &w.entries[r.timed[k].entry] };
    // Phase markers, in time order.
    let mut markers: Vec<(usize, Marker)> = r
        .timed
        .iter()
        .enumerate()
        .filter(|(k, t)| t.end.is_none() && matches!(entry(*k).when, super::clock::When::At(_)))
        .filter_map(|(k, _)| marker(tidy(&entry(k).text)).map(|m| (k, m)))
        .collect();
    markers.sort_by_key(|(k, _)| (r.timed[*k].start, *k));
    // Each BEGINS with the first ENDS after it that no earlier BEGINS took;
    // failing that, a MITIGATED after it. One pass, a queue per subject.
    let mut used = vec![false; markers.len()];
    let mut pairs: HashMap<usize, usize> = HashMap::new();
    let mut open: [VecDeque<usize>; 3] = Default::default();
    let mut tentative: HashMap<usize, usize> = HashMap::new();
    let slot = |s: Subject| match s {
        Subject::Outage => 0,
        Subject::Incident => 1,
        Subject::Impact => 2,
    };
    for (b, (_, m)) in markers.iter().enumerate() {
        let q = &mut open[slot(m.subject)];
        match m.phase {
            Phase::Begins => q.push_back(b),
            Phase::Ends => {
                if let Some(a) = q.pop_front() {
                    used[a] = true;
                    used[b] = true;
                    pairs.insert(markers[a].0, markers[b].0);
                    // Its MITIGATED goes to the next BEGINS, if that came before it.
                    if let Some(mit) = tentative.remove(&a) {
                        if let Some(&next) = q.front().filter(|&&n| n < mit) {
                            tentative.entry(next).or_insert(mit);
                        }
                    }
                }
            }
            Phase::Mitigated => {
                if let Some(&a) = q.front() {
                    tentative.entry(a).or_insert(b);
                }
            }
        }
    }
    for q in &open {
        for a in q {
            if let Some(&mit) = tentative.get(a) {
                if !used[mit] {
                    used[*a] = true;
                    used[mit] = true;
                    pairs.insert(markers[*a].0, markers[mit].0);
                }
            }
        }
    }
    for (k, (idx, m)) in markers.iter().enumerate() {
        if used[k] || m.phase == Phase::Mitigated {
            continue;
        }
        let (word, other, side) = match m.phase {
            Phase::Begins => (m.subject.word(), "ENDS (or MITIGATED)", "after"),
            _ => (m.subject.word(), "BEGINS", "before"),
        };
        let e = entry(*idx);
        warnings.push(warning(
            e.pos,
            format!(
                "{word} {} has no {word} {other} {side} it; kept as a milestone",
                phase_word(m.phase)
            ),
        ));
    }
    let in_pair: HashSet<usize> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let mut drafts: Vec<(Draft, usize)> = Vec::with_capacity(r.timed.len());
    for (k, t) in r.timed.iter().enumerate() {
        if in_pair.contains(&k) {
            if let Some(&b) = pairs.get(&k) {
                drafts.push((pair(entry(k), entry(b), t.start, r.timed[b].start), k));
            }
            continue;
        }
        let e = entry(k);
        let (kind, impact, approx) = match &e.when {
            super::clock::When::At(c) => (Kind::MILESTONE, Some(0.0), note(c.approx, false, false)),
            super::clock::When::Range(a, b) => {
                let (kind, share) = range_kind(&e.text);
                // A range whose words say users were hurt ("this affected all
                // API requests, starting at 1:25 am until …") is impact.
                let (kind, share) = match (kind, super::about::hurt(&e.text)) {
                    (k, Some(degraded)) if k == Kind::ACTIVITY => (
                        if degraded {
                            Kind::DEGRADED
                        } else {
                            Kind::OUTAGE
                        },
                        share,
                    ),
                    _ => (kind, share),
                };
                (kind, impact_of(kind, share), note(a.approx, b.approx, true))
            }
        };
        let (title, detail) = words(&e.text, &e.more, &e.written, approx);
        let said = if tidy(&e.text).is_empty() {
            e.more.as_str()
        } else {
            tidy(&e.text)
        };
        let (sig, who) = if kind == Kind::MILESTONE {
            let s = signal(said);
            (s, role(said, s))
        } else {
            (Signal::None, Role::Other)
        };
        drafts.push((
            Draft {
                title,
                detail,
                signal: sig,
                role: who,
                ..Draft::plain(t.start, t.end, kind, impact)
            },
            k,
        ));
    }
    drafts.sort_by_key(|(d, k)| (d.start, *k));
    if o.infer {
        infer(&mut drafts);
    }
    let lanes = lanes(&drafts, &o.locale);
    let events: Vec<Event> = drafts
        .into_iter()
        .zip(lanes.of)
        .enumerate()
        .map(|(n, ((d, _), lane))| Event {
            id: Some(format!("t{}", n + 1)),
            lane,
            kind: d.kind,
            start: d.start,
            end: d.end,
            title: d.title,
            detail: d.detail,
            severity: d.kind.default_severity(),
            impact: d.impact,
            links: Vec::new(),
            inferred: d.inferred,
        })
        .collect();
    let lanes = lanes.lanes;
    let title = w
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| cut(t, MAX_TITLE_CHARS).0);
    Timeline {
        title,
        description: None,
        zone: Some(Zone::named(&r.zone).unwrap_or_else(|_| Zone::utc())),
        lanes,
        events,
    }
}

/// The lanes, in their order, and each draft's lane.
struct Lanes {
    lanes: Vec<Lane>,
    of: Vec<usize>,
}

/// Lanes by what the entries are about: impact (outages, degraded time and
/// what users saw), maintenance, response (what the team did, activities),
/// communication (what users were told), and the rest. A lane of
/// milestones only is made when it gets at least two; else they go with the
/// rest, which is called "Timeline" when it is the only lane, else "Other".
fn lanes(drafts: &[(Draft, usize)], locale: &crate::words::Locale) -> Lanes {
    const ORDER: [&str; 5] = [
        "impact",
        "maintenance",
        "response",
        "communication",
        "other",
    ];
    let lane_of = |d: &Draft| -> usize {
        if d.kind == Kind::OUTAGE || d.kind == Kind::DEGRADED {
            0
        } else if d.kind == Kind::MAINTENANCE {
            1
        } else if d.kind == Kind::ACTIVITY {
            2
        } else {
            match d.role {
                Role::Impact => 0,
                Role::Response => 2,
                Role::Communication => 3,
                Role::Other => 4,
            }
        }
    };
    let mut of: Vec<usize> = drafts.iter().map(|(d, _)| lane_of(d)).collect();
    for lane in [0, 2, 3] {
        let members: Vec<usize> = (0..of.len()).filter(|&i| of[i] == lane).collect();
        let ranges = members.iter().any(|&i| drafts[i].0.kind != Kind::MILESTONE);
        if !ranges && members.len() < 2 {
            for i in members {
                of[i] = 4;
            }
        }
    }
    let used: Vec<usize> = (0..ORDER.len()).filter(|l| of.contains(l)).collect();
    let lanes = used
        .iter()
        .map(|&l| {
            let id = if l == 4 && used.len() == 1 {
                "timeline"
            } else {
                ORDER[l]
            };
            Lane {
                id: id.to_string(),
                label: locale
                    .word(&crate::strings::cat(&["lane.", id]))
                    .to_string(),
            }
        })
        .collect();
    let of = of
        .iter()
        .map(|l| used.iter().position(|u| u == l).unwrap_or(0))
        .collect();
    Lanes { lanes, of }
}

fn phase_word(p: Phase) -> &'static str {
    match p {
        Phase::Begins => "BEGINS",
        Phase::Ends => "ENDS",
        Phase::Mitigated => "MITIGATED",
    }
}

/// One range from a BEGINS entry and its ENDS (or MITIGATED) entry.
fn pair(b: &Entry, e: &Entry, start: Instant, end: Instant) -> Draft {
    let bt = tidy(&b.text);
    let et = tidy(&e.text);
    let m = marker(bt);
    let subject = m.map_or(Subject::Outage, |m| m.subject);
    let kind = match subject {
        Subject::Outage => Kind::OUTAGE,
        Subject::Impact => Kind::DEGRADED,
        Subject::Incident => Kind::ACTIVITY,
    };
    let rest = m.map_or(bt.to_string(), |m| {
        format!("{}{}", &bt[..m.start], &bt[m.end..])
    });
    let rest = tidy(&rest).to_string();
    let text = if rest.is_empty() {
        let mut t = subject.word().to_lowercase();
        t[..1].make_ascii_uppercase();
        t
    } else {
        rest
    };
    let more = format!("{bt}\n{}: {et}", e.written);
    let approx = note(b.when.first().approx, e.when.first().approx, true);
    let (title, _) = words(&text, "", &b.written, "");
    let (_, detail) = words(&more, "", &b.written, approx);
    let detail = detail.or_else(|| Some(cut(&more, MAX_DETAIL_CHARS).0));
    Draft {
        title,
        detail,
        ..Draft::plain(
            start,
            Some(end.max(start)),
            kind,
            impact_of(kind, share(bt).or_else(|| share(et))),
        )
    }
}

/// How the events are built: inference on or off, and the lanes' words.
pub(super) struct Build {
    /// Impact windows inferred from instants ([`super::impact`]).
    pub infer: bool,
    /// The reader's words for the lanes.
    pub locale: crate::words::Locale,
}

/// `“text”`, for a detail that quotes an entry.
fn quoted(title: &str) -> String {
    format!("\u{201c}{title}\u{201d}")
}

/// Impact windows inferred from the milestones ([`super::impact`]), added
/// as ranges marked `inferred`. An entry about impact alone that bounds a
/// window is the window's edge: it is not kept as a milestone too (its
/// words go to the window's detail); other entries stay.
fn infer(drafts: &mut Vec<(Draft, usize)>) {
    let stated: Vec<(Instant, Instant)> = drafts
        .iter()
        .filter(|(d, _)| d.kind == Kind::OUTAGE || d.kind == Kind::DEGRADED)
        .map(|(d, _)| (d.start, d.end.unwrap_or(Instant::MAX)))
        .collect();
    let milestones: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].0.kind == Kind::MILESTONE)
        .collect();
    let points: Vec<Point> = milestones
        .iter()
        .map(|&i| {
            let d = &drafts[i].0;
            let said = d.detail.as_deref().unwrap_or(&d.title);
            Point {
                at: d.start,
                signal: d.signal,
                since: if d.role == Role::Communication {
                    Since::Noticed
                } else if introduced(said) {
                    Since::Change
                } else {
                    Since::Here
                },
                change: shipped(said),
            }
        })
        .collect();
    let found = windows(&points, &stated);
    if found.is_empty() {
        return;
    }
    let mut absorbed = vec![false; drafts.len()];
    let mut added = Vec::new();
    for w in &found {
        let (a, b) = (milestones[w.from], milestones[w.to]);
        let (from, to) = (&drafts[a].0, &drafts[b].0);
        let kind = if w.degraded {
            Kind::DEGRADED
        } else {
            Kind::OUTAGE
        };
        let said = |d: &Draft| d.detail.clone().unwrap_or_else(|| d.title.clone());
        let share = share(&said(from)).filter(|_| w.degraded);
        let title = if from.role == Role::Impact && matches!(from.signal, Signal::Began { .. }) {
            from.title.clone()
        } else {
            kind.spec().label.to_string()
        };
        let mut detail = format!(
            "Inferred from {} to {}.",
            quoted(&from.title),
            quoted(&to.title)
        );
        for (i, d) in [(a, from), (b, to)] {
            if d.role == Role::Impact {
                absorbed[i] = true;
                detail.push_str("\n\n");
                detail.push_str(&said(d));
            }
        }
        added.push((
            Draft {
                title: cut(&title, SHORT).0,
                detail: Some(cut(&detail, MAX_DETAIL_CHARS).0),
                inferred: true,
                ..Draft::plain(from.start, Some(to.start), kind, impact_of(kind, share))
            },
            drafts[a].1,
        ));
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
    drafts.extend(added);
    drafts.sort_by_key(|(d, k)| (d.start, *k));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline(text: &str) -> Timeline {
        let o = crate::postmortem::TextOptions {
            date: chrono::NaiveDate::from_ymd_opt(2022, 1, 1),
            time_zone: None,
            ..Default::default()
        };
        crate::postmortem::read_text(text, &o).unwrap().timeline
    }

    fn spans(t: &Timeline) -> Vec<(String, String)> {
        let z = t.zone.clone().unwrap();
        let f = |ms| z.local(ms).format("%H:%M").to_string();
        t.events
            .iter()
            .map(|e| {
                (
                    e.kind.as_str().to_string(),
                    format!(
                        "{}{}",
                        f(e.start),
                        e.end.map(|x| format!("-{}", f(x))).unwrap_or_default()
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn phase_markers_pair_up() {
        let s = |text: &str| spans(&timeline(text));
        let k = |a: &str, b: &str| (a.to_string(), b.to_string());
        // ENDS before MITIGATED; a MITIGATED alone is a milestone.
        assert_eq!(
            s("UTC\n10:00 OUTAGE BEGINS\n10:30 OUTAGE MITIGATED\n11:00 OUTAGE ENDS\n"),
            [k("outage", "10:00-11:00"), k("milestone", "10:30")]
        );
        // Without ENDS, MITIGATED ends it.
        assert_eq!(
            s("UTC\n10:00 IMPACT START\n10:30 IMPACT MITIGATED\n"),
            [k("degraded", "10:00-10:30")]
        );
        // Two at once, in order; one more ENDS than BEGINS: a milestone.
        assert_eq!(
            s("UTC\n10:00 OUTAGE BEGINS\n10:05 OUTAGE BEGINS\n10:10 OUTAGE ENDS\n10:20 OUTAGE ENDS\n10:30 OUTAGE ENDS\n"),
            [k("outage", "10:00-10:10"), k("outage", "10:05-10:20"), k("milestone", "10:30")]
        );
        // A MITIGATED passed on to the next BEGINS when the first one ENDS.
        assert_eq!(
            s("UTC\n10:00 OUTAGE BEGINS\n10:05 OUTAGE BEGINS\n10:10 OUTAGE MITIGATED\n10:20 OUTAGE ENDS\n"),
            [k("outage", "10:00-10:20"), k("outage", "10:05-10:10")]
        );
    }

    #[test]
    fn windows_from_what_entries_say() {
        let s = |text: &str| spans(&timeline(text));
        let k = |a: &str, b: &str| (a.to_string(), b.to_string());
        // One sentence, two stages, each time with its own clause.
        assert_eq!(
            s(
                "We had an outage that started with degraded performance in some regions around \
               11:00 UTC and transitioned to a full outage by 17:00 UTC. It was resolved at \
               23:01 UTC.\n"
            ),
            [k("degraded", "11:00-17:00"), k("outage", "17:00-23:01")]
        );
        // Part of the service unaffected: degraded; restrictions lifted: over.
        assert_eq!(
            s(
                "UTC\n09:15 Status updates were affected, but order placement was unaffected\n\
               10:00 We investigate\n\
               12:09 All restrictions on order placement are removed\n"
            ),
            [
                k("degraded", "09:15-12:09"),
                k("milestone", "10:00"),
                k("milestone", "12:09")
            ]
        );
        // Users told of an outage: it had begun by the incident's declaration.
        assert_eq!(
            s(
                "UTC\n17:00 Incident declared\n17:15 We tell the community of an active outage\n\
               18:11 Incident resolved\n"
            ),
            [
                k("milestone", "17:00"),
                k("outage", "17:00-18:11"),
                k("milestone", "17:15")
            ]
        );
    }

    #[test]
    fn cutting() {
        let long = "word ".repeat(200);
        let (t, was) = cut(long.trim(), 500);
        assert!(was && t.ends_with("word…") && t.chars().count() <= 500);
        assert_eq!(cut("short", 500), ("short".into(), false));
        let (t, _) = cut(&"x".repeat(600), 500);
        assert_eq!(t.chars().count(), 500);
    }

    #[test]
    fn short_titles() {
        assert_eq!(short_title("A fix. It worked."), "A fix");
        // "a.m." is read as an abbreviation, even where it ends a sentence.
        assert_eq!(
            short_title("Fixed at 9 a.m. EST. Then lunch."),
            "Fixed at 9 a.m. EST"
        );
        assert_eq!(
            short_title("Rolled back, e.g. the API. Done."),
            "Rolled back, e.g. the API"
        );
        let long = "We start to observe 403 errors being served to clients on the affected server and we identify the issue";
        assert_eq!(
            short_title(long),
            "We start to observe 403 errors being served to clients on the affected…"
        );
        let clause = "A 25-minute outage occurred, where incoming connections were rejected and users saw 5XX errors";
        assert_eq!(short_title(clause), "A 25-minute outage occurred");
        let leaning = "To permanently prevent reoccurrence, we make the decision to perform a platform migration.";
        assert_eq!(
            short_title(leaning),
            "To permanently prevent reoccurrence, we make the decision to perform a…"
        );
        assert!(short_title(&"é".repeat(300)).chars().count() <= SHORT);
    }

    #[test]
    fn titles_and_details() {
        assert_eq!(words(": A fix", "", "9 AM", ""), ("A fix".into(), None));
        assert_eq!(
            words("A fix", "", "9 AM", " (approximate time)"),
            ("A fix".into(), Some("A fix (approximate time)".into()))
        );
        assert_eq!(words("", "", "14:00 UTC", ""), ("14:00 UTC".into(), None));
        let (_, d) = words("A fix.", "It worked.", "9 AM", "");
        assert_eq!(d.as_deref(), Some("A fix.\n\nIt worked."));
    }
}
