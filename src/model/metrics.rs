//! Metrics and milestones.

use super::*;

#[derive(Clone, Debug)]
pub struct Metrics {
    pub review: Option<Spanned<Cadence>>,
    pub data_access: Option<DataAccess>,
    pub metrics: Vec<Metric>,
    pub milestones: Vec<Milestone>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataAccess {
    Shared(Span),
    Party(Ref),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetricKind {
    Quantitative,
    Qualitative,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Joint(Span),
    Parties(Vec<Ref>, Span),
}

impl Owner {
    /// `joint` and a list of two or more parties are joint; a single party is not (SPEC §2.2).
    pub fn is_joint(&self) -> bool {
        match self {
            Owner::Joint(_) => true,
            Owner::Parties(parties, _) => parties.len() >= 2,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Metric {
    pub id: Spanned<Id>,
    pub title: Text,
    pub kind: Option<Spanned<MetricKind>>,
    pub target: Option<Spanned<Bound>>,
    pub by: Option<Spanned<Date>>,
    pub owner: Option<Owner>,
    pub review: Option<Spanned<Cadence>>,
    pub source: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Horizon {
    QuickWin,
    MediumTerm,
    Ultimate,
}

#[derive(Clone, Debug)]
pub struct Milestone {
    pub id: Spanned<Id>,
    pub title: Text,
    pub due: Option<Spanned<Date>>,
    pub horizon: Option<Spanned<Horizon>>,
    pub note: Option<Text>,
    pub span: Span,
}
