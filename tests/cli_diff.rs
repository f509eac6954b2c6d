//! `charter diff` through the real binary: exit statuses as diff(1) has them (0 no change in
//! terms, 1 changes, 2 trouble), Markdown and JSON on stdout, diagnostics on stderr, and
//! `--git REV FILE` against a temporary git repository (skipped when `git` is missing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

const NORTHWIND: &str = include_str!("../examples/northwind-contoso.charter");

/// Northwind with three major changes: the revenue shares and the notice for
/// termination for convenience.
fn changed() -> String {
    NORTHWIND
        .replace(
            "revenue: { northwind: 55%, contoso: 45% }",
            "revenue: { northwind: 60%, contoso: 40% }",
        )
        .replace(
            "termination convenience { notice: 90 days",
            "termination convenience { notice: 30 days",
        )
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = cargo_bin_cmd!("charter")
        .current_dir(dir)
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().expect("the process exited normally"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, contents).unwrap();
}

#[test]
fn changes_in_terms_exit_with_1_and_print_markdown() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(dir.path(), "new.charter", changed());
    let r = run(dir.path(), &["diff", "old.charter", "new.charter"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    assert!(
        r.stdout.starts_with("**3 major changes in terms**\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("### Revenue and costs"));
    assert!(r.stdout.contains(
        "| Notice for termination for convenience shortened from 90 days to 30 days | 90 days | 30 days | **major** |"
    ));
}

#[test]
fn the_redline_is_also_written_as_a_word_document() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(dir.path(), "new.charter", changed());
    let r = run(
        dir.path(),
        &[
            "diff",
            "old.charter",
            "new.charter",
            "--docx",
            "redline.docx",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("**3 major changes in terms**\n"));
    let docx = std::fs::read(dir.path().join("redline.docx")).unwrap();
    assert!(docx.starts_with(b"PK\x03\x04"));
    // Never over a version being compared.
    let r = run(
        dir.path(),
        &[
            "diff",
            "old.charter",
            "new.charter",
            "--docx",
            "new.charter",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("would overwrite a version being compared"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.charter")).unwrap(),
        changed()
    );
}

#[test]
fn the_redline_is_also_written_as_an_html_page() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(dir.path(), "new.charter", changed());
    let r = run(
        dir.path(),
        &[
            "diff",
            "old.charter",
            "new.charter",
            "--html",
            "redline.html",
            "--docx",
            "redline.docx",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let html = std::fs::read_to_string(dir.path().join("redline.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h2>Summary of changes</h2>"), "{html}");
    // The whole new term sheet, with what changed marked in place.
    assert!(html.contains("<del>") && html.contains("<ins>"), "{html}");
    assert!(html.contains("Signed for and on behalf of"), "{html}");
    assert!(dir.path().join("redline.docx").exists());
    // Two outputs, one file: refused.
    let r = run(
        dir.path(),
        &[
            "diff",
            "old.charter",
            "new.charter",
            "--html",
            "same.out",
            "--docx",
            "same.out",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("both name `same.out`"), "{}", r.stderr);
}

#[test]
fn no_change_in_terms_exits_with_0() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", NORTHWIND);
    // Comments and blank lines are not terms.
    write(
        dir.path(),
        "b.charter",
        format!("// Reviewed.\n\n{}\n\n// End.\n", NORTHWIND),
    );
    let r = run(dir.path(), &["diff", "a.charter", "b.charter"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "**No change in terms**\n");
    let r = run(
        dir.path(),
        &["diff", "--format", "json", "a.charter", "b.charter"],
    );
    assert_eq!(r.code, 0);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["changes"], serde_json::json!([]));
    assert_eq!(
        json["summary"],
        serde_json::json!({"major": 0, "minor": 0, "editorial": 0})
    );
}

#[test]
fn json_lists_each_change() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(dir.path(), "new.charter", changed());
    let r = run(
        dir.path(),
        &["diff", "old.charter", "new.charter", "--format", "json"],
    );
    assert_eq!(r.code, 1);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<&str> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "sharing.revenue.northwind",
            "sharing.revenue.contoso",
            "exit.termination.convenience.notice"
        ]
    );
    assert_eq!(json["changes"][1]["old"], "45%");
    assert_eq!(json["changes"][1]["new"], "40%");
    assert_eq!(json["summary"]["major"], 3);
}

#[test]
fn a_version_that_does_not_parse_is_trouble() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(
        dir.path(),
        "new.charter",
        NORTHWIND.replace("term: 3 years", "term: 3 yeers }"),
    );
    let r = run(dir.path(), &["diff", "old.charter", "new.charter"]);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "nothing is guessed: {}", r.stdout);
    assert!(r.stderr.contains("syntax-error"), "{}", r.stderr);
    assert!(r.stderr.contains("new.charter"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot compare the two versions: `new.charter` cannot be read"),
        "{}",
        r.stderr
    );
    // A value that cannot be read is trouble too: it would look removed.
    write(
        dir.path(),
        "new.charter",
        NORTHWIND.replace("effective: 2027-01-01", "effective: 2027-02-30"),
    );
    let r = run(dir.path(), &["diff", "old.charter", "new.charter"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid-date"), "{}", r.stderr);
}

#[test]
fn an_unknown_key_is_left_out_with_a_warning() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "old.charter", NORTHWIND);
    write(
        dir.path(),
        "new.charter",
        NORTHWIND.replace("quorum: 3", "quorm: 3"),
    );
    let r = run(dir.path(), &["diff", "old.charter", "new.charter"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown key `quorm`"), "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: the comparison leaves out"),
        "{}",
        r.stderr
    );
    assert!(r
        .stdout
        .contains("Quorum of the Alliance Steering Committee removed"));
}

#[test]
fn unknown_keys_are_listed_at_most_500_a_file_as_check_lists_them() {
    let dir = TempDir::new().unwrap();
    let notes: String = (0..600)
        .map(|i| format!("  clause c{i} \"Clause {i}\" {{ text: \"Agreed.\"  noet: \"x\" }}\n"))
        .collect();
    let end = NORTHWIND.rfind('}').unwrap();
    let with_notes = format!("{}{notes}{}", &NORTHWIND[..end], &NORTHWIND[end..]);
    write(dir.path(), "old.charter", NORTHWIND);
    write(dir.path(), "new.charter", &with_notes);
    let r = run(dir.path(), &["diff", "old.charter", "new.charter"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("unknown key `noet`").count(), 500);
    assert!(
        r.stderr
            .contains("… and 100 more findings in this file (100 errors) are not listed"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "the comparison leaves out of `new.charter` the 600 unknown keys or blocks above"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn files_that_cannot_be_read_and_bad_arguments_are_trouble() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", NORTHWIND);
    let r = run(dir.path(), &["diff", "a.charter", "missing.charter"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read `missing.charter`"),
        "{}",
        r.stderr
    );
    // Not text.
    write(dir.path(), "b.charter", b"\x00\x01binary");
    let r = run(dir.path(), &["diff", "a.charter", "b.charter"]);
    assert_eq!(r.code, 2);
    // One version only, or both a NEW and --git.
    assert_eq!(run(dir.path(), &["diff", "a.charter"]).code, 2);
    assert_eq!(
        run(
            dir.path(),
            &["diff", "--git", "HEAD", "a.charter", "a.charter"]
        )
        .code,
        2
    );
    assert_eq!(
        run(
            dir.path(),
            &["diff", "--format", "xml", "a.charter", "a.charter"]
        )
        .code,
        2
    );
}

// ---------------------------------------------------------------------------------------
// --git

fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .args([
            "-c",
            "user.name=Charter Tests",
            "-c",
            "user.email=tests@charter.example",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository with `deals/northwind.charter` committed, then changed in the working copy.
fn repository() -> Option<TempDir> {
    if !git_available() {
        eprintln!("git is not installed: the --git tests are skipped");
        return None;
    }
    let dir = TempDir::new().unwrap();
    git(dir.path(), &["init", "--quiet"]);
    write(dir.path(), "deals/northwind.charter", NORTHWIND);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "--quiet", "-m", "Draft 3"]);
    write(dir.path(), "deals/northwind.charter", changed());
    Some(dir)
}

#[test]
fn git_compares_a_revision_with_the_working_copy() {
    let Some(repo) = repository() else { return };
    let root = repo.path();
    let r = run(root, &["diff", "--git", "HEAD", "deals/northwind.charter"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("**3 major changes in terms**"),
        "{}",
        r.stdout
    );
    // From inside the folder, with a path relative to it.
    let r = run(
        &root.join("deals"),
        &[
            "diff",
            "--git",
            "HEAD",
            "northwind.charter",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["summary"]["major"], 3);
    // Committed: no change against HEAD.
    git(root, &["commit", "--quiet", "-am", "Draft 4"]);
    let r = run(root, &["diff", "--git", "HEAD", "deals/northwind.charter"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "**No change in terms**\n");
    let r = run(
        root,
        &["diff", "--git", "HEAD~1", "deals/northwind.charter"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn git_a_file_absent_at_the_revision_is_a_new_agreement() {
    let Some(repo) = repository() else { return };
    let root = repo.path();
    write(root, "deals/new.charter", NORTHWIND);
    let r = run(root, &["diff", "--git", "HEAD", "deals/new.charter"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("**New agreement**\n"), "{}", r.stdout);
    let r = run(
        root,
        &[
            "diff",
            "--git",
            "HEAD",
            "deals/new.charter",
            "--format",
            "json",
        ],
    );
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["changes"][0]["path"], "agreement");
    assert_eq!(json["changes"][0]["kind"], "added");
}

#[test]
fn git_trouble_exits_with_2() {
    let Some(repo) = repository() else { return };
    let root = repo.path();
    let r = run(
        root,
        &["diff", "--git", "no-such-branch", "deals/northwind.charter"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("there is no revision `no-such-branch`"),
        "{}",
        r.stderr
    );
    let r = run(
        root,
        &[
            "diff",
            "--git",
            "--upload-pack=x",
            "deals/northwind.charter",
        ],
    );
    assert_eq!(r.code, 2);
    // Outside any repository.
    let outside = TempDir::new().unwrap();
    write(outside.path(), "a.charter", NORTHWIND);
    let r = run(outside.path(), &["diff", "--git", "HEAD", "a.charter"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("cannot compare `a.charter` with `HEAD`"),
        "{}",
        r.stderr
    );
    // The version at the revision does not parse: its diagnostics name it.
    write(root, "deals/northwind.charter", "agreement \"broken\" {");
    git(root, &["commit", "--quiet", "-am", "Broken"]);
    write(root, "deals/northwind.charter", NORTHWIND);
    let r = run(root, &["diff", "--git", "HEAD", "deals/northwind.charter"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("deals/northwind.charter (at HEAD)"),
        "{}",
        r.stderr
    );
}
