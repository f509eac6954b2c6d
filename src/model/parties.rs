//! Parties, and the equity and joint-venture terms: stakes, entities, boards.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Convener,
    Lead,
    Member,
    /// Contracts with the customer and answers for the others.
    PrimeContractor,
    /// Works under the prime contractor.
    Subcontractor,
}

#[derive(Clone, Debug)]
pub struct Party {
    pub id: Spanned<Id>,
    pub name: Text,
    /// The short name the agreement defines: "Helix".
    pub short: Option<Text>,
    pub role: Option<Spanned<Role>>,
    pub jurisdiction: Option<Text>,
    pub signatory: Option<Text>,
    pub alliance_manager: Option<Text>,
    pub contact: Option<Text>,
    pub kind: Option<Spanned<PartyKind>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Equity {
    pub stakes: Vec<Stake>,
    pub board_seats: Option<PartyMap<Decimal>>,
    pub information_rights: Option<Spanned<bool>>,
    pub unwind: Option<Text>,
    /// Whether the alliance goes on if a holder sells its stake.
    pub survives_sale: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stake {
    pub holder: Option<Ref>,
    pub issuer: Option<Ref>,
    pub percent: Option<Spanned<Decimal>>,
    /// The stake as a number of shares.
    pub shares: Option<Spanned<Decimal>>,
    /// The class of shares.
    pub class: Option<Text>,
    pub amount: Option<Spanned<Money>>,
    pub closing: Option<Spanned<Date>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: Spanned<Id>,
    pub name: Text,
    pub jurisdiction: Option<Text>,
    pub ownership: Option<PartyMap<Decimal>>,
    pub capital: Option<PartyMap<Money>>,
    pub management: Option<Text>,
    pub board: Option<Board>,
    pub funding: Option<Funding>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Board {
    pub seats: Option<PartyMap<Decimal>>,
    pub independent: Option<Spanned<Decimal>>,
    pub decides: Option<Spanned<Decision>>,
    pub reserved: Vec<Text>,
    /// The majority the reserved matters need.
    pub reserved_decides: Option<Spanned<Decision>>,
    /// Reserved matters with a majority of their own (`matter "…" { decides: … }`).
    pub special: Vec<SpecialMajority>,
    pub meets: Option<Spanned<Cadence>>,
    pub quorum: Option<Spanned<Decimal>>,
    pub chair: Option<Chair>,
    /// The chair decides a tie.
    pub casting_vote: Option<Spanned<bool>>,
    pub observers: Option<PartyMap<Decimal>>,
    pub auditor: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Board {
    /// Seats on the board: the sum of `seats` plus `independent` (SPEC §2.2).
    pub fn total_seats(&self) -> Decimal {
        total_seats(self.seats.as_ref(), self.independent.as_ref())
    }
}

pub(crate) fn total_seats(
    seats: Option<&PartyMap<Decimal>>,
    independent: Option<&Spanned<Decimal>>,
) -> Decimal {
    // Saturating: an absurd seat count written in a file must not overflow (a panic).
    seats
        .into_iter()
        .flat_map(|m| m.entries.iter().map(|e| e.value))
        .chain(independent.map(|i| i.value))
        .fold(Decimal::ZERO, Decimal::saturating_add)
}

/// What kind of body a party is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyKind {
    Company,
    University,
    ResearchInstitute,
    PublicBody,
    Individual,
}

impl PartyKind {
    pub fn key(self) -> &'static str {
        match self {
            PartyKind::Company => "company",
            PartyKind::University => "university",
            PartyKind::ResearchInstitute => "research_institute",
            PartyKind::PublicBody => "public_body",
            PartyKind::Individual => "individual",
        }
    }

    /// A university or research institute: it exists to publish.
    pub fn is_academic(self) -> bool {
        matches!(self, PartyKind::University | PartyKind::ResearchInstitute)
    }
}

/// The parents' commitments to fund the joint-venture company.
#[derive(Clone, Debug)]
pub struct Funding {
    pub commitments: Option<PartyMap<Money>>,
    pub calls: Option<Text>,
    pub non_funding: Option<Spanned<NonFunding>>,
    pub note: Option<Text>,
    pub span: Span,
}

/// What happens to a parent that does not fund a capital call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonFunding {
    /// Its share is diluted.
    Dilution,
    /// The other funds its part as a loan.
    Loan,
    /// It is in default.
    Default,
    /// The others may buy it out.
    BuyOut,
}

impl NonFunding {
    pub fn key(self) -> &'static str {
        match self {
            NonFunding::Dilution => "dilution",
            NonFunding::Loan => "loan",
            NonFunding::Default => "default",
            NonFunding::BuyOut => "buy_out",
        }
    }
}
