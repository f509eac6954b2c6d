//! Contributions in the JSON document: resources and deliverables.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Contributions<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    /// One entry per `from PARTY` block, in source order.
    pub from: Vec<PartyContributions<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// What one party contributes.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyContributions<'a> {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
    pub resources: Vec<Resource<'a>>,
    pub deliverables: Vec<Deliverable<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Resource<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Money<'a>>,
    /// Full-time equivalents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fte: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<LicenseTerms>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Cash,
    Ip,
    Data,
    Staff,
    Facilities,
    Technology,
    MarketAccess,
    Brand,
    Other,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LicenseTerms {
    Exclusive,
    NonExclusive,
    Assignment,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Deliverable<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

pub(super) fn contributions(c: &m::Contributions) -> Contributions<'_> {
    Contributions {
        review: cadence(&c.review),
        from: c
            .from
            .iter()
            .map(|f| PartyContributions {
                party: id(&f.party),
                resources: f
                    .resources
                    .iter()
                    .map(|r| Resource {
                        title: text_of(&r.title),
                        kind: r.kind.as_ref().map(|k| match k.value {
                            m::ResourceKind::Cash => ResourceKind::Cash,
                            m::ResourceKind::Ip => ResourceKind::Ip,
                            m::ResourceKind::Data => ResourceKind::Data,
                            m::ResourceKind::Staff => ResourceKind::Staff,
                            m::ResourceKind::Facilities => ResourceKind::Facilities,
                            m::ResourceKind::Technology => ResourceKind::Technology,
                            m::ResourceKind::MarketAccess => ResourceKind::MarketAccess,
                            m::ResourceKind::Brand => ResourceKind::Brand,
                            m::ResourceKind::Other => ResourceKind::Other,
                        }),
                        value: money(&r.value),
                        fte: number(&r.fte),
                        license: r.license.as_ref().map(|l| match l.value {
                            m::LicenseTerms::Exclusive => LicenseTerms::Exclusive,
                            m::LicenseTerms::NonExclusive => LicenseTerms::NonExclusive,
                            m::LicenseTerms::Assignment => LicenseTerms::Assignment,
                        }),
                        schedule: text(&r.schedule),
                        note: text(&r.note),
                    })
                    .collect(),
                deliverables: f
                    .deliverables
                    .iter()
                    .map(|d| Deliverable {
                        title: text_of(&d.title),
                        due: date(&d.due),
                        acceptance: text(&d.acceptance),
                        note: text(&d.note),
                    })
                    .collect(),
                note: text(&f.note),
            })
            .collect(),
        note: text(&c.note),
    }
}
