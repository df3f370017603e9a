//! libFuzzer target: arbitrary timelines, sizes, zones and views through
//! layout, the widget's Chart operations and SVG (see src/lib.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incident_timeline_fuzz::layout_target(data));
