use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoHealthCheck {
        name: "no-health-check",
        severity: Warning,
        group: Practice,
        summary: "no health check at least quarterly",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
