use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoAnnualReview {
        name: "no-annual-review",
        severity: Warning,
        group: Practice,
        summary: "no review of the alliance at least once a year",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
