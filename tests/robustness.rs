//! No input makes Charter panic, hang or recurse without bound: arbitrary bytes, soups of
//! the language's own tokens, deep nesting, and huge files all get diagnostics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, check_text, Options};
use proptest::prelude::*;
use std::time::Instant;

const TOKENS: &[&str] = &[
    "agreement",
    "\"Title\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\n",
    " ",
    "party",
    "northwind",
    "contoso",
    "governance",
    "committee",
    "seats",
    "55%",
    "USD 1,200,000",
    "EUR 1,20,0",
    "90 days",
    "15 business days",
    "2027-01-01",
    "2027-02-30",
    "2/3",
    ">=",
    "yes",
    "no",
    "\"\"\"\n  text\n  \"\"\"",
    "\"\"\"",
    "\"unclosed",
    "// comment\n",
    "\\u{1F600}",
    "\"a\\qb\"",
    "no-mediation",
    "allow",
    "model",
    "equity",
    "contributions",
    "from",
    "resource",
    "exit",
    "termination",
    "convenience",
    "notice",
    "metric",
    "target",
    "\u{FEFF}",
    "\r\n",
    "é",
    "=",
    "@",
    "%",
    "-",
    "9999999999999999999999999999999",
    "0.000000000000000000000000000001",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = check_bytes(&bytes, &Options::default());
    }

    #[test]
    fn token_soups_never_panic(picks in proptest::collection::vec(0..TOKENS.len(), 0..200)) {
        let text: String = picks.iter().map(|&i| TOKENS[i]).collect::<Vec<_>>().join(" ");
        let _ = check_text(&text, &Options::default());
        let wrapped = format!("agreement \"T\" {{\n{text}\n}}\n");
        let diagnostics = check_text(&wrapped, &Options::default());
        // Every diagnostic points inside the file.
        for d in diagnostics {
            prop_assert!(d.span.end as usize <= wrapped.len());
            prop_assert!(d.span.start <= d.span.end);
        }
    }
}

fn rules_of(text: &str) -> Vec<&'static str> {
    check_text(text, &Options::default())
        .iter()
        .map(|d| d.rule)
        .collect()
}

#[test]
fn deep_nesting_is_answered_quickly_and_once() {
    for (open, close) in [("{", "}"), ("[", "]")] {
        for closed in [true, false] {
            let inner = format!(
                "{}{}",
                open.repeat(100_000),
                if closed {
                    close.repeat(100_000)
                } else {
                    String::new()
                }
            );
            let text = format!("agreement \"T\" {{\n  k: {inner}\n}}\n");
            let started = Instant::now();
            let rules = rules_of(&text);
            let elapsed = started.elapsed();
            assert_eq!(
                rules.iter().filter(|r| **r == "nesting-too-deep").count(),
                1,
                "{rules:?}"
            );
            // Generous bound for a debug build on a loaded machine; the release build takes
            // a few milliseconds.
            assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
        }
    }
}

#[test]
fn empty_binary_and_non_utf8_files_get_one_syntax_error() {
    for bytes in [
        &b""[..],
        b"   \n\n",
        b"\x00\x01\x02agreement",
        b"agreement \"T\xff\" {}",
    ] {
        let report = check_bytes(bytes, &Options::default());
        let rules: Vec<_> = report.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, ["syntax-error"], "{bytes:?}");
    }
    let report = check_bytes(b"agreement \"T\xff\" {}", &Options::default());
    assert!(report.diagnostics[0].message.contains("byte 12"));
}

#[test]
fn a_large_file_is_checked() {
    // ~50 MB: many clauses.
    let clause = "  clause c{} \"Clause\" { text: \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.\" }\n";
    let mut text = String::from("agreement \"Large\" {\n");
    let mut i = 0;
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&clause.replace("{}", &i.to_string()));
        i += 1;
    }
    text.push_str("}\n");
    let diagnostics = check_text(&text, &Options::default());
    assert!(diagnostics.iter().all(|d| d.rule != "syntax-error"));
}
