use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub UnknownRule {
        name: "unknown-rule",
        severity: Error,
        group: Structural,
        summary: "a rule name in `allow` or `charter.toml` that Charter does not know",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
