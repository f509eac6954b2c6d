use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoConvenienceExit {
        name: "no-convenience-exit",
        severity: Warning,
        group: Practice,
        summary: "no termination for convenience",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
