//! The economics in the JSON document: sharing, fees, payments and royalties.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Sharing<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Vec<PartyPercent>>,
    /// A revenue split given as a rule instead of percentages (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue_rule: Option<SplitRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs: Option<Vec<PartyPercent>>,
    /// A cost split given as a rule instead of percentages (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs_rule: Option<SplitRule>,
    /// The currency of payments, an ISO 4217 code (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<Cow<'a, str>>,
    /// The time to pay an invoice (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<Duration>,
    /// Interest on late payments (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_interest: Option<LateInterest<'a>>,
    /// Fees one party pays another (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee<'a>>,
    /// Payments due on milestones (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestone_payments: Vec<MilestonePayment<'a>>,
    /// Royalties (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub royalties: Vec<RoyaltyTerms<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// A split given as a rule: each party keeps its own revenue (or bears its own costs), or
/// the split follows ownership or contributions.
#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SplitRule {
    EachOwn,
    ProRataOwnership,
    ProRataContributions,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct LateInterest<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Cadence>,
    /// The reference rate it is added to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub above: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// How often a payment falls due: a cadence, or `"unit"` (per unit sold).
#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Per {
    Cadence(Cadence),
    Unit(PerUnit),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PerUnit {
    Unit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Fee<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    /// A percentage of `of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Royalty<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Royalty<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MilestonePayment<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    /// The id of the milestone that triggers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub on: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// What a royalty is a percentage of: a word, or the text of the agreement.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Base<'a> {
    Word(BaseWord),
    Text(Cow<'a, str>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BaseWord {
    NetSales,
    GrossSales,
    NetRevenue,
    GrossRevenue,
    Profit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct RoyaltyTerms<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<Base<'a>>,
    /// How long royalties are paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

fn split_rule(r: &Option<crate::span::Spanned<m::SplitRule>>) -> Option<SplitRule> {
    r.as_ref().map(|r| match r.value {
        m::SplitRule::EachOwn => SplitRule::EachOwn,
        m::SplitRule::ProRataOwnership => SplitRule::ProRataOwnership,
        m::SplitRule::ProRataContributions => SplitRule::ProRataContributions,
    })
}

fn per(p: &Option<crate::span::Spanned<m::Per>>) -> Option<Per> {
    p.as_ref().map(|p| match p.value {
        m::Per::Cadence(c) => Per::Cadence(Cadence::from(c)),
        m::Per::Unit => Per::Unit(PerUnit::Unit),
    })
}

fn money_or_percent(r: &Option<crate::span::Spanned<m::Royalty>>) -> Option<Royalty<'_>> {
    r.as_ref().map(|r| match &r.value {
        m::Royalty::Percent(p) => Royalty::Percent(num(*p)),
        m::Royalty::Money(money) => Royalty::Money(Money::from(money)),
    })
}

fn percent_of(p: &Option<crate::span::Spanned<rust_decimal::Decimal>>) -> Option<Number> {
    p.as_ref().map(|p| num(p.value))
}

pub(super) fn sharing(s: &m::Sharing) -> Sharing<'_> {
    Sharing {
        revenue: percents(&s.revenue),
        revenue_rule: split_rule(&s.revenue_rule),
        costs: percents(&s.costs),
        costs_rule: split_rule(&s.costs_rule),
        currency: s.currency.as_ref().map(|c| Cow::Borrowed(c.value.as_str())),
        payment_terms: duration(&s.payment_terms),
        late_interest: s.late_interest.as_ref().map(|l| LateInterest {
            rate: percent_of(&l.rate),
            per: cadence(&l.per),
            above: text(&l.above),
            note: text(&l.note),
        }),
        fees: s
            .fees
            .iter()
            .map(|f| Fee {
                title: text_of(&f.title),
                payer: reference(&f.payer),
                payee: reference(&f.payee),
                amount: money(&f.amount),
                rate: percent_of(&f.rate),
                of: text(&f.of),
                per: per(&f.per),
                cap: money_or_percent(&f.cap),
                floor: money_or_percent(&f.floor),
                note: text(&f.note),
            })
            .collect(),
        milestone_payments: s
            .milestone_payments
            .iter()
            .map(|p| MilestonePayment {
                title: text_of(&p.title),
                payer: reference(&p.payer),
                payee: reference(&p.payee),
                amount: money(&p.amount),
                on: reference(&p.on),
                note: text(&p.note),
            })
            .collect(),
        royalties: s
            .royalties
            .iter()
            .map(|r| RoyaltyTerms {
                title: text_of(&r.title),
                payer: reference(&r.payer),
                payee: reference(&r.payee),
                rate: percent_of(&r.rate),
                amount: money(&r.amount),
                per: per(&r.per),
                base: r.base.as_ref().map(|b| match &b.value {
                    m::Base::NetSales => Base::Word(BaseWord::NetSales),
                    m::Base::GrossSales => Base::Word(BaseWord::GrossSales),
                    m::Base::NetRevenue => Base::Word(BaseWord::NetRevenue),
                    m::Base::GrossRevenue => Base::Word(BaseWord::GrossRevenue),
                    m::Base::Profit => Base::Word(BaseWord::Profit),
                    m::Base::Other(t) => Base::Text(Cow::Borrowed(t.as_str())),
                }),
                term: duration(&r.term),
                note: text(&r.note),
            })
            .collect(),
        method: text(&s.method),
        note: text(&s.note),
    }
}
