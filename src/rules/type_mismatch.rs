use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub TypeMismatch {
        name: "type-mismatch",
        severity: Error,
        group: Structural,
        summary: "a value of the wrong kind, such as text where a duration belongs",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
