//! `charter fmt` and `charter init` through the real binary: exit statuses, what is written
//! and what is left alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use charter::check::{check_text, Options};
use charter::diagnostic::Severity;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// An agreement in the canonical layout.
const FORMATTED: &str = include_str!("../src/init/templates/contractual.charter");

/// The same agreement as [`FORMATTED`], laid out badly: the formatter turns it into
/// [`FORMATTED`].
fn messy() -> String {
    FORMATTED
        .replace("  model: contractual\n", "  model:contractual   \n")
        .replace("value: USD 500,000", "value: USD 500000")
        .replace("    review: quarterly\n", "        review :  quarterly\n")
}

/// A file with a syntax error on line 2.
const BROKEN: &str = "agreement \"T\" {\n  model: @\n}\n";

fn charter(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("charter");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = charter(dir);
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.as_bytes().to_vec());
    }
    let output = cmd.output().unwrap();
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

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn the_messy_agreement_formats_to_the_formatted_one() {
    assert_ne!(messy(), FORMATTED);
    assert_eq!(charter::fmt::format(&messy()).unwrap(), FORMATTED);
}

#[test]
fn check_passes_on_a_formatted_file_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", FORMATTED);
    let r = run(dir.path(), &["fmt", "--check", "a.charter"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("1 file already formatted"),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "a.charter"), FORMATTED);
}

#[test]
fn check_lists_the_files_that_would_change_with_a_diff_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/messy.charter", messy());
    write(dir.path(), "deals/tidy.charter", FORMATTED);
    let r = run(dir.path(), &["fmt", "--check", "deals"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("--- deals/messy.charter\n+++ deals/messy.charter\n@@ "),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n-  model:contractual   \n+  model: contractual\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n-        value: USD 500000\n+        value: USD 500,000\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("tidy"), "{}", r.stdout);
    assert!(
        r.stderr.contains("would reformat `deals/messy.charter`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("1 file would be reformatted, 1 file already formatted."),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "deals/messy.charter"), messy());
    assert_eq!(read(dir.path(), "deals/tidy.charter"), FORMATTED);
}

#[test]
fn fmt_rewrites_files_in_place_and_leaves_nothing_behind() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/messy.charter", messy());
    write(dir.path(), "deals/tidy.charter", FORMATTED);
    write(dir.path(), "deals/notes.txt", "not an agreement {");
    let r = run(dir.path(), &["fmt"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("formatted `deals/messy.charter`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("1 file formatted, 1 file already formatted."),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "deals/messy.charter"), FORMATTED);
    assert_eq!(read(dir.path(), "deals/notes.txt"), "not an agreement {");
    let mut names: Vec<String> = fs::read_dir(dir.path().join("deals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["messy.charter", "notes.txt", "tidy.charter"]);
    // A second run has nothing to do.
    let r = run(dir.path(), &["fmt", "--check"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    write(dir.path(), "real.charter", messy());
    let real = dir.path().join("real.charter");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.charter", dir.path().join("link.charter")).unwrap();
    let r = run(dir.path(), &["fmt", "link.charter"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(fs::symlink_metadata(dir.path().join("link.charter"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read(dir.path(), "real.charter"), FORMATTED);
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_file_with_a_syntax_error_is_not_touched() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "broken.charter", BROKEN);
    write(dir.path(), "messy.charter", messy());
    let r = run(dir.path(), &["fmt", "."], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("syntax-error"), "{}", r.stderr);
    assert!(r.stderr.contains("broken.charter:2:10"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`broken.charter` was not formatted"),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "broken.charter"), BROKEN);
    // The other file is still formatted.
    assert_eq!(read(dir.path(), "messy.charter"), FORMATTED);
    // `--check` fails on it too.
    let r = run(dir.path(), &["fmt", "--check", "broken.charter"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn files_that_are_not_text_are_not_touched() {
    let dir = TempDir::new().unwrap();
    let bytes = b"agreement \"T\xff\" {\n}\n";
    write(dir.path(), "latin1.charter", bytes);
    let r = run(dir.path(), &["fmt", "latin1.charter"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not valid UTF-8"), "{}", r.stderr);
    assert_eq!(fs::read(dir.path().join("latin1.charter")).unwrap(), bytes);
}

#[test]
fn line_ends_are_kept() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "crlf.charter", messy().replace('\n', "\r\n"));
    let r = run(dir.path(), &["fmt", "crlf.charter"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        read(dir.path(), "crlf.charter"),
        FORMATTED.replace('\n', "\r\n")
    );
}

#[test]
fn standard_input_to_standard_output() {
    let dir = TempDir::new().unwrap();
    let r = run(dir.path(), &["fmt", "-"], Some(&messy()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, FORMATTED);
    assert_eq!(r.stderr, "");

    let r = run(dir.path(), &["fmt", "--check", "-"], Some(&messy()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("--- <stdin>\n+++ <stdin>\n"),
        "{}",
        r.stdout
    );

    let r = run(dir.path(), &["fmt", "--check", "-"], Some(FORMATTED));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");

    let r = run(dir.path(), &["fmt", "-"], Some(BROKEN));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("<stdin>:2:10"), "{}", r.stderr);
}

#[test]
fn bad_paths_fail_the_run() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", messy());
    let r = run(dir.path(), &["fmt", "missing.charter", "a.charter"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("cannot read `missing.charter`"),
        "{}",
        r.stderr
    );
    // The other file is still formatted.
    assert_eq!(read(dir.path(), "a.charter"), FORMATTED);

    let r = run(dir.path(), &["fmt", "-", "a.charter"], Some(FORMATTED));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot be combined"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_rewritten() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    write(dir.path(), "ro.charter", messy());
    let path = dir.path().join("ro.charter");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let r = run(dir.path(), &["fmt", "ro.charter"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("cannot write `ro.charter`"),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "ro.charter"), messy());
}

// ---------------------------------------------------------------------------------------
// charter init

/// No error, and no warning other than `todo-left`.
fn assert_only_todos_left(text: &str, what: &str) {
    let diagnostics = check_text(text, &Options::default());
    let serious: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning && d.rule != "todo-left")
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect();
    assert!(serious.is_empty(), "{what}: {serious:#?}");
}

#[test]
fn init_prints_a_contractual_starter_by_default() {
    let dir = TempDir::new().unwrap();
    let r = run(dir.path(), &["init"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("  model: contractual\n"), "{}", r.stdout);
    assert!(r.stdout.contains("\"TODO: "), "{}", r.stdout);
    assert_only_todos_left(&r.stdout, "contractual");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn init_writes_a_starter_for_each_model() {
    let dir = TempDir::new().unwrap();
    for (model, file) in [
        ("contractual", "c.charter"),
        ("equity", "e.charter"),
        ("joint_venture", "jv.charter"),
        ("joint-venture", "jv2.charter"),
    ] {
        let r = run(dir.path(), &["init", "--model", model, file], None);
        assert_eq!(r.code, 0, "{model}: {}", r.stderr);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr.contains(&format!("created `{file}`")),
            "{}",
            r.stderr
        );
        let text = read(dir.path(), file);
        let key = model.replace('-', "_");
        assert!(text.contains(&format!("  model: {key}\n")), "{model}");
        assert_only_todos_left(&text, model);
        // Already formatted.
        assert_eq!(charter::fmt::format(&text).unwrap(), text, "{model}");
        // Every section is there.
        let mut sections = vec![
            "party",
            "governance",
            "contributions",
            "sharing",
            "liability",
            "ip",
            "compliance",
            "confidentiality",
            "covenants",
            "metrics",
            "disputes",
            "exit",
            "clause",
        ];
        match key.as_str() {
            "equity" => sections.push("equity"),
            "joint_venture" => sections.push("entity"),
            _ => {}
        }
        for section in sections {
            assert!(
                text.lines()
                    .any(|l| l.starts_with(&format!("  {section} "))),
                "{model}: no {section}"
            );
        }
        // `charter check` finds no error in it.
        let r = run(dir.path(), &["check", file], None);
        assert_eq!(r.code, 0, "{model}: {}", r.stderr);
    }
    assert_eq!(
        read(dir.path(), "jv.charter"),
        read(dir.path(), "jv2.charter")
    );
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deal.charter", "my own work");
    let r = run(
        dir.path(),
        &["init", "--model", "equity", "deal.charter"],
        None,
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("`deal.charter` already exists"),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "deal.charter"), "my own work");
}

#[test]
fn init_refuses_an_unknown_model_and_a_missing_folder() {
    let dir = TempDir::new().unwrap();
    let r = run(dir.path(), &["init", "--model", "merger"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("joint_venture"), "{}", r.stderr);
    let r = run(dir.path(), &["init", "no/such/folder/deal.charter"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot create"), "{}", r.stderr);
}
