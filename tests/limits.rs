//! Every resource limit of docs/limits.md gives its diagnostic, and small adversarial inputs
//! are answered quickly. (Timing bounds here are generous, for a debug build on a busy
//! machine; `scripts/bench.sh` measures speed.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, check_text, Options};
use charter::diagnostic::Severity;
use charter::limits;
use charter::render::{self, FileResult};
use std::time::{Duration, Instant};

/// An agreement around `body`.
fn wrap(body: &str) -> String {
    format!("agreement \"Limits\" {{\n{body}\n}}\n")
}

fn rules_and_messages(text: &str) -> Vec<(&'static str, String)> {
    check_text(text, &Options::default())
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect()
}

#[test]
fn a_file_over_the_size_limit_gets_one_syntax_error() {
    let mut bytes = wrap("").into_bytes();
    bytes.resize(limits::MAX_FILE_BYTES + 1, b' ');
    let report = check_bytes(&bytes, &Options::default());
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule, "syntax-error");
    assert_eq!(
        d.message,
        "this file is 64 MB, larger than the 64 MB Charter reads"
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_reported_once() {
    // The agreement is level 1, so a value may open 31 more levels.
    let nested = |levels: usize| {
        format!(
            "  clause c \"C\" {{\n    text: {}\"x\"{}\n  }}",
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    let at_limit = rules_and_messages(&wrap(&nested(limits::MAX_DEPTH - 2)));
    assert!(
        at_limit.iter().all(|(r, _)| *r != "nesting-too-deep"),
        "{at_limit:?}"
    );
    let over = rules_and_messages(&wrap(&nested(limits::MAX_DEPTH - 1)));
    let deep: Vec<_> = over
        .iter()
        .filter(|(r, _)| *r == "nesting-too-deep")
        .collect();
    assert_eq!(deep.len(), 1, "{over:?}");
    assert!(deep[0].1.contains("at most 32 levels"), "{}", deep[0].1);
}

#[test]
fn a_string_over_the_length_limit_is_an_error() {
    let ok = "a".repeat(limits::MAX_STRING_BYTES - 2);
    let rules = rules_and_messages(&wrap(&format!("  purpose: \"{ok}\"")));
    assert!(
        rules
            .iter()
            .all(|(_, m)| !m.contains("Charter reads in one string")),
        "{rules:?}"
    );

    let long = "a".repeat(limits::MAX_STRING_BYTES);
    let text = wrap(&format!("  purpose: \"{long}\""));
    let diagnostics = check_text(&text, &Options::default());
    let found: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.message.contains("Charter reads in one string"))
        .collect();
    assert_eq!(found.len(), 1, "{diagnostics:?}");
    assert_eq!(found[0].rule, "syntax-error");
    assert_eq!(
        found[0].message,
        "this text is 1.0 MB long, more than the 1.0 MB Charter reads in one string or text block"
    );
    assert_eq!(&text[found[0].span.range()], "\"");

    // Text blocks too.
    let lines = "    lorem ipsum dolor sit amet\n".repeat(limits::MAX_STRING_BYTES / 30 + 1);
    let text = wrap(&format!("  purpose: \"\"\"\n{lines}    \"\"\""));
    let rules = rules_and_messages(&text);
    assert!(
        rules
            .iter()
            .any(|(r, m)| *r == "syntax-error" && m.contains("Charter reads in one string")),
        "{rules:?}"
    );
}

/// A file with 600 unknown keys: 500 listed, then one `too-many-findings`; every summary
/// still counts all of them.
#[test]
fn findings_are_capped_per_file_and_counted_in_full() {
    let keys: String = (0..600).map(|i| format!("    zzz{i}: 1\n")).collect();
    let text = wrap(&format!("  party a \"A\" {{\n{keys}  }}"));
    let all = 600 + {
        // What the file has besides the unknown keys (missing sections and so on).
        let without = wrap("  party a \"A\" {\n  }");
        check_text(&without, &Options::default()).len()
    };
    let report = check_bytes(text.as_bytes(), &Options::default());
    assert_eq!(
        report.diagnostics.len(),
        limits::MAX_DIAGNOSTICS_PER_FILE + 1
    );
    let last = report.diagnostics.last().unwrap();
    assert_eq!(last.rule, "too-many-findings");
    assert_eq!(last.severity, Severity::Error);
    assert_eq!(last.span.start as usize, text.len());
    assert!(
        last.message.starts_with(&format!(
            "… and {} more findings in this file (",
            all - limits::MAX_DIAGNOSTICS_PER_FILE
        )),
        "{}",
        last.message
    );
    assert!(last
        .message
        .ends_with("Charter lists at most 500 findings per file"));
    // Errors are listed before warnings: every listed finding but the note is an error
    // (600 unknown keys are more than the list holds).
    assert!(report.diagnostics[..500]
        .iter()
        .all(|d| d.severity == Severity::Error));
    // Still sorted by position.
    assert!(report
        .diagnostics
        .windows(2)
        .all(|w| w[0].span <= w[1].span));

    let total = report.count(Severity::Error)
        + report.count(Severity::Warning)
        + report.count(Severity::Info);
    assert_eq!(total, all);

    let file = FileResult {
        path: "many.charter",
        report: &report,
    };
    let json: serde_json::Value =
        serde_json::from_str(&render::json::render(std::slice::from_ref(&file)).unwrap()).unwrap();
    let summary = &json["summary"];
    assert_eq!(
        summary["errors"].as_u64().unwrap() as usize,
        report.count(Severity::Error)
    );
    let summed = ["errors", "warnings", "infos"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap() as usize)
        .sum::<usize>();
    assert_eq!(summed, all);
    assert_eq!(
        json["diagnostics"].as_array().unwrap().len(),
        limits::MAX_DIAGNOSTICS_PER_FILE + 1
    );

    // The term sheet's status counts them all too.
    let build = charter::emit::Build::from_text(&text, &Options::default());
    assert_eq!(
        build.status.errors + build.status.warnings + build.status.infos,
        all
    );
}

#[test]
fn too_many_findings_cannot_be_switched_off() {
    let text = wrap("  allow: [too-many-findings]");
    let rules = rules_and_messages(&text);
    assert!(
        rules.iter().any(|(r, m)| *r == "unknown-rule"
            && m.starts_with("`too-many-findings` cannot be switched off")),
        "{rules:?}"
    );
}

/// One piece of the file that needs more parser calls than the limit: a list of a million
/// one-letter words in one attribute (about 12 calls a byte).
#[test]
fn a_piece_over_the_parser_call_limit_is_reported_not_parsed_for_long() {
    let words = "a,".repeat(1_000_000);
    let text = wrap(&format!(
        "  clause c \"C\" {{\n    text: [{words}]\n  }}\n  clause d \"D\" {{ text: \"after\" }}"
    ));
    let started = Instant::now();
    let diagnostics = check_text(&text, &Options::default());
    let elapsed = started.elapsed();
    let found: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "syntax-error")
        .collect();
    assert_eq!(found.len(), 1, "{diagnostics:?}");
    assert!(
        found[0]
            .message
            .starts_with("this part of the agreement is too large or too tangled"),
        "{}",
        found[0].message
    );
    assert_eq!(
        &text[found[0].span.range()],
        "text: [a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a"
    );
    // Generous: a debug build on a shared machine.
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

// ---------------------------------------------------------------------------------------
// Adversarial inputs of about 2 KB.

fn adversarial() -> Vec<(String, String)> {
    let n = 2048;
    let mut cases: Vec<(&str, String)> = vec![
        ("braces", "{".repeat(n)),
        ("brackets", "[".repeat(n)),
        ("closers", "}]".repeat(n / 2)),
        ("mixed openers", "{[".repeat(n / 2)),
        ("quotes", "\"".repeat(n)),
        ("triple quotes", "\"\"\"\n".repeat(n / 4)),
        (
            "unclosed text block",
            format!("purpose: \"\"\"\n{}", "x\n".repeat(n / 2)),
        ),
        ("slashes", "/".repeat(n)),
        ("comments", "//\n".repeat(n / 3)),
        ("huge number", "9".repeat(n)),
        (
            "huge decimal",
            format!("k: {}.{}", "9".repeat(n / 2), "9".repeat(n / 2)),
        ),
        ("huge money", format!("k: USD {}", "9,999".repeat(n / 5))),
        ("huge percent", format!("k: {}%", "9".repeat(n))),
        ("huge duration", format!("k: {} days", "9".repeat(n))),
        (
            "huge ratio",
            format!("k: {}/{}", "9".repeat(n / 2), "9".repeat(n / 2)),
        ),
        ("bad dates", "k: 9999-99-99\n".repeat(n / 14)),
        ("colons", ":".repeat(n)),
        ("keys without values", "k:\n".repeat(n / 3)),
        ("words", "a ".repeat(n / 2)),
        ("open blocks", "party a \"A\" {\n".repeat(n / 14)),
        ("open maps", "k: { a: ".repeat(n / 8)),
        ("open lists", "k: [ a, ".repeat(n / 8)),
        ("escapes", format!("k: \"{}\"", "\\u{".repeat(n / 3))),
        ("backslashes", format!("k: \"{}\"", "\\".repeat(n))),
        ("bound chain", format!("k: {}", ">=".repeat(n / 2))),
        ("comparators", ">= <= > < = ".repeat(n / 12)),
        ("agreement headers", "agreement \"T\" {\n".repeat(n / 16)),
        ("rule names", format!("allow: [{}]", "a-b, ".repeat(n / 6))),
        ("nuls", "\u{0}".repeat(n)),
        ("bom and crlf", "\u{FEFF}\r\n".repeat(n / 5)),
        ("non-ascii", "é€😀".repeat(n / 9)),
        (
            "unicode escapes",
            format!("k: \"{}\"", "\\u{10FFFF}".repeat(n / 10)),
        ),
        (
            "bad unicode escapes",
            format!("k: \"{}\"", "\\u{110000}".repeat(n / 10)),
        ),
        ("long identifier", "a".repeat(n)),
        ("long key", format!("{}: 1", "a".repeat(n))),
        ("deep map of maps", format!("k: {}", "{ a: ".repeat(n / 5))),
        ("nested blocks", "b {\n".repeat(n / 4)),
    ];
    let mut out = Vec::new();
    for (name, body) in cases.drain(..) {
        out.push((format!("{name} (bare)"), body.clone()));
        out.push((format!("{name} (in an agreement)"), wrap(&body)));
    }
    out
}

#[test]
fn adversarial_inputs_of_two_kilobytes_are_answered_quickly() {
    let mut slow = Vec::new();
    for (name, text) in adversarial() {
        assert!(text.len() <= 4096, "{name}: {} bytes", text.len());
        let started = Instant::now();
        let report = check_bytes(text.as_bytes(), &Options::default());
        let build = charter::emit::Build::from_text(&text, &Options::default());
        let _ = build.json();
        let _ = build.markdown();
        let elapsed = started.elapsed();
        // Generous for a debug build on a busy machine; release takes about a millisecond.
        if elapsed > Duration::from_secs(2) {
            slow.push(format!("{name}: {elapsed:?}"));
        }
        assert!(!report.diagnostics.is_empty(), "{name}: no diagnostic");
        for d in &report.diagnostics {
            assert!(d.span.start <= d.span.end, "{name}: {d:?}");
            assert!(d.span.end as usize <= report.text.len(), "{name}: {d:?}");
        }
    }
    assert!(slow.is_empty(), "slow: {slow:#?}");
}
