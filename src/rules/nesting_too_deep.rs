use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NestingTooDeep {
        name: "nesting-too-deep",
        severity: Error,
        group: Structural,
        summary: "blocks, lists and maps are nested more than 32 levels deep",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
