//! `charter init [--model M] [FILE]`: write a complete starter agreement for an alliance
//! model, with `"TODO: …"` strings where the parties must decide (SPEC §4).
//!
//! Without FILE (or with `-`) the agreement is printed. An existing file is never
//! overwritten: the file is created only if nothing has that name yet.

use super::{describe_io_error, write_all, ExitStatus, Terminal};
use charter::model::Model;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The alliance model: a contractual coalition (no shares change hands), an equity
    /// partnership (one party takes a stake in another), or a joint venture (the parties
    /// form a new company).
    #[arg(long, value_enum, default_value_t = ModelArg::Contractual, value_name = "MODEL")]
    model: ModelArg,

    /// The file to create. Without it, the agreement is printed. An existing file is never
    /// overwritten.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ModelArg {
    /// A contractual coalition: no new company and no shares change hands.
    Contractual,
    /// An equity partnership: one party takes a minority stake in another, or they take
    /// stakes in each other.
    Equity,
    /// A joint venture: the parties form a new company that they own together.
    #[value(name = "joint_venture", alias = "joint-venture")]
    JointVenture,
}

impl ModelArg {
    fn model(self) -> Model {
        match self {
            ModelArg::Contractual => Model::Contractual,
            ModelArg::Equity => Model::Equity,
            ModelArg::JointVenture => Model::JointVenture,
        }
    }

    fn described(self) -> &'static str {
        match self {
            ModelArg::Contractual => "contractual-coalition",
            ModelArg::Equity => "equity-partnership",
            ModelArg::JointVenture => "joint-venture",
        }
    }
}

pub fn run(args: &InitArgs) -> ExitStatus {
    let terminal = Terminal::stderr();
    let text = charter::init::starter(args.model.model());
    let path = match &args.file {
        Some(path) if path.as_os_str() != "-" => path,
        _ => {
            return match write_all(io::stdout().lock(), text) {
                Ok(()) => ExitStatus::Success,
                Err(e) => fail(
                    &terminal,
                    &format!("cannot print the agreement: {}", describe_io_error(&e)),
                ),
            };
        }
    };
    let shown = super::display_path(path);
    // `create_new`: fails if anything already has that name, even if it appears between a
    // check and the write.
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
        });
    match created {
        Ok(()) => {
            let message = format!(
                "created `{shown}`, a starter {} agreement: replace every \"TODO: …\" with what the parties decided, check the example numbers, dates and amounts, then run `charter check {shown}`\n",
                args.model.described()
            );
            let _ = write_all(io::stderr().lock(), &message);
            ExitStatus::Success
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => fail(
            &terminal,
            &format!("`{shown}` already exists; `charter init` never overwrites a file: choose another name, or move the file away first"),
        ),
        Err(e) => fail(
            &terminal,
            &format!("cannot create `{shown}`: {}", describe_io_error(&e)),
        ),
    }
}

fn fail(terminal: &Terminal, message: &str) -> ExitStatus {
    let _ = write_all(io::stderr().lock(), &terminal.error_line(message));
    ExitStatus::Failure
}
