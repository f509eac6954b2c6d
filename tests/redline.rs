//! The redline as a document (`charter diff OLD NEW --docx/--html`): for every fixture pair,
//! a snapshot of it (laid out as Markdown, which strikes deleted words and puts inserted
//! ones in bold), and the property that makes it a redline: accepting every change gives the
//! new term sheet, rejecting every change gives the old one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use charter::check::Options;
use charter::emit::document::{Block, Document, Inline, Run};
use charter::emit::Build;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(root().join("tests/fixtures/diff"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("old.charter").exists())
        .map(|p| (p.join("old.charter"), p.join("new.charter")))
        .collect();
    out.sort();
    assert!(out.len() >= 15, "fixtures are missing");
    out
}

fn sheet(path: &Path) -> Document<'static> {
    Build::from_bytes(&std::fs::read(path).unwrap(), &Options::default())
        .document()
        .into_owned()
}

fn redline(old: &Path, new: &Path) -> (Document<'static>, Document<'static>, Document<'static>) {
    let read = |p: &Path| {
        charter::diff::read(&std::fs::read_to_string(p).unwrap())
            .unwrap()
            .agreement
    };
    let changes = charter::diff::diff(&read(old), &read(new));
    let (old, new) = (sheet(old), sheet(new));
    let redline = charter::diff::redline(Some(&old), &new, &changes);
    (old, new, redline)
}

#[test]
fn redline_document_of_every_fixture_pair() {
    insta::glob!("fixtures/diff", "*/old.charter", |old| {
        let (_, _, redline) = redline(old, &old.with_file_name("new.charter"));
        insta::assert_snapshot!("redline", charter::emit::markdown::write(&redline));
    });
}

/// A run as it reads once every change is accepted (or rejected): `None` when it goes.
fn settle<'a>(run: &Run<'a>, accept: bool) -> Option<Run<'a>> {
    match run {
        Run::Deleted(t) if !accept => Some(Run::Text(t.clone())),
        Run::Inserted(t) if accept => Some(Run::Text(t.clone())),
        Run::DeletedBreak if !accept => Some(Run::Break),
        Run::InsertedBreak if accept => Some(Run::Break),
        Run::Deleted(_) | Run::Inserted(_) | Run::DeletedBreak | Run::InsertedBreak => None,
        other => Some(other.clone()),
    }
}

/// The text of an inline once settled, with its spacing made even (a word taken out leaves
/// its neighbours' spaces) and breaks as a mark of their own; `None` when nothing is left.
fn settled(text: &Inline, accept: bool) -> Option<String> {
    let runs = text.runs().iter().filter_map(|r| settle(r, accept));
    let mut out = String::new();
    for r in runs {
        match r {
            Run::Break => out.push_str(" ¶ "),
            Run::Text(t) | Run::Strong(t) => out.push_str(&t),
            _ => {}
        }
    }
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = flat
        .trim_matches(|c| c == ' ' || c == '¶')
        .trim()
        .to_string();
    (!flat.is_empty()).then_some(flat)
}

/// The blocks of a term sheet as text, one line each (a heading without its number, which
/// follows the version it is read in); a redline's once settled.
fn lines(blocks: &[Block], accept: bool) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Title { text } | Block::Paragraph { text } | Block::Heading { text, .. } => {
                out.extend(settled(text, accept));
            }
            Block::List { items, .. } => {
                let items: Vec<String> = items.iter().filter_map(|i| settled(i, accept)).collect();
                if !items.is_empty() {
                    out.push(format!("list: {}", items.join(" / ")));
                }
            }
            Block::Table { header, rows } => {
                let rows: Vec<String> = rows
                    .iter()
                    .filter_map(|r| {
                        let cells: Vec<Option<String>> =
                            r.iter().map(|c| settled(c, accept)).collect();
                        cells.iter().any(Option::is_some).then(|| {
                            cells
                                .into_iter()
                                .map(Option::unwrap_or_default)
                                .collect::<Vec<_>>()
                                .join(" | ")
                        })
                    })
                    .collect();
                if !rows.is_empty() {
                    out.push(format!("table {}: {}", header.join("/"), rows.join(" // ")));
                }
            }
        }
    }
    out
}

/// Where the redline's term sheet starts: after its heading "The term sheet, with the
/// changes marked".
fn marked_sheet<'d>(redline: &'d Document<'_>) -> &'d [Block<'d>] {
    let at = redline
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if text.plain().starts_with("The term sheet, with")))
        .expect("the redline holds the term sheet");
    &redline.blocks[at + 1..]
}

#[test]
fn accepting_every_change_gives_the_new_sheet_and_rejecting_them_the_old() {
    for (old_path, new_path) in pairs() {
        for (old_path, new_path) in [(&old_path, &new_path), (&new_path, &old_path)] {
            let (old, new, redline) = redline(old_path, new_path);
            let marked = marked_sheet(&redline);
            let case = format!("{} → {}", old_path.display(), new_path.display());
            similar_asserts(
                &lines(marked, true),
                &lines(&new.blocks, true),
                &format!("{case}: accepted"),
            );
            similar_asserts(
                &lines(marked, false),
                &lines(&old.blocks, false),
                &format!("{case}: rejected"),
            );
        }
    }
}

fn similar_asserts(got: &[String], want: &[String], case: &str) {
    if got != want {
        let diff = similar::TextDiff::from_lines(&want.join("\n"), &got.join("\n"))
            .unified_diff()
            .to_string();
        panic!("{case}:\n{diff}");
    }
}

/// The summary cites the clause of the term sheet each change concerns, by its number, or
/// its section when it names no clause.
#[test]
fn the_summary_cites_the_clauses_and_sections_by_number() {
    let dir = root().join("tests/fixtures/diff/governance");
    let (_, new, redline) = redline(&dir.join("old.charter"), &dir.join("new.charter"));
    let outline = new.outline();
    let number = |title: &str| {
        outline
            .iter()
            .find(|(_, t)| t == title)
            .map(|(n, _)| n.clone())
            .unwrap()
    };
    let rows = redline
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table { header, rows } if header.first().is_some_and(|h| h == "Section") => {
                Some(rows.clone())
            }
            _ => None,
        })
        .unwrap();
    let cited = |summary: &str| {
        rows.iter()
            .find(|r| r[1].plain() == summary)
            .map(|r| r[0].plain())
            .unwrap_or_else(|| panic!("no row {summary}"))
    };
    assert_eq!(
        cited("Quorum of the Alliance Steering Committee reduced from 3 to 2"),
        format!(
            "{} Alliance Steering Committee",
            number("Alliance Steering Committee")
        )
    );
    assert_eq!(
        cited("Progress reporting changed from monthly to quarterly"),
        format!("{}. Governance", number("Governance"))
    );
}
