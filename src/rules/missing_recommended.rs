use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every item the language marks as expected is present: for example each party's
    /// `jurisdiction`, `signatory` and `alliance_manager`; the `liability`, `ip` and `compliance`
    /// sections; governance `reporting` and `scope_change`; an IP resource's `license` terms. These
    /// are warnings, not errors: an agreement can be complete without them, but leaving one out
    /// should be a decision. Where a dedicated rule covers a missing item (such as
    /// `no-health-check`), that rule is reported instead.
    ///
    /// ## Why it matters
    ///
    /// Most expected items come straight from alliance practice. The `alliance_manager`, for
    /// instance, is the single point of contact per party that the practice material recommends for
    /// contractual coalitions (“Beyond the Handshake”); the `liability` section is where the
    /// risks of the alliance are allocated, which the contract must do clearly (“Beyond the Handshake”).
    /// An item that is simply forgotten is a gap the other side may fill in its own favour; an item
    /// deliberately left out is better recorded as such, for example by switching the warning off in
    /// `allow` or explaining in a `note`.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party contoso "Contoso Retail GmbH" {
    ///   jurisdiction: "Germany"
    ///   signatory: "Max Mustermann, Managing Director"
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// party contoso "Contoso Retail GmbH" {
    ///   jurisdiction: "Germany"
    ///   signatory: "Max Mustermann, Managing Director"
    ///   alliance_manager: "Lena Vogel <lena.vogel@contoso.example>"
    /// }
    /// ```
    pub MissingRecommended {
        name: "missing-recommended",
        severity: Warning,
        group: Structural,
        summary: "an expected item is missing",
    }
}

/// Reported while reading the file (see `syntax` and `lower`), not here.
fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
