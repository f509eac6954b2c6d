use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub ShareForUnknownParty {
        name: "share-for-unknown-party",
        severity: Error,
        group: Consistency,
        summary: "a share map names someone who is not a party",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
