//! Governance: committees, reporting, reserved matters, scope change.

use super::*;

#[derive(Clone, Debug)]
pub struct Governance {
    pub committees: Vec<Committee>,
    pub reporting: Option<Reporting>,
    pub health_check: Option<Spanned<Cadence>>,
    pub reserved_matters: Option<ReservedMatters>,
    pub scope_change: Option<ScopeChange>,
    pub deadlock: Option<Deadlock>,
    pub key_persons: Vec<KeyPerson>,
    pub note: Option<Text>,
    pub span: Span,
}

/// What happens when the parties, or the board of the joint venture, cannot decide.
#[derive(Clone, Debug)]
pub struct Deadlock {
    /// What counts as a deadlock.
    pub means: Option<Text>,
    /// The steps before the device, in the order written.
    pub steps: Vec<Spanned<DeadlockStep>>,
    pub within: Option<Spanned<Duration>>,
    pub device: Option<Spanned<DeadlockDevice>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlockStep {
    Managers,
    Executives,
    SeniorExecutives,
    ChiefExecutives,
    Mediation,
    Expert,
}

impl DeadlockStep {
    pub fn from_key(key: &str) -> Option<DeadlockStep> {
        Some(match key {
            "managers" => DeadlockStep::Managers,
            "executives" => DeadlockStep::Executives,
            "senior_executives" => DeadlockStep::SeniorExecutives,
            "chief_executives" => DeadlockStep::ChiefExecutives,
            "mediation" => DeadlockStep::Mediation,
            "expert" => DeadlockStep::Expert,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            DeadlockStep::Managers => "managers",
            DeadlockStep::Executives => "executives",
            DeadlockStep::SeniorExecutives => "senior_executives",
            DeadlockStep::ChiefExecutives => "chief_executives",
            DeadlockStep::Mediation => "mediation",
            DeadlockStep::Expert => "expert",
        }
    }
}

/// What ends a deadlock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlockDevice {
    /// The chair decides.
    CastingVote,
    /// An expert's binding decision.
    Expert,
    /// One party may sell to (put) or buy from (call) the other.
    PutCall,
    /// Buy-sell: one party names a price, the other must buy or sell at it.
    Shotgun,
    /// Sealed bids: the higher bidder buys.
    TexasShootout,
    /// The joint venture is sold.
    Sale,
    /// The joint venture is wound up.
    Dissolution,
    /// The proposal falls and the business goes on as before: a choice, not an omission.
    StatusQuo,
}

impl DeadlockDevice {
    pub fn from_key(key: &str) -> Option<DeadlockDevice> {
        Some(match key {
            "casting_vote" => DeadlockDevice::CastingVote,
            "expert" => DeadlockDevice::Expert,
            "put_call" => DeadlockDevice::PutCall,
            "shotgun" => DeadlockDevice::Shotgun,
            "texas_shootout" => DeadlockDevice::TexasShootout,
            "sale" => DeadlockDevice::Sale,
            "dissolution" => DeadlockDevice::Dissolution,
            "status_quo" => DeadlockDevice::StatusQuo,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            DeadlockDevice::CastingVote => "casting_vote",
            DeadlockDevice::Expert => "expert",
            DeadlockDevice::PutCall => "put_call",
            DeadlockDevice::Shotgun => "shotgun",
            DeadlockDevice::TexasShootout => "texas_shootout",
            DeadlockDevice::Sale => "sale",
            DeadlockDevice::Dissolution => "dissolution",
            DeadlockDevice::StatusQuo => "status_quo",
        }
    }
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
    pub casting_vote: Option<Spanned<bool>>,
    /// What it decides.
    pub decides_on: Vec<Text>,
    /// What it only recommends.
    pub recommends: Vec<Text>,
    /// The committee it reports to.
    pub reports_to: Option<Ref>,
    pub note: Option<Text>,
    pub span: Span,
}

/// A person the alliance depends on.
#[derive(Clone, Debug)]
pub struct KeyPerson {
    pub name: Text,
    pub party: Option<Ref>,
    pub role: Option<Text>,
    pub replacement: Option<Text>,
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
    /// Matters with a majority of their own (`matter "…" { decides: … }`).
    pub special: Vec<SpecialMajority>,
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

/// A reserved matter with the majority it needs, apart from the others: `matter "TITLE" {
/// decides: 75% }`.
#[derive(Clone, Debug)]
pub struct SpecialMajority {
    pub matter: Text,
    pub decides: Option<Spanned<Decision>>,
    pub note: Option<Text>,
    pub span: Span,
}
