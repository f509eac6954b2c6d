use crate::diagnostic::Diagnostic;
use crate::model::TerminationKind;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `exit` block: it is reported when it has no `termination change_of_control`, a
    /// right to end the agreement when another company gains control of a party.
    ///
    /// ## Why it matters
    ///
    /// An alliance is built on trust between particular partners. When a partner is bought,
    /// its new owner may have other plans, or may be a competitor. The practice material
    /// lists change-of-control provisions among the exit clauses every agreement should
    /// have (“Beyond the Handshake”), and notes that when a partner sells its interest
    /// the others must make sure the new owner shares the alliance's vision (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). A right to terminate on a change of control gives the other parties
    /// that choice.
    ///
    /// ## Example
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days }
    ///   termination cause { notice: 30 days  cure: 30 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days }
    ///   termination cause { notice: 30 days  cure: 30 days }
    ///   termination change_of_control { notice: 60 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub NoChangeOfControl {
        name: "no-change-of-control",
        severity: Warning,
        group: Practice,
        summary: "no termination on change of control",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(exit) = &cx.agreement.exit else {
        return;
    };
    if exit.termination(TerminationKind::ChangeOfControl).is_some() {
        return;
    }
    out.push(
        finding(
            &NoChangeOfControl::META,
            keyword_span(exit.span, "exit"),
            "the exit terms do not let a party leave when another company takes control of its partner: there is no `termination change_of_control`",
        )
        .with_help(
            "add `termination change_of_control { notice: 60 days }` (with the notice the parties agree), so that a party can leave if a partner is bought, for example by a competitor",
        ),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-change-of-control/pass.charter");

    fn reported(text: &str) -> usize {
        crate::check::check_text(text, &Default::default())
            .iter()
            .filter(|d| d.rule == "no-change-of-control")
            .count()
    }

    #[test]
    fn other_terminations_do_not_count() {
        assert_eq!(reported(PASS), 0);
        let from = "termination change_of_control { notice: 60 days }";
        assert!(PASS.contains(from));
        let text = PASS.replacen(from, "termination insolvency { notice: 10 days }", 1);
        assert_eq!(reported(&text), 1);
    }

    #[test]
    fn silent_without_an_exit_block() {
        let start = PASS.find("  exit {").unwrap_or_default();
        let end = PASS.find("  clause ").unwrap_or_default();
        assert!(start > 0 && end > start);
        let text = format!("{}{}", &PASS[..start], &PASS[end..]);
        assert_eq!(reported(&text), 0);
    }
}
