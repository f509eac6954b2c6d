use crate::diagnostic::Diagnostic;
use crate::model::MetricKind;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `metrics` block: it is reported when none of its metrics has `kind:
    /// qualitative`. It is silent when there are no metrics at all, or when a metric's
    /// `kind` is missing (those are reported already).
    ///
    /// ## Why it matters
    ///
    /// Revenue and cost savings arrive late; the health of the relationship shows first.
    /// The practice material asks for both qualitative and quantitative criteria, naming the
    /// level of trust and the willingness to cooperate across the organisations as leading
    /// indicators of performance (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal), and notes that meaningful
    /// qualitative metrics are often overlooked although they predict success (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). Judging an alliance by its sales alone is called an obvious but
    /// incomplete measure (SPIBR, “Why Alliances Are Strategic: Crucibles for Transformation”).
    ///
    /// ## Example
    ///
    /// ```charter
    /// metrics {
    ///   metric joint_revenue "Revenue" { kind: quantitative  target: >= USD 5,000,000  owner: joint }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// metrics {
    ///   metric joint_revenue "Revenue" { kind: quantitative  target: >= USD 5,000,000  owner: joint }
    ///   metric trust "Partner trust survey" { kind: qualitative  target: >= 4  owner: joint }
    /// }
    /// ```
    pub NoQualitativeMetric {
        name: "no-qualitative-metric",
        severity: Info,
        group: Practice,
        summary: "no qualitative metric such as trust",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(metrics) = &cx.agreement.metrics else {
        return;
    };
    if metrics.metrics.is_empty() {
        return;
    }
    let mut kinds = Vec::with_capacity(metrics.metrics.len());
    for metric in &metrics.metrics {
        match &metric.kind {
            Some(kind) => kinds.push(kind.value),
            None => return,
        }
    }
    if kinds.contains(&MetricKind::Qualitative) {
        return;
    }
    let message = match kinds.len() {
        1 => "the only metric is quantitative: nothing measures the relationship itself, such as trust between the parties".to_string(),
        n => format!(
            "all {n} metrics are quantitative: nothing measures the relationship itself, such as trust between the parties"
        ),
    };
    out.push(
        finding(&NoQualitativeMetric::META, keyword_span(metrics.span, "metrics"), message).with_help(
            "add a qualitative metric, for example `metric trust \"Partner trust survey\" { kind: qualitative  target: >= 4  owner: joint }`",
        ),
    );
}

#[cfg(test)]
mod tests {
    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/no-qualitative-metric/fail.charter");
    const PASS: &str =
        include_str!("../../tests/fixtures/rules/no-qualitative-metric/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-qualitative-metric")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn one_qualitative_metric_is_enough() {
        assert!(reported(PASS).is_empty());
    }

    #[test]
    fn the_message_counts_the_metrics() {
        assert_eq!(
            reported(FAIL),
            ["the only metric is quantitative: nothing measures the relationship itself, such as trust between the parties"]
        );
        let from = "kind: qualitative";
        assert!(PASS.contains(from));
        let text = PASS.replacen(from, "kind: quantitative", 1);
        assert_eq!(
            reported(&text),
            ["all 2 metrics are quantitative: nothing measures the relationship itself, such as trust between the parties"]
        );
    }

    #[test]
    fn silent_when_a_kind_is_missing() {
        let from = "      kind: quantitative\n";
        assert!(FAIL.contains(from));
        let text = FAIL.replacen(from, "", 1);
        assert!(reported(&text).is_empty());
    }
}
