//! Disputes: the steps of the ladder.

use super::*;

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
    /// After how many meetings without agreement the step ends (negotiation, escalation).
    pub meetings: Option<Spanned<Decimal>>,
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
