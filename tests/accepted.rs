//! What the parser accepts, with the meaning docs/format.md gives it: times
//! with and without offsets, DST overlaps, implicit lanes, defaults, `x-`
//! fields, ongoing ranges. What it rejects is in tests/rejected.rs.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::layout::scene::BarEnd;
use incident_timeline::time::format_instant;
use incident_timeline::{layout, parse, Kind, LayoutOptions, Severity, Timeline};
use serde_json::{json, Value};
use std::path::PathBuf;

/// An otherwise valid document (zone UTC) around one event.
fn doc_with(event: Value) -> String {
    json!({ "version": 1, "timezone": "UTC", "events": [event] }).to_string()
}

fn ok(text: &str) -> Timeline {
    parse(text).unwrap_or_else(|p| panic!("rejected:\n{p}\n{text}"))
}

fn at(t: &Timeline, i: usize) -> String {
    format_instant(t.events[i].start)
}

#[test]
fn explicit_offsets_are_exact_instants_whatever_the_zone() {
    let t = ok(&json!({ "version": 1, "timezone": "Asia/Tokyo", "events": [
        { "kind": "outage", "title": "a", "start": "2022-12-07T08:24:00-08:00", "end": "2022-12-07T16:49:00Z" },
        { "kind": "milestone", "title": "b", "at": "2022-12-07T21:54:00+05:30" },
        { "kind": "milestone", "title": "c", "at": "2022-12-07t16:24z" },
        { "kind": "milestone", "title": "d", "at": "2022-12-07 16:24:00.123456+00:00" }
    ]})
    .to_string());
    assert_eq!(at(&t, 0), "2022-12-07T16:24:00.000Z");
    assert_eq!(
        t.events[0].end.map(format_instant).as_deref(),
        Some("2022-12-07T16:49:00.000Z")
    );
    assert_eq!(at(&t, 1), "2022-12-07T16:24:00.000Z");
    assert_eq!(at(&t, 2), "2022-12-07T16:24:00.000Z");
    assert_eq!(
        at(&t, 3),
        "2022-12-07T16:24:00.123Z",
        "kept to the millisecond"
    );
    assert_eq!(t.zone.as_ref().map(|z| z.name()), Some("Asia/Tokyo"));
}

#[test]
fn wall_clock_times_are_read_in_the_document_zone_with_its_dst() {
    let t = ok(&json!({ "version": 1, "timezone": "America/Los_Angeles", "events": [
        { "kind": "degraded", "impact": 0.3, "title": "winter", "start": "2022-12-09T12:40:00", "end": "2022-12-09T13:20" },
        { "kind": "milestone", "title": "summer", "at": "2022-07-09T12:40:00" }
    ]})
    .to_string());
    assert_eq!(at(&t, 0), "2022-12-09T20:40:00.000Z", "PST is UTC-8");
    assert_eq!(
        t.events[0].end.map(format_instant).as_deref(),
        Some("2022-12-09T21:20:00.000Z")
    );
    assert_eq!(at(&t, 1), "2022-07-09T19:40:00.000Z", "PDT is UTC-7");
}

#[test]
fn a_repeated_wall_clock_time_means_the_earlier_instant() {
    let t = ok(
        &json!({ "version": 1, "timezone": "America/New_York", "events": [
            { "kind": "milestone", "title": "first", "at": "2024-11-03T01:30:00" },
            { "kind": "milestone", "title": "written first", "at": "2024-11-03T01:30:00-04:00" },
            { "kind": "milestone", "title": "second", "at": "2024-11-03T01:30:00-05:00" }
        ]})
        .to_string(),
    );
    assert_eq!(
        at(&t, 0),
        "2024-11-03T05:30:00.000Z",
        "01:30 EDT, the first of the two"
    );
    assert_eq!(at(&t, 1), "2024-11-03T05:30:00.000Z");
    assert_eq!(at(&t, 2), "2024-11-03T06:30:00.000Z");

    // The same rule in zones that fall back on other nights and by other amounts.
    let berlin = ok(
        &json!({ "version": 1, "timezone": "Europe/Berlin", "events": [
            { "kind": "milestone", "title": "x", "at": "2024-10-27T02:30" }
        ]})
        .to_string(),
    );
    assert_eq!(
        at(&berlin, 0),
        "2024-10-27T00:30:00.000Z",
        "02:30 CEST (UTC+2)"
    );
    let lord_howe = ok(
        &json!({ "version": 1, "timezone": "Australia/Lord_Howe", "events": [
            { "kind": "milestone", "title": "x", "at": "2024-04-07T01:45" }
        ]})
        .to_string(),
    );
    assert_eq!(
        at(&lord_howe, 0),
        "2024-04-06T14:45:00.000Z",
        "01:45 at UTC+11, not UTC+10:30"
    );
}

#[test]
fn the_dst_change_example_means_what_it_says() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/examples/dst-change.json"),
    )
    .unwrap();
    let t = ok(&text);
    let window = t
        .events
        .iter()
        .find(|e| e.id.as_deref() == Some("maintenance-window"))
        .unwrap();
    assert_eq!(
        window.end.unwrap() - window.start,
        5 * 3_600_000,
        "00:00 EDT to 04:00 EST is five hours"
    );
    let run = t
        .events
        .iter()
        .find(|e| e.id.as_deref() == Some("billing-run-1"))
        .unwrap();
    assert_eq!(format_instant(run.start), "2024-11-03T05:30:00.000Z");
}

#[test]
fn ongoing_ranges_have_no_end_written_or_null() {
    let t = ok(&json!({ "version": 1, "events": [
        { "kind": "outage", "title": "absent", "start": "2024-05-01T10:00Z" },
        { "kind": "degraded", "impact": 0.5, "title": "null", "start": "2024-05-01T10:30Z", "end": null },
        { "kind": "maintenance", "title": "closed", "start": "2024-05-01T09:00Z", "end": "2024-05-01T09:00Z" }
    ]})
    .to_string());
    assert!(t.events[0].is_ongoing() && t.events[0].end.is_none());
    assert!(t.events[1].is_ongoing() && t.events[1].end.is_none());
    assert!(
        !t.events[2].is_ongoing(),
        "end equal to start is a closed, zero-length range"
    );
    assert_eq!(t.events[2].end, Some(t.events[2].start));
    let scene = layout(&t, &LayoutOptions::default());
    let end_of = |i: usize| scene.bars.iter().find(|b| b.event == i).unwrap().end;
    assert_eq!(end_of(0), BarEnd::Ongoing);
    assert_eq!(end_of(1), BarEnd::Ongoing);
    assert_eq!(end_of(2), BarEnd::Closed);
    // Drawn up to the right-hand end of the chart.
    let right = scene
        .bars
        .iter()
        .find(|b| b.event == 0)
        .unwrap()
        .rect
        .right();
    assert!(
        right > scene.plot.right() - 20.0,
        "ongoing bar ends at {right}, plot at {}",
        scene.plot.right()
    );
}

#[test]
fn milestones_are_points() {
    let t = ok(&doc_with(
        json!({ "kind": "milestone", "title": "Root cause found", "at": "2024-05-01T10:27:00Z" }),
    ));
    let e = &t.events[0];
    assert!(e.is_point() && !e.is_ongoing());
    assert_eq!(
        (e.kind, e.end, e.severity, e.impact),
        (Kind::MILESTONE, None, Severity::None, Some(0.0))
    );
    assert_eq!(format_instant(e.start), "2024-05-01T10:27:00.000Z");
    let scene = layout(&t, &LayoutOptions::default());
    assert_eq!(scene.markers.len(), 1);
    assert!(scene.bars.is_empty());
}

#[test]
fn defaults_by_kind() {
    let t = ok(&json!({ "version": 1, "events": [
        { "kind": "outage", "title": "a", "start": "2024-05-01T10:00Z" },
        { "kind": "degraded", "impact": 0.3, "title": "b", "start": "2024-05-01T10:00Z" },
        { "kind": "maintenance", "title": "c", "start": "2024-05-01T10:00Z" },
        { "kind": "activity", "title": "d", "start": "2024-05-01T10:00Z", "severity": "critical" },
        { "kind": "degraded", "title": "e", "start": "2024-05-01T10:00Z" },
        { "kind": "degraded", "impact": null, "title": "f", "start": "2024-05-01T10:00Z" }
    ]})
    .to_string());
    let got: Vec<(Severity, Option<f64>)> =
        t.events.iter().map(|e| (e.severity, e.impact)).collect();
    assert_eq!(
        got,
        [
            (Severity::Major, Some(1.0)),
            (Severity::Minor, Some(0.3)),
            (Severity::None, Some(0.0)),
            (Severity::Critical, Some(0.0)),
            // A degraded event without a share: partly affected, share not stated.
            (Severity::Minor, None),
            (Severity::Minor, None)
        ]
    );
}

#[test]
fn lanes_are_inferred_in_order_of_first_appearance() {
    let t = ok(&json!({ "version": 1, "events": [
        { "lane": "db", "kind": "outage", "title": "a", "start": "2024-05-01T10:00Z" },
        { "kind": "milestone", "title": "b", "at": "2024-05-01T09:00Z" },
        { "lane": "web", "kind": "outage", "title": "c", "start": "2024-05-01T08:00Z" },
        { "lane": "db", "kind": "outage", "title": "d", "start": "2024-05-01T07:00Z" }
    ]})
    .to_string());
    let lanes: Vec<(&str, &str)> = t
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.label.as_str()))
        .collect();
    assert_eq!(lanes, [("db", "db"), ("events", "Events"), ("web", "web")]);
    let of: Vec<usize> = t.events.iter().map(|e| e.lane).collect();
    assert_eq!(of, [0, 1, 2, 0]);
}

#[test]
fn declared_lanes_keep_their_order_and_labels() {
    let t = ok(&json!({ "version": 1, "lanes": [{ "id": "web", "label": "Web server" }, { "id": "db" }], "events": [
        { "lane": "db", "kind": "outage", "title": "a", "start": "2024-05-01T10:00Z" }
    ]})
    .to_string());
    let lanes: Vec<(&str, &str)> = t
        .lanes
        .iter()
        .map(|l| (l.id.as_str(), l.label.as_str()))
        .collect();
    assert_eq!(lanes, [("web", "Web server"), ("db", "db")]);
    assert_eq!(t.events[0].lane, 1);
}

#[test]
fn extension_fields_and_top_level_schema_are_ignored() {
    let t = ok(&json!({
        "$schema": "https://incident-timeline.dev/schema/v1.json",
        "x-generator": { "name": "hand" },
        "version": 1,
        "lanes": [{ "id": "web", "x-owner": "sre" }],
        "events": [{ "lane": "web", "kind": "outage", "title": "a", "start": "2024-05-01T10:00Z", "x-ticket": "OPS-1",
                     "links": [{ "url": "https://status.example.com/", "x-checked": true }] }]
    })
    .to_string());
    assert_eq!(t.events[0].links[0].url, "https://status.example.com/");
}

#[test]
fn text_is_kept_as_written() {
    let t = ok(&doc_with(
        json!({ "kind": "outage", "title": "<b>5XX</b> & \"quotes\" — 障害 😀", "start": "2024-05-01T10:00Z" }),
    ));
    assert_eq!(t.events[0].title, "<b>5XX</b> & \"quotes\" — 障害 😀");
}

#[test]
fn a_degraded_event_without_impact_is_drawn_hatched_and_says_share_not_stated() {
    let t = ok(&json!({ "version": 1, "timezone": "UTC", "events": [
        { "lane": "api", "kind": "outage", "title": "Down", "start": "2024-05-01T10:00Z", "end": "2024-05-01T10:25Z" },
        { "lane": "api", "kind": "degraded", "title": "Slow", "start": "2024-05-01T10:15Z", "end": "2024-05-01T11:35Z" },
        { "lane": "db", "kind": "degraded", "impact": 0.3, "title": "Errors", "start": "2024-05-01T10:40Z", "end": "2024-05-01T11:20Z" }
    ]})
    .to_string());
    assert_eq!(t.events[1].impact, None);
    let scene = layout(&t, &LayoutOptions::default());
    let hatched: Vec<bool> = scene.bars.iter().map(|b| b.hatched).collect();
    assert_eq!(hatched.iter().filter(|h| **h).count(), 1, "{hatched:?}");
    let legend: Vec<&str> = scene.legend.iter().map(|l| l.text.text.as_str()).collect();
    assert!(
        legend.contains(&"Degraded (share not stated)"),
        "{legend:?}"
    );
    assert!(
        legend.contains(&"Degraded (height = share affected)"),
        "{legend:?}"
    );
    let svg = incident_timeline::render_svg(&t, &Default::default()).unwrap();
    assert!(svg.contains(
        "<desc>Outage 25 min (1 outage) · degraded 1 h 10 min (share not stated) · spanning 1 h 35 min.</desc>"
    ));
    let normalized = serde_json::to_value(&t).unwrap();
    assert_eq!(normalized["events"][1]["impact"], Value::Null);
}

#[test]
fn inferred_ranges_are_drawn_with_soft_ends() {
    use incident_timeline::{render_svg, RenderOptions};
    let doc = |inferred: bool| {
        ok(&doc_with(
            json!({ "kind": "outage", "title": "down", "inferred": inferred,
            "start": "2024-05-01T10:00Z", "end": "2024-05-01T11:00Z" }),
        ))
    };
    let (soft, stated) = (doc(true), doc(false));
    let scene = layout(&soft, &LayoutOptions::default());
    assert!(scene.bars[0].inferred);
    assert!(!layout(&stated, &LayoutOptions::default()).bars[0].inferred);
    // The same bar; the inferred one fades in and out at its two ends:
    // translucent strips of its colour at its left and right edges.
    let svg = |t: &Timeline| render_svg(t, &RenderOptions::default()).unwrap();
    let translucent = |s: &str| {
        s.split("<rect")
            .skip(1)
            .filter(|r| r.contains("opacity=\"0."))
            .count()
    };
    let (a, b) = (svg(&soft), svg(&stated));
    assert!(
        translucent(&a) >= translucent(&b) + 6,
        "three strips a side: {} translucent rects against {}",
        translucent(&a),
        translucent(&b)
    );
    let x0 = scene.bars[0].fill.x;
    let x1 = scene.bars[0].fill.right();
    let rects_at = |s: &str, x: f64| {
        s.split("<rect")
            .skip(1)
            .filter(|r| r.contains("opacity=\"0."))
            .filter_map(|r| {
                r.split("x=\"")
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse::<f64>()
                    .ok()
            })
            .filter(|&rx| (rx - x).abs() < 1.5)
            .count()
    };
    assert!(
        rects_at(&a, x0) >= 1,
        "a translucent strip at the left edge"
    );
    assert!(rects_at(&a, x1 - 4.0) >= 1, "and at the right edge");
    assert_eq!(rects_at(&b, x0), 0, "a stated range has a hard edge");
}
