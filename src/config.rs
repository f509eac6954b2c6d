//! Project settings: `charter.toml`.
//!
//! ```toml
//! include = ["agreements/**"]     # globs, relative to this file's folder
//! exclude = ["drafts/old/**"]
//!
//! [rules]
//! no-mediation = "allow"
//! long-lock-in = "error"
//! ```
//!
//! Parsing is pure: the CLI finds the file (walking up from each checked file) and passes
//! its text here. Mistakes in it — bad TOML, an unknown rule, a level that does not exist
//! — are diagnostics with spans in `charter.toml`.

use crate::diagnostic::{did_you_mean, Diagnostic, Level};
use crate::rules;
use crate::span::Span;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Rules whose level cannot be changed: a file with the first two problems cannot be read
/// at all, and `too-many-findings` stands for findings that are not listed.
pub const FIXED: &[&str] = &["syntax-error", "nesting-too-deep", "too-many-findings"];

/// Why a rule of [`FIXED`] cannot be switched off or changed, for the message.
pub fn fixed_reason(rule: &str) -> &'static str {
    if rule == crate::limits::TOO_MANY_FINDINGS {
        "it tells that findings were left out of the list, and has their severity"
    } else {
        "a file with this problem cannot be read"
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Levels set per rule.
    pub rules: Vec<(&'static str, Level)>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

/// Parse the text of a `charter.toml`.
pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let raw: Raw = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e
                .span()
                .map_or(Span::point(0), |r| Span::from_range(r.start, r.end));
            let message = e.message().trim_end().to_string();
            diagnostics.push(
                Diagnostic::error(
                    "syntax-error",
                    span,
                    format!("charter.toml cannot be read: {message}"),
                )
                .with_help("charter.toml may hold `include` and `exclude` lists and a `[rules]` table of `rule-name = \"error\" | \"warning\" | \"info\" | \"allow\"`"),
            );
            return (Config::default(), diagnostics);
        }
    };
    let mut config = Config {
        rules: Vec::new(),
        include: raw.include,
        exclude: raw.exclude,
    };
    for (name, value) in raw.rules {
        let name_span = Span::from_range(name.span().start, name.span().end);
        let value_span = Span::from_range(value.span().start, value.span().end);
        let name = name.into_inner();
        let Some(rule) = rules::lookup(&name) else {
            diagnostics.push(unknown_rule(&name, name_span));
            continue;
        };
        let rule_name = rule.meta().name;
        if FIXED.contains(&rule_name) {
            diagnostics.push(
                Diagnostic::error(
                    "unknown-rule",
                    name_span,
                    format!(
                        "the level of `{rule_name}` cannot be changed: {}",
                        fixed_reason(rule_name)
                    ),
                )
                .with_help("remove this line"),
            );
            continue;
        }
        let level = value.get_ref().as_str().and_then(Level::parse);
        match level {
            Some(level) => config.rules.push((rule_name, level)),
            None => diagnostics.push(
                Diagnostic::error(
                    "unknown-rule",
                    value_span,
                    format!("`{}` is not a level for `{rule_name}`", value.get_ref()),
                )
                .with_help("a level is \"error\", \"warning\", \"info\" or \"allow\""),
            ),
        }
    }
    (config, diagnostics)
}

/// `unknown-rule` for a name that is not in the catalogue.
pub fn unknown_rule(name: &str, span: Span) -> Diagnostic {
    let mut d = Diagnostic::error(
        "unknown-rule",
        span,
        format!("there is no rule called `{name}`"),
    );
    d = match did_you_mean(name, rules::names()) {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_help("`charter rules` lists every rule"),
    };
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn levels_and_mistakes() {
        let text = "[rules]\nno-mediation = \"allow\"\nlong-lock-in = \"error\"\nno-mediaton = \"allow\"\ntodo-left = \"loud\"\n";
        let (config, diagnostics) = parse(text);
        assert_eq!(
            config.rules,
            [
                ("long-lock-in", Level::Report(Severity::Error)),
                ("no-mediation", Level::Allow)
            ]
        );
        let messages: Vec<_> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "there is no rule called `no-mediaton`",
                "`\"loud\"` is not a level for `todo-left`"
            ]
        );
        assert_eq!(&text[diagnostics[0].span.range()], "no-mediaton");
    }

    #[test]
    fn bad_toml_is_a_diagnostic() {
        let (_, diagnostics) = parse("[rules\n");
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0]
            .message
            .starts_with("charter.toml cannot be read"));
    }
}
