//! Which kind of event an entry is, from its words (any case).
//!
//! * Phase markers: `OUTAGE`, `INCIDENT` or `IMPACT` followed by `BEGINS`,
//!   `BEGIN`, `BEGAN`, `START`, `STARTS`, `STARTED`, `ENDS`, `END`, `ENDED`
//!   or `MITIGATED`, at the start of an entry's text in any case, or
//!   anywhere in it in capitals ([`marker`]). `super::events` pairs them.
//! * A range ([`range_kind`]): degraded when it states a share below 100 %
//!   or says degraded, degradation, slow, slowness, slowdown, latency,
//!   partial(ly), intermittent(ly), elevated, a subset, "some requests"
//!   (users, customers, sites, clients, traffic, regions, accounts);
//!   otherwise an outage when it says outage, down, offline, unavailable,
//!   unreachable, inaccessible, error(s), 5xx, 500s–504s, rejected, failed,
//!   failing, failure(s); otherwise maintenance when it says maintenance;
//!   otherwise an activity.
//! * A single time is a milestone.

/// What a phase marker is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subject {
    Outage,
    Incident,
    Impact,
}

impl Subject {
    pub fn word(self) -> &'static str {
        match self {
            Subject::Outage => "OUTAGE",
            Subject::Incident => "INCIDENT",
            Subject::Impact => "IMPACT",
        }
    }
}

/// Which end of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Begins,
    Ends,
    Mitigated,
}

/// A phase marker in an entry's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marker {
    pub subject: Subject,
    pub phase: Phase,
    /// Where it is in the text (bytes), to take it out of a title.
    pub start: usize,
    pub end: usize,
}

/// The words of a text: byte start, byte end, lower case.
pub(super) fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inside = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i, text[a..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn subject(w: &str) -> Option<Subject> {
    match w {
        "outage" => Some(Subject::Outage),
        "incident" => Some(Subject::Incident),
        "impact" => Some(Subject::Impact),
        _ => None,
    }
}

fn phase(w: &str) -> Option<Phase> {
    match w {
        "begins" | "begin" | "began" | "start" | "starts" | "started" => Some(Phase::Begins),
        "ends" | "end" | "ended" => Some(Phase::Ends),
        "mitigated" => Some(Phase::Mitigated),
        _ => None,
    }
}

/// The phase marker of an entry, if it has one.
pub(super) fn marker(text: &str) -> Option<Marker> {
    let ws = words(text);
    let pair = |k: usize| -> Option<Marker> {
        let (a, _, w1) = ws.get(k)?;
        let (_, e, w2) = ws.get(k + 1)?;
        Some(Marker {
            subject: subject(w1)?,
            phase: phase(w2)?,
            start: *a,
            end: *e,
        })
    };
    if let Some(m) = pair(0) {
        return Some(m);
    }
    (1..ws.len()).find_map(|k| {
        let m = pair(k)?;
        let upper = |s: &str| s.chars().all(|c| !c.is_lowercase());
        upper(&text[m.start..m.end]).then_some(m)
    })
}

const DEGRADED: &[&str] = &[
    "degraded",
    "degradation",
    "slow",
    "slower",
    "slowness",
    "slowdown",
    "slowdowns",
    "latency",
    "latencies",
    "partial",
    "partially",
    "intermittent",
    "intermittently",
    "elevated",
    "subset",
];

const SOME: &[&str] = &[
    "requests",
    "users",
    "customers",
    "sites",
    "clients",
    "traffic",
    "regions",
    "accounts",
];

const OUTAGE: &[&str] = &[
    "outage",
    "outages",
    "down",
    "offline",
    "unavailable",
    "unreachable",
    "inaccessible",
    "error",
    "errors",
    "5xx",
    "5xxs",
    "500s",
    "502s",
    "503s",
    "504s",
    "rejected",
    "failed",
    "failing",
    "failure",
    "failures",
];

/// Words before "down" that make it something other than an outage
/// ("scaled down", "narrowed down").
const NOT_DOWN: &[&str] = &[
    "scale",
    "scaled",
    "scaling",
    "wind",
    "winding",
    "wound",
    "step",
    "stepped",
    "narrow",
    "narrowed",
    "narrowing",
    "track",
    "tracked",
    "tracking",
    "drill",
    "drilled",
    "cool",
    "cooled",
    "calm",
    "calmed",
    "slow",
    "slowed",
    "write",
    "wrote",
    "written",
    "note",
    "noted",
    "jot",
    "jotted",
    "count",
    "counted",
    "die",
    "died",
    "settle",
    "settled",
    "boil",
    "boiled",
    "break",
    "broke",
    "broken",
    "turn",
    "turned",
    "upside",
    "top",
];

/// The kind of a range, and the share it states (for a degraded one).
pub(super) fn range_kind(text: &str) -> (crate::model::Kind, Option<f64>) {
    use crate::model::Kind;
    let ws = words(text);
    let has = |set: &[&str]| ws.iter().any(|(_, _, w)| set.contains(&w.as_str()));
    let share = share(text);
    let some = ws
        .windows(2)
        .any(|p| p[0].2 == "some" && SOME.contains(&p[1].2.as_str()));
    if has(DEGRADED) || some || share.is_some() {
        return (Kind::DEGRADED, share);
    }
    let down = ws
        .iter()
        .enumerate()
        .any(|(k, (_, _, w))| w == "down" && (k == 0 || !NOT_DOWN.contains(&ws[k - 1].2.as_str())));
    let outage = ws
        .iter()
        .any(|(_, _, w)| w != "down" && OUTAGE.contains(&w.as_str()));
    if outage || down {
        return (Kind::OUTAGE, None);
    }
    if has(&["maintenance"]) {
        return (Kind::MAINTENANCE, None);
    }
    (Kind::ACTIVITY, None)
}

/// The first share stated in a text: `~30%`, `30 %`, `30 percent`, `4.5 per
/// cent`, above 0 and below 100. Not the end of a span like `75-100%`.
pub(super) fn share(text: &str) -> Option<f64> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut k = 0;
    while k < n {
        if !chars[k].is_ascii_digit()
            || (k > 0 && (chars[k - 1].is_alphanumeric() || chars[k - 1] == '.'))
        {
            k += 1;
            continue;
        }
        let a = k;
        while k < n
            && (chars[k].is_ascii_digit()
                || (chars[k] == '.' && chars.get(k + 1).is_some_and(char::is_ascii_digit)))
        {
            k += 1;
        }
        let number: String = chars[a..k].iter().collect();
        let mut j = k;
        while j < n && j < k + 2 && chars[j] == ' ' {
            j += 1;
        }
        let rest: String = chars[j..n.min(j + 9)]
            .iter()
            .collect::<String>()
            .to_lowercase();
        let percent = chars.get(j) == Some(&'%')
            || rest.starts_with("percent")
            || rest.starts_with("per cent");
        let span = a > 0 && matches!(chars[a - 1], '-' | '–' | '—');
        if percent && !span {
            if let Ok(v) = number.parse::<f64>() {
                if v > 0.0 && v < 100.0 {
                    return Some((v * 10.0).round() / 1000.0);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn markers() {
        let m = marker("OUTAGE BEGINS -- Search backends").unwrap();
        assert_eq!(
            (m.subject, m.phase, m.end),
            (Subject::Outage, Phase::Begins, 13)
        );
        let m = marker("incident start: Cloudflare WARP").unwrap();
        assert_eq!((m.subject, m.phase), (Subject::Incident, Phase::Begins));
        let m = marker("updated index replicated, OUTAGE MITIGATED").unwrap();
        assert_eq!(m.phase, Phase::Mitigated);
        assert_eq!(marker("we saw the outage end quickly"), None);
    }

    #[test]
    fn kinds_of_ranges() {
        let k = |t: &str| range_kind(t).0;
        assert_eq!(
            k("A 25-minute outage occurred, where incoming connections were rejected"),
            Kind::OUTAGE
        );
        assert_eq!(k("We observe 403 errors being served"), Kind::OUTAGE);
        assert_eq!(k("The site was DOWN"), Kind::OUTAGE);
        assert_eq!(k("We scaled down the fleet"), Kind::ACTIVITY);
        assert_eq!(k("Elevated latency for some customers"), Kind::DEGRADED);
        assert_eq!(k("Some requests timed out"), Kind::DEGRADED);
        assert_eq!(k("Partial outage of the API"), Kind::DEGRADED);
        assert_eq!(
            k("Scheduled maintenance of the database"),
            Kind::MAINTENANCE
        );
        assert_eq!(k("Migrating accounts"), Kind::ACTIVITY);
        assert_eq!(
            range_kind("some (~30%) of site requests were served a Suspended page"),
            (Kind::DEGRADED, Some(0.3))
        );
    }

    #[test]
    fn shares() {
        assert_eq!(share("about 30 % of requests"), Some(0.3));
        assert_eq!(share("4.5 percent of calls"), Some(0.045));
        assert_eq!(share("75-100% credit"), None);
        assert_eq!(share("100% of traffic"), None);
        assert_eq!(share("no share"), None);
    }
}
