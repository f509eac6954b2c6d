//! Intellectual property: background, joint results, licences.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackgroundIp {
    Retained,
    Licensed,
    /// The background IP a party brings is assigned to the alliance (to the joint venture).
    Assigned,
}

/// Who owns jointly developed IP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JointIp {
    JointlyOwned(Span),
    /// Each part is owned by the party that creates it.
    Creator(Span),
    /// A party or the JV entity.
    Owner(Ref),
}

#[derive(Clone, Debug)]
pub struct Ip {
    pub background: Option<Spanned<BackgroundIp>>,
    pub joint: Option<JointIp>,
    pub after_exit: Option<Text>,
    pub licenses: Vec<License>,
    pub assigned_to: Option<Ref>,
    pub escrow: Option<Text>,
    pub joint_exploitation: Option<Spanned<JointExploitation>>,
    pub joint_shares: Option<PartyMap<Decimal>>,
    /// Ownership of results, kind by kind.
    pub results: Vec<ResultOwner>,
    pub patents: Option<Patents>,
    pub publication: Option<Publication>,
    pub data_protection: Option<DataProtection>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Ip {
    /// Whether any IP is jointly owned: the joint developments, or a kind of result.
    pub fn any_jointly_owned(&self) -> bool {
        matches!(self.joint, Some(JointIp::JointlyOwned(_)))
            || self
                .results
                .iter()
                .any(|r| matches!(r.owner, Some(JointIp::JointlyOwned(_))))
    }
}

/// What a co-owner of jointly owned IP may do on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JointExploitation {
    EachFreely,
    Consent,
    Accounting,
}

impl JointExploitation {
    pub fn key(self) -> &'static str {
        match self {
            JointExploitation::EachFreely => "each_freely",
            JointExploitation::Consent => "consent",
            JointExploitation::Accounting => "accounting",
        }
    }
}

#[derive(Clone, Debug)]
pub struct ResultOwner {
    pub title: Text,
    pub owner: Option<JointIp>,
    pub field: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatentCosts {
    Filer,
    Shared,
    ProRata,
}

impl PatentCosts {
    pub fn key(self) -> &'static str {
        match self {
            PatentCosts::Filer => "filer",
            PatentCosts::Shared => "shared",
            PatentCosts::ProRata => "pro_rata",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Patents {
    pub files: Option<Grantee>,
    pub enforces: Option<Grantee>,
    pub costs: Option<Spanned<PatentCosts>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Publication {
    pub by: Option<Parties>,
    pub review: Option<Spanned<Duration>>,
    pub delay: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataRoles {
    IndependentControllers,
    JointControllers,
    ControllerProcessor,
}

impl DataRoles {
    pub fn key(self) -> &'static str {
        match self {
            DataRoles::IndependentControllers => "independent_controllers",
            DataRoles::JointControllers => "joint_controllers",
            DataRoles::ControllerProcessor => "controller_processor",
        }
    }
}

#[derive(Clone, Debug)]
pub struct DataProtection {
    pub personal_data: Option<Spanned<bool>>,
    pub roles: Option<Spanned<DataRoles>>,
    pub controller: Option<Ref>,
    pub training: Option<Spanned<bool>>,
    pub models_owned_by: Option<JointIp>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Grantee {
    Party(Ref),
    All(Span),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Royalty {
    Percent(Decimal),
    Money(Money),
}

#[derive(Clone, Debug)]
pub struct License {
    pub title: Text,
    pub grantor: Option<Ref>,
    pub grantee: Option<Grantee>,
    pub scope: Option<Text>,
    pub exclusive: Option<Spanned<bool>>,
    pub transferable: Option<Spanned<bool>>,
    pub sublicensable: Option<Spanned<bool>>,
    pub affiliates: Option<Spanned<bool>>,
    pub perpetual: Option<Spanned<bool>>,
    pub irrevocable: Option<Spanned<bool>>,
    pub royalty: Option<Spanned<Royalty>>,
    /// The licence covers the jointly owned IP.
    pub joint_ip: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}
