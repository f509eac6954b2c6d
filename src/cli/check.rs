//! `charter check [PATH…]`: find the files, check each one, report, and choose the exit
//! status (SPEC §4).
//!
//! One bad file never stops the others: a path that cannot be read, or a bug that makes the
//! checker panic on one file, becomes a one-line error for that path and exit status 2,
//! and every other file is still checked and reported.

use super::project::{Met, Projects};
use super::{
    describe_io_error, display_path, write_all, DiagnosticArgs, ExitStatus, Format, Terminal,
};
use charter::check::{check_owned, FileReport, Options};
use charter::render::{self, Counts, FileResult};
use rayon::prelude::*;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check. Folders are searched for `.charter` files, skipping what
    /// `.gitignore` lists; a file named here is checked whatever its extension.
    /// Without a path, the current folder is checked.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// The file extension the walk looks for.
const EXTENSION: &str = "charter";

pub fn run(args: &CheckArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    let options = Options {
        deny_warnings: args.diagnostics.deny_warnings(),
        ..Default::default()
    };

    let default_paths = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() {
        &default_paths[..]
    } else {
        &args.paths[..]
    };
    let found = find_files(paths);
    // Project settings first, in order (each `charter.toml` is read once, and reported
    // before the first file it governs); then the files, in parallel.
    let mut projects = Projects::default();
    let mut planned = Vec::with_capacity(found.len());
    for entry in found {
        match entry {
            Found::File { path, shown } => {
                let (config, met) = projects.settings_for(&path);
                match met {
                    Some(Met::Checked { shown, report }) => {
                        planned.push(Planned::Done(Outcome::Checked {
                            path: shown,
                            report,
                        }))
                    }
                    Some(Met::Unreadable(message)) => {
                        planned.push(Planned::Done(Outcome::Problem(message)))
                    }
                    None => {}
                }
                let options = Options {
                    config,
                    ..options.clone()
                };
                planned.push(Planned::Check {
                    path,
                    shown,
                    options,
                });
            }
            Found::Problem(message) => planned.push(Planned::Done(Outcome::Problem(message))),
            Found::Note(message) => planned.push(Planned::Done(Outcome::Note(message))),
        }
    }
    let outcomes: Vec<Outcome> = planned
        .into_par_iter()
        .map(|step| match step {
            Planned::Check {
                path,
                shown,
                options,
            } => check_file(&path, shown, &options),
            Planned::Done(outcome) => outcome,
        })
        .collect();

    match report(&outcomes, args.diagnostics.format, &terminal) {
        Ok(status) => status,
        Err(e) => {
            // stderr itself may be what failed; there is nowhere else to say it.
            let _ = write_all(
                io::stderr().lock(),
                &terminal.error_line(&format!(
                    "cannot write the report: {}",
                    describe_io_error(&e)
                )),
            );
            ExitStatus::Failure
        }
    }
}

/// One step of the run, in the order the user will see them.
pub(super) enum Found {
    /// A file to check: where to read it, and how to show its path.
    File { path: PathBuf, shown: String },
    /// A path that cannot be checked (the run fails).
    Problem(String),
    /// Something worth saying that does not fail the run.
    Note(String),
}

/// A step of the run once settings are known.
enum Planned {
    Check {
        path: PathBuf,
        shown: String,
        options: Options,
    },
    Done(Outcome),
}

enum Outcome {
    Checked { path: String, report: FileReport },
    Problem(String),
    Note(String),
}

/// Every file to check, in a stable order: the paths in the order given, each folder's
/// files sorted by path. A file reached twice is checked once.
pub(super) fn find_files(paths: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |found: &mut Vec<Found>, path: PathBuf, shown: String| {
        if seen.insert(shown.clone()) {
            found.push(Found::File { path, shown });
        }
    };
    for path in paths {
        let shown = display_path(path);
        match std::fs::metadata(path) {
            Err(e) => found.push(Found::Problem(format!(
                "cannot read `{shown}`: {}",
                describe_io_error(&e)
            ))),
            Ok(meta) if meta.is_dir() => {
                let walked = walk(path);
                let files = walked.files.len();
                found.extend(walked.problems.into_iter().map(Found::Problem));
                for file in walked.files {
                    let shown = display_path(&file);
                    add(&mut found, file, shown);
                }
                if files == 0 {
                    let place = if path == Path::new(".") {
                        "the current folder".to_string()
                    } else {
                        format!("`{shown}`")
                    };
                    found.push(Found::Note(format!(
                        "no `.{EXTENSION}` files found in {place}"
                    )));
                }
            }
            Ok(_) => add(&mut found, path.clone(), shown),
        }
    }
    found
}

struct Walked {
    files: Vec<PathBuf>,
    problems: Vec<String>,
}

/// The `.charter` files under a folder, sorted by path, honouring `.gitignore` (and
/// `.ignore`) files even outside a git repository, and skipping hidden files and folders.
fn walk(root: &Path) -> Walked {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let walker = ignore::WalkBuilder::new(root).require_git(false).build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = match entry.file_type() {
                    Some(t) if t.is_file() => true,
                    // A link to a file is checked like the file.
                    Some(t) if t.is_symlink() => path.is_file(),
                    _ => false,
                };
                if is_file && path.extension().is_some_and(|e| e == EXTENSION) {
                    // `./deals/a.charter` reads better as `deals/a.charter`.
                    let path = match path.strip_prefix(".") {
                        Ok(rest) if root == Path::new(".") => rest.to_path_buf(),
                        _ => path.to_path_buf(),
                    };
                    files.push(path);
                }
            }
            Err(e) => problems.push(describe_walk_error(&e, root)),
        }
    }
    files.sort();
    Walked { files, problems }
}

/// A problem met while walking a folder, as one sentence.
fn describe_walk_error(error: &ignore::Error, root: &Path) -> String {
    fn path_of(error: &ignore::Error) -> Option<&Path> {
        match error {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    let shown = display_path(path_of(error).unwrap_or(root));
    if let ignore::Error::Loop { .. } = strip_context(error) {
        return format!("cannot read `{shown}`: it is a link that leads back into its own folder");
    }
    match error.io_error() {
        Some(e) => format!("cannot read `{shown}`: {}", describe_io_error(e)),
        None => format!("cannot read `{shown}`: {}", strip_context(error)),
    }
}

fn strip_context(error: &ignore::Error) -> &ignore::Error {
    match error {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => strip_context(err),
        other => other,
    }
}

/// Read and check one file. Never panics: a panic inside the checker becomes an internal
/// error for this file alone.
fn check_file(path: &Path, shown: String, options: &Options) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome::Problem(format!("cannot read `{shown}`: {}", describe_io_error(&e)))
        }
    };
    match catch_panic(|| check_owned(bytes, options)) {
        Ok(report) => Outcome::Checked {
            path: shown,
            report,
        },
        Err(why) => Outcome::Problem(format!(
            "internal error while checking `{shown}`: {why}. This is a bug in Charter, not in \
             your file; please report it (with the file, if you can share it)"
        )),
    }
}

thread_local! {
    /// Set while a file is being checked on this thread: the panic hook then stays quiet
    /// (the panic is reported as a one-line internal error instead) and records where the
    /// panic happened.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`; if it panics, return the panic's message (and where it happened) instead.
fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                PANIC_LOCATION.with(|p| *p.borrow_mut() = location);
            } else {
                default_hook(info);
            }
        }));
    });
    // Restored rather than cleared: rayon may run another file's check on this thread
    // while this one waits.
    let was_catching = CATCHING.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was_catching));
    result.map_err(|payload| {
        let message = panic_message(payload.as_ref());
        match PANIC_LOCATION.with(|p| p.borrow_mut().take()) {
            Some(at) => format!("{message} (at {at})"),
            None => message,
        }
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "the checker stopped unexpectedly".to_string()
    }
}

/// Print the results in the chosen format and work out the exit status.
fn report(outcomes: &[Outcome], format: Format, terminal: &Terminal) -> io::Result<ExitStatus> {
    let mut failures = 0;
    let mut checked = Vec::new();
    let mut stderr = String::new();
    let mut stdout = String::new();

    for outcome in outcomes {
        match outcome {
            Outcome::Checked { path, report } => {
                let file = FileResult { path, report };
                match format {
                    Format::Human => {
                        let options = render::human::HumanOptions {
                            color: terminal.color,
                            width: terminal.width,
                        };
                        let text = render::human::render(&file, &options);
                        if !text.is_empty() {
                            stderr.push_str(&text);
                            stderr.push('\n');
                        }
                    }
                    Format::Concise => stdout.push_str(&render::concise::render(&file)),
                    Format::Json => {}
                }
                checked.push(file);
            }
            Outcome::Problem(message) => {
                failures += 1;
                stderr.push_str(&terminal.error_line(message));
            }
            Outcome::Note(message) => stderr.push_str(&terminal.warning_line(message)),
        }
    }

    let counts = Counts::of(&checked);
    match format {
        Format::Human => {
            stderr.push_str(&render::human::summary(&counts));
            if failures > 0 {
                let paths = if failures == 1 { "path" } else { "paths" };
                stderr.push_str(&format!(" {failures} {paths} could not be checked."));
            }
            stderr.push('\n');
        }
        Format::Concise => {}
        Format::Json => {
            stdout = render::json::render(&checked).map_err(io::Error::other)?;
        }
    }

    write_all(io::stdout().lock(), &stdout)?;
    write_all(io::stderr().lock(), &stderr)?;

    Ok(if failures > 0 {
        ExitStatus::Failure
    } else if counts.errors > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::panic)]
    fn a_panic_becomes_a_message() {
        let caught = catch_panic(|| -> u32 { panic!("something broke") });
        let message = caught.err().unwrap_or_default();
        assert!(message.starts_with("something broke (at "), "{message}");
        assert_eq!(catch_panic(|| 7), Ok(7));
    }
}
