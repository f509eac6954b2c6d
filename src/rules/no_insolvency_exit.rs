use crate::diagnostic::Diagnostic;
use crate::model::{OptionTrigger, TerminationKind};
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `exit` block: it is reported when it has no `termination insolvency`, a right to
    /// end the agreement when another party becomes insolvent (bankrupt, in administration,
    /// or unable to pay its debts), and no put or call `option` that an insolvency opens (a
    /// joint venture often lets the solvent parent buy the insolvent one out instead).
    ///
    /// ## Why it matters
    ///
    /// The practice material asks for a clear exit path designed from the first day (“Beyond the Handshake”). The exit a partner needs most urgently is the one from a partner
    /// that can no longer perform: an insolvent party stops delivering its contributions, its
    /// administrator may try to sell its place in the alliance, and the others are left
    /// bound to an agreement nobody can carry out. Nearly every alliance agreement filed in
    /// practice gives that right, with immediate effect; without it a party must prove a
    /// breach and wait out a cure period first.
    ///
    /// It is information rather than a warning because the complete agreement of the
    /// language's first specification has no such right and must check without warnings; a
    /// project that wants it as a warning can say so in `charter.toml` (`[rules]
    /// no-insolvency-exit = "warning"`).
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
    ///   termination insolvency { notice: immediate }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub NoInsolvencyExit {
        name: "no-insolvency-exit",
        severity: Info,
        group: Practice,
        summary: "no termination on a party's insolvency",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(exit) = &cx.agreement.exit else {
        return;
    };
    let buy_out = exit.options.iter().any(|o| {
        o.triggers
            .iter()
            .any(|t| t.value == OptionTrigger::Insolvency)
    });
    if exit.termination(TerminationKind::Insolvency).is_some() || buy_out {
        return;
    }
    out.push(
        finding(
            &NoInsolvencyExit::META,
            keyword_span(exit.span, "exit"),
            "the exit terms do not let a party leave when another party becomes insolvent: there is no `termination insolvency`",
        )
        .with_help(
            "add `termination insolvency { notice: immediate }`, so that a party is not bound to a partner that can no longer perform",
        ),
    );
}

#[cfg(test)]
mod tests {
    const SPEC: &str = include_str!("../../examples/northwind-contoso.charter");

    fn reported(text: &str) -> usize {
        crate::check::check_text(text, &Default::default())
            .iter()
            .filter(|d| d.rule == "no-insolvency-exit")
            .count()
    }

    #[test]
    fn a_buy_out_on_insolvency_is_an_exit() {
        assert_eq!(reported(SPEC), 1);
        let exit = "  exit {\n";
        assert!(SPEC.contains(exit));
        let option = |trigger: &str| {
            SPEC.replacen(
                exit,
                &format!("  exit {{\n    option call {{ holder: northwind  against: contoso  triggers: [{trigger}]  price: fair_market_value }}\n"),
                1,
            )
        };
        assert_eq!(reported(&option("insolvency")), 0);
        assert_eq!(reported(&option("breach")), 1);
    }
}
