//! The post-mortem text reader (src/postmortem/): the seed post-mortem
//! against its hand-written timeline, one fixture per form the reader
//! knows (tests/fixtures/text/), warnings with their places, and speed.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

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

const SEED: &str = "../shared/seed/000_de48830020fd1727.txt";

/// The seed post-mortem (a hosting provider's, 7–9 December 2022) against
/// its hand-written timeline, www/examples/seed-postmortem.json. Every timed
/// line must be an event at the instants the hand-written one has; the four
/// outages and the ~30 % partial impact must have its kinds. Lanes and titles
/// may differ. Every difference is listed in one failure.
#[test]
fn the_seed_reads_as_its_hand_written_timeline() {
    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    let read = read(
        &text,
        &TextOptions {
            date: date("2022-12-07"),
            time_zone: None,
            ..Default::default()
        },
    );
    let t = &read.timeline;
    let hand =
        parse(&std::fs::read_to_string(root().join("www/examples/seed-postmortem.json")).unwrap())
            .unwrap();
    let zone = hand.zone.clone().unwrap();
    let at = |ms| zone.local(ms).format("%m-%d %H:%M").to_string();
    let span = |s: i64, e: Option<i64>| match e {
        Some(e) => format!("{}–{}", at(s), at(e)),
        None => at(s),
    };
    let mut diffs = Vec::new();
    if t.zone.as_ref().map(|z| z.name()) != Some("America/Los_Angeles") {
        diffs.push(format!("zone {:?}, not America/Los_Angeles", t.zone));
    }
    for w in &read.warnings {
        diffs.push(format!("warning: {w}"));
    }
    // Every timed line is one event: the lines that start with a time (or
    // `(12/8)` and a time) with AM or PM in it; not the title, "12/7 Outage …".
    let timed = text
        .lines()
        .filter(|l| {
            let head: String = l.chars().take(24).collect();
            (l.starts_with(|c: char| c.is_ascii_digit()) || l.starts_with("(1"))
                && (head.contains("AM") || head.contains("PM"))
        })
        .count();
    if t.events.len() != timed {
        diffs.push(format!("{} events for {timed} timed lines", t.events.len()));
    }
    // Read events the hand-written timeline does not have: a range must
    // match a range exactly; a single time must be where a hand-written
    // event is or starts (it made some of them into activities).
    for e in &t.events {
        let found = hand.events.iter().any(|h| match e.end {
            Some(_) => h.start == e.start && h.end == e.end,
            None => h.start == e.start,
        });
        if !found {
            diffs.push(format!(
                "extra: {} {} {:?}",
                e.kind.as_str(),
                span(e.start, e.end),
                e.title
            ));
        }
    }
    // Hand-written events at no read event's start. One is derived from a
    // time inside an entry's prose ("… fully functional by 9:28 AM"), not
    // from a timed line.
    const DERIVED: [&str; 1] = ["root-cause-investigation"];
    for h in &hand.events {
        let id = h.id.as_deref().unwrap_or("");
        if !DERIVED.contains(&id) && !t.events.iter().any(|e| e.start == h.start) {
            diffs.push(format!(
                "missing: {id} {} {}",
                h.kind.as_str(),
                span(h.start, h.end)
            ));
        }
    }
    // The kinds that matter: the four outages and the partial impact.
    for (id, kind, impact) in [
        ("outage-1", Kind::OUTAGE, Some(1.0)),
        ("outage-2", Kind::OUTAGE, Some(1.0)),
        ("outage-3", Kind::OUTAGE, Some(1.0)),
        ("outage-4", Kind::OUTAGE, Some(1.0)),
        ("suspended-responses", Kind::DEGRADED, Some(0.3)),
    ] {
        let h = hand
            .events
            .iter()
            .find(|h| h.id.as_deref() == Some(id))
            .unwrap();
        match t
            .events
            .iter()
            .find(|e| e.start == h.start && e.end == h.end)
        {
            None => diffs.push(format!("{id}: no read event at {}", span(h.start, h.end))),
            Some(e) if e.kind != kind || e.impact != impact => diffs.push(format!(
                "{id} {}: read as {} (impact {:?}), hand-written {} (impact {impact:?})",
                span(h.start, h.end),
                e.kind.as_str(),
                e.impact,
                kind.as_str()
            )),
            Some(_) => {}
        }
    }
    assert!(
        diffs.is_empty(),
        "the seed differs from its hand-written timeline:\n{}\n\nread:\n{}",
        diffs.join("\n"),
        show(t)
    );
}

/// A fixture: its file, the date option, the zone it should be shown in,
/// its events (each line a prefix of [`show`]'s line: kind, times, lane,
/// the start of the title), and its warnings (line, column, words in it).
struct Fixture {
    file: &'static str,
    date: Option<&'static str>,
    zone: &'static str,
    events: &'static [&'static str],
    warnings: &'static [(usize, usize, &'static str)],
}

const FIXTURES: &[Fixture] = &[
    Fixture {
        // The SRE book's example: a table, the date and zone in a line above it, phase markers.
        file: "sre-book.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2015-10-21 14:51 [response] News reports that a new sonnet",
            "milestone 2015-10-21 14:53 [other] Traffic to Shakespeare search rises",
            "outage 2015-10-21 14:54–2015-10-21 16:00 [impact] Search backends start melting down under load",
            "milestone 2015-10-21 14:55 [response] docbrown is paged",
            "milestone 2015-10-21 14:57 [impact] All traffic",
            "milestone 2015-10-21 14:58 [response] docbrown starts investigating",
            "activity 2015-10-21 15:01–2015-10-21 16:30 [response] docbrown declares incident #465",
            "milestone 2015-10-21 15:18 [response] clarac finds",
            "milestone 2015-10-21 15:28 [other] docbrown doubles",
            "milestone 2015-10-21 15:36 [response] OUTAGE MITIGATED, updated index",
            "milestone 2015-10-21 15:41 [other] jennifer restores",
            "milestone 2015-10-21 15:50 [other] 30% of traffic",
        ],
        warnings: &[],
    },
    Fixture {
        // Cloudflare, June 2022: the zone on the first line only, lines wrapped.
        file: "cloudflare-2022.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2022-06-21 03:56 [response] We deploy the change to our first location",
            "milestone 2022-06-21 06:17 [response] The change is deployed",
            "outage 2022-06-21 06:27–2022-06-21 08:00 [impact] The rollout reaches the new-architecture",
            "milestone 2022-06-21 06:28 [response] First report",
            "milestone 2022-06-21 06:32 [response] Internal incident declared",
            "milestone 2022-06-21 06:51 [response] First change",
            "milestone 2022-06-21 06:58 [response] Root cause found",
            "milestone 2022-06-21 07:42 [response] The last of the reverts",
        ],
        warnings: &[],
    },
    Fixture {
        // Cloudflare, June 2025: a table with full dates, INCIDENT and IMPACT START/END.
        file: "cloudflare-2025.md",
        date: None,
        zone: "UTC",
        events: &[
            "activity 2025-06-12 17:52–2025-06-12 22:00 [response] The WARP team sees registrations",
            "degraded 2025-06-12 18:05–2025-06-12 20:28 [impact] The Access team is alerted to a rapid rise in error rates",
            "milestone 2025-06-12 18:06 [other] Several service incidents",
            "milestone 2025-06-12 18:21 [other] Priority raised",
            "milestone 2025-06-12 18:43 [other] Access starts exploring",
            "milestone 2025-06-12 19:09 [other] Gateway begins",
            "milestone 2025-06-12 19:32 [impact] Access and Device Posture",
            "milestone 2025-06-12 20:23 [impact] Services start to recover",
        ],
        warnings: &[],
    },
    Fixture {
        // WordPress VIP: the zone in a sentence, bullets, a range with a share.
        file: "wordpress-vip.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2019-10-21 11:55 [response] Internal monitoring alerted us",
            "milestone 2019-10-21 12:02 [response] We identified",
            "degraded 2019-10-21 12:09–2019-10-21 12:38 impact 0.4 [impact] About 40% of requests",
            "milestone 2019-10-21 12:14 [response] The proxy release was rolled back",
            "milestone 2019-10-21 12:38 [impact] Error rates returned to normal",
            "milestone 2019-10-21 13:30 [impact] We confirmed",
        ],
        warnings: &[],
    },
    Fixture {
        // AWS: times in prose, AM/PM stuck to the time; the year from the option.
        file: "aws-s3.txt",
        date: Some("2017-03-01"),
        zone: "America/Los_Angeles",
        events: &[
            "milestone 2017-02-28 09:37 [timeline] An authorized S3 team member",
            "milestone 2017-02-28 12:26 [timeline] The index subsystem had enough capacity",
            "milestone 2017-02-28 13:18 [timeline] The index subsystem was fully recovered",
            "milestone 2017-02-28 13:54 [timeline] The S3 PUT API also needed the placement subsystem",
        ],
        warnings: &[],
    },
    Fixture {
        // Prose ranges with dotted a.m., approximate marks of every kind.
        file: "approximate.md",
        date: None,
        zone: "America/New_York",
        events: &[
            "degraded 2023-03-03 09:15–2023-03-03 11:40 [impact] Customers in one region saw elevated error rates",
            "milestone 2023-03-03 09:20 [response] Our on-call engineer was paged",
            "milestone 2023-03-03 09:45 [response] the bad configuration push was identified",
            "activity 2023-03-03 10:05–2023-03-03 10:50 [response] we rolled the configuration back",
            "milestone 2023-03-03 11:40 [impact] error rates back to normal",
        ],
        warnings: &[],
    },
    Fixture {
        // Atlassian: a weekday and an ordinal date in prose.
        file: "atlassian.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2022-04-05 07:38 [timeline] 775 Atlassian customers lost access",
            "milestone 2022-04-05 08:17 [timeline] The first support tickets arrived",
            "milestone 2022-04-05 10:00 [timeline] The engineering teams had confirmed",
        ],
        warnings: &[],
    },
    Fixture {
        // Fly.io: dated lines, a titled time, EST in April.
        file: "fly-io.md",
        date: None,
        zone: "America/New_York",
        events: &[
            "milestone 2025-04-14 07:00 [other] API Outage: A bad deploy of the Machines API",
            "degraded 2025-04-16 05:45–2025-04-16 08:45 [impact] Builder slowness: Remote builders in one region were slow to start",
        ],
        warnings: &[(3, 27, "EST means UTC-5, but America/New_York was on UTC-4 (EDT) on 2025-04-14; times marked EST were read at UTC-5")],
    },
    Fixture {
        // A status page's updates, newest first, each time after its text; BST.
        file: "statuspage.txt",
        date: Some("2016-04-19"),
        zone: "Europe/London",
        events: &[
            "milestone 2016-04-19 19:11 [response] Investigating - We are investigating",
            "degraded 2016-04-19 19:11–2016-04-19 20:45 [impact] Degraded",
            "milestone 2016-04-19 19:30 [response] Identified - One database replica",
            "milestone 2016-04-19 19:52 [response] Monitoring - A fix has been implemented",
        ],
        warnings: &[(4, 15, "BST is ambiguous; read as British Summer Time (UTC+1, Europe/London), not Bangladesh")],
    },
    Fixture {
        // Headings that are times, each followed by its paragraph.
        file: "headings.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2019-07-02 13:42 [response] An engineer on the firewall team deployed",
            "milestone 2019-07-02 13:45 [response] The first pager alert goes off",
            "milestone 2019-07-02 14:02 [response] The team considers",
            "activity 2019-07-02 14:07–2019-07-02 14:09 [response] The global kill is carried out",
        ],
        warnings: &[],
    },
    Fixture {
        // Past midnight, an entry out of order, a range across midnight.
        file: "midnight.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2024-02-10 22:40 [response] Replication lag alerts",
            "outage 2024-02-10 22:40–2024-02-11 00:20 [impact] Outage",
            "milestone 2024-02-10 23:10 [response] The on-call engineer",
            "milestone 2024-02-10 23:55 [response] Failover to the standby begins",
            "milestone 2024-02-11 00:05 [response] (noted later)",
            "milestone 2024-02-11 00:20 [response] Failover completes",
            "milestone 2024-02-11 01:30 [impact] Incident closed",
            "maintenance 2024-02-11 23:50–2024-02-12 00:30 [maintenance] Follow-up maintenance window",
        ],
        warnings: &[],
    },
    Fixture {
        // The night clocks went back in Los Angeles: the repeated hour read in order.
        file: "dst-fall-back.md",
        date: None,
        zone: "America/Los_Angeles",
        events: &[
            "milestone 2024-11-03 01:20 [timeline] Nightly batch job starts",
            "milestone 2024-11-03 01:50 [timeline] Batch job finishes",
            "milestone 2024-11-03 01:10 [timeline] The clocks have gone back",
            "milestone 2024-11-03 01:40 [timeline] Duplicate run detected",
            "milestone 2024-11-03 02:30 [timeline] Cleanup",
        ],
        warnings: &[
            (5, 1, "happened twice in America/Los_Angeles (clocks were turned back); read as the first (UTC-7)"),
            (6, 1, "read as the first (UTC-7)"),
            (7, 1, "read as the second (UTC-8)"),
            (8, 1, "read as the second (UTC-8)"),
        ],
    },
    Fixture {
        // Lines that look like entries but cannot be read.
        file: "bad-lines.md",
        date: None,
        zone: "UTC",
        events: &[
            "milestone 2023-05-02 10:00 [other] Deploy starts",
            "outage 2023-05-02 10:30–2023-05-02 10:45 [impact] Errors for all users",
            "milestone 2023-05-02 11:00 [impact] Resolved",
        ],
        warnings: &[
            (4, 1, "\"25:99 PM\" is not a time of day: hours run from 1 to 12 with AM and PM; the line was skipped"),
            (6, 1, "\"13:61\" is not a time of day: minutes run from 00 to 59; the line was skipped"),
            (7, 2, "month 2 day 30 is not a date; the line was skipped"),
        ],
    },
];

#[test]
fn every_fixture_reads_as_expected() {
    let mut failures = Vec::new();
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/text"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for f in &files {
        if !FIXTURES.iter().any(|x| x.file == *f) {
            failures.push(format!("{f}: a fixture without expectations"));
        }
    }
    for x in FIXTURES {
        let text =
            std::fs::read_to_string(root().join("tests/fixtures/text").join(x.file)).unwrap();
        let o = TextOptions {
            date: x.date.and_then(date),
            time_zone: None,
            ..Default::default()
        };
        let t = match read_text(&text, &o) {
            Ok(t) => t,
            Err(p) => {
                failures.push(format!("{}: {p}", x.file));
                continue;
            }
        };
        if let Err(p) = parse(&t.timeline.to_document()) {
            failures.push(format!("{}: does not read back: {p}", x.file));
        }
        let zone = t.timeline.zone.as_ref().map(|z| z.name().to_string());
        if zone.as_deref() != Some(x.zone) {
            failures.push(format!("{}: zone {zone:?}, expected {}", x.file, x.zone));
        }
        let shown = show(&t.timeline);
        let lines: Vec<&str> = if shown.is_empty() {
            Vec::new()
        } else {
            shown.lines().collect()
        };
        if lines.len() != x.events.len()
            || lines.iter().zip(x.events).any(|(l, e)| !l.starts_with(e))
        {
            failures.push(format!(
                "{}: events\n  read:\n    {}\n  expected:\n    {}",
                x.file,
                lines.join("\n    "),
                x.events.join("\n    ")
            ));
        }
        let got: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
        let matches = t.warnings.len() == x.warnings.len()
            && t.warnings
                .iter()
                .zip(x.warnings)
                .all(|(w, (line, col, words))| {
                    w.line == Some(*line) && w.column == Some(*col) && w.message.contains(words)
                });
        if !matches {
            failures.push(format!(
                "{}: warnings\n  read:\n    {}\n  expected:\n    {:?}",
                x.file,
                got.join("\n    "),
                x.warnings
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn utc(t: &Timeline) -> Vec<String> {
    t.events
        .iter()
        .map(|e| {
            let f = |ms: i64| incident_timeline::time::format_instant(ms)[..16].to_string();
            match e.end {
                Some(x) => format!("{}–{}", f(e.start), f(x)),
                None => f(e.start),
            }
        })
        .collect()
}

fn opts(date_: Option<&str>, zone: Option<&str>) -> TextOptions {
    TextOptions {
        date: date_.and_then(date),
        time_zone: zone.map(str::to_string),
        ..Default::default()
    }
}

#[test]
fn the_repeated_hour_is_read_in_order() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/text/dst-fall-back.md")).unwrap();
    let t = read(&text, &TextOptions::default());
    assert_eq!(
        utc(&t.timeline),
        [
            "2024-11-03T08:20",
            "2024-11-03T08:50",
            "2024-11-03T09:10",
            "2024-11-03T09:40",
            "2024-11-03T10:30"
        ]
    );
    // The same night with the abbreviations written: exact, and no warning.
    let t = read(
        "2024-11-03\n\n01:50 PDT – batch ends\n01:10 PST – batch starts again\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2024-11-03T08:50", "2024-11-03T09:10"]);
    assert_eq!(t.timeline.zone.unwrap().name(), "America/Los_Angeles");
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn a_time_the_clocks_skipped_is_read_after_the_jump() {
    let t = read("All times are Eastern Time.\n\n2024-03-10\n\n01:50 – backups start\n02:30 – backups stall\n03:10 – backups done\n", &TextOptions::default());
    // 02:30 is read as 03:30 EDT, after the 03:10 entry (events are sorted).
    assert_eq!(
        utc(&t.timeline),
        ["2024-03-10T06:50", "2024-03-10T07:10", "2024-03-10T07:30"]
    );
    assert_eq!(t.warnings.len(), 1, "{:?}", t.warnings);
    let w = &t.warnings[0];
    assert_eq!((w.line, w.column), (Some(6), Some(1)));
    assert!(w.message.contains("2024-03-10 02:30 never happened in America/New_York (clocks jumped from UTC-5 to UTC-4); read as 03:30"), "{w}");
}

#[test]
fn the_date_comes_from_the_text_then_the_option() {
    // Neither: an error that asks for one.
    let p = read_text("10:00 UTC: Deploy\n", &TextOptions::default()).unwrap_err();
    assert_eq!(
        p.to_string(),
        "line 1, column 1: the text gives no date for its times; pass a date (--date 2022-12-07, or the date attribute)"
    );
    let p = read_text("December 8\n\n10:00 UTC: Deploy\n", &TextOptions::default()).unwrap_err();
    assert!(
        p.to_string()
            .contains("gives no year for its times; pass a date"),
        "{p}"
    );
    // The option gives the date, or the year a date lacks (the nearest).
    let t = read("10:00 UTC: Deploy\n", &opts(Some("2022-12-07"), None));
    assert_eq!(utc(&t.timeline), ["2022-12-07T10:00"]);
    let t = read("12/31 23:00 UTC: Deploy\n", &opts(Some("2023-01-02"), None));
    assert_eq!(utc(&t.timeline), ["2022-12-31T23:00"]);
    // A date in the text wins over the option.
    let t = read(
        "2021-05-04\n\n10:00 UTC: Deploy\n",
        &opts(Some("2022-12-07"), None),
    );
    assert_eq!(utc(&t.timeline), ["2021-05-04T10:00"]);
    // Date headings, with the year from the option; (12/9) before a time.
    let t = read(
        "## December 8\n\n10:00 UTC: a\n\n## December 9\n\n09:00: b\n(12/10) 08:00: c\n",
        &opts(Some("2022-12-07"), None),
    );
    assert_eq!(
        utc(&t.timeline),
        ["2022-12-08T10:00", "2022-12-09T09:00", "2022-12-10T08:00"]
    );
    // Day first when the first number cannot be a month.
    let t = read("21/10/2015 14:54 UTC: a\n", &TextOptions::default());
    assert_eq!(utc(&t.timeline), ["2015-10-21T14:54"]);
    // An option date out of range is a problem of its own.
    assert_eq!(
        read_text("x", &opts(Some("1066-10-14"), None))
            .unwrap_err()
            .0[0]
            .path,
        "date"
    );
    // The first date anywhere is the date of times before it.
    let t = read(
        "10:00 UTC: Deploy\n\nThis happened on 3/14/2023.\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2023-03-14T10:00"]);
    // A weekday that does not fit is kept, with a warning.
    let t = read(
        "On Monday, April 5th, 2022, at 7:38 UTC, customers lost access.\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-04-05T07:38"]);
    assert!(
        t.warnings[0]
            .message
            .contains("the text says Monday, but 2022-04-05 is a Tuesday"),
        "{:?}",
        t.warnings
    );
}

#[test]
fn the_zone_comes_from_the_text_then_the_option_then_utc() {
    let t = read(
        "2022-12-07\n\n10:00: Deploy\n",
        &opts(None, Some("Europe/Berlin")),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T09:00"]);
    assert_eq!(t.timeline.zone.unwrap().name(), "Europe/Berlin");
    assert!(t.warnings.is_empty());
    // The text's zone wins over the option.
    let t = read(
        "2022-12-07 (all times PST)\n\n10:00: Deploy\n",
        &opts(None, Some("Europe/Berlin")),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T18:00"]);
    // Neither: UTC, and a warning at the first entry.
    let t = read("2022-12-07\n\n- 10:00: Deploy\n", &TextOptions::default());
    assert_eq!(utc(&t.timeline), ["2022-12-07T10:00"]);
    assert_eq!(
        (t.warnings[0].line, t.warnings[0].column),
        (Some(3), Some(3))
    );
    assert!(t.warnings[0]
        .message
        .starts_with("the text states no time zone; its times were read as UTC"));
    // A zone stated later covers the times before it.
    let t = read(
        "2022-12-07\n\n10:00: Deploy\n10:30 CET: Rollback\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T09:00", "2022-12-07T09:30"]);
    // A bad option is a problem of its own.
    let p = read_text("10:00: x", &opts(Some("2022-12-07"), Some("Mars/Base"))).unwrap_err();
    assert_eq!(p.0[0].path, "timeZone");
}

#[test]
fn offsets_and_abbreviations() {
    let t = read(
        "2022-12-07\n\n14:00 GMT+8: Deploy\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T06:00"]);
    assert_eq!(t.timeline.zone.unwrap().name(), "Etc/GMT-8");
    let t = read(
        "2022-12-07\n\n14:00 +05:30: Deploy\n15:00 UTC-5: Rollback\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T08:30", "2022-12-07T20:00"]);
    let t = read(
        "2015-10-21T14:54:00-07:00 outage begins\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2015-10-21T21:54"]);
    // Ambiguous abbreviations: the reading taken, said once.
    let t = read(
        "2022-12-07\n\n10:00 CST: a\n11:00 CST: b\n12:00 IST: c\n",
        &TextOptions::default(),
    );
    assert_eq!(
        utc(&t.timeline),
        ["2022-12-07T06:30", "2022-12-07T16:00", "2022-12-07T17:00"]
    );
    let w: Vec<String> = t.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        w,
        [
            "line 3, column 7: CST is ambiguous; read as US Central Standard Time (UTC-6, America/Chicago), not China Standard Time (UTC+8) or Cuba Standard Time (UTC-5)",
            "line 5, column 7: IST is ambiguous; read as India Standard Time (UTC+5:30, Asia/Kolkata), not Irish Standard Time (UTC+1) or Israel Standard Time (UTC+2)"
        ]
    );
    // Written in full, not ambiguous; "Pacific Time" follows the rules.
    let t = read(
        "2022-07-07\n\n10:00 British Summer Time: a\n11:00 Pacific Time: b\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-07-07T09:00", "2022-07-07T18:00"]);
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn order_midnight_and_the_half_of_the_day() {
    // Newest first: sorted, not read as three days.
    let t = read(
        "2022-12-07\n\n14:30 UTC: c\n14:10: b\n08:55: a\n",
        &TextOptions::default(),
    );
    assert_eq!(
        utc(&t.timeline),
        ["2022-12-07T08:55", "2022-12-07T14:10", "2022-12-07T14:30"]
    );
    // Two entries, far back: past midnight.
    let t = read(
        "2022-12-07\n\n23:30 UTC: a\n00:15: b\n",
        &TextOptions::default(),
    );
    assert_eq!(utc(&t.timeline), ["2022-12-07T23:30", "2022-12-08T00:15"]);
    // A little back: out of order on the same day.
    let t = read(
        "2022-12-07\n\n10:05 UTC: a\n11:00: b\n09:55: c\n",
        &TextOptions::default(),
    );
    assert_eq!(
        utc(&t.timeline),
        ["2022-12-07T09:55", "2022-12-07T10:05", "2022-12-07T11:00"]
    );
    // A text that writes AM/PM: a time without it takes the half that comes next.
    let t = read(
        "2022-12-07\n\n11:50 AM UTC: a\n12:05: b\n1:15: c\n",
        &TextOptions::default(),
    );
    assert_eq!(
        utc(&t.timeline),
        ["2022-12-07T11:50", "2022-12-07T12:05", "2022-12-07T13:15"]
    );
    // AM/PM written once covers a range; the end never precedes the start.
    let t = read(
        "2022-12-07 UTC\n\n11:50 – 12:10 PM: a\n9 - 11 PM: b\n",
        &TextOptions::default(),
    );
    assert_eq!(
        utc(&t.timeline),
        [
            "2022-12-07T11:50–2022-12-07T12:10",
            "2022-12-07T21:00–2022-12-07T23:00"
        ]
    );
}

#[test]
fn tables_with_date_columns_and_bad_rows() {
    let text = "| Date | Time (UTC) | Who | What |\n|---|---|---|---|\n| 2023-01-05 | 10:00 | alice | deploy |\n| | | | and verify |\n| 2023-01-06 | 25:00 | bob | nothing |\n| 2023-01-06 | 09:00 | bob | rollback |\n";
    let t = read(text, &TextOptions::default());
    assert_eq!(utc(&t.timeline), ["2023-01-05T10:00", "2023-01-06T09:00"]);
    assert_eq!(t.timeline.events[0].title, "alice — deploy and verify");
    assert_eq!(
        (t.warnings[0].line, t.warnings[0].column),
        (Some(5), Some(16))
    );
}

#[test]
fn kinds_impact_lanes_and_ids() {
    let text = "2022-12-07 (all times UTC)\n\n\
        10:00 – 10:20: The API was down for everyone\n\
        10:20 – 11:00: Elevated latency; about 12 % of requests timed out\n\
        11:00 – 11:30: Planned maintenance of the database\n\
        11:30 – 12:00: Investigating the root cause\n\
        12:00: Resolved\n";
    let t = read(text, &TextOptions::default()).timeline;
    let kinds: Vec<(&str, &str, Option<f64>, &str)> = t
        .events
        .iter()
        .map(|e| {
            (
                e.id.as_deref().unwrap(),
                e.kind.as_str(),
                e.impact,
                t.lanes[e.lane].id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("t1", "outage", Some(1.0), "impact"),
            ("t2", "degraded", Some(0.12), "impact"),
            ("t3", "maintenance", Some(0.0), "maintenance"),
            ("t4", "activity", Some(0.0), "response"),
            ("t5", "milestone", Some(0.0), "impact"),
        ]
    );
    let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Impact", "Maintenance", "Response"]);
}

#[test]
fn titles_are_cut_and_details_kept() {
    let long = "word ".repeat(300);
    let t = read(
        &format!("2022-12-07 UTC\n\n10:00: {long}\n"),
        &TextOptions::default(),
    )
    .timeline;
    let e = &t.events[0];
    assert!(e.title.chars().count() <= 500 && e.title.ends_with('…'));
    assert_eq!(e.detail.as_deref(), Some(long.trim()));
    let t = read("2022-12-07 UTC\n\n~10:00: Paged\n", &TextOptions::default()).timeline;
    assert_eq!(
        t.events[0].detail.as_deref(),
        Some("Paged (approximate time)")
    );
}

#[test]
fn no_entries_is_an_error() {
    for text in [
        "",
        "Just prose, with no times at all.\n",
        "# Heading\n\n| a | b |\n|---|---|\n| c | d |\n",
    ] {
        let p = read_text(text, &TextOptions::default()).unwrap_err();
        assert!(p.to_string().contains("found no timeline entries"), "{p}");
    }
    // The lines that looked like entries come with it.
    let p = read_text("2022-12-07\n\n25:00: x\n", &TextOptions::default()).unwrap_err();
    assert_eq!(p.len(), 2);
    assert!(p.0[0].message.contains("found no timeline entries"));
    assert_eq!((p.0[1].line, p.0[1].column), (Some(3), Some(1)));
}

/// A megabyte of timeline text reads in well under a second (natively, in
/// a release build; the bound here leaves room for a debug build).
#[test]
fn a_megabyte_reads_quickly() {
    let mut text = String::from("# A long incident\n\nAll times are UTC.\n\n");
    let mut day = 0;
    while text.len() < 1_000_000 {
        day += 1;
        text.push_str(&format!(
            "## 2023-{:02}-{:02}\n\n",
            1 + (day / 28) % 12,
            1 + day % 28
        ));
        for h in 0..24 {
            text.push_str(&format!("- {h:02}:05 – {h:02}:35: Elevated latency for about 20% of requests on host-{day}-{h}, with **errors** on some nodes\n"));
            text.push_str(&format!(
                "- {h:02}:40: We restarted host-{day}-{h} and watched it recover.\n"
            ));
        }
        text.push_str("\nAt 23:59 UTC the day ended, and by 00:00 UTC another began. Nothing else happened.\n\n");
    }
    let start = std::time::Instant::now();
    let t = read_text(&text, &TextOptions::default()).unwrap();
    let took = start.elapsed();
    println!(
        "{} bytes, {} events in {took:?}",
        text.len(),
        t.timeline.events.len()
    );
    assert!(t.timeline.events.len() > 10_000);
    assert!(
        took.as_secs_f64() < if cfg!(debug_assertions) { 10.0 } else { 1.0 },
        "{took:?}"
    );
}

/// A timeline section on its own (no dated title): the lines before the
/// text's first date ("(12/8)") are on the date option's day.
#[test]
fn entries_before_the_first_written_date_take_the_option_date() {
    let text = "8:24 – 8:49 AM (PST): A 25-minute outage\n(12/8) 9 AM: The backend server is initialized\n";
    let o = incident_timeline::postmortem::TextOptions {
        date: chrono::NaiveDate::from_ymd_opt(2022, 12, 7),
        time_zone: None,
        ..Default::default()
    };
    let read = incident_timeline::postmortem::read_text(text, &o).unwrap();
    let starts: Vec<String> = read
        .timeline
        .events
        .iter()
        .map(|e| incident_timeline::time::format_instant(e.start))
        .collect();
    assert_eq!(
        starts,
        ["2022-12-07T16:24:00.000Z", "2022-12-08T17:00:00.000Z"]
    );
}

/// Found by fuzz/ (the text target): a text whose timeline entries are all
/// left out when their times are resolved (impossible dates and times, each
/// a warning) is an error that says so, with the warnings after it, not a
/// timeline without events.
#[test]
fn a_text_whose_entries_are_all_left_out_is_an_error() {
    let bytes =
        std::fs::read(root().join("fuzz/corpus/text/c162caa6281d913d1c3471311fd476453e5ab38b"))
            .unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let problems = read_text(&text, &opts(None, Some("UTC"))).unwrap_err();
    let first = problems.iter().next().unwrap();
    assert!(
        first
            .message
            .starts_with("none of the text's timeline entries could be read"),
        "{first}"
    );
    assert!(
        problems.iter().skip(1).all(|p| p.line.is_some()),
        "{problems}"
    );
    assert!(
        problems.iter().count() > 1,
        "the reasons follow: {problems}"
    );
}
