use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub LongLockIn {
        name: "long-lock-in",
        severity: Warning,
        group: Practice,
        summary: "the earliest exit is more than 3 years after the start",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
