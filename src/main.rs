//! The `incident-timeline` command: render a timeline to SVG, or check it.
//!
//! ```text
//! incident-timeline render timeline.json -o chart.svg [--width 900] [--time-zone UTC] [--theme dark] [--scale linear]
//! incident-timeline check timeline.json
//! ```

use incident_timeline::time::clock::HourCycle;
use incident_timeline::{parse, render_svg, Problems, RenderOptions, ScaleMode, ThemeName};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  incident-timeline render <timeline.json|-> [-o chart.svg] [--width PX] [--time-zone ZONE]
                           [--theme light|dark] [--scale auto|linear] [--hour-cycle h12|h23] [--now RFC3339]
  incident-timeline check <timeline.json|->...

render  draws the timeline as SVG (to stdout unless -o is given)
check   reports every problem in each file; exits 1 if there are any";

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

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match command.as_str() {
        "render" => render(rest),
        "check" => check(rest),
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

fn check(files: &[String]) -> Result<ExitCode, String> {
    if files.is_empty() {
        return Err(format!("check needs at least one file\n{USAGE}"));
    }
    let mut failed = false;
    for path in files {
        match parse(&read_input(path)?) {
            Ok(t) => println!(
                "{path}: ok ({} events, {} lanes)",
                t.events.len(),
                t.lanes.len()
            ),
            Err(problems) => {
                print_problems(path, &problems);
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn render(args: &[String]) -> Result<ExitCode, String> {
    let mut input = None;
    let mut output = None;
    let mut o = RenderOptions::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
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
            f if f.starts_with('-') && f != "-" => {
                return Err(format!("unknown option {f}\n{USAGE}"))
            }
            _ if input.is_none() => input = Some(arg.clone()),
            _ => return Err(format!("render takes one input file\n{USAGE}")),
        }
    }
    let input = input.ok_or_else(|| format!("render needs an input file\n{USAGE}"))?;
    let timeline = match parse(&read_input(&input)?) {
        Ok(t) => t,
        Err(problems) => {
            print_problems(&input, &problems);
            return Ok(ExitCode::FAILURE);
        }
    };
    let svg = match render_svg(&timeline, &o) {
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
