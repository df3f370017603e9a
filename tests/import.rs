//! The importers on real feeds (../shared/realdata, beside the repository)
//! and on the fixtures in tests/fixtures/feeds: facts read in the data by
//! hand, every real file imported and read back as format v1, the GitHub
//! history (1,282 files) as one timeline and how long it takes, the filters,
//! and hostile input (markup, wrong types everywhere, BOM, duplicates,
//! disorder, times without offsets, huge feeds): an error or a warning,
//! never a panic.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::import::{
    detect, import_many, import_text, import_value, is_format_v1, ImportOptions, Imported, Source,
};
use incident_timeline::model::{Event, Kind, Severity, Timeline};
use incident_timeline::parse::limits::{MAX_DETAIL_CHARS, MAX_TITLE_CHARS};
use incident_timeline::time::timestamp::{parse_time, TimeSpec};
use incident_timeline::time::Instant;
use incident_timeline::{parse, render_svg, RenderOptions};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn realdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn at(text: &str) -> Instant {
    match parse_time(text) {
        Ok(TimeSpec::Absolute(t)) => t,
        other => panic!("{text}: {other:?}"),
    }
}

fn import_file(path: &Path) -> Imported {
    import_text(&read(path), &ImportOptions::default())
        .unwrap_or_else(|p| panic!("{}: {p}", path.display()))
}

/// The timeline written as format v1 reads back as the same timeline.
fn reads_back(t: &Timeline, what: &str) {
    let doc = t.to_document();
    let again = parse(&doc).unwrap_or_else(|p| panic!("{what}: the document does not parse:\n{p}"));
    assert_eq!(again.lanes, t.lanes, "{what}");
    assert_eq!(again.events, t.events, "{what}");
    assert_eq!(again.title, t.title, "{what}");
}

fn lane_ids(t: &Timeline) -> Vec<&str> {
    t.lanes.iter().map(|l| l.id.as_str()).collect()
}

fn on_lane<'t>(t: &'t Timeline, lane: &str) -> Vec<&'t Event> {
    t.events
        .iter()
        .filter(|e| t.lanes[e.lane].id == lane)
        .collect()
}

fn event<'t>(t: &'t Timeline, id: &str) -> &'t Event {
    t.events
        .iter()
        .find(|e| e.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn warned(i: &Imported, needle: &str) -> bool {
    i.warnings.iter().any(|w| w.to_string().contains(needle))
}

// ------------------------------------------------------------ real files

#[test]
fn every_real_file_imports_and_reads_back_as_format_v1() {
    let root = realdata();
    let mut files = json_files(&root.join("statuspage"));
    files.extend(json_files(&root.join("gcp")));
    files.extend(json_files(&root.join("statuspage/github-incident-history")));
    assert_eq!(files.len(), 4 + 1 + 1282, "the real files");
    for f in &files {
        let i = import_file(f);
        assert!(!i.timeline.events.is_empty(), "{}", f.display());
        reads_back(&i.timeline, &f.display().to_string());
    }
}

#[test]
fn real_files_import_without_warnings() {
    let root = realdata();
    let mut files = json_files(&root.join("statuspage"));
    files.extend(json_files(&root.join("gcp")));
    for f in &files {
        let i = import_file(f);
        assert!(i.warnings.is_empty(), "{}: {:?}", f.display(), i.warnings);
    }
}

#[test]
fn upptime_is_not_a_supported_feed() {
    let path = realdata().join("other/upptime_upptime_history_summary.json");
    let p = import_text(&read(&path), &ImportOptions::default()).unwrap_err();
    let text = p.to_string();
    assert!(
        text.contains("this looks like neither format v1 nor a known status-page feed"),
        "{text}"
    );
    // Keys in sorted order (serde_json's maps).
    assert!(
        text.contains(
            "an array of 5 objects, the first with keys dailyMinutesDown, icon, name, slug"
        ),
        "{text}"
    );
    let doc: Value = serde_json::from_str(&read(&path)).unwrap();
    assert_eq!(detect(&doc), None);
}

#[test]
fn discord_messaging_issues_one_degraded_range_from_the_transitions() {
    let path = realdata().join("statuspage/Dziurwa14_discord-undoc.github.io_incidents.json");
    let i = import_file(&path);
    let t = &i.timeline;
    assert_eq!(i.source, Source::Statuspage);
    assert_eq!(t.zone.as_ref().map(|z| z.name()), Some("America/Tijuana"));
    assert_eq!(lane_ids(t), ["api", "updates"]);
    assert_eq!(t.lanes[0].label, "API");
    assert_eq!(t.title.as_deref(), Some("Messaging issues"));
    // operational → degraded_performance at 13:14:17.849, degraded → operational at 13:21:55.183.
    let api = on_lane(t, "api");
    assert_eq!(api.len(), 1);
    let r = api[0];
    assert_eq!(r.kind, Kind::DEGRADED);
    assert_eq!(r.impact, None, "share not stated");
    assert_eq!(r.start, at("2022-02-15T13:14:17.849-08:00"));
    assert_eq!(r.end, Some(at("2022-02-15T13:21:55.183-08:00")));
    assert_eq!(r.id.as_deref(), Some("n4njzfn1mqy0"));
    assert_eq!(r.links.len(), 1);
    assert_eq!(r.links[0].url, "https://stspg.io/y1w39cblgvhz");
    // Four updates, oldest first, titled with their status.
    let ups = on_lane(t, "updates");
    let titles: Vec<&str> = ups.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Investigating", "Investigating", "Monitoring", "Resolved"]
    );
    assert!(ups.iter().all(|e| e.kind == Kind::MILESTONE));
    assert_eq!(ups[3].start, at("2022-02-15T13:37:37.388-08:00"));
    assert_eq!(
        ups[3].detail.as_deref(),
        Some("This incident has been resolved.")
    );
    // Written back in the page's zone.
    assert!(t
        .to_document()
        .contains("\"2022-02-15T13:14:17.849-08:00\""));
}

#[test]
fn discord_maintenance_window_and_actual_times() {
    let path =
        realdata().join("statuspage/Dziurwa14_discord-undoc.github.io_scheduled-maintenances.json");
    let i = import_file(&path);
    let t = &i.timeline;
    assert_eq!(lane_ids(t), ["maintenance", "updates"]);
    let m = on_lane(t, "maintenance");
    assert_eq!(m.len(), 2);
    assert!(m.iter().all(|e| e.kind == Kind::MAINTENANCE));
    // Went in progress before scheduled_for, finished after scheduled_until.
    let actual = event(t, "chkt3cr0jf7b");
    assert_eq!(actual.start, at("2015-09-22T00:55:02.284-07:00"));
    assert_eq!(actual.end, Some(at("2015-09-22T02:25:20.034-07:00")));
    let window = m.iter().find(|e| e.title.ends_with("(scheduled)")).unwrap();
    assert_eq!(window.start, at("2015-09-22T01:00:00.000-07:00"));
    assert_eq!(window.end, Some(at("2015-09-22T01:30:00.000-07:00")));
    // display_at, not created_at (18:20:40.794, updated 2015-09-19).
    let scheduled = on_lane(t, "updates")[0];
    assert_eq!(scheduled.title, "Scheduled");
    assert_eq!(scheduled.start, at("2015-09-18T18:20:00.000-07:00"));
    let titles: Vec<&str> = on_lane(t, "updates")
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Scheduled", "In progress", "Verifying", "Completed"]
    );
    // The body's \r\n as \n, the text kept.
    let done = on_lane(t, "updates")[3];
    assert_eq!(
        done.detail.as_deref(),
        Some("Everything seems to be working!\nSorry for the brief interruption.")
    );
}

#[test]
fn circleci_legacy_summary_incidents_on_one_lane() {
    let path = realdata().join("statuspage/jskulski_snu_minor_incident_statuspage.io.json");
    let i = import_file(&path);
    let t = &i.timeline;
    // Every update has the "No components were affected" placeholder or null: no component lanes.
    assert_eq!(lane_ids(t), ["incidents", "updates"]);
    assert_eq!(on_lane(t, "incidents").len(), 10);
    assert_eq!(on_lane(t, "updates").len(), 40);
    assert_eq!(t.title.as_deref(), Some("CircleCI incidents"));
    assert!(t.zone.is_none());
    // No started_at in 2016: the span starts at the first update's display_at.
    let site = event(t, "zrp3t1mjjqkw");
    assert_eq!(site.kind, Kind::OUTAGE, "impact major");
    assert_eq!(site.start, at("2016-06-03T09:12:13.266-07:00"));
    assert_eq!(site.end, Some(at("2016-06-03T09:52:58.189-07:00")));
    assert_eq!(event(t, "z26pbzgzwjvz").kind, Kind::ACTIVITY, "impact none");
    let minor = event(t, "wfty08clsb6w");
    assert_eq!((minor.kind, minor.impact), (Kind::DEGRADED, None));
    // Updates name their incident when the timeline holds several.
    assert!(on_lane(t, "updates")
        .iter()
        .any(|e| e.title == "Resolved: Site Offline"));
}

#[test]
fn quay_maintenance_inside_the_incidents_list_and_dst_offsets() {
    let path = realdata().join("statuspage/jskulski_snu_spec.quay-io-index.json");
    let i = import_file(&path);
    let t = &i.timeline;
    assert_eq!(lane_ids(t), ["incidents", "maintenance", "updates"]);
    let m = on_lane(t, "maintenance");
    assert_eq!(m.len(), 1, "only the window: no in_progress update");
    assert_eq!(m[0].title, "Database Maintenance (scheduled)");
    assert_eq!(m[0].start, at("2016-04-23T15:00:00.000-04:00"));
    assert_eq!(m[0].end, Some(at("2016-04-23T17:00:00.000-04:00")));
    assert_eq!(on_lane(t, "incidents").len(), 9);
    // -05:00 in winter, -04:00 in spring, in one list.
    assert_eq!(
        event(t, "dwvj55m6968w").start,
        at("2015-11-19T10:38:29.563-05:00")
    );
    assert_eq!(
        event(t, "fq032cl5k8c7").start,
        at("2016-05-31T10:55:37.173-04:00")
    );
}

#[test]
fn github_zero_length_incident_is_a_milestone_at_display_at() {
    let dir = realdata().join("statuspage/github-incident-history");
    let i = import_file(&dir.join("01sqkcp7z62r.json"));
    let t = &i.timeline;
    assert_eq!(t.zone.as_ref().map(|z| z.name()), Some("UTC"), "Etc/UTC");
    assert_eq!(lane_ids(t), ["git-operations", "updates"]);
    let inc = event(t, "01sqkcp7z62r");
    assert_eq!(inc.kind, Kind::MILESTONE);
    assert_eq!(inc.start, at("2011-07-28T03:06:00.000Z"));
    assert_eq!(
        inc.severity,
        Severity::Minor,
        "the incident's impact stays as severity"
    );
    // The update was created in the 2018-12-05 import; display_at holds the real time.
    let up = event(t, "01sqkcp7z62r.cnjvqymvqfqb");
    assert_eq!(up.start, at("2011-07-28T03:06:00.000Z"));
    assert_ne!(up.start, at("2018-12-05T11:27:12.071Z"));
    // The HTML list as text.
    assert_eq!(
        up.detail.as_deref(),
        Some("• 2011-07-28 03:06:00 - One of our file servers failed over and we had a brief hiccup in availability.  Continuing to investigate.\n• 2011-07-28 05:43:00 - Our fileserver issues have been fully resolved!")
    );
}

#[test]
fn github_unposted_change_and_several_components() {
    let dir = realdata().join("statuspage/github-incident-history");
    // operational → operational at 20:47:46, then major_outage → operational at 21:30:07.
    let i = import_file(&dir.join("298l2r792bl7.json"));
    let t = &i.timeline;
    let r = event(t, "298l2r792bl7");
    assert_eq!(t.lanes[r.lane].label, "Issues");
    assert_eq!(r.kind, Kind::OUTAGE);
    assert_eq!(r.start, at("2022-10-13T20:47:46.553Z"));
    assert_eq!(r.end, Some(at("2022-10-13T21:30:07.307Z")));
    assert!(r
        .detail
        .as_deref()
        .unwrap()
        .contains("not posted in an update"));

    let i = import_file(&dir.join("c8zjb9351hlc.json"));
    let t = &i.timeline;
    assert_eq!(
        lane_ids(t),
        ["api-requests", "pull-requests", "actions", "updates"]
    );
    let actions = event(t, "c8zjb9351hlc.actions");
    assert_eq!(
        (actions.kind, actions.severity),
        (Kind::DEGRADED, Severity::Major),
        "partial_outage"
    );
    assert_eq!(actions.start, at("2023-09-05T04:51:26.559Z"));
    assert_eq!(actions.end, Some(at("2023-09-05T05:09:55.434Z")));
    assert_eq!(
        event(t, "c8zjb9351hlc.pull-requests").end,
        Some(at("2023-09-05T05:10:01.701Z"))
    );
}

fn github_history() -> Vec<(String, Value)> {
    json_files(&realdata().join("statuspage/github-incident-history"))
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&read(p)).unwrap())
        })
        .collect()
}

fn incident_of(e: &Event) -> &str {
    e.id.as_deref().unwrap().split('.').next().unwrap()
}

#[test]
fn github_history_as_one_timeline() {
    let docs = github_history();
    let t0 = std::time::Instant::now();
    let i = import_many(&docs, &ImportOptions::default()).unwrap();
    let took = t0.elapsed();
    println!(
        "import_many: {} GitHub incident files in {:.1} ms ({} build; the JSON was read before)",
        docs.len(),
        took.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    let t = &i.timeline;
    // Three backfilled incidents were posted after they were resolved.
    let warned: Vec<&str> = i.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        warned,
        [
            "nk9gdvl03ztg.json: incident.started_at",
            "qb2vmff9bnf5.json: incident.started_at",
            "qrrdvssfmrs2.json: incident.started_at"
        ]
    );
    let backfilled = event(t, "qb2vmff9bnf5");
    assert_eq!(backfilled.kind, Kind::MILESTONE);
    assert_eq!(
        backfilled.start,
        at("2020-03-31T08:00:00.000Z"),
        "resolved_at, not started_at 09:09"
    );
    // 11 components with positions, 2 only named in updates, then the catch-all lanes.
    assert_eq!(
        lane_ids(t),
        [
            "git-operations",
            "api-requests",
            "webhooks",
            "visit-www-githubstatus-com-for-more-information",
            "issues",
            "pull-requests",
            "actions",
            "packages",
            "pages",
            "codespaces",
            "copilot",
            "notifications",
            "gists",
            "incidents",
            "updates"
        ]
    );
    let incidents: std::collections::HashSet<&str> = t.events.iter().map(incident_of).collect();
    assert_eq!(incidents.len(), 1282);
    assert_eq!(on_lane(t, "updates").len(), 2801);
    // 164 incidents name no component.
    assert_eq!(on_lane(t, "incidents").len(), 164);
    assert_eq!(t.title.as_deref(), Some("GitHub incidents"));
    assert_eq!(
        t.description.as_deref(),
        Some("Imported from Statuspage (GitHub, https://www.githubstatus.com): 1282 incidents from 2010-02-07 to 2023-10-06.")
    );
    // Every event id is unique, and the whole reads back.
    let ids: std::collections::HashSet<&str> =
        t.events.iter().filter_map(|e| e.id.as_deref()).collect();
    assert_eq!(ids.len(), t.events.len());
    reads_back(t, "GitHub history");
    // Twice the same documents: each incident once.
    let mut twice = docs.clone();
    twice.extend(docs.iter().cloned());
    let again = import_many(&twice, &ImportOptions::default()).unwrap();
    assert_eq!(again.timeline.events, t.events);
    // Speed is measured by `cargo bench --bench import`, not asserted here.
    println!(
        "import_many of {} documents: {took:?} (debug build)",
        docs.len()
    );
}

#[test]
fn filters_time_window_incident_and_components() {
    let docs = github_history();
    let o = ImportOptions {
        since: Some(at("2023-01-01T00:00:00Z")),
        until: Some(at("2023-12-31T23:59:59Z")),
        ..ImportOptions::default()
    };
    let i = import_many(&docs, &o).unwrap();
    let t = &i.timeline;
    assert!(!t.events.is_empty());
    for e in &t.events {
        assert!(
            e.start >= at("2022-12-31T00:00:00Z") && e.start <= o.until.unwrap(),
            "{e:?}"
        );
    }
    let o = ImportOptions {
        incident: Some("298l2r792bl7".into()),
        ..ImportOptions::default()
    };
    let i = import_many(&docs, &o).unwrap();
    assert_eq!(i.timeline.title.as_deref(), Some("Incident with Issues"));
    assert_eq!(i.timeline.events.len(), 3);
    let o = ImportOptions {
        incident: Some("nope".into()),
        ..ImportOptions::default()
    };
    let p = import_many(&docs, &o).unwrap_err();
    assert!(
        p.to_string().contains("no incident with id \"nope\""),
        "{p}"
    );

    for by in ["Issues", "kr09ddfgbfsf", "issues"] {
        let o = ImportOptions {
            components: vec![by.into()],
            ..ImportOptions::default()
        };
        let i = import_many(&docs, &o).unwrap();
        assert_eq!(lane_ids(&i.timeline), ["issues", "updates"], "{by}");
        // 253 incidents list Issues in their components, 4 more only in an update.
        assert_eq!(
            on_lane(&i.timeline, "issues").len(),
            257,
            "{by}: incidents naming Issues"
        );
    }
    let o = ImportOptions {
        components: vec!["Issues".into(), "Nope".into()],
        ..ImportOptions::default()
    };
    let i = import_many(&docs, &o).unwrap();
    assert!(warned(&i, "no component \"Nope\""), "{:?}", i.warnings);
    let o = ImportOptions {
        since: Some(at("2023-01-01T00:00:00Z")),
        until: Some(at("2022-01-01T00:00:00Z")),
        ..ImportOptions::default()
    };
    assert!(import_many(&docs, &o).is_err());
}

#[test]
fn gcp_bigquery_incident() {
    let path = realdata().join("gcp/moritalous_cloud-status-history_incidents.first-incident.json");
    let i = import_file(&path);
    let t = &i.timeline;
    assert_eq!(i.source, Source::Gcp);
    assert_eq!(lane_ids(t), ["google-bigquery", "updates"]);
    assert_eq!(t.lanes[0].label, "Google BigQuery");
    let r = event(t, "TaA75H7XA1DQyM2ReK2f");
    assert_eq!(
        r.title,
        "[Google BigQuery] Lower throughput from the Read API"
    );
    assert_eq!(r.start, at("2022-07-01T13:37:44+00:00"));
    assert_eq!(r.end, Some(at("2022-07-01T19:25:45+00:00")));
    assert_eq!(
        (r.kind, r.severity),
        (Kind::ACTIVITY, Severity::Minor),
        "SERVICE_INFORMATION, low"
    );
    assert!(r
        .detail
        .as_deref()
        .unwrap()
        .contains("Tokyo (asia-northeast1)"));
    let ups = on_lane(t, "updates");
    assert_eq!(ups.len(), 5);
    assert_eq!(
        ups[0].start,
        at("2022-07-01T14:04:53+00:00"),
        "oldest first"
    );
    assert_eq!(ups[4].title, "Available");
    // The text is kept as written, its US/Pacific time too (12:23 PDT = 19:23Z, end says 19:25Z).
    assert!(ups[4]
        .detail
        .as_deref()
        .unwrap()
        .contains("12:23 US/Pacific"));
}

// ------------------------------------------------------------ fixtures

fn fixture_value(name: &str) -> (String, Value) {
    (
        name.to_string(),
        serde_json::from_str(&read(&fixture(name))).unwrap(),
    )
}

#[test]
fn statuspage_summary_with_groups_an_ongoing_incident_and_an_upcoming_maintenance() {
    let i = import_file(&fixture("statuspage-summary.json"));
    let t = &i.timeline;
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert_eq!(t.zone.as_ref().map(|z| z.name()), Some("Europe/Berlin"));
    // Position order, group members after the group's position, labelled with it.
    assert_eq!(
        lane_ids(t),
        [
            "api",
            "object-storage-europe",
            "dashboard-europe",
            "updates"
        ]
    );
    assert_eq!(t.lanes[1].label, "Object storage (Europe)");
    let api = event(t, "p0o9i8u7y6t5.api");
    assert_eq!((api.kind, api.severity), (Kind::OUTAGE, Severity::Critical));
    assert_eq!(api.start, at("2026-03-02T10:12:40.000+01:00"));
    assert!(api.is_ongoing());
    let storage = on_lane(t, "object-storage-europe");
    assert_eq!(storage.len(), 2, "degraded, then partial outage (ongoing)");
    assert_eq!(storage[0].end, Some(storage[1].start));
    assert!(storage[1].is_ongoing());
    // The window crosses the night clocks go forward in Berlin: 01:00+01:00 to 03:00+02:00 is one hour.
    let w = event(t, "m5n6b7v8c9x0.dashboard-europe.scheduled");
    assert_eq!(w.end.unwrap() - w.start, 3_600_000);
    let up = event(t, "p0o9i8u7y6t5.q1w2e3r4t5y6");
    assert_eq!(
        up.detail.as_deref(),
        Some("We have identified a faulty load balancer rule & are rolling it back.\nObject storage in Europe is slow while caches refill.")
    );
}

#[test]
fn incidentio_incidents_named_by_the_page() {
    let docs = vec![
        fixture_value("incidentio-page.json"),
        fixture_value("incidentio-incidents.json"),
    ];
    assert_eq!(detect(&docs[0].1), Some(Source::IncidentIo));
    assert_eq!(detect(&docs[1].1), Some(Source::IncidentIo));
    let i = import_many(&docs, &ImportOptions::default()).unwrap();
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    let t = &i.timeline;
    assert_eq!(i.source, Source::IncidentIo);
    assert_eq!(t.title.as_deref(), Some("Pleo incidents"));
    // The page's structure order: Web app, the Payments group's members, Mobile app.
    assert_eq!(
        lane_ids(t),
        [
            "web-app",
            "card-payments-payments",
            "invoices-payments",
            "mobile-app",
            "updates"
        ]
    );
    let card = on_lane(t, "card-payments-payments");
    assert_eq!(card.len(), 1);
    assert_eq!(
        (card[0].kind, card[0].impact),
        (Kind::OUTAGE, Some(1.0)),
        "full_outage"
    );
    assert_eq!(card[0].start, at("2026-01-22T08:41:00Z"));
    assert_eq!(card[0].end, Some(at("2026-01-22T09:29:00Z")));
    let web = on_lane(t, "web-app")[0];
    assert_eq!(
        (web.kind, web.impact, web.severity),
        (Kind::DEGRADED, None, Severity::Major),
        "partial_outage"
    );
    let inv = on_lane(t, "invoices-payments")[0];
    assert_eq!(
        (inv.kind, inv.impact, inv.severity),
        (Kind::DEGRADED, None, Severity::Minor)
    );
    let m = on_lane(t, "mobile-app")[0];
    assert_eq!(m.kind, Kind::MAINTENANCE);
    assert_eq!(on_lane(t, "updates").len(), 5);
    reads_back(t, "incident.io");
    // Alone, the components are named by their ids.
    let alone = import_file(&fixture("incidentio-incidents.json"));
    assert!(alone.timeline.lanes[0].label.starts_with("01JEV56RY0"));
}

#[test]
fn incidentio_component_impacts_and_widget_summary() {
    let i = import_file(&fixture("incidentio-component-impacts.json"));
    let t = &i.timeline;
    assert_eq!(t.events.len(), 4);
    let web = event(t, "01JV1C2D3E4F5G6H7J8KINCWEB.01jmx7gz0b0y3s1w0codexweb0");
    assert_eq!(web.title, "Codex Web outage");
    assert_eq!(web.kind, Kind::OUTAGE);
    assert_eq!(
        web.links[0].url,
        "https://status.openai.com/incidents/01JV1C2D3E4F5G6H7J8KINCWEB"
    );
    // An impact with no incident name is titled with its status, and ongoing without end_at.
    let ongoing = event(t, "01JW0A1B2C3D4E5F6G7HINCONGO");
    assert_eq!(ongoing.title, "Partial outage");
    assert!(ongoing.is_ongoing());

    let i = import_file(&fixture("incidentio-widget-summary.json"));
    let t = &i.timeline;
    assert_eq!(t.title.as_deref(), Some("Neon incidents"));
    assert_eq!(
        lane_ids(t),
        [
            "compute-aws-us-east-2",
            "control-plane-aws-us-east-2",
            "storage-aws-eu-central-1",
            "updates"
        ]
    );
    let ongoing = event(t, "01JZ4QF0W5T7H2K9M3N6P8R1SA");
    assert!(ongoing.is_ongoing());
    assert_eq!(ongoing.kind, Kind::DEGRADED);
    assert!(warned(&i, "gives no start for an ongoing incident"));
    let window = event(
        t,
        "01JZ4S9Z8Y7X6W5V4U3T2S1SCH.storage-aws-eu-central-1.scheduled",
    );
    assert_eq!(window.end, Some(at("2026-07-04T08:00:00.000Z")));
    reads_back(t, "widget");
}

// ------------------------------------------------------------ detection and errors

#[test]
fn detection_by_shape() {
    let sp = |v: Value| detect(&v);
    assert_eq!(
        sp(json!({"page": {}, "incidents": []})),
        Some(Source::Statuspage)
    );
    assert_eq!(
        sp(json!({"page": {}, "scheduled_maintenances": []})),
        Some(Source::Statuspage)
    );
    assert_eq!(
        sp(json!({"incident": {"incident_updates": []}})),
        Some(Source::Statuspage)
    );
    assert_eq!(
        sp(json!({"incidents": [{"incident_updates": []}]})),
        Some(Source::Statuspage)
    );
    assert_eq!(sp(json!({"incidents": []})), Some(Source::IncidentIo));
    assert_eq!(
        sp(json!({"incidents": [{"updates": [], "published_at": "x"}]})),
        Some(Source::IncidentIo)
    );
    assert_eq!(
        sp(json!({"component_impacts": [], "component_uptimes": []})),
        Some(Source::IncidentIo)
    );
    assert_eq!(
        sp(json!({"page_title": "x", "ongoing_incidents": []})),
        Some(Source::IncidentIo)
    );
    assert_eq!(
        sp(json!([{"begin": "x", "external_desc": "y"}])),
        Some(Source::Gcp)
    );
    assert_eq!(sp(json!({"version": 1, "events": []})), None);
    assert_eq!(sp(json!([])), None);
    assert_eq!(sp(json!("text")), None);
    assert!(is_format_v1(&json!({"version": 1, "events": []})));
    assert!(!is_format_v1(&json!({"page": {}, "incidents": []})));

    let err = |v: Value| {
        import_value(&v, &ImportOptions::default())
            .unwrap_err()
            .to_string()
    };
    assert!(err(json!({"a": 1, "b": 2})).contains("the top level is an object with keys a, b"));
    assert!(err(json!([1, 2])).contains("an array of 2 items, the first a number"));
    assert!(err(json!(null)).contains("neither format v1 nor a known status-page feed"));
    assert!(err(json!({"version": 1, "events": []})).contains("format v1 timeline"));
    // A named source that does not fit says so.
    let o = ImportOptions {
        from: Some(Source::Gcp),
        ..ImportOptions::default()
    };
    let p = import_value(&json!({"page": {}, "incidents": []}), &o).unwrap_err();
    assert!(
        p.to_string()
            .contains("Google Cloud incidents.json is an array"),
        "{p}"
    );
}

#[test]
fn text_errors_bom_and_syntax() {
    let path = realdata().join("statuspage/Dziurwa14_discord-undoc.github.io_incidents.json");
    let text = read(&path);
    let plain = import_text(&text, &ImportOptions::default()).unwrap();
    let bom = import_text(&format!("\u{feff}{text}"), &ImportOptions::default()).unwrap();
    assert_eq!(bom.timeline.events, plain.timeline.events);
    let p = import_text("{\n  \"page\": ,\n}", &ImportOptions::default()).unwrap_err();
    let first = &p.0[0];
    assert_eq!((first.line, first.column), (Some(2), Some(11)), "{p}");
    let p = import_text("", &ImportOptions::default()).unwrap_err();
    assert!(p.to_string().contains("ends too early"), "{p}");
    let big = " ".repeat(incident_timeline::parse::MAX_DOCUMENT_BYTES + 1);
    assert!(import_text(&big, &ImportOptions::default()).is_err());
}

// ------------------------------------------------------------ hostile input

fn statuspage_incident(updates: Value) -> Value {
    json!({
        "page": {"id": "p", "name": "Page", "url": "https://status.example.com", "time_zone": "UTC"},
        "incidents": [{
            "id": "inc1", "name": "Incident", "status": "resolved", "impact": "major",
            "started_at": "2024-01-01T10:00:00Z", "resolved_at": "2024-01-01T12:00:00Z",
            "incident_updates": updates,
            "components": []
        }]
    })
}

#[test]
fn markup_in_names_and_bodies_comes_out_as_text() {
    let doc = json!({
        "page": {"name": "<img src=x onerror=alert(1)>Evil &amp; Co", "url": "javascript:alert(1)"},
        "incidents": [{
            "id": "<script>", "name": "<script>alert(1)</script>Login &amp; API <b>down</b> &lt;3",
            "status": "resolved", "impact": "minor",
            "started_at": "2024-01-01T10:00:00Z", "resolved_at": "2024-01-01T11:00:00Z",
            "shortlink": "javascript:alert(1)",
            "incident_updates": [{
                "id": "u1", "status": "<i>resolved</i>",
                "body": "<p onclick=\"x()\">Fixed &lt;b&gt; &#39;x&#39; &#x41;&#66;</p><br>y&nbsp;z\r\n<script>steal()</script><style>p{}</style>",
                "display_at": "2024-01-01T11:00:00Z",
                "affected_components": [{"code": "c1", "name": "<b>API</b> \"quoted\"", "old_status": "operational", "new_status": "operational"}]
            }]
        }]
    });
    let i = import_value(&doc, &ImportOptions::default()).unwrap();
    let t = &i.timeline;
    let inc = &on_lane(t, "api-quoted")[0];
    assert_eq!(inc.title, "Login & API down <3");
    assert!(
        inc.links.is_empty(),
        "a javascript: shortlink is not a link"
    );
    assert_eq!(t.lanes[0].label, "API \"quoted\"");
    let up = &on_lane(t, "updates")[0];
    assert_eq!(up.title, "Resolved");
    // The paragraph ends, then a <br>: a blank line.
    assert_eq!(up.detail.as_deref(), Some("Fixed <b> 'x' AB\n\ny\u{a0}z"));
    for e in &t.events {
        assert!(
            !e.title.contains("<script") && !e.title.contains("<b>"),
            "{}",
            e.title
        );
        assert!(e
            .id
            .as_deref()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-_:".contains(c)));
    }
    assert_eq!(t.title.as_deref(), Some("Login & API down <3"));
    reads_back(t, "markup");
    let svg = render_svg(t, &RenderOptions::default()).unwrap();
    assert!(!svg.contains("<script") && !svg.contains("onerror"));
}

#[test]
fn duplicate_ids_warn_and_keep_one() {
    let mut doc = statuspage_incident(json!([]));
    let first = doc["incidents"][0].clone();
    let mut second = first.clone();
    second["name"] = json!("Newer copy");
    second["updated_at"] = json!("2024-01-02T00:00:00Z");
    doc["incidents"] = json!([first, second]);
    let i = import_value(&doc, &ImportOptions::default()).unwrap();
    assert!(
        warned(&i, "duplicate incident id \"inc1\""),
        "{:?}",
        i.warnings
    );
    assert_eq!(i.timeline.events.len(), 1);
    assert_eq!(i.timeline.events[0].title, "Newer copy");
}

#[test]
fn out_of_order_updates_warn_and_are_read_by_time() {
    let u = |id: &str, t: &str, old: &str, new: &str| {
        json!({"id": id, "status": "investigating", "body": id, "display_at": t,
               "affected_components": [{"code": "c1", "name": "API", "old_status": old, "new_status": new}]})
    };
    let updates = json!([
        u("b", "2024-01-01T11:00:00Z", "major_outage", "operational"),
        u("a", "2024-01-01T10:00:00Z", "operational", "major_outage"),
        u("c", "2024-01-01T11:30:00Z", "operational", "operational")
    ]);
    let i = import_value(&statuspage_incident(updates), &ImportOptions::default()).unwrap();
    assert!(warned(&i, "not in time order"), "{:?}", i.warnings);
    let r = &on_lane(&i.timeline, "api")[0];
    assert_eq!(r.start, at("2024-01-01T10:00:00Z"));
    assert_eq!(r.end, Some(at("2024-01-01T11:00:00Z")));
}

#[test]
fn times_without_offset_are_read_as_utc_with_a_warning() {
    let updates = json!([{"id": "u", "status": "resolved", "body": "x", "display_at": "2024-01-01T11:00:00"}]);
    let i = import_value(&statuspage_incident(updates), &ImportOptions::default()).unwrap();
    assert!(
        warned(&i, "\"2024-01-01T11:00:00\" has no UTC offset; read as UTC"),
        "{:?}",
        i.warnings
    );
    assert_eq!(
        on_lane(&i.timeline, "updates")[0].start,
        at("2024-01-01T11:00:00Z")
    );
    let updates =
        json!([{"id": "u", "status": "resolved", "body": "x", "display_at": "yesterday"}]);
    let i = import_value(&statuspage_incident(updates), &ImportOptions::default()).unwrap();
    assert!(
        warned(&i, "incidents[0].incident_updates[0].display_at"),
        "{:?}",
        i.warnings
    );
    // No display_at: skipped, never created_at.
    let updates = json!([{"id": "u", "status": "resolved", "body": "x", "created_at": "2024-01-01T11:00:00Z"}]);
    let i = import_value(&statuspage_incident(updates), &ImportOptions::default()).unwrap();
    assert!(warned(&i, "has no display_at"), "{:?}", i.warnings);
    assert!(on_lane(&i.timeline, "updates").is_empty());
}

#[test]
fn long_text_is_cut_to_the_limits() {
    let updates = json!([{"id": "u", "status": "resolved", "body": "word ".repeat(10_000), "display_at": "2024-01-01T11:00:00Z"}]);
    let mut doc = statuspage_incident(updates);
    doc["incidents"][0]["name"] = json!("n".repeat(10_000));
    let i = import_value(&doc, &ImportOptions::default()).unwrap();
    let t = &i.timeline;
    let r = &on_lane(t, "incidents")[0];
    assert_eq!(r.title.chars().count(), MAX_TITLE_CHARS);
    assert!(r.title.ends_with('…'));
    let up = &on_lane(t, "updates")[0];
    assert!(up.detail.as_deref().unwrap().chars().count() <= MAX_DETAIL_CHARS);
    assert!(up.detail.as_deref().unwrap().ends_with('…'));
    reads_back(t, "long text");
}

#[test]
fn feeds_past_the_limits_are_clear_errors() {
    // 1,001 components, each with an outage.
    let incidents: Vec<Value> = (0..1001)
        .map(|n| json!({"begin": "2024-01-01T00:00:00Z", "external_desc": format!("i{n}"), "id": format!("i{n}"),
                        "affected_products": [{"title": format!("Product {n}"), "id": format!("p{n}")}]}))
        .collect();
    let p = import_value(&Value::Array(incidents), &ImportOptions::default()).unwrap_err();
    assert!(p.to_string().contains("1001 lanes"), "{p}");
    // 50,001 incidents with an update each: 100,002 events.
    let incidents: Vec<Value> = (0..50_001)
        .map(|n| json!({"begin": "2024-01-01T00:00:00Z", "external_desc": "x", "id": format!("i{n}"),
                        "updates": [{"when": "2024-01-01T00:00:00Z", "text": "t", "status": "AVAILABLE"}]}))
        .collect();
    let p = import_value(&Value::Array(incidents), &ImportOptions::default()).unwrap_err();
    assert!(p.to_string().contains("100002 events"), "{p}");
}

/// Every value in `doc` replaced in turn by each of a few wrong things.
fn mutations(doc: &Value) -> Vec<Value> {
    fn paths(v: &Value, here: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    here.push(PathStep::Key(k.clone()));
                    paths(x, here, out);
                    here.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    here.push(PathStep::Index(i));
                    paths(x, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    fn at_path<'v>(v: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
        path.iter().fold(v, |v, s| match s {
            PathStep::Key(k) => &mut v[k.as_str()],
            PathStep::Index(i) => &mut v[*i],
        })
    }
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let wrong = [
        json!(null),
        json!(true),
        json!(-1.5),
        json!(""),
        json!("<b>x</b>"),
        json!("2024-13-45T99:99"),
        json!([]),
        json!([1, "a", null]),
        json!({}),
    ];
    let mut out = Vec::new();
    for p in all {
        for w in &wrong {
            let mut d = doc.clone();
            *at_path(&mut d, &p) = w.clone();
            out.push(d);
        }
    }
    out
}

#[derive(Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

#[test]
fn wrong_types_at_every_level_never_panic() {
    let sources = [
        realdata().join("statuspage/Dziurwa14_discord-undoc.github.io_incidents.json"),
        realdata().join("statuspage/Dziurwa14_discord-undoc.github.io_scheduled-maintenances.json"),
        realdata().join("gcp/moritalous_cloud-status-history_incidents.first-incident.json"),
        fixture("statuspage-summary.json"),
        fixture("incidentio-incidents.json"),
        fixture("incidentio-page.json"),
        fixture("incidentio-component-impacts.json"),
        fixture("incidentio-widget-summary.json"),
    ];
    let mut checked = 0;
    for s in &sources {
        let doc: Value = serde_json::from_str(&read(s)).unwrap();
        for d in mutations(&doc) {
            for from in [None, detect(&doc)] {
                let o = ImportOptions {
                    from,
                    ..ImportOptions::default()
                };
                match import_value(&d, &o) {
                    Ok(i) => {
                        reads_back(&i.timeline, &format!("{}: {d}", s.display()));
                        for w in &i.warnings {
                            assert!(!w.message.trim().is_empty());
                        }
                    }
                    Err(p) => {
                        assert!(!p.is_empty());
                        assert!(p.iter().all(|x| !x.message.trim().is_empty()));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn wrong_types_are_reported_with_their_paths() {
    let updates = json!([{"id": "u", "status": 7, "body": {"html": 1}, "display_at": "2024-01-01T11:00:00Z",
                          "affected_components": "API"}]);
    let mut doc = statuspage_incident(updates);
    doc["incidents"][0]["components"] = json!([42]);
    doc["incidents"][0]["resolved_at"] = json!(12);
    let i = import_value(&doc, &ImportOptions::default()).unwrap();
    for path in [
        "incidents[0].incident_updates[0].status",
        "incidents[0].incident_updates[0].body",
        "incidents[0].incident_updates[0].affected_components",
        "incidents[0].components[0]",
        "incidents[0].resolved_at",
    ] {
        assert!(
            i.warnings.iter().any(|w| w.path == path),
            "{path}: {:?}",
            i.warnings
        );
    }
    let p = import_value(
        &json!({"page": {}, "incidents": "many"}),
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(p.0[0].path, "incidents");
    assert!(p.to_string().contains("must be an array, not a string"));
}

#[test]
fn import_many_names_documents_and_skips_what_is_not_a_feed() {
    let docs = vec![
        (
            "a.json".to_string(),
            statuspage_incident(
                json!([{"id": "u", "status": "resolved", "body": "x", "display_at": "nope"}]),
            ),
        ),
        ("notes.json".to_string(), json!({"hello": "world"})),
    ];
    let i = import_many(&docs, &ImportOptions::default()).unwrap();
    assert!(
        i.warnings
            .iter()
            .any(|w| w.path == "a.json: incidents[0].incident_updates[0].display_at"),
        "{:?}",
        i.warnings
    );
    assert!(
        i.warnings
            .iter()
            .any(|w| w.path == "notes.json" && w.message.contains("skipped")),
        "{:?}",
        i.warnings
    );
    let p = import_many(&docs[1..], &ImportOptions::default()).unwrap_err();
    assert!(p.to_string().contains("neither format v1"), "{p}");
    assert!(import_many(&[], &ImportOptions::default()).is_err());
}

#[test]
fn an_empty_feed_is_an_empty_timeline_with_a_warning() {
    for doc in [
        json!({"page": {"name": "Quiet"}, "incidents": []}),
        json!({"page": {"name": "Quiet"}, "components": [{"id": "c", "name": "API", "position": 1}]}),
        json!({"incidents": []}),
        json!([{"begin": "2024-01-01T00:00:00Z", "external_desc": "x", "id": "a"}]),
    ] {
        let o = ImportOptions {
            until: Some(at("2000-01-01T00:00:00Z")),
            ..ImportOptions::default()
        };
        let i = import_value(&doc, &o).unwrap();
        assert!(i.timeline.events.is_empty() && i.timeline.lanes.is_empty());
        assert!(warned(&i, "nothing to draw"), "{:?}", i.warnings);
        reads_back(&i.timeline, "empty");
    }
}

#[test]
fn incidents_without_an_id_or_a_name_are_kept_with_a_warning_each() {
    // Two incidents with neither, in each source: both kept (a key made up
    // from the place is never merged with another), each "Untitled
    // incident", and a warning at each missing field's path.
    let strip = |inc: &mut Value, fields: &[&str]| {
        for f in fields {
            inc.as_object_mut().unwrap().remove(*f);
        }
    };
    let mut statuspage = statuspage_incident(json!([]));
    strip(&mut statuspage["incidents"][0], &["id", "name"]);
    let copy = statuspage["incidents"][0].clone();
    statuspage["incidents"].as_array_mut().unwrap().push(copy);

    let gcp_path =
        realdata().join("gcp/moritalous_cloud-status-history_incidents.first-incident.json");
    let mut gcp: Value = serde_json::from_str(&read(&gcp_path)).unwrap();
    let gcp_one = if gcp.is_array() {
        gcp[0].clone()
    } else {
        gcp.clone()
    };
    let mut gcp_one = gcp_one;
    strip(&mut gcp_one, &["id", "external_desc", "service_name"]);
    gcp = json!([gcp_one.clone(), gcp_one]);

    let (_, mut incidentio) = fixture_value("incidentio-incidents.json");
    let mut io_one = incidentio["incidents"][0].clone();
    strip(&mut io_one, &["id", "name"]);
    incidentio["incidents"] = json!([io_one.clone(), io_one]);

    let (_, mut widget) = fixture_value("incidentio-widget-summary.json");
    let mut ongoing = widget["ongoing_incidents"][0].clone();
    strip(&mut ongoing, &["id", "name"]);
    widget["ongoing_incidents"] = json!([ongoing.clone(), ongoing]);

    for (doc, source, path, name_field) in [
        (&statuspage, Source::Statuspage, "incidents", "name"),
        (&gcp, Source::Gcp, "", "external_desc"),
        (&incidentio, Source::IncidentIo, "incidents", "name"),
        (&widget, Source::IncidentIo, "ongoing_incidents", "name"),
    ] {
        let i = import_value(doc, &ImportOptions::default())
            .unwrap_or_else(|p| panic!("{source:?}: {p}"));
        assert_eq!(i.source, source);
        let untitled = i
            .timeline
            .events
            .iter()
            .filter(|e| e.title == "Untitled incident")
            .count();
        assert!(
            untitled >= 2,
            "{source:?}: both kept: {:?}",
            i.timeline.events
        );
        for k in 0..2 {
            let at = format!("{path}[{k}]");
            let what = if name_field == "name" {
                "name"
            } else {
                "description"
            };
            for (field, message) in [
                (
                    "id",
                    "the incident has no id; it gets one from its place in the document"
                        .to_string(),
                ),
                (
                    name_field,
                    format!("the incident has no {what}; it is called \"Untitled incident\""),
                ),
            ] {
                let place = format!("{at}.{field}");
                assert!(
                    i.warnings
                        .iter()
                        .any(|w| w.path == place && w.message == message),
                    "{source:?}: {place}: {message} in {:?}",
                    i.warnings
                );
            }
        }
    }
}
