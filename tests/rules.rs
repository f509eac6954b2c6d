//! Every rule has a failing and a passing fixture:
//! `tests/fixtures/rules/<rule-name>/fail.charter` must report the rule (the snapshot shows
//! every diagnostic of the file), `pass.charter` must not report it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::Options;
use charter::rules::REGISTRY;
use std::path::Path;

#[test]
fn failing_fixtures_report_their_rule() {
    insta::glob!("fixtures/rules/*/fail.charter", |path| {
        let rule = rule_of(path);
        let source = std::fs::read(path).unwrap();
        let reported = common::rules_reported(&source);
        assert!(
            reported.contains(&rule.as_str()),
            "{} does not report `{rule}`; it reports {reported:?}",
            path.display()
        );
        insta::assert_snapshot!(common::diagnostics_text(&source, &Options::default()));
    });
}

#[test]
fn passing_fixtures_do_not_report_their_rule() {
    insta::glob!("fixtures/rules/*/pass.charter", |path| {
        let rule = rule_of(path);
        let source = std::fs::read(path).unwrap();
        let reported = common::rules_reported(&source);
        assert!(
            !reported.contains(&rule.as_str()),
            "{} reports `{rule}`",
            path.display()
        );
    });
}

/// The registry, the fixtures and the rule pages name the same rules.
#[test]
fn every_rule_has_fixtures_and_a_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut missing = Vec::new();
    for rule in REGISTRY {
        let meta = rule.meta();
        for case in ["fail.charter", "pass.charter"] {
            if !root.join(meta.name).join(case).is_file() {
                missing.push(format!("{}/{case}", meta.name));
            }
        }
        for heading in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Instead",
        ] {
            if !meta.page.contains(heading) {
                missing.push(format!("{}: page lacks `{heading}`", meta.name));
            }
        }
        // The stub's marker; `todo-left`'s own page has to name `TODO`.
        if meta.page.contains("TODO: page") {
            missing.push(format!("{}: page is unfinished", meta.name));
        }
    }
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !REGISTRY.iter().any(|r| r.meta().name == name) {
            extra.push(name);
        }
    }
    assert!(missing.is_empty(), "missing: {missing:#?}");
    assert!(
        extra.is_empty(),
        "fixtures for rules that do not exist: {extra:?}"
    );
}

fn rule_of(path: &Path) -> String {
    path.parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
