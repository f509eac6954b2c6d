//! The syntax stage's resource guards (docs/limits.md): the parser's call limit, and
//! strings that are too long. The nesting limit is kept by the pre-scan.

use super::SYNTAX_ERROR;
use crate::diagnostic::Diagnostic;
use crate::limits;
use crate::span::Span;
use pest::error::{Error, ErrorVariant};
use std::num::NonZeroUsize;
use std::sync::Once;

/// Set pest's call limit, once per process. pest reads it when each parse starts; every
/// parse in Charter goes through [`super::parse`], which calls this first.
pub(super) fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| pest::set_call_limit(NonZeroUsize::new(limits::PARSER_CALL_LIMIT)));
}

/// Whether pest gave up because of its call limit or because the stack ran short (it
/// reports both as a custom error, not as a failure to match).
pub(super) fn is_limit_error<R: pest::RuleType>(err: &Error<R>) -> bool {
    matches!(&err.variant, ErrorVariant::CustomError { message } if message.ends_with("limit reached"))
}

/// The diagnostic for a piece of the file the parser gave up on, at its first line.
pub(super) fn too_complex(text: &str, start: usize) -> Diagnostic {
    let rest = text.get(start..).unwrap_or_default();
    let first_line = rest.split('\n').next().unwrap_or_default().trim_end();
    // Underline the first word or so, not a line that may be megabytes long.
    let len = first_line
        .char_indices()
        .nth(40)
        .map_or(first_line.len(), |(i, _)| i);
    Diagnostic::error(
        SYNTAX_ERROR,
        Span::from_range(start, start + len),
        "this part of the agreement is too large or too tangled for Charter to read in one piece, so it was skipped",
    )
    .with_help(format!(
        "split it into smaller blocks, lists or maps; if a script wrote it, check the script's output (Charter stops after {} parsing steps on one piece, see docs/limits.md)",
        limits::thousands(limits::PARSER_CALL_LIMIT)
    ))
}

/// One `syntax-error` per string or text block longer than [`limits::MAX_STRING_BYTES`]
/// (`ranges` are their byte ranges, quotes included).
pub(super) fn long_strings(ranges: &[(usize, usize)]) -> impl Iterator<Item = Diagnostic> + '_ {
    ranges.iter().map(|&(start, end)| {
        // The opening quote (or the three of a text block): the rest may be megabytes.
        Diagnostic::error(
            SYNTAX_ERROR,
            Span::from_range(start, start + 1),
            format!(
                "this text is {} long, more than the {} Charter reads in one string or text block",
                limits::megabytes(end - start),
                limits::megabytes(limits::MAX_STRING_BYTES)
            ),
        )
        .with_help("keep long documents outside the agreement and refer to them by name, or split the text into several clauses")
    })
}
