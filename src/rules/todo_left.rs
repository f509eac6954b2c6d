use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub TodoLeft {
        name: "todo-left",
        severity: Warning,
        group: Practice,
        summary: "a string still contains TODO",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
