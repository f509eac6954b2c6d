//! `charter::diff`, the change in terms between two versions: one snapshot of the Markdown
//! redline and one of the JSON per fixture pair (`tests/fixtures/diff/<case>/{old,new}.charter`,
//! one case or more per section), and the properties every diff keeps:
//!
//! - a file against itself has no change;
//! - a file against a copy with other comments, blank lines, white space and item order has
//!   no major or minor change;
//! - swapping the old and new versions swaps added and removed (and old and new values);
//! - the Markdown parses back with every table whole and no markup from user text;
//! - nothing panics, whatever the input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use charter::diff::{self, Change, Impact, Kind, WordOp};
use charter::model::Agreement;
use charter::syntax::ast::{Item, Value, ValueKind};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Agreement {
    let text = std::fs::read_to_string(path).unwrap();
    diff::read(&text)
        .unwrap_or_else(|d| panic!("{} cannot be read: {d:#?}", path.display()))
        .agreement
}

fn read_text(text: &str) -> Agreement {
    diff::read(text)
        .unwrap_or_else(|d| panic!("cannot be read: {d:#?}\n{text}"))
        .agreement
}

/// Every example agreement.
fn examples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "charter"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "examples are missing");
    paths
}

/// Every fixture pair, as (case, old, new).
fn fixtures() -> Vec<(String, PathBuf, PathBuf)> {
    let mut cases: Vec<(String, PathBuf, PathBuf)> =
        std::fs::read_dir(root().join("tests/fixtures/diff"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, p.join("old.charter"), p.join("new.charter"))
            })
            .collect();
    cases.sort();
    assert!(cases.len() >= 15, "fixtures are missing");
    cases
}

// ---------------------------------------------------------------------------------------
// Snapshots

#[test]
fn redline_of_every_fixture_pair() {
    insta::glob!("fixtures/diff", "*/old.charter", |old_path| {
        let new_path = old_path.with_file_name("new.charter");
        let changes = diff::diff(&read(old_path), &read(&new_path));
        insta::assert_snapshot!("markdown", diff::markdown(&changes));
        insta::assert_snapshot!("json", diff::json(&changes));
    });
}

#[test]
fn every_section_has_a_fixture() {
    let mut seen = std::collections::BTreeSet::new();
    for (_, old, new) in fixtures() {
        for c in diff::diff(&read(&old), &read(&new)) {
            seen.insert(c.section.title());
        }
    }
    for section in [
        "Key terms",
        "Parties",
        "Equity",
        "Joint venture",
        "Governance",
        "Contributions",
        "Revenue and costs",
        "Liability",
        "Intellectual property",
        "Compliance",
        "Confidentiality",
        "Covenants",
        "Metrics and milestones",
        "Dispute resolution",
        "Exit",
        "Other clauses",
    ] {
        assert!(seen.contains(section), "no fixture changes {section}");
    }
}

// ---------------------------------------------------------------------------------------
// The words of a change

fn one(old: &str, new: &str) -> Vec<Change> {
    diff::diff(&read_text(old), &read_text(new))
}

const NORTHWIND: &str = include_str!("../examples/northwind-contoso.charter");

fn northwind_with(edits: &[(&str, &str)]) -> String {
    let mut text = NORTHWIND.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "{from:?} is not unique");
        text = text.replace(from, to);
    }
    text
}

#[test]
fn changes_read_like_a_lawyers_summary() {
    let new = northwind_with(&[
        (
            "revenue: { northwind: 55%, contoso: 45% }",
            "revenue: { northwind: 60%, contoso: 40% }",
        ),
        (
            "termination convenience { notice: 90 days",
            "termination convenience { notice: 30 days",
        ),
    ]);
    let changes = one(NORTHWIND, &new);
    let find = |path: &str| changes.iter().find(|c| c.path == path).unwrap();
    let revenue = find("sharing.revenue.contoso");
    assert_eq!(revenue.kind, Kind::Changed);
    assert_eq!(revenue.old.as_deref(), Some("45%"));
    assert_eq!(revenue.new.as_deref(), Some("40%"));
    assert_eq!(revenue.impact, Impact::Major);
    assert_eq!(
        revenue.summary,
        "Contoso Retail GmbH's revenue share reduced from 45% to 40%"
    );
    let notice = find("exit.termination.convenience.notice");
    assert_eq!(
        notice.summary,
        "Notice for termination for convenience shortened from 90 days to 30 days"
    );
    assert_eq!(changes.len(), 3);
    assert_eq!(diff::verdict(&changes), "3 major changes in terms");
}

#[test]
fn impacts_follow_the_issue() {
    let cases: &[(&str, &str, &str, Impact)] = &[
        ("term: 3 years", "term: 5 years", "term", Impact::Major),
        (
            "governing_law: \"England and Wales\"",
            "governing_law: \"Scotland\"",
            "governing_law",
            Impact::Major,
        ),
        (
            "signatory: \"Max Mustermann, Managing Director\"",
            "signatory: \"Erika Musterfrau\"",
            "parties.contoso.signatory",
            Impact::Major,
        ),
        // Who decides, and how, moves power (issue 16): decision rules, seats, chairs,
        // casting votes, quorums and reserved matters are major.
        (
            "quorum: 3",
            "quorum: 4",
            "governance.committee.steering.quorum",
            Impact::Major,
        ),
        (
            "      decides: majority\n    }\n    reporting",
            "      decides: unanimous\n    }\n    reporting",
            "governance.committee.steering.decides",
            Impact::Major,
        ),
        (
            "seats: { northwind: 2, contoso: 2 }",
            "seats: { northwind: 3, contoso: 2 }",
            "governance.committee.steering.seats.northwind",
            Impact::Major,
        ),
        (
            "      decides: unanimous\n    }\n    scope_change",
            "      decides: 2/3\n    }\n    scope_change",
            "governance.reserved_matters.decides",
            Impact::Major,
        ),
        (
            "meets: quarterly\n      quorum: 3",
            "meets: monthly\n      quorum: 3",
            "governance.committee.steering.meets",
            Impact::Minor,
        ),
        (
            "health_check: quarterly",
            "health_check: monthly",
            "governance.health_check",
            Impact::Minor,
        ),
        (
            "target: >= USD 5,000,000",
            "target: >= USD 4,000,000",
            "metrics.metric.joint_revenue.target",
            Impact::Minor,
        ),
        (
            "{ due: 2027-06-30 }",
            "{ due: 2027-07-31 }",
            "contributions.from.northwind.deliverable.\"Analytics API, version 1\".due",
            Impact::Minor,
        ),
        (
            "value: USD 2,000,000",
            "value: USD 2,500,000",
            "contributions.from.northwind.resource.\"Loyalty analytics engine\".value",
            Impact::Major,
        ),
        (
            "cap: USD 5,000,000",
            "cap: USD 4,000,000",
            "liability.cap",
            Impact::Major,
        ),
        (
            "wind_down: 6 months",
            "wind_down: 9 months",
            "exit.wind_down",
            Impact::Major,
        ),
        (
            "seat: \"London\"",
            "seat: \"Paris\"",
            "disputes.arbitration.seat",
            Impact::Major,
        ),
        (
            "renewal: by_agreement",
            "renewal: none",
            "renewal",
            Impact::Major,
        ),
        (
            "committee steering \"Alliance Steering Committee\"",
            "committee steering \"Steering Board\"",
            "governance.committee.steering.name",
            Impact::Editorial,
        ),
    ];
    for (from, to, path, impact) in cases {
        let changes = one(NORTHWIND, &northwind_with(&[(from, to)]));
        assert_eq!(changes.len(), 1, "{from} → {to}: {changes:#?}");
        assert_eq!(changes[0].path, *path);
        assert_eq!(changes[0].impact, *impact, "{path}");
    }
    // A reserved matter replaced: one removed, one added, both major.
    let changes = one(
        NORTHWIND,
        &northwind_with(&[("\"Expanding the scope\",", "\"Expanding the territory\",")]),
    );
    assert_eq!(changes.len(), 2, "{changes:#?}");
    assert!(changes
        .iter()
        .all(|c| c.path == "governance.reserved_matters.matters" && c.impact == Impact::Major));
}

#[test]
fn reworded_prose_is_never_editorial() {
    let note = "      note: \"Links the venture to each parent.\"\n";
    let base = northwind_with(&[(
        "      decides: majority\n    }\n    reporting",
        &format!("      decides: majority\n{note}    }}\n    reporting"),
    )]);
    let with = |text: &str| base.replace(note, &format!("      note: \"{text}\"\n"));
    // Only punctuation and capitals: the words are the same, and the impact is the note's.
    let changes = one(&base, &with("links the venture to each parent"));
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].impact, Impact::Editorial);
    assert!(changes[0]
        .summary
        .ends_with("punctuation or capitals changed"));
    // Other words: at least minor, "wording changed", with the words struck and inserted.
    let changes = one(
        &base,
        &with("Links the venture to each parent and to its lenders."),
    );
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let change = &changes[0];
    assert_eq!(change.impact, Impact::Minor);
    assert!(
        change.summary.contains("wording changed"),
        "{}",
        change.summary
    );
    let words = change.wording.as_ref().unwrap();
    let of = |op: WordOp| -> String {
        words
            .iter()
            .filter(|w| w.op == op)
            .map(|w| w.text.trim())
            .collect::<Vec<_>>()
            .join("|")
    };
    assert_eq!(of(WordOp::Deleted), "parent.");
    assert_eq!(of(WordOp::Inserted), "parent and to its lenders.");
    let md = diff::markdown(&changes);
    assert!(
        md.contains("~~parent.~~ **parent and to its lenders.**"),
        "{md}"
    );
    // A note added is words added: minor too.
    let changes = one(NORTHWIND, &base);
    assert_eq!(changes[0].impact, Impact::Minor);
    // The text of a free clause is a term: major.
    let clause = "clause publicity \"Publicity\" { text: \"Neither party announces the alliance alone.\" }\n}";
    let end = NORTHWIND.rfind('}').unwrap();
    let with_clause = |t: &str| format!("{}  {}\n", &NORTHWIND[..end], t);
    let changes = one(
        &with_clause(clause),
        &with_clause(&clause.replace("alone", "without consent")),
    );
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].impact, Impact::Major);
}

#[test]
fn an_id_renamed_with_the_same_name_is_one_change() {
    let dir = root().join("tests/fixtures/diff/renamed-ids");
    let changes = diff::diff(
        &read(&dir.join("old.charter")),
        &read(&dir.join("new.charter")),
    );
    let summaries: Vec<&str> = changes.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "Party id `contoso` renamed to `contoso_retail`",
            "Committee id `steering` renamed to `asc`"
        ]
    );
    assert!(changes.iter().all(|c| c.impact == Impact::Editorial));
    // A party renamed and given another legal name is another party: removed and added.
    let text = std::fs::read_to_string(dir.join("new.charter")).unwrap();
    let other = text.replace("\"Contoso Retail GmbH\"", "\"Contoso Handel GmbH\"");
    let changes = diff::diff(&read(&dir.join("old.charter")), &read_text(&other));
    assert!(changes
        .iter()
        .any(|c| c.path == "parties.contoso" && c.kind == Kind::Removed));
}

#[test]
fn covenant_terms_are_all_major() {
    let covenants = std::fs::read_to_string(root().join("examples/covenants.charter")).unwrap();
    let minimal = "agreement \"Empty\" { model: contractual }";
    for c in one(&covenants, minimal) {
        if ["covenants", "ip.license", "liability", "renewal"]
            .iter()
            .any(|p| c.path.starts_with(p))
            && !c.path.ends_with(".note")
        {
            assert_eq!(c.impact, Impact::Major, "{}", c.path);
        }
    }
    let paths: Vec<String> = one(&covenants, minimal)
        .into_iter()
        .map(|c| c.path)
        .collect();
    for expected in [
        "covenants.exclusivity",
        "covenants.non_compete",
        "covenants.first_refusal.\"Extra plant capacity\"",
        "covenants.minimum_commitment.\"Cell purchases\"",
        "ip.license.\"Pack integration and firmware\"",
        "liability.uncapped",
        "liability.liquidated_damages",
        "liability.termination_fee",
        "liability.warranty",
        "renewal",
        "renewal_term",
        "renewal_notice",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "no change at {expected}"
        );
    }
}

#[test]
fn verdicts() {
    assert_eq!(diff::verdict(&[]), "No change in terms");
    let change = |impact| Change {
        path: "x".into(),
        kind: Kind::Changed,
        old: None,
        new: None,
        impact,
        summary: String::new(),
        wording: None,
        section: diff::Section::Agreement,
    };
    let v = |impacts: &[Impact]| {
        let changes: Vec<Change> = impacts.iter().map(|i| change(*i)).collect();
        diff::verdict(&changes)
    };
    assert_eq!(v(&[Impact::Major]), "1 major change in terms");
    assert_eq!(
        v(&[Impact::Major, Impact::Major, Impact::Major, Impact::Minor]),
        "3 major, 1 minor change in terms"
    );
    assert_eq!(
        v(&[Impact::Minor, Impact::Editorial, Impact::Editorial]),
        "1 minor, 2 editorial changes in terms"
    );
    assert_eq!(
        diff::markdown(&[]),
        "**No change in terms**\n",
        "no tables when nothing changed"
    );
}

#[test]
fn a_new_agreement_is_one_change() {
    let new = read_text(NORTHWIND);
    let changes = diff::new_agreement(&new);
    assert_eq!(diff::verdict(&changes), "New agreement");
    assert_eq!(changes[0].path, "agreement");
    assert_eq!(changes[0].kind, Kind::Added);
    let md = diff::markdown(&changes);
    assert!(md.starts_with("**New agreement**\n"), "{md}");
    assert!(md.contains("Northwind–Contoso Loyalty Data Alliance"));
}

#[test]
fn the_json_has_the_documented_shape() {
    let new = northwind_with(&[("term: 3 years", "term: 2 years")]);
    let json: serde_json::Value = serde_json::from_str(&diff::json(&one(NORTHWIND, &new))).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["changes", "summary"]);
    let change = &json["changes"][0];
    let mut keys: Vec<&str> = change
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["impact", "kind", "new", "old", "path", "summary"]);
    assert_eq!(change["path"], "term");
    assert_eq!(change["kind"], "changed");
    assert_eq!(change["old"], "3 years");
    assert_eq!(change["new"], "2 years");
    assert_eq!(change["impact"], "major");
    assert_eq!(
        json["summary"],
        serde_json::json!({"major": 1, "minor": 0, "editorial": 0})
    );
    let added: serde_json::Value = serde_json::from_str(&diff::json(&one(
        NORTHWIND,
        &northwind_with(&[(
            "renewal: by_agreement",
            "renewal: by_agreement\n  signed: 2026-12-01",
        )]),
    )))
    .unwrap();
    assert_eq!(added["changes"][0]["old"], serde_json::Value::Null);
    assert_eq!(added["changes"][0]["new"], "1 December 2026");
}

#[test]
fn a_version_that_cannot_be_read_completely_is_not_compared() {
    for (what, text) in [
        ("syntax error", "agreement \"A\" { model: @ }"),
        ("type mismatch", "agreement \"A\" { term: 3 }"),
        ("invalid date", "agreement \"A\" { effective: 2027-02-30 }"),
        (
            "duplicate id",
            "agreement \"A\" { party a \"A\" {} party a \"B\" {} }",
        ),
        ("empty file", ""),
    ] {
        assert!(diff::read(text).is_err(), "{what} was read");
    }
    assert!(diff::read_bytes(b"agreement \"A\" { note: \"\xff\" }").is_err());
    // Findings of the checker do not stop a comparison: a first draft can be compared. Its
    // misspelt key is not a term; it is left out, and said to be.
    let draft = std::fs::read_to_string(root().join("examples/first-draft.charter")).unwrap();
    let version = diff::read(&draft).unwrap();
    let ignored: Vec<&str> = version.ignored.iter().map(|d| d.rule).collect();
    assert_eq!(ignored, ["unknown-key"]);
}

// ---------------------------------------------------------------------------------------
// Properties

#[test]
fn a_file_against_itself_has_no_change() {
    let mut files = examples();
    for (_, old, new) in fixtures() {
        files.push(old);
        files.push(new);
    }
    files.push(root().join("tests/fixtures/emit/hostile.charter"));
    for path in files {
        let a = read(&path);
        let b = read(&path);
        let changes = diff::diff(&a, &b);
        assert!(changes.is_empty(), "{}: {changes:#?}", path.display());
    }
}

/// The same agreement written another way: every block's items in reverse order (except
/// the dispute ladder's steps, whose order is a term), map entries and list items reversed,
/// other comments, blank lines and white space. Built from the syntax tree, so that it
/// stays the same agreement.
fn reshuffled(text: &str) -> String {
    let parsed = charter::syntax::parse(text);
    assert!(parsed.diagnostics.is_empty());
    let header = parsed.document.header.unwrap();
    let mut out = String::from("// A reshuffled copy.\n\n\n");
    out.push_str(&format!(
        "agreement   {}{{\n",
        &text[header.title.span.range()]
    ));
    items(text, &parsed.document.items, 1, false, &mut out);
    out.push_str("}\n\n// The end.\n");
    out
}

fn items(text: &str, list: &[Item], depth: usize, keep_order: bool, out: &mut String) {
    let mut list: Vec<&Item> = list.iter().collect();
    if !keep_order {
        list.reverse();
    }
    for (i, item) in list.into_iter().enumerate() {
        let pad = " ".repeat(depth * 3 + i % 2);
        if i % 2 == 0 {
            out.push_str(&format!("{pad}// item {i}\n"));
        }
        if i % 3 == 0 {
            out.push_str("\n\t\n");
        }
        match item {
            Item::Attribute(a) => {
                out.push_str(&format!("{pad}{}:\t ", a.key.as_str()));
                value(text, &a.value, out);
                out.push_str("   // trailing\n");
            }
            Item::Block(b) => {
                out.push_str(&pad);
                out.push_str(b.keyword.as_str());
                for label in &b.labels {
                    out.push_str("  ");
                    out.push_str(&text[label.span().range()]);
                }
                out.push_str(" {\n");
                let ladder = b.keyword.as_str() == "disputes";
                items(text, &b.items, depth + 1, ladder, out);
                out.push_str(&format!("{pad}  }}\n"));
            }
            Item::Damaged(_) => panic!("a damaged item in an example"),
        }
    }
}

fn value(text: &str, v: &Value, out: &mut String) {
    match &v.kind {
        ValueKind::Map(entries) => {
            out.push_str("{\n");
            for e in entries.iter().rev() {
                out.push_str(&format!("  {}  :  ", e.key.as_str()));
                value(text, &e.value, out);
                out.push_str(",\n");
            }
            out.push('}');
        }
        ValueKind::List(list) => {
            out.push_str("[ ");
            for item in list.iter().rev() {
                value(text, item, out);
                out.push_str(" ,\n ");
            }
            out.push(']');
        }
        _ => out.push_str(&text[v.span.range()]),
    }
}

#[test]
fn a_reshuffled_file_has_no_major_or_minor_change() {
    let mut files = examples();
    files.push(root().join("tests/fixtures/emit/hostile.charter"));
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let copy = reshuffled(&text);
        assert_ne!(copy, text);
        let changes = diff::diff(&read_text(&text), &read_text(&copy));
        let real: Vec<&Change> = changes
            .iter()
            .filter(|c| c.impact != Impact::Editorial)
            .collect();
        assert!(real.is_empty(), "{}: {real:#?}\n{copy}", path.display());
        // What is left is the order of lists, and only that.
        for c in &changes {
            assert!(
                c.summary.ends_with("the same items in another order"),
                "{}: {c:#?}",
                path.display()
            );
        }
    }
    // The formatting fixture: the same terms, written another way by hand.
    let dir = root().join("tests/fixtures/diff/formatting");
    let changes = diff::diff(
        &read(&dir.join("old.charter")),
        &read(&dir.join("new.charter")),
    );
    assert!(changes.is_empty(), "{changes:#?}");
}

/// A change as the test compares it: path, kind, old, new, impact.
type Row = (String, u8, Option<String>, Option<String>, Impact);

fn kind_order(k: Kind) -> u8 {
    match k {
        Kind::Added => 0,
        Kind::Removed => 1,
        Kind::Changed => 2,
    }
}

/// A change with old and new swapped, as the reverse diff must report it. An id renamed is
/// reported at the item's path in the new version, so its path swaps too.
fn swapped(c: &Change) -> Row {
    let kind = match c.kind {
        Kind::Added => Kind::Removed,
        Kind::Removed => Kind::Added,
        Kind::Changed => Kind::Changed,
    };
    let path = match (&c.old, &c.new) {
        (Some(o), Some(n)) if c.path.ends_with(&format!(".{n}.id")) => {
            let prefix = &c.path[..c.path.len() - n.len() - 3];
            format!("{prefix}{o}.id")
        }
        _ => c.path.clone(),
    };
    (
        path,
        kind_order(kind),
        c.new.clone(),
        c.old.clone(),
        c.impact,
    )
}

fn row(c: &Change) -> Row {
    (
        c.path.clone(),
        kind_order(c.kind),
        c.old.clone(),
        c.new.clone(),
        c.impact,
    )
}

fn sorted(mut v: Vec<Row>) -> Vec<Row> {
    v.sort();
    v
}

#[test]
fn swapping_old_and_new_swaps_added_and_removed() {
    let mut pairs: Vec<(PathBuf, PathBuf)> = fixtures()
        .into_iter()
        .map(|(_, old, new)| (old, new))
        .collect();
    let all = examples();
    for a in &all {
        for b in &all {
            pairs.push((a.clone(), b.clone()));
        }
    }
    for (a, b) in pairs {
        let (a_model, b_model) = (read(&a), read(&b));
        let forward = diff::diff(&a_model, &b_model);
        let backward = diff::diff(&b_model, &a_model);
        assert_eq!(
            sorted(forward.iter().map(swapped).collect()),
            sorted(backward.iter().map(row).collect()),
            "{} ⇄ {}",
            a.display(),
            b.display()
        );
        if a.starts_with(root().join("examples")) {
            assert_eq!(
                forward.is_empty(),
                a == b,
                "{} ⇄ {}",
                a.display(),
                b.display()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// The Markdown stays whole

/// The number of cells of a table row as written: its unescaped pipes, less one.
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

/// Parses the Markdown back: every table row has four cells, the only HTML is `<br>`, the
/// only bold is ours (the verdict, "major" and the words a rewording inserted), the only
/// strikethrough the words a rewording deleted, and nothing else is markup: no links,
/// images, code, emphasis, maths, footnotes or quotes. Returns the text.
fn check_markdown(md: &str, changes: &[Change], context: &str) -> String {
    let runs = |op: WordOp| -> Vec<String> {
        changes
            .iter()
            .flat_map(|c| c.wording.iter().flatten())
            .filter(|w| w.op == op)
            .map(|w| w.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let (deleted, inserted) = (runs(WordOp::Deleted), runs(WordOp::Inserted));
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = String::new();
    let mut strong: Option<String> = None;
    let mut struck: Option<String> = None;
    for (event, range) in
        Parser::new_ext(md, MdOptions::all() - MdOptions::ENABLE_SMART_PUNCTUATION)
            .into_offset_iter()
    {
        let source = md.get(range.clone()).unwrap_or_default();
        match &event {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let row = source.lines().next().unwrap_or_default();
                assert_eq!(cells(row), 4, "{context}: a row is not whole: {row}");
            }
            Event::Start(Tag::Strong) => strong = Some(String::new()),
            Event::End(TagEnd::Strong) => {
                let bold = strong.take().unwrap_or_default();
                let ours = bold == "major"
                    || bold.ends_with(" in terms")
                    || bold == "No change in terms"
                    || bold == "New agreement"
                    || inserted.contains(&words(&bold));
                assert!(ours, "{context}: bold text that is not ours: {bold:?}");
            }
            Event::Start(Tag::Strikethrough) => struck = Some(String::new()),
            Event::End(TagEnd::Strikethrough) => {
                let gone = struck.take().unwrap_or_default();
                assert!(
                    deleted.contains(&words(&gone)),
                    "{context}: struck text that is not a deletion: {gone:?}"
                );
            }
            Event::InlineHtml(html) => {
                assert_eq!(html.as_ref(), "<br>", "{context}: HTML at {source:?}");
                text.push('\n');
            }
            Event::Text(t) => {
                if let Some(s) = strong.as_mut() {
                    s.push_str(t);
                }
                if let Some(s) = struck.as_mut() {
                    s.push_str(t);
                }
                text.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => text.push('\n'),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Table(_) | Tag::TableCell)
            | Event::End(TagEnd::Table) => {}
            other => panic!("{context}: unexpected Markdown {other:?} from {source:?}"),
        }
    }
    text
}

const HOSTILE: &[&str] = &[
    "Evil | Corp **bold** __under__ *em* _em_ ~~strike~~ ==mark== ^sup^ ~sub~ $x^2$",
    "<script>alert(1)</script> <b>bold</b> <!-- c --> &amp; &#60; &lt;",
    "[x](http://evil) ![img](http://evil/i.png) [ref][1] [[wiki]] [^1]",
    "https://evil.example www.evil.example WWW.EVIL.EXAMPLE ftp://evil.example mailto:a@b.example",
    "evil@evil.example <https://evil.example> <a@b.example> javascript:alert(1)",
    "{#id .class} @cite [@cite]",
];

#[test]
fn hostile_text_stays_text() {
    let hostile =
        std::fs::read_to_string(root().join("tests/fixtures/emit/hostile.charter")).unwrap();
    let minimal = "agreement \"Minimal\" { model: contractual }";
    let dir = root().join("tests/fixtures/diff/hostile");
    let outputs = [
        ("minimal → hostile", one(minimal, &hostile)),
        ("hostile → minimal", one(&hostile, minimal)),
        (
            "hostile fixture",
            diff::diff(
                &read(&dir.join("old.charter")),
                &read(&dir.join("new.charter")),
            ),
        ),
        ("new agreement", diff::new_agreement(&read_text(&hostile))),
    ];
    for (context, changes) in &outputs {
        let md = &diff::markdown(changes);
        let text = check_markdown(md, changes, context);
        for bare in ["://", "www.", "WWW.", "@evil"] {
            let unescaped = md
                .match_indices(bare)
                .any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!unescaped, "{context}: {bare:?} is left unescaped");
        }
        if context.starts_with("minimal") {
            for payload in HOSTILE {
                assert!(
                    text.contains(payload),
                    "{context}: {payload:?} did not come out as text"
                );
            }
        }
    }
    // Hostile names in the summary column, too.
    let fixture = &outputs[2].1;
    let text = check_markdown(&diff::markdown(fixture), fixture, "hostile fixture");
    assert!(text.contains(
        "Resource “<img src=x onerror=alert(1)> | **new** [x](javascript:alert(1))” from 2) ordered added"
    ));
}

#[test]
fn every_redline_parses_back_cleanly() {
    for (case, old, new) in fixtures() {
        let changes = diff::diff(&read(&old), &read(&new));
        check_markdown(&diff::markdown(&changes), &changes, &case);
    }
    let all = examples();
    for a in &all {
        for b in &all {
            let changes = diff::diff(&read(a), &read(b));
            let context = format!("{} → {}", a.display(), b.display());
            check_markdown(&diff::markdown(&changes), &changes, &context);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Robustness

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn nothing_panics_on_damaged_or_odd_input() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let pieces = [
        "",
        "0",
        "-1",
        "999999999999999999999",
        "USD 1",
        "100%",
        "2/0",
        "0/0",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "\"\"\"\n",
        "yes",
        "all",
        "joint",
        "x",
        "9999 years",
        "2027-02-29",
        ">= 0",
        "\u{202e}",
        "|",
        "\n",
    ];
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let base = read_text(&text);
        for _ in 0..40 {
            let mut bytes = text.clone().into_bytes();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len());
                let end = (at + rng.below(12)).min(bytes.len());
                let piece = pieces[rng.below(pieces.len())];
                bytes.splice(at..end, piece.bytes());
            }
            let Ok(mutated) = diff::read_bytes(&bytes).map(|v| v.agreement) else {
                continue;
            };
            for changes in [diff::diff(&base, &mutated), diff::diff(&mutated, &base)] {
                let _ = diff::markdown(&changes);
                let _ = diff::json(&changes);
            }
        }
    }
    // An empty model on either side.
    let empty = Agreement::default();
    let full = read(&root().join("examples/covenants.charter"));
    assert!(!diff::diff(&empty, &full).is_empty());
    assert!(!diff::diff(&full, &empty).is_empty());
    assert!(diff::diff(&empty, &empty).is_empty());
    let _ = diff::markdown(&diff::new_agreement(&empty));
}
