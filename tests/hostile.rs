//! The findings of the hostile review (docs/limits.md, "What Charter guarantees"), one
//! test each, on the library: no panic and a bounded report whatever the lines hold,
//! no term lost without a word, exact numbers, lone carriage returns, characters a reader
//! cannot see. The file-system findings are tested through the binary in tests/cli_*.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use charter::check::{check_bytes, check_text, Options};
use charter::emit::Build;
use charter::render::{self, FileResult};

/// A clean, complete agreement (SPEC §6) to change one term of.
const BASE: &str = include_str!("../examples/northwind-contoso.charter");

/// `BASE` with `from` replaced by `to` (which must be there, once).
fn with(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "`{from}` is not in the base agreement once"
    );
    BASE.replacen(from, to, 1)
}

fn human(text: &str) -> String {
    let report = check_bytes(text.as_bytes(), &Options::default());
    render::human::render(
        &FileResult {
            path: "x.charter",
            report: &report,
        },
        &render::human::HumanOptions::default(),
    )
}

/// (rule, message) of every finding.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    check_text(text, &Options::default())
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect()
}

/// The findings of `text` that the base agreement does not have.
fn new_findings(text: &str) -> Vec<(&'static str, String)> {
    let before = findings(BASE);
    findings(text)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect()
}

// 1. A finding past column 65,535 made miette panic ("Formatting argument out of range").

#[test]
fn a_finding_far_along_a_line_is_shown_without_a_panic() {
    let long_line = with(
        "  model: contractual\n",
        &format!(
            "  model: contractual\n  purpose: \"{}\"  modle: x\n",
            "x".repeat(70_000)
        ),
    );
    let tabs = with(
        "  model: contractual\n",
        &format!("  model: contractual\n{}modle: x\n", "\t".repeat(16_384)),
    );
    for text in [long_line, tabs] {
        let out = human(&text);
        assert!(out.contains("unknown key `modle`"), "{out}");
        assert!(
            out.contains("modle: x"),
            "the snippet shows the finding: {out}"
        );
        assert!(out.contains('…'), "the cut is marked: {out}");
        assert!(out.len() < 20_000, "{} bytes", out.len());
    }
}

// 3. The human report reprinted the whole source line of every finding.

#[test]
fn what_one_finding_prints_is_bounded() {
    let keys: Vec<String> = (0..30_000).map(|i| format!("k{i}: 1")).collect();
    let text = with(
        "  model: contractual\n",
        &format!("  model: contractual\n  {}\n", keys.join(" ")),
    );
    assert!(text.len() > 200_000);
    let out = human(&text);
    let findings = out.matches("unknown key").count();
    assert!(findings >= 400, "{findings} findings");
    // About half a kilobyte a finding, however long the line.
    assert!(
        out.len() < 1500 * findings,
        "{} bytes for {findings} findings",
        out.len()
    );

    // A name of a megabyte is quoted by its beginning and end.
    let name = "n".repeat(1_000_000);
    let out = human(&with(
        "  model: contractual\n",
        &format!("  model: contractual\n  {name}: 1\n"),
    ));
    assert!(out.len() < 12_000, "{} bytes: {out}", out.len());
    assert!(
        out.contains("unknown key") && out.contains("nnnn…"),
        "{out}"
    );
}

#[test]
fn lines_far_apart_are_shown_as_separate_pieces() {
    let text = include_str!("fixtures/rules/duplicate-id/fail.charter");
    let mut report = check_bytes(text.as_bytes(), &Options::default());
    report.diagnostics.retain(|d| d.rule == "duplicate-id");
    assert_eq!(report.diagnostics.len(), 1);
    let out = render::human::render(
        &FileResult {
            path: "x.charter",
            report: &report,
        },
        &render::human::HumanOptions::default(),
    );
    assert!(out.contains("first used here"), "{out}");
    // The lines between the first use and the second are not reprinted.
    assert!(!out.contains("Twice-yearly survey"), "{out}");
    assert_eq!(out.matches("╭─[").count(), 2, "{out}");
}

// 5. Numbers beyond what Charter can hold vanished without a word.

#[test]
fn numbers_too_long_to_hold_are_type_mismatches_and_nothing_else() {
    let digits = "1234567890123456789012345678901"; // 31 digits
    let cases = [
        ("quorum: 3", format!("quorum: {digits}")),
        ("northwind: 55%", format!("northwind: {digits}%")),
        ("arbitrators: 3", format!("arbitrators: {digits}")),
        ("quorum: 3", format!("quorum: 0.{}", "3".repeat(30))),
    ];
    for (from, to) in &cases {
        let found = new_findings(&with(from, to));
        assert_eq!(found.len(), 1, "{to}: {found:#?}");
        let (rule, message) = &found[0];
        assert_eq!(*rule, "type-mismatch", "{to}");
        assert!(
            message == "this number has 31 digits; Charter handles numbers of up to 28 digits"
                || message == "this number has 30 decimal places; Charter handles up to 28",
            "{to}: {message}"
        );
    }
    let money = format!("cap: USD {}", "1234567890".repeat(4));
    let found = new_findings(&with("cap: USD 5,000,000", &money));
    assert_eq!(
        found,
        vec![(
            "type-mismatch",
            "this amount has 40 digits; Charter handles amounts of up to 28 digits".to_string()
        )]
    );
    let exponent = new_findings(&with("northwind: 55%", "northwind: 1e400%"));
    assert_eq!(exponent.len(), 1, "{exponent:#?}");
    assert!(
        exponent[0]
            .1
            .contains("`1e400` is a number written with an exponent"),
        "{exponent:#?}"
    );
}

#[test]
fn a_value_that_cannot_be_read_is_not_also_reported_missing() {
    let found = new_findings(&with("cap: USD 5,000,000", "cap: \"five million\""));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "type-mismatch");
}

// 6. A lone carriage return did not end a comment, so the next line was swallowed.

#[test]
fn a_lone_carriage_return_ends_a_line() {
    let text = with(
        "    cap: USD 5,000,000\n",
        "    // agreed in draft 2\r    cap: USD 6,000,000\n",
    );
    assert_eq!(new_findings(&text), vec![]);
    let json = Build::from_text(&text, &Options::default()).json();
    assert!(json.contains("\"6000000.00\""), "{json}");

    // Old Mac line ends throughout: the same agreement, the same findings.
    let mac = BASE.replace('\n', "\r");
    assert_eq!(findings(&mac), findings(BASE));
    // A file whose first line is a comment ended by a lone CR is not empty.
    let commented = format!("// draft\r{BASE}");
    assert!(!findings(&commented)
        .iter()
        .any(|(r, _)| *r == "syntax-error"));

    // Line numbers count it as a line end, as editors do.
    let report = check_bytes(b"agreement \"A\" {\r  modle: x\r}\r", &Options::default());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "unknown-key")
        .unwrap();
    let at = report
        .line_index
        .line_col(&report.text, d.span.start as usize);
    assert_eq!((at.line, at.column), (2, 3));
    let out = human(std::str::from_utf8(b"agreement \"A\" {\r  modle: x\r}\r").unwrap());
    assert!(out.contains("x.charter:2:3"), "{out}");
    assert!(out.contains(" 2 │   modle: x"), "{out}");
}

// 7. Large integers were written as rounded doubles in the JSON document.

#[test]
fn numbers_in_the_json_document_are_exact() {
    let text = with("quorum: 3", "quorum: 18446744073709551615");
    let json = Build::from_text(&text, &Options::default()).json();
    assert!(json.contains("\"quorum\": 18446744073709551615"), "{json}");
    let text = with(
        "revenue: { northwind: 55%, contoso: 45% }",
        "revenue: { northwind: 66.666666666666666666666666667%, contoso: 33.333333333333333333333333333% }",
    );
    let json = Build::from_text(&text, &Options::default()).json();
    assert!(json.contains("66.666666666666666666666666667"), "{json}");
    assert!(json.contains("33.333333333333333333333333333"), "{json}");
    // Still a JSON document a standard parser reads.
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value["schema_version"].as_u64().is_some());
}

// 12. Direction controls and invisible characters were accepted and written raw.

#[test]
fn hidden_characters_are_reported_and_neutralised() {
    let text = with(
        "    method: \"Net revenue after direct costs, settled quarterly\"",
        "    method: \"Net revenue \u{202E}after direct costs\u{202C}, settled quarterly\u{200B}\"",
    );
    let found = new_findings(&text);
    let hidden: Vec<_> = found
        .iter()
        .filter(|(r, _)| *r == "hidden-character")
        .collect();
    assert_eq!(hidden.len(), 3, "{found:#?}");
    assert!(
        hidden[0].1.contains("U+202E RIGHT-TO-LEFT OVERRIDE"),
        "{hidden:#?}"
    );
    assert!(
        hidden[2].1.contains("U+200B ZERO WIDTH SPACE"),
        "{hidden:#?}"
    );

    let build = Build::from_text(&text, &Options::default());
    let is_hidden =
        |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}');
    for (what, out) in [
        ("markdown", build.markdown()),
        ("html", build.html()),
        ("human", human(&text)),
    ] {
        assert!(!out.contains(is_hidden), "{what} holds a hidden character");
    }
    assert!(build.markdown().contains(r"\[U+202E]"));
    let report = check_bytes(text.as_bytes(), &Options::default());
    let concise = render::concise::render(&FileResult {
        path: "x.charter",
        report: &report,
    });
    assert!(!concise.contains(is_hidden));
}

#[test]
fn a_look_alike_letter_in_a_name_is_named_by_its_code_point() {
    let text = with(
        "  party contoso \"Contoso",
        "  party contos\u{0430} \"Contoso",
    );
    let found = findings(&text);
    let syntax: Vec<_> = found.iter().filter(|(r, _)| *r == "syntax-error").collect();
    assert_eq!(syntax.len(), 1, "{found:#?}");
    assert!(
        syntax[0].1.contains(
            "`contos\u{0430}` has the character `\u{0430}` (U+0430 CYRILLIC SMALL LETTER A)"
        ),
        "{syntax:#?}"
    );
}

// 13. An unclosed text block was reported as an unclosed string.

#[test]
fn an_unclosed_text_block_is_called_a_text_block() {
    let text = "agreement \"A\" {\n  purpose: \"\"\"\n    never closed\n  term: 3 years\n}\n";
    let syntax = |text: &str| -> Vec<String> {
        findings(text)
            .into_iter()
            .filter(|(r, _)| *r == "syntax-error")
            .map(|(_, m)| m)
            .collect()
    };
    assert_eq!(
        syntax(text),
        vec!["this text block is not closed: it needs a closing `\"\"\"`"]
    );
    let text = "agreement \"A\" {\n  purpose: \"\"\"text on the first line\n    \"\"\"\n}\n";
    let found = syntax(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("a text block's opening `\"\"\"` must end its line"),
        "{found:#?}"
    );
}
