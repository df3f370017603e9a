//! One event: its kind, text fields, severity, impact, times and links,
//! each checked against what its kind allows (`model/kinds/`).

use super::checker::{describe, join, shown, Checker, Written, EVENT_KEYS, LINK_KEYS, SEVERITIES};
use super::hints::{closest, one_of};
use super::json::{Map, Value};
use super::limits::{MAX_DETAIL_CHARS, MAX_LINKS, MAX_TITLE_CHARS, MAX_URL_CHARS};
use crate::model::{Event, Impact, Kind, Link, Severity};
use crate::problem::say;
use crate::time::timestamp::{clip, parse_time, TimeSpec};
use crate::time::zone::{format_offset, Resolved, Zone};
use crate::time::Instant;

impl Checker {
    pub(super) fn event(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        zone: Option<&Zone>,
        zone_failed: bool,
        lane: Option<usize>,
    ) -> Option<Event> {
        self.known_keys(m, path, &EVENT_KEYS);
        let id = m.get("id").and_then(|_| self.id(m, path, "id", false));
        let kinds = Kind::names;
        let kind = match m.get("kind") {
            None => {
                self.report(
                    join(path, "kind"),
                    say!("\"kind\" is missing; use one of {}", one_of(&kinds())),
                );
                None
            }
            Some(Value::String(s)) => match Kind::from_name(s) {
                Some(k) => Some(k),
                None => {
                    let hint = || match closest(s, &kinds()) {
                        Some(k) => say!("did you mean \"{k}\"?"),
                        None => say!("use one of {}", one_of(&kinds())),
                    };
                    let s = clip(s);
                    self.report(join(path, "kind"), say!("unknown kind \"{s}\"; {}", hint()));
                    None
                }
            },
            Some(other) => {
                self.report(
                    join(path, "kind"),
                    say!("\"kind\" must be a string, not {}", describe(other)),
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
                    say!(
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
        let inferred = match m.get("inferred") {
            None | Some(Value::Bool(false)) => Some(false),
            Some(Value::Bool(true)) => Some(true),
            Some(other) => {
                self.report(
                    join(path, "inferred"),
                    say!(
                        "\"inferred\" must be true or false, not {}",
                        describe(other)
                    ),
                );
                None
            }
        };

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
            inferred: inferred?,
        })
    }

    /// The event's impact, as its kind reads it ([`Impact`]); `Some(None)`
    /// for a share the document does not state.
    fn impact(
        &mut self,
        m: &Map<String, Value>,
        path: &str,
        kind: Option<Kind>,
    ) -> Option<Option<f64>> {
        let p = || join(path, "impact");
        let Some(kind) = kind else {
            return Some(Some(0.0));
        };
        let spec = kind.spec();
        match (spec.impact, m.get("impact")) {
            // Partly affected, share not stated: most real sources give none.
            (Impact::Share, None | Some(Value::Null)) => Some(None),
            (Impact::Share, Some(Value::Number(n))) => {
                let x = n.as_f64().unwrap_or(f64::NAN);
                if (0.0..=1.0).contains(&x) {
                    Some(Some(x))
                } else {
                    self.report(
                        p(),
                        say!(
                            "impact {} is outside 0–1; write a share, like 0.3 for 30 %",
                            crate::decimal::decimal(x)
                        ),
                    );
                    None
                }
            }
            (Impact::Share, Some(other)) => {
                self.report(
                    p(),
                    say!(
                        "\"impact\" must be a number from 0 to 1, not {}",
                        describe(other)
                    ),
                );
                None
            }
            (_, Some(_)) => {
                let mut takes_share = Vec::new();
                for k in Kind::ALL {
                    if k.spec().impact == Impact::Share {
                        takes_share.push(k.as_str());
                    }
                }
                let whole = if spec.impact == Impact::Whole {
                    say!(" ({} always counts as impact 1)", spec.with_article())
                } else {
                    String::new()
                };
                self.report(
                    p(),
                    say!(
                        "\"impact\" applies only to {} events; remove it from this {}{whole}",
                        one_of(&takes_share),
                        kind.as_str(),
                    ),
                );
                None
            }
            (Impact::Whole, None) => Some(Some(1.0)),
            (Impact::None, None) => Some(Some(0.0)),
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
            let p = say!("{lp}[{i}]");
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
        let mut read = |key: &'static str| -> Option<Written<'_>> {
            let p = || join(path, key);
            match m.get(key)? {
                Value::Null if key == "end" => None,
                Value::String(s) => match parse_time(s) {
                    Ok(spec) => Some(Written { key, text: s, spec }),
                    Err(msg) => {
                        self.report(p(), msg);
                        None
                    }
                },
                other => {
                    self.report(p(), say!("\"{key}\" must be a time string like \"2022-12-07T08:24:00-08:00\", not {}", describe(other)));
                    None
                }
            }
        };
        let (start, end, at) = (read("start"), read("end"), read("at"));
        let point = kind.is_some_and(Kind::is_point);
        if point {
            for key in ["start", "end"] {
                if m.contains_key(key) {
                    self.report(join(path, key), say!("a milestone is a point in time: it has \"at\", not \"{key}\"; use another kind for a range"));
                }
            }
            if !m.contains_key("at") {
                self.report(
                    join(path, "at"),
                    say!("\"at\" is missing: a milestone needs the time it happened"),
                );
            }
        } else if let Some(k) = kind {
            if m.contains_key("at") {
                self.report(
                    join(path, "at"),
                    say!(
                        "\"at\" is for milestones; {} has \"start\" and, once it is over, \"end\"",
                        k.spec().with_article()
                    ),
                );
            }
            if !m.contains_key("start") {
                self.report(
                    join(path, "start"),
                    say!(
                        "\"start\" is missing: {} needs the time it began",
                        k.spec().with_article()
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
                            self.report(join(path, w.key), say!("\"{}\" has no UTC offset and the document has no \"timezone\"; add an offset (like -08:00 or Z) or set \"timezone\"", w.text));
                        }
                        return None;
                    };
                    match z.resolve(local) {
                        Resolved::Unique(t) | Resolved::Ambiguous(t, _) => Some(t),
                        Resolved::Gap { before, after } => {
                            self.report(join(path, w.key), say!(
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
        let start_key = start.as_ref().map(|w| w.key);
        let end_key = end.as_ref().map(|w| w.key);
        let has_end = end.is_some() || m.get("end").is_some_and(|v| !v.is_null());
        let (s, e) = (resolve(start), resolve(end));
        let end_ok = match (s, e, has_end) {
            (_, None, false) => Some(None),
            (Some(s), Some(e), _) if e < s => {
                let shown = zone.cloned().unwrap_or_else(Zone::utc);
                let (fs, fe) = (shown.local(s), shown.local(e));
                let same_day = fs.date() == fe.date();
                self.report(
                    end_key
                        .or(start_key)
                        .map(|k| join(path, k))
                        .unwrap_or_default(),
                    say!(
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
    let time = say!("{:02}:{:02}", l.hour(), l.minute());
    if time_only {
        time
    } else {
        say!("{:04}-{:02}-{:02} {time}", l.year(), l.month(), l.day())
    }
}

fn check_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let scheme = lower.split(':').next().unwrap_or("");
    match rest {
        None if lower.contains(':') => Err(say!(
            "only http and https links are allowed, not \"{}:\"",
            clip(scheme)
        )),
        None => Err(say!(
            "\"{}\" is not an absolute link; write the whole address, starting with https://",
            clip(url)
        )),
        Some(r) if r.is_empty() || r.starts_with('/') => {
            Err(say!("the link has no host name after https://"))
        }
        Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control()) => Err(say!(
            "a link cannot contain spaces or control characters; encode them (%20)"
        )),
        Some(_) => Ok(()),
    }
}

// Messages are written only in the full build (`problem::say`).
#[cfg(all(test, feature = "full"))]
mod tests {
    use super::*;

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
