//! `charter check` through the real binary: exit statuses, output formats, how paths are
//! found and what happens with files that cannot be read or checked.
//!
//! "Good" files are the complete agreement of SPEC §6, which must check without errors;
//! "broken" ones are the same agreement with one syntax error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// A valid agreement with no findings at all (SPEC §6 plus an assignment clause).
const GOOD: &str = include_str!("cli_clean.charter");

/// The complete agreement with a syntax error on line 2, column 10 (its `model` line
/// broken): its one diagnostic is that syntax error.
fn broken() -> String {
    let body = COMPLETE
        .split_once("  model: contractual\n")
        .map(|(_, rest)| rest)
        .expect("the complete agreement has a model line");
    format!("agreement \"T\" {{\n  model: @\n{body}")
}

/// The complete agreement of SPEC §6, which must check with no errors and no warnings.
const COMPLETE: &str = include_str!("cli_complete.charter");

/// `charter` run in `dir`, with the colour variables of the calling environment removed.
fn charter(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("charter");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, contents).unwrap();
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = charter(dir).args(args).output().unwrap();
    Run {
        code: output.status.code().expect("the process exited normally"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run(dir, &all);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    (run.code, value)
}

fn diagnostics(value: &Value) -> &Vec<Value> {
    value["diagnostics"].as_array().unwrap()
}

fn diagnostics_of<'a>(value: &'a Value, file: &str) -> Vec<&'a Value> {
    diagnostics(value)
        .iter()
        .filter(|d| d["file"] == file)
        .collect()
}

fn has_syntax_error(value: &Value, file: &str) -> bool {
    diagnostics_of(value, file)
        .iter()
        .any(|d| d["rule"] == "syntax-error")
}

// ---------------------------------------------------------------------------------------
// Exit statuses.

#[test]
fn the_complete_agreement_exits_0() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "complete.charter", COMPLETE);
    let run = run(dir.path(), &["check", "complete.charter"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_syntax_error_exits_1() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "broken.charter", broken());
    let run = run(dir.path(), &["check", "broken.charter"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn bad_arguments_exit_2() {
    let dir = TempDir::new().unwrap();
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--deny", "infos"],
        &["check", "--no-such-flag"],
        &["no-such-command"],
        &[],
    ] {
        let run = run(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let dir = TempDir::new().unwrap();
    for args in [&["--help"][..], &["--version"], &["check", "--help"]] {
        let run = run(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_missing_path_exits_2_and_the_other_files_are_still_checked() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "broken.charter", broken());
    write(dir.path(), "good.charter", GOOD);
    let run = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "broken.charter",
            "missing.charter",
            "good.charter",
        ],
    );
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "error: cannot read `missing.charter`: No such file or directory"
    );
    assert_eq!(
        lines.len(),
        2,
        "the error and the summary line: {}",
        run.stderr
    );
    assert!(run
        .stdout
        .starts_with("broken.charter:2:10: error[syntax-error] "));
    assert!(!run.stdout.contains("good.charter:1"));
}

#[test]
fn a_missing_path_in_the_human_format_is_counted_in_the_summary() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "broken.charter", broken());
    let run = run(dir.path(), &["check", "nowhere", "broken.charter"]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"error: cannot read `nowhere`: No such file or directory")
    );
    assert!(run.stderr.contains("broken.charter:2:10"), "{}", run.stderr);
    let last = lines.last().unwrap();
    assert!(last.starts_with("Checked 1 file in "), "{last}");
    assert!(
        last.ends_with("s: 1 error, 0 warnings. 1 path could not be checked."),
        "{last}"
    );
}

// ---------------------------------------------------------------------------------------
// Formats.

#[test]
fn concise_is_one_path_line_column_severity_rule_message_line_each() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", broken());
    write(dir.path(), "b.charter", "");
    let run = run(dir.path(), &["check", "--format", "concise", "."]);
    assert_eq!(run.code, 1);
    // Only the summary line on stderr.
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("Checked 2 files in "),
        "{}",
        run.stderr
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.len() >= 2, "{}", run.stdout);
    for line in &lines {
        let (place, rest) = line.split_once(": ").unwrap();
        let parts: Vec<&str> = place.split(':').collect();
        assert_eq!(parts.len(), 3, "{line}");
        assert!(parts[0].ends_with(".charter"), "{line}");
        assert!(parts[1].parse::<usize>().unwrap() >= 1, "{line}");
        assert!(parts[2].parse::<usize>().unwrap() >= 1, "{line}");
        let (tag, message) = rest.split_once(' ').unwrap();
        let (severity, rule) = tag.strip_suffix(']').unwrap().split_once('[').unwrap();
        assert!(["error", "warning", "info"].contains(&severity), "{line}");
        assert!(
            rule.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{line}"
        );
        assert!(!message.is_empty(), "{line}");
    }
    assert!(lines[0].starts_with("a.charter:2:10: error[syntax-error] "));
    assert!(lines
        .last()
        .unwrap()
        .starts_with("b.charter:1:1: error[syntax-error] "));
}

#[test]
fn json_has_exactly_the_keys_of_the_spec() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", broken());
    write(dir.path(), "b.charter", GOOD);
    let (code, value) = json(dir.path(), &["a.charter", "b.charter"]);
    assert_eq!(code, 1);
    let mut top: Vec<&String> = value.as_object().unwrap().keys().collect();
    top.sort();
    assert_eq!(top, ["diagnostics", "summary"]);
    let mut summary: Vec<&String> = value["summary"].as_object().unwrap().keys().collect();
    summary.sort();
    assert_eq!(summary, ["errors", "files", "infos", "warnings"]);
    assert_eq!(value["summary"]["files"], 2);

    let all = diagnostics(&value);
    assert!(!all.is_empty());
    for d in all {
        let mut keys: Vec<&String> = d.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "column",
                "end_column",
                "end_line",
                "file",
                "help",
                "line",
                "message",
                "rule",
                "severity"
            ]
        );
        assert!(d["help"].is_null() || d["help"].is_string());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().unwrap() >= 1, "{key} in {d}");
        }
    }
    let counted = |severity: &str| all.iter().filter(|d| d["severity"] == severity).count();
    assert_eq!(value["summary"]["errors"], counted("error"));
    assert_eq!(value["summary"]["warnings"], counted("warning"));
    assert_eq!(value["summary"]["infos"], counted("info"));

    let first = &all[0];
    assert_eq!(first["file"], "a.charter");
    assert_eq!(first["rule"], "syntax-error");
    assert_eq!(first["severity"], "error");
    assert_eq!((&first["line"], &first["column"]), (&2.into(), &10.into()));
    assert!(!has_syntax_error(&value, "b.charter"));
}

#[test]
fn json_columns_count_characters_not_bytes() {
    let dir = TempDir::new().unwrap();
    // `é` is two bytes: the `@` is the 16th character of line 2 but its 17th byte.
    write(
        dir.path(),
        "a.charter",
        "agreement \"T\" {\n  purpose: \"é\" @\n}\n",
    );
    let (_, value) = json(dir.path(), &["a.charter"]);
    let all = diagnostics(&value);
    let syntax = all
        .iter()
        .find(|d| d["rule"] == "syntax-error")
        .expect("a syntax error is reported");
    assert_eq!(
        (&syntax["line"], &syntax["column"]),
        (&2.into(), &16.into())
    );
}

#[test]
fn human_output_goes_to_stderr_with_a_summary() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", broken());
    write(dir.path(), "b.charter", GOOD);
    let run = run(dir.path(), &["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("error[syntax-error]"), "{}", run.stderr);
    assert!(run.stderr.contains("[a.charter:2:10]"), "{}", run.stderr);
    assert!(run.stderr.contains("model: @"), "{}", run.stderr);
    let last = run.stderr.lines().last().unwrap();
    assert!(last.starts_with("Checked 2 files in "), "{last}");
    assert!(last.ends_with('.'), "{last}");
}

#[test]
fn a_clean_run_says_so() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "complete.charter", GOOD);
    let run = run(dir.path(), &["check"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.starts_with("Checked 1 file in "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("s: no problems found.\n"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn no_color_means_no_escape_sequences() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", broken());
    // Forced colour shows that the test would see escape sequences if there were any.
    let forced = charter(dir.path())
        .args(["check", "a.charter"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8(forced.stderr).unwrap().contains('\u{1b}'));
    // NO_COLOR wins over everything.
    let plain = charter(dir.path())
        .args(["check", "a.charter", "nowhere"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8(plain.stderr).unwrap();
    assert!(stderr.contains("error[syntax-error]"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    // Not a terminal: no colour either.
    let piped = run(dir.path(), &["check", "a.charter"]);
    assert!(!piped.stderr.contains('\u{1b}'), "{}", piped.stderr);
}

#[test]
fn escape_sequences_in_a_file_are_never_sent_to_the_terminal() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "a.charter",
        "agreement \"\u{1b}]0;pwned\u{7}\" {\n  model: \u{1b}[2J\n}\n",
    );
    for format in ["human", "concise"] {
        let run = run(dir.path(), &["check", "--format", format, "a.charter"]);
        assert_eq!(run.code, 1);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains('\u{1b}'), "{format}: {all:?}");
        assert!(!all.contains('\u{7}'), "{format}: {all:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Finding the files.

#[test]
fn a_directory_with_one_broken_file_reports_it_and_checks_the_others() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/a.charter", GOOD);
    write(dir.path(), "deals/b.charter", broken());
    write(dir.path(), "deals/c.charter", GOOD);
    write(dir.path(), "deals/nested/d.charter", GOOD);
    write(dir.path(), "deals/notes.txt", broken());
    let (code, value) = json(dir.path(), &["deals"]);
    assert_eq!(code, 1);
    assert_eq!(value["summary"]["files"], 4);
    assert!(has_syntax_error(&value, "deals/b.charter"));
    for good in [
        "deals/a.charter",
        "deals/c.charter",
        "deals/nested/d.charter",
    ] {
        assert!(!has_syntax_error(&value, good), "{good}");
    }
    assert!(diagnostics_of(&value, "deals/notes.txt").is_empty());
}

#[test]
fn files_are_reported_in_path_order() {
    let dir = TempDir::new().unwrap();
    for name in ["z.charter", "a.charter", "m/b.charter", "m.charter"] {
        write(dir.path(), name, "");
    }
    let (_, value) = json(dir.path(), &[]);
    let files: Vec<&str> = diagnostics(&value)
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["a.charter", "m/b.charter", "m.charter", "z.charter"]
    );
}

#[test]
fn no_path_means_the_current_directory_shown_without_a_dot() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/b.charter", broken());
    let run = run(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("deals/b.charter:2:10: "),
        "{}",
        run.stdout
    );
}

#[test]
fn paths_are_shown_as_given() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/b.charter", broken());
    let run = run(dir.path(), &["check", "--format", "concise", "./deals"]);
    assert!(
        run.stdout.starts_with("./deals/b.charter:2:10: "),
        "{}",
        run.stdout
    );
}

#[test]
fn a_file_named_explicitly_is_checked_whatever_its_extension() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "draft.txt", broken());
    let run = run(dir.path(), &["check", "--format", "concise", "draft.txt"]);
    assert_eq!(run.code, 1);
    assert!(run
        .stdout
        .starts_with("draft.txt:2:10: error[syntax-error] "));
}

#[test]
fn a_file_reached_twice_is_checked_once() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/b.charter", broken());
    let (_, value) = json(dir.path(), &["deals", "deals/b.charter"]);
    assert_eq!(value["summary"]["files"], 1);
}

#[test]
fn gitignored_files_are_skipped_even_outside_a_git_repository() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), ".gitignore", "old/\nscratch.charter\n");
    write(dir.path(), "scratch.charter", broken());
    write(dir.path(), "old/v1.charter", broken());
    write(dir.path(), "deal.charter", GOOD);
    let (code, value) = json(dir.path(), &[]);
    assert_eq!(value["summary"]["files"], 1);
    assert!(diagnostics_of(&value, "scratch.charter").is_empty());
    assert!(diagnostics_of(&value, "old/v1.charter").is_empty());
    assert!(!has_syntax_error(&value, "deal.charter"));
    assert_ne!(code, 2);
}

#[test]
fn an_empty_directory_is_a_warning_not_a_failure() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let run = run(dir.path(), &["check", "empty"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "warning: no `.charter` files found in `empty`\nNo files were checked.\n"
    );
}

// ---------------------------------------------------------------------------------------
// Files that are not Charter text.

/// Check one file's bytes; expect exactly one `syntax-error`, and return it.
fn the_one_syntax_error(bytes: &[u8]) -> Value {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "x.charter", bytes);
    let (code, value) = json(dir.path(), &["x.charter"]);
    assert_eq!(code, 1);
    let all = diagnostics(&value);
    assert_eq!(all.len(), 1, "{value:#}");
    assert_eq!(all[0]["rule"], "syntax-error");
    assert_eq!(all[0]["severity"], "error");
    assert_eq!(value["summary"]["errors"], 1);
    all[0].clone()
}

#[test]
fn an_empty_file_gets_one_syntax_error_at_1_1() {
    let d = the_one_syntax_error(b"");
    assert_eq!((&d["line"], &d["column"]), (&1.into(), &1.into()));
}

#[test]
fn invalid_utf8_gets_one_syntax_error_naming_the_byte() {
    let d = the_one_syntax_error(b"agreement \"T\xe9\" {\n}\n");
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("UTF-8"), "{message}");
    assert!(message.contains("byte 12"), "{message}");
    assert_eq!((&d["line"], &d["column"]), (&1.into(), &13.into()));
}

#[test]
fn a_binary_file_gets_one_syntax_error() {
    // The start of a PNG image: not UTF-8 from the first byte.
    let d = the_one_syntax_error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    assert_eq!((&d["line"], &d["column"]), (&1.into(), &1.into()));
    // Valid UTF-8, but with zero bytes.
    the_one_syntax_error(b"agreement \0\0\0\x01\x02");
}

#[test]
fn files_that_are_not_text_render_in_every_format() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", b"\x89PNG\r\n\x1a\n\0\0");
    write(dir.path(), "b.charter", b"ab\0cd\xff");
    write(dir.path(), "c.charter", b"");
    for format in ["human", "concise", "json"] {
        let run = run(dir.path(), &["check", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------
// --deny warnings

#[test]
fn deny_warnings_is_accepted() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "complete.charter", COMPLETE);
    write(dir.path(), "broken.charter", broken());
    let clean = run(
        dir.path(),
        &["check", "--deny", "warnings", "complete.charter"],
    );
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    let broken = run(dir.path(), &["check", "broken.charter", "--deny=warnings"]);
    assert_eq!(broken.code, 1, "{}", broken.stderr);
}

#[test]
fn an_empty_current_folder_is_named_in_words() {
    let dir = TempDir::new().unwrap();
    let run = run(dir.path(), &["check"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("warning: no `.charter` files found in the current folder\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn rules_lists_every_rule_and_explain_prints_a_page() {
    let dir = TempDir::new().unwrap();
    let listed = run(dir.path(), &["rules"]);
    assert_eq!(listed.code, 0);
    for rule in charter::rules::REGISTRY {
        assert!(
            listed.stdout.contains(rule.meta().name),
            "{} missing from `charter rules`",
            rule.meta().name
        );
    }
    let page = run(dir.path(), &["explain", "shares-not-100"]);
    assert_eq!(page.code, 0);
    assert!(page.stdout.starts_with("# shares-not-100\n"));
    assert!(page.stdout.contains("## Why it matters"));
}

#[test]
fn explain_an_unknown_rule_suggests_the_closest_and_exits_2() {
    let dir = TempDir::new().unwrap();
    let run = run(dir.path(), &["explain", "shares-not-10"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .contains("there is no rule called `shares-not-10`; did you mean `shares-not-100`?"),
        "{}",
        run.stderr
    );
}

/// The clean agreement without its `liability` block: one `missing-recommended` warning.
fn with_a_warning() -> String {
    let start = GOOD.find("  liability {").expect("a liability block");
    let end = start + GOOD[start..].find("  }\n").expect("its end") + 4;
    format!("{}{}", &GOOD[..start], &GOOD[end..])
}

#[test]
fn charter_toml_is_found_by_walking_up_and_sets_levels() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/2027/a.charter", with_a_warning());
    let plain = run(dir.path(), &["check", "--format", "concise", "deals"]);
    assert_eq!(plain.code, 0);
    assert!(
        plain.stdout.contains("warning[missing-recommended]"),
        "{}",
        plain.stdout
    );

    write(
        dir.path(),
        "charter.toml",
        "[rules]\nmissing-recommended = \"error\"\n",
    );
    let raised = run(dir.path(), &["check", "--format", "concise", "deals"]);
    assert_eq!(raised.code, 1, "{}", raised.stdout);
    assert!(
        raised.stdout.contains("error[missing-recommended]"),
        "{}",
        raised.stdout
    );

    write(
        dir.path(),
        "deals/charter.toml",
        "[rules]\nmissing-recommended = \"allow\"\n",
    );
    let allowed = run(dir.path(), &["check", "--format", "concise", "deals"]);
    assert_eq!(allowed.code, 0);
    assert_eq!(allowed.stdout, "", "the nearest charter.toml wins");
}

#[test]
fn mistakes_in_charter_toml_are_reported_with_their_place() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", GOOD);
    write(
        dir.path(),
        "charter.toml",
        "[rules]\nno-mediaton = \"allow\"\n",
    );
    let run = run(dir.path(), &["check", "--format", "concise", "a.charter"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "charter.toml:2:1: error[unknown-rule] there is no rule called `no-mediaton`\n"
    );
}

#[test]
fn deny_warnings_turns_a_warning_into_an_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", with_a_warning());
    let plain = run(dir.path(), &["check", "--format", "concise", "a.charter"]);
    assert_eq!(plain.code, 0);
    let denied = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--deny",
            "warnings",
            "a.charter",
        ],
    );
    assert_eq!(denied.code, 1);
    assert!(
        denied.stdout.contains("error[missing-recommended]"),
        "{}",
        denied.stdout
    );
}

#[test]
fn build_writes_the_term_sheet_to_stdout_by_default() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", GOOD);
    let run = run(dir.path(), &["build", "a.charter"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("# Northwind–Contoso Loyalty Data Alliance\n"));
    // Clean, but it does not say it is signed: a draft with nothing open (issue 16).
    assert!(run.stdout.contains("**Status:** DRAFT — no open issues."));
    assert!(!run.stdout.contains("Final"));
    assert_eq!(run.stderr, "");
}

#[test]
fn build_writes_a_word_document() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", GOOD);
    let run = run(dir.path(), &["build", "a.charter", "--docx", "a.docx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "only the named output is written");
    let docx = fs::read(dir.path().join("a.docx")).unwrap();
    // A zip archive (OOXML), holding the document part.
    assert!(docx.starts_with(b"PK\x03\x04"));
    assert!(docx.windows(17).any(|w| w == b"word/document.xml"));
    // To standard output, as bytes.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
        .current_dir(dir.path())
        .args(["build", "a.charter", "--docx", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}

/// Without the `pdf` feature, `--pdf` says how to get a `charter` that writes PDFs, and
/// writes nothing.
#[cfg(not(feature = "pdf"))]
#[test]
fn pdf_without_the_feature_says_how_to_get_it() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", GOOD);
    let run = run(
        dir.path(),
        &["build", "a.charter", "--pdf", "a.pdf", "--docx", "a.docx"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--features pdf"), "{}", run.stderr);
    assert!(!dir.path().join("a.pdf").exists() && !dir.path().join("a.docx").exists());
    write(dir.path(), "b.charter", GOOD.replace("3 years", "2 years"));
    let diff = self::run(
        dir.path(),
        &["diff", "a.charter", "b.charter", "--pdf", "r.pdf"],
    );
    assert_eq!(diff.code, 2, "{}", diff.stderr);
    assert!(diff.stderr.contains("--features pdf"), "{}", diff.stderr);
}

#[test]
fn build_writes_each_named_output_and_a_draft_exits_1() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "a.charter",
        with_a_warning().replace("term: 3 years", "term: \"three years\""),
    );
    let run = run(
        dir.path(),
        &[
            "build",
            "a.charter",
            "--json",
            "out/a.json",
            "--markdown",
            "a.md",
            "--html",
            "a.html",
        ],
    );
    // `out/` does not exist: that output cannot be written (exit 2), the others are.
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot write `out/a.json`"),
        "{}",
        run.stderr
    );
    let markdown = fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert!(markdown.contains("**Status:** DRAFT"), "{markdown}");
    assert!(fs::read_to_string(dir.path().join("a.html"))
        .unwrap()
        .starts_with("<!DOCTYPE html>"));

    fs::create_dir(dir.path().join("out")).unwrap();
    let run2 = charter(dir.path())
        .args(["build", "a.charter", "--json", "out/a.json"])
        .output()
        .unwrap();
    assert_eq!(run2.status.code(), Some(1), "a draft with errors exits 1");
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out/a.json")).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 2);

    // Written together (the JSON on a thread of its own), each output is what it is alone.
    let run3 = charter(dir.path())
        .args([
            "build",
            "a.charter",
            "--markdown",
            "b.md",
            "--json",
            "out/b.json",
        ])
        .output()
        .unwrap();
    assert_eq!(run3.status.code(), Some(1));
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("out/b.json"), read("out/a.json"));
    assert_eq!(read("b.md"), markdown);
}

#[test]
fn build_writes_nothing_for_a_file_with_a_syntax_error() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.charter", broken());
    let run = run(dir.path(), &["build", "b.charter", "--markdown", "b.md"]);
    assert_eq!(run.code, 1);
    assert!(!dir.path().join("b.md").exists());
    assert!(run.stderr.contains("was not built"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}
