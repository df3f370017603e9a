//! libFuzzer target: arbitrary bytes as post-mortem text through the text
//! reader, then format v1 and SVG (see src/lib.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incident_timeline_fuzz::text_target(data));
