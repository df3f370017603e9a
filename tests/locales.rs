//! The languages' tables: every `locales/<tag>.json` has exactly English's
//! keys (a missing or stray translation fails here), keeps each word's
//! `{places}`, and is one of the languages the core knows; every tag in
//! `locales/formats.json` has every format. And the seed post-mortem in
//! German and Japanese, as the command line and `renderToSvg` write it.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::render::{locale_named, render_svg};
use incident_timeline::time::clock::{self, HourCycle};
use incident_timeline::time::formats::Formats;
use incident_timeline::words::describe::describe;
use incident_timeline::words::locale::LANGUAGES;
use incident_timeline::words::{en, Locale};
use incident_timeline::{parse, RenderOptions, Zone};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

fn read(path: &str) -> Map<String, Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => map,
        other => panic!("{path}: not a JSON object: {other:?}"),
    }
}

fn places(word: &str) -> BTreeSet<String> {
    word.split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn every_table_has_exactly_the_english_keys_and_places() {
    let english = en::all();
    let mut tags: Vec<String> = Vec::new();
    for entry in std::fs::read_dir("locales").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(tag) = name.strip_suffix(".json") else {
            continue;
        };
        if tag == "formats" {
            continue;
        }
        tags.push(tag.to_string());
        let table = read(&format!("locales/{name}"));
        let missing: Vec<&str> = english
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !table.contains_key(*k))
            .collect();
        let extra: Vec<&String> = table
            .keys()
            .filter(|k| !english.iter().any(|(e, _)| e == *k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{name}: missing {missing:?}, not English keys {extra:?}"
        );
        for (key, word) in &english {
            let Some(Value::String(translated)) = table.get(key) else {
                panic!("locales/{name}: {key} is not a string");
            };
            assert_eq!(
                places(translated),
                places(word),
                "locales/{name}: {key} must keep the places of \"{word}\""
            );
            assert!(
                !translated.trim().is_empty() || key == "duration.join",
                "locales/{name}: {key} is empty"
            );
        }
    }
    tags.sort();
    let mut known: Vec<String> = LANGUAGES[1..].iter().map(|s| s.to_string()).collect();
    known.sort();
    assert_eq!(
        tags, known,
        "locales/ has a table for each language but English"
    );
}

#[test]
fn every_format_is_given_and_read() {
    let formats = read("locales/formats.json");
    for language in LANGUAGES {
        assert!(
            formats.contains_key(language),
            "formats.json: no {language}"
        );
    }
    for (tag, fields) in &formats {
        let Value::Object(fields) = fields else {
            panic!("formats.json: {tag} is not an object")
        };
        let mut f = Formats::default();
        for name in Formats::FIELDS {
            let Some(Value::String(v)) = fields.get(name) else {
                panic!("formats.json: {tag} has no {name}")
            };
            assert!(
                f.set(name, v),
                "formats.json: {tag}.{name} = {v:?} is not read"
            );
        }
        assert_eq!(fields.len(), Formats::FIELDS.len(), "formats.json: {tag}");
    }
    // English built in is what Intl says for `en`.
    let en = locale_named("en").unwrap();
    assert_eq!(en.formats, Formats::default());
}

#[test]
fn unknown_locales_fall_back_to_english() {
    assert!(locale_named("it-IT").is_err());
    assert!(locale_named("zh-TW").is_err());
    assert!(locale_named("xx").is_err());
    let t = parse(&std::fs::read_to_string("www/examples/seed-postmortem.json").unwrap()).unwrap();
    let english = render_svg(&t, &RenderOptions::default()).unwrap();
    let italian = render_svg(
        &t,
        &RenderOptions {
            locale: Some("it-IT".into()),
            ..RenderOptions::default()
        },
    )
    .unwrap();
    assert_eq!(english, italian, "English, its lang \"en\"");
}

fn seed() -> incident_timeline::Timeline {
    parse(&std::fs::read_to_string("www/examples/seed-postmortem.json").unwrap()).unwrap()
}

fn outage(t: &incident_timeline::Timeline) -> usize {
    t.events
        .iter()
        .position(|e| e.id.as_deref() == Some("outage-1"))
        .unwrap()
}

#[test]
fn the_seed_in_german() {
    let t = seed();
    let de = locale_named("de-DE").unwrap();
    let la = Zone::named("America/Los_Angeles").unwrap();
    let d = describe(&t, outage(&t), &la, &de, None, None);
    assert_eq!(d.when, "7. Dez., 8:24 – 8:49 PST");
    assert_eq!(d.start, "Mi., 7. Dez. 2022, 8:24 PST");
    assert_eq!(d.duration, "25 Min.");
    assert_eq!(d.kind, "Ausfall (kritisch)");
    assert_eq!(de.duration(88.0 * 60_000.0), "1 Std. 28 Min.");
    let svg = render_svg(
        &t,
        &RenderOptions {
            locale: Some("de-DE".into()),
            ..RenderOptions::default()
        },
    )
    .unwrap();
    assert!(svg.contains(r#"lang="de-DE""#), "{}", &svg[..300]);
    assert!(svg.contains("Ausfallzeit für Nutzer 1 Std. 28 Min. · 4 Ausfälle"));
    assert!(
        svg.contains("Zeitraum 2 Tg. 12 Std. 36 Min.</desc>"),
        "one full stop"
    );
    assert!(svg.contains("\nMi., 7. Dez.\n"), "the day row in German");
    assert!(
        svg.contains("\nKritischer Ausfall\n"),
        "the legend in German"
    );
    assert!(svg.contains("Zeiten in America/Los_Angeles"));
    // A 12-hour clock when asked for, in the locale's words.
    let twelve = describe(&t, outage(&t), &la, &de, Some(HourCycle::H12), None);
    assert_eq!(twelve.when, "7. Dez., 8:24 – 8:49 AM PST");
}

#[test]
fn the_seed_in_japanese() {
    let t = seed();
    let ja = locale_named("ja").unwrap();
    let la = Zone::named("America/Los_Angeles").unwrap();
    let d = describe(&t, outage(&t), &la, &ja, None, None);
    assert_eq!(d.when, "12月7日 8:24 – 8:49 PST");
    assert_eq!(d.start, "2022年12月7日(水) 8:24 PST");
    assert_eq!(d.duration, "25 分");
    assert!(d.sentence.ends_with('。'), "{}", d.sentence);
    let twelve = describe(&t, outage(&t), &la, &ja, Some(HourCycle::H12), None);
    assert_eq!(twelve.when, "12月7日 午前8:24 – 8:49 PST");
    let svg = render_svg(
        &t,
        &RenderOptions {
            locale: Some("ja".into()),
            ..RenderOptions::default()
        },
    )
    .unwrap();
    assert!(svg.contains("\n12月7日(水)\n"), "the day row in Japanese");
    assert!(svg.contains("ユーザー影響時間 1 時間 28 分"));
}

#[test]
fn english_reads_as_before() {
    let t = seed();
    let la = Zone::named("America/Los_Angeles").unwrap();
    let en = Locale::english();
    let d = describe(&t, outage(&t), &la, &en, None, None);
    assert_eq!(d.when, "Dec 7, 8:24 – 8:49 AM PST");
    assert_eq!(d.start, "Wed, Dec 7, 2022, 8:24 AM PST");
    let gb = locale_named("en-GB").unwrap();
    let l = la.local(t.events[outage(&t)].start);
    assert_eq!(clock::weekday_date(l, gb.clock(None)), "Wed 7 Dec");
    assert_eq!(
        clock::time(l, gb.clock(None), clock::Precision::Minute),
        "8:24"
    );
}
