//! The rule catalogue.
//!
//! One file per rule. Each declares itself with [`declare_rule!`]: its stable name, default
//! severity, group, one-line summary and its page (the doc comment, in fixed headings —
//! *What it checks*, *Why it matters*, *Example*, *Instead*), which is also what
//! `charter explain` prints and what `docs/rules/` is generated from. [`REGISTRY`] lists
//! them all; a test keeps the registry, the pages, `docs/rules/` and the fixtures in step.
//!
//! Structural rules (syntax, schema) are reported by `syntax` and `lower`; they are
//! declared here too, with no check of their own, so that they have pages and levels.

use crate::diagnostic::{Diagnostic, Severity};

pub mod docs;
use crate::model::Agreement;

/// What a rule is about, for grouping in `charter rules` and the docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Reported while reading the file: always errors.
    Structural,
    /// Completeness and consistency of the agreement.
    Consistency,
    /// What alliance practice recommends.
    Practice,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Structural => "Structural",
            Group::Consistency => "Completeness and consistency",
            Group::Practice => "Alliance practice",
        }
    }
}

/// What a rule looks at.
pub struct Context<'a> {
    pub agreement: &'a Agreement,
    /// The file's text (for rules that read prose by span, such as `todo-left`).
    pub source: &'a str,
}

/// A rule's fixed facts.
#[derive(Debug)]
pub struct RuleMeta {
    pub name: &'static str,
    pub severity: Severity,
    pub group: Group,
    pub summary: &'static str,
    /// The rule page, in Markdown.
    pub page: &'static str,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Report findings with the rule's default severity; levels are applied afterwards.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Declare a rule: a unit struct, its [`RuleMeta`] (with the doc comment as its page), and,
/// unless it is structural, the `check` function written beside it in the same file.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// …
///     pub SharesNot100 {
///         name: "shares-not-100",
///         severity: Error,
///         group: Consistency,
///         summary: "revenue, costs, ownership or pool shares do not add up to 100%",
///     }
/// }
/// fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) { … }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $name:ident {
            name: $rule:literal,
            severity: $severity:ident,
            group: $group:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $rule,
                severity: $crate::diagnostic::Severity::$severity,
                group: $crate::rules::Group::$group,
                summary: $summary,
                page: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }

            fn check(&self, cx: &$crate::rules::Context<'_>, out: &mut Vec<$crate::diagnostic::Diagnostic>) {
                check(cx, out)
            }
        }
    };
}

/// The span of a block's keyword (`exit` in `exit { … }`): where to point a finding about
/// something the block lacks.
pub fn keyword_span(block: crate::span::Span, keyword: &str) -> crate::span::Span {
    let start = block.start as usize;
    crate::span::Span::from_range(start, (start + keyword.len()).min(block.end as usize))
}

/// A diagnostic of `meta`'s rule, at its default severity.
pub fn finding(
    meta: &'static RuleMeta,
    span: crate::span::Span,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(meta.name, meta.severity, span, message)
}

mod board_too_large;
mod contribution_share_mismatch;
mod contributions_not_reviewed;
mod controlling_stake;
mod date_outside_term;
mod deadlock_without_device;
mod duplicate_id;
mod duplicate_key;
mod equity_mismatch;
mod force_majeure_without_exit;
mod hidden_character;
mod infrequent_meetings;
mod invalid_date;
mod ip_exit_unaddressed;
mod joint_ip_without_exploitation;
mod lock_up_without_exit;
mod long_lock_in;
mod long_restraint;
mod metric_not_joint;
mod metric_without_target;
mod missing_contribution;
mod missing_recommended;
mod missing_required;
mod mixed_currencies;
mod model_block_mismatch;
mod nesting_too_deep;
mod no_annual_review;
mod no_assignment_clause;
mod no_binding_step;
mod no_change_of_control;
mod no_convenience_exit;
mod no_health_check;
mod no_independent_directors;
mod no_insolvency_exit;
mod no_liability_cap;
mod no_mediation;
mod no_qualitative_metric;
mod one_sided_data;
mod one_sided_right;
mod option_without_price;
mod party_without_seat;
mod party_without_share;
mod personal_data_without_roles;
mod quorum_exceeds_seats;
mod redacted_split;
mod renewal_without_notice;
mod restraint_without_scope;
mod self_license;
mod share_for_unknown_party;
mod shares_not_100;
mod step_without_deadline;
mod syntax_error;
mod termination_without_notice;
mod todo_left;
mod too_few_parties;
mod too_many_findings;
mod too_many_parties;
mod too_many_reserved_matters;
mod type_mismatch;
mod uncapped_indemnity;
mod university_without_publication;
mod unknown_block;
mod unknown_key;
mod unknown_reference;
mod unknown_rule;

/// Every rule, structural first, then the two tables of SPEC §3 in their order.
pub static REGISTRY: &[&dyn Rule] = &[
    &syntax_error::SyntaxError,
    &nesting_too_deep::NestingTooDeep,
    &hidden_character::HiddenCharacter,
    &unknown_key::UnknownKey,
    &unknown_block::UnknownBlock,
    &duplicate_key::DuplicateKey,
    &duplicate_id::DuplicateId,
    &type_mismatch::TypeMismatch,
    &invalid_date::InvalidDate,
    &unknown_reference::UnknownReference,
    &missing_required::MissingRequired,
    &missing_recommended::MissingRecommended,
    &unknown_rule::UnknownRule,
    &too_many_findings::TooManyFindings,
    &too_few_parties::TooFewParties,
    &party_without_seat::PartyWithoutSeat,
    &missing_contribution::MissingContribution,
    &shares_not_100::SharesNot100,
    &redacted_split::RedactedSplit,
    &share_for_unknown_party::ShareForUnknownParty,
    &party_without_share::PartyWithoutShare,
    &quorum_exceeds_seats::QuorumExceedsSeats,
    &metric_without_target::MetricWithoutTarget,
    &no_binding_step::NoBindingStep,
    &termination_without_notice::TerminationWithoutNotice,
    &ip_exit_unaddressed::IpExitUnaddressed,
    &date_outside_term::DateOutsideTerm,
    &equity_mismatch::EquityMismatch,
    &model_block_mismatch::ModelBlockMismatch,
    &mixed_currencies::MixedCurrencies,
    &renewal_without_notice::RenewalWithoutNotice,
    &self_license::SelfLicense,
    &infrequent_meetings::InfrequentMeetings,
    &no_mediation::NoMediation,
    &step_without_deadline::StepWithoutDeadline,
    &no_convenience_exit::NoConvenienceExit,
    &no_change_of_control::NoChangeOfControl,
    &no_insolvency_exit::NoInsolvencyExit,
    &one_sided_right::OneSidedRight,
    &long_lock_in::LongLockIn,
    &contributions_not_reviewed::ContributionsNotReviewed,
    &one_sided_data::OneSidedData,
    &metric_not_joint::MetricNotJoint,
    &no_qualitative_metric::NoQualitativeMetric,
    &too_many_parties::TooManyParties,
    &controlling_stake::ControllingStake,
    &no_independent_directors::NoIndependentDirectors,
    &board_too_large::BoardTooLarge,
    &contribution_share_mismatch::ContributionShareMismatch,
    &no_annual_review::NoAnnualReview,
    &no_health_check::NoHealthCheck,
    &todo_left::TodoLeft,
    &long_restraint::LongRestraint,
    &restraint_without_scope::RestraintWithoutScope,
    &no_assignment_clause::NoAssignmentClause,
    &no_liability_cap::NoLiabilityCap,
    &deadlock_without_device::DeadlockWithoutDevice,
    &option_without_price::OptionWithoutPrice,
    &lock_up_without_exit::LockUpWithoutExit,
    &uncapped_indemnity::UncappedIndemnity,
    &force_majeure_without_exit::ForceMajeureWithoutExit,
    &too_many_reserved_matters::TooManyReservedMatters,
    &joint_ip_without_exploitation::JointIpWithoutExploitation,
    &university_without_publication::UniversityWithoutPublication,
    &personal_data_without_roles::PersonalDataWithoutRoles,
];

/// The rule with this name.
pub fn lookup(name: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.meta().name == name)
}

/// Every rule name, for "did you mean".
pub fn names() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|r| r.meta().name)
}

/// Run every catalogue rule over an agreement.
pub fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in REGISTRY {
        if rule.meta().group != Group::Structural {
            rule.check(cx, &mut out);
        }
    }
    out
}
