//! A fuzz runner for the stable toolchain, without libFuzzer: feeds a target
//! (the same function the libFuzzer binary calls) the committed seed corpus,
//! then seeds mutated (bit flips, interesting bytes, dictionary tokens,
//! repeated ranges, splices) and random bytes, for a bounded time. No
//! coverage guidance, so it finds less than `cargo fuzz`; it runs anywhere.
//!
//! ```text
//! stable-fuzz <parse|layout|import|text> [seconds] [--seed N] [--max-len BYTES]
//! stable-fuzz <parse|layout|import|text> --run FILE...      replay inputs (a crash reproduces)
//! stable-fuzz dict [import|text]                            a target's dictionary, libFuzzer's format
//! ```
//!
//! A panic, an input running longer than `FUZZ_INPUT_TIMEOUT` seconds
//! (default 10), the process holding more than `FUZZ_MEMORY_MB` of heap
//! (default 2048), or (parse only) an input taking longer than 250 ms plus
//! `FUZZ_MS_PER_KB` (default 1) for each KB of it (import, which imports each
//! input seven times and renders it: 1 s plus 4 × `FUZZ_MS_PER_KB` per KB;
//! text times its reading itself, not the SVG after it), is a failure: the input
//! is written to `fuzz/artifacts/<target>/{crash,timeout,oom,slow}-<hash>`
//! and the runner exits with status 1. The time limit is what "parsing
//! time is bounded by input size" means here: a healthy parse reads tens
//! of MB a second.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::Mutex;
use std::time::{Duration, Instant};

// ---- memory: a counting allocator with a ceiling

struct Counting;
static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(0); // 0: no limit (while reporting)

fn over_limit(size: usize) -> ! {
    let held = HELD.load(SeqCst);
    LIMIT.store(0, SeqCst);
    eprintln!("\n== out of memory: an allocation of {size} bytes with {} MB held", held >> 20);
    fail("oom");
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), SeqCst) + layout.size();
        let limit = LIMIT.load(SeqCst);
        if limit != 0 && held > limit {
            over_limit(layout.size());
        }
        PEAK.fetch_max(held, SeqCst);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), SeqCst);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grow = new_size - layout.size();
            let held = HELD.fetch_add(grow, SeqCst) + grow;
            let limit = LIMIT.load(SeqCst);
            if limit != 0 && held > limit {
                over_limit(new_size);
            }
            PEAK.fetch_max(held, SeqCst);
        } else {
            HELD.fetch_sub(layout.size() - new_size, SeqCst);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// ---- the input being run, for the reports

static CURRENT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
static TARGET: Mutex<String> = Mutex::new(String::new());
static STARTED_MS: AtomicU64 = AtomicU64::new(0); // 0: idle
static REPORTING: AtomicBool = AtomicBool::new(false);

fn clock() -> u64 {
    static ORIGIN: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

fn artifacts_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts").join(target)
}

/// Writes the current input as an artifact and exits 1.
fn fail(kind: &str) -> ! {
    if REPORTING.swap(true, SeqCst) {
        // A second failure while reporting the first.
        std::process::exit(1);
    }
    let input = CURRENT.lock().map(|c| c.clone()).unwrap_or_default();
    let target = TARGET.lock().map(|t| t.clone()).unwrap_or_default();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    input.hash(&mut h);
    let dir = artifacts_dir(&target);
    let file = dir.join(format!("{kind}-{:016x}", h.finish()));
    let _ = std::fs::create_dir_all(&dir);
    match std::fs::write(&file, &input) {
        Ok(()) => eprintln!("== {kind}: the input ({} bytes) is in {}", input.len(), file.display()),
        Err(e) => eprintln!("== {kind}: could not write {}: {e}", file.display()),
    }
    eprintln!(
        "== reproduce: cargo run --release --no-default-features --bin stable-fuzz -- {target} --run {}",
        file.display()
    );
    std::process::exit(1);
}

// ---- mutation

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Tokens of the format and of JSON that random bytes would rarely hit.
const DICTIONARY: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "0", "-0", "1", "1.0", "1e999", "-1e999",
    "0.30000000000000004", "9007199254740993", "\"version\"", "\"events\"", "\"lanes\"", "\"title\"",
    "\"description\"", "\"timezone\"", "\"id\"", "\"lane\"", "\"label\"", "\"kind\"", "\"detail\"",
    "\"severity\"", "\"impact\"", "\"start\"", "\"end\"", "\"at\"", "\"links\"", "\"url\"", "\"$schema\"",
    "\"x-note\"", "\"outage\"", "\"degraded\"", "\"maintenance\"", "\"activity\"", "\"milestone\"",
    "\"critical\"", "\"major\"", "\"minor\"", "\"none\"", "\"UTC\"", "\"America/Los_Angeles\"",
    "\"Pacific/Apia\"", "\"Australia/Lord_Howe\"", "\"Nowhere/Atlantis\"", "\"2022-12-07T08:24:00-08:00\"",
    "\"2022-12-07T08:24\"", "\"2022-03-13T02:30\"", "\"2022-11-06T01:30\"", "\"0000-01-01T00:00:00+23:59\"",
    "\"9999-12-31T23:59:59.999999999-23:59\"", "\"2022-02-29T00:00Z\"", "\"https://example.com/a\"",
    "\"javascript:alert(1)\"", "\"data:text/html,<script>\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"",
    "\"<script>alert(1)</script>\"", "\"<img src=x onerror=alert(1)>\"", "\"\\\"><svg onload=alert(1)>\"",
    "\u{feff}", "\\u", "\\", "\u{0}", "\u{7f}", "\u{fffe}", "\u{10ffff}", "日本", "👩‍👩‍👧",
];

/// Field names and values of the status-page feeds, for the import target
/// (with the tokens above).
const FEED_TOKENS: &[&str] = &[
    "\"page\"", "\"incidents\"", "\"incident\"", "\"scheduled_maintenances\"", "\"components\"",
    "\"incident_updates\"", "\"display_at\"", "\"created_at\"", "\"started_at\"", "\"resolved_at\"",
    "\"scheduled_for\"", "\"scheduled_until\"", "\"affected_components\"", "\"code\"", "\"old_status\"",
    "\"new_status\"", "\"operational\"", "\"degraded_performance\"", "\"partial_outage\"",
    "\"major_outage\"", "\"under_maintenance\"", "\"full_outage\"", "\"position\"", "\"group_id\"",
    "\"group\"", "\"shortlink\"", "\"time_zone\"", "\"status\"", "\"body\"", "\"name\"",
    "\"resolved\"", "\"investigating\"", "\"in_progress\"", "\"completed\"", "\"postmortem_body\"",
    "\"No components were affected by this update.\"", "\"updates\"", "\"published_at\"", "\"to_status\"",
    "\"message_string\"", "\"component_statuses\"", "\"component_impacts\"", "\"component_id\"",
    "\"start_at\"", "\"end_at\"", "\"status_summaries\"", "\"worst_component_status\"", "\"type\"",
    "\"summary\"", "\"structure\"", "\"items\"", "\"status_page_component_group_id\"",
    "\"status_page_incident_id\"", "\"incident_links\"", "\"page_title\"", "\"ongoing_incidents\"",
    "\"in_progress_maintenances\"", "\"last_update_at\"", "\"current_worst_impact\"", "\"starts_at\"",
    "\"ends_at\"", "\"begin\"", "\"external_desc\"", "\"affected_products\"", "\"status_impact\"",
    "\"SERVICE_OUTAGE\"", "\"SERVICE_DISRUPTION\"", "\"when\"", "\"text\"", "\"high\"",
    "\"2022-02-15T13:14:17.849-08:00\"", "\"2016-06-03T09:12:13\"", "\"$undefined\"", "\"Etc/UTC\"",
    "&amp;", "&#39;", "&#x1F600;", "&nbsp;", "<br />", "<ul><li>", "</li></ul>", "<script>", "</script>", "<!--",
];

/// Tokens of post-mortem text, for the text target (alone: JSON tokens do
/// not help it): times, ranges, dates, zones, Markdown, phase words.
const TEXT_TOKENS: &[&str] = &[
    "8:24 – 8:49 AM (PST): ", "4:33 PM4:48 PM: ", "(12/8) 9 AM: ", "9:37AM PST", "9:15 a.m.", "12:10 PM", "11:50 – ",
    "14:54", "06:17:30", "23:59", "00:00", "24:00", "25:99 PM", "13:61", "~", "about ", "around ", "roughly ",
    " to ", " until ", "between ", " and ", " – ", " — ", " - ", "At ", "By ", "From ", "starting at ",
    "2015-10-21", "2015-10-21T14:54:00-07:00", "2022-02-29", "12/7", "2/30", "24/7", "December 8", "Dec. 8th, 2022",
    "Tuesday, April 5th, 2022", "2019 July 2 ", "Apr 19, ", "April 2016", "On ", " UTC", " GMT+8", " UTC-5:30",
    " +02:00", "Z", " PST", " PDT", " EST", " EDT", " CST", " BST", " IST", " AEST", "(PST)", " Pacific Time",
    "All times are in UTC.", "(all times UTC)", "| Time | Event |\n|---|---|\n", "| ", " |", "\n", "\n\n", "### ",
    "# ", "- ", "• ", "1. ", "**", "_", "`", "```\n", "> ", "[a](https://x)", "OUTAGE BEGINS", "OUTAGE ENDS",
    "OUTAGE MITIGATED", "INCIDENT START", "INCIDENT END", "IMPACT START", "IMPACT END", "Resolved - ",
    "Investigating - ", "outage", "degraded", "maintenance", "some requests", "~30%", "100%", "errors",
    "Posted ", "(approx.)", "\u{feff}", "\r\n", "\u{2028}", "\u{0}", "日本", "👩‍👩‍👧",
];

/// The tokens mutations insert for `target`.
fn dictionary(target: &str) -> Vec<&'static str> {
    if target == "text" {
        return TEXT_TOKENS.to_vec();
    }
    let mut d = DICTIONARY.to_vec();
    if target == "import" {
        d.extend_from_slice(FEED_TOKENS);
    }
    d
}

const INTERESTING: &[u8] = &[0, 1, b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b'-', b'0', b'9', b'e', b'.', 0x7f, 0x80, 0xc0, 0xe2, 0xf0, 0xff];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>, seeds: &[Vec<u8>], dict: &[&str], max_len: usize) {
    for _ in 0..1 + rng.below(6) {
        let len = data.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(i..i, bytes);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                data.drain(i..i + n);
            }
            4 if len > 0 => {
                // Repeat a range: long strings, deep nesting, many events.
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(128));
                let chunk = data[i..i + n].to_vec();
                let most = if rng.chance(8) { 2_000 } else { 16 };
                let times = 1 + rng.below(most);
                let at = i + n;
                let rep: Vec<u8> = chunk.iter().copied().cycle().take(n * times).collect();
                data.splice(at..at, rep);
            }
            5 | 6 => {
                let i = rng.below(len + 1);
                let token = dict[rng.below(dict.len())].as_bytes().to_vec();
                if rng.chance(2) && len > 0 {
                    // Replace a token-sized stretch instead of inserting.
                    let n = rng.below((len - i.min(len)).min(token.len() + 4) + 1);
                    let end = (i + n).min(len);
                    data.splice(i.min(len)..end, token);
                } else {
                    data.splice(i..i, token);
                }
            }
            7 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let a = rng.below(other.len());
                    let b = a + rng.below(other.len() - a) + 1;
                    let i = rng.below(len + 1);
                    data.splice(i..i, other[a..b].iter().copied());
                }
            }
            _ if len > 1 => {
                // Copy a range over another place.
                let a = rng.below(len);
                let n = 1 + rng.below((len - a).min(64));
                let chunk = data[a..a + n].to_vec();
                let b = rng.below(len);
                let end = (b + n).min(len);
                data.splice(b..end, chunk);
            }
            _ => data.push(rng.next() as u8),
        }
    }
    data.truncate(max_len);
}

// ---- running

fn target_fn(name: &str) -> Option<fn(&[u8])> {
    match name {
        "parse" => Some(incident_timeline_fuzz::parse_target),
        "layout" => Some(incident_timeline_fuzz::layout_target),
        "import" => Some(incident_timeline_fuzz::import_target),
        "text" => Some(incident_timeline_fuzz::text_target),
        _ => None,
    }
}

fn run_one(f: fn(&[u8]), data: &[u8]) -> Duration {
    {
        let mut c = CURRENT.lock().unwrap();
        c.clear();
        c.extend_from_slice(data);
    }
    let t0 = Instant::now();
    STARTED_MS.store(clock(), SeqCst);
    let result = std::panic::catch_unwind(|| f(data));
    STARTED_MS.store(0, SeqCst);
    if result.is_err() {
        fail("crash");
    }
    t0.elapsed()
}

/// The folders whose files seed `target` (see [`seed_dirs`]), every file read.
fn load_seeds(target: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = seed_dirs(target)
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(root.join(dir))
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
        .collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

/// Where a target's seeds are, relative to fuzz/: its committed corpus and,
/// for `parse`, the project's examples and invalid fixtures themselves, for
/// `import`, the feed fixtures (scripts/fuzz.sh hands libFuzzer the same folders).
fn seed_dirs(target: &str) -> Vec<String> {
    let mut dirs = vec![format!("corpus/{target}")];
    if target == "parse" {
        dirs.push("../www/examples".into());
        dirs.push("../tests/fixtures/invalid".into());
    }
    if target == "import" {
        dirs.push("../tests/fixtures/feeds".into());
    }
    dirs
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: stable-fuzz <parse|layout|import|text> [seconds] [--seed N] [--max-len BYTES] | <parse|layout|import|text> --run FILE... | dict [import|text]";
    let Some(name) = args.first() else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    if name == "dict" {
        // The dictionary in libFuzzer's format (fuzz/parse.dict is this output,
        // fuzz/import.dict that of `dict import`, fuzz/text.dict that of `dict text`).
        let target = args.get(1).map_or("parse", String::as_str);
        let command = if target == "parse" { "dict".to_string() } else { format!("dict {target}") };
        println!("# Tokens for the {target} target; generated by `stable-fuzz {command}` from src/stable.rs.");
        for t in dictionary(target) {
            let escaped: String = t.bytes().map(|b| if b.is_ascii_graphic() && b != b'"' && b != b'\\' || b == b' ' { (b as char).to_string() } else { format!("\\x{b:02X}") }).collect();
            println!("\"{escaped}\"");
        }
        return;
    }
    let Some(f) = target_fn(name) else {
        eprintln!("unknown target {name:?}; {usage}");
        std::process::exit(2);
    };
    *TARGET.lock().unwrap() = name.clone();

    let env_num = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let timeout_ms = env_num("FUZZ_INPUT_TIMEOUT", 10) * 1000;
    let ms_per_kb = env_num("FUZZ_MS_PER_KB", 1) as f64;
    let slow = |took: Duration, len: usize| {
        let ms = took.as_secs_f64() * 1000.0;
        let kb = len as f64 / 1024.0;
        match name.as_str() {
            "parse" => ms > 250.0 + ms_per_kb * kb,
            "import" => ms > 1000.0 + 4.0 * ms_per_kb * kb,
            _ => false,
        }
    };
    let memory = (env_num("FUZZ_MEMORY_MB", 2048) as usize) << 20;

    // Watchdog: an input running too long is a hang.
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(100));
        let started = STARTED_MS.load(SeqCst);
        if started != 0 && clock().saturating_sub(started) > timeout_ms {
            eprintln!("\n== timeout: an input ran over {} s", timeout_ms / 1000);
            fail("timeout");
        }
    });
    // Panics are reported by fail(); keep the message, drop the noise of repeats.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !REPORTING.load(SeqCst) {
            default_hook(info);
        }
    }));
    LIMIT.store(memory, SeqCst);

    if args.get(1).map(String::as_str) == Some("--show") && name == "layout" {
        for file in &args[2..] {
            let data = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
            println!("{file}:\n{}", incident_timeline_fuzz::layout_input_debug(&data));
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("--run") {
        for file in &args[2..] {
            let data = std::fs::read(file).unwrap_or_else(|e| panic!("{file}: {e}"));
            let took = run_one(f, &data);
            if slow(took, data.len()) {
                eprintln!("== slow: {} bytes took {:.3} s", data.len(), took.as_secs_f64());
                fail("slow");
            }
            println!("{file}: ok ({} bytes, {:.3} s, peak heap {} MB)", data.len(), took.as_secs_f64(), PEAK.load(SeqCst) >> 20);
        }
        return;
    }

    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let mut seed = 0x9e37_79b9_7f4a_7c15 ^ std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
    let mut max_len = if name == "parse" || name == "import" || name == "text" { 65_536 } else { 16_384 };
    let mut i = 2;
    while i < args.len() {
        match args[i].as_str() {
            "--seed" => seed = args.get(i + 1).and_then(|s| s.parse().ok()).expect("--seed N"),
            "--max-len" => max_len = args.get(i + 1).and_then(|s| s.parse().ok()).expect("--max-len BYTES"),
            other => {
                eprintln!("unknown argument {other:?}; {usage}");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let mut rng = Rng(seed | 1);
    let seeds = load_seeds(name);
    let dict = dictionary(name);
    println!("stable-fuzz {name}: {} seeds, {seconds} s, seed {seed}, max input {max_len} bytes", seeds.len());

    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let mut runs: u64 = 0;
    let mut slowest = (Duration::ZERO, 0usize);
    for s in &seeds {
        *CURRENT.lock().unwrap() = s.clone();
        let took = run_one(f, s);
        if slow(took, s.len()) {
            eprintln!("\n== slow: a seed of {} bytes took {:.3} s", s.len(), took.as_secs_f64());
            fail("slow");
        }
        runs += 1;
    }
    let mut data = Vec::new();
    while Instant::now() < deadline {
        if rng.chance(10) || seeds.is_empty() {
            let most = if rng.chance(4) { max_len } else { 512 };
            let n = rng.below(most);
            data.clear();
            data.extend((0..n).map(|_| rng.next() as u8));
        } else if rng.chance(3) || data.is_empty() {
            data.clone_from(&seeds[rng.below(seeds.len())]);
            mutate(&mut rng, &mut data, &seeds, &dict, max_len);
        } else {
            // Keep mutating the last input for a while.
            mutate(&mut rng, &mut data, &seeds, &dict, max_len);
        }
        let took = run_one(f, &data);
        if slow(took, data.len()) {
            eprintln!("\n== slow: {} bytes took {:.3} s", data.len(), took.as_secs_f64());
            fail("slow");
        }
        if took > slowest.0 {
            slowest = (took, data.len());
        }
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "stable-fuzz {name}: {runs} inputs in {secs:.0} s ({:.0}/s), no failure; slowest {:.3} s ({} bytes), peak heap {} MB",
        runs as f64 / secs,
        slowest.0.as_secs_f64(),
        slowest.1,
        PEAK.load(SeqCst) >> 20
    );
}
