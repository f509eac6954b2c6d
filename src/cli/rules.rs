//! `charter rules` (the table of every rule) and `charter explain RULE` (one rule's page).

use super::{write_all, ExitStatus, Terminal};
use charter::diagnostic::did_you_mean;
use charter::rules::{self, docs};
use std::io;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's name, as findings show it (for example `shares-not-100`).
    #[arg(value_name = "RULE")]
    rule: String,
}

pub fn list() -> ExitStatus {
    print(&docs::table())
}

pub fn explain(args: &ExplainArgs) -> ExitStatus {
    let name = args.rule.trim();
    match rules::lookup(name) {
        Some(rule) => print(&docs::page(rule.meta())),
        None => {
            let terminal = Terminal::stderr();
            let mut message = format!("there is no rule called `{name}`");
            if let Some(s) = did_you_mean(name, rules::names()) {
                message.push_str(&format!("; did you mean `{s}`?"));
            }
            let _ = write_all(
                io::stderr(),
                &format!(
                    "{}\n{}\n",
                    terminal.error_line(&message),
                    "`charter rules` lists every rule."
                ),
            );
            ExitStatus::Failure
        }
    }
}

fn print(text: &str) -> ExitStatus {
    match write_all(io::stdout(), text) {
        Ok(()) => ExitStatus::Success,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Success,
        Err(_) => ExitStatus::Failure,
    }
}
