//! What a line starts with: a timeline entry (`8:24 – 8:49 AM (PST): …`,
//! `(12/8) 9 AM: …`, `Apr 19, 19:11 BST`, `2025-06-12 17:52 …`,
//! `[14:54] …`, `Posted Apr 19, 2016 - 19:11 BST`), a date on its own
//! (`December 8`, `2015-10-21 (all times UTC)`, `April 14: …`), a titled
//! time (`API Outage (6:00EST): …`), text shaped like a time that is not
//! one (`25:99 PM: …`), or none of these.

use super::clock::{when_at, When};
use super::dates::{date_at, DateHit, DateRead};
use super::lines::skip_ws;

/// How a line starts.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Lead {
    /// A time (perhaps after a date): an entry; its text starts at `text_at`.
    Entry {
        date: Option<DateHit>,
        when: When,
        text_at: usize,
    },
    /// A date and no time: the rest of the line starts at `rest`.
    Dated {
        date: DateHit,
        rest: usize,
    },
    /// `Label (time): text`.
    Titled {
        when: When,
        label: (usize, usize),
        text_at: usize,
    },
    /// Shaped like an entry, but its time or date is not one.
    Bad {
        start: usize,
        message: String,
    },
    None,
}

impl Lead {
    /// An entry with no text after its time (`Apr 19, 19:11 BST`).
    pub fn bare(&self, len: usize) -> bool {
        matches!(self, Lead::Entry { text_at, .. } if *text_at >= len)
    }
}

fn starts_with(s: &[char], i: usize, w: &str) -> bool {
    let n = w.chars().count();
    s.len() >= i + n && s[i..i + n].iter().copied().eq(w.chars())
}

/// Separators between a date and a time: `,`, `-`, `–`, `—`, `@`, `|`, `at`.
fn skip_date_sep(s: &[char], k: usize) -> usize {
    let mut k = skip_ws(s, k);
    if matches!(s.get(k), Some(',' | '-' | '–' | '—' | '@' | '|')) {
        k = skip_ws(s, k + 1);
    } else if starts_with(s, k, "at ") {
        k = skip_ws(s, k + 3);
    }
    k
}

/// Separators between a time and its text: `:`, `-`, `--`, `–`, `—`, `|`,
/// `,`, `.` and spaces.
pub(super) fn skip_text_sep(s: &[char], e: usize) -> usize {
    let mut k = skip_ws(s, e);
    let mut n = 0;
    while n < 3
        && matches!(
            s.get(k),
            Some(':' | '-' | '–' | '—' | '|' | ',' | '.' | '>')
        )
    {
        k = skip_ws(s, k + 1);
        n += 1;
    }
    k
}

/// How the line `s` starts.
pub(super) fn lead(s: &[char]) -> Lead {
    let mut i = skip_ws(s, 0);
    for w in [
        "Posted on ",
        "Posted ",
        "Updated on ",
        "Updated ",
        "Last updated ",
    ] {
        if starts_with(s, i, w) {
            i = skip_ws(s, i + w.len());
            break;
        }
    }
    let bracket = matches!(s.get(i), Some('(' | '['));
    let j = if bracket { i + 1 } else { i };
    let mut date = None;
    let mut bad_date = None;
    let mut closed = !bracket;
    let mut iso = false;
    let mut k = j;
    let mut after_date = j;
    match date_at(s, j) {
        DateRead::Date(d) => {
            k = d.end;
            if bracket && matches!(s.get(k), Some(')' | ']')) {
                k += 1;
                closed = true;
            }
            after_date = k;
            if d.iso && s.get(k) == Some(&'T') && s.get(k + 1).is_some_and(char::is_ascii_digit) {
                k += 1;
                iso = true;
            } else {
                k = skip_date_sep(s, k);
            }
            date = Some(d);
        }
        DateRead::Bad {
            start,
            end,
            message,
        } => {
            bad_date = Some((start, message));
            k = end;
            if bracket && matches!(s.get(k), Some(')' | ']')) {
                k += 1;
            }
            k = skip_date_sep(s, k);
        }
        _ => {}
    }
    match when_at(s, k, iso, false) {
        Ok(Some(when)) => {
            if let Some((start, message)) = bad_date {
                return Lead::Bad {
                    start,
                    message: format!("{message}; the line was skipped"),
                };
            }
            let mut e = when.end();
            if bracket && !closed && matches!(s.get(e), Some(')' | ']')) {
                e += 1;
            }
            Lead::Entry {
                date,
                when,
                text_at: skip_text_sep(s, e),
            }
        }
        Err(bad) => Lead::Bad {
            start: bad.start,
            message: format!("{}; the line was skipped", bad.message),
        },
        Ok(None) => {
            if let Some(d) = date {
                let r = skip_ws(s, after_date);
                if r >= s.len() || matches!(s[r], ':' | '(' | '-' | '–' | '—' | ',' | '|') {
                    let rest = if matches!(s.get(r), Some(':' | '-' | '–' | '—' | ',' | '|')) {
                        skip_ws(s, r + 1)
                    } else {
                        r
                    };
                    return Lead::Dated { date: d, rest };
                }
                return Lead::None;
            }
            titled(s, i)
        }
    }
}

/// `Label (time): text` at `i`: a short label, a time in parentheses, then
/// `:` or a dash.
pub(super) fn titled(s: &[char], i: usize) -> Lead {
    let limit = s.len().min(i + 80);
    let Some(p) = (i..limit).find(|&k| s[k] == '(') else {
        return Lead::None;
    };
    if p == i || s[i..p].iter().any(|c| matches!(c, '.' | ':' | '!' | '?')) {
        return Lead::None;
    }
    let Ok(Some(when)) = when_at(s, p + 1, false, false) else {
        return Lead::None;
    };
    let e = when.end();
    if s.get(e) != Some(&')') {
        return Lead::None;
    }
    let k = skip_ws(s, e + 1);
    if !matches!(s.get(k), Some(':' | '-' | '–' | '—')) {
        return Lead::None;
    }
    let mut label_end = p;
    while label_end > i && s[label_end - 1].is_whitespace() {
        label_end -= 1;
    }
    Lead::Titled {
        when,
        label: (i, label_end),
        text_at: skip_ws(s, k + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> (Lead, Vec<char>) {
        let c: Vec<char> = s.chars().collect();
        (lead(&c), c)
    }

    type Ymd = Option<(Option<i32>, u32, u32)>;

    fn entry(s: &str) -> (Ymd, String, String) {
        let (l, c) = at(s);
        match l {
            Lead::Entry {
                date,
                when,
                text_at,
            } => (
                date.map(|d| (d.date.year, d.date.month, d.date.day)),
                c[when.start()..when.end()].iter().collect(),
                c[text_at..].iter().collect(),
            ),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn entries() {
        assert_eq!(
            entry("8:24 – 8:49 AM (PST): A 25-minute outage"),
            (
                None,
                "8:24 – 8:49 AM (PST)".into(),
                "A 25-minute outage".into()
            )
        );
        assert_eq!(
            entry("(12/8) 9 AM: The backend"),
            (Some((None, 12, 8)), "9 AM".into(), "The backend".into())
        );
        assert_eq!(
            entry("2025-06-12 17:52 INCIDENT START x"),
            (
                Some((Some(2025), 6, 12)),
                "17:52".into(),
                "INCIDENT START x".into()
            )
        );
        assert_eq!(
            entry("Apr 19, 19:11 BST"),
            (Some((None, 4, 19)), "19:11 BST".into(), "".into())
        );
        assert_eq!(entry("[14:54] alice: hi").2, "alice: hi");
        assert_eq!(entry("14:54 -- Search backends").2, "Search backends");
        assert_eq!(entry("2015-10-21T14:54:00-07:00 x").1, "14:54:00-07:00");
        assert_eq!(entry("Posted Apr 19, 2016 - 19:11 BST").1, "19:11 BST");
        assert_eq!(entry("December 8, 2022 at 10:00 UTC: x").1, "10:00 UTC");
    }

    #[test]
    fn other_leads() {
        assert!(matches!(at("December 8").0, Lead::Dated { .. }));
        assert!(matches!(
            at("2015-10-21 (all times UTC)").0,
            Lead::Dated { rest: 11, .. }
        ));
        assert!(matches!(
            at("April 14: API Outage (6:00EST): x").0,
            Lead::Dated { rest: 10, .. }
        ));
        assert_eq!(at("12/7 Outage Post Mortem").0, Lead::None);
        assert!(matches!(
            at("API Outage (6:00EST): x").0,
            Lead::Titled { label: (0, 10), .. }
        ));
        assert!(matches!(at("25:99 PM: x").0, Lead::Bad { start: 0, .. }));
        assert!(matches!(at("(2/30) 9 AM: x").0, Lead::Bad { start: 1, .. }));
        assert_eq!(at("At 9:37AM PST, an").0, Lead::None);
        assert_eq!(at("We deployed (a fix) at 10:00").0, Lead::None);
    }
}
