//! Property tests of layout: for arbitrary valid timelines (1–200 events in
//! 1–8 lanes, every kind, ongoing and zero-length ranges, long and non-ASCII
//! titles, times written with `Z`, with offsets and as wall-clock times), any
//! width, display zone, scale mode and view, the scene keeps its promises:
//! shapes stay in the plot, rows never overlap (but for a lane's dense row), every event is drawn once, no
//! text sits on other text, ticks fall on calendar boundaries of the display
//! zone, and pixels map back to the instants they came from.
//!
//! Cases that once failed are kept at the bottom as plain tests.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use chrono::DateTime;
use incident_timeline::layout::scale::TimeScale;
use incident_timeline::layout::scene::{Rect, Text};
use incident_timeline::layout::ticks;
use incident_timeline::layout::MAX_ROWS;
use incident_timeline::time::clock::HourCycle;
use incident_timeline::time::Instant;
use incident_timeline::words::Locale;
use incident_timeline::{layout, parse, LayoutOptions, ScaleMode, Scene, Timeline, Zone};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const ZONES: [&str; 5] = [
    "UTC",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
];
const KINDS: [&str; 5] = ["outage", "degraded", "maintenance", "activity", "milestone"];
const SEVERITIES: [&str; 4] = ["none", "minor", "major", "critical"];
/// Fixed offsets used when a time is written with an explicit offset.
const OFFSETS: [i32; 5] = [
    -8 * 3600,
    0,
    5 * 3600 + 1800,
    12 * 3600 + 2700,
    -(3 * 3600 + 1800),
];
/// Starting points: ordinary days and the nights around DST changes of the zones above.
const BASES: [&str; 7] = [
    "2022-12-07T00:00:00Z",
    "2024-03-09T00:00:00Z", // Los Angeles springs forward on the 10th
    "2024-03-29T12:00:00Z", // Berlin springs forward on the 31st
    "2024-04-05T00:00:00Z", // Lord Howe falls back half an hour on the 7th
    "2024-10-04T12:00:00Z", // Lord Howe springs forward half an hour on the 6th
    "2024-10-26T00:00:00Z", // Berlin falls back on the 27th
    "2024-11-02T00:00:00Z", // Los Angeles falls back on the 3rd
];
const EPS: f64 = 1e-6;

/// How a time is written in the generated document.
#[derive(Debug, Clone, Copy)]
enum Written {
    Utc,
    Offset(i32),
    /// Wall-clock time in the document's zone (falls back to UTC without one).
    Wall,
}

#[derive(Debug, Clone)]
struct GenEvent {
    lane: usize,
    kind: usize,
    /// Seconds after the base.
    start: i64,
    /// Seconds; `None` = ongoing.
    duration: Option<i64>,
    null_end: bool,
    title: String,
    impact: f64,
    severity: Option<usize>,
    start_written: Written,
    end_written: Written,
    id: bool,
}

#[derive(Debug, Clone)]
struct GenTimeline {
    title: Option<String>,
    zone: Option<usize>,
    base: usize,
    /// Starts fall within this many seconds after the base…
    spread: i64,
    /// …on multiples of this many seconds (so that some coincide).
    snap: i64,
    declare_lanes: bool,
    lane_labels: Vec<String>,
    events: Vec<GenEvent>,
}

#[derive(Debug, Clone)]
struct GenOptions {
    width: f64,
    zone: usize,
    linear: bool,
    hour_cycle: Option<bool>,
    /// The reader's language: a tag of `LOCALES`.
    locale: usize,
    /// Fractions of the full view.
    view: Option<(f64, f64)>,
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z0-9 ,.:'()/-]{0,30}",
        1 => "[A-Z][a-z]{2,12}( [a-z]{1,12}){10,60}",
        1 => "[A-Za-z0-9]{120,500}",
        1 => "[\u{4e00}-\u{9fa5}\u{3040}-\u{30ff}]{1,24}",
        1 => "[A-Za-zéüßøłç][a-zéüñøæœ😀🔥🚒⚠ ]{0,40}",
        1 => "[a-z][\u{0300}-\u{036f}a-z]{0,20}",
        1 => "[\u{0590}-\u{05ff}\u{0600}-\u{06ff}][\u{0590}-\u{05ff}\u{0600}-\u{06ff} ]{0,30}",
        1 => "\\PC{1,80}",
    ]
    .prop_filter("titles are not blank", |s| {
        !s.trim().is_empty() && s.chars().count() <= 500
    })
}

fn written() -> impl Strategy<Value = Written> {
    prop_oneof![
        2 => Just(Written::Utc),
        1 => (0..OFFSETS.len()).prop_map(|i| Written::Offset(OFFSETS[i])),
        2 => Just(Written::Wall),
    ]
}

fn duration() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        1 => Just(Some(0)),
        4 => (60i64..3600).prop_map(Some),
        3 => (3600i64..2 * 86_400).prop_map(Some),
        1 => Just(None),
    ]
}

fn event() -> impl Strategy<Value = GenEvent> {
    (
        (
            0usize..8,
            0..KINDS.len(),
            0i64..3 * 86_400,
            duration(),
            any::<bool>(),
        ),
        (title(), 0.0f64..=1.0, prop::option::of(0..SEVERITIES.len())),
        (written(), written(), any::<bool>()),
    )
        .prop_map(
            |((lane, kind, start, duration, null_end), (title, impact, severity), (sw, ew, id))| {
                GenEvent {
                    lane,
                    kind,
                    start,
                    duration,
                    null_end,
                    title,
                    impact,
                    severity,
                    start_written: sw,
                    end_written: ew,
                    id,
                }
            },
        )
}

fn timeline() -> impl Strategy<Value = GenTimeline> {
    (
        prop::option::of(title()),
        prop::option::of(0..ZONES.len()),
        (
            0..BASES.len(),
            prop::sample::select(vec![60i64, 3600, 6 * 3600, 3 * 86_400]),
            prop::sample::select(vec![1i64, 1, 60, 900, 3600]),
        ),
        any::<bool>(),
        prop::collection::vec(title(), 1..=8),
        prop::collection::vec(event(), 1..=200),
    )
        .prop_map(
            |(title, zone, (base, spread, snap), declare_lanes, lane_labels, events)| GenTimeline {
                title,
                zone,
                base,
                spread,
                snap,
                declare_lanes,
                lane_labels,
                events,
            },
        )
}

/// Every language with a table, and a region with formats of its own.
const LOCALES: [&str; 8] = ["en", "de", "fr", "es", "pt", "ja", "zh-Hans", "en-GB"];

fn locale(i: usize) -> std::sync::Arc<Locale> {
    std::sync::Arc::new(incident_timeline::render::locale_named(LOCALES[i]).unwrap())
}

fn options() -> impl Strategy<Value = GenOptions> {
    (
        240.0f64..2000.0,
        0..ZONES.len(),
        any::<bool>(),
        prop::option::of(any::<bool>()),
        prop::option::of((0.0f64..1.0, 0.0f64..1.0)),
        0..LOCALES.len(),
    )
        .prop_map(
            |(width, zone, linear, hour_cycle, view, locale)| GenOptions {
                width,
                zone,
                linear,
                hour_cycle,
                locale,
                view: view.map(|(a, b)| (a.min(b), a.max(b))),
            },
        )
}

fn base_ms(i: usize) -> Instant {
    DateTime::parse_from_rfc3339(BASES[i])
        .unwrap()
        .timestamp_millis()
}

fn write_time(t: Instant, how: Written, zone: Option<&Zone>) -> String {
    let utc = DateTime::from_timestamp_millis(t).unwrap().naive_utc();
    match (how, zone) {
        (Written::Wall, Some(z)) => z.local(t).format("%Y-%m-%dT%H:%M:%S").to_string(),
        (Written::Offset(off), _) => {
            let local = utc + chrono::Duration::seconds(i64::from(off));
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            format!(
                "{}{sign}{:02}:{:02}",
                local.format("%Y-%m-%dT%H:%M:%S"),
                a / 3600,
                a % 3600 / 60
            )
        }
        _ => format!("{}Z", utc.format("%Y-%m-%dT%H:%M:%S")),
    }
}

impl GenTimeline {
    fn n_lanes(&self) -> usize {
        self.lane_labels.len()
    }

    fn to_json(&self) -> Value {
        let zone = self.zone.map(|i| Zone::named(ZONES[i]).unwrap());
        let base = base_ms(self.base);
        let mut doc = json!({ "version": 1 });
        if let Some(t) = &self.title {
            doc["title"] = json!(t);
        }
        if let Some(z) = &zone {
            doc["timezone"] = json!(z.name());
        }
        if self.declare_lanes {
            doc["lanes"] = self
                .lane_labels
                .iter()
                .enumerate()
                .map(|(i, label)| json!({ "id": format!("lane-{i}"), "label": label }))
                .collect();
        }
        let events: Vec<Value> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let kind = KINDS[e.kind];
                let mut v = json!({ "kind": kind, "title": e.title });
                // Without declared lanes, lane 0 is left implicit (the "events" lane).
                let lane = e.lane % self.n_lanes();
                if self.declare_lanes || lane > 0 {
                    v["lane"] = json!(format!("lane-{lane}"));
                }
                if e.id {
                    v["id"] = json!(format!("e{i}"));
                }
                if let Some(s) = e.severity {
                    v["severity"] = json!(SEVERITIES[s]);
                }
                let start = base + (e.start % self.spread) / self.snap * self.snap * 1000;
                // Wall-clock times may only name the earlier instant of a
                // repeated hour, which is never later than the one meant,
                // so only starts (never ends) are written that way.
                let end_written = match e.end_written {
                    Written::Wall => Written::Utc,
                    w => w,
                };
                if kind == "milestone" {
                    v["at"] = json!(write_time(start, e.start_written, zone.as_ref()));
                } else {
                    v["start"] = json!(write_time(start, e.start_written, zone.as_ref()));
                    match e.duration {
                        Some(d) => {
                            v["end"] =
                                json!(write_time(start + d * 1000, end_written, zone.as_ref()))
                        }
                        None if e.null_end => v["end"] = Value::Null,
                        None => {}
                    }
                }
                if kind == "degraded" {
                    v["impact"] = json!(e.impact);
                }
                v
            })
            .collect();
        doc["events"] = Value::Array(events);
        doc
    }

    fn parse(&self) -> Timeline {
        let text = self.to_json().to_string();
        parse(&text).unwrap_or_else(|p| panic!("generated document rejected:\n{p}\n{text}"))
    }
}

impl GenOptions {
    fn layout_options(&self, view: Option<(Instant, Instant)>) -> LayoutOptions {
        LayoutOptions {
            width: self.width,
            zone: Some(Zone::named(ZONES[self.zone]).unwrap()),
            hour_cycle: self
                .hour_cycle
                .map(|h| if h { HourCycle::H12 } else { HourCycle::H23 }),
            locale: locale(self.locale),
            scale: if self.linear {
                ScaleMode::Linear
            } else {
                ScaleMode::Auto
            },
            view,
            now: None,
        }
    }

    /// The scene at full view, and at the generated view if there is one.
    fn scenes(&self, t: &Timeline) -> (Scene, Option<Scene>) {
        let full = layout(t, &self.layout_options(None));
        let zoomed = self.view.map(|(a, b)| {
            let (d0, d1) = full.domain;
            let at = |f: f64| d0 + ((d1 - d0) as f64 * f) as Instant;
            layout(t, &self.layout_options(Some((at(a), at(b)))))
        });
        (full, zoomed)
    }
}

fn within_x(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x - EPS && inner.right() <= outer.right() + EPS && inner.w >= 0.0
}

fn scene_rect(s: &Scene) -> Rect {
    Rect {
        x: 0.0,
        y: 0.0,
        w: s.width,
        h: s.height,
    }
}

fn check_shapes_inside(s: &Scene) -> Result<(), TestCaseError> {
    let whole = scene_rect(s);
    for b in &s.bars {
        for r in [&b.rect, &b.fill] {
            prop_assert!(
                within_x(&s.plot, r),
                "bar of event {} at {:?} leaves the plot {:?}",
                b.event,
                r,
                s.plot
            );
            prop_assert!(
                whole.contains(r),
                "bar of event {} at {:?} leaves the scene",
                b.event,
                r
            );
        }
        prop_assert!(
            b.rect.contains(&b.fill),
            "fill {:?} outside its slot {:?}",
            b.fill,
            b.rect
        );
        let band = &s.lanes.iter().find(|l| l.rect.contains(&b.rect));
        prop_assert!(band.is_some(), "bar {:?} is in no lane band", b.rect);
    }
    for m in &s.markers {
        prop_assert!(
            m.x >= s.plot.x - EPS && m.x <= s.plot.right() + EPS,
            "milestone {} at x={} outside the plot {:?}",
            m.event,
            m.x,
            s.plot
        );
        prop_assert!(
            whole.contains(&m.bounds()),
            "milestone {} leaves the scene",
            m.event
        );
    }
    Ok(())
}

fn check_rows(t: &Timeline, s: &Scene) -> Result<(), TestCaseError> {
    let mut rows: BTreeMap<(usize, usize), Vec<(Rect, usize)>> = BTreeMap::new();
    for b in &s.bars {
        rows.entry((t.events[b.event].lane, b.row))
            .or_default()
            .push((b.rect, b.event));
    }
    for m in &s.markers {
        rows.entry((t.events[m.event].lane, m.row))
            .or_default()
            .push((m.bounds(), m.event));
    }
    for ((lane, row), mut items) in rows {
        prop_assert!(
            row < s.lanes[lane].rows,
            "row {row} of lane {lane} beyond its {} rows",
            s.lanes[lane].rows
        );
        prop_assert!(
            s.lanes[lane].rows <= MAX_ROWS,
            "lane {lane} has {} rows",
            s.lanes[lane].rows
        );
        if row == MAX_ROWS - 1 {
            // The dense row: shapes may overlap there (and get no labels).
            continue;
        }
        items.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        for w in items.windows(2) {
            let ((a, ea), (b, eb)) = (&w[0], &w[1]);
            prop_assert!(
                a.right() <= b.x + EPS,
                "lane {lane} row {row}: event {ea} {:?} overlaps event {eb} {:?}",
                a,
                b
            );
        }
    }
    Ok(())
}

fn check_every_event_once(t: &Timeline, s: &Scene) -> Result<(), TestCaseError> {
    let mut seen = vec![0usize; t.events.len()];
    for i in s
        .bars
        .iter()
        .map(|b| b.event)
        .chain(s.markers.iter().map(|m| m.event))
    {
        seen[i] += 1;
    }
    for (i, n) in seen.iter().enumerate() {
        prop_assert_eq!(
            *n,
            1,
            "event {} ({:?}) drawn {} times",
            i,
            t.events[i].title,
            n
        );
    }
    for b in &s.bars {
        prop_assert!(
            !t.events[b.event].is_point(),
            "milestone {} drawn as a bar",
            b.event
        );
    }
    for m in &s.markers {
        prop_assert!(
            t.events[m.event].is_point(),
            "range {} drawn as a milestone",
            m.event
        );
    }
    Ok(())
}

fn check_texts_apart(s: &Scene) -> Result<(), TestCaseError> {
    let texts: Vec<(&Text, Rect)> = s.texts().map(|t| (t, t.bounds())).collect();
    // Tick labels may hang 2 px past the plot, which has 12 px of padding around it.
    let whole = scene_rect(s);
    for (t, r) in &texts {
        prop_assert!(
            whole.contains(r),
            "text {:?} {:?} leaves the scene {:?}",
            t.text,
            r,
            whole
        );
    }
    // An event label sits on its own bar or beside it, never on another shape.
    let shapes: Vec<Rect> = s
        .bars
        .iter()
        .map(|b| b.rect)
        .chain(s.markers.iter().map(|m| m.bounds()))
        .collect();
    for l in &s.labels {
        let r = l.bounds();
        let under: Vec<&Rect> = shapes.iter().filter(|b| b.overlaps(&r)).collect();
        prop_assert!(
            under.is_empty() || (under.len() == 1 && within_x(under[0], &r)),
            "label {:?} {:?} covers {:?}",
            l.text,
            r,
            under
        );
    }
    // A callout's leader runs from under its bar down to its label, past
    // nothing else: no text, no other shape.
    for l in &s.leaders {
        let line = Rect {
            x: l.x - 0.5,
            y: l.y0.min(l.y1),
            w: 1.0,
            h: (l.y1 - l.y0).abs(),
        };
        prop_assert!(l.y1 > l.y0, "a leader going up: {:?}", l);
        for (t, r) in &texts {
            prop_assert!(
                !line.overlaps(r),
                "leader {:?} crosses {:?} {:?}",
                l,
                t.text,
                r
            );
        }
        for r in &shapes {
            prop_assert!(!line.overlaps(r), "leader {:?} crosses a shape {:?}", l, r);
        }
    }
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            prop_assert!(
                !ra.overlaps(rb),
                "texts overlap:\n  {:?} {:?}\n  {:?} {:?}",
                a.text,
                ra,
                b.text,
                rb
            );
        }
    }
    Ok(())
}

/// The scale the scene was laid out with.
fn scale_for(s: &Scene) -> TimeScale {
    s.scale.clone().expect("a scene with events has a scale")
}

fn check_ticks(s: &Scene, o: &GenOptions) -> Result<(), TestCaseError> {
    for w in s.grid.windows(2) {
        prop_assert!(w[0].x < w[1].x, "grid lines not increasing: {:?}", w);
    }
    let scale = scale_for(s);
    let zone = Zone::named(ZONES[o.zone]).unwrap();
    let options = o.layout_options(None);
    let axis = ticks::axis(&scale, &zone, options.locale.clock(options.hour_cycle));
    let step = axis.step.expect("a step");
    for w in axis.ticks.windows(2) {
        prop_assert!(
            w[0].t < w[1].t && w[0].x < w[1].x,
            "ticks not increasing: {:?}",
            w
        );
    }
    for tick in &axis.ticks {
        let local = zone.local(tick.t);
        prop_assert!(
            step.is_boundary(local),
            "tick at {} (local {}) is not on a {:?} boundary in {}",
            tick.t,
            local,
            step,
            zone.name()
        );
        prop_assert!(
            scale
                .gaps()
                .iter()
                .all(|g| tick.t <= g.start || tick.t >= g.end),
            "tick inside a break"
        );
    }
    // No hole in the rhythm: within one linear piece, consecutive ticks of a
    // step under a day are at most a step apart in real time (plus the hour a
    // clock change can add to a step of hours).
    let most = match step {
        ticks::Step::Seconds(n) => Some(i64::from(n) * 1000),
        ticks::Step::Minutes(n) => Some(i64::from(n) * 60_000),
        ticks::Step::Hours(n) => Some(i64::from(n + 1) * 3_600_000),
        _ => None,
    };
    if let Some(most) = most {
        for w in axis.ticks.windows(2) {
            let (a, b) = (w[0].t, w[1].t);
            let broken = scale.gaps().iter().any(|g| a <= g.start && g.end <= b);
            prop_assert!(
                broken || b - a <= most,
                "{:?} ticks {} ({}) and {} ({}) are {} min apart in {}",
                step,
                a,
                zone.local(a),
                b,
                zone.local(b),
                (b - a) / 60_000,
                zone.name()
            );
        }
    }
    // The scene shows exactly these ticks (those inside the plot).
    let xs: Vec<f64> = axis
        .ticks
        .iter()
        .map(|t| t.x)
        .filter(|x| *x >= s.plot.x && *x <= s.plot.right())
        .collect();
    let grid: Vec<f64> = s.grid.iter().map(|g| g.x).collect();
    prop_assert_eq!(xs.len(), grid.len(), "scene grid differs from the axis");
    for (a, b) in xs.iter().zip(&grid) {
        prop_assert!((a - b).abs() < 1e-6, "scene grid {} vs axis {}", b, a);
    }
    Ok(())
}

fn check_round_trip(t: &Timeline, s: &Scene, probes: &[f64]) -> Result<(), TestCaseError> {
    let scale = scale_for(s);
    let (v0, v1) = s.view;
    let mut instants: Vec<Instant> = probes
        .iter()
        .map(|f| v0 + ((v1 - v0) as f64 * f) as Instant)
        .collect();
    instants.extend(
        t.events
            .iter()
            .flat_map(|e| std::iter::once(e.start).chain(e.end)),
    );
    for at in instants {
        if scale.gaps().iter().any(|g| g.start < at && at < g.end) {
            continue;
        }
        let back = scale.time_at(scale.x(at));
        prop_assert!(
            (back - at).abs() <= 1,
            "{} came back as {} (x = {})",
            at,
            back,
            scale.x(at)
        );
    }
    Ok(())
}

fn config() -> Config {
    Config {
        // PROPTEST_CASES=1000 for a deeper search.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(64),
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn shapes_stay_inside_the_plot(g in timeline(), o in options()) {
        let t = g.parse();
        let (full, zoomed) = o.scenes(&t);
        check_shapes_inside(&full)?;
        if let Some(z) = &zoomed {
            check_shapes_inside(z)?;
        }
    }

    #[test]
    fn rows_never_overlap(g in timeline(), o in options()) {
        let t = g.parse();
        let (full, zoomed) = o.scenes(&t);
        check_rows(&t, &full)?;
        if let Some(z) = &zoomed {
            check_rows(&t, z)?;
        }
    }

    #[test]
    fn full_view_draws_every_event_once(g in timeline(), o in options()) {
        let t = g.parse();
        let (full, _) = o.scenes(&t);
        check_every_event_once(&t, &full)?;
    }

    #[test]
    fn texts_never_overlap(g in timeline(), o in options()) {
        let t = g.parse();
        let (full, zoomed) = o.scenes(&t);
        check_texts_apart(&full)?;
        if let Some(z) = &zoomed {
            check_texts_apart(z)?;
        }
    }

    #[test]
    fn ticks_increase_on_calendar_boundaries(g in timeline(), o in options()) {
        let t = g.parse();
        let (full, zoomed) = o.scenes(&t);
        check_ticks(&full, &o)?;
        if let Some(z) = &zoomed {
            check_ticks(z, &o)?;
        }
    }

    #[test]
    fn pixels_map_back_to_instants(
        g in timeline(),
        o in options(),
        probes in prop::collection::vec(0.0f64..=1.0, 1..20),
    ) {
        let t = g.parse();
        let (full, zoomed) = o.scenes(&t);
        check_round_trip(&t, &full, &probes)?;
        if let Some(z) = &zoomed {
            check_round_trip(&t, z, &probes)?;
        }
    }
}

/// Kept cases: each once found a bug.
mod regressions {
    use super::*;

    #[test]
    fn the_repeated_hour_gets_its_ticks() {
        // 2024-11-03 in Los Angeles: 01:00-01:59 happens twice (PDT, then PST).
        let zone = Zone::named("America/Los_Angeles").unwrap();
        let a = DateTime::parse_from_rfc3339("2024-11-03T00:30:00-07:00")
            .unwrap()
            .timestamp_millis();
        let b = a + 3 * 3_600_000;
        let scale = TimeScale::new(Vec::new(), (a, b), 0.0, 1200.0);
        let axis = ticks::axis(&scale, &zone, HourCycle::H12.into());
        assert_eq!(axis.step, Some(ticks::Step::Minutes(15)));
        for w in axis.ticks.windows(2) {
            assert_eq!(
                w[1].t - w[0].t,
                15 * 60_000,
                "{:?}",
                (zone.local(w[0].t), zone.local(w[1].t))
            );
        }
        let ones = axis
            .ticks
            .iter()
            .filter(|t| zone.local(t.t).format("%H:%M").to_string() == "01:00")
            .count();
        assert_eq!(ones, 2, "1:00 AM PDT and 1:00 AM PST");
    }

    #[test]
    fn lord_howe_half_hour_dst_change_has_no_hour_tick_at_2_30() {
        // 2024-10-06 02:00 LHST (+10:30) became 02:30 LHDT (+11:00).
        let zone = Zone::named("Australia/Lord_Howe").unwrap();
        let a = DateTime::parse_from_rfc3339("2024-10-05T12:00:00Z")
            .unwrap()
            .timestamp_millis();
        let b = a + 12 * 3_600_000;
        let scale = TimeScale::new(Vec::new(), (a, b), 0.0, 1200.0);
        let axis = ticks::axis(&scale, &zone, HourCycle::H12.into());
        let step = axis.step.unwrap();
        assert!(matches!(step, ticks::Step::Hours(1)), "{step:?}");
        for tick in &axis.ticks {
            let local = zone.local(tick.t);
            assert!(
                step.is_boundary(local),
                "tick at {local} labelled {:?}",
                tick.label
            );
        }
    }
}
