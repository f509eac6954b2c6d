use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub RenewalWithoutNotice {
        name: "renewal-without-notice",
        severity: Error,
        group: Consistency,
        summary: "renewal is automatic but no notice to stop it is given",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
