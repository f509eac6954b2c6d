//! `charter check [PATH…]`: find the files, check each one, report, and choose the exit
//! status (SPEC §4).
//!
//! The files are found first (see [`files`]), then each one's project settings (see
//! [`project`]); then they are checked in parallel (rayon; `RAYON_NUM_THREADS` sets the
//! number of threads; a single file is checked on the main thread, with no pool to start)
//! and reported in a fixed order, sorted by path, whatever the timing of the threads. The
//! last line on stderr sums the run up, in every format.
//!
//! One bad file never stops the others: a path that cannot be read, or a bug that makes the
//! checker panic on one file, becomes a one-line error for that path and exit status 2,
//! and every other file is still checked and reported.

use super::files::{self, Candidate, Excludes};
use super::guard::{catch_panic, internal_error, render_safely};
use super::project::{self, Met, Projects, Skip};
use super::read::{read_file, too_large_report, Contents};
use super::{
    describe_io_error, display_path, escape_controls, outputs, write, write_all, write_pieces,
    DiagnosticArgs, ExitStatus, Format, Terminal,
};
use charter::check::{check_owned, FileReport, Options};
use charter::config::Globs;
use charter::render::{self, Counts, FileResult};
use charter::span::LineIndex;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check. Folders are searched for `.charter` files, skipping what
    /// `.gitignore` lists; a file named here is checked whatever its extension.
    /// Without a path, the current folder is checked.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Do not check files or folders that match GLOB, relative to the current folder
    /// (`drafts`, `deals/2024/**`). A pattern without `/` matches a name at any depth.
    /// Can be given several times; adds to `exclude` in `charter.toml`.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// Write the report to FILE instead of stdout (or, for `human`, stderr). The summary
    /// line and messages about paths stay on stderr.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

pub fn run(args: &CheckArgs) -> ExitStatus {
    let started = Instant::now();
    let terminal = Terminal::stderr();
    let fail = |message: &str| {
        // stderr itself may be what failed; there is nowhere else to say it.
        let _ = write_all(io::stderr().lock(), &terminal.error_line(message));
        ExitStatus::Failure
    };

    let (globs, invalid) = Globs::new(&args.exclude);
    if let Some((pattern, why)) = invalid.first() {
        return fail(&format!(
            "`--exclude {}` is not a pattern Charter can use: {why}",
            escape_controls(pattern)
        ));
    }
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            return fail(&format!(
                "cannot read the current folder: {}",
                describe_io_error(&e)
            ))
        }
    };
    let excludes = Excludes {
        globs: Arc::new(globs),
        base: cwd.clone(),
    };

    let default_paths = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() {
        &default_paths[..]
    } else {
        &args.paths[..]
    };
    let found = files::find(paths, &excludes);
    let (planned, mut notes, settings) = plan(found.files, paths, args.diagnostics.deny_warnings());
    notes.splice(0..0, found.notes);
    let destination = match &args.output {
        Some(path) if path != Path::new("-") => Destination::File(path),
        _ => Destination::Standard,
    };
    if let Destination::File(output) = destination {
        if let Some(message) = output_over_input(output, &planned, &settings, &cwd) {
            return fail(&message);
        }
    }

    let human_options = human_options(&terminal, destination);
    let format = args.diagnostics.format;
    let one = |step: Planned| {
        let outcome = match step {
            Planned::Check { candidate, options } => check_file(
                &candidate.path,
                candidate.shown,
                candidate.absolute,
                &options,
            ),
            Planned::Done(outcome) => outcome,
        };
        rendered_here(outcome, format, &human_options)
    };
    // One file is checked on this thread: a pool of threads would only cost its start.
    let outcomes: Vec<Outcome> = if planned.len() == 1 {
        planned.into_iter().map(one).collect()
    } else {
        planned.into_par_iter().map(one).collect()
    };

    let run = Run {
        problems: found.problems,
        notes,
        outcomes,
    };
    match report(
        &run,
        args.diagnostics.format,
        &terminal,
        destination,
        &cwd,
        started,
    ) {
        Ok(status) => status,
        Err(e) => fail(&e),
    }
}

/// A step of the run once settings are known, in the order the user will see them.
enum Planned {
    Check {
        candidate: Candidate,
        options: Options,
    },
    Done(Outcome),
}

enum Outcome {
    Checked {
        shown: String,
        absolute: PathBuf,
        report: FileReport,
        /// The human or concise report of the file, written where it was checked (in
        /// parallel), or a message when that failed; `None` for the other formats.
        rendered: Option<Result<String, String>>,
    },
    Problem(String),
    Note(String),
}

/// Find each file's settings (each `charter.toml` is read once, and reported before the
/// first file it governs), and leave out the files that its `include` and `exclude` leave
/// out. Also returns notes about folders whose files were all left out, and the settings
/// files met.
fn plan(
    candidates: Vec<Candidate>,
    paths: &[PathBuf],
    deny_warnings: bool,
) -> (Vec<Planned>, Vec<String>, Vec<PathBuf>) {
    let mut projects = Projects::default();
    let mut planned = Vec::with_capacity(candidates.len());
    let mut kept_under = vec![0usize; paths.len()];
    let mut skipped_under = vec![0usize; paths.len()];
    for candidate in candidates {
        let (project, met) = projects.settings_for(&candidate.absolute);
        match met {
            // A settings file is reported only when it has something to say.
            Some(Met::Checked {
                shown,
                absolute,
                report,
            }) if !report.diagnostics.is_empty() => {
                planned.push(Planned::Done(Outcome::Checked {
                    shown,
                    absolute,
                    report,
                    rendered: None,
                }));
            }
            Some(Met::Unreadable(message)) => {
                planned.push(Planned::Done(Outcome::Problem(message)))
            }
            Some(Met::Checked { .. }) | None => {}
        }
        let skip = project
            .as_ref()
            .and_then(|p| p.skips(&candidate.absolute, candidate.explicit));
        if let Some(root) = candidate.root {
            if let Some(n) = if skip.is_some() {
                skipped_under.get_mut(root)
            } else {
                kept_under.get_mut(root)
            } {
                *n += 1;
            }
        }
        match skip {
            Some(Skip::Excluded) if candidate.explicit => {
                planned.push(Planned::Done(Outcome::Note(format!(
                    "`{}` is not checked: it matches `exclude` in `{}`",
                    candidate.shown,
                    project::FILE_NAME
                ))));
            }
            Some(_) => {}
            None => {
                let options = Options {
                    deny_warnings,
                    config: project.map(|p| Arc::clone(&p.config)),
                };
                planned.push(Planned::Check { candidate, options });
            }
        }
    }
    let mut notes = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        if kept_under[i] == 0 && skipped_under[i] > 0 {
            let place = if path == Path::new(".") {
                "the current folder".to_string()
            } else {
                format!("`{}`", display_path(path))
            };
            notes.push(format!(
                "no `.{}` files found in {place} (after `include` and `exclude` in `{}`)",
                files::EXTENSION,
                project::FILE_NAME
            ));
        }
    }
    let settings = projects.settings_files().map(Path::to_path_buf).collect();
    (planned, notes, settings)
}

/// `--output` naming a file the run reads (one being checked, or a `charter.toml`): what to
/// say, since writing the report there would destroy it.
fn output_over_input(
    output: &Path,
    planned: &[Planned],
    settings: &[PathBuf],
    cwd: &Path,
) -> Option<String> {
    let checked = planned.iter().filter_map(|step| match step {
        Planned::Check { candidate, .. } => {
            Some((candidate.path.as_path(), (candidate.shown.as_str(), false)))
        }
        Planned::Done(_) => None,
    });
    let settings = settings
        .iter()
        .map(|path| (path.as_path(), (project::FILE_NAME, true)));
    let (input, is_settings) = outputs::overwritten_input(output, checked.chain(settings), cwd)?;
    let shown = display_path(output);
    let what = if is_settings {
        format!("it is the `{input}` that holds the settings of this run")
    } else if input == shown {
        "it is one of the files being checked".to_string()
    } else {
        format!("it is `{input}`, one of the files being checked")
    };
    Some(format!(
        "cannot write the report to `{shown}`: {what}; choose another file for `--output`. \
         Nothing was checked or written"
    ))
}

/// Read and check one file. Never panics: a panic inside the checker becomes an internal
/// error for this file alone.
fn check_file(path: &Path, shown: String, absolute: PathBuf, options: &Options) -> Outcome {
    let bytes = match read_file(path, &shown) {
        Ok(loaded) => match loaded.contents {
            Contents::Bytes(bytes) => bytes,
            Contents::TooLarge(size) => {
                return Outcome::Checked {
                    shown,
                    absolute,
                    report: too_large_report(size),
                    rendered: None,
                }
            }
        },
        Err(message) => return Outcome::Problem(message),
    };
    match catch_panic(|| check_owned(bytes, options)) {
        Ok(report) => Outcome::Checked {
            shown,
            absolute,
            report,
            rendered: None,
        },
        Err(why) => Outcome::Problem(internal_error("checking", &shown, &why)),
    }
}

/// How to draw the human report: for the terminal, in its colours and width; in a file,
/// plain.
fn human_options(terminal: &Terminal, destination: Destination<'_>) -> render::human::HumanOptions {
    match destination {
        Destination::Standard => render::human::HumanOptions {
            color: terminal.color,
            width: terminal.width,
        },
        Destination::File(_) => render::human::HumanOptions::default(),
    }
}

/// A checked file's human or concise report, written in the worker that checked it, so that
/// files are reported in parallel too. Its text is then no longer needed, and is let go:
/// a folder of 2,000 files does not hold all their texts until the end. (The machine
/// formats place findings by line and column when they are written, and keep the text.)
fn rendered_here(
    outcome: Outcome,
    format: Format,
    options: &render::human::HumanOptions,
) -> Outcome {
    let Outcome::Checked {
        shown,
        absolute,
        mut report,
        rendered: None,
    } = outcome
    else {
        return outcome;
    };
    let file = FileResult {
        path: &shown,
        report: &report,
    };
    // A bug in a renderer becomes this file's internal error; the others are still shown.
    let rendered = match format {
        Format::Human => Some(render_safely(&shown, || {
            let mut text = render::human::render(&file, options);
            if !text.is_empty() {
                text.push('\n');
            }
            text
        })),
        Format::Concise => Some(render_safely(&shown, || render::concise::render(&file))),
        _ => None,
    };
    if rendered.is_some() {
        report.text = String::new();
        report.line_index = LineIndex::new("");
    }
    Outcome::Checked {
        shown,
        absolute,
        report,
        rendered,
    }
}

/// Everything the run has to report.
struct Run {
    /// Paths that could not be read while looking for files.
    problems: Vec<String>,
    /// Notes about the paths given.
    notes: Vec<String>,
    /// The files, in the order to report them.
    outcomes: Vec<Outcome>,
}

#[derive(Clone, Copy)]
enum Destination<'a> {
    /// stdout for machine formats, stderr for `human`.
    Standard,
    File(&'a Path),
}

/// Print the results in the chosen format and work out the exit status. The error is a
/// sentence for the user.
fn report(
    run: &Run,
    format: Format,
    terminal: &Terminal,
    destination: Destination<'_>,
    cwd: &Path,
    started: Instant,
) -> Result<ExitStatus, String> {
    // Messages about paths, in the order met; then the findings.
    let mut messages = String::new();
    let mut problems: Vec<String> = Vec::new();
    for problem in &run.problems {
        messages.push_str(&terminal.error_line(problem));
        problems.push(problem.clone());
    }
    for note in &run.notes {
        messages.push_str(&terminal.warning_line(note));
    }
    let mut checked = Vec::new();
    let mut absolutes = Vec::new();
    // The human report (with the messages about files where they happened) or the concise
    // one, whichever was rendered: in pieces, each file's as it was rendered, written in
    // turn rather than joined (a folder's report is megabytes).
    let mut pieces: Vec<Cow<'_, str>> = Vec::new();
    for outcome in &run.outcomes {
        match outcome {
            Outcome::Checked {
                shown,
                absolute,
                report,
                rendered,
            } => {
                let file = FileResult {
                    path: shown,
                    report,
                };
                match rendered {
                    None => {}
                    Some(Ok(text)) => pieces.push(Cow::from(text)),
                    Some(Err(message)) => {
                        let line = terminal.error_line(message);
                        match (format, destination) {
                            (Format::Human, Destination::Standard) => pieces.push(line.into()),
                            _ => messages.push_str(&line),
                        }
                        problems.push(message.clone());
                    }
                }
                checked.push(file);
                absolutes.push(absolute.as_path());
            }
            Outcome::Problem(message) => {
                problems.push(message.clone());
                let line = terminal.error_line(message);
                match (format, destination) {
                    // In the human report, where it happened.
                    (Format::Human, Destination::Standard) => pieces.push(line.into()),
                    _ => messages.push_str(&line),
                }
            }
            Outcome::Note(message) => {
                let line = terminal.warning_line(message);
                match (format, destination) {
                    (Format::Human, Destination::Standard) => pieces.push(line.into()),
                    _ => messages.push_str(&line),
                }
            }
        }
    }

    // The formats read by CI services show paths from the repository root.
    let repository_paths: Vec<String> = match format {
        Format::Github | Format::Sarif | Format::Gitlab => {
            let root = files::repository_root(cwd);
            checked
                .iter()
                .zip(&absolutes)
                .map(|(file, absolute)| files::repository_path(&root, absolute, file.path))
                .collect()
        }
        _ => Vec::new(),
    };
    let in_repository: Vec<FileResult<'_>> = checked
        .iter()
        .zip(&repository_paths)
        .map(|(file, path)| FileResult {
            path,
            report: file.report,
        })
        .collect();
    let json_error = |e: serde_json::Error| format!("cannot write the report: {e}");
    // The formats that render every file at once: a bug there fails the report as a whole.
    let whole = |render: &dyn Fn() -> Result<String, String>| {
        catch_panic(render).unwrap_or_else(|why| {
            Err(format!(
                "cannot write the report: internal error: {why}. This is a bug in Charter, \
                 not in your files; please report it"
            ))
        })
    };
    let output = match format {
        Format::Human | Format::Concise => pieces,
        Format::Json => vec![whole(&|| render::json::render(&checked).map_err(json_error))?.into()],
        Format::Github => vec![whole(&|| Ok(render::github::render(&in_repository)))?.into()],
        Format::Sarif => {
            vec![
                whole(&|| render::sarif::render(&in_repository, &problems).map_err(json_error))?
                    .into(),
            ]
        }
        Format::Gitlab => {
            vec![whole(&|| render::gitlab::render(&in_repository).map_err(json_error))?.into()]
        }
    };
    let output: Vec<&str> = output.iter().map(|piece| piece.as_ref()).collect();

    if format == Format::Github {
        if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
            let options = render::github::SummaryOptions {
                blob_url: blob_url(),
                problems: problems.clone(),
            };
            let summary = render::github::step_summary(&in_repository, &options);
            if let Err(e) = append(Path::new(&path), &summary) {
                messages.push_str(&terminal.warning_line(&format!(
                    "cannot write the step summary to `{}`: {}",
                    display_path(Path::new(&path)),
                    describe_io_error(&e)
                )));
            }
        }
    }

    let counts = Counts::of(&checked);
    let failures = problems.len();
    let mut summary = render::summary_line(&counts, started.elapsed());
    if failures > 0 {
        let paths = if failures == 1 { "path" } else { "paths" };
        summary.push_str(&format!(" {failures} {paths} could not be checked."));
    }
    summary.push('\n');

    let io_error = |e: io::Error| format!("cannot write the report: {}", describe_io_error(&e));
    match destination {
        Destination::File(path) => {
            write::write_output(path, output.concat().as_bytes()).map_err(|e| {
                format!(
                    "cannot write the report to `{}`: {}",
                    display_path(path),
                    describe_io_error(&e)
                )
            })?;
            write_all(io::stderr().lock(), &format!("{messages}{summary}")).map_err(io_error)?;
        }
        Destination::Standard if format == Format::Human => {
            let pieces: Vec<&str> = [messages.as_str()]
                .into_iter()
                .chain(output)
                .chain([summary.as_str()])
                .collect();
            write_pieces(io::stderr().lock(), &pieces).map_err(io_error)?;
        }
        Destination::Standard => {
            write_pieces(io::stdout().lock(), &output).map_err(io_error)?;
            write_all(io::stderr().lock(), &format!("{messages}{summary}")).map_err(io_error)?;
        }
    }

    Ok(if failures > 0 {
        ExitStatus::Failure
    } else if counts.errors > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// `https://github.com/OWNER/REPO/blob/SHA`, from the variables GitHub Actions sets.
fn blob_url() -> Option<String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let server = var("GITHUB_SERVER_URL")?;
    let repository = var("GITHUB_REPOSITORY")?;
    let sha = var("GITHUB_SHA")?;
    Some(format!(
        "{}/{repository}/blob/{sha}",
        server.trim_end_matches('/')
    ))
}

/// Add `text` to the end of the file at `path`, creating it if needed.
fn append(path: &Path, text: &str) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}
