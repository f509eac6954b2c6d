use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every item the language marks as required is present: for example the agreement's
    /// `model`, `purpose`, `effective` date, `term` and `governing_law`; the `governance`,
    /// `contributions`, `sharing`, `metrics`, `disputes` and `exit` sections; a committee's `seats`,
    /// `meets` and `decides`. Some items are required only when another term calls for them:
    /// `renewal_term` when renewal is `automatic`, the `equity` block for an equity alliance, the
    /// `entity` block for a joint venture, `pool_shares` when there is a `joint_pool`, `rotation` when
    /// the chair rotates, and `value` for a cash resource. Where a dedicated rule covers a missing
    /// item (such as `metric-without-target`), that rule is reported instead.
    ///
    /// ## Why it matters
    ///
    /// Each required item answers a basic question about the deal: what the alliance is for, when
    /// it starts, how long it runs, who decides and how, what each party brings, how a dispute ends,
    /// how the parties leave. The practice material insists that governance be settled between the
    /// parties before the final contract is signed (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal), and that the
    /// written charter record what problem the alliance tackles, its scope, its purpose and its way
    /// of deciding (a summary of a book on value alliances). A required item left out means one of those questions has no
    /// written answer, and will be answered later, under pressure, by whoever has the stronger hand.
    ///
    /// ## Example
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   model: contractual
    ///   effective: 2027-01-01
    ///   term: 3 years
    ///   …
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   model: contractual
    ///   effective: 2027-01-01
    ///   term: 3 years
    ///   governing_law: "England and Wales"
    ///   …
    /// }
    /// ```
    pub MissingRequired {
        name: "missing-required",
        severity: Error,
        group: Structural,
        summary: "a required item is missing",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
