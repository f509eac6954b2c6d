use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub InvalidDate {
        name: "invalid-date",
        severity: Error,
        group: Structural,
        summary: "a date that is not on the calendar, such as 2027-02-30",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
