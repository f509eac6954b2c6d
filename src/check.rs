//! The whole checking pipeline for one file: decode → parse → lower → rules → levels.
//!
//! This is the library's main entry point. It is pure: the caller supplies the bytes of the
//! file (and, for project settings, the parsed `charter.toml`), and gets back the decoded
//! text and every diagnostic, sorted by position, with levels applied.

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Level, Severity};
use crate::limits;
use crate::lower;
use crate::rules;
use crate::span::{LineIndex, Span};
use crate::syntax;

/// Settings for one file's check.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--deny warnings`: every warning is reported as an error.
    pub deny_warnings: bool,
    /// Levels from the project's `charter.toml`, if any.
    pub config: Option<std::sync::Arc<Config>>,
}

/// The result of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file's text as decoded (lossily when it was not valid UTF-8, so that a
    /// diagnostic can still show where the problem is).
    pub text: String,
    /// Where the text's lines start, for placing the findings: of the whole text when there
    /// are findings, empty when there are none (see [`FileReport::new`]).
    pub line_index: LineIndex,
    /// Sorted by position (at one place: errors first, then in the order found); at most
    /// [`limits::MAX_DIAGNOSTICS_PER_FILE`], then one `too-many-findings`.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings over the per-file limit: counted, not listed.
    pub omitted: limits::Omitted,
}

impl FileReport {
    /// The report of a file: its text and findings. Its lines are indexed only when there
    /// is a finding to place on them: a file with none (most files) costs no pass over its
    /// text for the report.
    pub fn new(text: String, diagnostics: Vec<Diagnostic>, omitted: limits::Omitted) -> Self {
        let line_index = if diagnostics.is_empty() {
            LineIndex::new("")
        } else {
            LineIndex::new(&text)
        };
        FileReport {
            text,
            line_index,
            diagnostics,
            omitted,
        }
    }

    /// How many findings of this severity the file has, listed or not.
    pub fn count(&self, severity: Severity) -> usize {
        let listed = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count();
        listed
            + match severity {
                Severity::Error => self.omitted.errors,
                Severity::Warning => self.omitted.warnings,
                Severity::Info => self.omitted.infos,
            }
    }
}

/// Check one file's bytes.
pub fn check_bytes(bytes: &[u8], options: &Options) -> FileReport {
    check_owned(bytes.to_vec(), options)
}

/// Check one file's bytes, taking them over (no copy of the text is made).
pub fn check_owned(bytes: Vec<u8>, options: &Options) -> FileReport {
    let (text, diagnostics, omitted) = match decode(&bytes) {
        Ok(_) => {
            // `decode` has checked the bytes; this conversion reuses the buffer.
            let text = String::from_utf8(bytes).unwrap_or_default();
            let analysis = analyse(&text, options);
            (text, analysis.diagnostics, analysis.omitted)
        }
        Err(diagnostic) => (
            String::from_utf8_lossy(&bytes).into_owned(),
            vec![*diagnostic],
            limits::Omitted::default(),
        ),
    };
    FileReport::new(text, diagnostics, omitted)
}

/// Check one file's text: every stage, then levels, sorted by position (at most
/// [`limits::MAX_DIAGNOSTICS_PER_FILE`] of them, then one `too-many-findings`).
pub fn check_text(text: &str, options: &Options) -> Vec<Diagnostic> {
    analyse(text, options).diagnostics
}

/// The result of checking a text: the typed agreement as far as it could be read, and the
/// diagnostics.
#[derive(Debug)]
pub struct Analysis {
    pub agreement: crate::model::Agreement,
    pub diagnostics: Vec<Diagnostic>,
    /// True when the text has a syntax error (the agreement is then partial).
    pub has_syntax_errors: bool,
    /// Findings over the per-file limit: counted, not listed.
    pub omitted: limits::Omitted,
}

/// Parse, lower and check a text once, keeping the agreement (what `charter build` needs).
pub fn analyse(text: &str, options: &Options) -> Analysis {
    // One pass: each top-level item is lowered as soon as it is parsed, then dropped.
    let (parsed, lowered) = lower::parse_and_lower(text);
    let has_syntax_errors = parsed.document.has_syntax_errors;
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(lowered.diagnostics);
    // The catalogue judges a whole agreement; after a syntax error part of it is missing,
    // and its findings would mislead. Syntax and structure are reported first.
    if !has_syntax_errors {
        let cx = rules::Context {
            agreement: &lowered.agreement,
            source: text,
        };
        diagnostics.extend(rules::run(&cx));
    }
    let allowed = file_allow_list(&lowered.agreement, &mut diagnostics);
    apply_levels(&mut diagnostics, &allowed, options);
    // By position; at one place, errors before warnings before information, and then in
    // the order the stages found them (a missing section before a missing key).
    diagnostics.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.severity), a.span.end).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.severity),
            b.span.end,
        ))
    });
    let omitted = limits::cap_diagnostics(&mut diagnostics, text.len());
    Analysis {
        agreement: lowered.agreement,
        diagnostics,
        has_syntax_errors,
        omitted,
    }
}

/// The rule names of the file's `allow: [...]`, reporting unknown ones.
fn file_allow_list(
    agreement: &crate::model::Agreement,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<&'static str> {
    let mut allowed = Vec::new();
    for name in &agreement.allow {
        match rules::lookup(&name.value) {
            Some(rule) if config::FIXED.contains(&rule.meta().name) => diagnostics.push(
                Diagnostic::error(
                    "unknown-rule",
                    name.span,
                    format!(
                        "`{}` cannot be switched off: {}",
                        name.value,
                        config::fixed_reason(rule.meta().name)
                    ),
                )
                .with_help("remove it from `allow`"),
            ),
            Some(rule) => allowed.push(rule.meta().name),
            None => diagnostics.push(config::unknown_rule(&name.value, name.span)),
        }
    }
    allowed
}

/// Project levels, then the file's `allow`, then `--deny warnings`.
fn apply_levels(diagnostics: &mut Vec<Diagnostic>, allowed: &[&str], options: &Options) {
    let project = options
        .config
        .as_deref()
        .map_or(&[][..], |c| c.rules.as_slice());
    diagnostics.retain_mut(|d| {
        if config::FIXED.contains(&d.rule) {
            return true;
        }
        if let Some((_, level)) = project.iter().find(|(name, _)| *name == d.rule) {
            match level {
                Level::Allow => return false,
                Level::Report(severity) => d.severity = *severity,
            }
        }
        if allowed.contains(&d.rule) {
            return false;
        }
        if options.deny_warnings && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
        true
    });
}

/// The `syntax-error` for a file of `size` bytes, over [`limits::MAX_FILE_BYTES`]: what
/// [`decode`] reports, for a caller that learns the size without reading the bytes.
pub fn too_large(size: u64) -> Diagnostic {
    Diagnostic::error(
        syntax::SYNTAX_ERROR,
        Span::point(0),
        format!(
            "this file is {} MB, larger than the {} MB Charter reads",
            size / (1024 * 1024),
            limits::MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Bytes → text: refuses files that are too large, not UTF-8, or binary, with one
/// `syntax-error` saying so.
pub fn decode(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(Box::new(too_large(
            u64::try_from(bytes.len()).unwrap_or(u64::MAX),
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
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_indexed_only_for_a_report_with_findings() {
        let text = "line one\nline two\nline three\n".to_string();
        let clean = FileReport::new(text.clone(), Vec::new(), limits::Omitted::default());
        assert_eq!(clean.line_index.line_count(), 1);
        let finding = Diagnostic::error("syntax-error", Span::from_range(10, 11), "here");
        let report = FileReport::new(text, vec![finding], limits::Omitted::default());
        assert_eq!(report.line_index.line_count(), 4);
        assert_eq!(report.line_index.line_of(10), 1);
    }
}
