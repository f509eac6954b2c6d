//! SARIF 2.1.0, the format GitHub code scanning (and other tools) read.
//!
//! One run, whose tool lists every rule of the catalogue: its id, a short description (the
//! rule's summary), a full description (the *What it checks* section of its page), its
//! page as help, and its default level. Each diagnostic is a result with the rule's id and
//! index, a level (`error`, `warning`, `note` for infos), its message, and a region whose
//! columns count UTF-16 code units, as SARIF's default `columnKind` says (the end column is
//! just past the span). Paths are relative to the repository root (`%SRCROOT%`).
//!
//! The output types are this module's own serde structs (the `serde-sarif` crate generates
//! its types at build time, which costs more to compile than the few types used here); a
//! test validates the output against the official SARIF 2.1.0 JSON schema.

use super::{byte_range, printable, FileResult};
use crate::diagnostic::Severity;
use crate::rules::{self, RuleMeta, REGISTRY};
use serde::Serialize;

/// The schema the output follows (the OASIS standard, errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base that relative paths are resolved against: the repository root.
pub const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: MultiformatMessage,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct MultiformatMessage {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Message,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: [Location; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The whole run as one pretty-printed SARIF log followed by a newline. `problems` are
/// paths that could not be checked, one sentence each; they make the invocation
/// unsuccessful and are listed as its notifications.
///
/// # Errors
///
/// Only if serde_json fails to serialize plain strings and numbers, which does not happen;
/// the error is passed on rather than hidden.
pub fn render(files: &[FileResult<'_>], problems: &[String]) -> Result<String, serde_json::Error> {
    let mut results = Vec::new();
    for file in files {
        let location = artifact_location(file.path);
        for diagnostic in &file.report.diagnostics {
            let report = file.report;
            let range = byte_range(&report.text, diagnostic.span);
            let start = report.line_index.line_col(&report.text, range.start);
            let end = report.line_index.line_col(&report.text, range.end);
            let mut text = printable(&diagnostic.message).into_owned();
            if let Some(help) = &diagnostic.help {
                text.push_str("\nhelp: ");
                text.push_str(&printable(help));
            }
            results.push(SarifResult {
                rule_id: diagnostic.rule,
                rule_index: REGISTRY
                    .iter()
                    .position(|r| r.meta().name == diagnostic.rule),
                level: level(diagnostic.severity),
                message: Message { text },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: location.uri.clone(),
                            uri_base_id: location.uri_base_id,
                        },
                        region: Region {
                            start_line: start.line,
                            start_column: report.line_index.utf16_column(&report.text, range.start),
                            end_line: end.line,
                            end_column: report.line_index.utf16_column(&report.text, range.end),
                        },
                    },
                }],
            });
        }
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "Charter",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: REGISTRY.iter().map(|r| descriptor(r.meta())).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: problems.is_empty(),
                tool_execution_notifications: problems
                    .iter()
                    .map(|p| Notification {
                        level: "error",
                        message: Message {
                            text: printable(p).into_owned(),
                        },
                    })
                    .collect(),
            }],
            results,
            column_kind: "utf16CodeUnits",
        }],
    };
    let mut text = serde_json::to_string_pretty(&log)?;
    text.push('\n');
    Ok(text)
}

fn descriptor(meta: &'static RuleMeta) -> ReportingDescriptor {
    let page = rules::docs::page(meta);
    let full = section(&page, "What it checks")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| capitalised(meta.summary));
    ReportingDescriptor {
        id: meta.name,
        name: meta.name,
        short_description: Message {
            text: capitalised(meta.summary),
        },
        full_description: Message { text: full },
        help: MultiformatMessage {
            text: page.clone(),
            markdown: page,
        },
        default_configuration: Configuration {
            level: level(meta.severity),
        },
        properties: Properties {
            tags: [meta.group.title()],
        },
    }
}

/// The text under a `## heading` of a Markdown page, up to the next heading of that level
/// or above, trimmed.
pub(crate) fn section(page: &str, heading: &str) -> Option<String> {
    let mut lines = page.lines();
    lines.find(|l| l.trim_start_matches('#').trim() == heading && l.starts_with("## "))?;
    let body: Vec<&str> = lines
        .take_while(|l| !(l.starts_with("## ") || l.starts_with("# ")))
        .collect();
    Some(body.join("\n").trim().to_string())
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

struct Artifact {
    uri: String,
    uri_base_id: Option<&'static str>,
}

/// A path as a SARIF artifact location: relative to `%SRCROOT%`, or a `file:` URI when it
/// is absolute (a file outside the repository).
fn artifact_location(path: &str) -> Artifact {
    let encoded = super::github::url_path(path);
    if path.starts_with('/') {
        Artifact {
            uri: format!("file://{encoded}"),
            uri_base_id: None,
        }
    } else if path.as_bytes().get(1) == Some(&b':') {
        // A Windows drive letter: the `:` must stay as it is.
        Artifact {
            uri: format!(
                "file:///{}:{}",
                &path[..1],
                super::github::url_path(&path[2..])
            ),
            uri_base_id: None,
        }
    } else {
        Artifact {
            uri: encoded,
            uri_base_id: Some(SRCROOT),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::check::FileReport;
    use crate::diagnostic::Diagnostic;
    use crate::span::{LineIndex, Span};

    #[test]
    fn columns_count_utf16_code_units() {
        // "😀" is one character, two UTF-16 code units and four bytes.
        let text = "a\n😀é x\n";
        let x = text.find('x').unwrap();
        let report = FileReport {
            text: text.to_string(),
            line_index: LineIndex::new(text),
            omitted: crate::limits::Omitted::default(),
            diagnostics: vec![Diagnostic::warning(
                "todo-left",
                Span::from_range(x, x + 1),
                "m",
            )],
        };
        let files = [FileResult {
            path: "deals/my deal.charter",
            report: &report,
        }];
        let value: serde_json::Value = serde_json::from_str(&render(&files, &[]).unwrap()).unwrap();
        let result = &value["runs"][0]["results"][0];
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["startColumn"], 5);
        assert_eq!(region["endColumn"], 6);
        assert_eq!(result["level"], "warning");
        assert_eq!(result["ruleId"], "todo-left");
        let rules = value["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], "todo-left");
        assert_eq!(rules.len(), REGISTRY.len());
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], "deals/my%20deal.charter");
        assert_eq!(artifact["uriBaseId"], SRCROOT);
        assert_eq!(
            value["runs"][0]["invocations"][0]["executionSuccessful"],
            true
        );
    }

    #[test]
    fn sections_of_a_page() {
        let page =
            "# r\n\n## What it checks\n\nThis.\nAnd that.\n\n## Why it matters\n\nBecause.\n";
        assert_eq!(section(page, "What it checks").unwrap(), "This.\nAnd that.");
        assert_eq!(section(page, "Why it matters").unwrap(), "Because.");
        assert_eq!(section(page, "Example"), None);
    }

    #[test]
    fn absolute_paths_become_file_uris() {
        assert_eq!(
            artifact_location("/tmp/a b.charter").uri,
            "file:///tmp/a%20b.charter"
        );
        assert_eq!(
            artifact_location("C:/x/a.charter").uri,
            "file:///C:/x/a.charter"
        );
        assert!(artifact_location("/x").uri_base_id.is_none());
    }

    #[test]
    fn problems_make_the_invocation_unsuccessful() {
        let text = render(&[], &["cannot read `x`".to_string()]).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let invocation = &value["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        assert_eq!(
            invocation["toolExecutionNotifications"][0]["message"]["text"],
            "cannot read `x`"
        );
    }
}
