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
    pub warranties: Vec<Text>,
    /// All other warranties are disclaimed ("as is").
    pub disclaimer: Option<Spanned<bool>>,
    /// `true`: indirect and consequential loss is excluded.
    pub indirect_loss_excluded: Option<Spanned<bool>>,
    pub injunctive_relief: Option<Spanned<Injunction>>,
    pub costs: Option<Spanned<Costs>>,
    pub indemnities: Vec<Indemnity>,
    pub guarantees: Vec<Guarantee>,
    pub force_majeure: Option<ForceMajeure>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Injunction {
    Available,
    NotAvailable,
    /// Available without posting a bond.
    WithoutBond,
}

impl Injunction {
    pub fn key(self) -> &'static str {
        match self {
            Injunction::Available => "yes",
            Injunction::NotAvailable => "no",
            Injunction::WithoutBond => "without_bond",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Costs {
    LoserPays,
    EachOwn,
}

impl Costs {
    pub fn key(self) -> &'static str {
        match self {
            Costs::LoserPays => "loser_pays",
            Costs::EachOwn => "each_own",
        }
    }
}

/// One party's promise to make good another's losses from stated claims.
#[derive(Clone, Debug)]
pub struct Indemnity {
    pub title: Text,
    /// Who gives it; `Grantee::All`: each party.
    pub by: Option<Grantee>,
    /// Who is indemnified; none: the other parties.
    pub to: Option<Grantee>,
    pub covers: Option<Text>,
    pub capped: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ForceMajeure {
    pub events: Vec<Text>,
    pub notice: Option<Spanned<Duration>>,
    /// How long it may last before the others may terminate.
    pub longstop: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

/// A guarantee of a party's obligations.
#[derive(Clone, Debug)]
pub struct Guarantee {
    pub title: Text,
    /// Who gives it (often not a party: the parent company).
    pub by: Option<Text>,
    pub party: Option<Ref>,
    pub covers: Option<Text>,
    pub cap: Option<Spanned<Money>>,
    pub note: Option<Text>,
    pub span: Span,
}
