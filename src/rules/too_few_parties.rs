use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub TooFewParties {
        name: "too-few-parties",
        severity: Error,
        group: Consistency,
        summary: "fewer than two parties",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
