//! `charter diff OLD NEW` and `charter diff --git REV FILE`: the change in terms between two
//! versions of an agreement, as Markdown (for a pull-request comment) or JSON.
//!
//! Exit status as diff(1): 0 no change in terms, 1 changes, 2 trouble — a file that cannot
//! be read, a version with errors that stop it being read completely (its diagnostics are
//! shown on stderr and nothing is compared), or a git revision that cannot be found.

use super::guard::{catch_panic, internal_error, render_safely};
use super::read::{read_file as read_bounded_file, report_text, too_large_report, Contents};
use super::{describe_io_error, display_path, write_all, ExitStatus, Terminal};
use charter::check::{too_large, FileReport};
use charter::diagnostic::Diagnostic;
use charter::diff;
use charter::render::{self, FileResult};
use clap::ValueEnum;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier version. With `--git`, the file whose earlier version is at REV.
    #[arg(value_name = "OLD")]
    old: PathBuf,

    /// The later version (not with `--git`, which compares with the working copy).
    #[arg(
        value_name = "NEW",
        required_unless_present = "git",
        conflicts_with = "git"
    )]
    new: Option<PathBuf>,

    /// Compare the file as it is at this git revision (a commit, branch or tag, such as
    /// `main` or `HEAD~1`) with the working copy. A file that does not exist at REV is a
    /// new agreement.
    #[arg(long, value_name = "REV")]
    git: Option<String>,

    /// How to show the changes.
    #[arg(long, value_enum, default_value_t = DiffFormat::Markdown, value_name = "FORMAT")]
    format: DiffFormat,

    /// Also write the redline as a Word document here: a summary table of the changes with
    /// their impact, then the new term sheet with every change as a Word tracked change to
    /// accept or reject.
    #[arg(long, value_name = "PATH")]
    docx: Option<PathBuf>,

    /// Also write the redline as one HTML page here (print-ready): the same summary and term
    /// sheet, deleted words struck and inserted ones marked.
    #[arg(long, value_name = "PATH")]
    html: Option<PathBuf>,

    /// Also write the redline as a PDF here (in a `charter` built with the `pdf` feature).
    #[arg(long, value_name = "PATH")]
    pdf: Option<PathBuf>,
}

/// The output of `charter diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// The verdict and a table per section, ready to post as a pull-request comment.
    Markdown,
    /// `{"changes": [...], "summary": {"major", "minor", "editorial"}}`, for other programs.
    Json,
}

/// One version, as read from a file or from git.
struct Version {
    /// How to name it in messages: the path, or `path (at REV)`.
    shown: String,
    /// Empty when the file is over the size limit (`too_large`).
    bytes: Vec<u8>,
    /// The size of a file over the limit, which was not read.
    too_large: Option<u64>,
}

impl Version {
    fn read(&self) -> Result<diff::Version, Vec<Diagnostic>> {
        match self.too_large {
            Some(size) => Err(vec![too_large(size)]),
            None => diff::read_bytes(&self.bytes),
        }
    }
}

pub fn run(args: &DiffArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    match compare(args, &terminal) {
        Ok(Compared {
            output,
            notes,
            changed,
            docx,
            html,
            pdf,
        }) => {
            let _ = write_all(io::stderr(), &notes);
            for (path, bytes) in [(&args.docx, docx), (&args.html, html), (&args.pdf, pdf)] {
                let (Some(path), Some(bytes)) = (path, bytes) else {
                    continue;
                };
                if let Err(e) = super::write::write_output(path, &bytes) {
                    let _ = write_all(
                        io::stderr(),
                        &terminal.error_line(&format!(
                            "cannot write `{}`: {}",
                            display_path(path),
                            describe_io_error(&e)
                        )),
                    );
                    return ExitStatus::Failure;
                }
            }
            if let Err(e) = write_all(io::stdout().lock(), &output) {
                let _ = write_all(
                    io::stderr(),
                    &terminal.error_line(&format!(
                        "cannot write to standard output: {}",
                        describe_io_error(&e)
                    )),
                );
                return ExitStatus::Failure;
            }
            if changed {
                ExitStatus::Findings
            } else {
                ExitStatus::Success
            }
        }
        Err(message) => {
            let _ = write_all(io::stderr(), &message);
            ExitStatus::Failure
        }
    }
}

/// The changes and the notes about them; or, when the versions cannot be compared, what to
/// print on stderr.
fn compare(args: &DiffArgs, terminal: &Terminal) -> Result<Compared, String> {
    let error = |message: String| terminal.error_line(&message);
    if args.pdf.is_some() {
        super::pdf::available().map_err(error)?;
    }
    for out in [&args.docx, &args.html, &args.pdf].into_iter().flatten() {
        let same = |input: &Path| match (std::fs::canonicalize(out), std::fs::canonicalize(input)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same(&args.old) || args.new.as_deref().is_some_and(same) {
            return Err(error(format!(
                "the redline `{}` would overwrite a version being compared; name another file",
                display_path(out)
            )));
        }
    }
    let outputs = [
        ("--docx", &args.docx),
        ("--html", &args.html),
        ("--pdf", &args.pdf),
    ];
    for (i, (flag, path)) in outputs.iter().enumerate() {
        let Some(path) = path else { continue };
        if let Some((other, _)) = outputs
            .iter()
            .skip(i + 1)
            .find(|(_, p)| p.as_ref() == Some(path))
        {
            return Err(error(format!(
                "`{flag}` and `{other}` both name `{}`; name two files",
                display_path(path)
            )));
        }
    }
    let (old, new) = match (&args.git, &args.new) {
        (Some(rev), _) => {
            let new = read_file(&args.old).map_err(error)?;
            let old = at_revision(rev, &args.old)
                .map_err(error)?
                .map(|blob| match blob {
                    Blob::Bytes(bytes) => Version {
                        shown: format!("{} (at {rev})", display_path(&args.old)),
                        bytes,
                        too_large: None,
                    },
                    Blob::TooLarge(size) => Version {
                        shown: format!("{} (at {rev})", display_path(&args.old)),
                        bytes: Vec::new(),
                        too_large: Some(size),
                    },
                });
            (old, new)
        }
        (None, Some(new)) => {
            let old = read_file(&args.old).map_err(error)?;
            let new = read_file(new).map_err(error)?;
            (Some(old), new)
        }
        (None, None) => return Err(error("name the two versions to compare".into())),
    };

    let internal =
        |version: &Version, why: String| error(internal_error("reading", &version.shown, &why));
    let (old_read, new_read) = rayon::join(
        || {
            old.as_ref()
                .map(|v| catch_panic(|| v.read()).map_err(|why| internal(v, why)))
        },
        || catch_panic(|| new.read()).map_err(|why| internal(&new, why)),
    );
    let old_read = old_read.transpose()?;
    let new_read = new_read?;
    let mut trouble = String::new();
    let mut unreadable = Vec::new();
    if let (Some(Err(diagnostics)), Some(version)) = (&old_read, &old) {
        trouble.push_str(&render_diagnostics(version, diagnostics, terminal));
        unreadable.push(format!("`{}`", version.shown));
    }
    if let Err(diagnostics) = &new_read {
        trouble.push_str(&render_diagnostics(&new, diagnostics, terminal));
        unreadable.push(format!("`{}`", new.shown));
    }
    let (old_version, new_version): (Option<diff::Version>, diff::Version) = match (
        old_read, new_read,
    ) {
        (Some(Ok(o)), Ok(n)) => (Some(o), n),
        (None, Ok(n)) => (None, n),
        _ => {
            let which = unreadable.join(" and ");
            trouble.push_str(&error(format!(
                "cannot compare the two versions: {which} cannot be read completely; fix the errors above first"
            )));
            return Err(trouble);
        }
    };
    // Unknown keys and blocks are not terms: the comparison leaves them out, and says so.
    let mut notes = String::new();
    for (version, read) in [
        (old.as_ref(), old_version.as_ref()),
        (Some(&new), Some(&new_version)),
    ] {
        if let (Some(version), Some(read)) = (version, read) {
            if !read.ignored.is_empty() {
                notes.push_str(&render_diagnostics(version, &read.ignored, terminal));
                let n = read.ignored.len();
                let what = if n == 1 {
                    "the unknown key or block above: it is not a term".to_string()
                } else {
                    format!("the {n} unknown keys or blocks above: they are not terms")
                };
                notes.push_str(&terminal.warning_line(&format!(
                    "the comparison leaves out of `{}` {what}",
                    version.shown
                )));
            }
        }
    }
    let compared = catch_panic(|| {
        let changes = match &old_version {
            Some(o) => diff::diff(&o.agreement, &new_version.agreement),
            None => diff::new_agreement(&new_version.agreement),
        };
        let output = match args.format {
            DiffFormat::Markdown => diff::markdown(&changes),
            DiffFormat::Json => diff::json(&changes),
        };
        // The redline shows both term sheets as `build` writes them, findings and all.
        // The term sheets borrow their text from the builds, which are kept until the
        // redline is written.
        let build = |v: &Version| {
            charter::emit::Build::from_bytes(&v.bytes, &charter::check::Options::default())
        };
        let builds = (args.docx.is_some() || args.html.is_some() || args.pdf.is_some())
            .then(|| (old.as_ref().map(build), build(&new)));
        let redline = builds.as_ref().map(|(old_build, new_build)| {
            let old_sheet = old_build.as_ref().map(charter::emit::Build::document);
            diff::redline(old_sheet.as_ref(), &new_build.document(), &changes)
        });
        let docx = args
            .docx
            .as_ref()
            .and(redline.as_ref())
            .map(charter::emit::docx::write);
        let html = args
            .html
            .as_ref()
            .and(redline.as_ref())
            .map(|r| charter::emit::html::write(r).into_bytes());
        let pdf = args
            .pdf
            .as_ref()
            .and(redline.as_ref())
            .map(super::pdf::write);
        (changes, output, docx, html, pdf)
    });
    let (changes, output, docx, html, pdf) = compared.map_err(|why| {
        error(format!(
            "internal error while comparing `{}` with `{}`: {why}. This is a bug in Charter, \
             not in your files; please report it (with the files, if you can share them)",
            old.as_ref().map_or("nothing", |v| v.shown.as_str()),
            new.shown
        ))
    })?;
    let changed = !changes.is_empty();
    // The process ends once this is printed: freeing both agreements piece by piece would
    // only cost time (a tenth of `diff` of two 6 MB agreements), so the system takes them
    // back whole.
    std::mem::forget((old_version, new_version, changes));
    Ok(Compared {
        output,
        notes,
        changed,
        docx,
        html,
        pdf: pdf.transpose().map_err(error)?,
    })
}

/// What a comparison prints: the changes on stdout, notes on stderr; and the redline as a
/// Word document and as an HTML page, when asked for.
struct Compared {
    output: String,
    notes: String,
    changed: bool,
    docx: Option<Vec<u8>>,
    html: Option<Vec<u8>>,
    pdf: Option<Vec<u8>>,
}

fn read_file(path: &Path) -> Result<Version, String> {
    let shown = display_path(path);
    let loaded = read_bounded_file(path, &shown)?;
    Ok(match loaded.contents {
        Contents::Bytes(bytes) => Version {
            shown,
            bytes,
            too_large: None,
        },
        Contents::TooLarge(size) => Version {
            shown,
            bytes: Vec::new(),
            too_large: Some(size),
        },
    })
}

/// The diagnostics that stop a version from being compared, as `charter check` shows them.
fn render_diagnostics(
    version: &Version,
    diagnostics: &[Diagnostic],
    terminal: &Terminal,
) -> String {
    let report = match version.too_large {
        Some(size) => too_large_report(size),
        None => {
            let text = report_text(&version.bytes);
            // As `charter check` does: at most 500 listed, the rest counted.
            let mut listed = diagnostics.to_vec();
            listed.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
            let omitted = charter::limits::cap_diagnostics(&mut listed, text.len());
            FileReport::new(text, listed, omitted)
        }
    };
    let file = FileResult {
        path: &version.shown,
        report: &report,
    };
    let options = render::human::HumanOptions {
        color: terminal.color,
        width: terminal.width,
    };
    match render_safely(&version.shown, || render::human::render(&file, &options)) {
        Ok(mut out) => {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out
        }
        Err(message) => terminal.error_line(&message),
    }
}

/// A file at a git revision.
enum Blob {
    Bytes(Vec<u8>),
    /// Over the size limit: its size; not read.
    TooLarge(u64),
}

/// The file's bytes at a git revision, through the `git` command; `None` when the file
/// does not exist there.
fn at_revision(rev: &str, file: &Path) -> Result<Option<Blob>, String> {
    let shown = display_path(file);
    if rev.is_empty() || rev.starts_with('-') {
        return Err(format!("`{rev}` is not a git revision"));
    }
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = file.file_name() else {
        return Err(format!("`{shown}` does not name a file"));
    };
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(&folder)
            .args(args)
            .output()
            .map_err(|e| match e.kind() {
                io::ErrorKind::NotFound => {
                    "cannot run `git`: it is not installed or not on the PATH".to_string()
                }
                _ => format!("cannot run `git`: {}", describe_io_error(&e)),
            })
    };
    let stderr_of = |output: &std::process::Output| {
        String::from_utf8_lossy(&output.stderr)
            .trim()
            .trim_start_matches("fatal: ")
            .to_string()
    };

    let prefix = git(&["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        return Err(format!(
            "cannot compare `{shown}` with `{rev}`: {}",
            stderr_of(&prefix)
        ));
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout)
        .trim_end_matches(['\n', '\r'])
        .to_string();

    let commit = format!("{rev}^{{commit}}");
    let verify = git(&["rev-parse", "--verify", "--quiet", &commit])?;
    if !verify.status.success() {
        return Err(format!(
            "cannot compare `{shown}` with `{rev}`: there is no revision `{rev}` in this repository"
        ));
    }

    let object = format!("{rev}:{prefix}{}", name.to_string_lossy());
    let exists = git(&["cat-file", "-e", &object])?;
    if !exists.status.success() {
        return Ok(None);
    }
    // Its size first: a blob over the limit is not read.
    let size = git(&["cat-file", "-s", &object])?;
    let size: Option<u64> = String::from_utf8_lossy(&size.stdout).trim().parse().ok();
    if let Some(size) = size.filter(|&s| s > charter::limits::MAX_FILE_BYTES as u64) {
        return Ok(Some(Blob::TooLarge(size)));
    }
    let blob = git(&["cat-file", "blob", &object])?;
    if !blob.status.success() {
        return Err(format!(
            "cannot read `{shown}` at `{rev}`: {}",
            stderr_of(&blob)
        ));
    }
    Ok(Some(Blob::Bytes(blob.stdout)))
}
