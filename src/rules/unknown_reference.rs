use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every id used as a reference names something of the right kind: a committee for
    /// `escalation { to: … }`, `scope_change { approved_by: … }` and `review { decides: … }`; a party
    /// for `grantor`, `holder`, `issuer`, `from`, `binds` and the keys of `seats` and `capital`; the
    /// party or the joint-venture entity for `ip.joint` and `assigned_to`. When the id is close to one
    /// that exists, Charter suggests it. (Shares given to a name that is not a party are reported by
    /// `share-for-unknown-party`.)
    ///
    /// ## Why it matters
    ///
    /// A reference to something that does not exist binds no one. An escalation to a committee that
    /// was never set up leads nowhere; a licence granted by a party that does not exist grants
    /// nothing; a seat held by a misspelt party belongs to nobody. These are usually typos, or ids
    /// left behind after a party or committee was renamed, and they are easy to miss in a long
    /// document.
    ///
    /// ## Example
    ///
    /// ```charter
    /// disputes {
    ///   escalation { to: steerng  within: 30 days }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// disputes {
    ///   escalation { to: steering  within: 30 days }
    /// }
    /// ```
    pub UnknownReference {
        name: "unknown-reference",
        severity: Error,
        group: Structural,
        summary: "an id that names no party, committee or entity",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
