//! Timing of the pipeline stages: parse, layout (full view and a zoomed view,
//! as each pan/zoom frame does) and SVG rendering, for the seed post-mortem
//! and for generated timelines of 1,000, 10,000 and 100,000 events.
//!
//! A small harness instead of criterion: each case is warmed up, then run
//! until it has both a minimum number of iterations and a minimum time, and
//! the median and the fastest run are printed in milliseconds.
//!
//! ```text
//! cargo bench --bench pipeline            # everything
//! cargo bench --bench pipeline -- 10k     # only cases whose name contains "10k"
//! ```

use incident_timeline::layout::{frame, layout_view};
use incident_timeline::{layout, parse, render_svg, LayoutOptions, RenderOptions, Timeline};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Times `f` and prints one line: name, iterations, median, min.
fn bench<T>(filter: &[String], name: &str, mut f: impl FnMut() -> T) {
    if !filter.is_empty() && !filter.iter().any(|w| name.contains(w.as_str())) {
        return;
    }
    // Warm-up: at least 2 runs and 200 ms (caches, allocator, branch predictors).
    let warm = Instant::now();
    let mut runs = 0;
    while runs < 2 || (warm.elapsed() < Duration::from_millis(200) && runs < 50) {
        black_box(f());
        runs += 1;
    }
    // Measure: at least 10 runs and 1 s, at most 500 runs or 10 s.
    let mut times: Vec<Duration> = Vec::new();
    let start = Instant::now();
    while times.len() < 10 || (start.elapsed() < Duration::from_secs(1) && times.len() < 500) {
        let t0 = Instant::now();
        black_box(f());
        times.push(t0.elapsed());
        if start.elapsed() > Duration::from_secs(10) {
            break;
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<34} {:>5} runs   median {:>9.3} ms   min {:>9.3} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[0])
    );
}

/// xorshift64*: a deterministic generator, so every run measures the same documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const LANES: [(&str, &str); 8] = [
    ("edge", "Edge / CDN"),
    ("web", "Web servers"),
    ("api", "Public API"),
    ("db", "Database primary"),
    ("queue", "Job queue"),
    ("auth", "Authentication"),
    ("response", "Investigation & response"),
    ("migration", "Platform migration"),
];

const TITLES: [&str; 10] = [
    "Connections rejected, 5XX errors",
    "Elevated latency on writes",
    "Failover to replica",
    "Investigating filesystem errors",
    "Root cause identified",
    "Scheduled kernel upgrade",
    "Copying accounts to the new backend",
    "Per-IP network re-routing",
    "Status page updated",
    "Customers notified",
];

fn rfc3339(ms: i64) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(ms).unwrap();
    dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `n` events over `days` days in eight lanes: activities and milestones
/// (the bulk of a real timeline), outages, degraded spells and maintenance.
fn generated(n: usize, hours: i64, n_lanes: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64 ^ (hours as u64) << 32);
    let t0: i64 = 1_670_400_000_000; // 2022-12-07T08:00Z
    let span = hours * 3_600_000;
    let events: Vec<Value> = (0..n)
        .map(|i| {
            let lane = LANES[rng.below(n_lanes as u64) as usize].0;
            let start = t0 + (rng.unit() * span as f64) as i64 / 60_000 * 60_000;
            let title = format!("{} #{i}", TITLES[rng.below(TITLES.len() as u64) as usize]);
            let minutes =
                |rng: &mut Rng, lo: u64, hi: u64| (lo + rng.below(hi - lo)) as i64 * 60_000;
            let mut e = json!({ "id": format!("e{i}"), "lane": lane, "title": title });
            match rng.below(100) {
                0..=34 => {
                    e["kind"] = json!("milestone");
                    e["at"] = json!(rfc3339(start));
                }
                35..=74 => {
                    e["kind"] = json!("activity");
                    e["start"] = json!(rfc3339(start));
                    e["end"] = json!(rfc3339(start + minutes(&mut rng, 5, 240)));
                }
                75..=84 => {
                    e["kind"] = json!("outage");
                    e["severity"] = json!(if rng.below(4) == 0 {
                        "critical"
                    } else {
                        "major"
                    });
                    e["start"] = json!(rfc3339(start));
                    e["end"] = json!(rfc3339(start + minutes(&mut rng, 1, 60)));
                }
                85..=94 => {
                    e["kind"] = json!("degraded");
                    e["impact"] = json!((rng.below(100) as f64 + 1.0) / 100.0);
                    e["start"] = json!(rfc3339(start));
                    e["end"] = json!(rfc3339(start + minutes(&mut rng, 2, 120)));
                }
                _ => {
                    e["kind"] = json!("maintenance");
                    e["start"] = json!(rfc3339(start));
                    e["end"] = json!(rfc3339(start + minutes(&mut rng, 30, 240)));
                }
            }
            e
        })
        .collect();
    let lanes: Vec<Value> = LANES[..n_lanes]
        .iter()
        .map(|(id, label)| json!({ "id": id, "label": label }))
        .collect();
    json!({
        "version": 1,
        "title": format!("Generated incident with {n} events"),
        "timezone": "America/Los_Angeles",
        "lanes": lanes,
        "events": events
    })
    .to_string()
}

/// A view of a tenth of the timeline, in its middle: what a zoomed-in frame lays out.
fn zoomed(t: &Timeline, o: &LayoutOptions) -> LayoutOptions {
    let (d0, d1) = layout(t, o).domain;
    let mid = d0 + (d1 - d0) / 2;
    let half = (d1 - d0) / 20;
    LayoutOptions {
        view: Some((mid - half, mid + half)),
        ..o.clone()
    }
}

fn main() {
    // `cargo bench` passes "--bench"; other arguments filter the cases.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let seed_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/examples/seed-postmortem.json"
    ))
    .expect("the seed example");
    // Only the documents some selected case needs are generated.
    let wanted = |name: &str| {
        let benches = [
            "parse",
            "layout (full view)",
            "layout (zoomed to 1/10)",
            "pan/zoom frame (zoomed to 1/10, frame kept)",
            "render SVG",
        ];
        filter.is_empty()
            || benches.iter().any(|b| {
                filter
                    .iter()
                    .any(|w| format!("{name} {b}").contains(w.as_str()))
            })
    };
    let mut cases: Vec<(String, String)> = Vec::new();
    if wanted("seed") {
        cases.push(("seed".to_string(), seed_text));
    }
    // Spread over 3, 7 and 30 days in eight lanes; and crowded: 10,000 events
    // in six hours in two lanes (a flood of alerts), where rows pile up.
    for (name, n, hours, lanes) in [
        ("1k", 1_000, 72, 8),
        ("10k", 10_000, 168, 8),
        ("100k", 100_000, 720, 8),
        ("10k-crowded", 10_000, 6, 2),
    ] {
        if wanted(name) {
            cases.push((name.to_string(), generated(n, hours, lanes)));
        }
    }
    let options = LayoutOptions {
        width: 1200.0,
        ..LayoutOptions::default()
    };

    println!("incident-timeline pipeline (width {} px)", options.width);
    for (name, text) in &cases {
        let t = parse(text).unwrap_or_else(|p| panic!("{name}: {p}"));
        let scene = layout(&t, &options);
        println!(
            "\n{name}: {} events, {} lanes, {:.1} MB of JSON; {} bars, {} milestones, {} labels, {} rows",
            t.events.len(),
            t.lanes.len(),
            text.len() as f64 / 1e6,
            scene.bars.len(),
            scene.markers.len(),
            scene.labels.len(),
            scene.lanes.iter().map(|l| l.rows).sum::<usize>()
        );
        bench(&filter, &format!("{name} parse"), || parse(text).unwrap());
        bench(&filter, &format!("{name} layout (full view)"), || {
            layout(&t, &options)
        });
        let zoom = zoomed(&t, &options);
        bench(&filter, &format!("{name} layout (zoomed to 1/10)"), || {
            layout(&t, &zoom)
        });
        // What the widget does per frame while zooming or panning: the frame
        // (rows, breaks, header) is kept, only the view is laid out again.
        let kept = frame(&t, &zoom);
        bench(
            &filter,
            &format!("{name} pan/zoom frame (zoomed to 1/10, frame kept)"),
            || layout_view(&t, &kept, zoom.view),
        );
        if name == "seed" || name == "10k" {
            let o = RenderOptions {
                width: options.width,
                ..RenderOptions::default()
            };
            bench(&filter, &format!("{name} render SVG"), || {
                render_svg(&t, &o).unwrap()
            });
        }
    }
}
