use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub ContributionShareMismatch {
        name: "contribution-share-mismatch",
        severity: Warning,
        group: Practice,
        summary: "a party's share of contributions and its revenue share differ by more than 25 points",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
