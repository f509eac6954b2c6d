//! The typed agreement: what the text means, with exact money, calendar dates and resolved
//! references.
//!
//! Lowering keeps going after errors, so almost every field is optional: a missing or
//! mistyped item has been reported and is simply absent here. Every item keeps the span it
//! was written at, so that rules can point at it.

use crate::span::{Span, Spanned};
pub use crate::syntax::ast::{Comparator, Unit};
use compact_str::CompactString;
use jiff::civil::Date;
use rust_decimal::Decimal;

pub type Id = CompactString;

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Model {
    Contractual,
    Equity,
    JointVenture,
}

impl Model {
    pub fn key(self) -> &'static str {
        match self {
            Model::Contractual => "contractual",
            Model::Equity => "equity",
            Model::JointVenture => "joint_venture",
        }
    }
}

/// A whole number of hours, days, business days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

impl Duration {
    /// `date` + this duration in calendar arithmetic (SPEC §2.2): years and months keep the
    /// day number, clamped to the last day of the month (31 January + 1 month = 28 or 29
    /// February); weeks are 7 days; business days skip Saturdays and Sundays. `None` if the
    /// result is past the year 9999.
    pub fn after(self, date: Date) -> Option<Date> {
        use jiff::civil::Weekday;
        let n = i64::from(self.amount);
        // `try_*` rather than `ToSpan`: an absurd duration must give `None`, never a panic.
        let span = |f: fn(jiff::Span, i64) -> Result<jiff::Span, jiff::Error>, n: i64| {
            f(jiff::Span::new(), n).ok()
        };
        match self.unit {
            // Dates have no hours: a period of hours ends on the day it reaches (24 hours
            // after a date is the next day; 1 to 23 hours, the same day).
            Unit::Hours => date.checked_add(span(jiff::Span::try_days, n / 24)?).ok(),
            Unit::Days => date.checked_add(span(jiff::Span::try_days, n)?).ok(),
            Unit::Weeks => date.checked_add(span(jiff::Span::try_weeks, n)?).ok(),
            Unit::Months => date.checked_add(span(jiff::Span::try_months, n)?).ok(),
            Unit::Years => date.checked_add(span(jiff::Span::try_years, n)?).ok(),
            Unit::BusinessDays => {
                // From a weekend, count as from the Friday before (the next business day is
                // the same). From a weekday, every five business days are seven days.
                let back = match date.weekday() {
                    Weekday::Saturday => 1,
                    Weekday::Sunday => 2,
                    _ => 0,
                };
                let friday_or_weekday = date.checked_sub(span(jiff::Span::try_days, back)?).ok()?;
                let mut d = friday_or_weekday
                    .checked_add(span(jiff::Span::try_days, n / 5 * 7)?)
                    .ok()?;
                let mut left = n % 5;
                while left > 0 {
                    d = d.tomorrow().ok()?;
                    if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                        left -= 1;
                    }
                }
                Some(d)
            }
        }
    }

    /// An approximate length in days, for comparing durations of different units
    /// (a month counts 30 days, a year 365, a business day 7/5 of a day, an hour 1/24).
    pub fn approx_days(self) -> Decimal {
        let n = Decimal::from(self.amount);
        match self.unit {
            Unit::Hours => n / Decimal::from(24),
            Unit::Days => n,
            Unit::BusinessDays => n * Decimal::from(7) / Decimal::from(5),
            Unit::Weeks => n * Decimal::from(7),
            Unit::Months => n * Decimal::from(30),
            Unit::Years => n * Decimal::from(365),
        }
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}",
            self.amount,
            self.unit.name(Decimal::from(self.amount))
        )
    }
}

/// How long the agreement runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    Fixed(Duration),
    Indefinite,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    /// ISO 4217 code.
    pub currency: CompactString,
    pub amount: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    Semiannually,
    Annually,
}

impl Cadence {
    pub const ALL: [Cadence; 6] = [
        Cadence::Weekly,
        Cadence::Biweekly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::Semiannually,
        Cadence::Annually,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Semiannually => "semiannually",
            Cadence::Annually => "annually",
        }
    }

    pub fn from_key(word: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.key() == word)
    }

    /// "At least X" (SPEC §2.2): as frequent as `other`, or more. Cadences are ordered from
    /// most to least frequent.
    pub fn at_least(self, other: Cadence) -> bool {
        self <= other
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Consensus,
    Majority,
    Unanimous,
    /// A supermajority as a ratio, e.g. 2/3.
    Ratio(Decimal, Decimal),
    /// A supermajority as a percentage, e.g. 75%.
    Percent(Decimal),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Quantity {
    Number(Decimal),
    Percent(Decimal),
    Money(Money),
    Duration(Duration),
}

/// A metric target: `>= USD 5,000,000`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub comparator: Comparator,
    pub quantity: Quantity,
}

/// What an id refers to once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into [`Agreement::parties`].
    Party(usize),
    /// Index into [`Governance::committees`].
    Committee(usize),
    /// The joint-venture entity.
    Entity,
    /// Index into [`Agreement::documents`].
    Document(usize),
    /// The n-th milestone of [`Metrics::milestones`].
    Milestone(usize),
    /// Names nothing (reported as `unknown-reference`, or left to a dedicated rule).
    Unresolved,
}

/// A reference to an id, as written, with what it resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    pub id: Id,
    pub span: Span,
    pub target: Target,
}

impl Ref {
    pub fn party(&self) -> Option<usize> {
        match self.target {
            Target::Party(i) => Some(i),
            _ => None,
        }
    }
}

/// `all`, or a list of parties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parties {
    All(Span),
    List(Vec<Ref>),
}

/// One entry of a map keyed by party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyEntry<T> {
    pub party: Ref,
    pub value: T,
    /// The whole `key: value` entry.
    pub span: Span,
}

/// A map keyed by party, such as `{ northwind: 55%, contoso: 45% }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyMap<T> {
    pub entries: Vec<PartyEntry<T>>,
    /// Parties whose value is withheld (`{ a: [***] }`): named, but not given here (see
    /// [`Agreement::withheld`]). Boxed, and absent when there are none (nearly always), so
    /// that a map costs one word for it: large agreements hold a hundred thousand maps.
    pub held: Option<Box<Vec<Ref>>>,
    pub span: Span,
}

impl<T> PartyMap<T> {
    /// The parties whose value is withheld.
    pub fn held(&self) -> &[Ref] {
        self.held.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The value of every party, indexed by party (`parties` = the number of parties), in
    /// one pass: for loops over parties, where calling [`PartyMap::get`] each time would
    /// cost the square of their number.
    pub fn by_party(&self, parties: usize) -> Vec<Option<&T>> {
        let mut out = vec![None; parties];
        for e in &self.entries {
            if let Some(slot) = e.party.party().and_then(|i| out.get_mut(i)) {
                slot.get_or_insert(&e.value);
            }
        }
        out
    }

    /// The value of one party (a linear search: in a loop over parties, use
    /// [`PartyMap::by_party`]).
    pub fn get(&self, party: usize) -> Option<&T> {
        self.entries
            .iter()
            .find(|e| e.party.party() == Some(party))
            .map(|e| &e.value)
    }
}

pub type Text = Spanned<String>;

// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug, Default)]
pub struct Agreement {
    pub title: Text,
    /// The `agreement "…" {` head, for findings about the agreement as a whole.
    pub head: Span,
    pub model: Option<Spanned<Model>>,
    pub purpose: Option<Text>,
    pub scope: Option<Text>,
    pub effective: Option<Spanned<Date>>,
    pub term: Option<Spanned<Term>>,
    pub renewal: Option<Spanned<Renewal>>,
    pub renewal_term: Option<Spanned<Duration>>,
    pub renewal_notice: Option<Spanned<Duration>>,
    pub signed: Option<Spanned<Date>>,
    pub governing_law: Option<Text>,
    /// Rule names switched off for this file.
    pub allow: Vec<Text>,
    pub note: Option<Text>,
    pub parties: Vec<Party>,
    pub equity: Option<Equity>,
    pub entity: Option<Entity>,
    pub governance: Option<Governance>,
    pub contributions: Option<Contributions>,
    pub sharing: Option<Sharing>,
    pub liability: Option<Liability>,
    pub ip: Option<Ip>,
    pub compliance: Option<Compliance>,
    pub confidentiality: Option<Confidentiality>,
    pub covenants: Option<Covenants>,
    pub metrics: Option<Metrics>,
    pub disputes: Option<Disputes>,
    pub exit: Option<Exit>,
    pub clauses: Vec<Clause>,
    /// The schedules, exhibits and separate agreements the text relies on.
    pub documents: Vec<RelatedDocument>,
    /// Values the agreement does not give here: redacted in the filed copy, or set out in
    /// another document. They count as present; their keys are absent from the model.
    pub withheld: Vec<Withheld>,
    /// The span of every string and text block in the file, titles included, in source
    /// order (for checks on prose such as `todo-left`).
    pub strings: Vec<Span>,
    /// Keys written with a value that could not be read (a wrong type, an invalid date…),
    /// by key name and value span. They were reported; they are absent from the model but
    /// present in the text (see [`Agreement::unreadable_in`]).
    pub unreadable: Vec<(&'static str, Span)>,
}

/// A related document: `document ID "TITLE" { kind: … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedDocument {
    pub id: Spanned<Id>,
    pub title: Text,
    pub kind: Option<Spanned<DocumentKind>>,
    /// It stands or falls together with this agreement.
    pub interdependent: Option<Spanned<bool>>,
    pub signed: Option<Spanned<Date>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Schedule,
    Exhibit,
    Annex,
    Plan,
    Agreement,
}

impl DocumentKind {
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Schedule => "schedule",
            DocumentKind::Exhibit => "exhibit",
            DocumentKind::Annex => "annex",
            DocumentKind::Plan => "plan",
            DocumentKind::Agreement => "agreement",
        }
    }
}

/// A value written as `[***]` or `see ID`: present, but not given in this agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// The key it is the value of.
    pub key: &'static str,
    /// For an entry of a map keyed by party (`revenue: { a: [***] }`), the party.
    pub party: Option<Ref>,
    /// The value as written.
    pub span: Span,
    /// The block it is written in: its span, keyword and id or title.
    pub block: Span,
    pub section: &'static str,
    pub label: Option<String>,
    /// Whether `label` is the block's title (written in quotes), not its id.
    pub titled: bool,
    pub form: WithheldForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WithheldForm {
    /// Blacked out in the filed copy; what is still visible.
    Redacted(crate::syntax::ast::RedactedShape),
    /// Set out in a related document, perhaps at a given place in it.
    Elsewhere { document: Ref, place: Option<Text> },
    /// A date set by an event (`{ event: "the Initial Closing", longstop: 2006-12-31 }`):
    /// the event, and the date by which it must happen, if any.
    Event {
        event: Option<Text>,
        longstop: Option<Spanned<Date>>,
    },
    /// A period that runs until an event (`{ until: "delivery of all forms", at_most: 30
    /// months }`): the event, and the longest it may run, if any.
    Until {
        event: Option<Text>,
        at_most: Option<Spanned<Duration>>,
    },
}

impl Agreement {
    /// Whether `key` is written directly in the block at `block` as a withheld value.
    pub fn withheld_in(&self, key: &str, block: Span) -> Option<&Withheld> {
        self.withheld
            .iter()
            .find(|w| w.key == key && w.party.is_none() && w.block == block)
    }

    /// The index of the party with this id (a linear search; for many lookups build a map).
    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id.value == id)
    }

    /// The parties that have an id of their own: each id's first party (a second party with
    /// the same id is a `duplicate-id` and is left out), with its index.
    pub fn named_parties(&self) -> Vec<(usize, &Party)> {
        let mut seen = std::collections::HashSet::with_capacity(self.parties.len());
        self.parties
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.id.value.is_empty() && seen.insert(p.id.value.as_str()))
            .collect()
    }

    /// The day the term ends (the last day inside it), or `None` for an indefinite term or
    /// when the start or the term is missing.
    pub fn term_end(&self) -> Option<Date> {
        let effective = self.effective.as_ref()?.value;
        match self.term.as_ref()?.value {
            Term::Fixed(d) => d.after(effective),
            Term::Indefinite => None,
        }
    }

    /// Whether `key` is written inside `within` with a value that could not be read. Such a
    /// key was already reported, so a rule about its absence stays silent.
    pub fn unreadable_in(&self, key: &str, within: Span) -> bool {
        self.unreadable
            .iter()
            .any(|(k, s)| *k == key && within.start <= s.start && s.end <= within.end)
    }

    pub fn committees(&self) -> &[Committee] {
        self.governance
            .as_ref()
            .map_or(&[], |g| g.committees.as_slice())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renewal {
    None,
    Automatic,
    ByAgreement,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Convener,
    Lead,
    Member,
}

#[derive(Clone, Debug)]
pub struct Party {
    pub id: Spanned<Id>,
    pub name: Text,
    pub role: Option<Spanned<Role>>,
    pub jurisdiction: Option<Text>,
    pub signatory: Option<Text>,
    pub alliance_manager: Option<Text>,
    pub contact: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Equity {
    pub stakes: Vec<Stake>,
    pub board_seats: Option<PartyMap<Decimal>>,
    pub information_rights: Option<Spanned<bool>>,
    pub unwind: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stake {
    pub holder: Option<Ref>,
    pub issuer: Option<Ref>,
    pub percent: Option<Spanned<Decimal>>,
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
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Board {
    pub seats: Option<PartyMap<Decimal>>,
    pub independent: Option<Spanned<Decimal>>,
    pub decides: Option<Spanned<Decision>>,
    pub reserved: Vec<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Board {
    /// Seats on the board: the sum of `seats` plus `independent` (SPEC §2.2).
    pub fn total_seats(&self) -> Decimal {
        total_seats(self.seats.as_ref(), self.independent.as_ref())
    }
}

fn total_seats(
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

#[derive(Clone, Debug)]
pub struct Governance {
    pub committees: Vec<Committee>,
    pub reporting: Option<Reporting>,
    pub health_check: Option<Spanned<Cadence>>,
    pub reserved_matters: Option<ReservedMatters>,
    pub scope_change: Option<ScopeChange>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Committee {
    pub id: Spanned<Id>,
    pub name: Text,
    pub seats: Option<PartyMap<Decimal>>,
    pub meets: Option<Spanned<Cadence>>,
    /// `meets: on_referral` or `as_needed`: it meets when there is something to decide.
    pub meets_when: Option<Spanned<Occasion>>,
    pub decides: Option<Spanned<Decision>>,
    pub quorum: Option<Spanned<Decimal>>,
    pub chair: Option<Chair>,
    pub rotation: Option<Spanned<Cadence>>,
    pub independent: Option<Spanned<Decimal>>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Committee {
    /// Seats on the committee: the sum of `seats` plus `independent` (SPEC §2.2).
    pub fn total_seats(&self) -> Decimal {
        total_seats(self.seats.as_ref(), self.independent.as_ref())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chair {
    Party(Ref),
    Rotating(Span),
}

#[derive(Clone, Debug)]
pub struct Reporting {
    pub operations: Option<Spanned<Cadence>>,
    pub progress: Option<Spanned<Cadence>>,
    pub strategy: Option<Spanned<Cadence>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ReservedMatters {
    pub matters: Vec<Text>,
    pub decides: Option<Spanned<Decision>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ScopeChange {
    pub approved_by: Option<Ref>,
    pub amendment_required: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}

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

#[derive(Clone, Debug)]
pub struct Sharing {
    pub revenue: Option<PartyMap<Decimal>>,
    /// A revenue split that is a rule rather than a map (`each_keeps_own`, …).
    pub revenue_rule: Option<Spanned<SplitRule>>,
    pub costs: Option<PartyMap<Decimal>>,
    pub costs_rule: Option<Spanned<SplitRule>>,
    pub method: Option<Text>,
    pub currency: Option<Spanned<Id>>,
    pub payment_terms: Option<Spanned<Duration>>,
    pub late_interest: Option<LateInterest>,
    pub fees: Vec<Fee>,
    pub milestone_payments: Vec<MilestonePayment>,
    pub royalties: Vec<RoyaltyTerms>,
    pub note: Option<Text>,
    pub span: Span,
}

/// When a body meets, if not on a cadence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// Only when a matter is referred to it.
    OnReferral,
    AsNeeded,
}

/// A split given as a rule rather than as percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitRule {
    /// Each party keeps the revenue it earns, or bears its own costs.
    EachOwn,
    ProRataOwnership,
    ProRataContributions,
}

#[derive(Clone, Debug)]
pub struct LateInterest {
    pub rate: Option<Spanned<Decimal>>,
    pub per: Option<Spanned<Cadence>>,
    pub above: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

/// How often a payment falls due: a cadence, or per unit sold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Per {
    Cadence(Cadence),
    Unit,
}

#[derive(Clone, Debug)]
pub struct Fee {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub amount: Option<Spanned<Money>>,
    pub rate: Option<Spanned<Decimal>>,
    pub of: Option<Text>,
    pub per: Option<Spanned<Per>>,
    pub cap: Option<Spanned<Royalty>>,
    pub floor: Option<Spanned<Royalty>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MilestonePayment {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub amount: Option<Spanned<Money>>,
    /// The milestone that triggers it.
    pub on: Option<Ref>,
    pub note: Option<Text>,
    pub span: Span,
}

/// What a royalty is a percentage of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base {
    NetSales,
    GrossSales,
    NetRevenue,
    GrossRevenue,
    Profit,
    Other(String),
}

#[derive(Clone, Debug)]
pub struct RoyaltyTerms {
    pub title: Text,
    pub payer: Option<Ref>,
    pub payee: Option<Ref>,
    pub rate: Option<Spanned<Decimal>>,
    pub amount: Option<Spanned<Money>>,
    pub per: Option<Spanned<Per>>,
    pub base: Option<Spanned<Base>>,
    pub term: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnPeople {
    EachParty,
    Shared,
}

#[derive(Clone, Debug)]
pub struct Liability {
    pub cap: Option<Spanned<Money>>,
    /// A cap set by a formula (`"the fees paid in the 12 months before the claim"`).
    pub cap_formula: Option<Text>,
    pub joint_pool: Option<Spanned<Money>>,
    pub pool_shares: Option<PartyMap<Decimal>>,
    pub own_people_and_assets: Option<Spanned<OwnPeople>>,
    pub insurance: Option<Text>,
    pub uncapped: Vec<Text>,
    pub liquidated_damages: Option<Text>,
    pub termination_fee: Option<Spanned<Money>>,
    pub warranty: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackgroundIp {
    Retained,
    Licensed,
}

/// Who owns jointly developed IP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JointIp {
    JointlyOwned(Span),
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
    pub most_favoured: Option<MostFavoured>,
    pub minimum_commitments: Vec<MinimumCommitment>,
    pub assignment: Option<Assignment>,
    pub audit: Option<Audit>,
    pub third_party_beneficiaries: Option<Spanned<ThirdParties>>,
    pub note: Option<Text>,
    pub span: Span,
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

#[derive(Clone, Debug)]
pub struct Disputes {
    /// The ladder, in the order written.
    pub steps: Vec<DisputeStep>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct DisputeStep {
    pub kind: StepKind,
    pub within: Option<Spanned<Duration>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Negotiators {
    AllianceManagers,
    Managers,
    Executives,
    SeniorExecutives,
    ChiefExecutives,
}

#[derive(Clone, Debug)]
pub enum StepKind {
    Negotiation {
        between: Option<Spanned<Negotiators>>,
    },
    Escalation {
        to: Option<Ref>,
    },
    Mediation {
        provider: Option<Text>,
    },
    Expert {
        provider: Option<Text>,
        binding: Option<Spanned<bool>>,
    },
    Arbitration {
        rules: Option<Text>,
        seat: Option<Text>,
        arbitrators: Option<Spanned<Decimal>>,
    },
    Litigation {
        courts: Option<Text>,
    },
}

impl StepKind {
    pub fn key(&self) -> &'static str {
        match self {
            StepKind::Negotiation { .. } => "negotiation",
            StepKind::Escalation { .. } => "escalation",
            StepKind::Mediation { .. } => "mediation",
            StepKind::Expert { .. } => "expert",
            StepKind::Arbitration { .. } => "arbitration",
            StepKind::Litigation { .. } => "litigation",
        }
    }

    /// Arbitration, litigation and binding expert determination end a dispute.
    pub fn is_binding(&self) -> bool {
        match self {
            StepKind::Arbitration { .. } | StepKind::Litigation { .. } => true,
            StepKind::Expert { binding, .. } => binding.as_ref().is_some_and(|b| b.value),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TerminationKind {
    Convenience,
    Cause,
    ChangeOfControl,
    Insolvency,
    Underperformance,
    /// By mutual written agreement.
    Mutual,
}

impl TerminationKind {
    pub fn key(self) -> &'static str {
        match self {
            TerminationKind::Convenience => "convenience",
            TerminationKind::Cause => "cause",
            TerminationKind::ChangeOfControl => "change_of_control",
            TerminationKind::Insolvency => "insolvency",
            TerminationKind::Underperformance => "underperformance",
            TerminationKind::Mutual => "mutual",
        }
    }

    /// The ground, after "terminate": `for convenience`, `on change of control`.
    pub fn ground(self) -> &'static str {
        match self {
            TerminationKind::Convenience => "for convenience",
            TerminationKind::Cause => "for cause",
            TerminationKind::ChangeOfControl => "on change of control",
            TerminationKind::Insolvency => "on insolvency",
            TerminationKind::Underperformance => "for underperformance",
            TerminationKind::Mutual => "by mutual agreement",
        }
    }

    pub fn from_key(word: &str) -> Option<TerminationKind> {
        Some(match word {
            "convenience" => TerminationKind::Convenience,
            "cause" => TerminationKind::Cause,
            "change_of_control" => TerminationKind::ChangeOfControl,
            "insolvency" => TerminationKind::Insolvency,
            "underperformance" => TerminationKind::Underperformance,
            "mutual" => TerminationKind::Mutual,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Termination {
    pub kind: Spanned<TerminationKind>,
    pub notice: Option<Spanned<Duration>>,
    /// `notice: immediate`: it takes effect at once.
    pub immediate: Option<Span>,
    pub cure: Option<Spanned<Duration>>,
    pub cure_plan: Option<Text>,
    /// Who may use it (every party when absent).
    pub held_by: Option<Parties>,
    /// `held_by: non_defaulting`: only a party that is not itself in breach.
    pub non_defaulting: Option<Span>,
    pub earliest: Option<Spanned<Date>>,
    pub trigger: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

/// One party leaving while the others go on.
#[derive(Clone, Debug)]
pub struct Withdrawal {
    pub notice: Option<Spanned<Duration>>,
    pub immediate: Option<Span>,
    pub earliest: Option<Spanned<Date>>,
    pub keeps: Option<Text>,
    pub loses: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Exit {
    pub terminations: Vec<Termination>,
    pub withdrawal: Option<Withdrawal>,
    /// The clauses that survive the end of the agreement.
    pub survives: Vec<Text>,
    pub wind_down: Option<Spanned<Duration>>,
    pub assets: Option<Text>,
    pub review: Option<ExitReview>,
    pub evolve: Option<Evolve>,
    pub transition: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

impl Exit {
    pub fn termination(&self, kind: TerminationKind) -> Option<&Termination> {
        self.terminations.iter().find(|t| t.kind.value == kind)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewOption {
    Continue,
    Restructure,
    Exit,
}

#[derive(Clone, Debug)]
pub struct ExitReview {
    pub every: Option<Spanned<Cadence>>,
    pub decides: Option<Ref>,
    pub options: Vec<Spanned<ReviewOption>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Evolve {
    pub by: Option<Spanned<Date>>,
    pub into: Option<Spanned<Model>>,
    /// `true` for `dissolve`, `false` for `continue`.
    pub dissolve: Option<Spanned<bool>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub id: Spanned<Id>,
    pub title: Text,
    pub text: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        let d = Duration {
            amount: 1,
            unit: Unit::Months,
        };
        assert_eq!(d.after(date(2027, 1, 31)), Some(date(2027, 2, 28)));
        assert_eq!(d.after(date(2028, 1, 31)), Some(date(2028, 2, 29)));
        let y = Duration {
            amount: 1,
            unit: Unit::Years,
        };
        assert_eq!(y.after(date(2028, 2, 29)), Some(date(2029, 2, 28)));
    }

    #[test]
    fn business_days_skip_weekends() {
        let d = Duration {
            amount: 5,
            unit: Unit::BusinessDays,
        };
        // Friday 2027-01-01 + 5 business days = Friday 2027-01-08.
        assert_eq!(d.after(date(2027, 1, 1)), Some(date(2027, 1, 8)));
        // From a Saturday, the first business day is the Monday.
        let one = Duration {
            amount: 1,
            unit: Unit::BusinessDays,
        };
        assert_eq!(one.after(date(2027, 1, 2)), Some(date(2027, 1, 4)));
        assert_eq!(d.after(date(2027, 1, 2)), Some(date(2027, 1, 8)));
        // Wednesday + 3 business days = Monday.
        let three = Duration {
            amount: 3,
            unit: Unit::BusinessDays,
        };
        assert_eq!(three.after(date(2027, 1, 6)), Some(date(2027, 1, 11)));
        // Absurd lengths give no date instead of a panic.
        let huge = Duration {
            amount: u32::MAX,
            unit: Unit::Years,
        };
        assert_eq!(huge.after(date(2027, 1, 1)), None);
    }

    #[test]
    fn cadences_compare_by_frequency() {
        assert!(Cadence::Monthly.at_least(Cadence::Quarterly));
        assert!(Cadence::Quarterly.at_least(Cadence::Quarterly));
        assert!(!Cadence::Annually.at_least(Cadence::Quarterly));
    }
}
