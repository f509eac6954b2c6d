//! `charter check` in continuous integration, through the real binary: whole repositories
//! (`.gitignore`, `--exclude`, `include`/`exclude` in `charter.toml`, a fixed order), the
//! `github`, `sarif` and `gitlab` formats, `--output`, and the summary line.
//!
//! The central test checks a fresh repository of good, broken and git-ignored agreements in
//! every format and requires exactly the findings of the human format, in the same order.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::cargo::cargo_bin_cmd;
use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

/// The complete agreement of SPEC §6: no findings.
const GOOD: &str = include_str!("cli_clean.charter");

/// The complete agreement with its first lines replaced by `agreement "T" {` and, on line 2,
/// `replacement` instead of its `model` line.
fn with_model_line(replacement: &str) -> String {
    let (_, rest) = GOOD
        .split_once("  model: contractual\n")
        .expect("the complete agreement has a model line");
    format!("agreement \"T\" {{\n{replacement}\n{rest}")
}

/// One syntax error, at 2:10.
fn broken() -> String {
    with_model_line("  model: @")
}

/// Errors on a line with characters outside the Basic Multilingual Plane before them, so
/// that character columns and UTF-16 columns differ.
fn unicode() -> String {
    with_model_line("  model: \"Ünï 😀\" @")
}

/// One `missing-recommended` warning (no `liability` block).
fn with_a_warning() -> String {
    let start = GOOD.find("  liability {").expect("a liability block");
    let end = start + GOOD[start..].find("  }\n").expect("its end") + 4;
    format!("{}{}", &GOOD[..start], &GOOD[end..])
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, contents).unwrap();
}

/// `charter` run in `dir`, without the variables of the calling environment that change
/// its output (colour, and the CI variables that set the repository root).
fn charter(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("charter");
    cmd.current_dir(dir);
    for var in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "GITHUB_WORKSPACE",
        "GITHUB_STEP_SUMMARY",
        "GITHUB_SERVER_URL",
        "GITHUB_REPOSITORY",
        "GITHUB_SHA",
        "CI_PROJECT_DIR",
        "RAYON_NUM_THREADS",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_cmd(mut cmd: Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().expect("the process exited normally"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = charter(dir);
    cmd.args(args);
    run_cmd(cmd)
}

/// A fresh repository: `.git` (made by `git init` when git is installed), a `.gitignore`
/// that leaves out `drafts/`, and good, broken and ignored agreements.
fn repository() -> TempDir {
    let dir = TempDir::new().unwrap();
    let initialised = std::process::Command::new("git")
        .args(["init", "--quiet"])
        .current_dir(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    if !initialised {
        fs::create_dir(dir.path().join(".git")).unwrap();
    }
    write(dir.path(), ".gitignore", "drafts/\n*.tmp.charter\n");
    write(dir.path(), "good.charter", GOOD);
    write(dir.path(), "deals/broken.charter", broken());
    write(dir.path(), "deals/unicode.charter", unicode());
    write(dir.path(), "deals/warn.charter", with_a_warning());
    write(dir.path(), "deals/nested/also-good.charter", GOOD);
    write(dir.path(), "drafts/scratch.charter", broken());
    write(dir.path(), "deals/x.tmp.charter", broken());
    write(dir.path(), "deals/notes.txt", broken());
    dir
}

/// One finding as every format can state it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finding {
    path: String,
    line: u64,
    /// In characters (SARIF's UTF-16 columns are converted back).
    column: u64,
    severity: String,
    rule: String,
    /// Empty where the format does not give it in a comparable form (human).
    message: String,
}

fn without_messages(findings: &[Finding]) -> Vec<Finding> {
    findings
        .iter()
        .map(|f| Finding {
            message: String::new(),
            ..f.clone()
        })
        .collect()
}

/// The findings of the human format: each `severity[rule]` heading and the
/// `[path:line:column]` of the snippet under it.
fn parse_human(stderr: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut pending: Option<(String, String)> = None;
    for line in stderr.lines() {
        let trimmed = line.trim();
        if let Some((severity, rest)) = trimmed.split_once('[') {
            if ["error", "warning", "info"].contains(&severity) && rest.ends_with(']') {
                pending = Some((severity.to_string(), rest.trim_end_matches(']').to_string()));
                continue;
            }
        }
        if let Some(at) = line.find("╭─[") {
            let place = line[at + "╭─[".len()..].trim_end().trim_end_matches(']');
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line_no = parts.next().unwrap().parse().unwrap();
            let path = parts.next().unwrap().to_string();
            let (severity, rule) = pending.take().expect("a heading before the snippet");
            findings.push(Finding {
                path,
                line: line_no,
                column,
                severity,
                rule,
                message: String::new(),
            });
        }
    }
    findings
}

fn parse_concise(stdout: &str) -> Vec<Finding> {
    stdout
        .lines()
        .map(|line| {
            let (place, rest) = line.split_once(": ").unwrap();
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line_no = parts.next().unwrap().parse().unwrap();
            let path = parts.next().unwrap().to_string();
            let (tag, message) = rest.split_once(' ').unwrap();
            let (severity, rule) = tag.trim_end_matches(']').split_once('[').unwrap();
            Finding {
                path,
                line: line_no,
                column,
                severity: severity.to_string(),
                rule: rule.to_string(),
                message: message.to_string(),
            }
        })
        .collect()
}

fn parse_json(stdout: &str) -> Vec<Finding> {
    let value: Value = serde_json::from_str(stdout).unwrap();
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Finding {
            path: d["file"].as_str().unwrap().to_string(),
            line: d["line"].as_u64().unwrap(),
            column: d["column"].as_u64().unwrap(),
            severity: d["severity"].as_str().unwrap().to_string(),
            rule: d["rule"].as_str().unwrap().to_string(),
            message: d["message"].as_str().unwrap().to_string(),
        })
        .collect()
}

/// Undo GitHub's escaping of workflow command values.
fn unescape(text: &str) -> String {
    text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// One workflow command: its name, its properties, its message.
fn parse_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, data) = rest.split_once("::").expect("a message");
    let (name, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_string(), unescape(v))
        })
        .collect();
    (name.to_string(), props, unescape(data))
}

/// The findings of the `github` format; `concise` gives the columns that GitHub's commands
/// leave out (for spans over several lines).
fn parse_github(stdout: &str, concise: &[Finding]) -> Vec<Finding> {
    assert_eq!(stdout.lines().count(), concise.len());
    stdout
        .lines()
        .zip(concise)
        .map(|(line, expected)| {
            let (name, props, message) = parse_command(line);
            let prop = |k: &str| {
                props
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| panic!("no {k} in {line}"))
            };
            let severity = match name.as_str() {
                "error" => "error",
                "warning" => "warning",
                "notice" => "info",
                other => panic!("unexpected command {other}"),
            };
            let has = |k: &str| props.iter().any(|(key, _)| key == k);
            let column = if has("col") {
                assert!(has("endColumn"), "{line}");
                assert_eq!(
                    prop("line"),
                    prop("endLine"),
                    "columns on one line only: {line}"
                );
                prop("col").parse().unwrap()
            } else {
                assert!(!has("endColumn"), "{line}");
                assert_ne!(prop("line"), prop("endLine"), "{line}");
                expected.column
            };
            Finding {
                path: prop("file"),
                line: prop("line").parse().unwrap(),
                column,
                severity: severity.to_string(),
                rule: prop("title"),
                // The message, then the help on the next line.
                message: message.lines().next().unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// The character column of a UTF-16 column on `line` (1-based) of the file at `path`.
fn char_column(dir: &Path, path: &str, line: u64, utf16: u64) -> u64 {
    let text = fs::read_to_string(dir.join(path)).unwrap();
    let line_text = text.lines().nth(line as usize - 1).unwrap_or("");
    let mut units = 0;
    let mut chars = 0;
    for c in line_text.chars() {
        if units >= utf16 - 1 {
            break;
        }
        units += c.len_utf16() as u64;
        chars += 1;
    }
    assert_eq!(units, utf16 - 1, "a UTF-16 column inside a character");
    chars + 1
}

fn parse_sarif(dir: &Path, stdout: &str) -> Vec<Finding> {
    let value: Value = serde_json::from_str(stdout).unwrap();
    let run = &value["runs"][0];
    run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            let path = location["artifactLocation"]["uri"].as_str().unwrap();
            let line = location["region"]["startLine"].as_u64().unwrap();
            let utf16 = location["region"]["startColumn"].as_u64().unwrap();
            let severity = match r["level"].as_str().unwrap() {
                "error" => "error",
                "warning" => "warning",
                "note" => "info",
                other => panic!("unexpected level {other}"),
            };
            let message = r["message"]["text"].as_str().unwrap();
            Finding {
                path: path.to_string(),
                line,
                column: char_column(dir, path, line, utf16),
                severity: severity.to_string(),
                rule: r["ruleId"].as_str().unwrap().to_string(),
                message: message.lines().next().unwrap_or("").to_string(),
            }
        })
        .collect()
}

fn parse_gitlab(dir: &Path, stdout: &str, concise: &[Finding]) -> Vec<Finding> {
    let value: Value = serde_json::from_str(stdout).unwrap();
    let issues = value.as_array().unwrap();
    assert_eq!(issues.len(), concise.len());
    issues
        .iter()
        .zip(concise)
        .map(|(issue, expected)| {
            let severity = match issue["severity"].as_str().unwrap() {
                "major" => "error",
                "minor" => "warning",
                "info" => "info",
                other => panic!("unexpected severity {other}"),
            };
            let fingerprint = issue["fingerprint"].as_str().unwrap();
            assert_eq!(fingerprint.len(), 32);
            assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
            let path = issue["location"]["path"].as_str().unwrap();
            assert!(dir.join(path).is_file(), "{path}");
            Finding {
                path: path.to_string(),
                line: issue["location"]["lines"]["begin"].as_u64().unwrap(),
                // Code Quality reports lines only.
                column: expected.column,
                severity: severity.to_string(),
                rule: issue["check_name"].as_str().unwrap().to_string(),
                message: issue["description"].as_str().unwrap().to_string(),
            }
        })
        .collect()
}

/// `charter check --format FORMAT` in `dir`, which must not fail.
fn in_format(dir: &Path, format: &str) -> Run {
    let run = run(dir, &["check", "--format", format]);
    assert_ne!(run.code, 2, "{format}: {}", run.stderr);
    run
}

#[test]
fn every_format_gives_the_findings_of_the_human_format_in_the_same_order() {
    let repo = repository();
    let dir = repo.path();

    let human = in_format(dir, "human");
    let human_findings = parse_human(&human.stderr);
    let concise = in_format(dir, "concise");
    let expected = parse_concise(&concise.stdout);

    // The repository's findings: broken, unicode and warn, in path order; nothing from the
    // good files, the ignored ones or the text file.
    let files: Vec<&str> = {
        let mut files: Vec<&str> = expected.iter().map(|f| f.path.as_str()).collect();
        files.dedup();
        files
    };
    assert_eq!(
        files,
        [
            "deals/broken.charter",
            "deals/unicode.charter",
            "deals/warn.charter"
        ]
    );
    assert!(expected.iter().any(|f| f.severity == "warning"));
    assert!(expected
        .iter()
        .any(|f| f.path == "deals/unicode.charter" && f.rule == "syntax-error" && f.column == 18));
    assert_eq!(
        human_findings,
        without_messages(&expected),
        "{}",
        human.stderr
    );
    assert_eq!(human.code, 1);

    let json = in_format(dir, "json");
    assert_eq!(parse_json(&json.stdout), expected);

    let github = in_format(dir, "github");
    assert_eq!(
        parse_github(&github.stdout, &expected),
        expected,
        "{}",
        github.stdout
    );

    let sarif = in_format(dir, "sarif");
    assert_eq!(parse_sarif(dir, &sarif.stdout), expected);
    let columns: Vec<u64> = serde_json::from_str::<Value>(&sarif.stdout).unwrap()["runs"][0]
        ["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "syntax-error")
        .map(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(
        columns.contains(&19),
        "UTF-16 columns: 😀 is two code units: {columns:?}"
    );

    let gitlab = in_format(dir, "gitlab");
    assert_eq!(parse_gitlab(dir, &gitlab.stdout, &expected), expected);

    for run in [&human, &concise, &json, &github, &sarif, &gitlab] {
        assert_eq!(run.code, 1);
        assert!(!run.stdout.contains("drafts/"), "{}", run.stdout);
        assert!(!run.stdout.contains("tmp.charter"), "{}", run.stdout);
        assert!(!run.stderr.contains("drafts/"), "{}", run.stderr);
    }
}

#[test]
fn the_same_findings_in_the_same_order_with_one_thread_or_many() {
    let dir = TempDir::new().unwrap();
    // Enough files, in nested folders, for the threads to finish out of order.
    for i in (0..60).rev() {
        let body = if i % 3 == 0 {
            broken()
        } else {
            with_a_warning()
        };
        write(
            dir.path(),
            &format!("f{}/d{}/a{i:02}.charter", i % 4, i % 7),
            body,
        );
    }
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4", "2"] {
        let mut cmd = charter(dir.path());
        cmd.args(["check", "--format", "concise"])
            .env("RAYON_NUM_THREADS", threads);
        let run = run_cmd(cmd);
        assert_eq!(run.code, 1);
        outputs.push(run.stdout);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    let paths: Vec<String> = parse_concise(&outputs[0])
        .into_iter()
        .map(|f| f.path)
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(paths, sorted);
    assert_eq!(paths.len(), 60);
}

#[test]
fn paths_given_in_any_order_are_reported_sorted() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b.charter", broken());
    write(dir.path(), "a/z.charter", broken());
    write(dir.path(), "c.charter", broken());
    let run = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "c.charter",
            "a",
            "b.charter",
        ],
    );
    let paths: Vec<String> = parse_concise(&run.stdout)
        .into_iter()
        .map(|f| f.path)
        .collect();
    assert_eq!(paths, ["a/z.charter", "b.charter", "c.charter"]);
}

// ---------------------------------------------------------------------------------------
// The summary line.

/// The last line of stderr, with its time replaced by `T`.
fn summary(stderr: &str) -> String {
    let last = stderr.lines().last().unwrap_or("").to_string();
    match (last.find(" in "), last.find("s: ")) {
        (Some(start), Some(end)) if start < end => {
            let time = &last[start + 4..end];
            assert!(time.parse::<f64>().is_ok(), "a time in seconds: {last}");
            format!("{} in T{}", &last[..start], &last[end + 1..])
        }
        _ => last,
    }
}

#[test]
fn every_format_ends_with_a_summary_line_on_stderr() {
    let repo = repository();
    let json: Value = serde_json::from_str(&in_format(repo.path(), "json").stdout).unwrap();
    let counts = &json["summary"];
    assert_eq!(counts["files"], 5);
    assert_eq!(counts["warnings"], 1);
    let errors = counts["errors"].as_u64().unwrap();
    assert!(errors > 1);
    for format in ["human", "concise", "json", "github", "sarif", "gitlab"] {
        let run = run(repo.path(), &["check", "--format", format]);
        assert_eq!(
            summary(&run.stderr),
            format!("Checked 5 files in T: {errors} errors, 1 warning."),
            "{format}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains("Checked 5 files"), "{format}");
    }
    let clean = TempDir::new().unwrap();
    write(clean.path(), "a.charter", GOOD);
    let run = run(clean.path(), &["check", "--format", "json"]);
    assert_eq!(
        summary(&run.stderr),
        "Checked 1 file in T: no problems found."
    );
}

// ---------------------------------------------------------------------------------------
// github

#[test]
fn github_escapes_percent_and_the_separators_of_properties() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a,b:c%.charter", with_model_line("  model: %"));
    let run = run(dir.path(), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("title=syntax-error"))
        .unwrap();
    assert!(
        line.starts_with("::error file=a%2Cb%3Ac%25.charter,line=2,endLine=2,col=10,endColumn=11,title=syntax-error::"),
        "{line}"
    );
    assert!(line.contains("found `%25`%0Ahelp: "), "{line}");
    // Nothing in a message can start a second command: every line is one command.
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice ")
        );
    }
}

#[test]
fn github_paths_are_relative_to_the_repository_root() {
    let repo = repository();
    let deals = repo.path().join("deals");
    let run = run(&deals, &["check", "--format", "github", "broken.charter"]);
    assert!(
        run.stdout
            .starts_with("::error file=deals/broken.charter,line=2,"),
        "{}",
        run.stdout
    );
    // GITHUB_WORKSPACE, when set, is the root.
    let mut cmd = charter(&deals);
    cmd.args(["check", "--format", "github", "./broken.charter"])
        .env("GITHUB_WORKSPACE", repo.path());
    let run = run_cmd(cmd);
    assert!(
        run.stdout.starts_with("::error file=deals/broken.charter,"),
        "{}",
        run.stdout
    );
    // The other formats keep the paths as given.
    let run = self::run(
        &deals,
        &["check", "--format", "concise", "./broken.charter"],
    );
    assert!(
        run.stdout.starts_with("./broken.charter:2:10: "),
        "{}",
        run.stdout
    );
}

/// The tables of a Markdown text, parsed back: each a list of rows of cells' text.
fn markdown_tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut tables = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => table = Vec::new(),
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                table.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&h);
                }
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn github_appends_a_step_summary_whose_tables_stay_whole() {
    let repo = repository();
    // A message with Markdown and table syntax in it: the found text is quoted back.
    write(
        repo.path(),
        "deals/pipe.charter",
        with_model_line("  model: | <b>*x*</b>"),
    );
    // More than ten errors in all.
    for i in 0..10 {
        write(repo.path(), &format!("more/m{i}.charter"), broken());
    }
    let concise = parse_concise(&in_format(repo.path(), "concise").stdout);
    let mut paths: Vec<&str> = concise.iter().map(|f| f.path.as_str()).collect();
    paths.dedup();
    let summary_file = repo.path().join("summary.md");
    fs::write(&summary_file, "Earlier step.\n\n").unwrap();
    let mut cmd = charter(repo.path());
    cmd.args(["check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "acme/deals")
        .env("GITHUB_SHA", "0123abc");
    let run = run_cmd(cmd);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let annotations = run.stdout.lines().count();
    let markdown = fs::read_to_string(&summary_file).unwrap();
    assert!(
        markdown.starts_with("Earlier step.\n\n## Charter\n"),
        "appended: {markdown}"
    );
    assert!(
        markdown.contains("GitHub annotates at most 10 errors"),
        "{markdown}"
    );

    let tables = markdown_tables(&markdown);
    assert_eq!(tables.len(), 2, "{markdown}");
    let (files, findings) = (&tables[0], &tables[1]);
    assert_eq!(files[0], ["file", "errors", "warnings", "infos"]);
    assert_eq!(
        files
            .iter()
            .skip(1)
            .map(|r| r[0].as_str())
            .collect::<Vec<_>>(),
        paths
    );
    assert_eq!(findings.len(), annotations + 1, "one row per annotation");
    assert_eq!(annotations, concise.len());
    for (row, finding) in findings.iter().skip(1).zip(&concise) {
        assert_eq!(row[0], format!("{}:{}", finding.path, finding.line));
        assert_eq!(row[1], finding.severity);
        assert_eq!(row[2], finding.rule);
        assert!(row[3].starts_with(&finding.message), "{row:?} {finding:?}");
    }
    for row in files.iter().chain(findings.iter()) {
        assert_eq!(row.len(), 4, "{row:?}");
    }
    let pipe = findings
        .iter()
        .find(|r| r[0].starts_with("deals/pipe.charter") && r[2] == "syntax-error")
        .expect("the finding with a pipe in its message");
    assert!(pipe[3].contains('|'), "{pipe:?}");
    assert!(
        markdown.contains("(https://github.com/acme/deals/blob/0123abc/deals/broken.charter#L2)")
    );
    assert!(
        !markdown.contains("<b>"),
        "user text is escaped: {markdown}"
    );
}

#[test]
fn without_the_variable_there_is_no_step_summary() {
    let repo = repository();
    let run = run(repo.path(), &["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    assert!(!repo.path().join("summary.md").exists());
}

// ---------------------------------------------------------------------------------------
// sarif

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-04/schema#");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();

    let repo = repository();
    write(repo.path(), "deals/my deal #2.charter", broken());
    let mut runs = vec![run(repo.path(), &["check", "--format", "sarif"])];
    // A path that cannot be read: the invocation is unsuccessful, still valid.
    runs.push(run(
        repo.path(),
        &["check", "--format", "sarif", "missing", "deals"],
    ));
    // Nothing found.
    let clean = TempDir::new().unwrap();
    write(clean.path(), "a.charter", GOOD);
    runs.push(run(clean.path(), &["check", "--format", "sarif"]));

    for run in &runs {
        let value: Value = serde_json::from_str(&run.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    let value: Value = serde_json::from_str(&runs[0].stdout).unwrap();
    // The validator does reject what the schema forbids.
    let mut wrong = value.clone();
    wrong["runs"][0]["results"][0]["level"] = "fatal".into();
    wrong["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    wrong["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "not a uri".into();
    assert_eq!(validator.iter_errors(&wrong).count(), 3);
    assert_eq!(value["version"], "2.1.0");
    let driver = &value["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "Charter");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), charter::rules::REGISTRY.len());
    for (rule, registered) in rules.iter().zip(charter::rules::REGISTRY) {
        let meta = registered.meta();
        assert_eq!(rule["id"], meta.name);
        for key in ["shortDescription", "fullDescription"] {
            assert!(
                !rule[key]["text"].as_str().unwrap().is_empty(),
                "{key} of {}",
                meta.name
            );
        }
        assert_eq!(
            rule["help"]["markdown"].as_str().unwrap(),
            charter::rules::docs::page(meta)
        );
    }
    let results = value["runs"][0]["results"].as_array().unwrap();
    let spaced = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("deals/my%20deal")
        })
        .expect("the file with a space in its name");
    assert_eq!(
        spaced["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "deals/my%20deal%20%232.charter"
    );
    let failed: Value = serde_json::from_str(&runs[1].stdout).unwrap();
    assert_eq!(runs[1].code, 2);
    assert_eq!(
        failed["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

// ---------------------------------------------------------------------------------------
// gitlab

#[test]
fn gitlab_fingerprints_stay_when_lines_move() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.charter", unicode());
    let before = run(dir.path(), &["check", "--format", "gitlab"]);
    write(
        dir.path(),
        "a.charter",
        format!("// A comment added above.\n\n{}", unicode()),
    );
    let after = run(dir.path(), &["check", "--format", "gitlab"]);
    let issues = |run: &Run| -> Vec<(String, u64)> {
        let value: Value = serde_json::from_str(&run.stdout).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["fingerprint"].as_str().unwrap().to_string(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (before, after) = (issues(&before), issues(&after));
    assert!(!before.is_empty());
    assert_eq!(before.len(), after.len());
    for ((fb, lb), (fa, la)) in before.iter().zip(&after) {
        assert_eq!(fb, fa);
        assert_eq!(lb + 2, *la);
    }
    let mut unique: Vec<&String> = before.iter().map(|(f, _)| f).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        before.len(),
        "each finding has its own fingerprint"
    );
}

// ---------------------------------------------------------------------------------------
// --output

#[test]
fn output_writes_the_report_to_a_file() {
    let repo = repository();
    for format in ["concise", "json", "github", "sarif", "gitlab"] {
        let file = format!("report.{format}");
        let to_stdout = run(repo.path(), &["check", "--format", format]);
        let to_file = run(
            repo.path(),
            &["check", "--format", format, "--output", &file],
        );
        assert_eq!(to_file.code, 1);
        assert_eq!(to_file.stdout, "", "{format}");
        assert_eq!(
            fs::read_to_string(repo.path().join(&file)).unwrap(),
            to_stdout.stdout
        );
        assert_eq!(summary(&to_file.stderr), summary(&to_stdout.stderr));
    }
    // human: the report without colour, even when colour is forced for the terminal.
    let mut cmd = charter(repo.path());
    cmd.args(["check", "-o", "report.txt"])
        .env("CLICOLOR_FORCE", "1");
    let run = run_cmd(cmd);
    assert_eq!(run.code, 1);
    let report = fs::read_to_string(repo.path().join("report.txt")).unwrap();
    assert!(report.contains("error[syntax-error]"), "{report}");
    assert!(!report.contains('\u{1b}'));
    assert!(!run.stderr.contains("syntax-error"), "{}", run.stderr);
    assert!(summary(&run.stderr).starts_with("Checked 5 files"));
    // A file that cannot be written fails the run.
    let run = self::run(
        repo.path(),
        &["check", "--format", "json", "-o", "no/such/dir/r.json"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot write the report to `no/such/dir/r.json`"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------
// --exclude, and include/exclude in charter.toml

fn checked_paths(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = run(dir, &all);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let mut paths: Vec<String> = parse_json(&run.stdout)
        .into_iter()
        .map(|f| f.path)
        .collect();
    paths.dedup();
    paths
}

/// A folder of broken agreements (each reported), at the given paths.
fn broken_files(names: &[&str]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for name in names {
        write(dir.path(), name, broken());
    }
    dir
}

#[test]
fn exclude_leaves_out_names_anywhere_and_paths_from_the_current_folder() {
    let dir = broken_files(&[
        "a.charter",
        "old/b.charter",
        "deals/old/c.charter",
        "deals/d.charter",
        "deals/sub/e.charter",
        "deals/f.draft.charter",
    ]);
    let all = checked_paths(dir.path(), &[]);
    assert_eq!(all.len(), 6);
    assert_eq!(
        checked_paths(dir.path(), &["--exclude", "old"]),
        [
            "a.charter",
            "deals/d.charter",
            "deals/f.draft.charter",
            "deals/sub/e.charter"
        ]
    );
    assert_eq!(
        checked_paths(
            dir.path(),
            &["--exclude", "deals/*.charter", "--exclude=*.draft.charter"]
        ),
        [
            "a.charter",
            "deals/old/c.charter",
            "deals/sub/e.charter",
            "old/b.charter"
        ]
    );
    assert_eq!(
        checked_paths(dir.path(), &["--exclude", "deals/**", "deals", "a.charter"]),
        ["a.charter"]
    );
    // From a subfolder, patterns are relative to it.
    assert_eq!(
        checked_paths(&dir.path().join("deals"), &["--exclude", "old/**"]),
        ["d.charter", "f.draft.charter", "sub/e.charter"]
    );
    // A file named on the command line is left out too, with a note.
    let run = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--exclude",
            "old",
            "old/b.charter",
            "a.charter",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("warning: `old/b.charter` is not checked: it matches `--exclude`"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("old/b.charter"));
    // Everything left out of a folder: said so, not an error.
    let run = self::run(dir.path(), &["check", "--exclude", "*.charter", "old"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no `.charter` files found in `old` (after `--exclude`)"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_invalid_exclude_pattern_fails_the_run() {
    let dir = broken_files(&["a.charter"]);
    let run = run(dir.path(), &["check", "--exclude", "a[", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: `--exclude a[` is not a pattern Charter can use: "),
        "{}",
        run.stderr
    );
}

#[test]
fn charter_toml_include_and_exclude_are_relative_to_its_folder() {
    let dir = broken_files(&[
        "outside.charter",
        "project/deals/a.charter",
        "project/deals/old/b.charter",
        "project/templates/t.charter",
        "project/c.charter",
        "project/deals/z.wip.charter",
    ]);
    write(
        dir.path(),
        "project/charter.toml",
        "include = [\"deals\", \"c.charter\"]\nexclude = [\"deals/old\", \"*.wip.charter\"]\n",
    );
    // From above the project: the globs are still relative to charter.toml's folder.
    assert_eq!(
        checked_paths(dir.path(), &[]),
        [
            "outside.charter",
            "project/c.charter",
            "project/deals/a.charter"
        ]
    );
    // From inside it, the same files.
    assert_eq!(
        checked_paths(&dir.path().join("project/deals"), &[]),
        ["a.charter"]
    );
    // Named on the command line, a file is subject to `exclude`, not to `include`.
    let run = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "project/templates/t.charter",
            "project/deals/old/b.charter",
        ],
    );
    assert!(
        run.stdout.starts_with("project/templates/t.charter:2:10: "),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("old/b.charter"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "warning: `project/deals/old/b.charter` is not checked: it matches `exclude` in `charter.toml`"
        ),
        "{}",
        run.stderr
    );
    // A folder whose files are all left out is named.
    let run = self::run(dir.path(), &["check", "project/templates"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains(
            "no `.charter` files found in `project/templates` (after `include` and `exclude` in `charter.toml`)"
        ),
        "{}",
        run.stderr
    );
    // The nearest charter.toml governs: a nested one without `include` checks everything
    // under it.
    write(dir.path(), "project/templates/charter.toml", "[rules]\n");
    assert_eq!(
        checked_paths(dir.path(), &["project/templates"]),
        ["project/templates/t.charter"]
    );
}

#[test]
fn a_bad_pattern_in_charter_toml_is_reported_in_place() {
    let dir = broken_files(&["a.charter"]);
    write(dir.path(), "charter.toml", "exclude = [\"ok\", \"bad[\"]\n");
    let run = run(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(run.code, 1);
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("charter.toml:1:18: error[syntax-error] `bad[` in `exclude` is not a pattern Charter can use: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("a.charter:2:10: error[syntax-error]"));
}
