//! The JSON Schema (`incident-timeline.schema.json`) and the Rust model agree:
//! every example validates against the schema and parses; every invalid
//! fixture is rejected by the side(s) its README table names, at the path the
//! table names; and a few hand-written documents probe the edges where the two
//! could drift apart (`$schema` placement, `x-` fields, `end: null`).
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::parse;
use jsonschema::Validator;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const SCHEMA_ID: &str = "https://incident-timeline.dev/schema/v1.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text =
        fs::read_to_string(root().join("incident-timeline.schema.json")).expect("schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn validator() -> Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

/// Schema errors as `(instance path as JSON pointer, message)`.
fn schema_errors(v: &Validator, doc: &Value) -> Vec<(String, String)> {
    v.iter_errors(doc)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// `events[0].links[1].url` → `/events/0/links/1/url`.
fn pointer(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        out.push('/');
        out.push_str(&key.replace('~', "~0").replace('/', "~1"));
        for idx in rest.split('[') {
            let idx = idx.trim_end_matches(']');
            if !idx.is_empty() {
                out.push('/');
                out.push_str(idx);
            }
        }
    }
    out
}

/// True when `ancestor` is `path` or one of its enclosing objects.
fn encloses(ancestor: &str, path: &str) -> bool {
    ancestor == path || path.starts_with(&format!("{ancestor}/")) || ancestor.is_empty()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Both,
    Rust,
    Json,
}

#[derive(Debug)]
enum Where {
    Path(String),
    LineColumn(usize, usize),
}

#[derive(Debug)]
struct Row {
    file: String,
    at: Where,
    side: Side,
}

fn unquote(cell: &str) -> &str {
    cell.trim().trim_matches('`')
}

/// The table of `tests/fixtures/invalid/README.md`.
fn readme_rows() -> Vec<Row> {
    let text = fs::read_to_string(root().join("tests/fixtures/invalid/README.md")).expect("README");
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').collect();
            assert!(cells.len() >= 4, "bad table row: {l}");
            let at = unquote(cells[1]);
            let at = match at.strip_prefix("line ") {
                Some(lc) => {
                    let (line, col) = lc
                        .split_once(", column ")
                        .unwrap_or_else(|| panic!("bad position: {at}"));
                    Where::LineColumn(line.parse().unwrap(), col.parse().unwrap())
                }
                None => Where::Path(at.to_string()),
            };
            let side = match unquote(cells[2]) {
                "both" => Side::Both,
                "rust" => Side::Rust,
                "json" => Side::Json,
                other => panic!("unknown side {other:?} in: {l}"),
            };
            Row {
                file: unquote(cells[0]).to_string(),
                at,
                side,
            }
        })
        .collect()
}

#[test]
fn schema_is_valid_draft_2020_12_with_our_id() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["$id"], SCHEMA_ID);
    jsonschema::meta::validate(&s).expect("the schema is itself a valid JSON Schema");
}

#[test]
fn every_example_validates_and_parses() {
    let v = validator();
    let files = json_files(&root().join("www/examples"));
    assert!(files.len() >= 5, "expected the examples, found {files:?}");
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let errors = schema_errors(&v, &doc);
        assert!(
            errors.is_empty(),
            "{}: the schema rejects it: {errors:#?}",
            f.display()
        );
        let t =
            parse(&text).unwrap_or_else(|p| panic!("{}: the parser rejects it:\n{p}", f.display()));
        assert!(!t.events.is_empty(), "{}: no events", f.display());
    }
}

#[test]
fn readme_table_lists_every_fixture() {
    let listed: BTreeSet<String> = readme_rows().into_iter().map(|r| r.file).collect();
    let present: BTreeSet<String> = json_files(&root().join("tests/fixtures/invalid"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(listed, present, "README table and fixture files differ");
}

#[test]
fn every_invalid_fixture_is_rejected_by_the_sides_the_readme_names() {
    let v = validator();
    let rows = readme_rows();
    assert!(rows.len() >= 18, "{rows:#?}");
    let mut failures = Vec::new();
    for row in &rows {
        let text =
            fs::read_to_string(root().join("tests/fixtures/invalid").join(&row.file)).unwrap();
        let problems = match parse(&text) {
            Ok(_) => {
                failures.push(format!("{}: the parser accepts it", row.file));
                continue;
            }
            Err(p) => p,
        };
        match (&row.at, row.side) {
            (Where::LineColumn(line, col), Side::Json) => {
                assert!(
                    serde_json::from_str::<Value>(&text).is_err(),
                    "{}: is JSON",
                    row.file
                );
                let p = &problems.0[0];
                if problems.len() != 1 || (p.line, p.column) != (Some(*line), Some(*col)) {
                    failures.push(format!(
                        "{}: expected only line {line}, column {col}; got {problems:?}",
                        row.file
                    ));
                }
            }
            (Where::Path(path), side @ (Side::Both | Side::Rust)) => {
                if !problems.iter().any(|p| &p.path == path) {
                    failures.push(format!(
                        "{}: the parser reports {problems:?}, nothing at {path}",
                        row.file
                    ));
                }
                let doc: Value = serde_json::from_str(&text).unwrap();
                let errors = schema_errors(&v, &doc);
                match side {
                    Side::Rust if !errors.is_empty() => failures.push(format!(
                        "{}: marked rust-only, but the schema rejects it: {errors:#?}",
                        row.file
                    )),
                    Side::Both if errors.is_empty() => {
                        failures.push(format!("{}: the schema accepts it", row.file));
                    }
                    Side::Both => {
                        // Schema validators report missing and unknown fields at the
                        // enclosing object, so the schema's path must be the parser's
                        // path or an object around it.
                        let want = pointer(path);
                        if !errors.iter().any(|(at, _)| encloses(at, &want)) {
                            failures.push(format!(
                                "{}: the schema's errors are elsewhere than {want}: {errors:#?}",
                                row.file
                            ));
                        }
                    }
                    _ => {}
                }
            }
            (at, side) => failures.push(format!(
                "{}: inconsistent row: {at:?} with {side:?}",
                row.file
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An otherwise valid document with `event` as its only event.
fn with_event(event: Value) -> Value {
    json!({ "version": 1, "timezone": "UTC", "events": [event] })
}

fn outage() -> Value {
    json!({ "id": "o", "lane": "web", "kind": "outage", "title": "Down", "start": "2024-05-01T10:00:00Z" })
}

fn set(mut v: Value, key: &str, to: Value) -> Value {
    v[key] = to;
    v
}

fn both_accept(v: &Validator, doc: &Value) {
    let errors = schema_errors(v, doc);
    assert!(errors.is_empty(), "the schema rejects {doc}: {errors:#?}");
    if let Err(p) = parse(&doc.to_string()) {
        panic!("the parser rejects {doc}:\n{p}");
    }
}

fn both_reject(v: &Validator, doc: &Value, path: &str) {
    assert!(!v.is_valid(doc), "the schema accepts {doc}");
    let problems = parse(&doc.to_string()).expect_err(&format!("the parser accepts {doc}"));
    assert!(
        problems.iter().any(|p| p.path == path),
        "expected a problem at {path}: {problems:?}"
    );
}

#[test]
fn edges_where_schema_and_parser_could_drift_apart() {
    let v = validator();

    // `$schema`: top level only.
    let mut top = with_event(outage());
    top["$schema"] = json!(SCHEMA_ID);
    both_accept(&v, &top);
    both_reject(
        &v,
        &with_event(set(outage(), "$schema", json!(SCHEMA_ID))),
        "events[0].$schema",
    );
    let mut in_lane = with_event(outage());
    in_lane["lanes"] = json!([{ "id": "web", "$schema": SCHEMA_ID }]);
    both_reject(&v, &in_lane, "lanes[0].$schema");
    let link = json!([{ "url": "https://status.example.com/", "$schema": SCHEMA_ID }]);
    both_reject(
        &v,
        &with_event(set(outage(), "links", link)),
        "events[0].links[0].$schema",
    );

    // `x-` fields: anywhere, any value.
    let mut ext = with_event(set(outage(), "x-ticket", json!({ "n": [1, 2] })));
    ext["x-source"] = json!("pagerduty");
    ext["lanes"] = json!([{ "id": "web", "x-owner": "sre" }]);
    ext["events"][0]["links"] = json!([{ "url": "https://e.example/", "x-k": null }]);
    both_accept(&v, &ext);

    // Ongoing: `end` absent or null, with and without a timezone.
    both_accept(&v, &with_event(outage()));
    both_accept(&v, &with_event(set(outage(), "end", Value::Null)));
    let mut no_zone = with_event(set(outage(), "end", Value::Null));
    no_zone.as_object_mut().unwrap().remove("timezone");
    both_accept(&v, &no_zone);
    // …but a milestone takes no `end`, not even null.
    let milestone =
        json!({ "kind": "milestone", "title": "Paged", "at": "2024-05-01T10:00:00Z", "end": null });
    both_reject(&v, &with_event(milestone), "events[0].end");

    // Kinds and the fields they need or forbid.
    let degraded = json!({ "kind": "degraded", "title": "Slow", "start": "2024-05-01T10:00:00Z", "impact": 0.3 });
    both_accept(&v, &with_event(degraded.clone()));
    both_accept(&v, &with_event(set(degraded.clone(), "impact", json!(0))));
    both_accept(&v, &with_event(set(degraded.clone(), "impact", json!(1))));
    both_reject(
        &v,
        &with_event(set(degraded.clone(), "impact", json!(-0.1))),
        "events[0].impact",
    );
    both_reject(
        &v,
        &with_event(set(degraded.clone(), "impact", json!("30%"))),
        "events[0].impact",
    );
    let mut no_impact = degraded.clone();
    no_impact.as_object_mut().unwrap().remove("impact");
    // Partly affected, share not stated: accepted by both, left out or null.
    both_accept(&v, &with_event(no_impact));
    both_accept(
        &v,
        &with_event(set(degraded.clone(), "impact", json!(null))),
    );
    both_reject(
        &v,
        &with_event(set(outage(), "at", json!("2024-05-01T10:00:00Z"))),
        "events[0].at",
    );
    let no_at = json!({ "kind": "milestone", "title": "Paged" });
    both_reject(&v, &with_event(no_at), "events[0].at");
    both_reject(
        &v,
        &with_event(set(outage(), "severity", json!("sev1"))),
        "events[0].severity",
    );

    // Shapes of strings.
    both_reject(
        &v,
        &with_event(set(outage(), "id", json!("-x"))),
        "events[0].id",
    );
    both_reject(
        &v,
        &with_event(set(outage(), "title", json!(""))),
        "events[0].title",
    );
    both_reject(
        &v,
        &with_event(set(outage(), "title", json!("x".repeat(501)))),
        "events[0].title",
    );
    both_accept(
        &v,
        &with_event(set(outage(), "title", json!("é".repeat(500)))),
    );
    both_reject(
        &v,
        &with_event(set(outage(), "start", json!("2024-05-01T10:00:00+0200"))),
        "events[0].start",
    );
    both_accept(
        &v,
        &with_event(set(
            outage(),
            "start",
            json!("2024-05-01 10:00:00.123456789z"),
        )),
    );
    let data_link = json!([{ "url": "data:text/html,hi" }]);
    both_reject(
        &v,
        &with_event(set(outage(), "links", data_link)),
        "events[0].links[0].url",
    );
    let relative = json!([{ "url": "/status" }]);
    both_reject(
        &v,
        &with_event(set(outage(), "links", relative)),
        "events[0].links[0].url",
    );

    // The document.
    both_reject(&v, &json!({ "version": 1 }), "events");
    both_reject(&v, &json!({ "events": [] }), "version");
    both_accept(&v, &json!({ "version": 1, "events": [] }));
    both_reject(
        &v,
        &json!({ "version": 1, "events": [], "titel": "x" }),
        "titel",
    );
}

#[test]
fn pointer_conversion() {
    assert_eq!(pointer("events[0].links[1].url"), "/events/0/links/1/url");
    assert_eq!(pointer("version"), "/version");
    assert_eq!(pointer("events[1].$schema"), "/events/1/$schema");
    assert!(encloses("/events/0", "/events/0/ned"));
    assert!(!encloses("/events/1", "/events/10/ned"));
}
