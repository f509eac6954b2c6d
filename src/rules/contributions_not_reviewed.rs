use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub ContributionsNotReviewed {
        name: "contributions-not-reviewed",
        severity: Warning,
        group: Practice,
        summary: "contributions are not reviewed at least quarterly",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
