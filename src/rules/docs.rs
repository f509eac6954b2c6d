//! Rule pages as documents: the `charter rules` table, the `charter explain` page, and the
//! files of `docs/rules/` (generated from the same pages; a test keeps them current).

use super::{Group, RuleMeta, REGISTRY};
use std::fmt::Write;

/// The full page of one rule, in Markdown: title, facts, then the page written beside the
/// rule's code.
pub fn page(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", meta.name);
    let _ = writeln!(
        out,
        "*{}* · default severity: **{}** · {}\n",
        meta.group.title(),
        meta.severity,
        capitalised(meta.summary)
    );
    // Doc comments keep one leading space per line; drop it.
    for line in meta.page.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n## Levels\n\nSwitch it off in one file with `allow: [{name}]`, or set its level for a project in `charter.toml`:\n\n```toml\n[rules]\n{name} = \"allow\"   # or \"info\", \"warning\", \"error\"\n```",
        name = meta.name
    );
    if crate::config::FIXED.contains(&meta.name) {
        let _ = writeln!(
            out,
            "\n(`{}` itself cannot be switched off: a file with this problem cannot be read.)",
            meta.name
        );
    }
    out
}

/// `docs/rules/README.md`: every rule, grouped, with its severity and summary.
pub fn index() -> String {
    let mut out = String::from(
        "# Rules\n\nEvery finding Charter reports names one of these rules. `charter explain RULE` prints a rule's page; `charter rules` prints this table.\n\nThis folder is generated from the rule pages in `src/rules/` (run `CHARTER_UPDATE_DOCS=1 cargo test --test docs` after changing one); CI fails when it is stale.\n",
    );
    for group in [Group::Structural, Group::Consistency, Group::Practice] {
        let _ = writeln!(
            out,
            "\n## {}\n\n| rule | severity | fires when |\n|---|---|---|",
            group.title()
        );
        for rule in REGISTRY.iter().filter(|r| r.meta().group == group) {
            let m = rule.meta();
            let _ = writeln!(
                out,
                "| [`{0}`]({0}.md) | {1} | {2} |",
                m.name, m.severity, m.summary
            );
        }
    }
    out
}

/// `charter rules`: a plain-text table for the terminal.
pub fn table() -> String {
    let width = REGISTRY
        .iter()
        .map(|r| r.meta().name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for group in [Group::Structural, Group::Consistency, Group::Practice] {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", group.title());
        for rule in REGISTRY.iter().filter(|r| r.meta().group == group) {
            let m = rule.meta();
            let _ = writeln!(
                out,
                "  {:<width$}  {:<7}  {}",
                m.name,
                m.severity.as_str(),
                m.summary
            );
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
