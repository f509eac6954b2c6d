use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoChangeOfControl {
        name: "no-change-of-control",
        severity: Warning,
        group: Practice,
        summary: "no termination on change of control",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
