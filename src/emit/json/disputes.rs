//! The dispute ladder in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Disputes<'a> {
    /// The escalation ladder, in order.
    pub steps: Vec<Step<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// One step of the dispute ladder; `step` says which.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step<'a> {
    Negotiation {
        #[serde(skip_serializing_if = "Option::is_none")]
        between: Option<Negotiators>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        /// After how many meetings without agreement the step ends. Since 2.
        #[serde(skip_serializing_if = "Option::is_none")]
        meetings: Option<Number>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
    Escalation {
        /// The id of the committee the dispute goes to.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<String>")]
        to: Option<Id>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        /// After how many meetings without agreement the step ends. Since 2.
        #[serde(skip_serializing_if = "Option::is_none")]
        meetings: Option<Number>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
    Mediation {
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
    Expert {
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        binding: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
    Arbitration {
        #[serde(skip_serializing_if = "Option::is_none")]
        rules: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        seat: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        arbitrators: Option<Number>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
    Litigation {
        #[serde(skip_serializing_if = "Option::is_none")]
        courts: Option<Cow<'a, str>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<Cow<'a, str>>,
    },
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Negotiators {
    AllianceManagers,
    Executives,
    /// Since 2.
    Managers,
    /// Since 2.
    SeniorExecutives,
    /// Since 2.
    ChiefExecutives,
}

pub(super) fn step(s: &m::DisputeStep) -> Step<'_> {
    let within = duration(&s.within);
    let meetings = number(&s.meetings);
    let note = text(&s.note);
    match &s.kind {
        m::StepKind::Negotiation { between } => Step::Negotiation {
            between: between.as_ref().map(|b| match b.value {
                m::Negotiators::AllianceManagers => Negotiators::AllianceManagers,
                m::Negotiators::Executives => Negotiators::Executives,
                m::Negotiators::Managers => Negotiators::Managers,
                m::Negotiators::SeniorExecutives => Negotiators::SeniorExecutives,
                m::Negotiators::ChiefExecutives => Negotiators::ChiefExecutives,
            }),
            within,
            meetings,
            note,
        },
        m::StepKind::Escalation { to } => Step::Escalation {
            to: reference(to),
            within,
            meetings,
            note,
        },
        m::StepKind::Mediation { provider } => Step::Mediation {
            provider: text(provider),
            within,
            note,
        },
        m::StepKind::Expert { provider, binding } => Step::Expert {
            provider: text(provider),
            binding: boolean(binding),
            note,
        },
        m::StepKind::Arbitration {
            rules,
            seat,
            arbitrators,
        } => Step::Arbitration {
            rules: text(rules),
            seat: text(seat),
            arbitrators: number(arbitrators),
            note,
        },
        m::StepKind::Litigation { courts } => Step::Litigation {
            courts: text(courts),
            note,
        },
    }
}
