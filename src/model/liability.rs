//! Liability: who answers for each party's people and assets, and the cap.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnPeople {
    EachParty,
    Shared,
}

#[derive(Clone, Debug)]
pub struct Liability {
    pub cap: Option<Spanned<Money>>,
    /// A cap set by a formula (`"the fees paid in the 12 months before the claim"`).
    pub cap_formula: Option<Text>,
    /// Whose liability the cap limits; none or `all`: every party's.
    pub cap_for: Option<Parties>,
    pub joint_pool: Option<Spanned<Money>>,
    pub pool_shares: Option<PartyMap<Decimal>>,
    pub own_people_and_assets: Option<Spanned<OwnPeople>>,
    pub insurance: Option<Text>,
    pub uncapped: Vec<Text>,
    pub liquidated_damages: Option<Text>,
    pub termination_fee: Option<Spanned<Money>>,
    pub warranty: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}
