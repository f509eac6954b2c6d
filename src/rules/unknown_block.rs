use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every block is one its enclosing block accepts: a `committee` inside `governance`, a
    /// `resource` inside a `from` block, a `stake` inside `equity`, and so on. A key written as a
    /// block (`seats { … }` where `seats: { … }` is meant) is pointed out, and a top-level block
    /// found inside another block is reported with a hint that a `}` is probably missing above it.
    ///
    /// ## Why it matters
    ///
    /// What is written in a block Charter does not know belongs to no term: it does not reach the
    /// term sheet, and none of the checks look at it, so the reader may believe something was agreed
    /// that the document does not actually contain. When a familiar block turns up in the wrong
    /// place, a brace is usually missing higher up, and the terms after it have shifted into the
    /// wrong section — which changes what they mean.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party northwind "Northwind Traders Ltd." {
    ///   jurisdiction: "England and Wales"
    ///   sponsor { name: "Jane Doe" }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// party northwind "Northwind Traders Ltd." {
    ///   jurisdiction: "England and Wales"
    ///   note: "Executive sponsor: Jane Doe"
    /// }
    /// ```
    pub UnknownBlock {
        name: "unknown-block",
        severity: Error,
        group: Structural,
        summary: "a block that does not belong here",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
