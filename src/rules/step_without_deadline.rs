use crate::diagnostic::Diagnostic;
use crate::model::StepKind;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Every step of the dispute ladder except the last one that can have a deadline
    /// (`negotiation`, `escalation` and `mediation`) but has no `within` (nor, for a
    /// negotiation or an escalation, a number of `meetings` after which it moves on).
    ///
    /// ## Why it matters
    ///
    /// A ladder only works if a dispute climbs it. Without a deadline, a party that gains
    /// from delay can keep a disagreement at the first rung for months. The practice
    /// material warns that many alliances fail because a small disagreement was left to
    /// fester (“Beyond the Handshake”), and describes a fixed path for a problem that
    /// persists: a structured review, then the steering committee, then the dispute process
    /// (“Beyond the Handshake”). Deadlines make each step hand the dispute on to the
    /// next one on a known date.
    ///
    /// ## Example
    ///
    /// ```charter
    /// disputes {
    ///   negotiation { between: alliance_managers }
    ///   mediation { provider: "CEDR"  within: 45 days }
    ///   arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// disputes {
    ///   negotiation { between: alliance_managers  within: 15 business days }
    ///   mediation { provider: "CEDR"  within: 45 days }
    ///   arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
    /// }
    /// ```
    pub StepWithoutDeadline {
        name: "step-without-deadline",
        severity: Warning,
        group: Practice,
        summary: "a dispute step before the last has no `within`",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(disputes) = &cx.agreement.disputes else {
        return;
    };
    let count = disputes.steps.len();
    for (i, step) in disputes
        .steps
        .iter()
        .enumerate()
        .take(count.saturating_sub(1))
    {
        let can_have_deadline = matches!(
            step.kind,
            StepKind::Negotiation { .. } | StepKind::Escalation { .. } | StepKind::Mediation { .. }
        );
        if !can_have_deadline
            || step.within.is_some()
            || step.meetings.is_some()
            || cx.agreement.unreadable_in("within", step.span)
            || cx.agreement.unreadable_in("meetings", step.span)
        {
            continue;
        }
        let key = step.kind.key();
        out.push(
            finding(
                &StepWithoutDeadline::META,
                keyword_span(step.span, key),
                format!(
                    "the {key} step (step {} of {count}) has no deadline, so a dispute could stay there indefinitely",
                    i + 1
                ),
            )
            .with_help(
                "add `within: 30 days` (or the period the parties agree), after which the dispute moves on to the next step",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str =
        include_str!("../../tests/fixtures/rules/step-without-deadline/pass.charter");
    const LADDER: &str = r#"    negotiation { between: alliance_managers  within: 15 business days }
    escalation { to: steering  within: 30 days }
    mediation { provider: "CEDR"  within: 45 days }
    arbitration { rules: "ICC Rules of Arbitration"  seat: "London"  arbitrators: 3 }
"#;

    fn reported(ladder: &str) -> Vec<String> {
        assert!(PASS.contains(LADDER));
        let text = PASS.replacen(LADDER, ladder, 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "step-without-deadline")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn every_step_before_the_last_has_a_deadline() {
        assert!(reported(LADDER).is_empty());
    }

    #[test]
    fn each_step_without_a_deadline_is_reported() {
        let ladder = r#"    negotiation { between: alliance_managers }
    escalation { to: steering  within: 30 days }
    mediation { provider: "CEDR" }
    arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
"#;
        assert_eq!(
            reported(ladder),
            [
                "the negotiation step (step 1 of 4) has no deadline, so a dispute could stay there indefinitely",
                "the mediation step (step 3 of 4) has no deadline, so a dispute could stay there indefinitely",
            ]
        );
    }

    #[test]
    fn the_last_step_and_steps_without_within_are_not_reported() {
        // The last step needs no deadline, even when it could have one.
        let ladder = r#"    negotiation { between: alliance_managers  within: 15 days }
    mediation { provider: "CEDR" }
"#;
        assert!(reported(ladder).is_empty());
        // An expert determination cannot have `within`.
        let ladder = r#"    negotiation { between: alliance_managers  within: 15 days }
    expert { provider: "An engineer chosen by the ICE" }
    arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
"#;
        assert!(reported(ladder).is_empty());
    }
}
