//! What the parser rejects, and where and how it says so: one test per rule,
//! asserting the exact JSON path (or line and column) and the distinctive part
//! of the message, for each fixture in `tests/fixtures/invalid` and for inline
//! documents; a document with many problems reports all of them in document
//! order. What it accepts, and what that means, is in tests/accepted.rs.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::{parse, Problem, Problems, Timeline};
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn problems(text: &str) -> Problems {
    match parse(text) {
        Ok(t) => panic!("accepted ({} events):\n{text}", t.events.len()),
        Err(p) => p,
    }
}

/// The only problem of a fixture (each breaks exactly one rule).
fn only(text: &str) -> Problem {
    let p = problems(text);
    assert_eq!(p.len(), 1, "expected one problem, got:\n{p}");
    p.0[0].clone()
}

#[track_caller]
fn assert_problem(p: &Problem, path: &str, parts: &[&str]) {
    assert_eq!(p.path, path, "path of: {p}");
    // Read from text, a problem has the place of its path's value; one of
    // the whole document (no path) has none.
    assert_eq!(
        p.line.is_some() && p.column.is_some(),
        !path.is_empty(),
        "line and column of: {p:?}"
    );
    for part in parts {
        assert!(
            p.message.contains(part),
            "message {:?} lacks {part:?}",
            p.message
        );
    }
}

/// An otherwise valid document (zone UTC) around one event.
fn doc_with(event: Value) -> String {
    json!({ "version": 1, "timezone": "UTC", "events": [event] }).to_string()
}

fn outage_with(key: &str, value: Value) -> String {
    let mut e = json!({ "kind": "outage", "title": "Down", "start": "2024-05-01T10:00:00Z" });
    e[key] = value;
    doc_with(e)
}

fn ok(text: &str) -> Timeline {
    parse(text).unwrap_or_else(|p| panic!("rejected:\n{p}\n{text}"))
}

// ── The fixtures ────────────────────────────────────────────────────────────

#[test]
fn end_before_start() {
    let p = only(&fixture("end-before-start.json"));
    assert_problem(&p, "events[0].end", &["end 08:24 is before start 08:49"]);
    assert_eq!(p.message, "end 08:24 is before start 08:49");
}

#[test]
fn end_before_start_on_another_day_names_the_dates() {
    let text = json!({ "version": 1, "timezone": "America/Los_Angeles", "events": [
        { "kind": "outage", "title": "x", "start": "2022-12-07T08:49", "end": "2022-12-06T23:00" }
    ]})
    .to_string();
    assert_problem(
        &only(&text),
        "events[0].end",
        &["end 2022-12-06 23:00 is before start 2022-12-07 08:49"],
    );
}

#[test]
fn unknown_lane() {
    let p = only(&fixture("unknown-lane.json"));
    assert_problem(
        &p,
        "events[0].lane",
        &["unknown lane \"database\"", "the lanes are web"],
    );
}

#[test]
fn unknown_lane_with_a_typo_suggests_the_lane_meant() {
    let text = json!({ "version": 1, "lanes": [{ "id": "db" }, { "id": "web" }], "events": [
        { "lane": "wbe", "kind": "outage", "title": "x", "start": "2024-05-01T10:00Z" }
    ]})
    .to_string();
    assert_problem(
        &only(&text),
        "events[0].lane",
        &["unknown lane \"wbe\"; did you mean \"web\"?"],
    );
}

#[test]
fn missing_lane_when_lanes_are_declared() {
    let p = only(&fixture("lane-missing-when-lanes-declared.json"));
    assert_problem(
        &p,
        "events[0].lane",
        &["\"lane\" is missing", "declares \"lanes\""],
    );
}

#[test]
fn unknown_kind() {
    let p = only(&fixture("unknown-kind.json"));
    assert_problem(
        &p,
        "events[0].kind",
        &[
            "unknown kind \"incident\"",
            "use one of outage, degraded, maintenance, activity or milestone",
        ],
    );
    let typo = doc_with(json!({ "kind": "outgae", "title": "x", "start": "2024-05-01T10:00Z" }));
    assert_problem(
        &only(&typo),
        "events[0].kind",
        &["unknown kind \"outgae\"; did you mean \"outage\"?"],
    );
}

#[test]
fn impact_outside_0_to_1() {
    let p = only(&fixture("impact-out-of-range.json"));
    assert_problem(
        &p,
        "events[0].impact",
        &["impact 30 is outside 0–1", "like 0.3 for 30 %"],
    );
    let degraded = |impact: Value| {
        doc_with(
            json!({ "kind": "degraded", "impact": impact, "title": "x", "start": "2024-05-01T10:00Z" }),
        )
    };
    assert_problem(
        &only(&degraded(json!(-0.5))),
        "events[0].impact",
        &["impact -0.5 is outside 0–1"],
    );
    assert_problem(
        &only(&degraded(json!(1.01))),
        "events[0].impact",
        &["impact 1.01 is outside 0–1"],
    );
    assert_problem(
        &only(&degraded(json!("30%"))),
        "events[0].impact",
        &["must be a number from 0 to 1, not a string"],
    );
    // A degraded event may leave its share out (tests/accepted.rs), but not
    // write it as something else.
    assert_problem(
        &only(&degraded(json!(true))),
        "events[0].impact",
        &["must be a number from 0 to 1, not true/false"],
    );
}

#[test]
fn impact_on_an_outage() {
    let p = only(&fixture("impact-on-outage.json"));
    assert_problem(
        &p,
        "events[0].impact",
        &[
            "applies only to degraded events",
            "remove it from this outage",
        ],
    );
}

#[test]
fn malformed_timestamps() {
    let p = only(&fixture("malformed-timestamp.json"));
    assert_problem(
        &p,
        "events[0].start",
        &[
            "\"12/7/2022 8:24 AM\" is not a valid time",
            "write times like 2022-12-07T08:24:00-08:00",
        ],
    );
    for (start, why) in [
        ("2022-12-07", "it has a date but no time of day"),
        ("2022-12-07T08:24:00+0800", "write times like"),
        ("2022-12-07T08:24:00.Z", "1 to 9 digits"),
        ("2022-12-07T08:24:00.1234567890Z", "1 to 9 digits"),
        (
            "2022-12-07T08:24:00+25:00",
            "the UTC offset is out of range",
        ),
        ("yesterday", "write times like"),
    ] {
        let text = outage_with("start", json!(start));
        assert_problem(
            &only(&text),
            "events[0].start",
            &[&format!("\"{start}\" is not a valid time"), why],
        );
    }
    assert_problem(
        &only(&outage_with("start", json!(1_670_430_240))),
        "events[0].start",
        &["must be a time string", "not a number"],
    );
}

#[test]
fn impossible_timestamps() {
    let p = only(&fixture("impossible-date.json"));
    assert_problem(
        &p,
        "events[0].start",
        &[
            "\"2022-02-30T10:00:00Z\" is not a valid time",
            "February 2022 has no day 30",
        ],
    );
    for (start, why) in [
        ("2023-02-29T10:00Z", "February 2023 has no day 29"),
        ("2022-13-07T10:00Z", "month 13 does not exist"),
        ("2022-12-07T24:00Z", "hour 24 does not exist"),
        ("2022-12-07T10:60Z", "minute 60 does not exist"),
        ("2022-12-07T10:00:60Z", "leap seconds are not supported"),
    ] {
        assert_problem(
            &only(&outage_with("start", json!(start))),
            "events[0].start",
            &[why],
        );
    }
    // 2024 is a leap year.
    ok(&outage_with("start", json!("2024-02-29T10:00Z")));
}

#[test]
fn duplicate_ids() {
    let p = only(&fixture("duplicate-id.json"));
    assert_problem(
        &p,
        "events[1].id",
        &["duplicate id \"outage-1\": events[0] already uses it"],
    );
    let lanes = json!({ "version": 1, "lanes": [{ "id": "web" }, { "id": "db" }, { "id": "web" }], "events": [] });
    assert_problem(
        &only(&lanes.to_string()),
        "lanes[2].id",
        &["duplicate lane id \"web\": lanes[0] already uses it"],
    );
}

#[test]
fn missing_required_fields() {
    assert_problem(
        &only(&fixture("missing-title.json")),
        "events[0].title",
        &["\"title\" is missing"],
    );
    assert_problem(
        &only(&fixture("missing-start.json")),
        "events[0].start",
        &["\"start\" is missing: an outage needs the time it began"],
    );
    let no_kind = doc_with(json!({ "title": "x", "start": "2024-05-01T10:00Z" }));
    assert_problem(
        &only(&no_kind),
        "events[0].kind",
        &["\"kind\" is missing; use one of outage"],
    );
    let no_at = doc_with(json!({ "kind": "milestone", "title": "x" }));
    assert_problem(
        &only(&no_at),
        "events[0].at",
        &["\"at\" is missing: a milestone needs the time it happened"],
    );
    assert_problem(
        &only(r#"{"events":[]}"#),
        "version",
        &["\"version\" is missing; add \"version\": 1"],
    );
    assert_problem(
        &only(r#"{"version":1}"#),
        "events",
        &["\"events\" is missing"],
    );
    let no_lane_id = json!({ "version": 1, "lanes": [{ "label": "Web" }], "events": [] });
    assert_problem(
        &only(&no_lane_id.to_string()),
        "lanes[0].id",
        &["\"id\" is missing"],
    );
    let no_url = outage_with("links", json!([{ "label": "Status" }]));
    assert_problem(
        &only(&no_url),
        "events[0].links[0].url",
        &["\"url\" is missing"],
    );
    assert_problem(
        &only(&outage_with("title", json!("  "))),
        "events[0].title",
        &["\"title\" is empty"],
    );
}

#[test]
fn unknown_time_zone() {
    let p = only(&fixture("unknown-timezone.json"));
    assert_problem(
        &p,
        "timezone",
        &[
            "\"Mars/Olympus_Mons\" is not a time zone",
            "IANA name like \"America/Los_Angeles\"",
        ],
    );
}

#[test]
fn unknown_time_zone_does_not_also_blame_every_wall_clock_time() {
    let text = json!({ "version": 1, "timezone": "Pacific/Atlantis", "events": [
        { "kind": "outage", "title": "x", "start": "2024-05-01T10:00" }
    ]})
    .to_string();
    assert_problem(&only(&text), "timezone", &["\"Pacific/Atlantis\""]);
}

#[test]
fn milestone_with_an_end() {
    let p = only(&fixture("milestone-with-end.json"));
    assert_problem(
        &p,
        "events[0].end",
        &["a milestone is a point in time: it has \"at\", not \"end\""],
    );
    let with_start = doc_with(
        json!({ "kind": "milestone", "title": "x", "at": "2024-05-01T10:00Z", "start": "2024-05-01T10:00Z" }),
    );
    assert_problem(
        &only(&with_start),
        "events[0].start",
        &["it has \"at\", not \"start\""],
    );
    let range_with_at = outage_with("at", json!("2024-05-01T10:00Z"));
    assert_problem(
        &only(&range_with_at),
        "events[0].at",
        &["\"at\" is for milestones; an outage has \"start\""],
    );
}

#[test]
fn wall_clock_time_in_a_dst_gap() {
    let p = only(&fixture("dst-gap.json"));
    assert_problem(
        &p,
        "events[0].start",
        &[
            "\"2024-03-10T02:30:00\" does not exist in America/New_York",
            "from UTC-5 to UTC-4",
        ],
    );
    let berlin = json!({ "version": 1, "timezone": "Europe/Berlin", "events": [
        { "kind": "outage", "title": "x", "start": "2024-03-31T01:59", "end": "2024-03-31T02:30" }
    ]});
    assert_problem(
        &only(&berlin.to_string()),
        "events[0].end",
        &["does not exist in Europe/Berlin", "from UTC+1 to UTC+2"],
    );
    // Lord Howe moves its clocks by half an hour.
    let lord_howe = json!({ "version": 1, "timezone": "Australia/Lord_Howe", "events": [
        { "kind": "milestone", "title": "x", "at": "2024-10-06T02:15" }
    ]});
    assert_problem(
        &only(&lord_howe.to_string()),
        "events[0].at",
        &["from UTC+10:30 to UTC+11"],
    );
}

#[test]
fn wall_clock_time_without_a_time_zone() {
    let p = only(&fixture("wall-clock-without-timezone.json"));
    assert_problem(
        &p,
        "events[0].at",
        &["\"2024-05-01T10:27:00\" has no UTC offset and the document has no \"timezone\""],
    );
}

#[test]
fn syntax_error_with_line_and_column() {
    let p = only(&fixture("syntax-error.json"));
    assert_eq!(p.path, "");
    assert_eq!((p.line, p.column), (Some(5), Some(3)));
    assert!(p.message.contains("expected `,` or `}`"), "{}", p.message);
    assert!(
        !p.message.contains("line 5"),
        "the position is not repeated in the message: {}",
        p.message
    );
    assert_eq!(p.to_string(), format!("line 5, column 3: {}", p.message));
}

#[test]
fn syntax_error_columns_count_characters_from_1() {
    // serde_json counts bytes; "é" is two of them but one character.
    let p = only("{\"title\": \"ééé\" x}");
    assert_eq!((p.line, p.column), (Some(1), Some(17)), "{p:?}");
    // At the very start of a line (the text ends there).
    let p = only("{\"version\": 1,\n \"events\": [\n");
    assert_eq!((p.line, p.column), (Some(3), Some(1)), "{p:?}");
    assert!(p.message.contains("ends too early"), "{}", p.message);
    // Mid-line: just past the last character (serde_json names the last one).
    let p = only("{\"version\": 1, \"events\": [");
    assert_eq!((p.line, p.column), (Some(1), Some(27)), "{p:?}");
    assert!(p.message.contains("ends too early"), "{}", p.message);
    let p = only("{\"version\": 1, \"events\": [],}");
    assert_eq!((p.line, p.column), (Some(1), Some(29)), "{p:?}");
    assert!(p.message.contains("trailing comma"), "{}", p.message);
    let p = only("");
    assert_eq!(p.line, Some(1), "{p:?}");
    assert!(p.column >= Some(1), "{p:?}");
}

#[test]
fn byte_order_mark_is_not_a_syntax_error() {
    ok("\u{feff}{\"version\": 1, \"events\": []}");
}

#[test]
fn wrong_version() {
    let p = only(&fixture("wrong-version.json"));
    assert_problem(
        &p,
        "version",
        &["version 2 is not supported; this reads format version 1"],
    );
    assert_problem(
        &only(r#"{"version":"1","events":[]}"#),
        "version",
        &["version \"1\" is not supported"],
    );
    // 1.0 is the number 1 (as the schema's "integer" agrees).
    ok(r#"{"version":1.0,"events":[]}"#);
}

#[test]
fn javascript_link() {
    let p = only(&fixture("javascript-link.json"));
    assert_problem(
        &p,
        "events[0].links[0].url",
        &["only http and https links are allowed, not \"javascript:\""],
    );
    let links = json!([
        { "url": "https://status.example.com/incidents/1" },
        { "url": "JavaScript:alert(1)" },
        { "url": "data:text/html,<b>hi</b>" },
        { "url": "/status" },
        { "url": "https://" }
    ]);
    let all = problems(&outage_with("links", links));
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(got.len(), 4, "{all}");
    assert_eq!(got[0].0, "events[0].links[1].url");
    assert!(got[0].1.contains("not \"javascript:\""), "{}", got[0].1);
    assert_eq!(got[1].0, "events[0].links[2].url");
    assert!(got[1].1.contains("not \"data:\""), "{}", got[1].1);
    assert_eq!(got[2].0, "events[0].links[3].url");
    assert!(got[2].1.contains("not an absolute link"), "{}", got[2].1);
    assert_eq!(got[3].0, "events[0].links[4].url");
    assert!(got[3].1.contains("no host name"), "{}", got[3].1);
}

#[test]
fn unknown_field_with_suggestion() {
    let p = only(&fixture("unknown-field.json"));
    assert_problem(
        &p,
        "events[0].ned",
        &["unknown field \"ned\"; did you mean \"end\"?"],
    );
    assert_problem(
        &only(r#"{"version":1,"titel":"x","events":[]}"#),
        "titel",
        &["unknown field \"titel\"; did you mean \"title\"?"],
    );
    let lane = json!({ "version": 1, "lanes": [{ "id": "web", "lable": "Web" }], "events": [] });
    assert_problem(
        &only(&lane.to_string()),
        "lanes[0].lable",
        &["did you mean \"label\"?"],
    );
}

#[test]
fn unknown_field_without_a_likely_meaning_lists_the_fields() {
    let p = only(&outage_with("color", json!("red")));
    assert_problem(
        &p,
        "events[0].color",
        &[
            "unknown field \"color\"; the fields here are id, lane, kind, title",
            "x- are free for your own use",
        ],
    );
}

#[test]
fn schema_key_only_at_the_top() {
    let p = only(&fixture("schema-key-in-event.json"));
    assert_problem(&p, "events[0].$schema", &["unknown field \"$schema\""]);
}

#[test]
fn not_an_object() {
    assert_problem(
        &only("[]"),
        "",
        &["a timeline is a JSON object", "not an array"],
    );
    assert_problem(
        &only(r#"{"version":1,"events":{}}"#),
        "events",
        &["must be an array, not an object"],
    );
    assert_problem(
        &only(r#"{"version":1,"events":[3]}"#),
        "events[0]",
        &["an event must be an object, not a number"],
    );
}

// ── Many problems at once ───────────────────────────────────────────────────

#[test]
fn several_problems_are_all_reported_in_document_order() {
    let text = r#"{
  "version": 2,
  "timezone": "America/New_York",
  "lanes": [
    { "id": "web" },
    { "id": "web", "label": "" }
  ],
  "events": [
    { "id": "a", "lane": "web", "kind": "outage", "title": "ok", "start": "2024-03-10T01:00", "end": "2024-03-10T04:00" },
    { "id": "a", "lane": "wbe", "kind": "outtage", "title": "x", "start": "2024-03-10T02:30" },
    { "lane": "web", "kind": "degraded", "title": "", "impact": 30, "start": "2024-03-10T05:00", "end": "2024-03-10T04:00" },
    { "lane": "web", "kind": "milestone", "title": "m", "at": "2024-02-30T10:00", "links": [{ "url": "javascript:x" }] },
    { "lane": "web", "kind": "activity", "title": "t", "start": "2024-03-11T10:00", "ned": "2024-03-11T11:00" }
  ]
}"#;
    let all = problems(text);
    let got: Vec<&str> = all.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        got,
        [
            "version",
            "lanes[1].id",
            "lanes[1].label",
            "events[1].id",
            "events[1].lane",
            "events[1].kind",
            "events[1].start",
            "events[2].title",
            "events[2].impact",
            "events[2].end",
            "events[3].at",
            "events[3].links[0].url",
            "events[4].ned",
        ],
        "\n{all}"
    );
    let message = |path: &str| &all.iter().find(|p| p.path == path).unwrap().message;
    assert!(message("events[1].lane").contains("did you mean \"web\"?"));
    assert!(message("events[1].kind").contains("did you mean \"outage\"?"));
    assert!(message("events[1].start").contains("does not exist in America/New_York"));
    assert!(message("events[2].end").contains("end 04:00 is before start 05:00"));
    assert!(message("events[3].at").contains("February 2024 has no day 30"));
    assert!(message("events[4].ned").contains("did you mean \"end\"?"));
}

#[test]
fn a_flood_of_problems_is_capped_with_a_count() {
    let events: Vec<Value> = (0..150)
        .map(|_| json!({ "kind": "bogus", "title": "x" }))
        .collect();
    let all = problems(&json!({ "version": 1, "events": events }).to_string());
    assert_eq!(all.len(), 101, "100 problems and a line counting the rest");
    assert_eq!(all.0[0].path, "events[0].kind");
    let last = all.0.last().unwrap();
    assert_eq!(last.path, "");
    assert!(last.message.contains("more problems"), "{}", last.message);
}

/// A problem's line and column are those of its path's value in the text
/// (or of the object that lacks a missing field), as an editor counts them.
#[test]
fn path_problems_have_the_line_and_column_of_their_value() {
    let text = "{\n  \"version\": 1,\n  \"timezone\": \"UTC\",\n  \"events\": [\n    {\"id\": \"a\", \"kind\": \"milestone\", \"title\": \"é\", \"at\": \"2024-05-01T10:00:00Z\"},\n    {\"id\": \"a\", \"kind\": \"milestone\", \"title\": \"B\", \"at\": \"2024-05-01T11:00:00Z\"},\n    {\"kind\": \"outage\", \"start\": \"2024-05-01T12:00:00Z\"}\n  ]\n}";
    let p = problems(text);
    let at = |path: &str| {
        let q = p
            .iter()
            .find(|q| q.path == path)
            .unwrap_or_else(|| panic!("no problem at {path}:\n{p}"));
        (q.line.unwrap(), q.column.unwrap())
    };
    // The duplicate id: its value on line 6.
    assert_eq!(at("events[1].id"), (6, 12));
    // The outage without a title: the event's object on line 7.
    assert_eq!(at("events[2].title"), (7, 5));
    assert!(
        p.to_string()
            .contains("line 6, column 12: events[1].id: duplicate id"),
        "{p}"
    );
}
