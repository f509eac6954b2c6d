use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoLiabilityCap {
        name: "no-liability-cap",
        severity: Info,
        group: Practice,
        summary: "a liability block without a cap",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
