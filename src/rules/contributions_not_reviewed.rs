use crate::diagnostic::Diagnostic;
use crate::model::Cadence;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `review` of the `contributions` block: it is reported when it is missing, or
    /// when contributions are reviewed less often than quarterly (`semiannually` or
    /// `annually`). This rule replaces the `missing-recommended` warning for that key.
    ///
    /// ## Why it matters
    ///
    /// Uneven contribution is one of the main risks of an alliance: one partner comes to
    /// feel it carries the load while the other free-rides. The practice material's remedy
    /// is to set out each party's resources, deliverables and timelines in the agreement
    /// and to review contributions every quarter, adjusting when an imbalance appears
    /// (“Beyond the Handshake”). A regular review brings a shortfall to the table
    /// while it is still small.
    ///
    /// ## Example
    ///
    /// ```charter
    /// contributions {
    ///   review: annually
    ///   from northwind { resource "Funding" { kind: cash  value: USD 1,200,000 } }
    ///   from contoso { resource "Store data" { kind: data } }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// contributions {
    ///   review: quarterly
    ///   from northwind { resource "Funding" { kind: cash  value: USD 1,200,000 } }
    ///   from contoso { resource "Store data" { kind: data } }
    /// }
    /// ```
    pub ContributionsNotReviewed {
        name: "contributions-not-reviewed",
        severity: Warning,
        group: Practice,
        summary: "contributions are not reviewed at least quarterly",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(contributions) = &cx.agreement.contributions else {
        return;
    };
    let help = "review contributions at least quarterly (`review: quarterly`), so that an imbalance between the parties is noticed and put right early";
    match &contributions.review {
        None => out.push(
            finding(
                &ContributionsNotReviewed::META,
                keyword_span(contributions.span, "contributions"),
                "contributions are never reviewed: the contributions block has no `review`",
            )
            .with_help(help),
        ),
        Some(review) if !review.value.at_least(Cadence::Quarterly) => out.push(
            finding(
                &ContributionsNotReviewed::META,
                review.span,
                format!(
                    "contributions are reviewed only {}, less often than quarterly",
                    review.value.key()
                ),
            )
            .with_help(help),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str =
        include_str!("../../tests/fixtures/rules/contributions-not-reviewed/pass.charter");
    const REVIEW: &str = "  contributions {\n    review: quarterly\n";

    fn reported(review: Option<&str>) -> Vec<String> {
        assert!(PASS.contains(REVIEW));
        let to = match review {
            Some(c) => format!("  contributions {{\n    review: {c}\n"),
            None => "  contributions {\n".to_string(),
        };
        let text = PASS.replacen(REVIEW, &to, 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "contributions-not-reviewed" || d.rule.starts_with("missing-"))
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
            ["contributions-not-reviewed: contributions are reviewed only semiannually, less often than quarterly"]
        );
        assert_eq!(reported(Some("annually")).len(), 1);
    }

    #[test]
    fn a_missing_review_is_reported_once() {
        assert_eq!(
            reported(None),
            ["contributions-not-reviewed: contributions are never reviewed: the contributions block has no `review`"]
        );
    }
}
