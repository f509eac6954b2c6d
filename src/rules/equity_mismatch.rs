use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub EquityMismatch {
        name: "equity-mismatch",
        severity: Error,
        group: Consistency,
        summary: "a stake is held by its own issuer, or is not between 0% and 100%",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
