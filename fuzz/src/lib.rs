//! The bodies of the fuzz targets, shared by the libFuzzer binaries
//! (`fuzz_targets/*.rs`, run by `cargo fuzz`) and the stable runner
//! (`src/stable.rs`, which needs neither nightly nor libFuzzer).
//!
//! * [`parse_target`]: arbitrary bytes as JSON text through
//!   `incident_timeline::parse`; documents it accepts go on through layout and
//!   SVG at a wide and a narrow width.
//! * [`import_target`]: arbitrary bytes as a status-page feed through
//!   `incident_timeline::import::import_text` with several options; what it
//!   imports must read back as format v1 and render.
//! * [`text_target`]: arbitrary bytes as post-mortem text through
//!   `incident_timeline::postmortem::read_text` (with or without a date and
//!   a zone option); a timeline it reads must hold the parser's invariants,
//!   read back through `to_document` and `parse` as the same events, and
//!   render as SVG; every warning has a line and a column; reading takes
//!   less than 1 s plus 10 ms a KB.
//! * [`layout_target`]: arbitrary timelines (built directly, keeping only the
//!   invariants the parser guarantees) at arbitrary widths, display zones,
//!   views, scales, hour cycles and "now"s; then what the widget's `Chart`
//!   does with a scene (zoom, pan, reveal, hit-test, keyboard steps,
//!   descriptions), each new view laid out and drawn again; and
//!   `render_svg`.
//!
//! What counts as a failure: a panic (with overflow checks and debug
//! assertions on: `cargo fuzz` builds that way, and so does the stable
//! runner's profile), a hang (libFuzzer's `-timeout`, the stable runner's
//! per-input limit), too much memory (`-rss_limit_mb` / `-malloc_limit_mb`,
//! the stable runner's counting allocator), an SVG that is not well-formed
//! XML or that holds an element or attribute the drawing code never writes
//! (text from the document must only ever appear as text), and a scene with
//! non-finite or negative size.
//!
//! Checks for problems found and fixed since are on unless the
//! environment variable `INCIDENT_TIMELINE_FUZZ_STRICT=0` is set; see
//! [`strict`].

use arbitrary::{Result as AResult, Unstructured};
use incident_timeline::time::clock::HourCycle;
use incident_timeline::words::describe::describe;
use incident_timeline::draw::{draw, SVG_FONT_SCALE};
use incident_timeline::hit::{event_at, event_bounds, step, time_order, Step};
use incident_timeline::layout::{frame, layout, layout_view, LayoutOptions};
use incident_timeline::model::{Event, Kind, Lane, Link, Severity, Timeline};
use incident_timeline::time::Instant;
use incident_timeline::import::{import_text, ImportOptions, Source};
use incident_timeline::postmortem::{read_text, TextOptions};
use incident_timeline::{parse, render_svg, Problem, RenderOptions, ScaleMode, Scene, Theme, ThemeName, Zone};
use plotters_svg::SVGBackend;
use std::sync::OnceLock;

/// The reader's language: one of the tables (or a tag without one: English).
fn locale(u: &mut Unstructured) -> AResult<std::sync::Arc<incident_timeline::words::Locale>> {
    let tag = *u.choose(&["en", "de", "fr", "es", "pt-BR", "ja", "zh-Hans", "en-GB", "xx"])?;
    Ok(std::sync::Arc::new(incident_timeline::render::locale_named(tag).unwrap_or_default()))
}

/// Earliest instant a document can write: 0000-01-01T00:00:00+23:59.
pub const MIN_T: Instant = -62_167_219_200_000 - 86_340_000;
/// Latest instant a document can write: 9999-12-31T23:59:59.999-23:59.
pub const MAX_T: Instant = 253_402_300_799_999 + 86_340_000;
/// Longest problem message accepted in strict mode (a message quoting a
/// whole 20 MB string is not "a message a person can act on").
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// Checks for problems found by fuzzing and since fixed (fuzz/README.md):
/// problem messages that quote arbitrarily long input, SVG text holding
/// characters XML cannot, and a `now` outside years 0–9999 overflowing
/// instants (and trapping in wasm). On unless `INCIDENT_TIMELINE_FUZZ_STRICT=0`.
pub fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var("INCIDENT_TIMELINE_FUZZ_STRICT").map_or(true, |v| v != "0"))
}

// ---------------------------------------------------------------- parse

/// Arbitrary bytes (read as UTF-8, invalid sequences replaced) as a document.
pub fn parse_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match parse(&text) {
        Ok(t) => {
            check_timeline(&t);
            for width in [900.0, 300.0] {
                let o = RenderOptions {
                    width,
                    ..RenderOptions::default()
                };
                let svg = render_svg(&t, &o).expect("render_svg of a parsed timeline with valid options");
                check_svg(&svg, &t);
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error with no problem in it");
            let lines: Vec<&str> = text.split('\n').collect();
            for p in problems.iter() {
                assert!(!p.message.trim().is_empty(), "a problem with an empty message: {p:?}");
                // A place, when given, is inside the text (a column may be one past a line's end).
                if let (Some(line), Some(column)) = (p.line, p.column) {
                    let len = lines.get(line.wrapping_sub(1)).map(|l| l.chars().count());
                    assert!(
                        len.is_some_and(|len| column >= 1 && column <= len + 1),
                        "{p:?} is outside the text"
                    );
                }
                if strict() {
                    let n = p.message.chars().count();
                    assert!(n <= MAX_MESSAGE_CHARS, "a problem message of {n} characters (path {:?})", p.path);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- import

/// The options an input is imported with: the default (the source
/// detected), each source named, a time window, and a component and
/// incident filter.
fn import_options() -> Vec<ImportOptions> {
    let mut all = vec![ImportOptions::default()];
    for s in Source::ALL {
        all.push(ImportOptions {
            from: Some(s),
            ..ImportOptions::default()
        });
    }
    all.push(ImportOptions {
        since: Some(1_400_000_000_000),
        until: Some(1_700_000_000_000),
        ..ImportOptions::default()
    });
    all.push(ImportOptions {
        components: vec!["API".into(), "c1".into()],
        incident: Some("inc1".into()),
        ..ImportOptions::default()
    });
    all
}

/// Arbitrary bytes (read as UTF-8, invalid sequences replaced) as a status-page
/// feed through `import_text`, with each of [`import_options`]. An imported
/// timeline must read back as format v1 (`to_document` then `parse`) to the
/// same events, and (with the default options) render as SVG; an error must
/// hold problems, each with a message.
pub fn import_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for (n, o) in import_options().iter().enumerate() {
        match import_text(&text, o) {
            Ok(i) => {
                let doc = i.timeline.to_document();
                let t = match parse(&doc) {
                    Ok(t) => t,
                    Err(p) => panic!("an imported timeline does not read back as format v1:\n{p}\n{doc}"),
                };
                check_timeline(&t);
                assert_eq!(t.events, i.timeline.events, "the events changed on the way back");
                assert_eq!(t.lanes, i.timeline.lanes, "the lanes changed on the way back");
                check_problems(&i.warnings);
                if n == 0 {
                    let svg = render_svg(&t, &RenderOptions::default()).expect("render_svg of an imported timeline");
                    check_svg(&svg, &t);
                }
            }
            Err(problems) => {
                assert!(!problems.is_empty(), "an import error with no problem in it");
                check_problems(&problems.0);
            }
        }
    }
}

fn check_problems(problems: &[Problem]) {
    for p in problems {
        assert!(!p.message.trim().is_empty(), "a problem with an empty message: {p:?}");
        if strict() {
            let n = p.message.chars().count() + p.path.chars().count();
            assert!(n <= MAX_MESSAGE_CHARS, "a problem of {n} characters (path {:?})", p.path);
        }
    }
}

/// What the parser promises about a timeline it returns; layout relies on it.
pub fn check_timeline(t: &Timeline) {
    assert!(t.lanes.len() <= incident_timeline::parse::MAX_LANES);
    for e in &t.events {
        assert!(e.lane < t.lanes.len(), "event lane out of range");
        assert!((MIN_T..=MAX_T).contains(&e.start), "start {} out of range", e.start);
        if let Some(end) = e.end {
            assert!(end >= e.start, "end before start");
            assert!(end <= MAX_T);
        }
        assert!(!(e.kind == Kind::MILESTONE && e.end.is_some()), "a milestone with an end");
        match e.impact {
            // Only a degraded event may leave its share unstated.
            None => assert!(e.kind == Kind::DEGRADED, "a {} without impact", e.kind.as_str()),
            Some(x) => assert!((0.0..=1.0).contains(&x), "impact {x}"),
        }
        assert!(!e.title.trim().is_empty());
        for l in &e.links {
            let lower = l.url.to_ascii_lowercase();
            assert!(lower.starts_with("http://") || lower.starts_with("https://"), "a non-http(s) link got through: {}", l.url);
        }
    }
}

// ---------------------------------------------------------------- text

/// The options a text is read with, chosen by its length (so that seeds
/// are read as they are): no date or 2022-12-07; no zone, Los Angeles,
/// UTC or Chatham (+12:45).
fn text_options(len: usize) -> TextOptions {
    TextOptions {
        date: (len % 2 == 1).then(|| chrono::NaiveDate::from_ymd_opt(2022, 12, 7)).flatten(),
        time_zone: [None, Some("America/Los_Angeles"), Some("UTC"), Some("Pacific/Chatham")][len / 2 % 4].map(str::to_string),
        ..Default::default()
    }
}

/// Arbitrary bytes (read as UTF-8, invalid sequences replaced) as post-mortem text.
pub fn text_target(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let started = std::time::Instant::now();
    let result = read_text(&text, &text_options(data.len()));
    // Reading is linear: a generous bound, far above a healthy read (a few
    // MB a second) and far below a quadratic one. (The SVG and its checks
    // after it take longer for a big timeline and are not timed.)
    let took = started.elapsed().as_secs_f64();
    let bound = 1.0 + 0.01 * data.len() as f64 / 1024.0;
    assert!(took < bound, "reading {} bytes of text took {took:.3} s", data.len());
    match result {
        Ok(read) => {
            let t = &read.timeline;
            check_timeline(t);
            assert!(!t.events.is_empty(), "a timeline read from text without events");
            for w in &read.warnings {
                assert!(w.line.is_some() && w.column.is_some(), "a warning without its place: {w:?}");
                assert!(!w.message.trim().is_empty(), "a warning with an empty message: {w:?}");
                if strict() {
                    let n = w.message.chars().count();
                    assert!(n <= MAX_MESSAGE_CHARS, "a warning of {n} characters");
                }
            }
            let doc = t.to_document();
            let again = parse(&doc).unwrap_or_else(|p| panic!("the timeline read from text does not read back: {p}\n{doc}"));
            assert_eq!(again.events, t.events, "the timeline read from text reads back differently");
            let svg = render_svg(t, &RenderOptions::default()).expect("render_svg of a timeline read from text");
            check_svg(&svg, t);
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error with no problem in it");
            let lines: Vec<&str> = text.split('\n').collect();
            for p in problems.iter() {
                assert!(!p.message.trim().is_empty(), "a problem with an empty message: {p:?}");
                // A place, when given, is inside the text (a column may be one past a line's end).
                if let (Some(line), Some(column)) = (p.line, p.column) {
                    let len = lines.get(line.wrapping_sub(1)).map(|l| l.chars().count());
                    assert!(
                        len.is_some_and(|len| column >= 1 && column <= len + 1),
                        "{p:?} is outside the text"
                    );
                }
                if strict() {
                    let n = p.message.chars().count();
                    assert!(n <= MAX_MESSAGE_CHARS, "a problem message of {n} characters");
                }
            }
        }
    }
}

// ---------------------------------------------------------------- layout

const ZONES: [&str; 14] = [
    "UTC",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Lord_Howe", // 30-minute DST
    "Asia/Kolkata",        // +05:30
    "Asia/Kathmandu",      // +05:45
    "Pacific/Chatham",     // +12:45 / +13:45
    "America/St_Johns",    // -03:30 with DST
    "Antarctica/Troll",    // +00 / +02
    "Pacific/Kiritimati",  // +14
    "Etc/GMT+12",          // -12
    "Africa/Casablanca",   // "negative" DST
    "Pacific/Apia",        // skipped a whole day (2011-12-30)
];

/// Pieces text is made of: markup an attacker would try, characters XML
/// cannot hold, wide, combining, bidi and zero-width characters, spaces of
/// every kind, and long words.
const PIECES: [&str; 40] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "</text></svg><script>x()</script>",
    "]]><!--",
    "&amp;&lt;&#x3c;",
    "' onmouseover='x'",
    "javascript:alert(1)",
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{200b}",
    "\u{202e}",
    "\u{2028}",
    "\u{10ffff}",
    "e\u{301}\u{301}\u{301}",
    "日本語のテキスト",
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "مرحبا",
    "\t",
    "\n",
    "\r\n",
    " ",
    "\u{a0}",
    "\u{3000}",
    "Connections rejected, 5XX errors",
    "W",
    "i",
    " · ",
    "—",
    "…",
    "Supercalifragilisticexpialidociousandthensomemorewithoutanyspaces",
];

/// True one time in `n`; false once the input is used up (arbitrary's own
/// `ratio` says true then, which would make every exhausted input the
/// largest timeline).
fn one_in(u: &mut Unstructured<'_>, n: u32) -> AResult<bool> {
    if u.is_empty() {
        return Ok(false);
    }
    Ok(u.int_in_range(0..=n - 1)? == 0)
}

fn text(u: &mut Unstructured<'_>, max_chars: usize) -> AResult<String> {
    let mut s = String::new();
    let pieces = u.int_in_range(0..=12)?;
    for _ in 0..pieces {
        match u.int_in_range(0..=3)? {
            0 => s.push(u.arbitrary::<char>()?),
            1 => {
                let n = u.int_in_range(1..=40)?;
                let c = *u.choose(&['x', ' ', 'M', '\u{5d0}', '字', '-'])?;
                s.extend(std::iter::repeat(c).take(n));
            }
            _ => s.push_str(u.choose(&PIECES)?),
        }
    }
    if one_in(u, 40)? {
        // Long: up to the limit the parser allows.
        let c = u.arbitrary::<char>()?;
        s.extend(std::iter::repeat(c).take(max_chars));
    }
    let s: String = s.chars().take(max_chars).collect();
    Ok(s)
}

fn title(u: &mut Unstructured<'_>) -> AResult<String> {
    let t = text(u, incident_timeline::parse::MAX_TITLE_CHARS)?;
    Ok(if t.trim().is_empty() { "x".into() } else { t })
}

/// An instant a document could write: mostly near one another (so that the
/// scale, ticks and rows have something to do), sometimes at the ends of
/// the range or anywhere in it.
fn instant(u: &mut Unstructured<'_>, base: Instant) -> AResult<Instant> {
    Ok(match u.int_in_range(0..=9)? {
        0 => *u.choose(&[MIN_T, MAX_T, 0, -1, 1_670_400_000_000])?,
        1 => u.int_in_range(MIN_T..=MAX_T)?,
        2 => (base + u.int_in_range(-10_000_000_000i64..=10_000_000_000)?).clamp(MIN_T, MAX_T),
        _ => (base + u.int_in_range(-5_000i64..=5_000)? * 60_000).clamp(MIN_T, MAX_T),
    })
}

fn any_i64(u: &mut Unstructured<'_>, base: Instant) -> AResult<Instant> {
    Ok(match u.int_in_range(0..=3)? {
        0 => u.arbitrary::<i64>()?,
        1 => *u.choose(&[i64::MIN, i64::MAX, i64::MIN + 1, i64::MAX - 1, 0])?,
        _ => instant(u, base)?,
    })
}

/// A "now" inside the years documents can write (0000–9999). Strict mode
/// tries every i64, which is what `RenderOptions::layout_options` lets
/// through (any finite f64, cast) and what `renderToSvg`'s `now` reaches;
/// beyond the document range that overflows (fuzz/README.md).
fn now(u: &mut Unstructured<'_>, base: Instant) -> AResult<Instant> {
    let n = any_i64(u, base)?;
    Ok(if strict() { n } else { n.clamp(MIN_T, MAX_T) })
}

fn zone(u: &mut Unstructured<'_>) -> AResult<Zone> {
    let name = u.choose(&ZONES)?;
    Ok(Zone::named(name).expect("the fuzzer's zones are known"))
}

/// An arbitrary timeline that keeps the invariants [`check_timeline`] lists.
pub fn arbitrary_timeline(u: &mut Unstructured<'_>) -> AResult<Timeline> {
    let base = instant(u, 1_670_401_440_000)?;
    let most_lanes = if one_in(u, 100)? { 1_000 } else { 8 };
    let lane_count = u.int_in_range(1..=most_lanes)?;
    let lanes = (0..lane_count)
        .map(|i| {
            Ok(Lane {
                id: format!("lane-{i}"),
                label: if one_in(u, 4)? { format!("lane-{i}") } else { title(u)? },
            })
        })
        .collect::<AResult<Vec<_>>>()?;
    let mut events = Vec::new();
    let most_events = if one_in(u, 50)? { 2_000 } else { 40 };
    let event_count = u.int_in_range(0..=most_events)?;
    let mut last = base;
    for i in 0..event_count {
        if u.is_empty() && i > 0 {
            // Out of input: the rest repeat the last ones, shifted.
            let prev: &Event = &events[i % events.len().max(1)];
            let mut e = prev.clone();
            let shift = (i as i64 % 97) * 60_000;
            e.start = (e.start + shift).min(MAX_T);
            e.end = e.end.map(|x| (x + shift).clamp(e.start, MAX_T));
            events.push(e);
            continue;
        }
        let kind = *u.choose(&Kind::ALL)?;
        let start = if one_in(u, 2)? { instant(u, last)? } else { instant(u, base)? };
        last = start;
        let end = if kind == Kind::MILESTONE || one_in(u, 8)? {
            None
        } else {
            let d = match u.int_in_range(0..=4)? {
                0 => 0,
                1 => u.int_in_range(0..=MAX_T - MIN_T)?,
                _ => u.int_in_range(0..=600)? * 60_000 + u.int_in_range(0..=59_999)?,
            };
            Some(start.saturating_add(d).min(MAX_T))
        };
        let links = (0..u.int_in_range(0..=2)?)
            .map(|_| {
                Ok(Link {
                    url: format!("https://example.com/{}", u.int_in_range(0..=9999)?),
                    label: if u.arbitrary()? { Some(title(u)?) } else { None },
                })
            })
            .collect::<AResult<Vec<_>>>()?;
        events.push(Event {
            id: if u.arbitrary()? { Some(format!("e{i}")) } else { None },
            lane: u.int_in_range(0..=lane_count - 1)?,
            kind,
            start,
            end,
            title: title(u)?,
            detail: if u.arbitrary()? { Some(text(u, incident_timeline::parse::MAX_DETAIL_CHARS)?) } else { None },
            severity: *u.choose(&Severity::ALL)?,
            impact: if kind == Kind::DEGRADED {
                // Share not stated, one time in four.
                if u.int_in_range(0..=3)? == 0 {
                    None
                } else {
                    Some(f64::from(u.int_in_range(0..=1000)?) / 1000.0)
                }
            } else if kind == Kind::OUTAGE {
                Some(1.0)
            } else {
                Some(0.0)
            },
            links,
            inferred: u.arbitrary()?,
        });
    }
    let t = Timeline {
        title: if u.arbitrary()? { Some(title(u)?) } else { None },
        description: if u.arbitrary()? { Some(text(u, 2_000)?) } else { None },
        zone: if u.arbitrary()? { Some(zone(u)?) } else { None },
        lanes,
        events,
    };
    check_timeline(&t);
    Ok(t)
}

/// A width the wasm and `RenderOptions` let through (finite, at most
/// 100,000 px), plus the odd values `layout` itself must survive.
fn width(u: &mut Unstructured<'_>) -> AResult<f64> {
    Ok(match u.int_in_range(0..=7)? {
        0 => *u.choose(&[0.0, -1.0, f64::NAN, 1e-9, 0.5, 239.0, 240.0, 519.0, 520.0, 100_000.0])?,
        1 => f64::from(u.int_in_range(0..=100_000)?) + f64::from(u.int_in_range(0..=999)?) / 1000.0,
        2 => f64::from(u.int_in_range(1..=400)?),
        _ => f64::from(u.int_in_range(300..=1600)?),
    })
}

fn any_f64(u: &mut Unstructured<'_>) -> AResult<f64> {
    Ok(match u.int_in_range(0..=3)? {
        0 => u.arbitrary::<f64>()?,
        1 => *u.choose(&[0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, f64::MIN_POSITIVE])?,
        _ => f64::from(u.int_in_range(-4000i32..=4000)?) / 4.0,
    })
}

/// What the widget's `Chart` (src/bindings.rs) does with a scene, natively.
enum Op {
    Zoom(f64, f64),
    Pan(f64),
    Reset,
    Reveal(usize),
    Hit(f64, f64, f64),
    Step(i32, Step),
    Describe(usize),
}

fn op(u: &mut Unstructured<'_>, events: usize) -> AResult<Op> {
    let index = |u: &mut Unstructured<'_>| -> AResult<usize> {
        Ok(if one_in(u, 10)? { u.arbitrary()? } else { u.int_in_range(0..=events)? })
    };
    Ok(match u.int_in_range(0..=6)? {
        0 => Op::Zoom(any_f64(u)?, any_f64(u)?),
        1 => Op::Pan(any_f64(u)?),
        2 => Op::Reset,
        3 => Op::Reveal(index(u)?),
        4 => Op::Hit(any_f64(u)?, any_f64(u)?, any_f64(u)?),
        5 => Op::Step(
            if one_in(u, 10)? { u.arbitrary()? } else { u.int_in_range(-1..=events as i32)? },
            *u.choose(&[Step::Next, Step::Previous, Step::Up, Step::Down, Step::First, Step::Last])?,
        ),
        _ => Op::Describe(index(u)?),
    })
}

/// The timeline and options an input of [`layout_target`] makes, in words
/// (for reports: `stable-fuzz layout --show FILE`).
pub fn layout_input_debug(data: &[u8]) -> String {
    let mut u = Unstructured::new(data);
    let Ok(t) = arbitrary_timeline(&mut u) else {
        return "input too short".into();
    };
    let base = t.events.first().map_or(0, |e| e.start);
    let o = (|| -> AResult<LayoutOptions> {
        Ok(LayoutOptions {
            width: width(&mut u)?,
            zone: if u.arbitrary()? { Some(zone(&mut u)?) } else { None },
            hour_cycle: *u.choose(&[None, Some(HourCycle::H12), Some(HourCycle::H23)])?,
            locale: locale(&mut u)?,
            scale: if u.arbitrary()? { ScaleMode::Auto } else { ScaleMode::Linear },
            view: if one_in(&mut u, 3)? { Some((any_i64(&mut u, base)?, any_i64(&mut u, base)?)) } else { None },
            now: if u.arbitrary()? { Some(now(&mut u, base)?) } else { None },
        })
    })();
    let mut out = format!("options: {o:#?}\ntitle: {:?}\nzone: {:?}\nlanes: {}\n", t.title, t.zone.as_ref().map(Zone::name), t.lanes.len());
    for (i, e) in t.events.iter().enumerate() {
        out.push_str(&format!(
            "events[{i}]: {} lane {} start {} end {:?} title {:?}\n",
            e.kind.as_str(),
            e.lane,
            incident_timeline::time::format_instant(e.start),
            e.end.map(incident_timeline::time::format_instant),
            e.title.chars().take(40).collect::<String>()
        ));
    }
    out
}

/// Arbitrary timeline, options, and a few things a reader does with the chart.
pub fn layout_target(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = layout_steps(&mut u);
}

fn layout_steps(u: &mut Unstructured<'_>) -> AResult<()> {
    let t = arbitrary_timeline(u)?;
    let base = t.events.first().map_or(0, |e| e.start);
    let mut o = LayoutOptions {
        width: width(u)?,
        zone: if u.arbitrary()? { Some(zone(u)?) } else { None },
        hour_cycle: *u.choose(&[None, Some(HourCycle::H12), Some(HourCycle::H23)])?,
        locale: locale(u)?,
        scale: if u.arbitrary()? { ScaleMode::Auto } else { ScaleMode::Linear },
        view: if one_in(u, 3)? { Some((any_i64(u, base)?, any_i64(u, base)?)) } else { None },
        now: if u.arbitrary()? { Some(now(u, base)?) } else { None },
    };
    let theme = Theme::named(if u.arbitrary()? { ThemeName::Dark } else { ThemeName::Light });
    let mut scene = layout(&t, &o);
    check_scene(&scene, &t);
    draw_svg(&scene, &theme, &t, (f64::NEG_INFINITY, f64::INFINITY));
    // The Chart keeps the view-independent frame while zooming and panning.
    let kept = frame(&t, &o);

    // The widget's Chart: same code paths as src/bindings.rs.
    let order = time_order(&t);
    let zone = o.zone.clone().or_else(|| t.zone.clone()).unwrap_or_else(Zone::utc);
    let cycle = o.hour_cycle;
    for _ in 0..u.int_in_range(0..=6)? {
        let mut relayout = false;
        match op(u, t.events.len())? {
            Op::Zoom(factor, x) => {
                if let Some(s) = scene.scale.as_ref() {
                    o.view = Some(s.zoomed(factor, x));
                    relayout = true;
                }
            }
            Op::Pan(dx) => {
                if let Some(s) = scene.scale.as_ref() {
                    o.view = Some(s.panned(dx));
                    relayout = true;
                }
            }
            Op::Reset => {
                o.view = None;
                relayout = true;
            }
            Op::Reveal(i) => {
                if let Some(e) = t.events.get(i) {
                    let (a, b) = scene.view;
                    let end = e.end.unwrap_or(e.start);
                    if o.view.is_some() && !(e.start >= a && end <= b) {
                        let half = (b - a) / 2;
                        let mid = e.start + (end - e.start) / 2;
                        o.view = Some((mid - half, mid + half));
                        relayout = true;
                    }
                }
            }
            Op::Hit(x, y, slack) => {
                if let Some(i) = event_at(&scene, x, y, slack) {
                    assert!(i < t.events.len());
                    let _ = event_bounds(&scene, i);
                }
            }
            Op::Step(from, dir) => {
                let from = usize::try_from(from).ok().filter(|i| *i < t.events.len());
                if let Some(i) = step(&t, &order, from, dir) {
                    assert!(i < t.events.len());
                    let _ = event_bounds(&scene, i);
                }
            }
            Op::Describe(i) => {
                if i < t.events.len() {
                    let d = describe(&t, i, &zone, &o.locale, cycle, o.now);
                    assert!(!d.sentence.is_empty());
                }
            }
        }
        if relayout {
            scene = layout_view(&t, &kept, o.view);
            check_scene(&scene, &t);
            if one_in(u, 3)? {
                // The widget paints only a band around the screen of a tall chart.
                // What the element passes: a finite band, top above bottom (a
                // band with top below bottom makes negative rectangles that
                // overflow plotters-svg's i32 arithmetic: fuzz/README.md).
                let band = if one_in(u, 2)? {
                    let top = f64::from(u.int_in_range(-100_000..=100_000)?);
                    (top, top + f64::from(u.int_in_range(0..=10_000)?))
                } else {
                    (f64::NEG_INFINITY, f64::INFINITY)
                };
                draw_svg(&scene, &theme, &t, band);
            }
        }
    }

    // The server-side path: options as JavaScript gives them.
    if one_in(u, 2)? {
        let r = RenderOptions {
            width: o.width,
            time_zone: o.zone.as_ref().map(|z| z.name().to_string()),
            theme: ThemeName::Light,
            scale: o.scale,
            hour_cycle: o.hour_cycle,
            locale: Some(o.locale.tag().to_string()),
            now: o.now.map(|n| n as f64),
        };
        match render_svg(&t, &r) {
            Ok(svg) => check_svg(&svg, &t),
            Err(p) => assert!(
                p.iter().all(|p| p.path == "width" || p.path == "now"),
                "render_svg refused options other than a bad width or now: {p:?}"
            ),
        }
    }
    Ok(())
}

/// Sizes a canvas can be given: finite, positive.
pub fn check_scene(s: &Scene, t: &Timeline) {
    assert!(s.width.is_finite() && s.width > 0.0, "scene width {}", s.width);
    assert!(s.height.is_finite() && s.height > 0.0, "scene height {}", s.height);
    for b in &s.bars {
        assert!(b.event < t.events.len());
        assert!(b.rect.x.is_finite() && b.rect.w.is_finite() && b.rect.y.is_finite() && b.rect.h.is_finite(), "bar {:?}", b.rect);
    }
    for m in &s.markers {
        assert!(m.event < t.events.len());
    }
    for text in s.texts() {
        assert!(text.x.is_finite() && text.y.is_finite(), "text at {}, {}", text.x, text.y);
    }
}

fn draw_svg(scene: &Scene, theme: &Theme, t: &Timeline, band: (f64, f64)) {
    let mut body = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = SVGBackend::with_string(&mut body, size);
        draw(scene, theme, &mut backend, SVG_FONT_SCALE, band).expect("drawing to SVG");
    }
    check_svg(&body, t);
}

/// A character XML 1.0 documents may hold.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..='\u{10ffff}')
}

/// Elements the drawing code writes; anything else in an SVG came from the document.
const ELEMENTS: [&str; 9] = ["svg", "title", "desc", "rect", "line", "polyline", "polygon", "circle", "text"];
const ATTRIBUTES: [&str; 28] = [
    "xmlns", "role", "class", "lang", "font-family", "width", "height", "viewBox", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "fill", "stroke", "stroke-width", "opacity", "points", "dy", "font-size", "font-weight",
    "font-style", "text-anchor", "transform",
];

/// The SVG parses as XML; it has only the elements and attributes the
/// drawing code writes (document text only ever in text nodes).
pub fn check_svg(svg: &str, t: &Timeline) {
    let cleaned;
    let svg = if strict() {
        svg
    } else {
        // Known, not fixed yet: text with characters XML 1.0 cannot hold
        // (C0 controls, U+FFFE, U+FFFF) is written into the SVG as it is.
        cleaned = svg.chars().map(|c| if xml_char(c) { c } else { '\u{fffd}' }).collect::<String>();
        &cleaned
    };
    let doc = match roxmltree::Document::parse(svg) {
        Ok(d) => d,
        Err(e) => panic!("the SVG is not well-formed XML: {e}\n(title {:?})", t.title),
    };
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(ELEMENTS.contains(&name), "unexpected element <{name}> in the SVG");
        for a in n.attributes() {
            assert!(
                ATTRIBUTES.contains(&a.name()) || a.name().starts_with("xmlns"),
                "unexpected attribute {}=\"{}\" on <{name}>",
                a.name(),
                a.value()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_ends_are_what_documents_can_write() {
        let doc = r#"{"version":1,"events":[
            {"kind":"outage","title":"a","start":"0000-01-01T00:00:00+23:59","end":"9999-12-31T23:59:59.999-23:59"}]}"#;
        let t = parse(doc).unwrap();
        assert_eq!(t.events[0].start, MIN_T);
        assert_eq!(t.events[0].end, Some(MAX_T));
    }

    #[test]
    fn seeds_run() {
        // (fuzz/corpus/parse may not exist: parse's seeds are www/examples and the invalid fixtures.)
        for dir in ["corpus/parse", "corpus/layout", "corpus/import", "corpus/text", "../tests/fixtures/text"] {
            let Ok(files) = std::fs::read_dir(dir) else { continue };
            for f in files {
                let data = std::fs::read(f.unwrap().path()).unwrap();
                parse_target(&data);
                layout_target(&data);
                import_target(&data);
                text_target(&data);
            }
        }
    }
}
