use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub DateOutsideTerm {
        name: "date-outside-term",
        severity: Error,
        group: Consistency,
        summary: "a deliverable, milestone, metric or evolve date falls outside the term",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
