//! The hostile review's crash findings, through the real binary: a finding past column
//! 65,535 of a line once made the human report panic (exit 101) in `check`, `build`,
//! `fmt --check` and `diff`, and aborted a whole `check DIR` run with no summary; a line of
//! a megabyte with 500 findings wrote half a gigabyte.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const GOOD: &str = include_str!("cli_clean.charter");

fn charter(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("charter");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

/// The clean agreement with an unknown key after 16,384 tabs (a 16 KB file), or after a
/// string of 70,000 characters on the same line.
fn far_along(tabs: bool) -> String {
    let (head, rest) = GOOD
        .split_once("  model: contractual\n")
        .expect("the agreement has a model line");
    let line = if tabs {
        format!("{}modle: x\n", "\t".repeat(16_384))
    } else {
        format!("  note: \"{}\"  modle: x\n", "x".repeat(70_000))
    };
    format!("{head}  model: contractual\n{line}{rest}")
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_finding_far_along_a_line_is_reported_in_every_command() {
    let dir = TempDir::new().unwrap();
    for (name, tabs) in [("tabs.charter", true), ("long.charter", false)] {
        fs::write(dir.path().join(name), far_along(tabs)).unwrap();
    }
    fs::write(dir.path().join("good.charter"), GOOD).unwrap();

    // `check DIR`: every file reported, then the summary line.
    let out = charter(dir.path()).args(["check", "."]).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("unknown key `modle`").count(), 2, "{err}");
    assert!(err.contains("tabs.charter:4:16385"), "{err}");
    assert!(err.contains("Checked 3 files in"), "{err}");
    assert!(err.len() < 100_000, "{} bytes", err.len());

    // `build`: a DRAFT, its finding shown.
    let out = charter(dir.path())
        .args(["build", "tabs.charter", "--markdown", "tabs.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("unknown key `modle`"));
    assert!(dir.path().join("tabs.md").exists());

    // `fmt --check` and `diff`: no crash.
    let out = charter(dir.path())
        .args(["fmt", "--check", "tabs.charter", "long.charter"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&out)
    );
    let out = charter(dir.path())
        .args(["diff", "good.charter", "long.charter"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{}",
        stderr_of(&out)
    );
    assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));
}

#[test]
fn a_megabyte_line_of_findings_prints_a_bounded_report() {
    let dir = TempDir::new().unwrap();
    let keys: Vec<String> = (0..100_000).map(|i| format!("k{i}: 1")).collect();
    let (head, rest) = GOOD.split_once("  model: contractual\n").unwrap();
    let text = format!("{head}  model: contractual\n  {}\n{rest}", keys.join(" "));
    assert!(text.len() > 900_000);
    fs::write(dir.path().join("many.charter"), text).unwrap();
    let out = charter(dir.path())
        .args(["check", "many.charter"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("more findings in this file"),
        "the list stops at 500"
    );
    // About half a kilobyte a finding (it was 1 MB each: 497 MB in all).
    assert!(err.len() < 1_000_000, "{} bytes", err.len());
}
