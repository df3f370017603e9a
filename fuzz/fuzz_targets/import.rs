//! libFuzzer target: arbitrary bytes as a status-page feed (see src/lib.rs).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| incident_timeline_fuzz::import_target(data));
