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
//! its text here. Mistakes in it — bad TOML, an unknown rule, a level that does not exist,
//! a pattern that is not a glob — are diagnostics with spans in `charter.toml`.
//!
//! `include` and `exclude` are matched by [`Globs`], against paths relative to the folder
//! that holds `charter.toml` (the command line's `--exclude` uses the same matcher, relative
//! to the current folder).

use crate::diagnostic::{did_you_mean, Diagnostic, Level};
use crate::rules;
use crate::span::Span;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Component, Path};

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
    /// Globs of the files a folder walk checks (all `.charter` files when empty); only
    /// valid patterns are kept.
    pub include: Vec<String>,
    /// Globs of files and folders never checked; only valid patterns are kept.
    pub exclude: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>,
    #[serde(default)]
    include: Vec<toml::Spanned<String>>,
    #[serde(default)]
    exclude: Vec<toml::Spanned<String>>,
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
        include: valid_globs("include", raw.include, &mut diagnostics),
        exclude: valid_globs("exclude", raw.exclude, &mut diagnostics),
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

/// The patterns of an `include` or `exclude` list that are globs; the others become
/// diagnostics at their place.
fn valid_globs(
    key: &str,
    patterns: Vec<toml::Spanned<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut valid = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        let span = Span::from_range(pattern.span().start, pattern.span().end);
        let pattern = pattern.into_inner();
        match Glob::parse(&pattern) {
            Ok(_) => valid.push(pattern),
            Err(why) => diagnostics.push(
                Diagnostic::error(
                    "syntax-error",
                    span,
                    format!("`{pattern}` in `{key}` is not a pattern Charter can use: {why}"),
                )
                .with_help(GLOB_HELP),
            ),
        }
    }
    valid
}

const GLOB_HELP: &str = "a pattern is a path such as \"drafts/old\" or a glob such as \"drafts/**/*.charter\"; `*` stays inside one folder, `**` crosses folders, and a pattern without `/` matches a file or folder name anywhere";

/// One pattern of `include`, `exclude` or `--exclude`, ready to compile.
struct Glob {
    /// The glob text, with `./`, a leading `/` and a trailing `/` removed.
    text: String,
    /// Whether it matches a single file or folder name anywhere (it had no `/`), rather
    /// than a path from the base folder.
    name_only: bool,
}

impl Glob {
    fn parse(pattern: &str) -> Result<Glob, String> {
        let mut text = pattern.trim();
        while let Some(rest) = text.strip_prefix("./") {
            text = rest;
        }
        let anchored = text.starts_with('/');
        let text = text.trim_start_matches('/').trim_end_matches('/');
        if text.is_empty() {
            return Err("it is empty".to_string());
        }
        let glob = Glob {
            text: text.to_string(),
            name_only: !anchored && !text.contains('/'),
        };
        glob.build().map(|_| glob)
    }

    fn build(&self) -> Result<globset::Glob, String> {
        GlobBuilder::new(&self.text)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| e.kind().to_string())
    }
}

/// A compiled list of patterns, as `include`, `exclude` and `--exclude` write them:
///
/// - a pattern without `/` (`drafts`, `*.old.charter`) matches a file or folder name at
///   any depth;
/// - a pattern with `/` (`deals/2024`, `deals/**/draft-*.charter`, `/archive`) matches a
///   path from the base folder; `*` stays inside one folder, `**` crosses folders;
/// - a folder that matches takes everything under it along.
#[derive(Clone, Debug, Default)]
pub struct Globs {
    names: GlobSet,
    paths: GlobSet,
}

impl Globs {
    /// Compile the patterns; those that are not valid globs are returned, with the reason,
    /// instead.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> (Globs, Vec<(String, String)>) {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        let mut invalid = Vec::new();
        for pattern in patterns {
            let pattern = pattern.as_ref();
            match Glob::parse(pattern).and_then(|g| g.build().map(|built| (g, built))) {
                Ok((glob, built)) if glob.name_only => {
                    names.add(built);
                }
                Ok((_, built)) => {
                    paths.add(built);
                }
                Err(why) => invalid.push((pattern.to_string(), why)),
            }
        }
        let globs = Globs {
            names: names.build().unwrap_or_else(|_| GlobSet::empty()),
            paths: paths.build().unwrap_or_else(|_| GlobSet::empty()),
        };
        (globs, invalid)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.paths.is_empty()
    }

    /// Whether `relative` (a path from the base folder, with `/` or the system's separator)
    /// or one of the folders above it matches.
    pub fn matches(&self, relative: &Path) -> bool {
        if self.is_empty() {
            return false;
        }
        let mut prefix = std::path::PathBuf::new();
        for component in relative.components() {
            let Component::Normal(name) = component else {
                continue;
            };
            prefix.push(name);
            if self.names.is_match(Path::new(name)) || self.paths.is_match(&prefix) {
                return true;
            }
        }
        false
    }

    /// Whether `relative` itself matches, not counting the folders above it (for a walk
    /// that has already looked at them).
    pub fn matches_itself(&self, relative: &Path) -> bool {
        if self.is_empty() {
            return false;
        }
        relative
            .file_name()
            .is_some_and(|name| self.names.is_match(Path::new(name)))
            || self.paths.is_match(relative)
    }
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
    fn include_and_exclude_keep_valid_globs_and_report_the_others() {
        let text = "include = [\"deals/**\", \"a[\"]\nexclude = [\"drafts\", \"\"]\n";
        let (config, diagnostics) = parse(text);
        assert_eq!(config.include, ["deals/**"]);
        assert_eq!(config.exclude, ["drafts"]);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
        assert_eq!(&text[diagnostics[0].span.range()], "\"a[\"");
        assert!(diagnostics[0].message.starts_with("`a[` in `include`"));
        assert!(diagnostics[1].message.contains("it is empty"));
    }

    #[test]
    fn globs_match_names_anywhere_and_paths_from_the_base() {
        let (globs, invalid) = Globs::new(&[
            "drafts",
            "*.old.charter",
            "./deals/2024/",
            "/archive/**/*.charter",
        ]);
        assert!(invalid.is_empty());
        let m = |p: &str| globs.matches(Path::new(p));
        assert!(m("drafts/a.charter"));
        assert!(m("deals/drafts/x/a.charter"));
        assert!(m("x.old.charter"));
        assert!(m("deals/y.old.charter"));
        assert!(m("deals/2024/a.charter"));
        assert!(m("archive/a.charter"));
        assert!(m("archive/2020/q1/a.charter"));
        assert!(!m("a.charter"));
        assert!(!m("other/deals/2024/a.charter"));
        assert!(!m("deals/2025/a.charter"));
        assert!(!m("drafts.charter"));
        assert!(globs.matches_itself(Path::new("deals/2024")));
        assert!(!globs.matches_itself(Path::new("deals")));
        let (single, _) = Globs::new(&["deals/*.charter"]);
        assert!(single.matches(Path::new("deals/a.charter")));
        assert!(
            !single.matches(Path::new("deals/sub/a.charter")),
            "`*` stays in one folder"
        );
        let (none, invalid) = Globs::new(&["a["]);
        assert!(none.is_empty());
        assert_eq!(invalid.len(), 1);
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
