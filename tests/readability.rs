//! Tests that read the picture (issue #16): the SVG the library writes for a
//! post-mortem, read the way a reader reads it, without hovering. Each
//! outage and degraded range has its start, end and duration written on the
//! chart (beside its bar, in a callout, or in the list under the chart); no
//! text sits on other text (boxes estimated from the SVG's x, y, anchor and
//! font size with the layout's own text metrics); the axis has few breaks,
//! each labelled with the time it hides; and one time scale holds across
//! breaks, so bar lengths compare.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::layout::scale::MAX_BREAKS;
use incident_timeline::layout::scene::Role;
use incident_timeline::layout::text_metrics::text_width;
use incident_timeline::time::clock::{short_moment, short_range, HourCycle};
use incident_timeline::words::summary::format_duration;
use incident_timeline::words::Locale;
use incident_timeline::{
    layout, parse, render_svg, Kind, LayoutOptions, RenderOptions, Scene, Theme, ThemeName,
    Timeline, Zone,
};
use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &PathBuf) -> Timeline {
    parse(&fs::read_to_string(path).unwrap()).unwrap_or_else(|p| panic!("{}: {p}", path.display()))
}

fn seed() -> Timeline {
    read(&root().join("www/examples/seed-postmortem.json"))
}

fn examples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root().join("www/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "the examples are missing");
    paths
}

/// The options the examples' pinned SVGs use: `width` px, light, a fixed present.
fn options(width: f64) -> RenderOptions {
    RenderOptions {
        width,
        now: Some(1_767_225_600_000.0),
        ..RenderOptions::default()
    }
}

/// One `<text>` of an SVG, as a reader's eye finds it.
#[derive(Debug)]
struct SvgText {
    text: String,
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    bold: bool,
}

impl SvgText {
    /// Its box: left, top, right, bottom (the layout's metrics; a line is
    /// 1.2 font sizes tall around `y`).
    fn bounds(&self) -> (f64, f64, f64, f64) {
        let w = text_width(&self.text, self.size, self.bold);
        let left = match self.anchor.as_str() {
            "middle" => self.x - w / 2.0,
            "end" => self.x - w,
            _ => self.x,
        };
        let h = self.size * 1.2;
        (left, self.y - h / 2.0, left + w, self.y + h / 2.0)
    }
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every `<text>` of `svg`.
fn texts(svg: &str) -> Vec<SvgText> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text ") {
        let tag_end = open + rest[open..].find('>').unwrap();
        let tag = &rest[open..tag_end];
        let close = tag_end + rest[tag_end..].find("</text>").unwrap();
        let num = |n: &str| attr(tag, n).unwrap().parse::<f64>().unwrap();
        out.push(SvgText {
            text: unescape(rest[tag_end + 1..close].trim()),
            x: num("x"),
            y: num("y"),
            anchor: attr(tag, "text-anchor").unwrap_or("start").to_string(),
            size: num("font-size"),
            bold: attr(tag, "font-weight") == Some("bold"),
        });
        rest = &rest[close..];
    }
    out
}

/// The tall rectangles in the break colour: the axis breaks.
fn break_bands(svg: &str) -> Vec<(f64, f64)> {
    let c = Theme::named(ThemeName::Light).color(Role::Break);
    let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
    svg.split("<rect ")
        .skip(1)
        .filter(|r| r.contains(&fill))
        .filter_map(|r| {
            let num = |n: &str| attr(&format!(" {r}"), n)?.parse::<f64>().ok();
            let (x, w, h) = (num("x")?, num("width")?, num("height")?);
            (h > 40.0).then_some((x, x + w))
        })
        .collect()
}

/// Pairs of texts whose boxes overlap (by more than the pixel the SVG's
/// rounded coordinates may add).
fn overlapping(texts: &[SvgText]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        let (al, at, ar, ab) = a.bounds();
        for b in &texts[i + 1..] {
            let (bl, bt, br, bb) = b.bounds();
            let w = ar.min(br) - al.max(bl);
            let h = ab.min(bb) - at.max(bt);
            if w > 1.0 && h > 1.0 && !a.text.is_empty() && !b.text.is_empty() {
                out.push((a.text.clone(), b.text.clone()));
            }
        }
    }
    out
}

/// The times a reader must find for each outage and degraded range of `t`,
/// in either form the chart writes them (with or without the day).
fn wanted_times(t: &Timeline) -> Vec<(String, [String; 2])> {
    let zone = t.zone.clone().unwrap_or_else(Zone::utc);
    let en = Locale::english();
    // The English locale's own clock (12-hour), whatever the zone.
    let cycle = en.clock(None);
    t.events
        .iter()
        .filter(|e| e.kind == Kind::OUTAGE || e.kind == Kind::DEGRADED)
        .map(|e| {
            let forms = [false, true].map(|dated| match e.end {
                Some(end) => format!(
                    "{} · {}",
                    short_range(e.start, end, &zone, cycle, dated),
                    format_duration((end - e.start) as f64, &en)
                ),
                None => format!("since {}", short_moment(e.start, &zone, cycle, dated)),
            });
            (e.title.clone(), forms)
        })
        .collect()
}

fn missing_times(t: &Timeline, texts: &[SvgText]) -> Vec<String> {
    wanted_times(t)
        .into_iter()
        .filter(|(_, forms)| {
            !texts
                .iter()
                .any(|s| forms.iter().any(|f| s.text.contains(f.as_str())))
        })
        .map(|(title, forms)| format!("{title}: {}", forms[0]))
        .collect()
}

/// Checks one rendering; returns what is wrong with it.
fn problems(name: &str, t: &Timeline, width: f64) -> Vec<String> {
    let svg = render_svg(t, &options(width)).unwrap();
    let texts = texts(&svg);
    let mut out = Vec::new();
    for m in missing_times(t, &texts) {
        out.push(format!("{name} at {width} px: no times for {m}"));
    }
    for (a, b) in overlapping(&texts) {
        out.push(format!("{name} at {width} px: {a:?} overlaps {b:?}"));
    }
    for s in &texts {
        let (l, _, r, _) = s.bounds();
        if l < -0.5 || r > width + 0.5 {
            out.push(format!(
                "{name} at {width} px: {:?} leaves the chart",
                s.text
            ));
        }
    }
    let bands = break_bands(&svg);
    if bands.len() > MAX_BREAKS {
        out.push(format!("{name}: {} breaks", bands.len()));
    }
    for (a, b) in bands {
        let labelled = texts.iter().any(|s| {
            let centre = (s.bounds().0 + s.bounds().2) / 2.0;
            s.bold && (centre - (a + b) / 2.0).abs() <= 2.0 && reads_as_duration(&s.text)
        });
        if !labelled {
            out.push(format!(
                "{name} at {width} px: the break at x {a}–{b} says nothing"
            ));
        }
    }
    out
}

/// "14 h", "1 d 10 h", "45 min".
fn reads_as_duration(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    !words.is_empty()
        && words.len() % 2 == 0
        && words.chunks(2).all(|w| {
            w[0].chars().all(|c| c.is_ascii_digit()) && ["d", "h", "min", "s"].contains(&w[1])
        })
}

#[test]
fn the_seed_at_900_px_writes_every_outage_time_and_its_nights() {
    let t = seed();
    let svg = render_svg(&t, &options(900.0)).unwrap();
    let all: Vec<String> = texts(&svg).into_iter().map(|s| s.text).collect();
    // As the post writes them, start and end in one label with the duration.
    for range in [
        "8:24–8:49 AM · 25 min",
        "9:12–9:28 AM · 16 min",
        "12:39–12:57 PM · 18 min",
        "4:33–4:48 PM · 15 min",
        "12:40–1:20 PM · 40 min",
        "2:06–2:11 PM · 5 min",
    ] {
        assert!(
            all.iter().any(|s| s.contains(range)),
            "no {range:?} in {all:#?}"
        );
    }
    // Milestones show their time with their title.
    assert!(
        all.iter()
            .any(|s| s.starts_with("10:27 AM · Root cause found")),
        "{all:#?}"
    );
    // Two nights cut out, each saying what it hides; no list needed.
    let bands = break_bands(&svg);
    assert_eq!(bands.len(), 2, "{bands:?}");
    assert!(!all.iter().any(|s| s == "When users were affected"));
    assert_eq!(problems("seed", &t, 900.0), Vec::<String>::new());
}

#[test]
fn the_seed_at_360_px_keeps_every_outage_time_within_the_width() {
    let t = seed();
    assert_eq!(problems("seed", &t, 360.0), Vec::<String>::new());
    let svg = render_svg(&t, &options(360.0)).unwrap();
    assert!(svg.contains("width=\"360\""), "no horizontal scrolling");
}

#[test]
fn every_example_at_900_px_writes_its_times_without_overlaps() {
    let mut all = Vec::new();
    for path in examples() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        all.extend(problems(&name, &read(&path), 900.0));
    }
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn every_example_at_360_px_has_no_overlapping_text_and_labelled_breaks() {
    let mut all = Vec::new();
    for path in examples() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        all.extend(
            problems(&name, &read(&path), 360.0)
                .into_iter()
                .filter(|p| !p.contains(": no times for ") || name == "seed-postmortem"),
        );
    }
    assert!(all.is_empty(), "{all:#?}");
}

/// The list under the chart in every language, at the narrowest width a
/// chart is drawn: its heading ("Cuándo se vieron afectados los usuarios")
/// and entries stay within the chart (found by tests/layout_props.rs).
#[test]
fn the_list_under_a_narrow_chart_stays_inside_it_in_every_language() {
    let t = incident_timeline::parse(
        r#"{"version": 1, "events": [{"kind": "outage", "title": "A",
            "start": "2024-05-01T00:00:00Z", "end": "2024-05-02T00:00:00Z"}]}"#,
    )
    .unwrap();
    // 12-hour times are the longer: the range's times then go to the list.
    let mut listed = 0;
    for lang in ["en", "de", "fr", "es", "pt", "ja", "zh-Hans"] {
        let o = RenderOptions {
            locale: Some(lang.to_string()),
            hour_cycle: Some(HourCycle::H12),
            ..options(240.0)
        };
        let svg = render_svg(&t, &o).unwrap();
        let heading = incident_timeline::render::locale_named(lang)
            .unwrap()
            .word("list.heading")
            .to_string();
        for s in texts(&svg) {
            let (l, _, r, _) = s.bounds();
            assert!(
                l >= -0.5 && r <= 240.5,
                "{lang}: {:?} leaves the chart ({l}..{r})",
                s.text
            );
            let cut = heading.chars().take(8).collect::<String>();
            listed += usize::from(s.bold && s.text.starts_with(&cut));
        }
    }
    assert!(
        listed >= 5,
        "the list is drawn in most languages ({listed})"
    );
}

/// The seed's scene at `width`.
fn seed_scene(width: f64) -> (Timeline, Scene) {
    let t = seed();
    let s = layout(
        &t,
        &LayoutOptions {
            width,
            ..LayoutOptions::default()
        },
    );
    (t, s)
}

#[test]
fn breaks_say_exactly_what_they_hide() {
    for width in [900.0, 360.0] {
        let (_, s) = seed_scene(width);
        assert!(!s.breaks.is_empty());
        for b in &s.breaks {
            let label = b.label.as_ref().expect("a labelled break");
            assert_eq!(
                label.text,
                format_duration((b.end - b.start) as f64, &Locale::english())
            );
        }
    }
}

#[test]
fn one_scale_across_breaks_so_bar_lengths_compare() {
    let (t, s) = seed_scene(900.0);
    // Bars outside the breaks (one running through a night is shorter by
    // what the break hides).
    let rates: Vec<f64> = s
        .bars
        .iter()
        .filter(|b| b.rect.w > 3.0 && !s.breaks.iter().any(|k| k.rect.overlaps(&b.rect)))
        .map(|b| {
            let e = &t.events[b.event];
            b.rect.w / (e.end.unwrap() - e.start) as f64
        })
        .collect();
    assert!(rates.len() > 5);
    for r in &rates {
        assert!((r / rates[0] - 1.0).abs() < 0.01, "{rates:?}");
    }
    // Ticks keep one step and one spacing inside each piece.
    let step: Vec<f64> = s
        .grid
        .windows(2)
        .filter(|w| {
            !s.breaks
                .iter()
                .any(|b| w[0].x < b.rect.right() && b.rect.x < w[1].x)
        })
        .map(|w| w[1].x - w[0].x)
        .collect();
    assert!(step.len() > 5);
    for d in &step {
        assert!((d - step[0]).abs() < 0.01, "{step:?}");
    }
}

#[test]
fn zoomed_in_the_breaks_keep_their_width_and_their_label() {
    let t = seed();
    let o = LayoutOptions::default();
    let full = layout(&t, &o);
    let scale = full.scale.as_ref().unwrap();
    let brk = full.breaks[0].rect.w;
    // Zoom in twice around the first break.
    let mut view = scale.zoomed(2.0, full.breaks[0].rect.x);
    for _ in 0..2 {
        let s = layout(
            &t,
            &LayoutOptions {
                view: Some(view),
                ..o.clone()
            },
        );
        let b = s
            .breaks
            .iter()
            .find(|b| b.start == full.breaks[0].start)
            .unwrap();
        assert!((b.rect.w - brk).abs() < 0.5, "{} vs {brk}", b.rect.w);
        assert!(b.label.is_some());
        view = s.scale.unwrap().zoomed(2.0, b.rect.x);
    }
}
