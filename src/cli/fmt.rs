//! `charter fmt [--check] [PATH…]` and `charter fmt -`: rewrite agreements in the canonical
//! layout (SPEC §4; the layout is described in `docs/language.md`).
//!
//! Nothing is ever lost: a file with a syntax error is left as it is (its problems are
//! reported, exit status 1); a file is written only when its text changes, and only if it is
//! still what was read (an edit made meanwhile is never overwritten), through a temporary
//! file in the same folder that then replaces it in one step, keeping its owner, mode and
//! hard links (see [`super::write`]); `--check` writes nothing at all. A folder walk never
//! rewrites a file outside the folder: a link to one is left alone, with a note.

use super::files::{self, Candidate, Excludes};
use super::guard::{catch_panic, render_safely};
use super::read::{read_bounded, read_file, too_large_report, Contents};
use super::write::{self, NotWritten, Original};
use super::{describe_io_error, display_path, write_all, ExitStatus, Terminal};
use charter::check::{decode, FileReport};
use charter::config::Globs;
use charter::fmt::{format, format_if_changed, FormatError, FormatErrorKind};
use charter::render::{self, FileResult};
use rayon::prelude::*;
use similar::{capture_diff_slices_deadline, group_diff_ops, Algorithm, DiffOp, DiffTag};
use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Files or folders to format. Folders are searched for `.charter` files, skipping what
    /// `.gitignore` lists. Without a path, the current folder is formatted. `-` reads an
    /// agreement from standard input and writes it, formatted, to standard output.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Change nothing: show the files that would change, with a diff of each, and exit
    /// with status 1 if any would.
    #[arg(long)]
    check: bool,
}

/// What happened to one path.
enum Outcome {
    /// Already in the canonical layout.
    Unchanged,
    /// Rewritten (or, with `--check`, would be: `diff` shows how).
    Changed { shown: String, diff: String },
    /// Not formatted: a syntax error (or a failed self-check, `internal`), with the report.
    Refused {
        shown: String,
        report: FileReport,
        internal: bool,
    },
    /// A path that cannot be read or written (the run fails).
    Problem(String),
    /// Something worth saying that does not fail the run.
    Note(String),
}

pub fn run(args: &FmtArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    if args.paths.iter().any(|p| p == Path::new("-")) {
        if args.paths.len() > 1 {
            let _ = write_all(
                io::stderr().lock(),
                &terminal.error_line(
                    "`-` (standard input) cannot be combined with other paths; format them in separate runs",
                ),
            );
            return ExitStatus::Failure;
        }
        return run_stdin(args.check, &terminal);
    }

    let default_paths = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() {
        &default_paths[..]
    } else {
        &args.paths[..]
    };
    let excludes = Excludes {
        globs: Arc::new(Globs::default()),
        base: std::env::current_dir().unwrap_or_default(),
    };
    let found = files::find(paths, &excludes);
    // A file reached twice (through a link, or a second hard link) is formatted once: two
    // threads rewriting the same file would each find it changed by the other.
    let (outside, inside): (Vec<Candidate>, Vec<Candidate>) =
        found.files.into_iter().partition(|f| f.leads_outside);
    let mut outcomes: Vec<Outcome> = files::one_per_file(inside)
        .into_par_iter()
        .map(|file| format_file(&file.path, file.shown, args.check))
        .collect();
    outcomes.extend(
        outside
            .iter()
            .map(|file| Outcome::Note(outside_link_note(file, paths))),
    );
    outcomes.extend(found.problems.into_iter().map(Outcome::Problem));
    outcomes.extend(found.notes.into_iter().map(Outcome::Note));
    match report(&outcomes, args.check, &terminal) {
        Ok(status) => status,
        Err(e) => {
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

/// A folder walk leaves a link to a file outside the folder alone: what to say about it.
fn outside_link_note(file: &Candidate, paths: &[PathBuf]) -> String {
    let folder = match file.root.and_then(|i| paths.get(i)) {
        Some(p) if p != Path::new(".") => format!("`{}`", display_path(p)),
        _ => "the current folder".to_string(),
    };
    format!(
        "`{}` was not formatted: it is a link to a file outside {folder}, and `charter fmt` \
         only rewrites files inside the folders it is given; format that file where it is",
        file.shown
    )
}

/// Format text, turning a panic (a bug) into an internal error rather than a crash.
fn format_text(text: &str) -> Result<String, FormatError> {
    catch_panic(|| format(text)).unwrap_or_else(|_| Err(panicked()))
}

/// [`format_text`], or `None` when the text is already in the canonical layout.
fn format_changed(text: &str) -> Result<Option<String>, FormatError> {
    catch_panic(|| format_if_changed(text)).unwrap_or_else(|_| Err(panicked()))
}

/// What a panic while formatting (a bug) is reported as.
fn panicked() -> FormatError {
    FormatError {
        kind: FormatErrorKind::Internal,
        diagnostics: vec![charter::diagnostic::Diagnostic::error(
            charter::fmt::INTERNAL_ERROR,
            charter::span::Span::point(0),
            "Charter stopped unexpectedly while formatting this file. The file was left as it is",
        )
        .with_help("this is a bug in Charter, not in your file; please report it (with the file, if you can share it)")],
    }
}

/// Read, format, and (without `--check`) write one file.
fn format_file(path: &Path, shown: String, check: bool) -> Outcome {
    let (bytes, metadata) = match read_file(path, &shown) {
        Ok(loaded) => match loaded.contents {
            Contents::Bytes(bytes) => (bytes, loaded.metadata),
            Contents::TooLarge(size) => {
                return Outcome::Refused {
                    shown,
                    report: too_large_report(size),
                    internal: false,
                }
            }
        },
        Err(message) => return Outcome::Problem(message),
    };
    let text = match decode(&bytes) {
        Ok(text) => text,
        Err(diagnostic) => return refused(shown, &bytes, vec![*diagnostic], false),
    };
    let formatted = match format_changed(text) {
        Ok(Some(formatted)) if formatted != text => formatted,
        Ok(_) => return Outcome::Unchanged,
        Err(e) => {
            let internal = e.kind == FormatErrorKind::Internal;
            return refused(shown, &bytes, e.diagnostics, internal);
        }
    };
    let diff = if check {
        unified_diff(&shown, text, &formatted)
    } else {
        let original = Original {
            bytes: &bytes,
            metadata: &metadata,
        };
        match write::replace(path, formatted.as_bytes(), &original) {
            Ok(()) => {}
            Err(NotWritten::Changed) => {
                return Outcome::Problem(format!(
                    "`{shown}` changed while it was being formatted; it was left as it is; \
                     run `charter fmt` again"
                ))
            }
            Err(NotWritten::Io(e)) => {
                return Outcome::Problem(format!(
                    "cannot write `{shown}`: {}",
                    describe_io_error(&e)
                ))
            }
        }
        String::new()
    };
    Outcome::Changed { shown, diff }
}

fn refused(
    shown: String,
    bytes: &[u8],
    diagnostics: Vec<charter::diagnostic::Diagnostic>,
    internal: bool,
) -> Outcome {
    Outcome::Refused {
        shown,
        report: report_of(bytes, diagnostics),
        internal,
    }
}

/// A report of `diagnostics` about a file's bytes, for the renderers.
fn report_of(bytes: &[u8], diagnostics: Vec<charter::diagnostic::Diagnostic>) -> FileReport {
    let text = super::read::report_text(bytes);
    FileReport::new(text, diagnostics, charter::limits::Omitted::default())
}

/// A unified diff with three lines of context, headed `--- PATH` / `+++ PATH`.
///
/// Lines that occur exactly once in each text are matched first (the longest run of them in
/// the same order, as in a patience diff); the lines between two matched ones are then
/// compared in full. This keeps a diff of a large file with many changes quick and
/// readable. A time limit bounds the worst case: the diff is then coarser, never wrong.
fn unified_diff(shown: &str, old: &str, new: &str) -> String {
    let deadline = Some(Instant::now() + Duration::from_secs(2));
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut ops: Vec<DiffOp> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let anchors = unique_anchors(&old_lines, &new_lines);
    for (a, b) in anchors
        .into_iter()
        .chain([(old_lines.len(), new_lines.len())])
    {
        if let (Some(old_part), Some(new_part)) = (old_lines.get(i..a), new_lines.get(j..b)) {
            let between =
                capture_diff_slices_deadline(Algorithm::Myers, old_part, new_part, deadline);
            ops.extend(between.into_iter().map(|op| shift(op, i, j)));
        }
        if a < old_lines.len() {
            ops.push(DiffOp::Equal {
                old_index: a,
                new_index: b,
                len: 1,
            });
        }
        (i, j) = (a + 1, b + 1);
    }
    // Adjacent equal runs make one (so that long ones are cut between hunks).
    let mut merged: Vec<DiffOp> = Vec::with_capacity(ops.len());
    for op in ops {
        match (merged.last_mut(), op) {
            (Some(DiffOp::Equal { len, .. }), DiffOp::Equal { len: more, .. }) => *len += more,
            (_, op) => merged.push(op),
        }
    }

    let mut out = format!("--- {shown}\n+++ {shown}\n");
    for group in group_diff_ops(merged, 3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            hunk_range(&old_range),
            hunk_range(&new_range)
        ));
        for op in &group {
            let (tag, o, n) = op.as_tag_tuple();
            let old_part = old_lines.get(o).unwrap_or_default();
            let new_part = new_lines.get(n).unwrap_or_default();
            if tag == DiffTag::Equal {
                diff_lines(&mut out, ' ', old_part);
            } else {
                diff_lines(&mut out, '-', old_part);
                diff_lines(&mut out, '+', new_part);
            }
        }
    }
    out
}

/// Pairs `(old index, new index)` of lines that occur exactly once in each text: the
/// longest sequence of them that is in the same order in both.
fn unique_anchors(old: &[&str], new: &[&str]) -> Vec<(usize, usize)> {
    // For each line: how often in old, how often in new, and where in new.
    let mut seen: HashMap<&str, (u32, u32, usize)> = HashMap::with_capacity(old.len());
    for line in old {
        seen.entry(line).or_default().0 += 1;
    }
    for (j, line) in new.iter().enumerate() {
        if let Some(entry) = seen.get_mut(line) {
            entry.1 += 1;
            entry.2 = j;
        }
    }
    let pairs: Vec<(usize, usize)> = old
        .iter()
        .enumerate()
        .filter_map(|(i, line)| match seen.get(line) {
            Some(&(1, 1, j)) => Some((i, j)),
            _ => None,
        })
        .collect();
    // The longest increasing run of new indices (patience sorting).
    let mut tails: Vec<usize> = Vec::new(); // index into pairs of the smallest tail per length
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs.get(t).is_some_and(|p| p.1 < j));
        previous[k] = length.checked_sub(1).and_then(|l| tails.get(l).copied());
        if length == tails.len() {
            tails.push(k);
        } else if let Some(slot) = tails.get_mut(length) {
            *slot = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        if let Some(&pair) = pairs.get(k) {
            out.push(pair);
        }
        at = previous.get(k).copied().flatten();
    }
    out.reverse();
    out
}

fn shift(op: DiffOp, old: usize, new: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + old,
            new_index: new_index + new,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + old,
            old_len,
            new_index: new_index + new,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + old,
            new_index: new_index + new,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: old_index + old,
            old_len,
            new_index: new_index + new,
            new_len,
        },
    }
}

/// `start,length` of a hunk header, 1-based (`start` alone for one line).
fn hunk_range(range: &Range<usize>) -> String {
    match range.len() {
        0 => format!("{},0", range.start),
        1 => format!("{}", range.start + 1),
        len => format!("{},{len}", range.start + 1),
    }
}

fn diff_lines(out: &mut String, sign: char, lines: &[&str]) {
    for line in lines {
        out.push(sign);
        out.push_str(line);
        if !line.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    }
}

fn report(outcomes: &[Outcome], check: bool, terminal: &Terminal) -> io::Result<ExitStatus> {
    let mut stdout = String::new();
    let mut stderr = String::new();
    let (mut changed, mut unchanged, mut refused) = (0, 0, 0);
    let mut status = ExitStatus::Success;
    for outcome in outcomes {
        match outcome {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Changed { shown, diff } => {
                changed += 1;
                if check {
                    stderr.push_str(&format!("would reformat `{shown}`\n"));
                    stdout.push_str(diff);
                    status = status.max(ExitStatus::Findings);
                } else {
                    stderr.push_str(&format!("formatted `{shown}`\n"));
                }
            }
            Outcome::Refused {
                shown,
                report,
                internal,
            } => {
                refused += 1;
                let mut internal = *internal;
                stderr.push_str(&render_report(shown, report, &mut internal, terminal));
                status = status.max(if internal {
                    ExitStatus::Failure
                } else {
                    ExitStatus::Findings
                });
            }
            Outcome::Problem(message) => {
                stderr.push_str(&terminal.error_line(message));
                status = ExitStatus::Failure;
            }
            Outcome::Note(message) => stderr.push_str(&terminal.warning_line(message)),
        }
    }
    stderr.push_str(&summary(changed, unchanged, refused, check));
    write_all(io::stdout().lock(), &stdout)?;
    write_all(io::stderr().lock(), &stderr)?;
    Ok(status)
}

/// The report of a file that was not formatted. A bug in the renderer becomes the file's
/// internal error line (and `internal` is then set).
fn render_report(
    shown: &str,
    report: &FileReport,
    internal: &mut bool,
    terminal: &Terminal,
) -> String {
    let options = render::human::HumanOptions {
        color: terminal.color,
        width: terminal.width,
    };
    let file = FileResult {
        path: shown,
        report,
    };
    let mut text = match render_safely(shown, || render::human::render(&file, &options)) {
        Ok(text) => text,
        Err(message) => {
            *internal = true;
            return terminal.error_line(&message);
        }
    };
    if !*internal {
        text.push_str(&format!(
            "`{shown}` was not formatted: fix the problems above first\n\n"
        ));
    }
    text
}

fn files(n: usize) -> String {
    if n == 1 {
        "1 file".to_string()
    } else {
        format!("{n} files")
    }
}

/// `2 files formatted, 5 files already formatted.` (with `--check`: `would be reformatted`).
fn summary(changed: usize, unchanged: usize, refused: usize, check: bool) -> String {
    let mut parts = Vec::new();
    if changed > 0 || (unchanged == 0 && refused == 0) {
        let verb = if check {
            "would be reformatted"
        } else {
            "formatted"
        };
        parts.push(format!("{} {verb}", files(changed)));
    }
    if unchanged > 0 {
        parts.push(format!("{} already formatted", files(unchanged)));
    }
    if refused > 0 {
        parts.push(format!(
            "{} not formatted because of errors",
            files(refused)
        ));
    }
    let mut line = parts.join(", ");
    if let Some(first) = line.get(..1) {
        let upper = first.to_uppercase();
        line.replace_range(..1, &upper);
    }
    line.push_str(".\n");
    line
}

/// `charter fmt -`: standard input to standard output.
fn run_stdin(check: bool, terminal: &Terminal) -> ExitStatus {
    const SHOWN: &str = "<stdin>";
    // Bounded like a file: at most one byte over the limit is read.
    let (bytes, too_large) = match read_bounded(io::stdin().lock(), 0) {
        Ok(Contents::Bytes(bytes)) => (bytes, None),
        Ok(Contents::TooLarge(size)) => (Vec::new(), Some(size)),
        Err(e) => {
            let _ = write_all(
                io::stderr().lock(),
                &terminal.error_line(&format!(
                    "cannot read standard input: {}",
                    describe_io_error(&e)
                )),
            );
            return ExitStatus::Failure;
        }
    };
    if let Some(size) = too_large {
        let mut internal = false;
        let report = render_report(SHOWN, &too_large_report(size), &mut internal, terminal);
        let _ = write_all(io::stderr().lock(), &report);
        return if internal {
            ExitStatus::Failure
        } else {
            ExitStatus::Findings
        };
    }
    let result = match decode(&bytes) {
        Ok(text) => format_text(text).map(|formatted| (text, formatted)),
        Err(diagnostic) => Err(FormatError {
            kind: FormatErrorKind::Syntax,
            diagnostics: vec![*diagnostic],
        }),
    };
    let written = match result {
        Ok((text, formatted)) if check => {
            if formatted == text {
                return ExitStatus::Success;
            }
            write_all(io::stdout().lock(), &unified_diff(SHOWN, text, &formatted))
                .map(|()| ExitStatus::Findings)
        }
        Ok((_, formatted)) => {
            write_all(io::stdout().lock(), &formatted).map(|()| ExitStatus::Success)
        }
        Err(e) => {
            let mut internal = e.kind == FormatErrorKind::Internal;
            let report = report_of(&bytes, e.diagnostics);
            let text = render_report(SHOWN, &report, &mut internal, terminal);
            write_all(io::stderr().lock(), &text).map(|()| {
                if internal {
                    ExitStatus::Failure
                } else {
                    ExitStatus::Findings
                }
            })
        }
    };
    written.unwrap_or(ExitStatus::Failure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_are_unified_diffs() {
        let old = "a\nb\nc\n\nd\ne\n\nf\n";
        let new = "a\nB\nc\n\nd\ne\n\nf\ng";
        assert_eq!(
            unified_diff("x", old, new),
            "--- x\n+++ x\n@@ -1,8 +1,9 @@\n a\n-b\n+B\n c\n \n d\n e\n \n f\n+g\n\\ No newline at end of file\n"
        );
        let old: String = (0..20).map(|i| format!("{i}\n")).collect();
        let new: String = (0..20)
            .filter(|&i| i != 17)
            .map(|i| {
                if i == 2 {
                    "two\n".to_string()
                } else {
                    format!("{i}\n")
                }
            })
            .collect();
        assert_eq!(
            unified_diff("x", &old, &new),
            "--- x\n+++ x\n@@ -1,6 +1,6 @@\n 0\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -15,6 +15,5 @@\n 14\n 15\n 16\n-17\n 18\n 19\n"
        );
        assert_eq!(
            unified_diff("x", "", "a\n"),
            "--- x\n+++ x\n@@ -0,0 +1 @@\n+a\n"
        );
    }

    #[test]
    fn summaries_read_well() {
        assert_eq!(
            summary(2, 5, 0, false),
            "2 files formatted, 5 files already formatted.\n"
        );
        assert_eq!(summary(1, 0, 0, true), "1 file would be reformatted.\n");
        assert_eq!(summary(0, 3, 0, true), "3 files already formatted.\n");
        assert_eq!(
            summary(0, 1, 1, false),
            "1 file already formatted, 1 file not formatted because of errors.\n"
        );
        assert_eq!(summary(0, 0, 0, false), "0 files formatted.\n");
    }
}
