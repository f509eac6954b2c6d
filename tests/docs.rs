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

/// Rule pages cite the practice material by author or publisher and title, each listed in
/// docs/sources.md, never by the file it was collected in.
#[test]
fn rule_pages_cite_sources_a_reader_can_check() {
    let sources =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sources.md"))
            .unwrap_or_default();
    for rule in charter::rules::REGISTRY {
        let page = rule.meta().page;
        assert!(
            !page.contains("seed 0"),
            "the page of {} cites the practice material by file",
            rule.meta().name
        );
        // Every title in curly quotes that the page cites is listed in docs/sources.md.
        for title in page.split('“').skip(1).filter_map(|t| t.split('”').next()) {
            if title.starts_with("Beyond")
                || title.contains(' ') && title.chars().next().is_some_and(char::is_uppercase)
            {
                assert!(
                    sources.contains(&format!("“{title}”")),
                    "the page of {} cites “{title}”, which docs/sources.md does not list",
                    rule.meta().name
                );
            }
        }
    }
}

/// Every `charter` example of the guides is written in the language: each one, alone or
/// inside an `agreement` block, parses without a syntax error; so does every example of the
/// rule pages, except the page of `syntax-error` itself. (Examples that leave a part
/// out with `…` are sketches of the form, not text to copy, and are skipped.)
#[test]
fn examples_in_the_guides_parse() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![root.join("docs/language.md"), root.join("README.md")];
    for dir in ["docs", "docs/rules"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            // The page of `syntax-error` shows text that does not parse, on purpose.
            let on_purpose = path.ends_with("syntax-error.md");
            if path.extension().is_some_and(|e| e == "md") && !pages.contains(&path) && !on_purpose
            {
                pages.push(path);
            }
        }
    }
    let mut checked = 0;
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for (n, example) in text.split("```charter\n").skip(1).enumerate() {
            let Some((example, _)) = example.split_once("```") else {
                continue;
            };
            if example.contains('…') {
                continue;
            }
            let whole = if example.lines().any(|l| l.starts_with("agreement \"")) {
                example.to_string()
            } else {
                format!("agreement \"Example\" {{\n{example}\n}}\n")
            };
            checked += 1;
            let parsed = charter::syntax::parse(&whole);
            if let Some(d) = parsed.diagnostics.iter().find(|d| d.rule == "syntax-error") {
                broken.push(format!(
                    "{} example {}: {}\n{example}",
                    page.display(),
                    n + 1,
                    d.message
                ));
            }
        }
    }
    assert!(checked >= 140, "only {checked} examples found");
    assert!(broken.is_empty(), "{}", broken.join("\n\n"));
}
