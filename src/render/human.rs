//! miette's graphical report, for people reading a terminal:
//!
//! ```text
//! error[syntax-error]
//!
//!   × I expected a value after `model:`, but found `@`
//!    ╭─[deals/acme.charter:2:10]
//!  1 │ agreement "T" {
//!  2 │   model: @
//!    ·          ┬
//!    ·          ╰── here
//!  3 │ }
//!    ╰────
//!   help: …
//! ```
//!
//! Each diagnostic is wrapped in a small adapter that implements [`miette::Diagnostic`]:
//! the severity and rule name are the code, the message is the headline, the primary span is
//! underlined, secondary labels come from [`Diagnostic::labels`](crate::diagnostic::Diagnostic)
//! and the help line from its `help`.

use super::snippet::Snippet;
use super::{printable, Counts, FileResult};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan};
use std::borrow::Cow;
use std::fmt;

/// How to draw the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HumanOptions {
    /// Use ANSI colours (only when writing to a terminal, and never with `NO_COLOR`; the
    /// front end decides).
    pub color: bool,
    /// The width to wrap messages and help lines at, in columns.
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
        }
    }
}

/// The label under the primary span. Short on purpose: the message above says what is wrong.
const PRIMARY_LABEL: &str = "here";

/// All of one file's diagnostics as miette reports, separated by blank lines. Empty when the
/// file has no diagnostics.
pub fn render(file: &FileResult<'_>, options: &HumanOptions) -> String {
    let diagnostics = &file.report.diagnostics;
    if diagnostics.is_empty() {
        return String::new();
    }
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width.max(20))
        .with_links(false)
        .without_syntax_highlighting();
    let report = file.report;
    let mut out = String::new();
    for (i, diagnostic) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let spans: Vec<Span> = std::iter::once(diagnostic.span)
            .chain(diagnostic.labels.iter().map(|l| l.span))
            .collect();
        let (source, spans) = Snippet::new(file.path, &report.text, &report.line_index, &spans);
        let adapter = Adapter {
            diagnostic,
            source: &source,
            spans,
            code: format!("{}[{}]", diagnostic.severity, diagnostic.rule),
            message: printable(&diagnostic.message),
            help: diagnostic.help.as_deref().map(printable),
        };
        let mut report = String::new();
        match handler.render_report(&mut report, &adapter) {
            Ok(()) => out.push_str(&report),
            // miette only fails when the writer does, and a `String` never does; should
            // that change, the reader still gets the finding, without the drawing.
            Err(fmt::Error) => out.push_str(&plain(file.path, diagnostic)),
        }
    }
    out
}

/// The run's last line: "Checked 3 files: 2 errors, 1 warning." or, when nothing was
/// reported, "No problems found in 3 files."
pub fn summary(counts: &Counts) -> String {
    let files = plural(counts.files, "file", "files");
    if counts.files == 0 {
        return "No files were checked.".to_string();
    }
    if counts.is_clean() {
        return format!("No problems found in {files}.");
    }
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error", "errors"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning", "warnings"));
    }
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info message", "info messages"));
    }
    format!("Checked {files}: {}.", parts.join(", "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The fallback when miette cannot draw a report.
fn plain(path: &str, diagnostic: &Diagnostic) -> String {
    format!(
        "{}[{}] in {path}: {}\n",
        diagnostic.severity,
        diagnostic.rule,
        printable(&diagnostic.message)
    )
}

/// One diagnostic, as miette sees it.
struct Adapter<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Snippet<'a>,
    /// The primary span, then each label's, as spans of `source`.
    spans: Vec<SourceSpan>,
    code: String,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
}

impl fmt::Debug for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let mut spans = self.spans.iter().copied();
        let primary = spans
            .next()
            .map(|span| LabeledSpan::new_primary_with_span(Some(PRIMARY_LABEL.to_string()), span));
        let secondary = self
            .diagnostic
            .labels
            .iter()
            .zip(spans)
            .map(|(label, span)| {
                LabeledSpan::new_with_span(Some(printable(&label.message).into_owned()), span)
            });
        Some(Box::new(primary.into_iter().chain(secondary)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_bytes, FileReport, Options};
    use crate::span::Span;

    fn render_one(report: &FileReport, color: bool) -> String {
        render(
            &FileResult {
                path: "deals/x.charter",
                report,
            },
            &HumanOptions {
                color,
                ..HumanOptions::default()
            },
        )
    }

    #[test]
    fn shows_rule_message_place_and_snippet() {
        let report = check_bytes(b"agreement \"T\" {\n  model: @\n}\n", &Options::default());
        let out = render_one(&report, false);
        assert!(out.contains("error[syntax-error]"), "{out}");
        assert!(out.contains("deals/x.charter:2:10"), "{out}");
        assert!(out.contains("model: @"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let report = check_bytes(b"agreement \"T\" {\n  model: @\n}\n", &Options::default());
        assert!(render_one(&report, true).contains('\u{1b}'));
    }

    #[test]
    fn labels_help_and_severities() {
        let text = "agreement \"T\" {\n  model: contractual\n}\n";
        let mut report = check_bytes(text.as_bytes(), &Options::default());
        report.diagnostics = vec![
            Diagnostic::warning("some-rule", Span::new(18, 23), "a warning")
                .with_label(Span::new(0, 9), "the agreement starts here")
                .with_help("do something about it"),
            Diagnostic::info("other-rule", Span::new(25, 36), "for your information"),
        ];
        let out = render_one(&report, false);
        assert!(out.contains("warning[some-rule]"), "{out}");
        assert!(out.contains("the agreement starts here"), "{out}");
        assert!(out.contains("help: do something about it"), "{out}");
        assert!(out.contains("info[other-rule]"), "{out}");
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let text = "agreement \"T\" {\n  model: contractual\n}\n";
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let mut report = check_bytes(text.as_bytes(), &Options::default());
        report.diagnostics = vec![
            Diagnostic::error("end", Span::point(text.len()), "at the end"),
            Diagnostic::error("past", Span::new(len + 5, len + 9), "past the end"),
            Diagnostic::error("reversed", Span::new(9, 3), "reversed"),
        ];
        let out = render_one(&report, false);
        assert!(out.contains("at the end"), "{out}");
        assert!(out.contains("past the end"), "{out}");

        for bytes in [&b""[..], b"\xff\xfe", b"ab\0cd", b"x\n\xe2\x82"] {
            let report = check_bytes(bytes, &Options::default());
            let out = render_one(&report, false);
            assert!(out.contains("error[syntax-error]"), "{out}");
        }
    }

    #[test]
    fn control_characters_in_the_file_are_shown_not_sent() {
        let text = "agreement \"T\u{1b}[2J\u{0}\" {\n  \u{e9}\u{e9}: \u{1b}\n}\n";
        let mut report = check_bytes(text.as_bytes(), &Options::default());
        // The second `é` starts at byte 25 and character column 4 of line 2.
        report.diagnostics = vec![Diagnostic::error("r", Span::new(25, 27), "m\u{1b}[31m")
            .with_help("h\u{7}")
            .with_label(Span::new(13, 14), "l\u{1b}")];
        let out = render_one(&report, false);
        assert!(
            !out.contains(|c: char| c.is_control() && c != '\n'),
            "{out:?}"
        );
        assert!(out.contains("deals/x.charter:2:4]"), "{out}");
        assert!(out.contains("\u{241b}[2J\u{2400}"), "{out}");
        assert!(out.contains("m\u{241b}[31m"), "{out}");
    }

    #[test]
    fn summaries_count_with_the_right_plurals() {
        let counts = |files, errors, warnings, infos| Counts {
            files,
            errors,
            warnings,
            infos,
        };
        assert_eq!(
            summary(&counts(3, 2, 1, 0)),
            "Checked 3 files: 2 errors, 1 warning."
        );
        assert_eq!(
            summary(&counts(1, 1, 0, 2)),
            "Checked 1 file: 1 error, 2 info messages."
        );
        assert_eq!(
            summary(&counts(3, 0, 0, 0)),
            "No problems found in 3 files."
        );
        assert_eq!(summary(&counts(1, 0, 0, 0)), "No problems found in 1 file.");
        assert_eq!(summary(&counts(0, 0, 0, 0)), "No files were checked.");
    }
}
