use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That blocks, lists and maps are nested at most 32 levels deep, counting the agreement itself
    /// as level 1. The first construct at level 33 is reported once, at its opening bracket or
    /// brace, and what is inside it is not read. This rule cannot be switched off.
    ///
    /// ## Why it matters
    ///
    /// No agreement needs anything close to this depth: Charter's sections are a handful of levels
    /// deep. Text this deeply nested almost always comes from a generated file gone wrong or from
    /// brackets that were opened and never closed. The limit means such a file is reported plainly
    /// instead of being misread, and that every tool built on Charter can rely on reading any file
    /// safely.
    ///
    /// ## Example
    ///
    /// ```charter
    /// clause publicity "Publicity" {
    ///   text: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["Neither party announces the alliance"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// clause publicity "Publicity" {
    ///   text: "Neither party announces the alliance without the other's written consent."
    /// }
    /// ```
    pub NestingTooDeep {
        name: "nesting-too-deep",
        severity: Error,
        group: Structural,
        summary: "blocks, lists and maps are nested more than 32 levels deep",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
