use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub DuplicateId {
        name: "duplicate-id",
        severity: Error,
        group: Structural,
        summary: "two parties, committees, metrics, milestones, clauses or the entity share an id",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
