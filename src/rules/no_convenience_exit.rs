use crate::diagnostic::Diagnostic;
use crate::model::TerminationKind;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `exit` block: it is reported when it has no `termination convenience`, a right
    /// to end the agreement without having to show a breach or another cause.
    ///
    /// ## Why it matters
    ///
    /// Markets shift and strategies change; an alliance that no longer makes sense should be
    /// able to end cleanly. The practice material lists termination for convenience among
    /// the exit clauses every agreement should have (“Beyond the Handshake”), and warns
    /// against partnerships that lock the parties in for years without a break clause
    /// (“Beyond the Handshake”). Without it, a party that wants out must argue a breach,
    /// which turns a business decision into a dispute.
    ///
    /// ## Example
    ///
    /// ```charter
    /// exit {
    ///   termination cause { notice: 30 days  cure: 30 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days  earliest: 2028-01-01 }
    ///   termination cause { notice: 30 days  cure: 30 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub NoConvenienceExit {
        name: "no-convenience-exit",
        severity: Warning,
        group: Practice,
        summary: "no termination for convenience",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(exit) = &cx.agreement.exit else {
        return;
    };
    if exit.termination(TerminationKind::Convenience).is_some() {
        return;
    }
    out.push(
        finding(
            &NoConvenienceExit::META,
            keyword_span(exit.span, "exit"),
            "no party can end the agreement for convenience: the exit terms have no `termination convenience`",
        )
        .with_help(
            "add `termination convenience { notice: 90 days }` (with the notice the parties agree), so that a party can leave without having to prove a breach",
        ),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-convenience-exit/pass.charter");

    fn reported(text: &str) -> usize {
        crate::check::check_text(text, &Default::default())
            .iter()
            .filter(|d| d.rule == "no-convenience-exit")
            .count()
    }

    #[test]
    fn other_terminations_do_not_count() {
        assert_eq!(reported(PASS), 0);
        let from = "termination convenience { notice: 90 days  earliest: 2028-01-01 }";
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
