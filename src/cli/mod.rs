//! The command line: argument parsing, reading files, printing, exit status.
//!
//! One file per subcommand. To add one: write `src/cli/<name>.rs` with an `Args` struct
//! (clap derive) and a `run(&Args) -> ExitStatus`, then add a variant to [`Command`] and an
//! arm to [`run`]. What several subcommands share (the `--format` and `--deny` flags, colour,
//! messages about files that cannot be read, how paths are shown) lives here; reading a file
//! is [`read`], writing one [`write`] (with [`temporary`] files), and keeping a panic on one
//! file from stopping the run [`guard`].

mod build;
mod check;
mod diff;
mod exit;
mod files;
mod fmt;
mod guard;
mod init;
mod lsp;
mod outputs;
mod pdf;
mod project;
mod read;
mod rules;
mod temporary;
mod write;

pub use exit::ExitStatus;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// Charter checks strategic-alliance agreements written as `.charter` files.
#[derive(Debug, Parser)]
#[command(name = "charter", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check agreements for mistakes and gaps, and report what to fix.
    ///
    /// Exit status: 0 when no errors were found (warnings alone do not count), 1 when
    /// errors were found, 2 when the check itself could not be done (for example a path
    /// that cannot be read).
    Check(check::CheckArgs),

    /// Write the JSON document and/or the Markdown term sheet (or an HTML page) of an
    /// agreement. With no output named, the Markdown term sheet goes to standard output.
    ///
    /// Exit status: 0 when the agreement has no errors, 1 when it has errors (it is then
    /// built as a DRAFT, unless it has syntax errors, when nothing is written), 2 when it
    /// cannot be read or an output cannot be written.
    Build(build::BuildArgs),

    /// Show what changed in the terms between two versions of an agreement: the redline a
    /// reviewer needs, as Markdown for a pull-request comment (or JSON).
    ///
    /// `charter diff OLD NEW` compares two files; `charter diff --git REV FILE` compares
    /// FILE at a git revision with the working copy. Exit status: 0 when no term changed,
    /// 1 when terms changed, 2 when a version cannot be read (its errors are shown).
    Diff(diff::DiffArgs),

    /// Print the page of one rule: what it checks, why it matters, and an example.
    Explain(rules::ExplainArgs),

    /// List every rule with its default severity and what it checks.
    Rules,

    /// Put agreements in the standard layout, keeping every comment and every term as it is.
    ///
    /// Exit status: 0 when every file is formatted (or, with `--check`, already was), 1 when
    /// a file has a syntax error (it is left as it is) or, with `--check`, would change, 2
    /// when the run itself failed (a path that cannot be read or written).
    Fmt(fmt::FmtArgs),

    /// Write a complete starter agreement for an alliance model, with "TODO: …" where the
    /// parties must decide.
    Init(init::InitArgs),

    /// Run the language server on standard input and output, for an editor: findings as you
    /// type, hover, completion, go to definition, rename, outline, formatting and quick fixes.
    /// `docs/editors.md` says how to use it from VS Code, Neovim, Helix and Zed.
    Lsp,
}

/// Run the command the user asked for.
pub fn run(cli: Cli) -> ExitStatus {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Explain(args) => rules::explain(&args),
        Command::Rules => rules::list(),
        Command::Fmt(args) => fmt::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Lsp => lsp::run(),
    }
}

/// How findings are shown (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report showing the text around each problem (on stderr).
    #[default]
    Human,
    /// One line per finding: `path:line:column: severity[rule] message` (on stdout).
    Concise,
    /// One JSON object with every finding and a summary, for other programs (on stdout).
    Json,
    /// GitHub Actions annotations (on stdout), and a summary table in
    /// `$GITHUB_STEP_SUMMARY` when it is set.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other tools (on stdout).
    Sarif,
    /// GitLab's Code Quality report (on stdout).
    Gitlab,
}

/// What `--deny` can make fail the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Report every warning as an error (it then counts towards exit status 1).
    Warnings,
}

/// The options every command that reports diagnostics takes.
#[derive(Clone, Debug, Args)]
pub struct DiagnosticArgs {
    /// How to show the findings.
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "FORMAT")]
    pub format: Format,

    /// Treat warnings as errors.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
}

impl DiagnosticArgs {
    pub fn deny_warnings(&self) -> bool {
        self.deny.contains(&Deny::Warnings)
    }
}

/// Where and how people's output (stderr) is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    pub color: bool,
    pub width: usize,
}

impl Terminal {
    /// Colour only when stderr is a terminal, never with `NO_COLOR`, always with
    /// `CLICOLOR_FORCE` (and not with `CLICOLOR=0`); the width of the terminal, or 100
    /// columns when stderr is not one.
    pub fn stderr() -> Terminal {
        let is_terminal = io::stderr().is_terminal();
        let color = use_color(
            std::env::var_os("NO_COLOR"),
            std::env::var_os("CLICOLOR_FORCE"),
            std::env::var_os("CLICOLOR"),
            is_terminal,
        );
        let width = if is_terminal {
            terminal_size::terminal_size_of(io::stderr())
                .map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
                .clamp(40, 120)
        } else {
            DEFAULT_WIDTH
        };
        Terminal { color, width }
    }

    /// `error: <message>` as one line for stderr.
    pub fn error_line(&self, message: &str) -> String {
        self.tagged_line("error", "\u{1b}[1;31m", message)
    }

    /// `warning: <message>` as one line for stderr.
    pub fn warning_line(&self, message: &str) -> String {
        self.tagged_line("warning", "\u{1b}[1;33m", message)
    }

    fn tagged_line(&self, tag: &str, style: &str, message: &str) -> String {
        if self.color {
            format!("{style}{tag}\u{1b}[0m: {message}\n")
        } else {
            format!("{tag}: {message}\n")
        }
    }
}

const DEFAULT_WIDTH: usize = 100;

/// The colour decision, from the conventions at <https://no-color.org> and
/// <https://bixense.com/clicolors/>. A variable set to the empty string counts as unset.
fn use_color(
    no_color: Option<OsString>,
    clicolor_force: Option<OsString>,
    clicolor: Option<OsString>,
    is_terminal: bool,
) -> bool {
    let set = |v: &Option<OsString>| v.as_ref().is_some_and(|v| !v.is_empty());
    if set(&no_color) {
        return false;
    }
    if set(&clicolor_force) && clicolor_force.as_deref() != Some("0".as_ref()) {
        return true;
    }
    if clicolor.as_deref() == Some("0".as_ref()) {
        return false;
    }
    is_terminal
}

/// A path as the user should see it: as given (or as the walk found it), with `/`
/// between folders on every system, and its control characters escaped (see
/// [`escape_controls`]). Every path Charter prints goes through here.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = if std::path::MAIN_SEPARATOR == '/' {
        text
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/").into()
    };
    escape_controls(&text).into_owned()
}

/// `text` with its control characters written as visible escapes, as Rust writes them
/// (`\n`, `\t`, `\u{1b}`): a file name holding a line end cannot start a line of its own
/// in a report (where a CI service would read it as a command), nor an escape sequence
/// drive the terminal. Unicode's bidirectional controls (U+202A–U+202E, U+2066–U+2069, and
/// the marks U+200E, U+200F, U+061C) and line separators (U+2028, U+2029) are escaped too,
/// so that a name cannot read backwards. Other characters, `é` or `日` as much as `a`, are
/// kept as they are.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    fn escaped(c: char) -> bool {
        c.is_control()
            || matches!(
                c,
                '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{200e}'
                    | '\u{200f}'
                    | '\u{061c}'
                    | '\u{2028}'
                    | '\u{2029}'
            )
    }
    if !text.chars().any(escaped) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if escaped(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.into()
}

/// An operating-system error in the words the user knows, without the "(os error 2)" that
/// `std` adds.
pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "No such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error ") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

/// Write to stdout or stderr. A reader that went away (`charter check … | head`) is not a
/// failure: the rest of the output is simply not written.
pub fn write_all(stream: impl Write, text: &str) -> Result<(), io::Error> {
    write_bytes(stream, text.as_bytes())
}

/// [`write_all`] for text in pieces (a report of many files), written in turn through one
/// buffer rather than joined first.
pub fn write_pieces(stream: impl Write, pieces: &[&str]) -> Result<(), io::Error> {
    let mut buffered = io::BufWriter::with_capacity(64 * 1024, stream);
    let written = pieces
        .iter()
        .try_for_each(|piece| buffered.write_all(piece.as_bytes()))
        .and_then(|()| buffered.flush());
    unless_reader_gone(written)
}

/// [`write_all`] for bytes (a Word document to standard output).
pub fn write_bytes(mut stream: impl Write, bytes: &[u8]) -> Result<(), io::Error> {
    unless_reader_gone(stream.write_all(bytes).and_then(|()| stream.flush()))
}

/// A write's result, where a reader that went away is not a failure.
fn unless_reader_gone(written: io::Result<()>) -> io::Result<()> {
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn pieces_are_written_in_turn_and_a_reader_gone_is_not_a_failure() {
        let big = "x".repeat(200_000);
        let pieces = ["first ", big.as_str(), "", " last\n"];
        let mut out = Vec::new();
        assert!(write_pieces(&mut out, &pieces).is_ok());
        assert_eq!(out, pieces.concat().into_bytes());

        /// Takes 10 bytes, then reports the given error.
        struct Closing(usize, io::ErrorKind);
        impl Write for Closing {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 >= 10 {
                    return Err(io::Error::from(self.1));
                }
                let n = buf.len().min(10 - self.0);
                self.0 += n;
                Ok(n)
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        assert!(write_pieces(Closing(0, io::ErrorKind::BrokenPipe), &pieces).is_ok());
        let full = write_pieces(Closing(0, io::ErrorKind::StorageFull), &pieces);
        assert_eq!(full.map_err(|e| e.kind()), Err(io::ErrorKind::StorageFull));
    }

    #[test]
    fn colour_follows_the_conventions() {
        let s = |v: &str| Some(OsString::from(v));
        assert!(use_color(None, None, None, true));
        assert!(!use_color(None, None, None, false));
        assert!(!use_color(s("1"), None, None, true));
        assert!(!use_color(s("1"), s("1"), None, true));
        assert!(use_color(s(""), None, None, true));
        assert!(use_color(None, s("1"), None, false));
        assert!(!use_color(None, s("0"), None, false));
        assert!(!use_color(None, None, s("0"), true));
        assert!(use_color(None, s("1"), s("0"), false));
    }

    #[test]
    fn paths_are_shown_with_their_controls_escaped() {
        assert_eq!(
            display_path(Path::new("a\n::error title=x::y.charter")),
            "a\\n::error title=x::y.charter"
        );
        assert_eq!(
            display_path(Path::new("\u{1b}[31mred\t")),
            "\\u{1b}[31mred\\t"
        );
        assert_eq!(
            display_path(Path::new("invoice\u{202e}fdp.charter")),
            "invoice\\u{202e}fdp.charter"
        );
        assert_eq!(
            display_path(Path::new("r\u{2067}.charter")),
            "r\\u{2067}.charter"
        );
        assert_eq!(
            display_path(Path::new("deals/société/日本.charter")),
            "deals/société/日本.charter"
        );
        assert_eq!(display_path(Path::new("\u{85}\u{7f}")), "\\u{85}\\u{7f}");
    }

    #[test]
    fn io_errors_lose_their_os_error_number() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(describe_io_error(&e), "No such file or directory");
        let e = io::Error::from_raw_os_error(21);
        assert!(!describe_io_error(&e).contains("os error"));
    }
}
