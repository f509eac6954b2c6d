//! The outputs of `charter build`: the JSON document (snapshots, and validation against the
//! shipped JSON Schema), the Markdown term sheet (snapshots, and proof that user text never
//! becomes markup or breaks a table) and the HTML page.
//!
//! `docs/schema/charter.schema.json` is generated: after changing the document's types, run
//! `CHARTER_UPDATE_SCHEMA=1 cargo test --test emit schema_file` and commit the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use charter::check::Options;
use charter::emit::{self, Build};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

fn build(path: &Path) -> Build {
    Build::from_bytes(&std::fs::read(path).unwrap(), &Options::default())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every example, every emit fixture and every real agreement of the corpus.
fn inputs() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in ["examples", "tests/fixtures/emit", "tests/corpus/real"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "charter") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert!(
        paths.len() >= 19,
        "examples, fixtures or real agreements are missing"
    );
    paths
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn json_of_every_example() {
    insta::glob!("..", "examples/*.charter", |path| {
        insta::assert_snapshot!("json", build(path).json());
    });
}

#[test]
fn markdown_of_every_example() {
    insta::glob!("..", "examples/*.charter", |path| {
        let build = build(path);
        insta::assert_snapshot!("markdown", build.markdown());
        // The document every writer lays out, and one writer's layout of it besides the
        // Markdown's.
        insta::assert_json_snapshot!("document", build.document());
        insta::assert_snapshot!("html", build.html());
    });
}

#[test]
fn outputs_of_every_fixture() {
    insta::glob!("fixtures/emit/*.charter", |path| {
        let build = build(path);
        insta::assert_snapshot!("fixture_markdown", build.markdown());
        insta::assert_snapshot!("fixture_json", build.json());
    });
}

/// The term sheet and the JSON document of every real agreement (`tests/corpus/real/`), so
/// that a change to what a real agreement's documents say is seen in review.
#[test]
fn outputs_of_every_real_agreement() {
    insta::glob!("corpus/real/*.charter", |path| {
        let build = build(path);
        insta::assert_snapshot!("real_markdown", build.markdown());
        insta::assert_snapshot!("real_json", build.json());
    });
}

// ---------------------------------------------------------------------------------------
// JSON and its schema

fn schema_path() -> PathBuf {
    root().join("docs/schema/charter.schema.json")
}

/// The shipped schema is what the code generates. With `CHARTER_UPDATE_SCHEMA=1` the test
/// rewrites it instead.
#[test]
fn schema_file_is_up_to_date() {
    let fresh = emit::json::schema();
    if std::env::var_os("CHARTER_UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(schema_path().parent().unwrap()).unwrap();
        std::fs::write(schema_path(), &fresh).unwrap();
        return;
    }
    let shipped = std::fs::read_to_string(schema_path()).unwrap_or_default();
    assert!(
        shipped == fresh,
        "docs/schema/charter.schema.json is stale: run \
         `CHARTER_UPDATE_SCHEMA=1 cargo test --test emit schema_file` and commit it"
    );
}

#[test]
fn every_output_validates_against_the_shipped_json_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let mut documents: Vec<(String, String)> = inputs()
        .iter()
        .map(|p| (p.display().to_string(), build(p).json()))
        .collect();
    // Drafts with parts missing, and input that is not an agreement at all.
    for (name, text) in [
        ("empty", ""),
        ("header only", "agreement \"X\" {}"),
        ("garbage", "}{ not an agreement ::: \"\n\u{0}"),
    ] {
        documents.push((
            name.to_string(),
            Build::from_bytes(text.as_bytes(), &Options::default()).json(),
        ));
    }
    for (name, json) in documents {
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert!(
            no_null(&value),
            "{name}: the document holds a null (an absent value must be left out)"
        );
    }
}

/// Whether no value in the document is `null` (text that says "null and void" is fine).
fn no_null(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Null => false,
        serde_json::Value::Array(items) => items.iter().all(no_null),
        serde_json::Value::Object(map) => map.values().all(no_null),
        _ => true,
    }
}

#[test]
fn json_encodings_follow_the_spec() {
    let build = build(&root().join("examples/northwind-contoso.charter"));
    let json = build.json();
    let at = |key: &str| json.find(&format!("\n  \"{key}\": ")).unwrap();
    let order = [
        "schema_version",
        "status",
        "agreement",
        "parties",
        "governance",
        "contributions",
        "sharing",
        "liability",
        "ip",
        "compliance",
        "metrics",
        "disputes",
        "exit",
        "clauses",
        "analysis",
    ];
    assert!(
        order.windows(2).all(|w| at(w[0]) < at(w[1])),
        "top-level keys out of order"
    );
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["schema_version"], 2);
    assert_eq!(doc["agreement"]["effective"], "2027-01-01");
    assert_eq!(
        doc["agreement"]["term"],
        serde_json::json!({"amount": 3, "unit": "years"})
    );
    assert_eq!(doc["parties"][0]["id"], "northwind");
    assert_eq!(doc["parties"][1]["name"], "Contoso Retail GmbH");
    assert_eq!(
        doc["contributions"]["from"][0]["resources"][0]["value"],
        serde_json::json!({"currency": "USD", "amount": "1200000.00"})
    );
    assert_eq!(
        doc["sharing"]["revenue"][0],
        serde_json::json!({"party": "northwind", "percent": 55})
    );
    assert_eq!(
        doc["disputes"]["steps"][0]["within"],
        serde_json::json!({"amount": 15, "unit": "business_days"})
    );
    let analysis = &doc["analysis"];
    assert_eq!(analysis["term_end"], "2030-01-01");
    assert_eq!(
        analysis["total_contributions"],
        serde_json::json!([{"currency": "USD", "amount": "5500000.00"}])
    );
    assert_eq!(analysis["parties"][0]["contribution_share"], 58.18);
    assert_eq!(analysis["parties"][1]["cost_share"], 40);
    assert_eq!(
        analysis["shortest_exit"],
        serde_json::json!({"earliest": "2028-01-01", "notice": {"amount": 90, "unit": "days"}})
    );
}

// ---------------------------------------------------------------------------------------
// Markdown safety

/// The payloads of `tests/fixtures/emit/hostile.charter`: each must come out as text.
const HOSTILE: &[&str] = &[
    "Evil | Corp **bold** __under__ *em* _em_ ~~strike~~ ==mark== ^sup^ ~sub~ $x^2$",
    "<script>alert(1)</script> <b>bold</b> <!-- c --> &amp; &#60; &lt;",
    "[x](http://evil) ![img](http://evil/i.png) [ref][1] [[wiki]] [^1]",
    "https://evil.example www.evil.example WWW.EVIL.EXAMPLE ftp://evil.example mailto:a@b.example",
    "evil@evil.example <https://evil.example> <a@b.example> javascript:alert(1)",
    "`code` ``code`` ```fence",
    "# Heading",
    "- list item",
    "1. ordered",
    "2) ordered",
    "> quote",
    "---",
    "***",
    "===",
    "| a | b |",
    "|---|---|",
    r"\ backslash \\ trailing\",
    "{#id .class} @cite [@cite]",
    "+ plus",
    ": definition",
    "[ ] task",
    "~~~ tilde fence",
    "<div onclick=\"x\">",
];

/// Every extension pulldown-cmark knows, so that nothing any dialect would read as markup
/// slips through; smart punctuation is off, as it only changes quotes.
fn md_options() -> MdOptions {
    MdOptions::all() - MdOptions::ENABLE_SMART_PUNCTUATION
}

/// The number of cells of a table row as written: its unescaped pipes, less one (rows
/// start and end with a pipe).
fn cells(row: &str) -> usize {
    let mut pipes: usize = 0;
    let mut chars = row.trim_end().chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes.saturating_sub(1)
}

/// Parses the Markdown back and checks that nothing came from user text: no links or
/// images, no HTML but `<br>`, no code, maths, emphasis, strikethrough, footnotes, block
/// quotes or rules; bold only for our own lead-ins; every table row as wide as its header.
/// Returns the plain text, one line per line break.
fn check_markdown(md: &str, context: &str) -> String {
    let mut text = String::new();
    let mut header: Option<usize> = None;
    let mut strong: Option<String> = None;
    for (event, range) in Parser::new_ext(md, md_options()).into_offset_iter() {
        let source = md.get(range.clone()).unwrap_or_default();
        match &event {
            Event::Start(Tag::TableHead) => {
                header = Some(cells(source.lines().next().unwrap_or_default()));
            }
            Event::Start(Tag::TableRow) => {
                let row = source.lines().next().unwrap_or_default();
                assert_eq!(
                    Some(cells(row)),
                    header,
                    "{context}: a table row does not have the header's cells: {row}"
                );
            }
            Event::Start(Tag::Strong) => strong = Some(String::new()),
            Event::End(TagEnd::Strong) => {
                let label = strong.take().unwrap_or_default();
                let ours = label.starts_with(|c: char| c.is_ascii_uppercase())
                    && label.ends_with(['.', ':'])
                    && label
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || " -.:".contains(c));
                assert!(ours, "{context}: bold text that is not ours: {label:?}");
            }
            Event::InlineHtml(html) => {
                assert_eq!(
                    html.as_ref(),
                    "<br>",
                    "{context}: inline HTML at {source:?}"
                );
                text.push('\n');
            }
            Event::Text(t) => {
                if let Some(s) = strong.as_mut() {
                    s.push_str(t);
                }
                text.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => text.push('\n'),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableCell,
            )
            | Event::End(TagEnd::List(_) | TagEnd::Table) => {}
            other => panic!("{context}: unexpected Markdown {other:?} from {source:?}"),
        }
    }
    text
}

#[test]
fn term_sheets_parse_back_cleanly() {
    for path in inputs() {
        check_markdown(&build(&path).markdown(), &path.display().to_string());
    }
}

#[test]
fn hostile_text_stays_text() {
    let path = root().join("tests/fixtures/emit/hostile.charter");
    let source = std::fs::read_to_string(&path).unwrap();
    let md = build(&path).markdown();
    let text = check_markdown(&md, "hostile.charter");
    let lines: Vec<&str> = text.lines().collect();
    for payload in HOSTILE {
        let quoted = format!("{:?}", payload);
        assert!(
            source.contains(&quoted[1..quoted.len() - 1]) || source.contains(payload),
            "the fixture lacks {payload:?}"
        );
        assert!(
            lines.iter().any(|l| l.contains(payload)),
            "{payload:?} did not come out as text"
        );
    }
    // The title is the one level-1 heading, word for word.
    assert!(md.starts_with("# Evil \\| Corp"));
    assert!(lines.contains(&HOSTILE[0]));
    // Nothing that GitHub would turn into a link by itself.
    for bare in ["://", "www.", "WWW.", "@evil"] {
        let unescaped = md
            .match_indices(bare)
            .any(|(i, _)| !md[..i].ends_with('\\'));
        assert!(!unescaped, "{bare:?} is left unescaped in the Markdown");
    }
}

#[test]
fn a_draft_lists_its_open_issues_with_lines() {
    let build = build(&root().join("examples/first-draft.charter"));
    assert!(!build.status.is_final());
    let md = build.markdown();
    assert!(md.contains("**Status:** DRAFT — "));
    assert!(md.contains("\n## Open issues\n"));
    // Each issue points to the numbered section or clause it concerns, never to a line of the
    // source (issue 16).
    let appendix = md.split("\n## Open issues\n").nth(1).unwrap();
    let items: Vec<&str> = appendix.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(items.len(), build.status.issues.len());
    assert!(!appendix.contains("Line "));
    assert!(appendix.contains(
        "- **To resolve:** Section 6 (Economics). Revenue shares add up to 95%, not 100%."
    ));
    assert!(appendix
        .contains("- **To resolve:** Clause 4.1 (Partnership Steering Committee). Unknown key"));
    assert!(appendix.contains("- **To resolve:** The agreement as a whole. The agreement has no"));
    for heading in [
        "\n## 4. Governance\n",
        "\n### 4.1 Partnership Steering Committee\n",
        "\n## 13. Signatures\n",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    let text = check_markdown(&md, "first-draft.charter");
    assert!(text.contains("Governing law\nNot stated"));
}

/// Nothing is final unless it says it is signed (issue 16): a clean agreement that says
/// nothing is a draft with no open issues; one that says it is for signature or signed is,
/// unless errors or TODOs are left, and then the document says why it is still a draft.
#[test]
fn a_document_is_at_the_stage_it_says_unless_something_is_open() {
    let spec = std::fs::read_to_string(root().join("examples/northwind-contoso.charter")).unwrap();
    let law = "  governing_law: \"England and Wales\"\n";
    assert!(spec.contains(law));
    let with = |keys: &str| spec.replacen(law, &format!("{law}{keys}"), 1);
    let at = |text: &str| {
        let build = Build::from_text(text, &Options::default());
        let json: serde_json::Value = serde_json::from_str(&build.json()).unwrap();
        let status = &json["status"];
        (
            build.markdown(),
            status["stage"].as_str().unwrap().to_string(),
            status["final"].as_bool().unwrap(),
            status["clean"].as_bool().unwrap(),
        )
    };
    // Clean, saying nothing: a draft, not "Final".
    let (md, stage, is_final, clean) = at(&spec);
    assert_eq!((stage.as_str(), is_final, clean), ("draft", false, true));
    assert!(md.contains("**Status:** DRAFT — no open issues."), "{md}");
    assert!(!md.contains("Final") && !md.contains("Open issues"));
    // For signature, with its version, date, legend and binding parts.
    let (md, stage, is_final, _) = at(&with(
        "  status: for_signature\n  version: \"Draft 3\"\n  dated: 2027-03-01\n  legend: [\"Subject to contract\", \"Confidential\"]\n  binding: [confidentiality, exclusivity, costs]\n",
    ));
    assert_eq!((stage.as_str(), is_final), ("for_signature", false));
    assert!(
        md.contains("\nSUBJECT TO CONTRACT. CONFIDENTIAL.\n"),
        "{md}"
    );
    assert!(md.contains("**Status:** For signature. **Version:** Draft 3, 1 March 2027."));
    assert!(
        md.contains("Only these parts bind the parties: confidentiality, exclusivity and costs.")
    );
    // Signed: final.
    let (md, stage, is_final, _) = at(&with("  status: signed\n  signed: 2027-01-15\n"));
    assert_eq!((stage.as_str(), is_final), ("signed", true));
    assert!(md.contains("**Status:** Signed on 15 January 2027."));
    // Signed, but a TODO is left: a draft, and the document says why.
    let todo = with("  status: signed\n").replacen(
        "purpose: \"",
        "purpose: \"TODO: confirm the market. ",
        1,
    );
    let (md, stage, is_final, _) = at(&todo);
    assert_eq!((stage.as_str(), is_final), ("draft", false));
    assert!(
        md.contains("**Status:** DRAFT — it says it is signed, but 1 TODO remains; see Open issues at the end."),
        "{md}"
    );
    assert!(md.contains("\n## Open issues\n"));
    // `none` or `all` with other parts contradicts itself.
    let both = Build::from_text(&with("  binding: [none, costs]\n"), &Options::default());
    assert!(build_has(
        &both,
        "type-mismatch",
        "`none` cannot be listed with other parts"
    ));
}

/// A party's short name is defined once, with its legal name, and used throughout; its
/// signature block keeps the legal name (issue 16).
#[test]
fn a_party_is_defined_by_its_short_name_and_called_by_it() {
    let md = build(&root().join("examples/joint-venture.charter")).markdown();
    assert!(md.contains("A joint venture between Starbucks Corporation (“Starbucks”) and Tata Global Beverages Limited (“Tata”), effective"));
    assert!(md.contains("| Tata Global Beverages Limited (“Tata”) |"));
    assert!(md.contains("- Starbucks may require Tata to sell"), "{md}");
    assert!(md.contains("Signed for and on behalf of Tata Global Beverages Limited\\\n"));
    // Outside the definitions and signature blocks, the legal name is not repeated.
    let body = md.split("## 14. Signatures").next().unwrap();
    assert_eq!(
        body.matches("Tata Global Beverages Limited").count(),
        3,
        "{body}"
    );
}

fn build_has(build: &Build, rule: &str, message: &str) -> bool {
    build
        .diagnostics
        .iter()
        .any(|d| d.rule == rule && d.message.contains(message))
}

/// The raw Markdown reads cleanly (issue 16): a backslash stands only where the character
/// after it would be markup there. In the term sheets of the examples and the real
/// agreements (the hostile fixture aside), no full stop inside a word or an address, no
/// `&`, `!`, `]`, `>`, `)` or `=` inside a line, and no `_` inside a word is escaped.
#[test]
fn the_raw_markdown_escapes_only_what_would_be_markup() {
    let needless = [
        ("\\.", "a full stop"),
        ("\\& ", "an ampersand"),
        ("\\!", "an exclamation mark"),
        ("\\]", "a closing bracket"),
        ("\\>", "a closing angle bracket"),
        ("\\=", "an equals sign"),
    ];
    let mut checked = 0;
    for path in inputs() {
        if path.ends_with("hostile.charter") {
            continue;
        }
        let md = build(&path).markdown();
        for line in md.lines() {
            for (escaped, what) in needless {
                for (i, _) in line.match_indices(escaped) {
                    // At the start of a line, or after `www` / leading digits, they are markup.
                    let before = &line[..i];
                    let allowed = escaped == "\\."
                        && (before.ends_with("www")
                            || before.ends_with("WWW")
                            || before.chars().all(|c| c.is_ascii_digit()));
                    assert!(
                        allowed,
                        "{}: {what} is escaped where it is not markup: {line}",
                        path.display()
                    );
                }
            }
            let bytes = line.as_bytes();
            for (i, _) in line.match_indices("\\_") {
                let word = |j: usize| bytes.get(j).is_some_and(|b| b.is_ascii_alphanumeric());
                assert!(
                    !(i > 0 && word(i - 1) && word(i + 2)),
                    "{}: an underscore inside a word is escaped: {line}",
                    path.display()
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 19);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    use crate::common::literal;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// Whatever the names, the term sheet keeps its structure and the title comes out
        /// word for word.
        #[test]
        fn any_names_keep_the_structure(
            a in "[ -~\n\t]{0,40}",
            b in "[ -~\n]{0,40}",
            c in "[ -~\n]{0,40}",
        ) {
            let text = format!(
                "agreement {} {{\n  model: contractual\n  purpose: {}\n  effective: 2027-01-01\n  term: 1 year\n  governing_law: {}\n  party x {} {{ jurisdiction: {} }}\n  party y {} {{ signatory: {} }}\n  contributions {{ from x {{ resource {} {{ kind: cash  value: USD 1  schedule: {} }} }} }}\n  metrics {{ metric m {} {{ kind: qualitative  target: >= 4  source: {} }} }}\n  clause k {} {{ text: {} }}\n}}\n",
                literal(&a), literal(&b), literal(&c), literal(&a), literal(&b), literal(&c),
                literal(&a), literal(&b), literal(&c), literal(&a), literal(&b), literal(&c), literal(&a),
            );
            let build = Build::from_text(&text, &Options::default());
            let md = build.markdown();
            let plain = check_markdown(&md, &text);
            let title: String = a.split_whitespace().collect::<Vec<_>>().join(" ");
            if !title.is_empty() {
                let first = plain.lines().next().unwrap_or_default();
                prop_assert_eq!(first, title.as_str());
            }
            let _ = build.json();
            let _ = build.html();
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTML

#[test]
fn html_pages_are_self_contained() {
    for path in inputs() {
        let build = build(&path);
        let html = build.html();
        let context = path.display().to_string();
        assert!(html.starts_with("<!DOCTYPE html>"), "{context}");
        for attribute in ["src=", "href=", "url(", "@import"] {
            assert!(
                !html.contains(attribute),
                "{context}: the page loads {attribute}"
            );
        }
        assert!(!html.contains("<a "), "{context}: a link is in the page");
        assert!(!html.contains("<img"), "{context}: an image is in the page");
        assert!(
            !html.contains("<script"),
            "{context}: a script is in the page"
        );
        assert!(html.contains("<h1>"), "{context}");
        assert!(html.contains("<table>"), "{context}");
        assert_eq!(
            html.contains("class=\"draft\""),
            build.status.stage() == charter::model::DocumentStatus::Draft,
            "{context}"
        );
    }
    let html = build(&root().join("examples/northwind-contoso.charter")).html();
    assert!(html.contains("<title>Northwind–Contoso Loyalty Data Alliance (draft)</title>"));
    // Printed, every page carries its number and the legend in its margins, and a table
    // that runs over a page repeats its header row.
    let draft = build(&root().join("examples/first-draft.charter")).html();
    assert!(
        draft.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);")
    );
    assert!(draft.contains("@top-center { content: \"SUBJECT TO CONTRACT\";"));
    assert!(draft.contains("thead { display: table-header-group; }"));
    let signed = build(&root().join("examples/equity-cross-holding.charter")).html();
    assert!(signed.contains("<title>Daimler, Renault and Nissan Cooperation Agreement</title>"));
    assert!(!signed.contains("class=\"draft\""));
    assert!(html.contains("<h1>Northwind–Contoso Loyalty Data Alliance</h1>"));
    let hostile = build(&root().join("tests/fixtures/emit/hostile.charter")).html();
    assert!(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!hostile.contains("<div onclick"));
    assert!(!hostile.contains("<b>"));
}

#[test]
fn nothing_panics_on_odd_input() {
    let deep = format!("agreement \"x\" {{ {} }}", "governance { ".repeat(40));
    for text in [
        "",
        "\u{feff}",
        "agreement",
        "agreement \"\" { }",
        &deep,
        "agreement \"x\" { party a \"\" {} party b \"\" {} sharing { revenue: { a: 79228162514264337593543950335%, b: 79228162514264337593543950335% } } }",
        "agreement \"x\" { contributions { from a { resource \"r\" { kind: cash value: USD 79,228,162,514,264,337,593,543,950,335 } resource \"s\" { kind: cash value: USD 79,228,162,514,264,337,593,543,950,335 } } } party a \"A\" {} effective: 9999-12-31 term: 4294967295 years }",
    ] {
        let build = Build::from_text(text, &Options::default());
        let _ = build.json();
        check_markdown(&build.markdown(), text);
        let _ = build.html();
    }
    let build = Build::from_bytes(b"\xff\xfe binary \0", &Options::default());
    assert_eq!(build.status.errors, 1);
    check_markdown(&build.markdown(), "binary");
}

#[test]
fn a_null_anywhere_in_a_document_is_seen() {
    let nested = serde_json::json!({"a": [1, {"b": null}], "c": "null and void"});
    assert!(!no_null(&nested));
    assert!(no_null(&serde_json::json!({"c": "null and void"})));
}

/// A value redacted, set out in another document or set by an event is shown where the value
/// goes, not only in the table of terms not stated: the body of the term sheet (before that
/// table) says "redacted" at least once for each redacted value, "as set out in" for each
/// value held in another document, and names each event.
#[test]
fn withheld_values_are_shown_where_they_go() {
    for path in inputs() {
        let build = build(&path);
        let json: serde_json::Value = serde_json::from_str(&build.json()).unwrap();
        let markdown = build.markdown().replace('\\', "");
        let body = markdown
            .split("## Terms not stated")
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let withheld = json["withheld"].as_array().cloned().unwrap_or_default();
        let count = |form: &str| withheld.iter().filter(|w| w.get(form).is_some()).count();
        let name = path.display();
        assert!(
            body.matches("redacted").count() >= count("redacted"),
            "{name}: a redacted value is not shown in place"
        );
        assert!(
            body.matches("as set out in").count() >= count("see"),
            "{name}: a value set out in another document is not shown in place"
        );
        for w in &withheld {
            let Some(event) = w.get("event") else {
                continue;
            };
            let text = event["event"]
                .as_str()
                .or_else(|| event["until"].as_str())
                .unwrap_or_default()
                .to_lowercase();
            let start: String = text.chars().take(20).collect();
            assert!(
                body.contains(&start),
                "{name}: the event {text:?} is not shown in place"
            );
        }
    }
}
