use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every date is a real calendar date, written year-month-day: `2027-02-30` (February has
    /// 28 days in 2027) and `2027-13-01` (there is no month 13) are reported.
    ///
    /// ## Why it matters
    ///
    /// A date that does not exist cannot start a term, close a deal or end a deadline. The parties
    /// may each read it as the nearest real date — the end of February, or the start of March — and
    /// discover only when the date matters that they read it differently.
    ///
    /// ## Example
    ///
    /// ```charter
    /// effective: 2027-02-30
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// effective: 2027-02-28
    /// ```
    pub InvalidDate {
        name: "invalid-date",
        severity: Error,
        group: Structural,
        summary: "a date that is not on the calendar, such as 2027-02-30",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
