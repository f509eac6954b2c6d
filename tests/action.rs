//! The GitHub Action (`action.yml`), run locally: each step's `run:` script is taken from
//! `action.yml` and run with bash as GitHub runs it (`bash --noprofile --norc -eo pipefail`),
//! with the step's `env:` (inputs filled in) and the variables GitHub sets
//! (`GITHUB_PATH`, `GITHUB_STEP_SUMMARY`, `GITHUB_WORKSPACE`, `RUNNER_TEMP`, …) pointing at
//! temporary files. `cargo` is replaced by a stand-in that records its arguments and installs
//! the `charter` built for these tests, so the test does not compile Charter again.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const ACTION: &str = include_str!("../action.yml");
const GOOD: &str = include_str!("cli_clean.charter");

/// One syntax error, at 2:10.
fn broken() -> String {
    let (_, rest) = GOOD
        .split_once("  model: contractual\n")
        .expect("a model line");
    format!("agreement \"T\" {{\n  model: @\n{rest}")
}

fn with_a_warning() -> String {
    let start = GOOD.find("  liability {").expect("a liability block");
    let end = start + GOOD[start..].find("  }\n").expect("its end") + 4;
    format!("{}{}", &GOOD[..start], &GOOD[end..])
}

#[derive(Debug)]
struct Step {
    name: String,
    shell: String,
    env: BTreeMap<String, String>,
    run: String,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
        .to_string()
}

/// The inputs and their defaults.
fn inputs() -> BTreeMap<String, String> {
    let mut inputs = BTreeMap::new();
    let mut in_inputs = false;
    let mut current = None;
    for line in ACTION.lines() {
        if indent(line) == 0 && !line.trim().is_empty() {
            in_inputs = line.trim() == "inputs:";
            continue;
        }
        if !in_inputs {
            continue;
        }
        if indent(line) == 2 && line.trim().ends_with(':') {
            let name = line.trim().trim_end_matches(':').to_string();
            inputs.insert(name.clone(), String::new());
            current = Some(name);
        } else if indent(line) == 4 {
            if let (Some(name), Some(value)) = (&current, line.trim().strip_prefix("default:")) {
                inputs.insert(name.clone(), unquote(value));
            }
        }
    }
    inputs
}

/// The steps of the composite action, in order. Only the layout `action.yml` uses is
/// understood: `- name:`, `shell:`, an `env:` map, and `run: |` blocks.
fn steps() -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut lines = ACTION.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("- name:") {
            steps.push(Step {
                name: name.trim().to_string(),
                shell: String::new(),
                env: BTreeMap::new(),
                run: String::new(),
            });
            continue;
        }
        let Some(step) = steps.last_mut() else {
            continue;
        };
        let at = indent(line);
        if let Some(shell) = trimmed.strip_prefix("shell:") {
            step.shell = shell.trim().to_string();
        } else if trimmed == "env:" {
            while let Some(next) = lines.peek() {
                if indent(next) <= at || next.trim().is_empty() {
                    break;
                }
                let (key, value) = next.trim().split_once(':').expect("KEY: value");
                step.env.insert(key.to_string(), value.trim().to_string());
                lines.next();
            }
        } else if trimmed == "run: |" {
            while let Some(next) = lines.peek() {
                if !next.trim().is_empty() && indent(next) <= at {
                    break;
                }
                let text = next.get(at + 2..).unwrap_or("");
                step.run.push_str(text);
                step.run.push('\n');
                lines.next();
            }
        }
    }
    steps
}

#[test]
fn the_action_is_composite_and_never_interpolates_into_run() {
    assert!(ACTION.contains("using: composite"));
    let steps = steps();
    assert_eq!(
        steps.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Install Charter", "Check agreements"]
    );
    for step in &steps {
        assert_eq!(step.shell, "bash", "{}", step.name);
        assert!(!step.run.is_empty(), "{}", step.name);
        assert!(
            !step.run.contains("${{"),
            "{}: an expression inside `run:` would be pasted into the script",
            step.name
        );
    }
    let inputs = inputs();
    assert_eq!(
        inputs.keys().map(String::as_str).collect::<Vec<_>>(),
        ["args", "paths", "sarif"]
    );
    assert_eq!(inputs["paths"], ".");
    // Every input reaches a script, through `env:`.
    let env_values: Vec<&String> = steps.iter().flat_map(|s| s.env.values()).collect();
    for name in inputs.keys() {
        let expression = format!("${{{{ inputs.{name} }}}}");
        assert!(env_values.contains(&&expression), "{name}");
    }
    assert!(steps[0].run.contains("cargo install --locked"));
    assert!(steps[1].run.contains("charter check --format github"));
}

/// A place that looks like a GitHub runner to the scripts.
struct Runner {
    _temp: TempDir,
    workspace: PathBuf,
    runner_temp: PathBuf,
    github_path: PathBuf,
    step_summary: PathBuf,
    fake_bin: PathBuf,
    cargo_log: PathBuf,
    bash: PathBuf,
}

impl Runner {
    fn new() -> Runner {
        let temp = TempDir::new().unwrap();
        let root = temp.path();
        let workspace = root.join("workspace");
        let runner_temp = root.join("runner-temp");
        let fake_bin = root.join("fake-bin");
        for dir in [&workspace, &runner_temp, &fake_bin] {
            fs::create_dir_all(dir).unwrap();
        }
        let github_path = root.join("github_path");
        let step_summary = root.join("step_summary.md");
        fs::write(&github_path, "").unwrap();
        fs::write(&step_summary, "").unwrap();
        let cargo_log = root.join("cargo.log");
        // The stand-in for `cargo`: record the arguments, "install" the test binary.
        let cargo = fake_bin.join("cargo");
        fs::write(
            &cargo,
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$FAKE_CARGO_LOG\"\nroot=\nwhile [ $# -gt 0 ]; do\n  if [ \"$1\" = --root ]; then root=$2; fi\n  shift\ndone\nmkdir -p \"$root/bin\"\nln -sf \"$FAKE_CHARTER\" \"$root/bin/charter\"\n",
        )
        .unwrap();
        make_executable(&cargo);
        Runner {
            _temp: temp,
            workspace,
            runner_temp,
            github_path,
            step_summary,
            fake_bin,
            cargo_log,
            bash: find_program("bash").expect("bash is installed"),
        }
    }

    /// Run one step's script with the given inputs; its exit status, stdout and stderr.
    fn run_step(
        &self,
        step: &Step,
        inputs: &BTreeMap<String, String>,
        path: &str,
    ) -> (i32, String, String) {
        let script = self.runner_temp.join("step.sh");
        fs::write(&script, &step.run).unwrap();
        let mut cmd = Command::new(&self.bash);
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script)
            .current_dir(&self.workspace)
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.runner_temp.as_os_str())
            .env("CI", "true")
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_WORKSPACE", &self.workspace)
            .env("GITHUB_PATH", &self.github_path)
            .env("GITHUB_STEP_SUMMARY", &self.step_summary)
            .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
            .env("GITHUB_SERVER_URL", "https://github.com")
            .env("GITHUB_REPOSITORY", "acme/alliances")
            .env("GITHUB_SHA", "5eed")
            .env("RUNNER_TEMP", &self.runner_temp)
            .env("FAKE_CARGO_LOG", &self.cargo_log)
            .env("FAKE_CHARTER", env!("CARGO_BIN_EXE_charter"));
        for (key, value) in &step.env {
            cmd.env(key, expand(value, inputs));
        }
        let output = cmd.output().unwrap();
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    }

    /// PATH for the check step: what the install step added to `$GITHUB_PATH`, first.
    fn path_after_install(&self) -> String {
        let added = fs::read_to_string(&self.github_path).unwrap();
        let mut parts: Vec<String> = added.lines().rev().map(str::to_string).collect();
        parts.push(system_path());
        parts.join(":")
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) {
        let path = self.workspace.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
}

/// An expression of `env:` as GitHub evaluates it, for the two kinds `action.yml` uses.
fn expand(value: &str, inputs: &BTreeMap<String, String>) -> String {
    let value = value.trim();
    if value == "${{ github.action_path }}" {
        return env!("CARGO_MANIFEST_DIR").to_string();
    }
    if let Some(name) = value
        .strip_prefix("${{ inputs.")
        .and_then(|v| v.strip_suffix(" }}"))
    {
        return inputs.get(name).cloned().unwrap_or_default();
    }
    assert!(
        !value.contains("${{"),
        "an expression the test does not know: {value}"
    );
    value.to_string()
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = fs::metadata(path).unwrap().permissions();
    permissions.set_mode(0o755);
    fs::set_permissions(path, permissions).unwrap();
}

fn find_program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The system's folders for the usual tools (`mkdir`, `ln`), without the developer's own
/// (where a real `cargo` or `charter` could be).
fn system_path() -> String {
    "/usr/local/bin:/usr/bin:/bin".to_string()
}

/// The inputs with their defaults, some replaced.
fn with_inputs(changes: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut inputs = inputs();
    for (key, value) in changes {
        inputs.insert((*key).to_string(), (*value).to_string());
    }
    inputs
}

/// Install, then check with the given inputs; the check step's status, stdout and stderr.
fn install_and_check(runner: &Runner, changes: &[(&str, &str)]) -> (i32, String, String) {
    let steps = steps();
    let inputs = with_inputs(changes);
    let path = format!("{}:{}", runner.fake_bin.display(), system_path());
    let (code, stdout, stderr) = runner.run_step(&steps[0], &inputs, &path);
    assert_eq!(code, 0, "install: {stdout}{stderr}");
    runner.run_step(&steps[1], &inputs, &runner.path_after_install())
}

#[test]
fn install_builds_charter_from_the_action_s_own_repository() {
    let runner = Runner::new();
    let steps = steps();
    let path = format!("{}:{}", runner.fake_bin.display(), system_path());
    let (code, stdout, stderr) = runner.run_step(&steps[0], &with_inputs(&[]), &path);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let args = fs::read_to_string(&runner.cargo_log).unwrap();
    let args: Vec<&str> = args.lines().collect();
    let root = runner.runner_temp.join("charter");
    assert_eq!(
        args,
        [
            "install",
            "--locked",
            "--quiet",
            "--path",
            env!("CARGO_MANIFEST_DIR"),
            "--root",
            root.to_str().unwrap()
        ]
    );
    assert_eq!(
        fs::read_to_string(&runner.github_path).unwrap(),
        format!("{}\n", root.join("bin").display())
    );
    assert!(root.join("bin/charter").exists());
}

#[test]
fn install_without_cargo_says_what_to_add() {
    let runner = Runner::new();
    let steps = steps();
    // An empty PATH: the script needs only bash's own commands to get there.
    let empty = runner.runner_temp.join("empty-bin");
    fs::create_dir_all(&empty).unwrap();
    let (code, stdout, _) = runner.run_step(&steps[0], &with_inputs(&[]), empty.to_str().unwrap());
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("::error title=Charter::cargo is not installed on this runner"),
        "{stdout}"
    );
}

#[test]
fn check_annotates_writes_the_summary_and_fails_on_errors() {
    let runner = Runner::new();
    runner.write(".gitignore", "drafts/\n");
    runner.write("good.charter", GOOD);
    runner.write("deals/broken.charter", broken());
    runner.write("deals/warn.charter", with_a_warning());
    runner.write("drafts/ignored.charter", broken());
    let (code, stdout, stderr) = install_and_check(&runner, &[("sarif", "charter.sarif")]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("charter check --format github  -- ."));
    let annotations: Vec<&str> = lines.collect();
    assert_eq!(annotations.len(), 2, "{stdout}");
    assert!(
        annotations[0].starts_with("::error file=deals/broken.charter,line=2,endLine=2,col=10,endColumn=11,title=syntax-error::"),
        "{stdout}"
    );
    assert!(
        annotations[1].starts_with("::warning file=deals/warn.charter,"),
        "{stdout}"
    );
    assert!(stderr.contains("Checked 3 files in "), "{stderr}");

    let summary = fs::read_to_string(&runner.step_summary).unwrap();
    assert!(
        summary.starts_with("## Charter\n\nChecked 3 files: 1 error, 1 warning.\n"),
        "{summary}"
    );
    assert!(
        summary.contains("(https://github.com/acme/alliances/blob/5eed/deals/broken.charter#L2)"),
        "{summary}"
    );

    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(runner.workspace.join("charter.sarif")).unwrap())
            .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "deals/broken.charter"
    );
}

#[test]
fn check_passes_without_errors_and_takes_paths_and_options() {
    let runner = Runner::new();
    runner.write("deals/warn.charter", with_a_warning());
    runner.write("other/broken.charter", broken());
    runner.write("drafts/broken.charter", broken());

    // Only `deals`: one warning, no error.
    let (code, stdout, stderr) = install_and_check(&runner, &[("paths", "deals")]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("::warning file=deals/warn.charter,"),
        "{stdout}"
    );
    assert!(!runner.workspace.join("charter.sarif").exists());

    // `--deny warnings` makes it an error.
    let (code, stdout, _) =
        install_and_check(&runner, &[("paths", "deals"), ("args", "--deny warnings")]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("::error file=deals/warn.charter,"),
        "{stdout}"
    );

    // Several paths, on lines or separated by spaces, and an option with a value.
    let (code, stdout, _) = install_and_check(
        &runner,
        &[
            ("paths", "deals\nother drafts\n"),
            ("args", "--exclude drafts"),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("::error file=other/broken.charter,"),
        "{stdout}"
    );
    assert!(!stdout.contains("file=drafts/"), "{stdout}");
}

#[test]
fn inputs_are_never_run_as_shell_code() {
    let runner = Runner::new();
    runner.write("good.charter", GOOD);
    let (code, stdout, stderr) = install_and_check(
        &runner,
        &[
            (
                "paths",
                "$(touch pwned1) ; touch pwned2 `touch pwned3` good.charter",
            ),
            ("args", "--exclude $(touch pwned4) --deny=warnings"),
            ("sarif", "out.sarif; touch pwned5"),
        ],
    );
    for name in ["pwned1", "pwned2", "pwned3", "pwned4", "pwned5"] {
        assert!(
            !runner.workspace.join(name).exists(),
            "{name}: {stdout}{stderr}"
        );
    }
    // The words are passed to charter as they are: paths that do not exist.
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("cannot read `$(touch`"), "{stderr}");
}
