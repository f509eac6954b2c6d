use crate::diagnostic::Diagnostic;
use crate::model::Owner;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `owner` of every metric: it is reported when it is a single party. `owner:
    /// joint` and a list of two or more parties are joint.
    ///
    /// ## Why it matters
    ///
    /// A metric owned by one party tends to measure that party's own success. The practice
    /// material insists that alliance metrics be joint: companies often say they track
    /// metrics but in fact track only their own, without caring whether their partner
    /// succeeds, and a relationship in which one side ignores the other's results does not
    /// last (McKinsey, “Partners in Profit: Creating Successful Business Alliances”). Single-owner metrics are sometimes right (a
    /// deliverable only one party controls), so this is only a suggestion.
    ///
    /// ## Example
    ///
    /// ```charter
    /// metric joint_revenue "Revenue from the joint offering" {
    ///   kind: quantitative
    ///   target: >= USD 5,000,000
    ///   owner: northwind
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// metric joint_revenue "Revenue from the joint offering" {
    ///   kind: quantitative
    ///   target: >= USD 5,000,000
    ///   owner: joint
    /// }
    /// ```
    pub MetricNotJoint {
        name: "metric-not-joint",
        severity: Info,
        group: Practice,
        summary: "a metric has a single owner",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(metrics) = &cx.agreement.metrics else {
        return;
    };
    for metric in &metrics.metrics {
        let Some(Owner::Parties(owners, span)) = &metric.owner else {
            continue;
        };
        let Some(first) = owners.first() else {
            continue;
        };
        // Ids that name no party have been reported already.
        if owners.iter().any(|r| r.party().is_none()) {
            continue;
        }
        // `[northwind, northwind]` is still one party.
        if owners.iter().any(|r| r.party() != first.party()) {
            continue;
        }
        out.push(
            finding(
                &MetricNotJoint::META,
                *span,
                format!(
                    "metric `{}` is owned by `{}` alone",
                    metric.id.value, first.id
                ),
            )
            .with_help(
                "make it a joint metric (`owner: joint`, or a list of the parties that answer for it together), so that each party also follows the other's success",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/metric-not-joint/pass.charter");
    const OWNER: &str = "owner: [northwind, contoso]";

    fn reported(owner: &str) -> Vec<String> {
        assert!(PASS.contains(OWNER));
        let text = PASS.replacen(OWNER, &format!("owner: {owner}"), 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "metric-not-joint")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn joint_owners() {
        assert!(reported("joint").is_empty());
        assert!(reported("[northwind, contoso]").is_empty());
    }

    #[test]
    fn a_single_owner_is_reported() {
        let expected = ["metric `joint_revenue` is owned by `northwind` alone"];
        assert_eq!(reported("northwind"), expected);
        assert_eq!(reported("[northwind]"), expected);
        assert_eq!(reported("[northwind, northwind]"), expected);
    }

    #[test]
    fn unknown_owners_are_left_to_unknown_reference() {
        assert!(reported("northwnd").is_empty());
    }
}
