//! The outputs of `charter build`: the JSON document, the Markdown term sheet and the HTML
//! page of the same term sheet.
//!
//! Every output is a pure function of a typed [`Agreement`] and its [`Status`] (the open
//! diagnostics, with their lines). The output types live here, not on the internal model, so
//! that the JSON document and its schema stay stable while the model changes.
//!
//! ```
//! use charter::check::Options;
//! use charter::emit::Build;
//!
//! let text = "agreement \"Example\" { model: contractual }";
//! let build = Build::from_text(text, &Options::default());
//! assert!(!build.status.is_final());
//! let markdown = build.markdown();
//! assert!(markdown.starts_with("# Example\n"));
//! assert!(build.json().contains("\"schema_version\": 2"));
//! assert!(build.html().starts_with("<!DOCTYPE html>"));
//! ```
//!
//! - [`json`] — [`json::document`], [`json::to_string`] and [`json::schema`];
//! - [`sheet`] — [`sheet::document`]: the term sheet built once as a
//!   [`document::Document`] (numbered sections and clauses, paragraphs, lists, tables, the
//!   signature blocks and open issues), which every writer below only lays out;
//! - [`markdown`] — [`markdown::term_sheet`], [`markdown::write`];
//! - [`html`] — [`html::page`], [`html::write`], print-ready;
//! - [`docx`] — [`docx::document`], [`docx::write`]: the term sheet as a Word document;
//! - [`analysis`] — the derived facts both outputs show (term end, valued contributions,
//!   the split, the earliest exit);
//! - [`format`] — dates, money, durations, percents and lists as contracts write them;
//! - [`escape`] — user text made safe for Markdown.

pub mod analysis;
pub mod document;
pub mod docx;
pub mod escape;
pub mod format;
pub mod html;
pub mod json;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod sheet;

use crate::check::{self, Options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Agreement, DocumentStatus};

/// The rule whose findings are `TODO`s left in the text.
const TODO_LEFT: &str = "todo-left";
use crate::span::LineIndex;

/// One open diagnostic, located by line and column (1-based, columns in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub line: usize,
    pub column: usize,
    /// Where it is in the source, for the term sheet to point to the clause it concerns.
    pub span: crate::span::Span,
    pub severity: Severity,
    pub rule: &'static str,
    pub message: String,
    pub help: Option<String>,
}

/// The stage of the document, and what is still open.
///
/// A document is at the stage it says (`status: for_signature`, `status: signed`), and a
/// draft when it says nothing; whatever it says, it is a draft while it has errors or TODOs
/// left. Nothing is final unless it says it is signed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Every diagnostic, in source order.
    pub issues: Vec<Issue>,
    /// The status the document gives itself.
    pub declared: Option<DocumentStatus>,
}

impl Status {
    /// The status of a file from its diagnostics (as [`check::check_text`] returns them,
    /// levels applied) and its text, for line numbers.
    pub fn new(diagnostics: &[Diagnostic], text: &str) -> Status {
        // Lines are indexed only when there is a finding to place on them.
        let index = LineIndex::new(if diagnostics.is_empty() { "" } else { text });
        let mut status = Status::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => status.errors += 1,
                Severity::Warning => status.warnings += 1,
                Severity::Info => status.infos += 1,
            }
            let at = index.line_col(text, d.span.start as usize);
            status.issues.push(Issue {
                line: at.line,
                column: at.column,
                span: d.span,
                severity: d.severity,
                rule: d.rule,
                message: d.message.clone(),
                help: d.help.clone(),
            });
        }
        status
    }

    /// No errors and no warnings.
    pub fn is_clean(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }

    /// The `TODO`s left in the text.
    pub fn todos(&self) -> usize {
        self.issues.iter().filter(|i| i.rule == TODO_LEFT).count()
    }

    /// The stage the document is at: the one it says, unless errors or TODOs make it a
    /// draft; a draft when it says nothing.
    pub fn stage(&self) -> DocumentStatus {
        if self.errors > 0 || self.todos() > 0 {
            DocumentStatus::Draft
        } else {
            self.declared.unwrap_or(DocumentStatus::Draft)
        }
    }

    /// Signed, with nothing open that makes it a draft.
    pub fn is_final(&self) -> bool {
        self.stage() == DocumentStatus::Signed
    }

    /// Why a document that says it is further along is still a draft: "2 errors", "1 TODO".
    /// Empty when it is at the stage it says.
    pub fn held_back_by(&self) -> Vec<String> {
        let mut why = Vec::new();
        if self.declared.is_some_and(|d| d != DocumentStatus::Draft)
            && self.stage() == DocumentStatus::Draft
        {
            let count = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            if self.errors > 0 {
                why.push(count(self.errors, "error", "errors"));
            }
            let todos = self.todos();
            if todos > 0 {
                why.push(count(todos, "TODO", "TODOs"));
            }
        }
        why
    }
}

/// A checked agreement, ready to be written out: what `charter build` needs.
#[derive(Clone, Debug)]
pub struct Build {
    pub agreement: Agreement,
    pub status: Status,
    /// True when the file has a syntax error: `charter build` then writes nothing.
    pub has_syntax_errors: bool,
    /// Every diagnostic, with levels applied, sorted by position (at most
    /// [`crate::limits::MAX_DIAGNOSTICS_PER_FILE`], then one `too-many-findings`).
    pub diagnostics: Vec<Diagnostic>,
    /// Findings over the per-file limit: counted in `status`, not listed.
    pub omitted: crate::limits::Omitted,
}

impl Build {
    /// Parse, lower and check one file's text (with project levels and `--deny warnings`
    /// from `options`).
    pub fn from_text(text: &str, options: &Options) -> Build {
        let analysis = check::analyse(text, options);
        let mut status = Status::new(&analysis.diagnostics, text);
        status.declared = analysis.agreement.status.as_ref().map(|s| s.value);
        status.errors += analysis.omitted.errors;
        status.warnings += analysis.omitted.warnings;
        status.infos += analysis.omitted.infos;
        Build {
            status,
            has_syntax_errors: analysis.has_syntax_errors,
            agreement: analysis.agreement,
            diagnostics: analysis.diagnostics,
            omitted: analysis.omitted,
        }
    }

    /// Like [`Build::from_text`], from a file's bytes. A file that is not UTF-8 text gives
    /// an empty agreement with one `syntax-error`.
    pub fn from_bytes(bytes: &[u8], options: &Options) -> Build {
        match check::decode(bytes) {
            Ok(text) => Build::from_text(text, options),
            Err(diagnostic) => {
                let text = String::from_utf8_lossy(bytes);
                Build {
                    agreement: Agreement::default(),
                    status: Status::new(std::slice::from_ref(&*diagnostic), &text),
                    has_syntax_errors: true,
                    diagnostics: vec![*diagnostic],
                    omitted: crate::limits::Omitted::default(),
                }
            }
        }
    }

    /// The JSON document, pretty-printed, with a final newline.
    pub fn json(&self) -> String {
        json::to_string(&self.agreement, &self.status)
    }

    /// The term sheet as a document, for a writer to lay out.
    pub fn document(&self) -> document::Document<'_> {
        sheet::document(&self.agreement, &self.status)
    }

    /// The Markdown term sheet.
    pub fn markdown(&self) -> String {
        markdown::term_sheet(&self.agreement, &self.status)
    }

    /// The term sheet as one self-contained HTML page.
    pub fn html(&self) -> String {
        html::page(&self.agreement, &self.status)
    }

    /// The term sheet as a Word document.
    pub fn docx(&self) -> Vec<u8> {
        docx::document(&self.agreement, &self.status)
    }
}
