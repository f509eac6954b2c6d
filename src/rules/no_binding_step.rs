use crate::diagnostic::Diagnostic;
use crate::model::StepKind;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the dispute ladder in `disputes` ends in a step that settles the dispute:
    /// `arbitration`, `litigation`, or `expert` determination with `binding: yes`.
    ///
    /// ## Why it matters
    ///
    /// The practice material describes an escalation ladder — a structured review, then the
    /// steering committee, and only as a last resort the formal dispute process (“Beyond the Handshake”) — and asks for the procedure to be fixed in advance, so that
    /// everyone knows who will settle which issue, and how (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review). Negotiation,
    /// escalation and mediation only help the parties agree; if the ladder stops there, a
    /// dispute they cannot settle has no end, and each side is left to start proceedings
    /// wherever suits it. That the last rung must be binding is ordinary contract practice
    /// (the practice material does not discuss arbitration or courts).
    ///
    /// ## Example
    ///
    /// ```charter
    /// disputes {
    ///   negotiation { between: alliance_managers  within: 15 business days }
    ///   mediation { provider: "CEDR"  within: 45 days }
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
    pub NoBindingStep {
        name: "no-binding-step",
        severity: Error,
        group: Consistency,
        summary: "the dispute ladder does not end in arbitration, litigation or binding expert determination",
    }
}

const HELP: &str = "end the ladder with `arbitration { rules: … seat: … }`, `litigation { courts: … }` or `expert { binding: yes }`";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(disputes) = &a.disputes else {
        return;
    };
    let keyword =
        |start: u32, word: &str| Span::from_range(start as usize, start as usize + word.len());
    let Some(last) = disputes.steps.last() else {
        out.push(
            finding(
                &NoBindingStep::META,
                keyword(disputes.span.start, "disputes"),
                "the `disputes` block has no steps, so nothing says how a dispute is settled",
            )
            .with_help(format!("list the steps in order, and {HELP}")),
        );
        return;
    };
    if last.kind.is_binding() {
        return;
    }
    let what = match &last.kind {
        StepKind::Expert { .. } if a.unreadable_in("binding", last.span) => return,
        StepKind::Expert {
            binding: Some(_), ..
        } => "expert determination that is not binding".to_string(),
        StepKind::Expert { binding: None, .. } => {
            "expert determination that does not say it is binding".to_string()
        }
        other => other.key().to_string(),
    };
    let binding_earlier = disputes.steps.iter().any(|s| s.kind.is_binding());
    let help = if binding_earlier {
        "put the binding step (arbitration, litigation or binding expert determination) last: the steps run in the order written".to_string()
    } else if matches!(last.kind, StepKind::Expert { .. }) {
        format!("add `binding: yes` to the expert step, or {HELP}")
    } else {
        HELP.to_string()
    };
    out.push(
        finding(
            &NoBindingStep::META,
            keyword(last.span.start, last.kind.key()),
            format!("the dispute ladder ends with {what}, which cannot settle a dispute the parties do not resolve themselves"),
        )
        .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(steps: &str) -> Vec<(String, String)> {
        let text = format!("agreement \"A\" {{\n  disputes {{ {steps} }}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-binding-step")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn binding_ends() {
        assert!(findings(
            "mediation { provider: \"CEDR\" } arbitration { rules: \"ICC\" seat: \"London\" }"
        )
        .is_empty());
        assert!(findings("litigation { courts: \"London\" }").is_empty());
        assert!(findings("expert { provider: \"X\" binding: yes }").is_empty());
    }

    #[test]
    fn ends_that_do_not_bind() {
        let found =
            findings("negotiation { between: executives } mediation { provider: \"CEDR\" }");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "mediation");
        assert!(found[0]
            .1
            .starts_with("the dispute ladder ends with mediation,"));
        let found = findings("expert { provider: \"X\" binding: no }");
        assert!(found[0]
            .1
            .starts_with("the dispute ladder ends with expert determination that is not binding"));
        let found = findings(
            "arbitration { rules: \"ICC\" seat: \"London\" } negotiation { between: executives }",
        );
        assert_eq!(found[0].0, "negotiation");
        let found = findings("");
        assert_eq!(found[0].0, "disputes");
    }

    #[test]
    fn a_mistyped_binding_is_reported_once() {
        assert!(findings("expert { provider: \"X\" binding: \"yes\" }").is_empty());
    }
}
