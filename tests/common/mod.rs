//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, Options};
use std::fmt::Write;

/// Every diagnostic of a file, one line each: `line:column severity[rule] message`, then
/// its help and labels indented. Stable text for snapshots.
pub fn diagnostics_text(source: &[u8], options: &Options) -> String {
    let report = check_bytes(source, options);
    let mut out = String::new();
    for d in &report.diagnostics {
        let at = report
            .line_index
            .line_col(&report.text, d.span.start as usize);
        let _ = writeln!(
            out,
            "{}:{} {}[{}] {}",
            at.line, at.column, d.severity, d.rule, d.message
        );
        for label in &d.labels {
            let l = report
                .line_index
                .line_col(&report.text, label.span.start as usize);
            let _ = writeln!(out, "    {}:{} {}", l.line, l.column, label.message);
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
    }
    out
}

/// The rule names reported for a file.
pub fn rules_reported(source: &[u8]) -> Vec<&'static str> {
    check_bytes(source, &Options::default())
        .diagnostics
        .iter()
        .map(|d| d.rule)
        .collect()
}

/// A Charter string literal holding `s`, for property tests that put any text in an agreement.
pub fn literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The two versions of a `tests/fixtures/diff/<name>` pair, as text.
pub fn fixture_pair(name: &str) -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(name);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    (read("old.charter"), read("new.charter"))
}

/// The redline of two versions' texts, as `charter diff OLD NEW --docx` builds it: the
/// changes, and the redline document.
pub fn redline(
    old: &str,
    new: &str,
) -> (
    Vec<charter::diff::Change>,
    charter::emit::document::Document<'static>,
) {
    let read = |t: &str| charter::diff::read(t).unwrap().agreement;
    let changes = charter::diff::diff(&read(old), &read(new));
    let sheet = |t: &str| {
        charter::emit::Build::from_text(t, &Options::default())
            .document()
            .into_owned()
    };
    let doc = charter::diff::redline(Some(&sheet(old)), &sheet(new), &changes);
    (changes, doc)
}

/// Words joined by single spaces, as text read back from a PDF is compared.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a printed term sheet must hold, read back from its PDF (`text` flattened, `pages`
/// counted): its title, every party, the signature blocks; with `margins`, "Page N of M" on
/// every page and the legend at the head of each.
pub fn assert_printed(
    stem: &str,
    build: &charter::emit::Build,
    text: &str,
    pages: usize,
    margins: bool,
) {
    assert!((2..=40).contains(&pages), "{stem}: {pages} pages");
    assert!(
        text.contains(&flat(&build.agreement.title.value)),
        "{stem}: no title in the PDF"
    );
    for p in &build.agreement.parties {
        assert!(
            text.contains(&flat(&p.name.value)),
            "{stem}: {} is not in the PDF",
            p.name.value
        );
    }
    assert!(
        text.contains("Signed for and on behalf of"),
        "{stem}: no signature block"
    );
    if margins {
        for page in 1..=pages {
            assert!(
                text.contains(&format!("Page {page} of {pages}")),
                "{stem}: page {page} is not numbered"
            );
        }
        for legend in &build.agreement.legend {
            let legend = flat(&legend.value.to_uppercase());
            assert!(
                text.matches(&legend).count() > pages,
                "{stem}: the legend {legend} is not on every page"
            );
        }
    }
}
