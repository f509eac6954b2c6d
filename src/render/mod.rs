//! Diagnostics → text, for people and for machines.
//!
//! Every renderer here is pure: it takes the results of checking and returns a `String`.
//! Writing it to the terminal (and choosing stdout or stderr) is the front end's business.
//!
//! - [`human`]: miette's graphical report, with the source snippet (SPEC §4 `human`);
//! - [`concise`]: one `path:line:column: severity[rule] message` line per diagnostic;
//! - [`json`]: one JSON object for the whole run, in the exact shape of SPEC §4;
//! - [`github`]: GitHub Actions workflow commands (annotations), and the Markdown step
//!   summary;
//! - [`sarif`]: SARIF 2.1.0 for code scanning;
//! - [`gitlab`]: GitLab's Code Quality report.
//!
//! Every format reports the same diagnostics in the same order: files in the order given,
//! each file's diagnostics by position.
//!
//! Spans are byte offsets inside the library; this is the edge where they become 1-based
//! lines and columns counted in Unicode scalar values (see [`crate::span::LineIndex`]).

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;
mod snippet;

use crate::check::FileReport;
use crate::diagnostic::Severity;
use crate::span::{floor_char_boundary, LineCol, Span};
use std::ops::Range;
use std::time::Duration;

/// One checked file, as a renderer sees it.
#[derive(Clone, Copy, Debug)]
pub struct FileResult<'a> {
    /// The path to show, exactly as the user gave it or the directory walk found it.
    pub path: &'a str,
    pub report: &'a FileReport,
}

/// How many files were checked and how many diagnostics of each severity they hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    /// The counts for a whole run.
    pub fn of(files: &[FileResult<'_>]) -> Counts {
        let mut counts = Counts::default();
        for file in files {
            counts.add(file.report);
        }
        counts
    }

    /// Add one file's report (its listed diagnostics and those counted but not listed).
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.errors += report.omitted.errors;
        self.warnings += report.omitted.warnings;
        self.infos += report.omitted.infos;
        for diagnostic in &report.diagnostics {
            match diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// Whether nothing at all was reported.
    pub fn is_clean(&self) -> bool {
        self.errors == 0 && self.warnings == 0 && self.infos == 0
    }
}

/// The run's last line on stderr, in every format: how many files were checked, how long it
/// took, and how many errors and warnings (and infos, if any) were found.
///
/// "Checked 3 files in 0.02s: 1 error, 0 warnings." / "Checked 1 file in 0.01s: no problems
/// found." / "No files were checked."
pub fn summary_line(counts: &Counts, elapsed: Duration) -> String {
    if counts.files == 0 {
        return "No files were checked.".to_string();
    }
    let files = plural(counts.files, "file", "files");
    let seconds = elapsed.as_secs_f64();
    let time = if seconds < 10.0 {
        format!("{seconds:.2}s")
    } else {
        format!("{seconds:.1}s")
    };
    if counts.is_clean() {
        return format!("Checked {files} in {time}: no problems found.");
    }
    let mut parts = vec![
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
    ];
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info message", "info messages"));
    }
    format!("Checked {files} in {time}: {}.", parts.join(", "))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A span as 1-based start and end positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub start: LineCol,
    pub end: LineCol,
}

impl Position {
    pub(crate) fn of(report: &FileReport, span: Span) -> Position {
        let range = byte_range(&report.text, span);
        Position {
            start: report.line_index.line_col(&report.text, range.start),
            end: report.line_index.line_col(&report.text, range.end),
        }
    }
}

/// A span made safe to slice `text` with: inside the text, on character boundaries, and
/// never reversed. The start moves back to a character boundary and the end forward, so
/// a span that starts inside a character (as it can after a file that was not valid UTF-8
/// is decoded with replacement characters) still covers that character.
pub(crate) fn byte_range(text: &str, span: Span) -> Range<usize> {
    let start = floor_char_boundary(text, span.start as usize);
    let end = ceil_char_boundary(text, (span.end as usize).max(start));
    start..end
}

/// The smallest char boundary at or after `offset` (the text's length at most).
fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// A message made to fit on one line: line breaks (which a quoted value may hold) become
/// spaces, so that line-based output stays one diagnostic per line, and other control
/// characters are made visible (see [`printable`]).
pub(crate) fn one_line(message: &str) -> std::borrow::Cow<'_, str> {
    if message.contains(['\n', '\r']) {
        let joined = message.replace("\r\n", " ").replace(['\n', '\r'], " ");
        printable(&joined).into_owned().into()
    } else {
        printable(message)
    }
}

/// The character to show instead of `c`, when `c` is a control character that a terminal
/// would act on rather than display (an escape sequence in a file must not be able to
/// recolour or rewrite the reader's screen). Tabs and line feeds are kept; C0 controls and
/// DEL become their Unicode "control pictures" (`␀`, `␛`, `␡`), C1 controls `�`.
/// A carriage return is kept only when `keep_cr` is true (it ends a Windows line).
pub(crate) fn visible(c: char, keep_cr: bool) -> Option<char> {
    match c {
        '\t' | '\n' => None,
        '\r' if keep_cr => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        // Direction controls and invisible characters (`crate::unicode`): shown, and
        // unable to reorder what the reader sees.
        c if crate::unicode::hidden(c).is_some() => Some('\u{FFFD}'),
        _ => None,
    }
}

/// A message with control characters made visible (see [`visible`]); line breaks are kept,
/// and Windows line ends become plain line feeds.
pub(crate) fn printable(message: &str) -> std::borrow::Cow<'_, str> {
    if message.chars().all(|c| visible(c, false).is_none()) {
        return message.into();
    }
    message
        .replace("\r\n", "\n")
        .chars()
        .map(|c| visible(c, false).unwrap_or(c))
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_are_clamped_to_character_boundaries() {
        let text = "ab\u{FFFD}c";
        // A one-byte span at the start of the three-byte replacement character.
        assert_eq!(byte_range(text, Span::new(2, 3)), 2..5);
        // Past the end.
        assert_eq!(byte_range(text, Span::new(40, 50)), 6..6);
        // Reversed.
        assert_eq!(byte_range(text, Span::new(3, 1)), 2..2);
        assert_eq!(byte_range("", Span::new(0, 0)), 0..0);
    }

    #[test]
    fn the_summary_line_has_files_time_errors_and_warnings() {
        let ms = Duration::from_millis;
        let mut counts = Counts::default();
        assert_eq!(summary_line(&counts, ms(5)), "No files were checked.");
        counts.files = 1;
        assert_eq!(
            summary_line(&counts, ms(5)),
            "Checked 1 file in 0.01s: no problems found."
        );
        counts.files = 2000;
        counts.errors = 1;
        assert_eq!(
            summary_line(&counts, ms(12_345)),
            "Checked 2000 files in 12.3s: 1 error, 0 warnings."
        );
        counts.warnings = 2;
        counts.infos = 1;
        assert_eq!(
            summary_line(&counts, ms(840)),
            "Checked 2000 files in 0.84s: 1 error, 2 warnings, 1 info message."
        );
    }

    #[test]
    fn messages_are_kept_on_one_line() {
        assert_eq!(one_line("a\r\nb\nc\rd"), "a b c d");
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("a\u{1b}[31m\u{0}"), "a\u{241b}[31m\u{2400}");
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(printable("a\tb\nc"), "a\tb\nc");
        assert_eq!(
            printable("\u{1b}\u{7f}\u{9b}\r"),
            "\u{241b}\u{2421}\u{FFFD}\u{240d}"
        );
        assert_eq!(printable("a\r\nb"), "a\nb");
        assert_eq!(visible('\r', false), Some('\u{240d}'));
    }
}
