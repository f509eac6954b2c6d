use crate::diagnostic::Diagnostic;
use crate::model::Cadence;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// `governance.health_check`: it is reported when it is missing, or when the health
    /// check takes place less often than quarterly (`semiannually` or `annually`). This rule
    /// replaces the `missing-recommended` warning for that key.
    ///
    /// ## Why it matters
    ///
    /// A health check is a short, regular meeting to look at the metrics, air the issues
    /// and agree on adjustments, before small frictions harden. The practice material
    /// recommends blocking two hours every quarter for each alliance to do exactly that,
    /// and calls the health check the most effective tool against drift (“Beyond the Handshake”); it also counts regular assessments of alliance health among the habits
    /// that catch problems early (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review).
    ///
    /// ## Example
    ///
    /// ```charter
    /// governance {
    ///   committee steering "Alliance Steering Committee" {
    ///     seats: { northwind: 2, contoso: 2 }
    ///     meets: quarterly
    ///     decides: majority
    ///   }
    ///   health_check: annually
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// governance {
    ///   committee steering "Alliance Steering Committee" {
    ///     seats: { northwind: 2, contoso: 2 }
    ///     meets: quarterly
    ///     decides: majority
    ///   }
    ///   health_check: quarterly
    /// }
    /// ```
    pub NoHealthCheck {
        name: "no-health-check",
        severity: Warning,
        group: Practice,
        summary: "no health check at least quarterly",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(governance) = &cx.agreement.governance else {
        return;
    };
    let help = "check the alliance's health at least quarterly (`health_check: quarterly`): a short meeting to review the metrics, the issues and what to adjust";
    match &governance.health_check {
        None => out.push(
            finding(
                &NoHealthCheck::META,
                keyword_span(governance.span, "governance"),
                "the governance terms schedule no health check of the alliance",
            )
            .with_help(help),
        ),
        Some(check) if !check.value.at_least(Cadence::Quarterly) => out.push(
            finding(
                &NoHealthCheck::META,
                check.span,
                format!(
                    "the alliance's health is checked only {}, less often than quarterly",
                    check.value.key()
                ),
            )
            .with_help(help),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-health-check/pass.charter");
    const CHECK: &str = "    health_check: quarterly\n";

    fn reported(check: Option<&str>) -> Vec<String> {
        assert!(PASS.contains(CHECK));
        let to = check.map_or(String::new(), |c| format!("    health_check: {c}\n"));
        let text = PASS.replacen(CHECK, &to, 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-health-check" || d.rule.starts_with("missing-"))
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    #[test]
    fn quarterly_or_more_often_is_enough() {
        for c in ["weekly", "biweekly", "monthly", "quarterly"] {
            assert!(reported(Some(c)).is_empty(), "{c}");
        }
    }

    #[test]
    fn less_often_than_quarterly_is_reported() {
        assert_eq!(
            reported(Some("semiannually")),
            ["no-health-check: the alliance's health is checked only semiannually, less often than quarterly"]
        );
        assert_eq!(reported(Some("annually")).len(), 1);
    }

    #[test]
    fn a_missing_health_check_is_reported_once() {
        assert_eq!(
            reported(None),
            ["no-health-check: the governance terms schedule no health check of the alliance"]
        );
    }
}
