use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub PartyWithoutShare {
        name: "party-without-share",
        severity: Error,
        group: Consistency,
        summary: "a share map leaves a party out",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
