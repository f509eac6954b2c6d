//! Compliance, confidentiality and the covenants.

use super::*;

#[derive(Clone, Debug)]
pub struct Compliance {
    pub jurisdictions: Vec<Text>,
    pub regimes: Vec<Spanned<&'static str>>,
    pub change_in_law: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Confidentiality {
    pub term: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug, Default)]
pub struct Covenants {
    pub exclusivity: Option<Restraint>,
    pub non_compete: Option<Restraint>,
    pub non_solicit: Option<NonSolicit>,
    pub non_disparagement: Option<NonDisparagement>,
    pub first_refusals: Vec<FirstRefusal>,
    pub transfers: Option<Transfers>,
    pub most_favoured: Option<MostFavoured>,
    pub minimum_commitments: Vec<MinimumCommitment>,
    pub assignment: Option<Assignment>,
    pub audit: Option<Audit>,
    pub third_party_beneficiaries: Option<Spanned<ThirdParties>>,
    pub note: Option<Text>,
    pub span: Span,
}

/// When and how a party may sell its shares or its interest.
#[derive(Clone, Debug)]
pub struct Transfers {
    pub lock_up: Option<Spanned<Duration>>,
    pub binds: Option<Parties>,
    pub after_lock_up: Option<Spanned<AfterLockUp>>,
    pub permitted: Vec<Text>,
    pub tag_along: Option<Spanned<bool>>,
    pub drag_along: Option<Spanned<bool>>,
    pub drag_threshold: Option<Spanned<Decimal>>,
    pub note: Option<Text>,
    pub span: Span,
}

/// What applies once the lock-up has run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterLockUp {
    /// A party may transfer freely.
    Free,
    /// Subject to the agreement's rights of first refusal or offer.
    FirstRefusal,
    /// Only with the other parties' consent.
    Consent,
}

impl AfterLockUp {
    pub fn key(self) -> &'static str {
        match self {
            AfterLockUp::Free => "free",
            AfterLockUp::FirstRefusal => "first_refusal",
            AfterLockUp::Consent => "consent",
        }
    }
}

/// An exclusivity or non-compete covenant.
#[derive(Clone, Debug)]
pub struct Restraint {
    pub binds: Option<Parties>,
    pub scope: Option<Text>,
    /// Non-compete only.
    pub territory: Option<Text>,
    pub after_exit: Option<Spanned<Duration>>,
    pub carve_outs: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct NonSolicit {
    pub of: Vec<Spanned<&'static str>>,
    pub binds: Option<Parties>,
    pub after_exit: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct NonDisparagement {
    pub binds: Option<Parties>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusalKind {
    Refusal,
    Offer,
    Negotiation,
}

#[derive(Clone, Debug)]
pub struct FirstRefusal {
    pub title: Text,
    pub holder: Option<Ref>,
    pub kind: Option<Spanned<RefusalKind>>,
    pub over: Option<Text>,
    pub window: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MostFavoured {
    pub beneficiary: Option<Ref>,
    pub scope: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MinimumCommitment {
    pub title: Text,
    pub party: Option<Ref>,
    pub amount: Option<Spanned<Money>>,
    pub per: Option<Spanned<Cadence>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Assignment {
    pub consent_required: Option<Spanned<bool>>,
    pub exceptions: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Audit {
    pub by: Option<Parties>,
    pub every: Option<Spanned<Cadence>>,
    /// `every: any_time`.
    pub any_time: Option<Span>,
    pub notice: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThirdParties {
    Allowed(bool),
    Named(Vec<Text>),
}
