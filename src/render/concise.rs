//! One line per diagnostic, in the form editors and CI tools parse:
//!
//! ```text
//! deals/acme.charter:41:5: error[shares-not-100] revenue shares add up to 95%, not 100%
//! ```
//!
//! Lines and columns are 1-based; columns count Unicode scalar values. The help line is
//! left out (it is in the `human` and `json` formats).

use super::{one_line, FileResult, Position};
use std::fmt::Write;

/// All of one file's diagnostics, one line each, every line ending in a newline.
pub fn render(file: &FileResult<'_>) -> String {
    let mut out = String::new();
    for diagnostic in &file.report.diagnostics {
        let at = Position::of(file.report, diagnostic.span).start;
        // Writing to a `String` cannot fail.
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.path,
            at.line,
            at.column,
            diagnostic.severity,
            diagnostic.rule,
            one_line(&diagnostic.message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_bytes, Options};

    #[test]
    fn one_line_per_diagnostic() {
        let report = check_bytes(b"agreement \"T\" {\n  model: @\n}\n", &Options::default());
        let out = render(&FileResult {
            path: "deals/x.charter",
            report: &report,
        });
        assert!(!out.is_empty());
        assert_eq!(out.lines().count(), report.diagnostics.len());
        for (line, d) in out.lines().zip(&report.diagnostics) {
            assert!(line.starts_with("deals/x.charter:"), "{line}");
            let tag = format!(": {}[{}] {}", d.severity, d.rule, d.message);
            assert!(line.contains(&tag), "{line}");
        }
        assert!(
            out.lines()
                .any(|l| l.starts_with("deals/x.charter:2:10: error[syntax-error] ")),
            "{out}"
        );
    }

    #[test]
    fn nothing_for_no_diagnostics() {
        let report = check_bytes(b"", &Options::default());
        let clean = crate::check::FileReport {
            diagnostics: Vec::new(),
            ..report
        };
        let out = render(&FileResult {
            path: "a.charter",
            report: &clean,
        });
        assert_eq!(out, "");
    }
}
