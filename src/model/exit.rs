//! Exit: termination rights, withdrawal, review, evolution.

use super::*;

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
    /// Put and call options over shares or interests, in the order written.
    pub options: Vec<ShareOption>,
    /// Rights reported as clashing with an earlier right of the same kind (`duplicate-key`),
    /// by kind and holders. They are not in `terminations`, but they show whom the text
    /// means to hold a right, so `one-sided-right` counts them: one mistake, one finding.
    pub rejected: Vec<(TerminationKind, Option<Parties>)>,
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

    /// Every right of one kind: several when each has its own holders.
    pub fn terminations_of(
        &self,
        kind: TerminationKind,
    ) -> impl Iterator<Item = &Termination> + '_ {
        self.terminations
            .iter()
            .filter(move |t| t.kind.value == kind)
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

/// A put option (the holder may make another party buy) or a call option (the holder may
/// make another party sell).
#[derive(Clone, Debug)]
pub struct ShareOption {
    pub kind: Spanned<OptionKind>,
    pub holder: Option<Ref>,
    pub against: Option<Ref>,
    pub over: Option<Text>,
    pub triggers: Vec<Spanned<OptionTrigger>>,
    pub from: Option<Spanned<Date>>,
    pub until: Option<Spanned<Date>>,
    pub price: Option<Spanned<OptionPrice>>,
    pub price_by: Option<Text>,
    pub price_formula: Option<Text>,
    pub amount: Option<Spanned<Money>>,
    pub discount: Option<Spanned<Decimal>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionKind {
    Put,
    Call,
}

impl OptionKind {
    pub fn key(self) -> &'static str {
        match self {
            OptionKind::Put => "put",
            OptionKind::Call => "call",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionTrigger {
    Breach,
    ChangeOfControl,
    Insolvency,
    Deadlock,
    Window,
}

impl OptionTrigger {
    pub fn from_key(key: &str) -> Option<OptionTrigger> {
        Some(match key {
            "breach" => OptionTrigger::Breach,
            "change_of_control" => OptionTrigger::ChangeOfControl,
            "insolvency" => OptionTrigger::Insolvency,
            "deadlock" => OptionTrigger::Deadlock,
            "window" => OptionTrigger::Window,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            OptionTrigger::Breach => "breach",
            OptionTrigger::ChangeOfControl => "change_of_control",
            OptionTrigger::Insolvency => "insolvency",
            OptionTrigger::Deadlock => "deadlock",
            OptionTrigger::Window => "window",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionPrice {
    FairMarketValue,
    NetBookValue,
    Formula,
    Fixed,
}

impl OptionPrice {
    pub fn from_key(key: &str) -> Option<OptionPrice> {
        Some(match key {
            "fair_market_value" => OptionPrice::FairMarketValue,
            "net_book_value" => OptionPrice::NetBookValue,
            "formula" => OptionPrice::Formula,
            "fixed" => OptionPrice::Fixed,
            _ => return None,
        })
    }

    pub fn key(self) -> &'static str {
        match self {
            OptionPrice::FairMarketValue => "fair_market_value",
            OptionPrice::NetBookValue => "net_book_value",
            OptionPrice::Formula => "formula",
            OptionPrice::Fixed => "fixed",
        }
    }
}
