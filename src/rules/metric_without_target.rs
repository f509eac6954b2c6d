use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every `metric` has a `target`: a comparison and a figure, such as
    /// `>= USD 5,000,000`, `>= 4` or `<= 10%`.
    ///
    /// ## Why it matters
    ///
    /// The practice material's advice is to decide what success looks like before the
    /// alliance begins (“Beyond the Handshake”), and for both sides to settle the
    /// measures and the standard together, ahead of signing (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). A metric without a target names what
    /// will be watched but not what counts as doing well, so a review cannot say whether the
    /// alliance is on track, and a termination for underperformance has nothing to measure
    /// against. Qualitative metrics need a target too: a survey score, for instance.
    ///
    /// ## Example
    ///
    /// ```charter
    /// metric joint_revenue "Revenue from the joint offering" {
    ///   kind: quantitative
    ///   by: 2028-12-31
    ///   owner: joint
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// metric joint_revenue "Revenue from the joint offering" {
    ///   kind: quantitative
    ///   target: >= USD 5,000,000
    ///   by: 2028-12-31
    ///   owner: joint
    /// }
    /// ```
    pub MetricWithoutTarget {
        name: "metric-without-target",
        severity: Error,
        group: Consistency,
        summary: "a metric has no target",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(metrics) = &a.metrics else {
        return;
    };
    for metric in &metrics.metrics {
        // A target written with the wrong kind of value was reported as such.
        if metric.target.is_some() || a.unreadable_in("target", metric.span) {
            continue;
        }
        // `metric id "Title"`: the head of the block.
        let head = Span::new(
            metric.span.start,
            metric
                .id
                .span
                .end
                .max(metric.title.span.end)
                .min(metric.span.end),
        );
        out.push(
            finding(
                &MetricWithoutTarget::META,
                head,
                format!("metric `{}` has no target", metric.id.value),
            )
            .with_help(
                "add `target:` with what counts as success, such as `>= USD 5,000,000`, `>= 4` for a survey score, or `<= 10%`",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(metric: &str) -> Vec<(String, String)> {
        let text = format!("agreement \"A\" {{\n  metrics {{\n    {metric}\n  }}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "metric-without-target")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn points_at_the_metric_head() {
        assert_eq!(
            findings("metric trust \"Partner trust\" { kind: qualitative }"),
            [(
                "metric trust \"Partner trust\"".to_string(),
                "metric `trust` has no target".to_string()
            )]
        );
        assert!(
            findings("metric trust \"Partner trust\" { kind: qualitative  target: >= 4 }")
                .is_empty()
        );
    }

    #[test]
    fn a_mistyped_target_is_not_a_missing_one() {
        // `4` without a comparison is a type mismatch, reported once.
        let text = "agreement \"A\" {\n  metrics { metric trust \"T\" { kind: qualitative  target: 4 } }\n}\n";
        let rules: Vec<_> = check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.span.start > 20)
            .map(|d| d.rule)
            .collect();
        assert!(rules.contains(&"type-mismatch"));
        assert!(!rules.contains(&"metric-without-target"));
    }
}
