//! GitLab's Code Quality report: a JSON array with one object per diagnostic, which GitLab
//! shows in the merge request's Code Quality widget and in the changed lines.
//!
//! ```json
//! [
//!   {
//!     "description": "revenue shares add up to 95%, not 100%",
//!     "check_name": "shares-not-100",
//!     "fingerprint": "6f1d0c0a5e7f9d42b3c0e1a2d4f5b6c7",
//!     "severity": "major",
//!     "location": {"path": "deals/acme.charter", "lines": {"begin": 41, "end": 41}}
//!   }
//! ]
//! ```
//!
//! Severities: errors are `major`, warnings `minor`, infos `info`. The fingerprint
//! identifies a finding across commits: it is made from the path, the rule, the message,
//! the text the finding points at and how many identical findings come before it in the
//! file — never from line numbers, so a finding keeps its fingerprint when lines are added
//! or removed above it.

use super::{byte_range, one_line, FileResult, Position};
use crate::diagnostic::Severity;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Every diagnostic of the run as one pretty-printed JSON array followed by a newline.
///
/// # Errors
///
/// Only if serde_json fails to serialize plain strings and numbers, which does not happen;
/// the error is passed on rather than hidden.
pub fn render(files: &[FileResult<'_>]) -> Result<String, serde_json::Error> {
    let mut issues = Vec::new();
    for file in files {
        let report = file.report;
        let mut seen: HashMap<String, usize> = HashMap::new();
        for diagnostic in &report.diagnostics {
            let position = Position::of(report, diagnostic.span);
            let range = byte_range(&report.text, diagnostic.span);
            let target: String = report.text[range]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let key = [file.path, diagnostic.rule, &diagnostic.message, &target].join("\u{0}");
            let count = seen.entry(key.clone()).or_insert(0);
            let occurrence = *count;
            *count += 1;
            issues.push(Issue {
                description: one_line(&diagnostic.message).into_owned(),
                check_name: diagnostic.rule,
                fingerprint: fingerprint(&format!("{key}\u{0}{occurrence}")),
                severity: match diagnostic.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: file.path,
                    lines: Lines {
                        begin: position.start.line,
                        end: position.end.line,
                    },
                },
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&issues)?;
    text.push('\n');
    Ok(text)
}

/// A 128-bit FNV-1a hash of the text, as 32 hex digits: the same on every machine and
/// every version of Rust (unlike `std`'s hasher), which a fingerprint must be.
fn fingerprint(text: &str) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    const OFFSET: u128 = 0x6C62_272E_07BB_0142_62B8_2175_6295_C58D;
    let hash = text.bytes().fold(OFFSET, |hash, byte| {
        (hash ^ u128::from(byte)).wrapping_mul(PRIME)
    });
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::check::FileReport;
    use crate::diagnostic::Diagnostic;
    use crate::span::{LineIndex, Span};

    fn issues(text: &str, spans: &[(usize, usize)]) -> Vec<serde_json::Value> {
        let diagnostics = spans
            .iter()
            .map(|&(s, e)| Diagnostic::error("todo-left", Span::from_range(s, e), "a TODO"))
            .collect();
        let report = FileReport {
            text: text.to_string(),
            line_index: LineIndex::new(text),
            omitted: crate::limits::Omitted::default(),
            diagnostics,
        };
        let files = [FileResult {
            path: "a.charter",
            report: &report,
        }];
        let value: serde_json::Value = serde_json::from_str(&render(&files).unwrap()).unwrap();
        value.as_array().unwrap().clone()
    }

    #[test]
    fn fingerprints_survive_moved_lines_and_tell_twins_apart() {
        let before = issues("x TODO\ny TODO\n", &[(2, 6), (9, 13)]);
        let after = issues("\n\nnew line\nx TODO\ny TODO\n", &[(13, 17), (20, 24)]);
        assert_eq!(before[0]["location"]["lines"]["begin"], 1);
        assert_eq!(after[0]["location"]["lines"]["begin"], 4);
        assert_eq!(before[0]["fingerprint"], after[0]["fingerprint"]);
        assert_eq!(before[1]["fingerprint"], after[1]["fingerprint"]);
        assert_ne!(before[0]["fingerprint"], before[1]["fingerprint"]);
        assert_eq!(before[0]["severity"], "major");
        assert_eq!(before[0]["check_name"], "todo-left");
        assert_eq!(before[0]["description"], "a TODO");
    }

    #[test]
    fn fingerprints_are_fixed() {
        assert_eq!(fingerprint(""), "6c62272e07bb014262b821756295c58d");
        assert_eq!(fingerprint("a"), "d228cb696f1a8caf78912b704e4a8964");
    }
}
