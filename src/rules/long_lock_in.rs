use crate::diagnostic::Diagnostic;
use crate::emit::format::and_list;
use crate::model::{Bounded, Duration, Parties, TerminationKind, Unit};
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The earliest exit: the `earliest` date of `termination convenience`, or `effective`
    /// when it has none. It is reported when that date is later than `effective` plus 3
    /// calendar years (years keep the day number, clamped to the end of the month, so
    /// 2028-02-29 plus 3 years is 2031-02-28). Notice, cure and wind-down periods are not
    /// added, and other kinds of termination are not looked at. With no termination for
    /// convenience at all the rule is silent: `no-convenience-exit` reports that. An
    /// effective date set by an event counts by its `longstop`, and the message says so;
    /// without a longstop the rule is silent.
    ///
    /// ## Why it matters
    ///
    /// A termination right that cannot be used for years is no break clause at all. The
    /// practice material advises against partnerships that lock the parties in for years
    /// without a break clause (“Beyond the Handshake”), and points out that alliances
    /// have a natural life that is best recognised from the start (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). The threshold of 3 years is Charter's: long enough for a committed start, short
    /// enough that a partnership that has stopped working can be left.
    ///
    /// ## Example
    ///
    /// ```charter
    /// effective: 2027-01-01
    /// term: 5 years
    /// exit {
    ///   termination convenience { notice: 90 days  earliest: 2030-06-30 }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// effective: 2027-01-01
    /// term: 5 years
    /// exit {
    ///   termination convenience { notice: 90 days  earliest: 2029-01-01 }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub LongLockIn {
        name: "long-lock-in",
        severity: Warning,
        group: Practice,
        summary: "the earliest exit is more than 3 years after the start",
    }
}

/// How long the parties may be held before a break clause can be used.
const LIMIT: Duration = Duration {
    amount: 3,
    unit: Unit::Years,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    // A start set by an event counts by its longstop date: an exit later than three years
    // after the latest possible start is later than three years after any start.
    let Some(start) = a.effective_bound() else {
        return;
    };
    let Some(limit) = LIMIT.after(start.value()) else {
        return;
    };
    let takes_effect = match start {
        Bounded::Exact(d) => format!("the agreement takes effect on {d}"),
        Bounded::AtMost(d) => {
            format!("the agreement takes effect, by its longstop date, {d}, at the latest")
        }
    };
    // Each right on its own: when each party has its own, the one that holds the later
    // right is the one locked in.
    for right in a
        .exit
        .iter()
        .flat_map(|e| e.terminations_of(TerminationKind::Convenience))
    {
        // Without `earliest`, the earliest exit is `effective` itself.
        let Some(earliest) = &right.earliest else {
            continue;
        };
        if earliest.value <= limit {
            continue;
        }
        let who = match &right.held_by {
            Some(Parties::List(refs)) => {
                let ids: Vec<String> = refs.iter().map(|r| format!("`{}`", r.id)).collect();
                format!("{} cannot", and_list(&ids))
            }
            _ => "no party can".to_string(),
        };
        out.push(
            finding(
                &LongLockIn::META,
                earliest.span,
                format!(
                    "{who} leave for convenience before {}, more than 3 years after {takes_effect}",
                    earliest.value
                ),
            )
            .with_help(format!(
                "bring `earliest` forward to {limit} or sooner, so that the parties are not locked in for years without a way out"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/long-lock-in/pass.charter");

    fn reported(effective: &str, earliest: Option<&str>) -> Vec<String> {
        let (e, t) = ("effective: 2027-01-01", "earliest: 2030-01-01");
        assert!(PASS.contains(e) && PASS.contains(t));
        let text = PASS.replacen(e, &format!("effective: {effective}"), 1);
        let text = match earliest {
            Some(d) => text.replacen(t, &format!("earliest: {d}"), 1),
            None => text.replacen(&format!("  {t}"), "", 1),
        };
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "long-lock-in")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn three_years_to_the_day_is_not_too_long() {
        assert!(reported("2027-01-01", Some("2030-01-01")).is_empty());
        assert_eq!(
            reported("2027-01-01", Some("2030-01-02")),
            ["no party can leave for convenience before 2030-01-02, more than 3 years after the agreement takes effect on 2027-01-01"]
        );
    }

    #[test]
    fn a_start_set_by_an_event_counts_by_its_longstop() {
        let closing = "{ event: \"the Closing\", longstop: 2027-06-30 }";
        // More than three years after the longstop is more than three years after any start.
        assert_eq!(
            reported(closing, Some("2030-07-01")),
            ["no party can leave for convenience before 2030-07-01, more than 3 years after the agreement takes effect, by its longstop date, 2027-06-30, at the latest"]
        );
        // Within three years of the longstop, the lock-in may be short: not reported.
        assert!(reported(closing, Some("2030-06-30")).is_empty());
        // Without a longstop, nothing is computed.
        assert!(reported("{ event: \"the Closing\" }", Some("2040-01-01")).is_empty());
    }

    #[test]
    fn each_right_counts_for_its_holders() {
        let one = "    termination convenience { notice: 90 days  earliest: 2030-01-01 }";
        assert!(PASS.contains(one));
        let two = "    termination convenience { notice: 90 days  earliest: 2028-01-01  held_by: [northwind] }\n    termination convenience { notice: 90 days  earliest: 2031-01-01  held_by: [contoso] }";
        let text = PASS.replacen(one, two, 1);
        let found: Vec<String> = crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "long-lock-in")
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            ["`contoso` cannot leave for convenience before 2031-01-01, more than 3 years after the agreement takes effect on 2027-01-01"]
        );
    }

    #[test]
    fn years_clamp_to_the_end_of_february() {
        // 2028-02-29 + 3 years = 2031-02-28 (2031 is not a leap year).
        assert!(reported("2028-02-29", Some("2031-02-28")).is_empty());
        assert_eq!(reported("2028-02-29", Some("2031-03-01")).len(), 1);
        // From a month end that exists in the target year, the day is kept.
        assert!(reported("2027-03-31", Some("2030-03-31")).is_empty());
        assert_eq!(reported("2027-03-31", Some("2030-04-01")).len(), 1);
    }

    #[test]
    fn without_earliest_the_exit_is_the_effective_date() {
        assert!(reported("2027-01-01", None).is_empty());
    }

    #[test]
    fn silent_without_a_convenience_termination() {
        let from = "termination convenience { notice: 90 days  earliest: 2030-01-01 }";
        assert!(PASS.contains(from));
        let text = PASS.replacen(from, "termination insolvency { notice: 10 days }", 1);
        assert!(!crate::check::check_text(&text, &Default::default())
            .iter()
            .any(|d| d.rule == "long-lock-in"));
    }
}
