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
    pub note: Option<Text>,
    pub span: Span,
}
