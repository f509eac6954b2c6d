//! Intellectual property in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Ip {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<BackgroundIp>,
    /// Who owns jointly developed IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint: Option<JointIp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<License>,
    /// Who IP created under the alliance is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<Holder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escrow: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackgroundIp {
    Retained,
    Licensed,
    /// Since 2.
    Assigned,
}

/// `"jointly_owned"`, `"creator"` (since 2), or the party or entity that owns it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum JointIp {
    JointlyOwned(JointIpWord),
    Owner(Holder),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JointIpWord {
    JointlyOwned,
    /// Owned by the party that creates it. Since 2.
    Creator,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct License {
    pub title: String,
    /// The id of the granting party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grantor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grantee: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transferable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sublicensable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliates: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perpetual: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irrevocable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub royalty: Option<Royalty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `"all"` (every party but the grantor), or one party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Grantee {
    All(All),
    Party(PartyRef),
}

/// A royalty as a percentage, or an amount of money.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Royalty {
    Percent(Number),
    Money(Money),
}

pub(super) fn ip(i: &m::Ip) -> Ip {
    Ip {
        background: i.background.as_ref().map(|b| match b.value {
            m::BackgroundIp::Retained => BackgroundIp::Retained,
            m::BackgroundIp::Licensed => BackgroundIp::Licensed,
            m::BackgroundIp::Assigned => BackgroundIp::Assigned,
        }),
        joint: i.joint.as_ref().map(|j| match j {
            m::JointIp::JointlyOwned(_) => JointIp::JointlyOwned(JointIpWord::JointlyOwned),
            m::JointIp::Creator(_) => JointIp::JointlyOwned(JointIpWord::Creator),
            m::JointIp::Owner(r) => JointIp::Owner(holder(r)),
        }),
        after_exit: text(&i.after_exit),
        licenses: i
            .licenses
            .iter()
            .map(|l| License {
                title: l.title.value.clone(),
                grantor: reference(&l.grantor),
                grantee: l.grantee.as_ref().map(|g| match g {
                    m::Grantee::All(_) => Grantee::All(All::All),
                    m::Grantee::Party(r) => Grantee::Party(PartyRef { party: id(r) }),
                }),
                scope: text(&l.scope),
                exclusive: boolean(&l.exclusive),
                transferable: boolean(&l.transferable),
                sublicensable: boolean(&l.sublicensable),
                affiliates: boolean(&l.affiliates),
                perpetual: boolean(&l.perpetual),
                irrevocable: boolean(&l.irrevocable),
                royalty: l.royalty.as_ref().map(|r| match &r.value {
                    m::Royalty::Percent(p) => Royalty::Percent(num(*p)),
                    m::Royalty::Money(money) => Royalty::Money(Money::from(money)),
                }),
                note: text(&l.note),
            })
            .collect(),
        assigned_to: i.assigned_to.as_ref().map(holder),
        escrow: text(&i.escrow),
        note: text(&i.note),
    }
}
