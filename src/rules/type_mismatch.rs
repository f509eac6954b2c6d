use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every value has the kind its key expects: a number, a percentage, an amount with its
    /// ISO 4217 currency code, a duration in whole hours, days, business days, weeks, months or years, a
    /// date, one of the listed words, the id of the right kind of thing, a list or a map. It also
    /// checks the labels of blocks (`termination convenience`, not `termination soon`), and reports
    /// durations with fractions (`1.5 years`) and currency codes that do not exist. A number or
    /// an amount with more digits than Charter can hold exactly (it keeps every number exact, to
    /// 28 digits) is reported here too, with the number of digits, rather than left out.
    ///
    /// ## Why it matters
    ///
    /// A value of the wrong kind is one Charter cannot read, so the term it belongs to is neither
    /// checked nor carried into the term sheet. Many of these slips also hide a real ambiguity:
    /// `notice: 90` does not say whether the notice is 90 days, business days or months, and an
    /// amount without a currency code does not say whose dollars or pounds are meant. The help line
    /// says which form is expected.
    ///
    /// ## Example
    ///
    /// ```charter
    /// termination convenience { notice: 90 }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// termination convenience { notice: 90 days }
    /// ```
    pub TypeMismatch {
        name: "type-mismatch",
        severity: Error,
        group: Structural,
        summary: "a value of the wrong kind, such as text where a duration belongs",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
