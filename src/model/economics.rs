//! Economics: sharing, fees, milestone payments, royalties, late interest.

use super::*;

#[derive(Clone, Debug)]
pub struct Sharing {
    pub revenue: Option<PartyMap<Decimal>>,
    /// A revenue split that is a rule rather than a map (`each_keeps_own`, …).
    pub revenue_rule: Option<Spanned<SplitRule>>,
    pub costs: Option<PartyMap<Decimal>>,
    pub costs_rule: Option<Spanned<SplitRule>>,
    pub method: Option<Text>,
    pub currency: Option<Spanned<Id>>,
    pub payment_terms: Option<Spanned<Duration>>,
    pub late_interest: Option<LateInterest>,
    pub fees: Vec<Fee>,
    pub milestone_payments: Vec<MilestonePayment>,
    pub royalties: Vec<RoyaltyTerms>,
    pub note: Option<Text>,
    pub span: Span,
}

/// When a body meets, if not on a cadence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// Only when a matter is referred to it.
    OnReferral,
    AsNeeded,
}

/// A split given as a rule rather than as percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitRule {
    /// Each party keeps the revenue it earns, or bears its own costs.
    EachOwn,
    ProRataOwnership,
    ProRataContributions,
}

#[derive(Clone, Debug)]
pub struct LateInterest {
    pub rate: Option<Spanned<Decimal>>,
    pub per: Option<Spanned<Cadence>>,
    pub above: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

/// How often a payment falls due: a cadence, or per unit sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    Cadence(Cadence),
    Unit,
}

#[derive(Clone, Debug)]
pub struct Fee {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub amount: Option<Spanned<Money>>,
    pub rate: Option<Spanned<Decimal>>,
    pub of: Option<Text>,
    pub per: Option<Spanned<Per>>,
    pub cap: Option<Spanned<Royalty>>,
    pub floor: Option<Spanned<Royalty>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MilestonePayment {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub amount: Option<Spanned<Money>>,
    /// The milestone that triggers it.
    pub on: Option<Ref>,
    pub note: Option<Text>,
    pub span: Span,
}

/// What a royalty is a percentage of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    NetSales,
    GrossSales,
    NetRevenue,
    GrossRevenue,
    Profit,
    Other(String),
}

#[derive(Clone, Debug)]
pub struct RoyaltyTerms {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub rate: Option<Spanned<Decimal>>,
    pub amount: Option<Spanned<Money>>,
    pub per: Option<Spanned<Per>>,
    pub base: Option<Spanned<Base>>,
    pub term: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}
