//! Generated documentation is checked in and must match what the code generates:
//! `docs/rules/` from the rule pages. Run `CHARTER_UPDATE_DOCS=1 cargo test --test docs`
//! to regenerate after changing a rule page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::rules::{docs, REGISTRY};
use std::path::Path;

fn check_or_update(path: &Path, expected: &str, stale: &mut Vec<String>) {
    if std::env::var_os("CHARTER_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, expected).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(actual) if actual == expected => {}
        _ => stale.push(path.display().to_string()),
    }
}

#[test]
fn rule_docs_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let mut stale = Vec::new();
    check_or_update(&root.join("README.md"), &docs::index(), &mut stale);
    for rule in REGISTRY {
        let meta = rule.meta();
        check_or_update(
            &root.join(format!("{}.md", meta.name)),
            &docs::page(meta),
            &mut stale,
        );
    }
    // No page for a rule that no longer exists.
    for entry in std::fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(rule) = name.strip_suffix(".md") else {
            continue;
        };
        if rule != "README" && !REGISTRY.iter().any(|r| r.meta().name == rule) {
            stale.push(format!("docs/rules/{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated docs (run `CHARTER_UPDATE_DOCS=1 cargo test --test docs`): {stale:#?}"
    );
}
