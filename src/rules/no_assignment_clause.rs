use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoAssignmentClause {
        name: "no-assignment-clause",
        severity: Info,
        group: Practice,
        summary: "no assignment clause: a party could assign the agreement to a competitor",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
