use crate::diagnostic::Diagnostic;
use crate::model::TerminationKind;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every `termination` right in `exit` states a `notice` period, or says that it
    /// takes effect at once (`notice: immediate`). For termination for `cause`, a `cure`
    /// period (time for the other party to put the breach right) or a `cure_plan` is
    /// accepted instead. Termination on `insolvency` and by `mutual` agreement need no
    /// notice: an insolvent partner cannot be given time to recover, and an agreement both
    /// sides sign takes effect when they say.
    ///
    /// ## Why it matters
    ///
    /// Among the marks of an easy, orderly exit, the practice material lists a duty to give
    /// notice before terminating (“Beyond the Handshake”). Without a notice period a
    /// right to terminate takes effect the moment it is used: the other party has no time to
    /// reassign its staff, find another partner or wind down shared work, and a break that
    /// could have been clean becomes a dispute. For a breach, a cure period does the same job
    /// — it gives warning and a chance to put things right — so either is enough there.
    ///
    /// ## Example
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { earliest: 2028-01-01 }
    ///   termination cause { }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days  earliest: 2028-01-01 }
    ///   termination cause { cure: 30 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub TerminationWithoutNotice {
        name: "termination-without-notice",
        severity: Error,
        group: Consistency,
        summary: "a termination right has no notice period (for cause, a cure period counts)",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(exit) = &a.exit else {
        return;
    };
    for t in &exit.terminations {
        if matches!(
            t.kind.value,
            TerminationKind::Insolvency | TerminationKind::Mutual
        ) {
            continue;
        }
        let cause = t.kind.value == TerminationKind::Cause;
        let given = t.notice.is_some()
            || t.immediate.is_some()
            || a.unreadable_in("notice", t.span)
            || (cause
                && (t.cure.is_some() || t.cure_plan.is_some() || a.unreadable_in("cure", t.span)));
        if given {
            continue;
        }
        let right = match t.kind.value {
            TerminationKind::Convenience => "termination for convenience",
            TerminationKind::Cause => "termination for cause",
            TerminationKind::ChangeOfControl => "termination on a change of control",
            TerminationKind::Insolvency => "termination on insolvency",
            TerminationKind::Underperformance => "termination for underperformance",
            TerminationKind::Mutual => "termination by mutual agreement",
        };
        let (message, help) = if cause {
            (
                format!("{right} has no notice period and no cure period"),
                "add `cure:` with the time the other party has to put a breach right, such as `cure: 30 days`, or `notice:` with the notice to give",
            )
        } else {
            (
                format!("{right} has no notice period"),
                "add `notice:` with the notice a party must give before the termination takes effect, such as `notice: 90 days`",
            )
        };
        let head = Span::new(t.span.start, t.kind.span.end.max(t.span.start));
        out.push(finding(&TerminationWithoutNotice::META, head, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(terminations: &str) -> Vec<(String, String)> {
        let text = format!("agreement \"A\" {{\n  exit {{ {terminations} }}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "termination-without-notice")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn a_cure_period_counts_for_cause_only() {
        assert!(findings("termination cause { cure: 30 days }").is_empty());
        assert_eq!(
            findings("termination convenience { cure: 30 days }"),
            [(
                "termination convenience".to_string(),
                "termination for convenience has no notice period".to_string()
            )]
        );
        assert_eq!(
            findings("termination cause { trigger: \"material breach\" }"),
            [(
                "termination cause".to_string(),
                "termination for cause has no notice period and no cure period".to_string()
            )]
        );
    }

    #[test]
    fn every_kind_is_named() {
        let found = findings(
            "termination change_of_control { } termination underperformance { } termination convenience { notice: 60 days }",
        );
        let messages: Vec<_> = found.into_iter().map(|(_, m)| m).collect();
        assert_eq!(
            messages,
            [
                "termination on a change of control has no notice period",
                "termination for underperformance has no notice period"
            ]
        );
    }

    #[test]
    fn insolvency_and_mutual_agreement_need_no_notice() {
        assert!(findings("termination insolvency { } termination mutual { }").is_empty());
    }

    #[test]
    fn immediate_effect_and_a_cure_plan_count() {
        assert!(findings("termination convenience { notice: immediate }").is_empty());
        assert!(findings("termination cause { cure_plan: \"A plan within 10 days\" }").is_empty());
        assert_eq!(
            findings("termination convenience { cure_plan: \"A plan\" }").len(),
            1
        );
    }

    #[test]
    fn a_mistyped_notice_is_reported_once() {
        assert!(findings("termination convenience { notice: 90 }").is_empty());
    }
}
