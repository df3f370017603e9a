//! libFuzzer target: arbitrary bytes as a timeline document (see src/lib.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incident_timeline_fuzz::parse_target(data));
