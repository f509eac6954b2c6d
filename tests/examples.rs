//! Every example agreement: its diagnostics, as people see them (the human report, without
//! colour) and as machines read them (the JSON of SPEC §4), are snapshots. The examples
//! other than the first draft must stay free of errors and warnings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, Options};
use charter::diagnostic::Severity;
use charter::render::{self, human::HumanOptions, FileResult};
use std::path::Path;

fn shown_path(path: &Path) -> String {
    format!(
        "examples/{}",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

#[test]
fn diagnostics_of_every_example() {
    insta::glob!("../examples", "*.charter", |path| {
        let bytes = std::fs::read(path).unwrap();
        let report = check_bytes(&bytes, &Options::default());
        let shown = shown_path(path);
        let file = FileResult {
            path: &shown,
            report: &report,
        };
        let human = render::human::render(&file, &HumanOptions::default());
        insta::assert_snapshot!("human", human);
        let json = render::json::render(std::slice::from_ref(&file)).unwrap();
        insta::assert_snapshot!("json", json);
    });
}

#[test]
fn examples_other_than_the_first_draft_are_clean() {
    insta::glob!("../examples", "*.charter", |path| {
        if path.ends_with("first-draft.charter") {
            return;
        }
        let bytes = std::fs::read(path).unwrap();
        let report = check_bytes(&bytes, &Options::default());
        let serious: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect();
        assert!(serious.is_empty(), "{}: {serious:#?}", path.display());
    });
}

#[test]
fn the_first_draft_reports_its_typical_mistakes() {
    let bytes = std::fs::read("examples/first-draft.charter").unwrap();
    let report = check_bytes(&bytes, &Options::default());
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    for expected in ["unknown-key", "unknown-reference", "missing-required"] {
        assert!(rules.contains(&expected), "{expected} not in {rules:?}");
    }
}

/// Sections may come in any order: references to parties and committees declared further
/// down resolve as if they had come first.
#[test]
fn references_resolve_whatever_the_order_of_sections() {
    let clean = std::fs::read_to_string("tests/cli_clean.charter").unwrap();
    let baseline = charter::check::check_text(&clean, &Options::default());
    // Move the parties to the end and the governance block after the disputes.
    let mut lines: Vec<&str> = clean.lines().collect();
    let take = |lines: &mut Vec<&str>, start: &str| -> Vec<String> {
        let from = lines.iter().position(|l| l.starts_with(start)).unwrap();
        let to = from + lines[from..].iter().position(|l| *l == "  }").unwrap();
        lines.drain(from..=to).map(str::to_string).collect()
    };
    let party_a = take(&mut lines, "  party northwind");
    let party_b = take(&mut lines, "  party contoso");
    let governance = take(&mut lines, "  governance {");
    let close = lines.pop().unwrap();
    let mut moved: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    moved.extend(governance);
    moved.extend(party_a);
    moved.extend(party_b);
    moved.push(close.to_string());
    let moved = moved.join("\n") + "\n";
    assert!(moved.find("  sharing {") < moved.find("  party northwind"));
    let diagnostics = charter::check::check_text(&moved, &Options::default());
    assert_eq!(baseline, Vec::new());
    assert_eq!(diagnostics, Vec::new(), "{moved}");
}
