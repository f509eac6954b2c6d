use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub MetricNotJoint {
        name: "metric-not-joint",
        severity: Info,
        group: Practice,
        summary: "a metric has a single owner",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
