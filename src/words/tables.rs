//! The languages' tables, embedded in the full build (the command line,
//! `renderToSvg`, the static-site plugins): each `locales/<tag>.json`
//! (words), and `locales/formats.json` (dates, times and numbers as CLDR
//! writes them, taken from `Intl` by `scripts/locales.mjs`). The widget
//! carries none of this: it fetches a page's table when it needs one and
//! asks the browser's `Intl` for the formats.

use super::locale::{supported, Locale};
use serde_json::{Map, Value};

/// Each language's words, English's keys (`super::en`) exactly.
const WORDS: [(&str, &str); 6] = [
    ("de", include_str!("../../locales/de.json")),
    ("fr", include_str!("../../locales/fr.json")),
    ("es", include_str!("../../locales/es.json")),
    ("pt", include_str!("../../locales/pt.json")),
    ("ja", include_str!("../../locales/ja.json")),
    ("zh-Hans", include_str!("../../locales/zh-Hans.json")),
];

/// Formats by tag: the languages' own and a few regions' (`en-GB`).
const FORMATS: &str = include_str!("../../locales/formats.json");

fn object(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// A language's table of words (`None` for English, which is built in, and
/// for a language without one).
pub fn words(language: &str) -> Option<Map<String, Value>> {
    WORDS
        .iter()
        .find(|(tag, _)| *tag == language)
        .map(|(_, text)| object(text))
}

/// The locale for a BCP 47 tag (`de-DE`, `ja`, `en-GB`), or `None` when no
/// table has its language: words from its language's table, formats from
/// the most specific tag that has them (`en-GB`, else `en`).
pub fn locale(tag: &str) -> Option<Locale> {
    let language = supported(tag)?;
    let mut locale = Locale::new(tag);
    for (key, word) in words(language).unwrap_or_default() {
        if let Value::String(word) = word {
            locale.set_word(&key, &word);
        }
    }
    let formats = object(FORMATS);
    let region = tag.trim().replace('_', "-");
    let found = formats
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(&region))
        .or_else(|| formats.iter().find(|(t, _)| *t == language));
    if let Some((_, Value::Object(fields))) = found {
        for (name, value) in fields {
            if let Value::String(value) = value {
                locale.formats.set(name, value);
            }
        }
    }
    Some(locale)
}
