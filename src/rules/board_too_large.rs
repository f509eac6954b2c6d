use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub BoardTooLarge {
        name: "board-too-large",
        severity: Warning,
        group: Practice,
        summary: "a committee or board with more than 11 seats",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
