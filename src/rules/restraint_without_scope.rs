use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub RestraintWithoutScope {
        name: "restraint-without-scope",
        severity: Warning,
        group: Practice,
        summary: "a non-compete without a territory",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
