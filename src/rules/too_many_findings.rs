use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Nothing in the agreement itself: it marks where Charter stopped listing findings. A file
    /// gets at most 500 findings in the list (of `charter check`, of `build`, and of the
    /// findings `diff` shows for each version); when it has more, the list keeps the most serious
    /// first (errors, then warnings, then information) and ends with one `too-many-findings`
    /// entry at the end of the file that says how many more there are and of which kinds. The
    /// entry has the severity of the most serious finding it stands for. The summary (the counts
    /// of errors, warnings and information messages, in every output format) still counts every
    /// finding, so a file is never reported as better than it is. This rule cannot be switched
    /// off; docs/limits.md describes the limit.
    ///
    /// ## Why it matters
    ///
    /// A file with hundreds of findings is almost never a draft in progress: it is a file pasted
    /// into the wrong place, a generated file gone wrong, or one mistake (such as a misspelt
    /// block name) repeated many times. Listing every finding would bury the first, most useful
    /// ones, overflow review tools that show only a few, and make continuous-integration logs
    /// unreadable. The first findings are usually enough to see what went wrong.
    ///
    /// ## Example
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   party northwind "Northwind Traders Ltd." {
    ///     jurisdicton: "England and Wales"
    ///     signatary: "Jane Doe, Chief Strategy Officer"
    ///     // … and 500 more misspelt keys
    ///   }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// Fix the findings that are listed (here: the misspelt keys) and check the file again;
    /// the findings that were left out are then listed.
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   party northwind "Northwind Traders Ltd." {
    ///     jurisdiction: "England and Wales"
    ///     signatory: "Jane Doe, Chief Strategy Officer"
    ///   }
    /// }
    /// ```
    pub TooManyFindings {
        name: "too-many-findings",
        severity: Error,
        group: Structural,
        summary: "a file has more than 500 findings; the rest are counted but not listed",
    }
}

/// Added when the findings are capped (see `limits::cap_diagnostics`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
