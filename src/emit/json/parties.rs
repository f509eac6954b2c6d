//! The parties, the equity section and the joint-venture company in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Party<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    /// The legal name.
    pub name: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Cow<'a, str>>,
    /// The short name the agreement defines (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatory: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alliance_manager: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Cow<'a, str>>,
    /// What kind of body the party is (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<PartyKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// Parties that together form one side of the deal (since 2).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Side<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Cow<'a, str>,
    /// The ids of its parties.
    #[schemars(with = "Vec<String>")]
    pub parties: Vec<Id>,
    /// How its parties answer for the side's obligations (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liability: Option<SideLiability>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SideLiability {
    /// Each party answers for the whole.
    JointAndSeveral,
    /// Each party answers for its own part only.
    Several,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    Company,
    University,
    ResearchInstitute,
    PublicBody,
    Individual,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Convener,
    Lead,
    Member,
    /// Since 2.
    PrimeContractor,
    /// Since 2.
    Subcontractor,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Equity<'a> {
    pub stakes: Vec<Stake<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_rights: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unwind: Option<Cow<'a, str>>,
    /// Whether the alliance goes on if a holder sells its stake (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survives_sale: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Stake<'a> {
    /// The id of the party that holds the stake.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub holder: Option<Id>,
    /// The id of the party whose shares are held.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub issuer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Number>,
    /// The stake as a number of shares. Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shares: Option<Number>,
    /// The class of shares. Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Funding<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitments: Option<Vec<PartyAmount<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_funding: Option<NonFunding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NonFunding {
    Dilution,
    Loan,
    Default,
    BuyOut,
}

/// The joint-venture company.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Entity<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital: Option<Vec<PartyAmount<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<Board<'a>>,
    /// The parents' funding commitments (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Board<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    /// Matters the parents keep a veto on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reserved: Vec<Cow<'a, str>>,
    /// The majority the reserved matters need (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_decides: Option<Decision>,
    /// Reserved matters with a majority of their own (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub special_majorities: Vec<super::governance::SpecialMajority<'a>>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets: Option<Cadence>,
    /// Since 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Number>,
    /// The parent that appoints the chair, or rotating (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<Chair>,
    /// Whether the chair decides a tie (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub casting_vote: Option<bool>,
    /// Observers each parent may send (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observers: Option<Vec<PartySeats>>,
    /// The statutory auditor (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auditor: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

pub(super) fn party(p: &m::Party) -> Party<'_> {
    Party {
        id: p.id.value.clone(),
        name: text_of(&p.name),
        role: p.role.as_ref().map(|r| match r.value {
            m::Role::Convener => Role::Convener,
            m::Role::Lead => Role::Lead,
            m::Role::Member => Role::Member,
            m::Role::PrimeContractor => Role::PrimeContractor,
            m::Role::Subcontractor => Role::Subcontractor,
        }),
        jurisdiction: text(&p.jurisdiction),
        short: text(&p.short),
        signatory: text(&p.signatory),
        alliance_manager: text(&p.alliance_manager),
        contact: text(&p.contact),
        kind: p.kind.as_ref().map(|k| match k.value {
            m::PartyKind::Company => PartyKind::Company,
            m::PartyKind::University => PartyKind::University,
            m::PartyKind::ResearchInstitute => PartyKind::ResearchInstitute,
            m::PartyKind::PublicBody => PartyKind::PublicBody,
            m::PartyKind::Individual => PartyKind::Individual,
        }),
        note: text(&p.note),
    }
}

pub(super) fn equity(e: &m::Equity) -> Equity<'_> {
    Equity {
        stakes: e
            .stakes
            .iter()
            .map(|s| Stake {
                holder: reference(&s.holder),
                issuer: reference(&s.issuer),
                percent: number(&s.percent),
                shares: number(&s.shares),
                class: text(&s.class),
                amount: money(&s.amount),
                closing: date(&s.closing),
                note: text(&s.note),
            })
            .collect(),
        board_seats: seats(&e.board_seats),
        information_rights: boolean(&e.information_rights),
        unwind: text(&e.unwind),
        survives_sale: boolean(&e.survives_sale),
        note: text(&e.note),
    }
}

pub(super) fn entity(e: &m::Entity) -> Entity<'_> {
    Entity {
        id: e.id.value.clone(),
        name: text_of(&e.name),
        jurisdiction: text(&e.jurisdiction),
        ownership: percents(&e.ownership),
        funding: e.funding.as_ref().map(|f| Funding {
            commitments: amounts(&f.commitments),
            calls: text(&f.calls),
            non_funding: f.non_funding.as_ref().map(|n| match n.value {
                m::NonFunding::Dilution => NonFunding::Dilution,
                m::NonFunding::Loan => NonFunding::Loan,
                m::NonFunding::Default => NonFunding::Default,
                m::NonFunding::BuyOut => NonFunding::BuyOut,
            }),
            note: text(&f.note),
        }),
        capital: amounts(&e.capital),
        management: text(&e.management),
        board: e.board.as_ref().map(|b| Board {
            seats: seats(&b.seats),
            independent: number(&b.independent),
            decides: decision(&b.decides),
            reserved: texts(&b.reserved),
            reserved_decides: decision(&b.reserved_decides),
            special_majorities: super::governance::special_majorities(&b.special),
            meets: cadence(&b.meets),
            quorum: number(&b.quorum),
            chair: b.chair.as_ref().map(|ch| match ch {
                m::Chair::Rotating(_) => Chair::Rotating(Rotating::Rotating),
                m::Chair::Party(r) => Chair::Party(PartyRef { party: id(r) }),
            }),
            casting_vote: boolean(&b.casting_vote),
            observers: seats(&b.observers),
            auditor: text(&b.auditor),
            note: text(&b.note),
        }),
        note: text(&e.note),
    }
}
