//! Timing of the importers on real feeds: the whole GitHub status history
//! (1,282 single-incident files in ../shared/realdata) merged into one
//! timeline by `import_many`, the same with reading the JSON text, and the
//! timeline written back and parsed as format v1.
//!
//! ```text
//! cargo bench --bench import
//! ```

use incident_timeline::import::{import_many, ImportOptions};
use incident_timeline::parse;
use serde_json::Value;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Times `f` and prints one line: name, iterations, median, min.
fn bench<T>(name: &str, mut f: impl FnMut() -> T) {
    for _ in 0..2 {
        black_box(f());
    }
    let mut times: Vec<Duration> = Vec::new();
    let start = Instant::now();
    while times.len() < 10 || (start.elapsed() < Duration::from_secs(2) && times.len() < 200) {
        let t0 = Instant::now();
        black_box(f());
        times.push(t0.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<52} {:>4} runs   median {:>8.2} ms   min {:>8.2} ms",
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[0])
    );
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata/statuspage/github-incident-history");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} is not there: nothing to time", dir.display());
        return;
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    println!("GitHub history: {} files, {} KB", texts.len(), bytes / 1024);
    let docs: Vec<(String, Value)> = texts
        .iter()
        .map(|(n, t)| (n.clone(), serde_json::from_str(t).unwrap()))
        .collect();
    let o = ImportOptions::default();
    bench("import_many (JSON already read)", || {
        import_many(&docs, &o).unwrap()
    });
    bench("JSON text read + import_many", || {
        let docs: Vec<(String, Value)> = texts
            .iter()
            .map(|(n, t)| (n.clone(), serde_json::from_str(t).unwrap()))
            .collect();
        import_many(&docs, &o).unwrap()
    });
    let t = import_many(&docs, &o).unwrap().timeline;
    println!("  {} lanes, {} events", t.lanes.len(), t.events.len());
    bench("to_document + parse (format v1 round trip)", || {
        parse(&t.to_document()).unwrap()
    });
}
