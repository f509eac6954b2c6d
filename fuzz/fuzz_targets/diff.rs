//! Any text → `charter diff` against itself and against an empty agreement: never a panic;
//! a version compared with itself has no change in terms.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = charter::check::decode(data) else {
        return;
    };
    let Ok(version) = charter::diff::read(text) else {
        return;
    };
    let agreement = version.agreement;
    let same = charter::diff::diff(&agreement, &agreement);
    assert!(same.is_empty(), "diff(x, x) is not empty: {}", same.len());
    let _ = charter::diff::diff(&Default::default(), &agreement);
});
