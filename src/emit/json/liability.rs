//! Liability in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Liability<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money<'a>>,
    /// A cap set by a formula rather than an amount (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_formula: Option<Cow<'a, str>>,
    /// Whose liability the cap limits: the ids of the parties, or `"all"` (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap_for: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_pool: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_shares: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_people_and_assets: Option<OwnPeople>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Cow<'a, str>>,
    /// Claims outside the cap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncapped: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liquidated_damages: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_fee: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warranty: Option<Duration>,
    /// The warranties given (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warranties: Vec<Cow<'a, str>>,
    /// All other warranties disclaimed, "as is" (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<bool>,
    /// Whether indirect and consequential loss is excluded (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indirect_loss_excluded: Option<bool>,
    /// `yes`, `no` or `without_bond` (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injunctive_relief: Option<Injunction>,
    /// Who bears the costs of a dispute (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs: Option<Costs>,
    /// Since 2.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indemnities: Vec<Indemnity<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guarantees: Vec<Guarantee<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_majeure: Option<ForceMajeure<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Injunction {
    Yes,
    No,
    WithoutBond,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Costs {
    LoserPays,
    EachOwn,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Indemnity<'a> {
    pub title: Cow<'a, str>,
    /// Who gives it: a party, or `"all"` (each party).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Grantee>,
    /// Who is indemnified: a party, or `"all"`; absent: the other parties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capped: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Guarantee<'a> {
    pub title: Cow<'a, str>,
    /// Who gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Cow<'a, str>>,
    /// The id of the party whose obligations it guarantees.
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub party: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ForceMajeure<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    /// How long it may last before the others may terminate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longstop: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OwnPeople {
    EachParty,
    Shared,
}

pub(super) fn liability(l: &m::Liability) -> Liability<'_> {
    Liability {
        cap: money(&l.cap),
        cap_formula: text(&l.cap_formula),
        cap_for: parties(&l.cap_for),
        joint_pool: money(&l.joint_pool),
        pool_shares: percents(&l.pool_shares),
        own_people_and_assets: l.own_people_and_assets.as_ref().map(|o| match o.value {
            m::OwnPeople::EachParty => OwnPeople::EachParty,
            m::OwnPeople::Shared => OwnPeople::Shared,
        }),
        insurance: text(&l.insurance),
        uncapped: texts(&l.uncapped),
        liquidated_damages: text(&l.liquidated_damages),
        termination_fee: money(&l.termination_fee),
        warranty: duration(&l.warranty),
        warranties: texts(&l.warranties),
        disclaimer: boolean(&l.disclaimer),
        indirect_loss_excluded: boolean(&l.indirect_loss_excluded),
        injunctive_relief: l.injunctive_relief.as_ref().map(|i| match i.value {
            m::Injunction::Available => Injunction::Yes,
            m::Injunction::NotAvailable => Injunction::No,
            m::Injunction::WithoutBond => Injunction::WithoutBond,
        }),
        costs: l.costs.as_ref().map(|c| match c.value {
            m::Costs::LoserPays => Costs::LoserPays,
            m::Costs::EachOwn => Costs::EachOwn,
        }),
        indemnities: l
            .indemnities
            .iter()
            .map(|i| Indemnity {
                title: text_of(&i.title),
                by: grantee(&i.by),
                to: grantee(&i.to),
                covers: text(&i.covers),
                capped: boolean(&i.capped),
                note: text(&i.note),
            })
            .collect(),
        guarantees: l
            .guarantees
            .iter()
            .map(|g| Guarantee {
                title: text_of(&g.title),
                by: text(&g.by),
                party: reference(&g.party),
                covers: text(&g.covers),
                cap: money(&g.cap),
                note: text(&g.note),
            })
            .collect(),
        force_majeure: l.force_majeure.as_ref().map(|f| ForceMajeure {
            events: texts(&f.events),
            notice: duration(&f.notice),
            longstop: duration(&f.longstop),
            note: text(&f.note),
        }),
        note: text(&l.note),
    }
}
