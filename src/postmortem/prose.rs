//! Times in running text. A paragraph is cut into sentences; a sentence is
//! an entry when it holds a time that a word leads into — `at`, `by`,
//! `from`, `between … and`, `until`, `till`, `since`, `after`, `before`,
//! `starting at`, `beginning at`, `as of`, `shortly after`, or an
//! approximate mark (`around`, `about`, `~`) — or when it starts with a
//! time. The time must be one a sentence can be trusted with: written
//! with a colon, AM/PM or a zone (`at 9` is not a time; `at 9 AM` is).

use super::clock::{approx_at, when_at, When};
use super::zones::zone_word_at;

fn alnum(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
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

const LEADS: [&str; 19] = [
    "starting at",
    "starting from",
    "starting",
    "beginning at",
    "beginning",
    "shortly after",
    "shortly before",
    "just after",
    "just before",
    "as of",
    "at",
    "by",
    "from",
    "between",
    "until",
    "till",
    "since",
    "after",
    "before",
];

/// A word leading into a time at `k`: where the time (or its approximate
/// mark) starts, and whether it was "between".
fn lead_in(s: &[char], k: usize) -> Option<(usize, bool)> {
    if !s[k].is_ascii_alphabetic() && !matches!(s[k], '~' | '≈' | '∼') {
        return None;
    }
    if approx_at(s, k).is_some() {
        return Some((k, false));
    }
    for w in LEADS {
        let n = w.len();
        if lower_at(s, k, w) && s.get(k + n) == Some(&' ') {
            let mut t = k + n;
            while s.get(t) == Some(&' ') {
                t += 1;
            }
            return Some((t, w == "between"));
        }
    }
    None
}

/// The first time in `s[a..b]` a sentence can be trusted with: where its
/// phrase starts (the leading word included) and the time.
pub(super) fn hit_in(s: &[char], a: usize, b: usize) -> Option<(usize, When)> {
    let mut k = a;
    while k < b {
        if k == a || !alnum(s.get(k - 1)) {
            let lead = if k == a && s[k].is_ascii_digit() {
                Some((k, false))
            } else {
                lead_in(s, k)
            };
            if let Some((t, between)) = lead {
                if let Ok(Some(w)) = when_at(s, t, false, between) {
                    if w.strong() {
                        return Some((k, w));
                    }
                    k = w.end().max(k + 1);
                    continue;
                }
            }
        }
        k += 1;
    }
    None
}

/// Whether a line ends with a word that leads into a time (`… EST. Around`,
/// `… from`): the time that starts the next line belongs to its sentence.
pub(super) fn ends_with_lead_in(s: &[char]) -> bool {
    let mut e = s.len();
    while e > 0 && s[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > 0 && matches!(s[e - 1], '~' | '≈') {
        return true;
    }
    let mut a = e;
    while a > 0 && e - a < 14 && (s[a - 1].is_alphabetic() || s[a - 1] == '.') {
        a -= 1;
    }
    if a > 0 && s[a - 1].is_alphanumeric() {
        return false;
    }
    let word: String = s[a..e].iter().collect::<String>().to_lowercase();
    let approx = [
        "approximately",
        "approx.",
        "approx",
        "about",
        "around",
        "roughly",
        "circa",
        "ca.",
    ];
    approx.contains(&word.as_str())
        || LEADS
            .iter()
            .any(|l| l.rsplit(' ').next() == Some(word.as_str()))
}

/// Words before a dot that do not end a sentence.
const ABBREVIATIONS: [&str; 17] = [
    "approx", "ca", "e.g", "i.e", "vs", "mr", "mrs", "ms", "dr", "st", "no", "inc", "ltd", "jr",
    "sr", "u.s", "fig",
];

/// Whether the dot at `p` ends a sentence.
fn ends_sentence(s: &[char], p: usize) -> bool {
    let mut q = p;
    while q > 0 && p - q < 10 && (s[q - 1].is_alphabetic() || s[q - 1] == '.') {
        q -= 1;
    }
    let word: String = s[q..p].iter().collect::<String>().to_lowercase();
    if word.chars().count() == 1 && s[q].is_uppercase() {
        // An initial: "J. Smith".
        return false;
    }
    if word == "a.m" || word == "p.m" {
        // "9 a.m. EST", "9 a.m. on Monday": only a capital that is not a zone ends it.
        let mut n = p + 1;
        while s.get(n).is_some_and(|c| c.is_whitespace()) {
            n += 1;
        }
        return s.get(n).is_some_and(|c| c.is_uppercase()) && zone_word_at(s, n).is_none();
    }
    !ABBREVIATIONS.contains(&word.as_str())
}

/// The sentences of `s`, as spans.
pub(super) fn sentences(s: &[char]) -> Vec<(usize, usize)> {
    let n = s.len();
    let mut out = Vec::new();
    let mut a = 0;
    while a < n && s[a].is_whitespace() {
        a += 1;
    }
    let mut p = a;
    while p < n {
        let c = s[p];
        if matches!(c, '.' | '!' | '?')
            && s.get(p + 1).is_none_or(|c| c.is_whitespace())
            && (c != '.' || ends_sentence(s, p))
        {
            out.push((a, p + 1));
            a = p + 1;
            while a < n && s[a].is_whitespace() {
                a += 1;
            }
            p = a;
            continue;
        }
        p += 1;
    }
    if a < n {
        out.push((a, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn sentences_of_a_paragraph() {
        let s = chars("At 9:15 a.m. EST we saw it. Then J. Smith paged at 9 a.m. The end");
        let spans: Vec<String> = sentences(&s)
            .iter()
            .map(|(a, b)| s[*a..*b].iter().collect())
            .collect();
        assert_eq!(
            spans,
            [
                "At 9:15 a.m. EST we saw it.",
                "Then J. Smith paged at 9 a.m.",
                "The end"
            ]
        );
    }

    #[test]
    fn hits() {
        let s = chars("We'd like to say that at 9:37AM PST, an engineer ran a command.");
        let (k, w) = hit_in(&s, 0, s.len()).unwrap();
        assert_eq!((k, w.start()), (22, 25));
        let s = chars("Errors from about 9:15 a.m. to 11:40 a.m. EST, then calm");
        let (_, w) = hit_in(&s, 0, s.len()).unwrap();
        assert!(matches!(w, When::Range(..)));
        let s = chars("We have 24 nodes at 9 sites and a 3:1 ratio");
        assert_eq!(hit_in(&s, 0, s.len()), None);
        let s = chars("On Tuesday, April 5th, 2022, starting at 7:38 UTC, customers");
        assert_eq!(hit_in(&s, 0, s.len()).unwrap().0, 29);
    }
}
