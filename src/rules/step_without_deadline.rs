use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub StepWithoutDeadline {
        name: "step-without-deadline",
        severity: Warning,
        group: Practice,
        summary: "a dispute step before the last has no `within`",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
