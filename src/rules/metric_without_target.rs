use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub MetricWithoutTarget {
        name: "metric-without-target",
        severity: Error,
        group: Consistency,
        summary: "a metric has no target",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
