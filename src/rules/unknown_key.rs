use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every `key: value` inside a block is a key that block accepts, as listed in the
    /// language guide. A misspelt key gets a "did you mean" suggestion; a block written as a key
    /// (`review: …` where `review { … }` is meant) is pointed out.
    ///
    /// ## Why it matters
    ///
    /// A misspelt key is not a cosmetic slip. Charter, the term sheet and anyone relying on them
    /// treat the term as absent: `quorm: 3` sets no quorum at all, so the committee could decide
    /// with whoever turns up. Flagging the unknown key, with the likely intended one, keeps a typo
    /// from silently dropping a term the parties negotiated.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   meets: quarterly
    ///   quorm: 3
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
    ///   quorum: 3
    ///   decides: majority
    /// }
    /// ```
    pub UnknownKey {
        name: "unknown-key",
        severity: Error,
        group: Structural,
        summary: "a key that this block does not have",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
