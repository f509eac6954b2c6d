use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every id is used once. The ids of parties, the joint-venture entity, committees,
    /// metrics, milestones and clauses share one namespace, so a metric and a milestone may not both
    /// be called `trust`. The second use is reported, with a pointer to the first.
    ///
    /// ## Why it matters
    ///
    /// Other parts of the agreement refer to these things by id: `to: steering`,
    /// `owner: [northwind]`, `seats: { contoso: 2 }`. When two things share an id, every reference to
    /// it is ambiguous, and the reader cannot tell which committee hears the escalation or which
    /// party holds the seats. Titles may repeat; ids may not.
    ///
    /// ## Example
    ///
    /// ```charter
    /// metric trust "Partner trust survey" { kind: qualitative  target: >= 4 }
    /// milestone trust "Pilot live in 50 stores" { due: 2027-09-30 }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// metric trust "Partner trust survey" { kind: qualitative  target: >= 4 }
    /// milestone pilot "Pilot live in 50 stores" { due: 2027-09-30 }
    /// ```
    pub DuplicateId {
        name: "duplicate-id",
        severity: Error,
        group: Structural,
        summary: "two parties, committees, metrics, milestones, clauses or the entity share an id",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
