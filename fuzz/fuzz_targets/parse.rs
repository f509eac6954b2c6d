//! Any bytes → decode → parse: never a panic, a hang or unbounded memory; every span lies
//! inside the text; the fast and the detailed parser accept the same texts; the quick
//! reader reads what pest reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = charter::check::decode(data) else {
        return;
    };
    assert!(
        charter::syntax::parsers_agree(text),
        "the fast and the detailed parser disagree"
    );
    assert!(
        charter::syntax::readers_agree(text),
        "the quick reader and pest read the text differently"
    );
    let parsed = charter::syntax::parse(text);
    for d in &parsed.diagnostics {
        assert!(d.span.start <= d.span.end, "reversed span: {d:?}");
        assert!(d.span.end as usize <= text.len(), "span past the end: {d:?}");
    }
    // Lowering reads the whole tree.
    let lowered = charter::lower::lower(&parsed.document);
    for d in &lowered.diagnostics {
        assert!(d.span.end as usize <= text.len(), "span past the end: {d:?}");
    }
});
