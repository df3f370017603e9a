//! The post-mortem text reader (src/postmortem/): the seed post-mortem
//! against its hand-written timeline, one fixture per form the reader
//! knows (tests/fixtures/text/), warnings with their places, and speed.

use incident_timeline::postmortem::{read_text, TextOptions, TextTimeline};
use incident_timeline::{parse, Kind, Timeline};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn date(s: &str) -> Option<chrono::NaiveDate> {
    Some(s.parse().unwrap())
}

fn read(text: &str, o: &TextOptions) -> TextTimeline {
    let t = read_text(text, o).unwrap_or_else(|p| panic!("{p}"));
    // What it reads is always a document that reads back.
    parse(&t.timeline.to_document())
        .unwrap_or_else(|p| panic!("{p}\n{}", t.timeline.to_document()));
    t
}

/// An event as a line: `kind start–end title` with times in the timeline's zone.
fn show(t: &Timeline) -> String {
    let zone = t.zone.clone().unwrap();
    let f = |ms| zone.local(ms).format("%Y-%m-%d %H:%M").to_string();
    t.events
        .iter()
        .map(|e| {
            let end = e.end.map(|x| format!("–{}", f(x))).unwrap_or_default();
            let impact = match (e.kind == Kind::DEGRADED, e.impact) {
                (true, Some(i)) => format!(" impact {i}"),
                _ => String::new(),
            };
            format!(
                "{} {}{end}{impact} [{}] {}",
                e.kind.as_str(),
                f(e.start),
                t.lanes[e.lane].id,
                e.title
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn show_seed() {
    let text =
        std::fs::read_to_string(root().join("../shared/seed/000_de48830020fd1727.txt")).unwrap();
    let t = read(
        &text,
        &TextOptions {
            date: date("2022-12-07"),
            time_zone: None,
        },
    );
    println!("{}\n{:?}", show(&t.timeline), t.warnings);
}
