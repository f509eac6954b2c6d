//! Contributions: resources and deliverables, by party.

use super::*;

#[derive(Clone, Debug)]
pub struct Contributions {
    pub review: Option<Spanned<Cadence>>,
    pub from: Vec<From>,
    pub note: Option<Text>,
    pub span: Span,
}

/// `from PARTY { … }`
#[derive(Clone, Debug)]
pub struct From {
    pub party: Ref,
    pub resources: Vec<Resource>,
    pub deliverables: Vec<Deliverable>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl ResourceKind {
    pub fn from_key(word: &str) -> Option<ResourceKind> {
        Some(match word {
            "cash" => ResourceKind::Cash,
            "ip" => ResourceKind::Ip,
            "data" => ResourceKind::Data,
            "staff" => ResourceKind::Staff,
            "facilities" => ResourceKind::Facilities,
            "technology" => ResourceKind::Technology,
            "market_access" => ResourceKind::MarketAccess,
            "brand" => ResourceKind::Brand,
            "other" => ResourceKind::Other,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            ResourceKind::Cash => "cash",
            ResourceKind::Ip => "ip",
            ResourceKind::Data => "data",
            ResourceKind::Staff => "staff",
            ResourceKind::Facilities => "facilities",
            ResourceKind::Technology => "technology",
            ResourceKind::MarketAccess => "market_access",
            ResourceKind::Brand => "brand",
            ResourceKind::Other => "other",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LicenseTerms {
    Exclusive,
    NonExclusive,
    Assignment,
}

#[derive(Clone, Debug)]
pub struct Resource {
    pub title: Text,
    pub kind: Option<Spanned<ResourceKind>>,
    pub value: Option<Spanned<Money>>,
    pub fte: Option<Spanned<Decimal>>,
    pub license: Option<Spanned<LicenseTerms>>,
    pub schedule: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Deliverable {
    pub title: Text,
    pub due: Option<Spanned<Date>>,
    pub acceptance: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}
