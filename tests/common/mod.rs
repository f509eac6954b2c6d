//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, Options};
use std::fmt::Write;

/// Every diagnostic of a file, one line each: `line:column severity[rule] message`, then
/// its help and labels indented. Stable text for snapshots.
pub fn diagnostics_text(source: &[u8], options: &Options) -> String {
    let report = check_bytes(source, options);
    let mut out = String::new();
    for d in &report.diagnostics {
        let at = report
            .line_index
            .line_col(&report.text, d.span.start as usize);
        let _ = writeln!(
            out,
            "{}:{} {}[{}] {}",
            at.line, at.column, d.severity, d.rule, d.message
        );
        for label in &d.labels {
            let l = report
                .line_index
                .line_col(&report.text, label.span.start as usize);
            let _ = writeln!(out, "    {}:{} {}", l.line, l.column, label.message);
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
    }
    out
}

/// The rule names reported for a file.
pub fn rules_reported(source: &[u8]) -> Vec<&'static str> {
    check_bytes(source, &Options::default())
        .diagnostics
        .iter()
        .map(|d| d.rule)
        .collect()
}

/// A Charter string literal holding `s`, for property tests that put any text in an agreement.
pub fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
