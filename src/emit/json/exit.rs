//! Exit in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Exit<'a> {
    pub terminations: Vec<Termination<'a>>,
    /// Put and call options (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ShareOption<'a>>,
    /// One party leaving while the others go on (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal<'a>>,
    /// The clauses that survive the end of the agreement (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub survives: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wind_down: Option<Duration>,
    /// What happens to shared assets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assets: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ExitReview<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evolve: Option<Evolve<'a>>,
    /// Services and obligations that survive exit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Termination<'a> {
    pub kind: TerminationKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    /// It takes effect at once, with no notice period (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immediate: Option<bool>,
    /// A plan to cure the breach, instead of or besides a cure period (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cure_plan: Option<Cow<'a, str>>,
    /// Who may use it; absent when every party may (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_by: Option<Holders>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cure: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TerminationKind {
    Convenience,
    Cause,
    ChangeOfControl,
    Insolvency,
    Underperformance,
    /// By mutual written agreement (since 2).
    Mutual,
}

/// Who holds a right: `"all"`, a list of party ids, or `"non_defaulting"` (only a party not
/// in breach).
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Holders {
    Parties(Parties),
    Word(NonDefaulting),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NonDefaulting {
    NonDefaulting,
}

/// One party leaving while the others go on.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Withdrawal<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immediate: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    /// What the withdrawing party keeps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keeps: Option<Cow<'a, str>>,
    /// What it gives up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loses: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ExitReview<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    /// The id of the committee that decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub decides: Option<Id>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ReviewOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOption {
    Continue,
    Restructure,
    Exit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Evolve<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Otherwise>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    Dissolve,
    Continue,
}

pub(super) fn exit(e: &m::Exit) -> Exit<'_> {
    Exit {
        options: e.options.iter().map(share_option).collect(),
        terminations: e
            .terminations
            .iter()
            .map(|t| Termination {
                kind: match t.kind.value {
                    m::TerminationKind::Convenience => TerminationKind::Convenience,
                    m::TerminationKind::Cause => TerminationKind::Cause,
                    m::TerminationKind::ChangeOfControl => TerminationKind::ChangeOfControl,
                    m::TerminationKind::Insolvency => TerminationKind::Insolvency,
                    m::TerminationKind::Underperformance => TerminationKind::Underperformance,
                    m::TerminationKind::Mutual => TerminationKind::Mutual,
                },
                notice: duration(&t.notice),
                immediate: t.immediate.map(|_| true),
                cure_plan: text(&t.cure_plan),
                held_by: match (&t.held_by, t.non_defaulting) {
                    (Some(_), _) => parties(&t.held_by).map(Holders::Parties),
                    (None, Some(_)) => Some(Holders::Word(NonDefaulting::NonDefaulting)),
                    (None, None) => None,
                },
                cure: duration(&t.cure),
                earliest: date(&t.earliest),
                trigger: text(&t.trigger),
                note: text(&t.note),
            })
            .collect(),
        withdrawal: e.withdrawal.as_ref().map(|w| Withdrawal {
            notice: duration(&w.notice),
            immediate: w.immediate.map(|_| true),
            earliest: date(&w.earliest),
            keeps: text(&w.keeps),
            loses: text(&w.loses),
            note: text(&w.note),
        }),
        survives: texts(&e.survives),
        wind_down: duration(&e.wind_down),
        assets: text(&e.assets),
        review: e.review.as_ref().map(|r| ExitReview {
            every: cadence(&r.every),
            decides: reference(&r.decides),
            options: r
                .options
                .iter()
                .map(|o| match o.value {
                    m::ReviewOption::Continue => ReviewOption::Continue,
                    m::ReviewOption::Restructure => ReviewOption::Restructure,
                    m::ReviewOption::Exit => ReviewOption::Exit,
                })
                .collect(),
            note: text(&r.note),
        }),
        evolve: e.evolve.as_ref().map(|v| Evolve {
            by: date(&v.by),
            into: v.into.as_ref().map(|i| i.value.into()),
            otherwise: v.dissolve.as_ref().map(|d| {
                if d.value {
                    Otherwise::Dissolve
                } else {
                    Otherwise::Continue
                }
            }),
            note: text(&v.note),
        }),
        transition: text(&e.transition),
        note: text(&e.note),
    }
}

/// A put option (the holder may make `against` buy) or a call option (the holder may make
/// `against` sell).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ShareOption<'a> {
    pub kind: OptionKind,
    /// The id of the party that may exercise it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub holder: Option<Id>,
    /// The id of the party that must buy or sell.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub against: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over: Option<Cow<'a, str>>,
    pub triggers: Vec<OptionTrigger>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<OptionPrice>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_by: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_formula: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    Put,
    Call,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OptionTrigger {
    Breach,
    ChangeOfControl,
    Insolvency,
    Deadlock,
    Window,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OptionPrice {
    FairMarketValue,
    NetBookValue,
    Formula,
    Fixed,
}

fn share_option(o: &m::ShareOption) -> ShareOption<'_> {
    ShareOption {
        kind: match o.kind.value {
            m::OptionKind::Put => OptionKind::Put,
            m::OptionKind::Call => OptionKind::Call,
        },
        holder: reference(&o.holder),
        against: reference(&o.against),
        over: text(&o.over),
        triggers: o
            .triggers
            .iter()
            .map(|t| match t.value {
                m::OptionTrigger::Breach => OptionTrigger::Breach,
                m::OptionTrigger::ChangeOfControl => OptionTrigger::ChangeOfControl,
                m::OptionTrigger::Insolvency => OptionTrigger::Insolvency,
                m::OptionTrigger::Deadlock => OptionTrigger::Deadlock,
                m::OptionTrigger::Window => OptionTrigger::Window,
            })
            .collect(),
        from: date(&o.from),
        until: date(&o.until),
        price: o.price.as_ref().map(|p| match p.value {
            m::OptionPrice::FairMarketValue => OptionPrice::FairMarketValue,
            m::OptionPrice::NetBookValue => OptionPrice::NetBookValue,
            m::OptionPrice::Formula => OptionPrice::Formula,
            m::OptionPrice::Fixed => OptionPrice::Fixed,
        }),
        price_by: text(&o.price_by),
        price_formula: text(&o.price_formula),
        amount: money(&o.amount),
        discount: number(&o.discount),
        note: text(&o.note),
    }
}
