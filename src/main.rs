//! The `incident-timeline` command: render a timeline (format v1 or a
//! status-page feed) to SVG, check it, or import a feed as format v1.
//!
//! ```text
//! incident-timeline render timeline.json -o chart.svg [--width 900] [--time-zone UTC] [--theme dark] [--scale linear] [--locale de-DE]
//! incident-timeline check timeline.json feed.json
//! incident-timeline import incidents.json [--from statuspage] [--since 2023-01-01] [--incident ID] > timeline.json
//! ```

use incident_timeline::import::{ImportOptions, Source};
use incident_timeline::render::{read_text, Read as Document};
use incident_timeline::time::clock::HourCycle;
use incident_timeline::time::timestamp::{parse_time, TimeSpec};
use incident_timeline::time::Instant;
use incident_timeline::{render_svg, Problems, RenderOptions, ScaleMode, ThemeName};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  incident-timeline render <file|-> [-o chart.svg] [--width PX] [--time-zone ZONE]
                           [--theme light|dark] [--scale auto|linear] [--locale TAG]
                           [--hour-cycle h12|h23] [--now RFC3339] [feed options]
  incident-timeline check <file|->... [feed options]
  incident-timeline import <file|folder|->... [feed options]

render  draws the timeline as SVG (to stdout unless -o is given), its words, dates
        and numbers in the language of --locale (a BCP 47 tag: en, de-DE, fr, es,
        pt-BR, ja, zh-Hans, en-GB, …; default en; a language without a translation
        is written in English, with a warning) and its clock (12 or 24 hours) as
        that locale has it unless --hour-cycle says otherwise
check   reports every problem in each file; exits 1 if there are any
import  reads a status-page feed and writes it as a format v1 document to stdout
        (warnings about what could not be mapped go to stderr); several files, or a
        folder of them (one incident a file, pages of a feed), make one timeline

A file is a format v1 timeline, a status-page feed (Atlassian Statuspage, incident.io,
Google Cloud Service Health), or a post-mortem's timeline as text (plain or Markdown),
told apart by its shape. Feed options:
  --from statuspage|incidentio|gcp|text   read the file as this feed, or as text
  --date 2022-12-07                  for text: the date of times the text gives no date for
  --infer none                       for text: draw only the ranges it states, infer no
                                     impact windows from its instants (default auto)
  --since TIME, --until TIME         only incidents in this window (RFC 3339, or a date: 2023-01-01)
  --incident ID                      only this incident
  --component NAME                   only this component (by id or name; repeatable)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("incident-timeline: {msg}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn print_problems(path: &str, problems: &Problems) {
    for p in problems.iter() {
        eprintln!("{path}: {p}");
    }
}

/// Reads a file as format v1 or a feed; prints the problems and the
/// warnings (`warning:`) with the file's name.
fn read_document(path: &str, o: &ImportOptions) -> Result<Option<Document>, String> {
    match read_text(&read_input(path)?, o) {
        Ok(doc) => {
            for w in &doc.warnings {
                eprintln!("{path}: warning: {w}");
            }
            Ok(Some(doc))
        }
        Err(problems) => {
            print_problems(path, &problems);
            Ok(None)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match command.as_str() {
        "render" => render(rest),
        "check" => check(rest),
        "import" => import(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            println!("incident-timeline {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command \"{other}\"\n{USAGE}")),
    }
}

/// A command's arguments: its files, and each `--flag value` (or
/// `--flag=value`) handed to `flag`, which says whether it knows the flag.
fn arguments(
    args: &[String],
    mut flag: impl FnMut(&str, &mut dyn FnMut() -> Result<String, String>) -> Result<bool, String>,
) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if !name.starts_with('-') || name == "-" {
            files.push(arg.clone());
            continue;
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        if !flag(name, &mut value)? {
            return Err(format!("unknown option {name}\n{USAGE}"));
        }
    }
    Ok(files)
}

/// A `--since`/`--until` time: RFC 3339, or a date or time without an offset (read as UTC).
fn instant(flag: &str, v: &str) -> Result<Instant, String> {
    let with_time = if v.len() == 10 {
        format!("{v}T00:00:00Z")
    } else {
        v.to_string()
    };
    match parse_time(&with_time) {
        Ok(TimeSpec::Absolute(t)) => Ok(t),
        Ok(TimeSpec::WallClock(l)) => Ok(l.and_utc().timestamp_millis()),
        Err(why) => Err(format!("{flag} {v}: {why}")),
    }
}

/// Handles the feed options; false for any other flag.
fn feed_option(
    o: &mut ImportOptions,
    flag: &str,
    value: &mut dyn FnMut() -> Result<String, String>,
) -> Result<bool, String> {
    match flag {
        "--from" => {
            let v = value()?;
            o.from = Some(Source::from_name(&v).ok_or_else(|| {
                format!("--from is statuspage, incidentio, gcp or text, not {v}")
            })?);
        }
        "--since" => o.since = Some(instant(flag, &value()?)?),
        "--until" => o.until = Some(instant(flag, &value()?)?),
        "--incident" => o.incident = Some(value()?),
        "--date" => {
            let v = value()?;
            o.date = Some(
                ImportOptions::parse_date(&v)
                    .ok_or_else(|| format!("--date {v} is not a date like 2022-12-07"))?,
            );
        }
        "--component" => o.components.push(value()?),
        "--infer" => {
            let v = value()?;
            o.infer = incident_timeline::postmortem::Infer::from_name(&v).ok_or_else(|| {
                format!(
                    "--infer is {}, not {v}",
                    incident_timeline::postmortem::Infer::VALUES
                )
            })?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

fn check(args: &[String]) -> Result<ExitCode, String> {
    let mut o = ImportOptions::default();
    let files = arguments(args, |f, v| feed_option(&mut o, f, v))?;
    if files.is_empty() {
        return Err(format!("check needs at least one file\n{USAGE}"));
    }
    let mut failed = false;
    for path in &files {
        match read_document(path, &o)? {
            Some(doc) => {
                let t = &doc.timeline;
                let from = match doc.source {
                    Some(Source::Text) => ", read from post-mortem text".to_string(),
                    Some(s) => format!(", imported from a {} feed", s.name()),
                    None => String::new(),
                };
                println!(
                    "{path}: ok ({} events, {} lanes{from})",
                    t.events.len(),
                    t.lanes.len()
                );
            }
            None => failed = true,
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn import(args: &[String]) -> Result<ExitCode, String> {
    let mut o = ImportOptions::default();
    let files = arguments(args, |f, v| feed_option(&mut o, f, v))?;
    let doc = match files.as_slice() {
        [] => return Err(format!("import needs an input file\n{USAGE}")),
        [path] if !std::path::Path::new(path).is_dir() => read_document(path, &o)?,
        paths => read_many(paths, &o)?,
    };
    let Some(doc) = doc else {
        return Ok(ExitCode::FAILURE);
    };
    std::io::stdout()
        .write_all(doc.timeline.to_document().as_bytes())
        .map_err(|e| format!("cannot write: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Several feed files (folders stand for the `.json` files in them), read
/// into one timeline; prints the problems and warnings.
fn read_many(paths: &[String], o: &ImportOptions) -> Result<Option<Document>, String> {
    let mut files = Vec::new();
    for path in paths {
        let p = std::path::Path::new(path);
        if p.is_dir() {
            let mut inside: Vec<_> = std::fs::read_dir(p)
                .map_err(|e| format!("cannot read {path}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .collect();
            inside.sort();
            files.extend(inside.into_iter().map(|f| f.display().to_string()));
        } else {
            files.push(path.clone());
        }
    }
    let mut docs = Vec::with_capacity(files.len());
    for f in &files {
        match incident_timeline::parse::parse_json(&read_input(f)?) {
            Ok(v) => docs.push((f.clone(), v)),
            Err(problems) => {
                print_problems(f, &problems);
                return Ok(None);
            }
        }
    }
    match incident_timeline::import::import_many(&docs, o) {
        Ok(imported) => {
            for w in &imported.warnings {
                eprintln!("warning: {w}");
            }
            Ok(Some(Document {
                timeline: imported.timeline,
                warnings: imported.warnings,
                source: Some(imported.source),
            }))
        }
        Err(problems) => {
            print_problems(&paths.join(", "), &problems);
            Ok(None)
        }
    }
}

fn render(args: &[String]) -> Result<ExitCode, String> {
    let mut output = None;
    let mut o = RenderOptions::default();
    let mut feed = ImportOptions::default();
    let files = arguments(args, |flag, value| {
        match flag {
            "-o" | "--output" => output = Some(value()?),
            "--width" => {
                let v = value()?;
                o.width = v
                    .parse()
                    .ok()
                    .filter(|w: &f64| *w >= 1.0)
                    .ok_or_else(|| format!("--width {v} is not a number of pixels"))?;
            }
            "--time-zone" => o.time_zone = Some(value()?),
            "--locale" => {
                let tag = value()?;
                if let Err(why) = incident_timeline::render::locale_named(&tag) {
                    eprintln!("incident-timeline: warning: {why}");
                }
                o.locale = Some(tag);
            }
            "--theme" => {
                let v = value()?;
                o.theme = ThemeName::from_name(&v)
                    .ok_or_else(|| format!("--theme is light or dark, not {v}"))?;
            }
            "--scale" => {
                let v = value()?;
                o.scale = ScaleMode::from_name(&v)
                    .ok_or_else(|| format!("--scale is auto or linear, not {v}"))?;
            }
            "--hour-cycle" => {
                let v = value()?;
                o.hour_cycle = Some(
                    HourCycle::from_name(&v)
                        .ok_or_else(|| format!("--hour-cycle is h12 or h23, not {v}"))?,
                );
            }
            "--now" => {
                let v = value()?;
                let t = chrono::DateTime::parse_from_rfc3339(&v)
                    .map_err(|_| format!("--now {v} is not an RFC 3339 time"))?;
                o.now = Some(t.timestamp_millis() as f64);
            }
            _ => return feed_option(&mut feed, flag, value),
        }
        Ok(true)
    })?;
    let input = match files.as_slice() {
        [one] => one,
        [] => return Err(format!("render needs an input file\n{USAGE}")),
        _ => return Err(format!("render takes one input file\n{USAGE}")),
    };
    let Some(doc) = read_document(input, &feed)? else {
        return Ok(ExitCode::FAILURE);
    };
    let svg = match render_svg(&doc.timeline, &o) {
        Ok(svg) => svg,
        Err(problems) => {
            print_problems("options", &problems);
            return Ok(ExitCode::from(2));
        }
    };
    match output {
        Some(path) if path != "-" => {
            std::fs::write(&path, svg).map_err(|e| format!("cannot write {path}: {e}"))?
        }
        _ => std::io::stdout()
            .write_all(svg.as_bytes())
            .map_err(|e| format!("cannot write: {e}"))?,
    }
    Ok(ExitCode::SUCCESS)
}
