use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub MissingContribution {
        name: "missing-contribution",
        severity: Error,
        group: Consistency,
        summary: "a party has no `from` block, or an empty one",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
