use crate::diagnostic::Diagnostic;
use crate::model::Cadence;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `meets` of every committee: a committee that meets less often than quarterly
    /// (`semiannually` or `annually`) is reported.
    ///
    /// ## Why it matters
    ///
    /// The steering committee is where the parties take joint decisions and catch problems
    /// before they grow. The practice material asks for a steering committee with
    /// representatives of every partner that meets at least once a quarter (“Beyond the Handshake”), and counts a quarterly strategic review as part of the baseline rhythm
    /// of an alliance (“Beyond the Handshake”). A committee that meets once or twice a
    /// year leaves months in which issues pile up and nobody with authority looks at them.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   meets: semiannually
    ///   decides: majority
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    pub InfrequentMeetings {
        name: "infrequent-meetings",
        severity: Warning,
        group: Practice,
        summary: "a committee meets less often than quarterly",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for committee in cx.agreement.committees() {
        let Some(meets) = &committee.meets else {
            continue;
        };
        if meets.value.at_least(Cadence::Quarterly) {
            continue;
        }
        out.push(
            finding(
                &InfrequentMeetings::META,
                meets.span,
                format!(
                    "committee `{}` meets {}, less often than quarterly",
                    committee.id.value,
                    meets.value.key()
                ),
            )
            .with_help("have the committee meet at least quarterly (`meets: quarterly`)"),
        );
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/infrequent-meetings/pass.charter");

    fn reported(meets: &str) -> Vec<String> {
        let from = "meets: quarterly";
        assert!(PASS.contains(from));
        let text = PASS.replacen(from, &format!("meets: {meets}"), 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "infrequent-meetings")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn quarterly_or_more_often_is_enough() {
        for meets in ["weekly", "biweekly", "monthly", "quarterly"] {
            assert!(reported(meets).is_empty(), "{meets}");
        }
    }

    #[test]
    fn less_often_than_quarterly_is_reported() {
        assert_eq!(
            reported("semiannually"),
            ["committee `steering` meets semiannually, less often than quarterly"]
        );
        assert_eq!(reported("annually").len(), 1);
    }

    #[test]
    fn silent_when_meets_is_missing() {
        let text = PASS.replacen("      meets: quarterly\n", "", 1);
        assert!(!crate::check::check_text(&text, &Default::default())
            .iter()
            .any(|d| d.rule == "infrequent-meetings"));
    }
}
