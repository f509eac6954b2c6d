use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub LongRestraint {
        name: "long-restraint",
        severity: Warning,
        group: Practice,
        summary: "an exclusivity or non-compete runs more than 2 years after exit",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
