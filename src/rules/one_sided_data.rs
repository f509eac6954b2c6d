use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub OneSidedData {
        name: "one-sided-data",
        severity: Warning,
        group: Practice,
        summary: "only one party has access to the metrics data",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
