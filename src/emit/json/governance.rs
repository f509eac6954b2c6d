//! Governance in the JSON document: committees, reporting, reserved matters.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Governance<'a> {
    pub committees: Vec<Committee<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting: Option<Reporting<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_matters: Option<ReservedMatters<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_change: Option<ScopeChange<'a>>,
    /// The people the alliance depends on (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub key_persons: Vec<KeyPerson<'a>>,
    /// What happens when the parties cannot decide (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadlock: Option<Deadlock<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Deadlock<'a> {
    /// What counts as a deadlock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub means: Option<Cow<'a, str>>,
    /// The steps before the device, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<DeadlockStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<Duration>,
    /// What ends the deadlock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<DeadlockDevice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlockStep {
    Managers,
    Executives,
    SeniorExecutives,
    ChiefExecutives,
    Mediation,
    Expert,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlockDevice {
    CastingVote,
    Expert,
    PutCall,
    Shotgun,
    TexasShootout,
    Sale,
    Dissolution,
    /// Since 2.
    StatusQuo,
}

fn deadlock(d: &m::Deadlock) -> Deadlock<'_> {
    Deadlock {
        means: text(&d.means),
        steps: d
            .steps
            .iter()
            .map(|s| match s.value {
                m::DeadlockStep::Managers => DeadlockStep::Managers,
                m::DeadlockStep::Executives => DeadlockStep::Executives,
                m::DeadlockStep::SeniorExecutives => DeadlockStep::SeniorExecutives,
                m::DeadlockStep::ChiefExecutives => DeadlockStep::ChiefExecutives,
                m::DeadlockStep::Mediation => DeadlockStep::Mediation,
                m::DeadlockStep::Expert => DeadlockStep::Expert,
            })
            .collect(),
        within: duration(&d.within),
        device: d.device.as_ref().map(|v| match v.value {
            m::DeadlockDevice::CastingVote => DeadlockDevice::CastingVote,
            m::DeadlockDevice::Expert => DeadlockDevice::Expert,
            m::DeadlockDevice::PutCall => DeadlockDevice::PutCall,
            m::DeadlockDevice::Shotgun => DeadlockDevice::Shotgun,
            m::DeadlockDevice::TexasShootout => DeadlockDevice::TexasShootout,
            m::DeadlockDevice::Sale => DeadlockDevice::Sale,
            m::DeadlockDevice::Dissolution => DeadlockDevice::Dissolution,
            m::DeadlockDevice::StatusQuo => DeadlockDevice::StatusQuo,
        }),
        note: text(&d.note),
    }
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Committee<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets: Option<Cadence>,
    /// Instead of a cadence: `on_referral` (only when a matter is referred to it) or
    /// `as_needed` (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets_when: Option<Occasion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<Chair>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent: Option<Number>,
    /// Whether the chair decides a tie (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub casting_vote: Option<bool>,
    /// What it decides (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decides_on: Vec<Cow<'a, str>>,
    /// What it only recommends (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recommends: Vec<Cow<'a, str>>,
    /// The id of the committee it reports to (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub reports_to: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// A person the alliance depends on (since 2).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct KeyPerson<'a> {
    pub name: Cow<'a, str>,
    /// The id of the party the person works for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub party: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// `"rotating"`, or a party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Chair {
    Rotating(Rotating),
    Party(PartyRef),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rotating {
    Rotating,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Reporting<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operations: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ReservedMatters<'a> {
    pub matters: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    /// Matters with a majority of their own (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub special_majorities: Vec<SpecialMajority<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// A reserved matter with the majority it needs, apart from the others (since 2).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SpecialMajority<'a> {
    pub matter: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

pub(super) fn special_majorities(all: &[m::SpecialMajority]) -> Vec<SpecialMajority<'_>> {
    all.iter()
        .map(|s| SpecialMajority {
            matter: text_of(&s.matter),
            decides: decision(&s.decides),
            note: text(&s.note),
        })
        .collect()
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ScopeChange<'a> {
    /// The id of the committee that approves a change of scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub approved_by: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amendment_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

pub(super) fn governance(g: &m::Governance) -> Governance<'_> {
    Governance {
        committees: g
            .committees
            .iter()
            .map(|c| Committee {
                id: c.id.value.clone(),
                name: text_of(&c.name),
                seats: seats(&c.seats),
                meets: cadence(&c.meets),
                meets_when: c.meets_when.as_ref().map(|m| match m.value {
                    m::Occasion::OnReferral => Occasion::OnReferral,
                    m::Occasion::AsNeeded => Occasion::AsNeeded,
                }),
                decides: decision(&c.decides),
                quorum: number(&c.quorum),
                chair: c.chair.as_ref().map(|ch| match ch {
                    m::Chair::Rotating(_) => Chair::Rotating(Rotating::Rotating),
                    m::Chair::Party(r) => Chair::Party(PartyRef { party: id(r) }),
                }),
                rotation: cadence(&c.rotation),
                independent: number(&c.independent),
                casting_vote: boolean(&c.casting_vote),
                decides_on: texts(&c.decides_on),
                recommends: texts(&c.recommends),
                reports_to: reference(&c.reports_to),
                note: text(&c.note),
            })
            .collect(),
        key_persons: g
            .key_persons
            .iter()
            .map(|k| KeyPerson {
                name: text_of(&k.name),
                party: reference(&k.party),
                role: text(&k.role),
                replacement: text(&k.replacement),
                note: text(&k.note),
            })
            .collect(),
        reporting: g.reporting.as_ref().map(|r| Reporting {
            operations: cadence(&r.operations),
            progress: cadence(&r.progress),
            strategy: cadence(&r.strategy),
            note: text(&r.note),
        }),
        health_check: cadence(&g.health_check),
        reserved_matters: g.reserved_matters.as_ref().map(|r| ReservedMatters {
            matters: texts(&r.matters),
            decides: decision(&r.decides),
            special_majorities: special_majorities(&r.special),
            note: text(&r.note),
        }),
        scope_change: g.scope_change.as_ref().map(|s| ScopeChange {
            approved_by: reference(&s.approved_by),
            amendment_required: boolean(&s.amendment_required),
            note: text(&s.note),
        }),
        deadlock: g.deadlock.as_ref().map(deadlock),
        note: text(&g.note),
    }
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    OnReferral,
    AsNeeded,
}
