//! The whole run as one JSON object, in the exact shape of SPEC §4:
//!
//! ```json
//! {
//!   "diagnostics": [
//!     {"file": "deals/acme.charter", "rule": "shares-not-100", "severity": "error",
//!      "message": "revenue shares add up to 95%, not 100%",
//!      "line": 41, "column": 5, "end_line": 41, "end_column": 47,
//!      "help": "give the remaining 5% to a party"}
//!   ],
//!   "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0}
//! }
//! ```
//!
//! The output types are this module's own, so the format stays stable whatever happens to
//! the library's internal types. `help` is `null` when there is none (the key is always
//! present); lines and columns are 1-based, columns count Unicode scalar values, and the
//! end is where the span ends.

use super::{Counts, FileResult, Position};
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Every file of the run, in the order given, as one pretty-printed JSON object followed by
/// a newline.
///
/// # Errors
///
/// Only if serde_json fails to serialize plain strings and numbers, which does not happen;
/// the error is passed on rather than hidden.
pub fn render(files: &[FileResult<'_>]) -> Result<String, serde_json::Error> {
    let mut diagnostics = Vec::new();
    for file in files {
        for diagnostic in &file.report.diagnostics {
            let position = Position::of(file.report, diagnostic.span);
            diagnostics.push(JsonDiagnostic {
                file: file.path,
                rule: diagnostic.rule,
                severity: diagnostic.severity.as_str(),
                message: &diagnostic.message,
                line: position.start.line,
                column: position.start.column,
                end_line: position.end.line,
                end_column: position.end.column,
                help: diagnostic.help.as_deref(),
            });
        }
    }
    let counts = Counts::of(files);
    let output = Output {
        diagnostics,
        summary: Summary {
            files: counts.files,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
    };
    let mut text = serde_json::to_string_pretty(&output)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::check::{check_bytes, Options};

    #[test]
    fn has_the_exact_shape_of_the_spec() {
        let broken = check_bytes(b"agreement \"T\" {\n  model: @\n}\n", &Options::default());
        let binary = check_bytes(b"ab\0", &Options::default());
        let files = [
            FileResult {
                path: "a.charter",
                report: &broken,
            },
            FileResult {
                path: "b.charter",
                report: &binary,
            },
        ];
        let value: serde_json::Value = serde_json::from_str(&render(&files).unwrap()).unwrap();
        let object = value.as_object().unwrap();
        assert_eq!(
            object.keys().collect::<Vec<_>>(),
            ["diagnostics", "summary"]
        );
        let diagnostics = value["diagnostics"].as_array().unwrap();
        assert!(diagnostics.len() >= 2);
        for d in diagnostics {
            let mut keys: Vec<_> = d.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            assert_eq!(
                keys,
                [
                    "column",
                    "end_column",
                    "end_line",
                    "file",
                    "help",
                    "line",
                    "message",
                    "rule",
                    "severity"
                ]
            );
        }
        let last = diagnostics.last().unwrap();
        assert_eq!(last["file"], "b.charter");
        assert_eq!(last["rule"], "syntax-error");
        assert_eq!(last["severity"], "error");
        assert_eq!((&last["line"], &last["column"]), (&1.into(), &3.into()));
        assert_eq!(
            (&last["end_line"], &last["end_column"]),
            (&1.into(), &4.into())
        );
        let summary = &value["summary"];
        assert_eq!(summary["files"], 2);
        let count = |severity: &str| {
            diagnostics
                .iter()
                .filter(|d| d["severity"] == severity)
                .count()
        };
        assert_eq!(summary["errors"], count("error"));
        assert_eq!(summary["warnings"], count("warning"));
        assert_eq!(summary["infos"], count("info"));
        assert_eq!(
            count("error") + count("warning") + count("info"),
            diagnostics.len()
        );
    }

    #[test]
    fn columns_count_characters_and_help_is_null_when_absent() {
        // Invalid UTF-8 after two two-byte characters: byte 4, column 3.
        let report = check_bytes(b"\xc3\xa9\xc3\xa9\xff", &Options::default());
        let mut report = report;
        report.diagnostics[0].help = None;
        let files = [FileResult {
            path: "x.charter",
            report: &report,
        }];
        let value: serde_json::Value = serde_json::from_str(&render(&files).unwrap()).unwrap();
        let d = &value["diagnostics"][0];
        assert_eq!(d["column"], 3);
        assert_eq!(d["end_column"], 4);
        assert!(d.as_object().unwrap().contains_key("help"));
        assert!(d["help"].is_null());
    }

    #[test]
    fn an_empty_run_is_still_one_object() {
        let text = render(&[]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["diagnostics"], serde_json::json!([]));
        assert_eq!(value["summary"]["files"], 0);
    }
}
