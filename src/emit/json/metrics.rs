//! Metrics and milestones in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Metrics<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_access: Option<DataAccess>,
    pub metrics: Vec<Metric<'a>>,
    pub milestones: Vec<Milestone<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// `"shared"`, or the one party that holds the data.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum DataAccess {
    Shared(Shared),
    Party(PartyRef),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Shared {
    Shared,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Metric<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<MetricKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Quantitative,
    Qualitative,
}

/// A metric target: a comparison and exactly one of `number`, `percent`, `money` or
/// `duration`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Target<'a> {
    pub comparator: Comparator,
    #[serde(flatten)]
    pub value: Quantity<'a>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "=")]
    Exactly,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quantity<'a> {
    Number(Number),
    Percent(Number),
    Money(Money<'a>),
    Duration(Duration),
}

/// `"joint"`, or a list of party ids.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Owner {
    Joint(Joint),
    Parties(#[schemars(with = "Vec<String>")] Vec<Id>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Joint {
    Joint,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Milestone<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    QuickWin,
    MediumTerm,
    Ultimate,
}

pub(super) fn metrics(mt: &m::Metrics) -> Metrics<'_> {
    Metrics {
        review: cadence(&mt.review),
        data_access: mt.data_access.as_ref().map(|d| match d {
            m::DataAccess::Shared(_) => DataAccess::Shared(Shared::Shared),
            m::DataAccess::Party(r) => DataAccess::Party(PartyRef { party: id(r) }),
        }),
        metrics: mt
            .metrics
            .iter()
            .map(|x| Metric {
                id: x.id.value.clone(),
                title: text_of(&x.title),
                kind: x.kind.as_ref().map(|k| match k.value {
                    m::MetricKind::Quantitative => MetricKind::Quantitative,
                    m::MetricKind::Qualitative => MetricKind::Qualitative,
                }),
                target: x.target.as_ref().map(|t| Target {
                    comparator: match t.value.comparator {
                        m::Comparator::AtLeast => Comparator::AtLeast,
                        m::Comparator::AtMost => Comparator::AtMost,
                        m::Comparator::Above => Comparator::Above,
                        m::Comparator::Below => Comparator::Below,
                        m::Comparator::Exactly => Comparator::Exactly,
                    },
                    value: match &t.value.quantity {
                        m::Quantity::Number(n) => Quantity::Number(num(*n)),
                        m::Quantity::Percent(p) => Quantity::Percent(num(*p)),
                        m::Quantity::Money(money) => Quantity::Money(Money::from(money)),
                        m::Quantity::Duration(d) => Quantity::Duration((*d).into()),
                    },
                }),
                by: date(&x.by),
                owner: x.owner.as_ref().map(|o| match o {
                    m::Owner::Joint(_) => Owner::Joint(Joint::Joint),
                    m::Owner::Parties(refs, _) => Owner::Parties(refs.iter().map(id).collect()),
                }),
                review: cadence(&x.review),
                source: text(&x.source),
                note: text(&x.note),
            })
            .collect(),
        milestones: mt
            .milestones
            .iter()
            .map(|x| Milestone {
                id: x.id.value.clone(),
                title: text_of(&x.title),
                due: date(&x.due),
                horizon: x.horizon.as_ref().map(|h| match h.value {
                    m::Horizon::QuickWin => Horizon::QuickWin,
                    m::Horizon::MediumTerm => Horizon::MediumTerm,
                    m::Horizon::Ultimate => Horizon::Ultimate,
                }),
                note: text(&x.note),
            })
            .collect(),
        note: text(&mt.note),
    }
}
