//! What Charter reads and writes, through the real binary: reads are bounded and never wait,
//! outputs never replace inputs, temporaries are exclusive and cleaned up, `fmt` keeps what
//! it does not mean to change (owner, mode, hard links, an edit made meanwhile), paths are
//! printed with their control characters escaped, and a bug drawing one file's report does
//! not stop the run. `docs/limits.md` ("Files: what Charter reads and writes") states these
//! guarantees.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// An agreement in the canonical layout.
const FORMATTED: &str = include_str!("../src/init/templates/contractual.charter");

/// The complete agreement of SPEC §6: no errors.
const COMPLETE: &str = include_str!("cli_complete.charter");

/// [`FORMATTED`] laid out badly.
fn messy() -> String {
    FORMATTED
        .replace("  model: contractual\n", "  model:contractual   \n")
        .replace("    review: quarterly\n", "        review :  quarterly\n")
}

/// The complete agreement with one syntax error on line 3.
fn broken() -> String {
    COMPLETE.replacen("  model: contractual\n", "  model: @\n", 1)
}

fn charter(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("charter");
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .timeout(Duration::from_secs(60));
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = charter(dir).args(args).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
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

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every subcommand that reads an agreement, on `path`.
fn readers(path: &str) -> Vec<Vec<String>> {
    let p = path.to_string();
    vec![
        vec!["check".into(), p.clone()],
        vec![
            "build".into(),
            p.clone(),
            "--json".into(),
            "out.json".into(),
        ],
        vec!["fmt".into(), p.clone()],
        vec!["fmt".into(), "--check".into(), p.clone()],
        vec!["diff".into(), p.clone(), p],
    ]
}

fn run_owned(dir: &Path, args: &[String]) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(dir, &args)
}

// ---------------------------------------------------------------------------------------
// 1. Reads are bounded and never wait

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = TempDir::new().unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.charter"))
        .status()
        .unwrap();
    assert!(status.success());
    for args in readers("pipe.charter") {
        let mut cmd = charter(dir.path());
        let output = cmd
            .args(&args)
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot read `pipe.charter`: it is a named pipe (FIFO), not a file"),
            "{args:?}: {stderr}"
        );
    }
    assert!(!dir.path().join("out.json").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_refused_without_being_read() {
    let dir = TempDir::new().unwrap();
    for args in readers("/dev/zero") {
        let mut cmd = charter(dir.path());
        let output = cmd
            .args(&args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot read `/dev/zero`: it is a device, not a file"),
            "{args:?}: {stderr}"
        );
    }
    let r = run(dir.path(), &["build", "."]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("cannot read `.`: it is a folder, not a file"),
        "{}",
        r.stderr
    );
}

/// A file whose size is over the limit: sparse, so it costs no disk; the report names the
/// size and carries none of the text.
#[test]
fn a_file_over_the_limit_is_not_read_and_not_echoed() {
    let dir = TempDir::new().unwrap();
    for (name, size, mb) in [
        ("wide.charter", 70 * 1024 * 1024, 70),
        ("huge.charter", 4 * 1024 * 1024 * 1024, 4096),
    ] {
        let file = fs::File::create(dir.path().join(name)).unwrap();
        file.set_len(size).unwrap();
        drop(file);
        let message = format!("this file is {mb} MB, larger than the 64 MB Charter reads");
        for args in readers(name) {
            let started = SystemTime::now();
            let r = run_owned(dir.path(), &args);
            let took = started.elapsed().unwrap_or_default();
            let expected = if args[0] == "diff" { 2 } else { 1 };
            assert_eq!(r.code, Some(expected), "{args:?}: {}", r.stderr);
            assert!(r.stderr.contains(&message), "{args:?}: {}", r.stderr);
            assert!(
                r.stderr.len() + r.stdout.len() < 4096,
                "{args:?}: the report holds {} bytes",
                r.stderr.len() + r.stdout.len()
            );
            assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
        }
        assert_eq!(fs::metadata(dir.path().join(name)).unwrap().len(), size);
        assert!(!dir.path().join("out.json").exists());
    }
    // In the JSON report too, and from standard input.
    let r = run(dir.path(), &["check", "--format", "json", "wide.charter"]);
    assert!(r.stdout.contains("this file is 70 MB"), "{}", r.stdout);
    assert!(r.stdout.len() < 4096);
}

#[test]
fn standard_input_is_read_up_to_the_limit() {
    let dir = TempDir::new().unwrap();
    let input = vec![b' '; 64 * 1024 * 1024 + 10];
    let output = charter(dir.path())
        .args(["fmt", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("larger than the 64 MB Charter reads"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert!(stderr.len() < 4096);
}

// ---------------------------------------------------------------------------------------
// 2. Outputs never over inputs

#[test]
fn build_refuses_to_write_over_the_agreement() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/a.charter", COMPLETE);
    let mut outputs = vec![
        ("--markdown", "deals/a.charter".to_string()),
        ("--json", "./deals/a.charter".to_string()),
        ("--html", "deals/../deals/a.charter".to_string()),
    ];
    let folder = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    outputs.push(("--markdown", format!("../{folder}/deals/a.charter")));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("deals/a.charter", dir.path().join("link.md")).unwrap();
        fs::hard_link(
            dir.path().join("deals/a.charter"),
            dir.path().join("hard.md"),
        )
        .unwrap();
        outputs.push(("--markdown", "link.md".to_string()));
        outputs.push(("--json", "hard.md".to_string()));
    }
    for (flag, output) in &outputs {
        let r = run(dir.path(), &["build", "deals/a.charter", flag, output]);
        assert_eq!(r.code, Some(2), "{flag} {output}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!(
                "cannot write `{flag} {output}`: it is the agreement being built; choose another path"
            )),
            "{}",
            r.stderr
        );
        assert_eq!(read(dir.path(), "deals/a.charter"), COMPLETE);
    }
    // Nor over its settings.
    write(dir.path(), "deals/charter.toml", "[rules]\n");
    let r = run(
        dir.path(),
        &["build", "deals/a.charter", "--json", "deals/charter.toml"],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("the settings of"), "{}", r.stderr);
    assert_eq!(read(dir.path(), "deals/charter.toml"), "[rules]\n");
}

#[test]
fn build_refuses_two_outputs_in_one_file() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", COMPLETE);
    let r = run(
        dir.path(),
        &["build", "a.charter", "--json", "x", "--markdown", "./x"],
    );
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "`--json x` and `--markdown ./x` name the same file; give each output its own path"
        ),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("x").exists());
    // Standard output twice is allowed, as before.
    let r = run(
        dir.path(),
        &["build", "a.charter", "--json", "-", "--markdown", "-"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn check_refuses_a_report_over_a_file_being_checked() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/a.charter", COMPLETE);
    write(dir.path(), "deals/b.charter", COMPLETE);
    for (paths, output) in [
        (vec!["deals/a.charter"], "deals/a.charter"),
        (vec!["deals"], "./deals/b.charter"),
        (
            vec!["deals/a.charter", "deals/b.charter"],
            "deals/b.charter",
        ),
    ] {
        let mut args = vec!["check"];
        args.extend(&paths);
        args.extend(["-o", output, "--format", "json"]);
        let r = run(dir.path(), &args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("cannot write the report to `{output}`: it is")),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("choose another file for `--output`"),
            "{}",
            r.stderr
        );
        assert_eq!(read(dir.path(), "deals/a.charter"), COMPLETE);
        assert_eq!(read(dir.path(), "deals/b.charter"), COMPLETE);
    }
    // A file that is not checked is fine.
    let r = run(
        dir.path(),
        &["check", "deals/a.charter", "-o", "deals/b.charter"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// 3. Temporary files and outputs that are links

#[cfg(unix)]
#[test]
fn build_writes_through_an_output_link_and_leaves_no_temporary() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", COMPLETE);
    write(dir.path(), "out/real.md", "old");
    std::os::unix::fs::symlink("real.md", dir.path().join("out/sheet.md")).unwrap();
    let r = run(
        dir.path(),
        &["build", "a.charter", "--markdown", "out/sheet.md"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(fs::symlink_metadata(dir.path().join("out/sheet.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(read(dir.path(), "out/real.md").starts_with("# "));
    assert_eq!(names(&dir.path().join("out")), ["real.md", "sheet.md"]);
    // A link that names nothing yet: its file is created.
    std::os::unix::fs::symlink("new.json", dir.path().join("out/doc.json")).unwrap();
    let r = run(
        dir.path(),
        &["build", "a.charter", "--json", "out/doc.json"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(read(dir.path(), "out/new.json").contains("schema_version"));
    // A device is written to, not replaced.
    let r = run(dir.path(), &["build", "a.charter", "--json", "/dev/null"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!fs::metadata("/dev/null").unwrap().file_type().is_file());
}

#[cfg(unix)]
#[test]
fn the_report_file_is_replaced_whole_not_rewritten_in_place() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", broken());
    write(dir.path(), "report.txt", "old report\n");
    // A reader holding the old report (here, a second name for it) still has all of it.
    fs::hard_link(dir.path().join("report.txt"), dir.path().join("kept.txt")).unwrap();
    let r = run(
        dir.path(),
        &[
            "check",
            "a.charter",
            "--format",
            "concise",
            "-o",
            "report.txt",
        ],
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(read(dir.path(), "report.txt").contains("syntax-error"));
    assert_eq!(read(dir.path(), "kept.txt"), "old report\n");
    assert_eq!(names(dir.path()), ["a.charter", "kept.txt", "report.txt"]);
}

// ---------------------------------------------------------------------------------------
// 4. `fmt`: owner, mode, hard links, concurrent edits, links out of the tree, temporaries

#[cfg(unix)]
#[test]
fn fmt_keeps_the_owner_and_group_when_run_as_root() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", messy());
    let path = dir.path().join("a.charter");
    if std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_err() {
        eprintln!("not run as root: owner test skipped");
        return;
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
    let r = run(dir.path(), &["fmt", "a.charter"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(read(dir.path(), "a.charter"), FORMATTED);
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    assert_eq!(meta.mode() & 0o7777, 0o604);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_hard_links() {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new().unwrap();
    write(dir.path(), "deals/a.charter", messy());
    fs::hard_link(
        dir.path().join("deals/a.charter"),
        dir.path().join("deals/b.charter"),
    )
    .unwrap();
    let inode = fs::metadata(dir.path().join("deals/a.charter"))
        .unwrap()
        .ino();
    // Both names are walked; the file is formatted once.
    let r = run(dir.path(), &["fmt", "deals"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("1 file formatted"), "{}", r.stderr);
    for name in ["deals/a.charter", "deals/b.charter"] {
        assert_eq!(read(dir.path(), name), FORMATTED, "{name}");
        let meta = fs::metadata(dir.path().join(name)).unwrap();
        assert_eq!(meta.ino(), inode, "{name}");
        assert_eq!(meta.nlink(), 2, "{name}");
    }
    assert_eq!(names(&dir.path().join("deals")), ["a.charter", "b.charter"]);
}

/// `fmt` held (by a hook of debug builds) between formatting and writing, while the test
/// appends a note to the file: the note is kept and the run says so.
#[test]
fn fmt_never_overwrites_an_edit_made_while_it_runs() {
    for hard_link in [false, true] {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.charter", messy());
        if hard_link {
            fs::hard_link(dir.path().join("a.charter"), dir.path().join("b.txt")).unwrap();
        }
        let hold = dir.path().join("hold");
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_charter"))
            .current_dir(dir.path())
            .args(["fmt", "a.charter"])
            .env("CHARTER_TEST_HOLD_BEFORE_WRITE", &hold)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let ready = dir.path().join("hold.ready");
        for _ in 0..3000 {
            if ready.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(ready.exists(), "fmt never reached the write");
        let edited = format!("{}// a note added meanwhile\n", messy());
        fs::write(dir.path().join("a.charter"), &edited).unwrap();
        fs::write(dir.path().join("hold.go"), "").unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(
                "`a.charter` changed while it was being formatted; it was left as it is; run `charter fmt` again"
            ),
            "{stderr}"
        );
        assert_eq!(read(dir.path(), "a.charter"), edited);
        let mut expected = vec!["a.charter", "hold.go", "hold.ready"];
        if hard_link {
            expected.insert(1, "b.txt");
        }
        assert_eq!(names(dir.path()), expected, "no temporary is left");
    }
}

#[cfg(unix)]
#[test]
fn a_folder_walk_never_rewrites_a_file_outside_the_folder() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "outside/shared.charter", messy());
    write(dir.path(), "tree/own.charter", messy());
    std::os::unix::fs::symlink(
        "../outside/shared.charter",
        dir.path().join("tree/shared.charter"),
    )
    .unwrap();
    let r = run(dir.path(), &["fmt", "tree"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "`tree/shared.charter` was not formatted: it is a link to a file outside `tree`"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(read(dir.path(), "outside/shared.charter"), messy());
    assert_eq!(read(dir.path(), "tree/own.charter"), FORMATTED);
    // Named on the command line, the link is followed (as before).
    let r = run(dir.path(), &["fmt", "tree/shared.charter"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(read(dir.path(), "outside/shared.charter"), FORMATTED);
    // `check` reads such a link like any file.
    write(dir.path(), "outside/shared.charter", broken());
    let r = run(dir.path(), &["check", "tree", "--format", "concise"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stdout.contains("tree/shared.charter:3:10"),
        "{}",
        r.stdout
    );
}

#[test]
fn stale_temporaries_of_killed_runs_are_removed() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", messy());
    let ago = |secs: u64| SystemTime::now() - Duration::from_secs(secs);
    let live = std::process::id();
    let planted = [
        // A run whose process is gone, a minute ago: removed (where /proc tells).
        (".a.charter.charter-tmp-4000000000-AbC123", ago(60), true),
        // A live process, a minute ago: it may still be writing; kept.
        (
            &*format!(".a.charter.charter-tmp-{live}-XyZ789"),
            ago(60),
            false,
        ),
        // Older than 15 minutes: removed whatever its process.
        (
            &*format!(".b.charter.charter-tmp-{live}-Old000"),
            ago(3600),
            true,
        ),
        // From an earlier version of `charter fmt`, an hour ago: removed.
        (".charter-fmt-q1w2e3.tmp", ago(3600), true),
        // Just written: kept.
        (".c.charter.charter-tmp-4000000000-New111", ago(0), false),
        // Not a temporary: kept.
        (".notes.txt", ago(3600), false),
    ];
    for (name, modified, _) in &planted {
        write(dir.path(), name, "partial");
        let file = fs::File::options()
            .write(true)
            .open(dir.path().join(name))
            .unwrap();
        file.set_modified(*modified).unwrap();
    }
    let r = run(dir.path(), &["fmt", "a.charter"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let proc_tells = Path::new("/proc/self").exists();
    for (name, _, removed) in &planted {
        let removed = *removed && (proc_tells || !name.contains("4000000000"));
        assert_eq!(!dir.path().join(name).exists(), removed, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// 5. Paths are printed with their control characters escaped

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_escaped() {
    let dir = TempDir::new().unwrap();
    let name = "x\n::error title=Injected::gotcha.charter";
    write(dir.path(), name, broken());
    let shown = "x\\n::error title=Injected::gotcha.charter";
    for format in ["concise", "human", "github"] {
        let r = run(dir.path(), &["check", "--format", format, "."]);
        assert_eq!(r.code, Some(1), "{format}: {}", r.stderr);
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(
            !all.lines().any(|l| l.starts_with("::error title=Injected")),
            "{format}: {all}"
        );
        if format == "github" {
            // GitHub's own escaping of properties applies on top.
            assert!(
                all.contains("file=x\\n%3A%3Aerror title=Injected%3A%3Agotcha.charter"),
                "{all}"
            );
        } else {
            assert!(all.contains(shown), "{format}: {all}");
        }
    }
    // In messages too.
    let r = run(dir.path(), &["build", name, "--json", "out.json"]);
    assert!(
        r.stderr.contains(&format!(
            "`{shown}` was not built: fix its syntax errors first"
        )),
        "{}",
        r.stderr
    );
    let bidi = "contract\u{202e}fdp.charter";
    write(dir.path(), bidi, broken());
    let r = run(dir.path(), &["fmt", "--check", bidi]);
    assert!(
        r.stderr.contains("contract\\u{202e}fdp.charter"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains('\u{202e}'), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// 6. A bug drawing one file's report does not stop the run

/// A syntax error past column 65,535, which the human renderer (miette) could not draw:
/// the other file is still reported and the summary line printed.
#[test]
fn a_report_that_cannot_be_drawn_does_not_stop_the_run() {
    let dir = TempDir::new().unwrap();
    let wide = COMPLETE.replacen(
        "  model: contractual\n",
        &format!("{}model: @\n", " ".repeat(70_000)),
        1,
    );
    write(dir.path(), "deals/a.charter", wide);
    write(dir.path(), "deals/b.charter", broken());
    let r = run(dir.path(), &["check", "deals"]);
    assert!(matches!(r.code, Some(1 | 2)), "{:?}: {}", r.code, r.stderr);
    assert!(r.stderr.contains("deals/b.charter:3:10"), "{}", r.stderr);
    assert!(r.stderr.contains("deals/a.charter"), "{}", r.stderr);
    assert!(r.stderr.contains("Checked 2 files in "), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}
