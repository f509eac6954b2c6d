use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub SelfLicense {
        name: "self-license",
        severity: Error,
        group: Consistency,
        summary: "a licence's grantor is also its grantee",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
