//! GitHub Actions: one workflow command per diagnostic, which GitHub shows as an annotation
//! on the pull request's changed lines, and a Markdown summary for the run's summary page.
//!
//! ```text
//! ::error file=deals/acme.charter,line=41,endLine=41,col=5,endColumn=47,title=shares-not-100::revenue shares add up to 95%25, not 100%25%0Ahelp: give the remaining 5%25 to a party
//! ```
//!
//! Errors become `::error`, warnings `::warning`, infos `::notice`. Lines and columns are
//! those of the other formats (1-based, columns in characters; the end column is just past
//! the span); the columns are left out when a span covers several lines, as GitHub asks. Values are escaped as GitHub's own toolkit escapes them: `%`, CR and LF in the
//! message, and also `:` and `,` inside the properties.
//!
//! GitHub shows only the first ten annotations of each kind per step, so [`step_summary`]
//! renders every finding as a Markdown table for `$GITHUB_STEP_SUMMARY`.

use super::{visible, Counts, FileResult, Position};
use crate::diagnostic::Severity;
use std::fmt::Write;

/// Every diagnostic of the run as workflow commands, one line each.
pub fn render(files: &[FileResult<'_>]) -> String {
    let mut out = String::new();
    for file in files {
        for diagnostic in &file.report.diagnostics {
            let position = Position::of(file.report, diagnostic.span);
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            // GitHub takes columns only for a span on one line.
            let columns = if position.start.line == position.end.line {
                format!(
                    ",col={},endColumn={}",
                    position.start.column, position.end.column
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},endLine={}{columns},title={}::{}",
                escape_property(file.path),
                position.start.line,
                position.end.line,
                escape_property(diagnostic.rule),
                escape_data(&message),
            );
        }
    }
    out
}

/// A workflow command's message, escaped as `@actions/core` does: `%` → `%25`, CR → `%0D`,
/// LF → `%0A`. Other control characters are shown as visible symbols, so that text from a
/// file cannot colour or rewrite the log.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(visible(c, false).unwrap_or(c)),
        }
    }
    out
}

/// A workflow command's property value: as [`escape_data`], and also `:` → `%3A` and
/// `,` → `%2C`, which would otherwise end the value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// What the step summary can link to: each finding's line in the repository, at the commit
/// that was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryOptions {
    /// `https://github.com/OWNER/REPO/blob/SHA` (from `GITHUB_SERVER_URL`,
    /// `GITHUB_REPOSITORY` and `GITHUB_SHA`); no links without it.
    pub blob_url: Option<String>,
    /// Paths that could not be checked, one sentence each.
    pub problems: Vec<String>,
}

/// At most this many findings are listed; a step summary is limited to 1 MiB.
pub const MAX_SUMMARY_ROWS: usize = 1000;

/// The run as Markdown for `$GITHUB_STEP_SUMMARY`: a headline with the counts, a table of
/// the files with findings, and a table of every finding (up to [`MAX_SUMMARY_ROWS`]).
/// Text from the files is escaped, so a message cannot break the tables.
pub fn step_summary(files: &[FileResult<'_>], options: &SummaryOptions) -> String {
    let counts = Counts::of(files);
    let mut out = String::from("## Charter\n\n");
    let files_checked = plural(counts.files, "file", "files");
    if counts.is_clean() {
        let _ = writeln!(out, "No problems found in {files_checked}.");
    } else {
        let mut parts = vec![
            plural(counts.errors, "error", "errors"),
            plural(counts.warnings, "warning", "warnings"),
        ];
        if counts.infos > 0 {
            parts.push(plural(counts.infos, "info message", "info messages"));
        }
        let _ = writeln!(out, "Checked {files_checked}: {}.", parts.join(", "));
    }
    if !options.problems.is_empty() {
        let _ = writeln!(
            out,
            "\n**{} could not be checked:**\n",
            plural(options.problems.len(), "path", "paths")
        );
        for problem in &options.problems {
            let _ = writeln!(out, "- {}", cell(problem));
        }
    }
    if counts.is_clean() {
        return out;
    }
    if counts.errors > 10 || counts.warnings > 10 || counts.infos > 10 {
        out.push_str(
            "\nGitHub annotates at most 10 errors and 10 warnings of a step on the pull request; \
             every finding is listed here.\n",
        );
    }

    out.push_str("\n| file | errors | warnings | infos |\n|---|---:|---:|---:|\n");
    for file in files {
        let report = file.report;
        if report.diagnostics.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(file.path),
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info)
        );
    }

    out.push_str("\n| where | severity | rule | finding |\n|---|---|---|---|\n");
    let total = counts.errors + counts.warnings + counts.infos;
    let mut rows = 0;
    'files: for file in files {
        for diagnostic in &file.report.diagnostics {
            if rows == MAX_SUMMARY_ROWS {
                break 'files;
            }
            rows += 1;
            let at = Position::of(file.report, diagnostic.span).start;
            let place = format!("{}:{}", file.path, at.line);
            let place = match &options.blob_url {
                Some(base) => format!(
                    "[{}]({base}/{}#L{})",
                    cell(&place),
                    url_path(file.path),
                    at.line
                ),
                None => cell(&place),
            };
            let mut finding = cell(&diagnostic.message);
            if let Some(help) = &diagnostic.help {
                finding.push_str("<br>*");
                finding.push_str(&cell(help));
                finding.push('*');
            }
            let _ = writeln!(
                out,
                "| {place} | {} | `{}` | {finding} |",
                diagnostic.severity, diagnostic.rule
            );
        }
    }
    if rows < total {
        let _ = writeln!(
            out,
            "\n{} more not listed here; the step's log has them all.",
            total - rows
        );
    }
    out
}

/// Text made safe for one Markdown table cell: a backslash before every ASCII punctuation
/// character (so nothing is read as Markdown, HTML or a cell border), line breaks as
/// `<br>`, other control characters as visible symbols.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("<br>");
                }
            }
            '\n' => out.push_str("<br>"),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(visible(c, false).unwrap_or(c)),
        }
    }
    out
}

/// A relative path as it appears in a URL: each character outside the unreserved set
/// (and `/`) percent-encoded.
pub(crate) fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_bytes, FileReport, Options};
    use crate::diagnostic::Diagnostic;
    use crate::span::{LineIndex, Span};

    fn report(text: &str, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            text: text.to_string(),
            line_index: LineIndex::new(text),
            omitted: crate::limits::Omitted::default(),
            diagnostics,
        }
    }

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% a\r\nb:c,d"), "50%25 a%0D%0Ab:c,d");
        assert_eq!(escape_property("50% a\r\nb:c,d"), "50%25 a%0D%0Ab%3Ac%2Cd");
        assert_eq!(escape_data("\u{1b}[31m"), "\u{241b}[31m");
        assert_eq!(escape_data("::set-env"), "::set-env");
    }

    #[test]
    fn one_command_per_diagnostic() {
        let text = "agreement \"T\" {\n  model: é@\n}\n";
        let d = Diagnostic::error("syntax-error", Span::new(27, 28), "bad, 100%: \"x\"\nnext")
            .with_help("fix it");
        let w = Diagnostic::warning("todo-left", Span::new(0, 9), "a warning");
        let i = Diagnostic::info("metric-not-joint", Span::new(0, 1), "an info");
        let multi = Diagnostic::error("todo-left", Span::new(0, 20), "two lines");
        let r = report(text, vec![d, w, i, multi]);
        let out = render(&[FileResult {
            path: "deals/a,b:c.charter",
            report: &r,
        }]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "::error file=deals/a%2Cb%3Ac.charter,line=2,endLine=2,col=11,endColumn=12,title=syntax-error::bad, 100%25: \"x\"%0Anext%0Ahelp: fix it",
                "::warning file=deals/a%2Cb%3Ac.charter,line=1,endLine=1,col=1,endColumn=10,title=todo-left::a warning",
                "::notice file=deals/a%2Cb%3Ac.charter,line=1,endLine=1,col=1,endColumn=2,title=metric-not-joint::an info",
                "::error file=deals/a%2Cb%3Ac.charter,line=1,endLine=2,title=todo-left::two lines",
            ]
        );
    }

    #[test]
    fn the_summary_escapes_text_and_links_lines() {
        let text = "a\nb\n";
        let d = Diagnostic::error("syntax-error", Span::new(2, 3), "a | b\n<script> *x*")
            .with_help("use `y`");
        let r = report(text, vec![d]);
        let clean = check_bytes(b"", &Options::default());
        let clean = FileReport {
            diagnostics: Vec::new(),
            ..clean
        };
        let files = [
            FileResult {
                path: "deals/my deal.charter",
                report: &r,
            },
            FileResult {
                path: "ok.charter",
                report: &clean,
            },
        ];
        let out = step_summary(
            &files,
            &SummaryOptions {
                blob_url: Some("https://github.com/o/r/blob/abc".to_string()),
                problems: vec!["cannot read `x`".to_string()],
            },
        );
        assert!(
            out.starts_with("## Charter\n\nChecked 2 files: 1 error, 0 warnings.\n"),
            "{out}"
        );
        assert!(out.contains("- cannot read \\`x\\`\n"), "{out}");
        assert!(
            out.contains("| deals\\/my deal\\.charter | 1 | 0 | 0 |\n"),
            "{out}"
        );
        assert!(!out.contains("| ok\\.charter"), "{out}");
        assert!(
            out.contains("| [deals\\/my deal\\.charter\\:2](https://github.com/o/r/blob/abc/deals/my%20deal.charter#L2) | error | `syntax-error` | a \\| b<br>\\<script\\> \\*x\\*<br>*use \\`y\\`* |"),
            "{out}"
        );
    }

    #[test]
    fn a_clean_summary_is_one_sentence() {
        let out = step_summary(&[], &SummaryOptions::default());
        assert_eq!(out, "## Charter\n\nNo problems found in 0 files.\n");
    }

    #[test]
    fn cells_keep_no_markdown() {
        assert_eq!(cell("a|b\r\nc\rd"), "a\\|b<br>c<br>d");
        assert_eq!(cell("_x_ [l](u) <b>"), "\\_x\\_ \\[l\\]\\(u\\) \\<b\\>");
        assert_eq!(url_path("a b/ü#.charter"), "a%20b/%C3%BC%23.charter");
    }
}
