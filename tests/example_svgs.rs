//! The SVG written for every file in `www/examples` is pinned byte for byte in
//! `tests/fixtures/svg/`: a refactoring must not change a single byte of what
//! readers see. A change that means to change the picture regenerates them
//! with `UPDATE_SVG=1 cargo test --test example_svgs` and says so.
// These tests read documents with the full build's parser.
#![cfg(feature = "full")]

use incident_timeline::{parse, render_svg, RenderOptions, ThemeName};
use std::fs;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The options each example is drawn with: the default, and narrow and dark.
fn variants() -> Vec<(&'static str, RenderOptions)> {
    vec![
        ("900-light", RenderOptions::default()),
        (
            "360-dark",
            RenderOptions {
                width: 360.0,
                theme: ThemeName::Dark,
                time_zone: Some("UTC".into()),
                ..RenderOptions::default()
            },
        ),
    ]
}

#[test]
fn example_svgs_are_byte_identical_to_the_pinned_ones() {
    let update = std::env::var_os("UPDATE_SVG").is_some();
    let pinned_dir = root().join("tests/fixtures/svg");
    if update {
        fs::create_dir_all(&pinned_dir).unwrap();
    }
    let mut examples: Vec<PathBuf> = fs::read_dir(root().join("www/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 5, "the examples are missing");
    let mut differ = Vec::new();
    for path in &examples {
        let t = parse(&fs::read_to_string(path).unwrap())
            .unwrap_or_else(|p| panic!("{}: {p}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy();
        for (name, options) in variants() {
            // A fixed present, so the ongoing example is the same every day.
            let options = RenderOptions {
                now: Some(1_767_225_600_000.0),
                ..options
            };
            let svg = render_svg(&t, &options).unwrap();
            let pinned = pinned_dir.join(format!("{stem}.{name}.svg"));
            if update {
                fs::write(&pinned, &svg).unwrap();
                continue;
            }
            let want =
                fs::read_to_string(&pinned).unwrap_or_else(|e| panic!("{}: {e}", pinned.display()));
            if want != svg {
                differ.push(pinned.display().to_string());
            }
        }
    }
    assert!(
        differ.is_empty(),
        "these SVGs changed (UPDATE_SVG=1 regenerates them, on purpose only): {differ:?}"
    );
}
