//! The `charter` command. Everything happens in [`cli`]; the library does the checking.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Bad arguments: clap prints the problem with a usage line and exits with status 2.
    let args = cli::Cli::parse();
    cli::run(args).into()
}
