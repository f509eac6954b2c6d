//! `charter build FILE [--json PATH] [--markdown PATH] [--html PATH]`: write the JSON
//! document, the Markdown term sheet and/or the HTML page of one agreement (SPEC §5).
//!
//! `-` means standard output; with no output flag, the Markdown term sheet goes to standard
//! output. A file with a syntax error is not built: nothing is written and the exit status
//! is 1. A file that reads but has errors is built as a DRAFT (its open issues listed in
//! it), and the exit status is 1 so that a pipeline notices. Diagnostics go to standard
//! error in every `--format`, since standard output may carry the document.

use super::project::{Met, Projects};
use super::{
    describe_io_error, display_path, write_all, DiagnosticArgs, ExitStatus, Format, Terminal,
};
use charter::check::{FileReport, Options};
use charter::emit::Build;
use charter::render::{self, Counts, FileResult};
use charter::span::LineIndex;
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

    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

pub fn run(args: &BuildArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    let shown = display_path(&args.file);
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = write_all(
                io::stderr(),
                &terminal.error_line(&format!("cannot read `{shown}`: {}", describe_io_error(&e))),
            );
            return ExitStatus::Failure;
        }
    };

    let mut projects = Projects::default();
    let absolute = super::files::absolute(&args.file, &std::env::current_dir().unwrap_or_default());
    let (project, met) = projects.settings_for(&absolute);
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
    let build = Build::from_bytes(&bytes, &options);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let diagnostics = build.diagnostics.clone();
    reports.push((
        shown.clone(),
        FileReport {
            line_index: LineIndex::new(&text),
            text,
            diagnostics,
            omitted: build.omitted,
        },
    ));

    // Diagnostics first, on stderr.
    let files: Vec<FileResult<'_>> = reports
        .iter()
        .map(|(path, report)| FileResult { path, report })
        .collect();
    let mut stderr = String::new();
    for message in &problems {
        stderr.push_str(&terminal.error_line(message));
    }
    match args.diagnostics.format {
        Format::Human => {
            let options = render::human::HumanOptions {
                color: terminal.color,
                width: terminal.width,
            };
            for file in &files {
                let text = render::human::render(file, &options);
                if !text.is_empty() {
                    stderr.push_str(&text);
                    stderr.push('\n');
                }
            }
        }
        Format::Concise => {
            for file in &files {
                stderr.push_str(&render::concise::render(file));
            }
        }
        Format::Json => match render::json::render(&files) {
            Ok(json) => stderr.push_str(&json),
            Err(e) => stderr.push_str(&terminal.error_line(&e.to_string())),
        },
        // CI formats: the same renderers as `check` (paths as given).
        Format::Github => stderr.push_str(&render::github::render(&files)),
        Format::Sarif => match render::sarif::render(&files, &problems) {
            Ok(sarif) => stderr.push_str(&sarif),
            Err(e) => stderr.push_str(&terminal.error_line(&e.to_string())),
        },
        Format::Gitlab => match render::gitlab::render(&files) {
            Ok(json) => stderr.push_str(&json),
            Err(e) => stderr.push_str(&terminal.error_line(&e.to_string())),
        },
    }
    let counts = Counts::of(&files);

    if build.has_syntax_errors {
        stderr.push_str(&terminal.error_line(&format!(
            "`{shown}` was not built: fix its syntax errors first"
        )));
        let _ = write_all(io::stderr(), &stderr);
        return ExitStatus::Findings;
    }

    let wants_default = args.json.is_none() && args.markdown.is_none() && args.html.is_none();
    let markdown = if wants_default {
        Some(PathBuf::from("-"))
    } else {
        args.markdown.clone()
    };
    let mut outputs: Vec<(&Path, String)> = Vec::new();
    if let Some(path) = &args.json {
        outputs.push((path, build.json()));
    }
    if let Some(path) = &markdown {
        outputs.push((path, build.markdown()));
    }
    if let Some(path) = &args.html {
        outputs.push((path, build.html()));
    }
    let mut failed = !problems.is_empty();
    for (path, content) in outputs {
        if let Err(message) = write_output(path, &content) {
            stderr.push_str(&terminal.error_line(&message));
            failed = true;
        }
    }
    if !build.status.is_final() && args.diagnostics.format == Format::Human {
        stderr.push_str(&format!(
            "Built `{shown}` as a DRAFT: {}.\n",
            render::human::summary(&counts)
                .trim_end_matches('.')
                .trim_start_matches("Checked 1 file: ")
        ));
    }
    let _ = write_all(io::stderr(), &stderr);
    if failed {
        ExitStatus::Failure
    } else if counts.errors > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

/// Write one output: `-` is standard output; a file is written whole or not at all (a
/// temporary file beside it, then renamed over it).
fn write_output(path: &Path, content: &str) -> Result<(), String> {
    if path == Path::new("-") {
        return write_all(io::stdout().lock(), content)
            .map_err(|e| format!("cannot write to standard output: {}", describe_io_error(&e)));
    }
    let shown = display_path(path);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.charter-tmp-{}", std::process::id()));
    std::fs::write(&temporary, content)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            format!("cannot write `{shown}`: {}", describe_io_error(&e))
        })
}
