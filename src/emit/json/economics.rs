//! The economics in the JSON document: sharing and liability.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Sharing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Liability {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_pool: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_shares: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_people_and_assets: Option<OwnPeople>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance: Option<String>,
    /// Claims outside the cap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncapped: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liquidated_damages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_fee: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warranty: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OwnPeople {
    EachParty,
    Shared,
}

pub(super) fn liability(l: &m::Liability) -> Liability {
    Liability {
        cap: money(&l.cap),
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
        note: text(&l.note),
    }
}
