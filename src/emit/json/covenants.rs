//! Compliance, confidentiality and the covenants in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Compliance<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<Regime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_in_law: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    Antitrust,
    DataPrivacy,
    ExportControl,
    AntiBribery,
    Sanctions,
}

impl Regime {
    pub(super) fn from_key(word: &str) -> Option<Regime> {
        Some(match word {
            "antitrust" => Regime::Antitrust,
            "data_privacy" => Regime::DataPrivacy,
            "export_control" => Regime::ExportControl,
            "anti_bribery" => Regime::AntiBribery,
            "sanctions" => Regime::Sanctions,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Confidentiality<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Covenants<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusivity: Option<Restraint<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_compete: Option<Restraint<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_solicit: Option<NonSolicit<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_disparagement: Option<NonDisparagement<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub first_refusals: Vec<FirstRefusal<'a>>,
    /// When and how a party may transfer (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfers: Option<Transfers<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most_favoured: Option<MostFavoured<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub minimum_commitments: Vec<MinimumCommitment<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub third_party_beneficiaries: Option<ThirdParties<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Transfers<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_up: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_lock_up: Option<AfterLockUp>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub permitted: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_along: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drag_along: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drag_threshold: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AfterLockUp {
    Free,
    FirstRefusal,
    Consent,
}

fn transfers(t: &m::Transfers) -> Transfers<'_> {
    Transfers {
        lock_up: duration(&t.lock_up),
        binds: parties(&t.binds),
        after_lock_up: t.after_lock_up.as_ref().map(|a| match a.value {
            m::AfterLockUp::Free => AfterLockUp::Free,
            m::AfterLockUp::FirstRefusal => AfterLockUp::FirstRefusal,
            m::AfterLockUp::Consent => AfterLockUp::Consent,
        }),
        permitted: t
            .permitted
            .iter()
            .map(|p| Cow::Borrowed(p.value.as_str()))
            .collect(),
        tag_along: boolean(&t.tag_along),
        drag_along: boolean(&t.drag_along),
        drag_threshold: number(&t.drag_threshold),
        note: text(&t.note),
    }
}

/// An exclusivity or non-compete covenant.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Restraint<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'a, str>>,
    /// Non-compete only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territory: Option<Cow<'a, str>>,
    /// How long the covenant runs after exit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carve_outs: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NonSolicit<'a> {
    pub of: Vec<Solicited>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Solicited {
    Customers,
    Employees,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NonDisparagement<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FirstRefusal<'a> {
    pub title: Cow<'a, str>,
    /// The id of the party holding the right.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub holder: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<RefusalKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefusalKind {
    Refusal,
    Offer,
    Negotiation,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MostFavoured<'a> {
    /// The id of the party that benefits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub beneficiary: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MinimumCommitment<'a> {
    pub title: Cow<'a, str>,
    /// The id of the committed party.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub party: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Assignment<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exceptions: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Audit<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    /// An audit may be made at any time (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub any_time: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// Whether third parties may enforce the agreement, or which ones.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ThirdParties<'a> {
    Allowed(bool),
    Named(Vec<Cow<'a, str>>),
}

pub(super) fn restraint(r: &m::Restraint) -> Restraint<'_> {
    Restraint {
        binds: parties(&r.binds),
        scope: text(&r.scope),
        territory: text(&r.territory),
        after_exit: duration(&r.after_exit),
        carve_outs: text(&r.carve_outs),
        note: text(&r.note),
    }
}

pub(super) fn covenants(c: &m::Covenants) -> Covenants<'_> {
    Covenants {
        exclusivity: c.exclusivity.as_ref().map(restraint),
        non_compete: c.non_compete.as_ref().map(restraint),
        non_solicit: c.non_solicit.as_ref().map(|n| NonSolicit {
            of: n
                .of
                .iter()
                .filter_map(|o| match o.value {
                    "customers" => Some(Solicited::Customers),
                    "employees" => Some(Solicited::Employees),
                    _ => None,
                })
                .collect(),
            binds: parties(&n.binds),
            after_exit: duration(&n.after_exit),
            note: text(&n.note),
        }),
        non_disparagement: c.non_disparagement.as_ref().map(|n| NonDisparagement {
            binds: parties(&n.binds),
            note: text(&n.note),
        }),
        first_refusals: c
            .first_refusals
            .iter()
            .map(|f| FirstRefusal {
                title: text_of(&f.title),
                holder: reference(&f.holder),
                kind: f.kind.as_ref().map(|k| match k.value {
                    m::RefusalKind::Refusal => RefusalKind::Refusal,
                    m::RefusalKind::Offer => RefusalKind::Offer,
                    m::RefusalKind::Negotiation => RefusalKind::Negotiation,
                }),
                over: text(&f.over),
                window: duration(&f.window),
                note: text(&f.note),
            })
            .collect(),
        transfers: c.transfers.as_ref().map(transfers),
        most_favoured: c.most_favoured.as_ref().map(|mf| MostFavoured {
            beneficiary: reference(&mf.beneficiary),
            scope: text(&mf.scope),
            note: text(&mf.note),
        }),
        minimum_commitments: c
            .minimum_commitments
            .iter()
            .map(|mc| MinimumCommitment {
                title: text_of(&mc.title),
                party: reference(&mc.party),
                amount: money(&mc.amount),
                per: cadence(&mc.per),
                note: text(&mc.note),
            })
            .collect(),
        assignment: c.assignment.as_ref().map(|a| Assignment {
            consent_required: boolean(&a.consent_required),
            exceptions: text(&a.exceptions),
            note: text(&a.note),
        }),
        audit: c.audit.as_ref().map(|a| Audit {
            by: parties(&a.by),
            every: cadence(&a.every),
            any_time: a.any_time.map(|_| true),
            notice: duration(&a.notice),
            note: text(&a.note),
        }),
        third_party_beneficiaries: c
            .third_party_beneficiaries
            .as_ref()
            .map(|t| match &t.value {
                m::ThirdParties::Allowed(b) => ThirdParties::Allowed(*b),
                m::ThirdParties::Named(names) => ThirdParties::Named(texts(names)),
            }),
        note: text(&c.note),
    }
}
