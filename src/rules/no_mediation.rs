use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoMediation {
        name: "no-mediation",
        severity: Warning,
        group: Practice,
        summary: "no mediation before the binding step of the dispute ladder",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
