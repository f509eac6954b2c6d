use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That nothing is said twice where it may be said only once: a key given twice in one block, a
    /// block that may appear once (such as `ip` or `exit`) written twice, a party named twice in a
    /// map, two `from` blocks for one party, or two `termination` blocks of the same kind. The first
    /// is kept and the second is reported, with a pointer to the first.
    ///
    /// ## Why it matters
    ///
    /// Two answers to the same question — a committee that meets `monthly` and `quarterly`, a party
    /// with two revenue shares — leave the parties to argue over which one prevails, and a court to
    /// decide if they cannot agree. It typically happens when two drafts are merged or a clause is
    /// copied and edited in one place only. The fix is a choice only the parties can make, so Charter
    /// reports it instead of guessing.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   meets: monthly
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    pub DuplicateKey {
        name: "duplicate-key",
        severity: Error,
        group: Structural,
        summary: "a key or single block given twice",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
