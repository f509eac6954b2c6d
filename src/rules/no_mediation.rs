use crate::diagnostic::Diagnostic;
use crate::model::{DisputeStep, StepKind};
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The dispute ladder in `disputes`: it should hold a `mediation` step before its first
    /// binding step (arbitration, litigation or binding expert determination). When the
    /// ladder has no binding step at all, it is reported only if it has no mediation
    /// anywhere.
    ///
    /// ## Why it matters
    ///
    /// Most alliance disputes start small, and the relationship is worth more than winning
    /// any one of them. The practice material advises agreeing a mediation process in
    /// advance, with a neutral third party where needed, so that a disagreement does not
    /// grow until it damages the relationship (“Beyond the Handshake”); it also
    /// recommends an objective third party for conflict management (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). Arbitration and the courts end the dispute but rarely the partnership's
    /// problems: mediation gives the parties a last chance to settle between themselves.
    ///
    /// ## Example
    ///
    /// ```charter
    /// disputes {
    ///   negotiation { between: alliance_managers  within: 15 business days }
    ///   escalation { to: steering  within: 30 days }
    ///   arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// disputes {
    ///   negotiation { between: alliance_managers  within: 15 business days }
    ///   escalation { to: steering  within: 30 days }
    ///   mediation { provider: "CEDR"  within: 45 days }
    ///   arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
    /// }
    /// ```
    pub NoMediation {
        name: "no-mediation",
        severity: Warning,
        group: Practice,
        summary: "no mediation before the binding step of the dispute ladder",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(disputes) = &cx.agreement.disputes else {
        return;
    };
    let steps = &disputes.steps;
    let is_mediation = |s: &DisputeStep| matches!(s.kind, StepKind::Mediation { .. });
    let Some(first_binding) = steps.iter().position(|s| s.kind.is_binding()) else {
        if !steps.iter().any(is_mediation) {
            out.push(
                finding(
                    &NoMediation::META,
                    keyword_span(disputes.span, "disputes"),
                    "the dispute ladder has no mediation step",
                )
                .with_help(
                    "add a step such as `mediation { provider: \"CEDR\"  within: 45 days }`, so that a neutral mediator can help the parties settle",
                ),
            );
        }
        return;
    };
    let before = steps.get(..first_binding).unwrap_or_default();
    if before.iter().any(is_mediation) {
        return;
    }
    let Some(binding) = steps.get(first_binding) else {
        return;
    };
    let key = binding.kind.key();
    let what = describe(&binding.kind);
    let message = if steps.iter().skip(first_binding).any(is_mediation) {
        format!("mediation comes only after {what}, when the dispute has already been decided")
    } else {
        format!("the dispute ladder goes to {what} without trying mediation first")
    };
    out.push(
        finding(&NoMediation::META, keyword_span(binding.span, key), message).with_help(format!(
            "add a step such as `mediation {{ provider: \"CEDR\"  within: 45 days }}` before `{key}`, so that a neutral mediator can help the parties settle first"
        )),
    );
}

/// The binding step in words.
fn describe(kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Arbitration { .. } => "arbitration",
        StepKind::Litigation { .. } => "the courts",
        StepKind::Expert { .. } => "binding expert determination",
        StepKind::Negotiation { .. } => "negotiation",
        StepKind::Escalation { .. } => "escalation",
        StepKind::Mediation { .. } => "mediation",
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-mediation/pass.charter");
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
            .filter(|d| d.rule == "no-mediation")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn mediation_before_the_binding_step() {
        assert!(reported(LADDER).is_empty());
    }

    #[test]
    fn mediation_after_the_binding_step_does_not_count() {
        let ladder = r#"    negotiation { between: executives  within: 15 days }
    litigation { courts: "The courts of England and Wales" }
    mediation { provider: "CEDR" }
"#;
        assert_eq!(
            reported(ladder),
            ["mediation comes only after the courts, when the dispute has already been decided"]
        );
    }

    #[test]
    fn binding_expert_is_a_binding_step() {
        let ladder = r#"    negotiation { between: executives  within: 15 days }
    expert { provider: "An accountant chosen by the ICAEW"  binding: yes }
    mediation { provider: "CEDR"  within: 30 days }
    arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
"#;
        assert_eq!(
            reported(ladder),
            ["mediation comes only after binding expert determination, when the dispute has already been decided"]
        );
        // A non-binding expert is not a binding step, and is not mediation either.
        let ladder = r#"    negotiation { between: executives  within: 15 days }
    expert { provider: "An accountant chosen by the ICAEW"  binding: no }
    arbitration { rules: "ICC Rules of Arbitration"  seat: "London" }
"#;
        assert_eq!(
            reported(ladder),
            ["the dispute ladder goes to arbitration without trying mediation first"]
        );
    }

    #[test]
    fn without_a_binding_step_any_mediation_counts() {
        let ladder = r#"    negotiation { between: executives  within: 15 days }
    mediation { provider: "CEDR" }
"#;
        assert!(reported(ladder).is_empty());
        let ladder = "    negotiation { between: executives }\n";
        assert_eq!(
            reported(ladder),
            ["the dispute ladder has no mediation step"]
        );
        assert_eq!(reported(""), ["the dispute ladder has no mediation step"]);
    }
}
