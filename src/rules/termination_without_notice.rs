use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub TerminationWithoutNotice {
        name: "termination-without-notice",
        severity: Error,
        group: Consistency,
        summary: "a termination right has no notice period",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
