//! `charter::ide`, what the language server answers from: hover, completion, navigation,
//! quick fixes and the outline, on the bundled examples and on half-typed text. And the
//! property that matters most in an editor: whatever the text and wherever the cursor,
//! nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use charter::ide::{Analysis, CompletionKind};
use proptest::prelude::*;

const CLEAN: &str = include_str!("cli_clean.charter");

fn analysis(text: &str) -> Analysis {
    Analysis::new(text, &Default::default())
}

#[test]
fn hover_gives_the_dates_charter_works_out() {
    let a = analysis(CLEAN);
    let by = CLEAN.find("by: 2028-12-31").unwrap();
    let hover = a.hover(by).unwrap();
    assert!(
        hover
            .markdown
            .contains("31 December 2028, 23 months after the effective date"),
        "{}",
        hover.markdown
    );
    let earliest = CLEAN.find("earliest: 2028").unwrap();
    let hover = a.hover(earliest).unwrap();
    assert!(
        hover.markdown.contains("1 January 2028"),
        "{}",
        hover.markdown
    );
    // Any other key: its meaning and whether it is required.
    let quorum = CLEAN.find("quorum: 3").unwrap();
    let hover = a.hover(quorum).unwrap().markdown;
    assert!(hover.starts_with("`quorum` — "), "{hover}");
}

#[test]
fn a_finding_hovers_with_its_rule_page() {
    let text = CLEAN.replace(
        "revenue: { northwind: 55%, contoso: 45% }",
        "revenue: { northwind: 55%, contoso: 40% }",
    );
    let a = analysis(&text);
    let at = text.find("revenue: {").unwrap() + 12;
    let hover = a.hover(at).unwrap().markdown;
    assert!(hover.contains("`shares-not-100`"), "{hover}");
    assert!(hover.contains("**Why it matters.**"), "{hover}");
    assert!(hover.contains("**Instead.**"), "{hover}");
}

#[test]
fn the_missing_required_keys_are_added_with_todo() {
    let text = CLEAN.replace(
        "      resource \"Data engineering team\" { kind: staff  fte: 4 }\n",
        "      resource \"Data engineering team\" {\n      }\n",
    );
    let a = analysis(&text);
    let missing = a
        .diagnostics()
        .iter()
        .find(|d| d.rule == "missing-required")
        .unwrap_or_else(|| panic!("{:#?}", a.diagnostics()));
    let fixes = a.fixes(missing.span.start as usize, missing.span.end as usize);
    let add = fixes
        .iter()
        .find(|f| f.title.starts_with("Add the missing required"))
        .unwrap_or_else(|| panic!("{fixes:#?}"));
    let mut fixed = text.clone();
    for (span, new) in add.edits.iter().rev() {
        fixed.replace_range(span.range(), new);
    }
    assert!(
        fixed.contains("resource \"Data engineering team\" {\n        kind: "),
        "{fixed}"
    );
    // The fixed file reads, and that finding is gone.
    let after = analysis(&fixed);
    assert!(!after
        .diagnostics()
        .iter()
        .any(|d| d.rule == "missing-required" && d.span == missing.span));
    assert!(!after.diagnostics().iter().any(|d| d.rule == "syntax-error"));
}

#[test]
fn a_rule_is_switched_off_in_the_allow_list() {
    let text = CLEAN.replace("  term: 3 years\n", "");
    let a = analysis(&text);
    let d = a
        .diagnostics()
        .iter()
        .find(|d| d.rule != "syntax-error")
        .unwrap()
        .clone();
    let fix = a
        .fixes(d.span.start as usize, d.span.end as usize)
        .into_iter()
        .find(|f| f.title.starts_with("Switch"))
        .unwrap();
    let mut fixed = text.clone();
    for (span, new) in fix.edits.iter().rev() {
        fixed.replace_range(span.range(), new);
    }
    let after = analysis(&fixed);
    assert!(
        !after.diagnostics().iter().any(|x| x.rule == d.rule),
        "{fixed}"
    );
}

#[test]
fn completion_offers_a_whole_block_and_required_keys_first() {
    let a = analysis(CLEAN);
    let at = CLEAN.find("  governance {").unwrap() + 2;
    let items = a.completions(at);
    let party = items.iter().find(|c| c.label == "party").unwrap();
    assert_eq!(party.kind, CompletionKind::Block);
    assert!(party.snippet && party.insert.starts_with("party ${1:id} \"${2:Title}\" {"));
    let first_optional = items
        .iter()
        .position(|c| c.detail.starts_with("optional"))
        .unwrap();
    let last_required = items
        .iter()
        .rposition(|c| c.detail.starts_with("required"))
        .unwrap();
    assert!(last_required < first_optional);
    // An empty file: the agreement itself.
    let empty = analysis("");
    assert_eq!(empty.completions(0)[0].label, "agreement");
}

#[test]
fn completion_leaves_out_what_the_block_already_has() {
    // A new line in the agreement, after everything: `model` and `governance` are written
    // once already, a further `party` may be added.
    let at = CLEAN.rfind('}').unwrap();
    let text = format!("{}\n  \n{}", &CLEAN[..at], &CLEAN[at..]);
    let a = analysis(&text);
    let labels: Vec<String> = a.completions(at + 3).into_iter().map(|c| c.label).collect();
    assert!(labels.iter().any(|l| l == "party"), "{labels:?}");
    assert!(!labels.iter().any(|l| l == "model"), "{labels:?}");
    assert!(!labels.iter().any(|l| l == "governance"), "{labels:?}");
    // The key on the cursor's own line is being written: it is still offered.
    let model = text.find("  model:").unwrap() + 2;
    let labels: Vec<String> = a.completions(model).into_iter().map(|c| c.label).collect();
    assert!(labels.iter().any(|l| l == "model"), "{labels:?}");
}

#[test]
fn the_outline_nests_blocks_under_the_agreement() {
    let a = analysis(CLEAN);
    let symbols = a.symbols();
    assert_eq!(symbols.len(), 1);
    assert_eq!(symbols[0].name, "Northwind–Contoso Loyalty Data Alliance");
    let names: Vec<&str> = symbols[0]
        .children
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert!(names.contains(&"Northwind Traders Ltd.") && names.contains(&"governance"));
    assert!(a.folds().len() > 10);
}

fn char_boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|i| text.is_char_boundary(*i))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any prefix of a real agreement (what an editor holds while it is typed), with any
    /// cursor: every answer comes back, none panics.
    #[test]
    fn half_typed_text_never_panics(cut in 0usize..4000, cursor in 0usize..4000, word in "[a-z_]{0,8}") {
        let mut end = cut.min(CLEAN.len());
        while !CLEAN.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{word}", &CLEAN[..end]);
        let a = analysis(&text);
        let offsets = char_boundaries(&text);
        let at = offsets[cursor % offsets.len()];
        let _ = a.hover(at);
        let _ = a.completions(at);
        let _ = a.definition(at);
        let _ = a.references(at, true);
        let _ = a.rename(at, "renamed");
        let _ = a.fixes(at, text.len());
        let _ = a.symbols();
        let _ = a.folds();
    }

    /// Any text at all.
    #[test]
    fn any_text_never_panics(text in "(agreement \"A\" \\{)?[a-z_{}:\"/ \n0-9%,.é𝄞\\[\\]-]{0,300}", cursor in 0usize..400) {
        let a = analysis(&text);
        let offsets = char_boundaries(&text);
        let at = offsets[cursor % offsets.len()];
        let _ = a.hover(at);
        let _ = a.completions(at);
        let _ = a.fixes(0, text.len());
        let _ = a.symbols();
    }
}
