use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoQualitativeMetric {
        name: "no-qualitative-metric",
        severity: Info,
        group: Practice,
        summary: "no qualitative metric such as trust",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
