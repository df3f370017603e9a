//! Every place outside Rust that names the kinds of events agrees with the
//! kind registry (`src/model/kinds/`): the JSON Schema (the kind enum, which
//! kinds take `at`, which need or forbid `impact`, each default severity and
//! an editor snippet per kind), the TypeScript types and the Hugo templates.
//! Adding a kind to the registry fails this test until they all name it.

use incident_timeline::model::{Impact, Kind};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn names(filter: impl Fn(Kind) -> bool) -> BTreeSet<String> {
    Kind::ALL
        .iter()
        .copied()
        .filter(|k| filter(*k))
        .map(|k| k.as_str().to_string())
        .collect()
}

/// The kinds a schema `if` names: `{"const": k}` or `{"enum": [...]}`.
fn kinds_in_if(rule: &Value) -> BTreeSet<String> {
    let kind = &rule["if"]["properties"]["kind"];
    if let Some(k) = kind["const"].as_str() {
        return [k.to_string()].into();
    }
    kind["enum"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_schema_describes_every_kind_as_the_registry_does() {
    let schema: Value = serde_json::from_str(&read("incident-timeline.schema.json")).unwrap();
    let event = &schema["$defs"]["event"];
    let listed: Vec<&str> = event["properties"]["kind"]["enum"]
        .as_array()
        .expect("kind enum")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        listed,
        Kind::names(),
        "the schema's kind enum, in legend order"
    );

    let rules = event["allOf"].as_array().expect("allOf");
    // Which kinds each rule says need `at`, need `impact`, forbid `impact`.
    let mut at_required = BTreeSet::new();
    let mut impact_required: BTreeSet<String> = BTreeSet::new();
    let mut impact_forbidden = BTreeSet::new();
    let mut defaults: Vec<(String, String)> = Vec::new();
    for rule in rules {
        let kinds = kinds_in_if(rule);
        let then = &rule["then"];
        let required: Vec<&str> = then["required"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for k in &kinds {
            if required.contains(&"at") {
                at_required.insert(k.clone());
            }
            if required.contains(&"impact") {
                impact_required.insert(k.clone());
            }
            if then["properties"]["impact"] == Value::Bool(false) {
                impact_forbidden.insert(k.clone());
            }
            if let Some(d) = then["properties"]["severity"]["default"].as_str() {
                defaults.push((k.clone(), d.to_string()));
            }
        }
    }
    assert_eq!(at_required, names(|k| k.is_point()), "kinds that need at");
    // A share may always be left out (partly affected, share not stated).
    assert!(
        impact_required.is_empty(),
        "no kind needs impact: {impact_required:?}"
    );
    assert_eq!(
        impact_forbidden,
        names(|k| k.spec().impact != Impact::Share),
        "kinds that may not have impact"
    );
    for k in Kind::ALL {
        let given: Vec<&String> = defaults
            .iter()
            .filter(|(kind, _)| kind == k.as_str())
            .map(|(_, d)| d)
            .collect();
        assert_eq!(
            given,
            vec![k.default_severity().as_str()],
            "the schema's default severity for {k:?}"
        );
    }
    let snippets: BTreeSet<String> = event["defaultSnippets"]
        .as_array()
        .expect("snippets")
        .iter()
        .filter_map(|s| s["body"]["kind"].as_str().map(String::from))
        .collect();
    assert_eq!(snippets, names(|_| true), "an editor snippet per kind");
}

#[test]
fn the_typescript_kind_type_lists_every_kind() {
    let dts = read("js/api.d.ts");
    let line = dts
        .lines()
        .find(|l| l.starts_with("export type Kind ="))
        .expect("export type Kind in js/api.d.ts");
    let listed: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
    assert_eq!(listed, Kind::names());
}

#[test]
fn the_hugo_templates_list_every_kind() {
    let element = read("js/hugo/layouts/partials/incident-timeline/element.html");
    let slice = element
        .lines()
        .find(|l| l.contains("$kinds := slice"))
        .expect("the $kinds slice in element.html");
    let listed: Vec<&str> = slice.split('"').skip(1).step_by(2).collect();
    assert_eq!(listed, Kind::names(), "element.html's $kinds");
    let message = format!("is not one of {}", Kind::names().join(", "));
    assert!(
        element.contains(&message),
        "element.html's error message should say: {message}"
    );
    // The template tells points (`at`) from ranges (`start`) by name.
    for point in names(|k| k.is_point()) {
        assert!(
            element.contains(&format!("eq $e.kind \"{point}\"")),
            "element.html must treat {point} as a point in time"
        );
    }
    assert_eq!(
        names(|k| k.is_point()).len(),
        1,
        "element.html checks one point kind"
    );
}
