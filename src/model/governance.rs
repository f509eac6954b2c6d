//! Governance: committees, reporting, reserved matters, scope change.

use super::*;

#[derive(Clone, Debug)]
pub struct Governance {
    pub committees: Vec<Committee>,
    pub reporting: Option<Reporting>,
    pub health_check: Option<Spanned<Cadence>>,
    pub reserved_matters: Option<ReservedMatters>,
    pub scope_change: Option<ScopeChange>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Committee {
    pub id: Spanned<Id>,
    pub name: Text,
    pub seats: Option<PartyMap<Decimal>>,
    pub meets: Option<Spanned<Cadence>>,
    /// `meets: on_referral` or `as_needed`: it meets when there is something to decide.
    pub meets_when: Option<Spanned<Occasion>>,
    pub decides: Option<Spanned<Decision>>,
    pub quorum: Option<Spanned<Decimal>>,
    pub chair: Option<Chair>,
    pub rotation: Option<Spanned<Cadence>>,
    pub independent: Option<Spanned<Decimal>>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Committee {
    /// Seats on the committee: the sum of `seats` plus `independent` (SPEC §2.2).
    pub fn total_seats(&self) -> Decimal {
        total_seats(self.seats.as_ref(), self.independent.as_ref())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chair {
    Party(Ref),
    Rotating(Span),
}

#[derive(Clone, Debug)]
pub struct Reporting {
    pub operations: Option<Spanned<Cadence>>,
    pub progress: Option<Spanned<Cadence>>,
    pub strategy: Option<Spanned<Cadence>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ReservedMatters {
    pub matters: Vec<Text>,
    pub decides: Option<Spanned<Decision>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ScopeChange {
    pub approved_by: Option<Ref>,
    pub amendment_required: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}
