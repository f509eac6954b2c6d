//! `charter build FILE [--json PATH] [--markdown PATH] [--html PATH]`: write the JSON
//! document, the Markdown term sheet and/or the HTML page of one agreement (SPEC §5).
//!
//! `-` means standard output; with no output flag, the Markdown term sheet goes to standard
//! output. A file with a syntax error is not built: nothing is written and the exit status
//! is 1. A file that reads but has errors is built as a DRAFT (its open issues listed in
//! it), and the exit status is 1 so that a pipeline notices. Diagnostics go to standard
//! error in every `--format`, since standard output may carry the document.

use super::guard::{catch_panic, internal_error, render_safely};
use super::project::{self, Met, Project, Projects};
use super::read::{read_file, too_large_report, Contents, Loaded};
use super::{
    describe_io_error, display_path, outputs, write, write_all, DiagnosticArgs, ExitStatus, Format,
    Terminal,
};
use charter::check::{FileReport, Options};
use charter::emit::{self, Build};
use charter::render::{self, Counts, FileResult};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The agreement to build.
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// Write the JSON document here (`-` for standard output).
    #[arg(long, value_name = "PATH")]
    json: Option<PathBuf>,

    /// Write the Markdown term sheet here (`-` for standard output). This is the default
    /// when no output is named.
    #[arg(long, value_name = "PATH")]
    markdown: Option<PathBuf>,

    /// Write the term sheet as one self-contained HTML page here (`-` for standard output),
    /// ready to print to PDF.
    #[arg(long, value_name = "PATH")]
    html: Option<PathBuf>,

    /// Write the term sheet as a Word document (DOCX) here.
    #[arg(long, value_name = "PATH")]
    docx: Option<PathBuf>,

    /// Write the term sheet as a PDF here, typeset with its fonts embedded (in a `charter`
    /// built with the `pdf` feature).
    #[arg(long, value_name = "PATH")]
    pdf: Option<PathBuf>,

    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

pub fn run(args: &BuildArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    let fail = |message: &str| {
        let _ = write_all(io::stderr(), &terminal.error_line(message));
        ExitStatus::Failure
    };
    let shown = display_path(&args.file);
    let cwd = std::env::current_dir().unwrap_or_default();

    let mut projects = Projects::default();
    let absolute = super::files::absolute(&args.file, &cwd);
    let (project, met) = projects.settings_for(&absolute);

    let wants_default = args.json.is_none()
        && args.markdown.is_none()
        && args.html.is_none()
        && args.docx.is_none()
        && args.pdf.is_none();
    let markdown = if wants_default {
        Some(PathBuf::from("-"))
    } else {
        args.markdown.clone()
    };
    let named: Vec<(&str, &Path)> = [
        ("--json", args.json.as_deref()),
        ("--markdown", markdown.as_deref()),
        ("--html", args.html.as_deref()),
        ("--docx", args.docx.as_deref()),
        ("--pdf", args.pdf.as_deref()),
    ]
    .into_iter()
    .filter_map(|(flag, path)| path.map(|p| (flag, p)))
    .collect();
    if let Some(message) = outputs_over_inputs(&named, &args.file, project.as_deref(), &cwd) {
        return fail(&message);
    }
    if args.pdf.is_some() {
        if let Err(message) = super::pdf::available() {
            return fail(&message);
        }
    }

    let mut problems = Vec::new();
    let mut reports: Vec<(String, FileReport)> = Vec::new();
    match met {
        Some(Met::Checked { shown, report, .. }) if !report.diagnostics.is_empty() => {
            reports.push((shown, report))
        }
        Some(Met::Checked { .. }) => {}
        Some(Met::Unreadable(message)) => problems.push(message),
        None => {}
    }
    let options = Options {
        deny_warnings: args.diagnostics.deny_warnings(),
        config: project.map(|p| Arc::clone(&p.config)),
    };
    let build = match read_file(&args.file, &shown) {
        Ok(Loaded {
            contents: Contents::Bytes(bytes),
            ..
        }) => {
            let build = match catch_panic(|| Build::from_bytes(&bytes, &options)) {
                Ok(build) => build,
                Err(why) => return fail(&internal_error("building", &shown, &why)),
            };
            // The report shows the file's text: the bytes themselves when they are UTF-8.
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            reports.push((
                shown.clone(),
                FileReport::new(text, build.diagnostics.clone(), build.omitted),
            ));
            Some(build)
        }
        Ok(Loaded {
            contents: Contents::TooLarge(size),
            ..
        }) => {
            reports.push((shown.clone(), too_large_report(size)));
            None
        }
        Err(message) => return fail(&message),
    };

    // Diagnostics first, on stderr.
    let files: Vec<FileResult<'_>> = reports
        .iter()
        .map(|(path, report)| FileResult { path, report })
        .collect();
    let mut stderr = String::new();
    for message in &problems {
        stderr.push_str(&terminal.error_line(message));
    }
    let rendered = render_findings(&files, &problems, args.diagnostics.format, &terminal);
    stderr.push_str(&rendered.text);
    let render_failed = !rendered.problems.is_empty();
    problems.extend(rendered.problems);
    let counts = Counts::of(&files);

    let build = match build {
        Some(build) if !build.has_syntax_errors => build,
        _ => {
            stderr.push_str(&terminal.error_line(&format!(
                "`{shown}` was not built: fix its syntax errors first"
            )));
            let _ = write_all(io::stderr(), &stderr);
            return if render_failed {
                ExitStatus::Failure
            } else {
                ExitStatus::Findings
            };
        }
    };

    let mut failed = !problems.is_empty();
    // The JSON document and the term sheet do not depend on each other: the JSON is written
    // on a thread of its own while the term sheet is built (once, for every writer that
    // lays it out) and laid out by each writer.
    let wants = |json: bool| named.iter().any(|(flag, _)| (*flag == "--json") == json);
    let (mut json, sheet, mut laid_out) = std::thread::scope(|scope| {
        let json = wants(true).then(|| scope.spawn(|| catch_panic(|| build.json())));
        // Built on this thread, which reuses the memory the check freed.
        let sheet = wants(false).then(|| catch_panic(|| build.document()));
        let laid_out: Vec<Option<Result<Vec<u8>, String>>> = named
            .iter()
            .map(|(flag, _)| match (*flag, &sheet) {
                ("--json", _) | (_, None | Some(Err(_))) => None,
                ("--html", Some(Ok(doc))) => Some(Ok(emit::html::write(doc).into_bytes())),
                ("--docx", Some(Ok(doc))) => Some(Ok(emit::docx::write(doc))),
                ("--pdf", Some(Ok(doc))) => Some(super::pdf::write(doc)),
                (_, Some(Ok(doc))) => Some(Ok(emit::markdown::write(doc).into_bytes())),
            })
            .collect();
        let json = json.map(|thread| {
            thread
                .join()
                .unwrap_or_else(|_| Err("the JSON writer stopped".to_string()))
        });
        (json, sheet, laid_out)
    });
    if let Some(Err(why)) = &sheet {
        let why = internal_error("writing the term sheet of", &shown, why);
        stderr.push_str(&terminal.error_line(&why));
        failed = true;
    }
    for ((flag, path), laid_out) in named.iter().zip(&mut laid_out) {
        let content = match (*flag, laid_out.take()) {
            ("--json", _) => match json.take() {
                Some(Ok(text)) => text.into_bytes(),
                Some(Err(why)) => {
                    let why = internal_error("writing the JSON document of", &shown, &why);
                    stderr.push_str(&terminal.error_line(&why));
                    failed = true;
                    continue;
                }
                None => continue,
            },
            (_, Some(Ok(bytes))) => bytes,
            // Only the PDF writer can fail (its message is for the user as it is).
            (_, Some(Err(message))) => {
                stderr.push_str(&terminal.error_line(&message));
                failed = true;
                continue;
            }
            // The term sheet could not be built: said above.
            (_, None) => continue,
        };
        if let Err(message) = write_output(path, &content) {
            stderr.push_str(&terminal.error_line(&message));
            failed = true;
        }
    }
    if !build.status.is_clean() && args.diagnostics.format == Format::Human {
        stderr.push_str(&format!(
            "Built `{shown}` as a DRAFT: {}.\n",
            render::human::summary(&counts)
                .trim_end_matches('.')
                .trim_start_matches("Checked 1 file: ")
        ));
    }
    let _ = write_all(io::stderr(), &stderr);
    // The process ends here: freeing the agreement and its term sheet piece by piece would
    // only cost time (a tenth of `build` on a 6 MB agreement), so the system takes them back
    // whole.
    std::mem::forget(sheet);
    std::mem::forget(build);
    if failed {
        ExitStatus::Failure
    } else if counts.errors > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// Refuse an output that is the agreement or its `charter.toml`, and two outputs that name
/// the same file (the second would silently replace the first): what to say, if so.
fn outputs_over_inputs(
    named: &[(&str, &Path)],
    file: &Path,
    project: Option<&Project>,
    cwd: &Path,
) -> Option<String> {
    let settings = project.map(|p| p.folder.join(project::FILE_NAME));
    let mut inputs = vec![(file, "the agreement being built")];
    if let Some(settings) = &settings {
        inputs.push((
            settings.as_path(),
            "the settings of the agreement being built",
        ));
    }
    let files: Vec<(&str, &Path)> = named
        .iter()
        .copied()
        .filter(|(_, path)| *path != Path::new("-"))
        .collect();
    for (flag, path) in &files {
        if let Some(what) = outputs::overwritten_input(path, inputs.iter().copied(), cwd) {
            return Some(format!(
                "cannot write `{flag} {}`: it is {what}; choose another path. Nothing was written",
                display_path(path)
            ));
        }
    }
    let paths: Vec<&Path> = files.iter().map(|(_, p)| *p).collect();
    let (i, j) = outputs::shared_output(&paths, cwd)?;
    let (Some((a, pa)), Some((b, pb))) = (files.get(i), files.get(j)) else {
        return None;
    };
    Some(format!(
        "`{a} {}` and `{b} {}` name the same file; give each output its own path. Nothing was \
         written",
        display_path(pa),
        display_path(pb)
    ))
}

/// The findings, as stderr shows them, and the internal errors met drawing them.
struct Rendered {
    text: String,
    problems: Vec<String>,
}

/// Render the findings in `format`; a bug in a renderer becomes an internal error line
/// rather than a crash.
fn render_findings(
    files: &[FileResult<'_>],
    problems: &[String],
    format: Format,
    terminal: &Terminal,
) -> Rendered {
    let mut out = Rendered {
        text: String::new(),
        problems: Vec::new(),
    };
    let add = |result: Result<String, String>, out: &mut Rendered| match result {
        Ok(text) => out.text.push_str(&text),
        Err(message) => {
            out.text.push_str(&terminal.error_line(&message));
            out.problems.push(message);
        }
    };
    let whole = |render: &dyn Fn() -> Result<String, String>| {
        catch_panic(render)
            .unwrap_or_else(|why| Err(internal_error("showing the findings of", "the run", &why)))
    };
    let json_error = |e: serde_json::Error| e.to_string();
    match format {
        Format::Human => {
            let options = render::human::HumanOptions {
                color: terminal.color,
                width: terminal.width,
            };
            for file in files {
                let rendered = render_safely(file.path, || {
                    let mut text = render::human::render(file, &options);
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text
                });
                add(rendered, &mut out);
            }
        }
        Format::Concise => {
            for file in files {
                add(
                    render_safely(file.path, || render::concise::render(file)),
                    &mut out,
                );
            }
        }
        Format::Json => add(
            whole(&|| render::json::render(files).map_err(json_error)),
            &mut out,
        ),
        // CI formats: the same renderers as `check` (paths as given).
        Format::Github => add(whole(&|| Ok(render::github::render(files))), &mut out),
        Format::Sarif => add(
            whole(&|| render::sarif::render(files, problems).map_err(json_error)),
            &mut out,
        ),
        Format::Gitlab => add(
            whole(&|| render::gitlab::render(files).map_err(json_error)),
            &mut out,
        ),
    }
    out
}

/// Write one output: `-` is standard output; a file is written whole or not at all (see
/// [`super::write`]).
fn write_output(path: &Path, content: &[u8]) -> Result<(), String> {
    if path == Path::new("-") {
        return super::write_bytes(io::stdout().lock(), content)
            .map_err(|e| format!("cannot write to standard output: {}", describe_io_error(&e)));
    }
    write::write_output(path, content).map_err(|e| {
        format!(
            "cannot write `{}`: {}",
            display_path(path),
            describe_io_error(&e)
        )
    })
}
