use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every rule named in the agreement's `allow` list, and in a project's `charter.toml`,
    /// is a rule Charter has; that `syntax-error` and `nesting-too-deep`, which mean a file cannot be
    /// read, are not switched off; and that every level in `charter.toml` is `error`, `warning`,
    /// `info` or `allow`. A misspelt name gets a "did you mean" suggestion; `charter rules` lists
    /// every rule.
    ///
    /// ## Why it matters
    ///
    /// `allow` records that the team has decided, for this agreement, to depart from a practice the
    /// checker would otherwise insist on. A misspelt rule name switches nothing off: the file says
    /// the point was considered and accepted, while the check still runs — or, once the warnings are
    /// routinely ignored, the record of what was actually waived is wrong. Either way the file and
    /// the checker disagree about what was decided.
    ///
    /// ## Example
    ///
    /// ```charter
    /// allow: [no-mediaton]
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// allow: [no-mediation]
    /// ```
    pub UnknownRule {
        name: "unknown-rule",
        severity: Error,
        group: Structural,
        summary: "a rule name in `allow` or `charter.toml` that Charter does not know",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
