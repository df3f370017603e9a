//! The reader's locale: its words (English, or a language's table over it)
//! and its [`Formats`] for dates, times and numbers. Everything the chart
//! says goes through a [`Locale`]: words by key ([`Locale::word`],
//! [`Locale::fill`], [`Locale::count`]), numbers, percentages, durations,
//! and dates and times through [`Locale::clock`].
//!
//! Where a language's words come from: English is built in
//! ([`super::en`]); `locales/<tag>.json` holds every other language's table,
//! embedded in the full build ([`super::tables`]) and fetched by the widget
//! only for a page in that language; a page may override any word.
use crate::strings::cat;

use super::en;
use crate::template::{fill, fill_with, part};
use crate::time::clock::{Clock, HourCycle};
use crate::time::formats::Formats;

/// The languages with a table of their own, English first. A page's
/// `lang` is matched to one of them by [`supported`].
pub const LANGUAGES: [&str; 7] = ["en", "de", "fr", "es", "pt", "ja", "zh-Hans"];

/// The table for a BCP 47 tag, if there is one: `de-DE` → `de`, `zh-CN` and
/// `zh-Hans-SG` → `zh-Hans`; Traditional Chinese (`zh-TW`, `zh-Hant`) has none.
pub fn supported(tag: &str) -> Option<&'static str> {
    let subtag = |n| part(tag.trim(), b"-_", n);
    let language = subtag(0).unwrap_or_default();
    if language.eq_ignore_ascii_case("zh") {
        let (mut traditional, mut simplified) = (false, false);
        for p in (1..).map_while(subtag) {
            simplified |= p.eq_ignore_ascii_case("hans");
            traditional |= ["hant", "tw", "hk", "mo"]
                .iter()
                .any(|t| p.eq_ignore_ascii_case(t));
        }
        return (simplified || !traditional).then_some("zh-Hans");
    }
    LANGUAGES
        .into_iter()
        .find(|l| l.eq_ignore_ascii_case(language))
}

/// Whether "one" of a count is said in the singular: 1, and in French and
/// Portuguese also 0 (CLDR's plural rules, for the languages with tables;
/// Japanese and Chinese tables write both forms alike).
fn singular(language: &str, n: i64) -> bool {
    match language {
        "fr" | "pt" => n == 0 || n == 1,
        _ => n == 1,
    }
}

/// Words and formats for one locale.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    tag: String,
    /// Words that differ from English, by key.
    words: Vec<(String, String)>,
    /// Dates, times and numbers.
    pub formats: Formats,
}

impl Default for Locale {
    fn default() -> Self {
        Locale::english()
    }
}

impl Locale {
    /// English, as the core has it built in.
    pub fn english() -> Locale {
        Locale {
            tag: "en".to_string(),
            words: Vec::new(),
            formats: Formats::default(),
        }
    }

    /// English words with `tag`'s name (their formats are set apart).
    pub fn new(tag: &str) -> Locale {
        Locale {
            tag: tag.to_string(),
            ..Locale::english()
        }
    }

    /// The BCP 47 tag it was made for.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Sets the word for `key`; false for a key English does not have.
    pub fn set_word(&mut self, key: &str, word: &str) -> bool {
        if en::word(key).is_none() {
            return false;
        }
        self.words.retain(|(k, _)| k != key);
        self.words.push((key.to_string(), word.to_string()));
        true
    }

    /// The word for `key`: the locale's, else English, else the key itself.
    pub fn word<'a>(&'a self, key: &'a str) -> &'a str {
        self.words
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, w)| w.as_str())
            .or_else(|| en::word(key))
            .unwrap_or(key)
    }

    /// The word for `key` with its places filled from `args`.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill_with(self.word(key), args)
    }

    /// "4 outages": `key.one` or `key.other`, with `{n}` the number.
    pub fn count(&self, key: &str, n: i64) -> String {
        let language = part(&self.tag, b"-_", 0).unwrap_or_default();
        let form = if singular(language, n) {
            "one"
        } else {
            "other"
        };
        let key = cat(&[key, ".", form]);
        let number = self.formats.number(n);
        fill(self.word(&key), |name, out| {
            name == "n" && {
                out.push_str(&number);
                true
            }
        })
    }

    /// A whole number with the locale's grouping.
    pub fn number(&self, n: i64) -> String {
        self.formats.number(n)
    }

    /// "30%", "30 %".
    pub fn percent(&self, share: f64) -> String {
        self.formats.percent(share)
    }

    /// Dates and times with `cycle`, or the locale's own clock.
    pub fn clock(&self, cycle: Option<HourCycle>) -> Clock<'_> {
        Clock {
            range: self.word("range"),
            ongoing: self.word("range.ongoing"),
            short_range: self.word("range.short"),
            ..Clock::new(&self.formats, cycle)
        }
    }

    /// A duration: "1 h 28 min", "1 Std. 28 Min.", "45 min", "2 d 12 h", "30 s".
    pub fn duration(&self, ms: f64) -> String {
        let total_s = (ms / 1000.0).round() as i64;
        let (d, h, m, s) = (
            total_s / 86_400,
            total_s % 86_400 / 3600,
            total_s % 3600 / 60,
            total_s % 60,
        );
        // Days, hours and minutes that are not zero; seconds only under ten
        // minutes ("2 min 30 s"), or alone.
        let mut units: Vec<(i64, &str)> = [(d, "days"), (h, "hours"), (m, "minutes")]
            .into_iter()
            .filter(|(n, _)| *n != 0)
            .collect();
        if d == 0 && h == 0 && (m == 0 || (m < 10 && s != 0)) {
            units.push((s, "seconds"));
        }
        let mut out = String::new();
        for (n, unit) in units {
            if !out.is_empty() {
                out.push_str(self.word("duration.join"));
            }
            let n = self.number(n);
            out.push_str(&self.fill(&cat(&["duration.", unit]), &[("n", &n)]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_find_their_table() {
        assert_eq!(supported("de-DE"), Some("de"));
        assert_eq!(supported("DE"), Some("de"));
        assert_eq!(supported("en-GB"), Some("en"));
        assert_eq!(supported("zh-CN"), Some("zh-Hans"));
        assert_eq!(supported("zh-Hans-SG"), Some("zh-Hans"));
        assert_eq!(supported("zh"), Some("zh-Hans"));
        assert_eq!(supported("zh-TW"), None);
        assert_eq!(supported("zh-Hant"), None);
        assert_eq!(supported("pt_BR"), Some("pt"));
        assert_eq!(supported("ja-JP"), Some("ja"));
        assert_eq!(supported("it"), None);
        assert_eq!(supported(""), None);
    }

    #[test]
    fn english_durations_and_counts() {
        let en = Locale::english();
        assert_eq!(en.duration(88.0 * 60_000.0), "1 h 28 min");
        assert_eq!(en.duration(2.0 * 60_000.0 + 30_000.0), "2 min 30 s");
        assert_eq!(en.count("summary.outages", 1), "1 outage");
        assert_eq!(en.count("summary.outages", 4), "4 outages");
        assert_eq!(en.count("summary.outages", 1234), "1,234 outages");
        assert_eq!(en.percent(0.3), "30%");
        assert_eq!(en.word("kind.outage"), "Outage");
        assert_eq!(en.word("legend.outage.critical"), "Critical outage");
    }

    #[test]
    fn words_are_set_only_for_known_keys() {
        let mut de = Locale::new("de");
        assert!(de.set_word("duration.hours", "{n} Std."));
        assert!(de.set_word("duration.minutes", "{n} Min."));
        assert!(!de.set_word("no.such.key", "x"));
        assert_eq!(de.duration(88.0 * 60_000.0), "1 Std. 28 Min.");
        let mut fr = Locale::new("fr");
        fr.set_word("summary.outages.one", "{n} panne");
        assert_eq!(fr.count("summary.outages", 0), "0 panne");
    }
}
