//! Resource limits. Each one answers with a diagnostic, never a crash; docs/limits.md
//! lists them, with their defaults and how to change them.
//!
//! The limits are constants: a linter in CI should give the same answer on every machine,
//! so they are not read from the environment. To change one, change it here and rebuild.

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

/// Blocks, lists and maps together may nest this deep (the agreement is level 1).
pub const MAX_DEPTH: usize = 32;

/// Files larger than this are not read (64 MiB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// A string or text block longer than this (1 MiB, quotes included) is an error. Prose this
/// long belongs in a document the agreement refers to, not in the agreement.
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

/// At most this many findings are listed per file; the rest are counted (the summary stays
/// exact) and stand behind one final `too-many-findings` diagnostic.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 500;

/// The parser gives up on one piece of a file (the header, or one item of a top-level
/// block) after this many grammar-rule calls, and reports it as too complex to read.
///
/// The grammar is linear, so this never triggers on an agreement: the largest piece of the
/// 10 MB benchmark agreement (a share map of 3,000 parties, 141 KB) needs 0.56 million
/// calls, about 4 per byte; lists of short words need up to about 12 per byte. The limit
/// is there so that no input, and no future change to the grammar, can make the parser
/// backtrack for long: 20 million calls take about 0.2 seconds.
pub const PARSER_CALL_LIMIT: usize = 20_000_000;

/// A message, help line or label longer than this (in bytes) keeps its beginning and its
/// end, with `…` between. Only a message that quotes something long from the file (a name
/// of a thousand characters, say) is ever this long; the cut keeps every report readable
/// and bounds what one finding can print.
pub const MAX_MESSAGE_BYTES: usize = 1024;

/// The rule name of the final "… and N more findings" diagnostic.
pub const TOO_MANY_FINDINGS: &str = "too-many-findings";

/// Findings that are counted but not listed, because a file had more than
/// [`MAX_DIAGNOSTICS_PER_FILE`]. Together with the listed diagnostics they give the exact
/// number of findings of each severity (the final `too-many-findings` diagnostic stands
/// for one of them, with the severity of the most serious).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Omitted {
    pub fn is_empty(&self) -> bool {
        self.errors == 0 && self.warnings == 0 && self.infos == 0
    }

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    fn remove(&mut self, severity: Severity) {
        let n = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
            Severity::Info => &mut self.infos,
        };
        *n = n.saturating_sub(1);
    }
}

/// Keep at most [`MAX_DIAGNOSTICS_PER_FILE`] diagnostics, the most serious first (then by
/// position), still sorted by position; add one final `too-many-findings` diagnostic at
/// `end` (the end of the file) that says how many more there are. Returns what is counted
/// but no longer listed. `diagnostics` must be sorted by position.
pub fn cap_diagnostics(diagnostics: &mut Vec<Diagnostic>, end: usize) -> Omitted {
    cap_diagnostics_at(diagnostics, end, MAX_DIAGNOSTICS_PER_FILE)
}

fn cap_diagnostics_at(diagnostics: &mut Vec<Diagnostic>, end: usize, max: usize) -> Omitted {
    let mut omitted = Omitted::default();
    if diagnostics.len() <= max {
        return omitted;
    }
    // Stable: within a severity, the order by position is kept.
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let hidden = diagnostics.split_off(max);
    diagnostics.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    for d in &hidden {
        omitted.add(d.severity);
    }
    let worst = hidden
        .iter()
        .map(|d| d.severity)
        .max()
        .unwrap_or(Severity::Info);
    let message = format!(
        "… and {} more {} in this file ({}) {} not listed: Charter lists at most {max} findings per file",
        thousands(hidden.len()),
        if hidden.len() == 1 { "finding" } else { "findings" },
        breakdown(&omitted),
        if hidden.len() == 1 { "is" } else { "are" },
    );
    diagnostics.push(
        Diagnostic::new(TOO_MANY_FINDINGS, worst, Span::point(end), message).with_help(
            "the summary counts every finding; fix the ones listed and check the file again to see the rest",
        ),
    );
    // This diagnostic stands for one of the findings it announces.
    omitted.remove(worst);
    omitted
}

fn breakdown(o: &Omitted) -> String {
    let mut parts = Vec::new();
    for (n, one, many) in [
        (o.errors, "error", "errors"),
        (o.warnings, "warning", "warnings"),
        (o.infos, "info message", "info messages"),
    ] {
        if n > 0 {
            parts.push(format!(
                "{} {}",
                thousands(n),
                if n == 1 { one } else { many }
            ));
        }
    }
    parts.join(", ")
}

/// `1234567` → `1,234,567`.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A size in bytes for a message: `3.2 MB` (1 MB = 1,048,576 bytes, as the limits are set).
pub(crate) fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(severity: Severity, at: u32) -> Diagnostic {
        Diagnostic::new("unknown-key", severity, Span::new(at, at + 1), "x")
    }

    #[test]
    fn at_most_the_limit_is_untouched() {
        let mut v: Vec<_> = (0..3).map(|i| d(Severity::Warning, i)).collect();
        assert!(cap_diagnostics_at(&mut v, 10, 3).is_empty());
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn errors_are_kept_first_and_counts_stay_exact() {
        // 4 warnings, then 2 errors, then 1 info; keep 3.
        let mut v: Vec<_> = (0..4).map(|i| d(Severity::Warning, i)).collect();
        v.push(d(Severity::Error, 10));
        v.push(d(Severity::Error, 11));
        v.push(d(Severity::Info, 12));
        let omitted = cap_diagnostics_at(&mut v, 99, 3);
        let kept: Vec<_> = v.iter().map(|d| (d.severity, d.span.start)).collect();
        assert_eq!(
            kept,
            [
                (Severity::Warning, 0),
                (Severity::Error, 10),
                (Severity::Error, 11),
                (Severity::Warning, 99)
            ]
        );
        let note = &v[3];
        assert_eq!(note.rule, TOO_MANY_FINDINGS);
        assert_eq!(
            note.message,
            "… and 4 more findings in this file (3 warnings, 1 info message) are not listed: Charter lists at most 3 findings per file"
        );
        // The note stands for one hidden warning.
        assert_eq!(
            omitted,
            Omitted {
                errors: 0,
                warnings: 2,
                infos: 1
            }
        );
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(megabytes(3 * 1024 * 1024 + 200 * 1024), "3.2 MB");
        assert_eq!(megabytes(64 * 1024 * 1024), "64 MB");
    }
}
