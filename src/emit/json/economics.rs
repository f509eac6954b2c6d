//! The economics in the JSON document: sharing, fees, payments and royalties.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Sharing {
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
    pub currency: Option<String>,
    /// The time to pay an invoice (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_terms: Option<Duration>,
    /// Interest on late payments (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_interest: Option<LateInterest>,
    /// Fees one party pays another (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<Fee>,
    /// Payments due on milestones (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestone_payments: Vec<MilestonePayment>,
    /// Royalties (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub royalties: Vec<RoyaltyTerms>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
pub struct LateInterest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Cadence>,
    /// The reference rate it is added to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub above: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
pub struct Fee {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// A percentage of `of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Royalty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor: Option<Royalty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MilestonePayment {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The id of the milestone that triggers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub on: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a royalty is a percentage of: a word, or the text of the agreement.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Base {
    Word(BaseWord),
    Text(String),
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
pub struct RoyaltyTerms {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payer: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub payee: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
    /// How long royalties are paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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

fn money_or_percent(r: &Option<crate::span::Spanned<m::Royalty>>) -> Option<Royalty> {
    r.as_ref().map(|r| match &r.value {
        m::Royalty::Percent(p) => Royalty::Percent(num(*p)),
        m::Royalty::Money(money) => Royalty::Money(Money::from(money)),
    })
}

fn percent_of(p: &Option<crate::span::Spanned<rust_decimal::Decimal>>) -> Option<Number> {
    p.as_ref().map(|p| num(p.value))
}

pub(super) fn sharing(s: &m::Sharing) -> Sharing {
    Sharing {
        revenue: percents(&s.revenue),
        revenue_rule: split_rule(&s.revenue_rule),
        costs: percents(&s.costs),
        costs_rule: split_rule(&s.costs_rule),
        currency: s.currency.as_ref().map(|c| c.value.to_string()),
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
                title: f.title.value.clone(),
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
                title: p.title.value.clone(),
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
                title: r.title.value.clone(),
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
                    m::Base::Other(t) => Base::Text(t.clone()),
                }),
                term: duration(&r.term),
                note: text(&r.note),
            })
            .collect(),
        method: text(&s.method),
        note: text(&s.note),
    }
}
