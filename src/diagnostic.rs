//! The one diagnostic type every stage produces.
//!
//! A diagnostic always has a rule name (stable, kebab-case, the name `charter explain`
//! takes), a severity, a message written for a lawyer, and a primary span. Stages never
//! stop at their first problem: each returns its result together with its diagnostics.

use crate::limits::MAX_MESSAGE_BYTES;
use crate::span::{floor_char_boundary, Span};
use serde::Serialize;
use std::fmt;

/// How serious a finding is. `Allow` is not a severity a diagnostic is reported with; it is
/// the level that switches a rule off (see [`Level`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A level a project or a file can set for a rule: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Allow,
    Report(Severity),
}

impl Level {
    pub fn parse(word: &str) -> Option<Level> {
        Some(match word {
            "allow" => Level::Allow,
            "info" => Level::Report(Severity::Info),
            "warning" => Level::Report(Severity::Warning),
            "error" => Level::Report(Severity::Error),
            _ => return None,
        })
    }
}

/// A secondary location with its own short message ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable name, e.g. `unknown-key`.
    pub rule: &'static str,
    pub severity: Severity,
    /// One sentence in plain English, with the facts in it.
    pub message: String,
    /// Where the problem is.
    pub span: Span,
    /// Other places worth showing.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            message: clipped(message.into()),
            span,
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn error(rule: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(rule, Severity::Error, span, message)
    }

    pub fn warning(rule: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(rule, Severity::Warning, span, message)
    }

    pub fn info(rule: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic::new(rule, Severity::Info, span, message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(clipped(help.into()));
        self
    }

    /// The word a "did you mean" proposes, in the help or at the end of the message
    /// (`did you mean `quorum`?` → `quorum`): the correction an editor can apply in place of
    /// what the finding marks.
    pub fn suggestion(&self) -> Option<&str> {
        let from = |text: &'_ str| -> Option<(usize, usize)> {
            let at = text.rfind("did you mean `")? + "did you mean `".len();
            let end = text.len().checked_sub("`?".len())?;
            (text.ends_with("`?") && at <= end).then_some((at, end))
        };
        let text = match self.help.as_deref() {
            Some(h) if from(h).is_some() => h,
            _ => self.message.as_str(),
        };
        let (at, end) = from(text)?;
        let word = text.get(at..end)?;
        (!word.is_empty() && !word.contains('`')).then_some(word)
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: clipped(message.into()),
        });
        self
    }
}

/// A message no longer than [`MAX_MESSAGE_BYTES`]: a longer one (it can only be long when
/// it quotes something long from the file, such as a name of a thousand characters) keeps
/// its beginning and its end, with `…` between, so that every report stays readable and
/// its size bounded whatever the file holds.
fn clipped(message: String) -> String {
    if message.len() <= MAX_MESSAGE_BYTES {
        return message;
    }
    let head = floor_char_boundary(&message, MAX_MESSAGE_BYTES * 2 / 3);
    let tail = ceil_char_boundary(&message, message.len() - MAX_MESSAGE_BYTES / 4);
    let mut out = String::with_capacity(MAX_MESSAGE_BYTES + 3);
    out.push_str(message.get(..head).unwrap_or_default());
    out.push('…');
    out.push_str(message.get(tail..).unwrap_or_default());
    out
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(text.len())
}

/// Suggest the closest of `candidates` to `word`, for "did you mean" help.
///
/// Uses the Jaro–Winkler similarity (good for short, typo-prone identifiers, and kind to a
/// shared prefix) with a case-insensitive comparison; a suggestion must be close enough to
/// be useful, otherwise nothing is suggested.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_ascii_lowercase();
    let mut best: Option<(&'a str, f64)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let score = strsim::jaro_winkler(&lower, &candidate.to_ascii_lowercase());
        if score >= 0.8 && best.is_none_or(|(_, b)| score > b) {
            best = Some((candidate, score));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_keep_their_beginning_and_end() {
        let name = "é".repeat(100_000);
        let d = Diagnostic::error(
            "r",
            Span::point(0),
            format!("unknown key `{name}`; did you mean `x`?"),
        )
        .with_help(name.clone())
        .with_label(Span::point(0), name);
        assert!(
            d.message.len() <= MAX_MESSAGE_BYTES + 3,
            "{}",
            d.message.len()
        );
        assert!(d.message.starts_with("unknown key `é"));
        assert!(d.message.ends_with("é`; did you mean `x`?"));
        assert!(d.message.contains('…'));
        assert!(d.help.is_some_and(|h| h.len() <= MAX_MESSAGE_BYTES + 3));
        assert!(d
            .labels
            .iter()
            .all(|l| l.message.len() <= MAX_MESSAGE_BYTES + 3));
        let short = Diagnostic::error("r", Span::point(0), "short");
        assert_eq!(short.message, "short");
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["quorum", "seats", "meets", "decides"];
        assert_eq!(did_you_mean("quorm", keys), Some("quorum"));
        assert_eq!(did_you_mean("Seats", keys), Some("seats"));
        assert_eq!(did_you_mean("budget", keys), None);
    }
}
