//! Intellectual property in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Ip<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<BackgroundIp>,
    /// Who owns jointly developed IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint: Option<JointIp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<License<'a>>,
    /// Who IP created under the alliance is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<Holder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escrow: Option<Cow<'a, str>>,
    /// What a co-owner of joint IP may do alone (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_exploitation: Option<JointExploitation>,
    /// Each co-owner's share of joint IP (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_shares: Option<Vec<PartyPercent>>,
    /// Ownership of results, kind by kind (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<ResultOwner<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patents: Option<Patents<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_protection: Option<DataProtection<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JointExploitation {
    EachFreely,
    Consent,
    Accounting,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ResultOwner<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<JointIp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PatentCosts {
    Filer,
    Shared,
    ProRata,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Patents<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enforces: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs: Option<PatentCosts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Publication<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataRoles {
    IndependentControllers,
    JointControllers,
    ControllerProcessor,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DataProtection<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<DataRoles>,
    /// The id of the controller.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub controller: Option<Id>,
    /// Whether alliance data may train machine-learning models.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub training: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub models_owned_by: Option<JointIp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

fn joint_ip(j: &Option<m::JointIp>) -> Option<JointIp> {
    j.as_ref().map(|j| match j {
        m::JointIp::JointlyOwned(_) => JointIp::JointlyOwned(JointIpWord::JointlyOwned),
        m::JointIp::Creator(_) => JointIp::JointlyOwned(JointIpWord::Creator),
        m::JointIp::Owner(r) => JointIp::Owner(holder(r)),
    })
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
pub struct License<'a> {
    pub title: Cow<'a, str>,
    /// The id of the granting party.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub grantor: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grantee: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'a, str>>,
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
    pub royalty: Option<Royalty<'a>>,
    /// The licence covers the jointly owned IP (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_ip: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
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
pub enum Royalty<'a> {
    Percent(Number),
    Money(Money<'a>),
}

pub(super) fn ip(i: &m::Ip) -> Ip<'_> {
    Ip {
        background: i.background.as_ref().map(|b| match b.value {
            m::BackgroundIp::Retained => BackgroundIp::Retained,
            m::BackgroundIp::Licensed => BackgroundIp::Licensed,
            m::BackgroundIp::Assigned => BackgroundIp::Assigned,
        }),
        joint: joint_ip(&i.joint),
        after_exit: text(&i.after_exit),
        licenses: i
            .licenses
            .iter()
            .map(|l| License {
                title: text_of(&l.title),
                grantor: reference(&l.grantor),
                grantee: grantee(&l.grantee),
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
                joint_ip: boolean(&l.joint_ip),
                note: text(&l.note),
            })
            .collect(),
        assigned_to: i.assigned_to.as_ref().map(holder),
        escrow: text(&i.escrow),
        joint_exploitation: i.joint_exploitation.as_ref().map(|j| match j.value {
            m::JointExploitation::EachFreely => JointExploitation::EachFreely,
            m::JointExploitation::Consent => JointExploitation::Consent,
            m::JointExploitation::Accounting => JointExploitation::Accounting,
        }),
        joint_shares: percents(&i.joint_shares),
        results: i
            .results
            .iter()
            .map(|r| ResultOwner {
                title: text_of(&r.title),
                owner: joint_ip(&r.owner),
                field: text(&r.field),
                note: text(&r.note),
            })
            .collect(),
        patents: i.patents.as_ref().map(|p| Patents {
            files: grantee(&p.files),
            enforces: grantee(&p.enforces),
            costs: p.costs.as_ref().map(|c| match c.value {
                m::PatentCosts::Filer => PatentCosts::Filer,
                m::PatentCosts::Shared => PatentCosts::Shared,
                m::PatentCosts::ProRata => PatentCosts::ProRata,
            }),
            note: text(&p.note),
        }),
        publication: i.publication.as_ref().map(|p| Publication {
            by: parties(&p.by),
            review: duration(&p.review),
            delay: duration(&p.delay),
            note: text(&p.note),
        }),
        data_protection: i.data_protection.as_ref().map(|d| DataProtection {
            personal_data: boolean(&d.personal_data),
            roles: d.roles.as_ref().map(|r| match r.value {
                m::DataRoles::IndependentControllers => DataRoles::IndependentControllers,
                m::DataRoles::JointControllers => DataRoles::JointControllers,
                m::DataRoles::ControllerProcessor => DataRoles::ControllerProcessor,
            }),
            controller: reference(&d.controller),
            training: boolean(&d.training),
            models_owned_by: joint_ip(&d.models_owned_by),
            note: text(&d.note),
        }),
        note: text(&i.note),
    }
}

/// A party, or `"all"`: the grantee of a licence, the giver of an indemnity, who files patents.
pub(super) fn grantee(g: &Option<m::Grantee>) -> Option<Grantee> {
    g.as_ref().map(|g| match g {
        m::Grantee::All(_) => Grantee::All(All::All),
        m::Grantee::Party(r) => Grantee::Party(PartyRef { party: id(r) }),
    })
}
