use crate::diagnostic::Diagnostic;
use crate::model::Cadence;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `review` block of `exit`: it is reported when it is missing, or when it has no
    /// `every` (every cadence Charter knows, from `weekly` to `annually`, is at least
    /// annual). This rule replaces the `missing-recommended` warning for the review block.
    ///
    /// ## Why it matters
    ///
    /// Alliances rarely fail in a day; they drift. The practice material recommends a
    /// formal review every year at which the steering committee votes to continue,
    /// restructure or exit, so that a failing alliance is not kept alive by inertia
    /// (“Beyond the Handshake”), and advises re-evaluating every year for the first
    /// five years (McKinsey, “Partners in Profit: Creating Successful Business Alliances”). A fixed yearly review makes that decision
    /// routine rather than a confrontation.
    ///
    /// ## Example
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days }
    ///   wind_down: 6 months
    ///   review { every: annually  decides: steering  options: [continue, restructure, exit] }
    /// }
    /// ```
    pub NoAnnualReview {
        name: "no-annual-review",
        severity: Warning,
        group: Practice,
        summary: "no review of the alliance at least once a year",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(exit) = &a.exit else {
        return;
    };
    let Some(review) = &exit.review else {
        let committee = a
            .committees()
            .first()
            .map_or("steering", |c| c.id.value.as_str());
        out.push(
            finding(
                &NoAnnualReview::META,
                keyword_span(exit.span, "exit"),
                "the exit terms have no regular review of whether to continue, restructure or exit",
            )
            .with_help(format!(
                "add `review {{ every: annually  decides: {committee}  options: [continue, restructure, exit] }}` to `exit`"
            )),
        );
        return;
    };
    match &review.every {
        None => out.push(
            finding(
                &NoAnnualReview::META,
                keyword_span(review.span, "review"),
                "the exit review does not say how often it takes place",
            )
            .with_help("add `every: annually` (or more often)"),
        ),
        Some(every) if !every.value.at_least(Cadence::Annually) => out.push(
            finding(
                &NoAnnualReview::META,
                every.span,
                format!(
                    "the exit review takes place {}, less often than annually",
                    every.value.key()
                ),
            )
            .with_help("hold it at least once a year (`every: annually`)"),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-annual-review/pass.charter");
    const REVIEW: &str =
        "review { every: annually  decides: steering  options: [continue, restructure, exit] }";

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-annual-review" || d.rule.starts_with("missing-"))
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    fn with_review(review: &str) -> String {
        assert!(PASS.contains(REVIEW));
        PASS.replacen(REVIEW, review, 1)
    }

    #[test]
    fn annually_or_more_often_is_enough() {
        for c in ["annually", "semiannually", "quarterly", "monthly"] {
            let text = with_review(&format!("review {{ every: {c}  decides: steering }}"));
            assert!(reported(&text).is_empty(), "{c}");
        }
    }

    #[test]
    fn a_missing_review_is_reported_once() {
        let text = with_review("");
        assert_eq!(
            reported(&text),
            ["no-annual-review: the exit terms have no regular review of whether to continue, restructure or exit"]
        );
    }

    #[test]
    fn a_review_without_every_is_reported() {
        let text = with_review("review { decides: steering }");
        assert_eq!(
            reported(&text),
            ["no-annual-review: the exit review does not say how often it takes place"]
        );
    }
}
