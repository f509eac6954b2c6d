//! Exit in the JSON document.

use super::*;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Exit {
    pub terminations: Vec<Termination>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wind_down: Option<Duration>,
    /// What happens to shared assets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assets: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ExitReview>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evolve: Option<Evolve>,
    /// Services and obligations that survive exit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Termination {
    pub kind: TerminationKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cure: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TerminationKind {
    Convenience,
    Cause,
    ChangeOfControl,
    Insolvency,
    Underperformance,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ExitReview {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    /// The id of the committee that decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ReviewOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOption {
    Continue,
    Restructure,
    Exit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Evolve {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Otherwise>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    Dissolve,
    Continue,
}

pub(super) fn exit(e: &m::Exit) -> Exit {
    Exit {
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
                },
                notice: duration(&t.notice),
                cure: duration(&t.cure),
                earliest: date(&t.earliest),
                trigger: text(&t.trigger),
                note: text(&t.note),
            })
            .collect(),
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
