//! The whole checking pipeline for one file: decode → parse → lower → rules → levels.
//!
//! This is the library's main entry point. It is pure: the caller supplies the bytes of the
//! file (and, for project settings, the parsed `charter.toml`), and gets back the decoded
//! text and every diagnostic, sorted by position, with levels applied.

use crate::diagnostic::{Diagnostic, Severity};
use crate::limits;
use crate::span::{LineIndex, Span};
use crate::syntax;

/// Settings for one run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--deny warnings`: every warning is reported as an error.
    pub deny_warnings: bool,
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file's text as decoded (lossily when it was not valid UTF-8, so that a
    /// diagnostic can still show where the problem is).
    pub text: String,
    pub line_index: LineIndex,
    /// Sorted by position, then by rule name.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Check one file's bytes.
pub fn check_bytes(bytes: &[u8], options: &Options) -> FileReport {
    let (text, mut diagnostics) = match decode(bytes) {
        Ok(text) => {
            let parsed = syntax::parse(text);
            (text.to_string(), parsed.diagnostics)
        }
        Err(diagnostic) => (String::from_utf8_lossy(bytes).into_owned(), vec![*diagnostic]),
    };
    apply_levels(&mut diagnostics, options);
    diagnostics.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    FileReport {
        line_index: LineIndex::new(&text),
        text,
        diagnostics,
    }
}

fn apply_levels(diagnostics: &mut [Diagnostic], options: &Options) {
    if options.deny_warnings {
        for d in diagnostics.iter_mut() {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }
}

/// Bytes → text: refuses files that are too large, not UTF-8, or binary, with one
/// `syntax-error` saying so.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(Box::new(Diagnostic::error(
            syntax::SYNTAX_ERROR,
            Span::point(0),
            format!(
                "this file is {} MB, larger than the {} MB Charter reads",
                bytes.len() / (1024 * 1024),
                limits::MAX_FILE_BYTES / (1024 * 1024)
            ),
        )));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(Box::new(
                Diagnostic::error(
                    syntax::SYNTAX_ERROR,
                    Span::from_range(at, at + 1),
                    format!("this file is not valid UTF-8 text: byte {at} (counting from 0) cannot be read"),
                )
                .with_help("save the file as UTF-8 text; if it came from a word processor, export it as plain text"),
            ));
        }
    };
    if let Some(at) = text.bytes().position(|b| b == 0) {
        return Err(Box::new(
            Diagnostic::error(
                syntax::SYNTAX_ERROR,
                Span::from_range(at, at + 1),
                format!("this looks like a binary file, not a Charter text file (it holds a zero byte at byte {at})"),
            )
            .with_help("check that the path names a .charter text file"),
        ));
    }
    Ok(text)
}
