use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoBindingStep {
        name: "no-binding-step",
        severity: Error,
        group: Consistency,
        summary: "the dispute ladder does not end in arbitration, litigation or binding expert determination",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
