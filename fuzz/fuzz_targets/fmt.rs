//! Any text → `charter fmt`: never a panic or a hang; formatting is idempotent and what it
//! writes reads back without a syntax error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = charter::check::decode(data) else {
        return;
    };
    let Ok(once) = charter::fmt::format(text) else {
        return;
    };
    let reparsed = charter::syntax::parse(&once);
    assert!(
        !reparsed.document.has_syntax_errors,
        "formatted text does not parse: {:?}",
        reparsed.diagnostics
    );
    let twice = charter::fmt::format(&once).expect("formatted text formats again");
    assert_eq!(once, twice, "formatting is not idempotent");
});
