//! Inputs that once made Charter crash, hang or slow down (found by fuzzing, see
//! scripts/fuzz.sh, or by hand): `tests/fixtures/regressions/*.charter`. Each must now be
//! checked and built quickly, with every span inside the file; the snapshot shows its
//! diagnostics. Add a file here for every crash or hang the fuzzers find.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::{check_bytes, Options};
use charter::emit::Build;
use std::time::{Duration, Instant};

#[test]
fn regression_inputs_are_answered_quickly_and_sanely() {
    insta::glob!("fixtures/regressions/*.charter", |path| {
        let bytes = std::fs::read(path).unwrap();
        let started = Instant::now();
        let report = check_bytes(&bytes, &Options::default());
        let build = Build::from_bytes(&bytes, &Options::default());
        let json: serde_json::Value = serde_json::from_str(&build.json()).unwrap();
        assert!(json.is_object());
        let _ = build.markdown();
        let _ = build.html();
        let elapsed = started.elapsed();
        // Generous: a debug build on a busy machine.
        assert!(
            elapsed < Duration::from_secs(10),
            "{}: {elapsed:?}",
            path.display()
        );
        for d in &report.diagnostics {
            assert!(d.span.start <= d.span.end, "{d:?}");
            assert!(d.span.end as usize <= report.text.len(), "{d:?}");
        }
        insta::assert_snapshot!(common::diagnostics_text(&bytes, &Options::default()));
    });
}
