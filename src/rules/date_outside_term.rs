use crate::diagnostic::Diagnostic;
use crate::model::{Agreement, Bounded, WithheldForm};
use crate::rules::{finding, Context};
use crate::span::Spanned;
use jiff::civil::Date;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That four kinds of dates fall within the agreement's term: a deliverable's `due`, a
    /// milestone's `due`, a metric's `by` and the `evolve` deadline's `by`. The term runs from
    /// `effective` to `effective` plus `term`, in calendar arithmetic (31 January plus one
    /// month is the last day of February); a date on the last day is inside. `renewal` does
    /// not extend the term, and an `indefinite` term has no end, so then only dates before
    /// `effective` are reported. A start or a term set by an event counts by its stated
    /// bound: a date after the latest day the term can end (from the `longstop` of the
    /// effective date, or the `at_most` of the term) is reported, and the message names the
    /// bound; a date before a start known only by its longstop is not; without a bound,
    /// nothing is computed.
    ///
    /// ## Why it matters
    ///
    /// Milestones over a range of horizons, and a roadmap for the whole life of the alliance,
    /// are to be set early (BCG, “Unleashing the Innovation Power of Alliances”) — and every alliance has a natural
    /// life (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). A milestone or deliverable dated after the term ends is a
    /// promise with no contract left to enforce it; one dated before the start was owed before
    /// anyone was bound. Either way the date, the term or the start is wrong, and a schedule
    /// that cannot be met as written invites argument over which of them the parties meant.
    ///
    /// ## Example
    ///
    /// ```charter
    /// effective: 2027-01-01
    /// term: 3 years
    /// …
    /// milestone rollout "Live in 500 stores" { due: 2030-06-30 }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// effective: 2027-01-01
    /// term: 3 years
    /// …
    /// milestone rollout "Live in 500 stores" { due: 2029-06-30 }
    /// ```
    pub DateOutsideTerm {
        name: "date-outside-term",
        severity: Error,
        group: Consistency,
        summary: "a deliverable, milestone, metric or evolve date falls outside the term",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    // A start or an end set by an event counts by its bound: a date after the latest day
    // the term can end is outside it whenever the event happens; a date before a start
    // known only by its longstop may still be inside, so that check is skipped.
    let Some(start) = a.effective_bound() else {
        return;
    };
    let end = a.term_end_bound();

    // Each date with what it is, as a reader would say it.
    let mut dates: Vec<(&Spanned<Date>, String)> = Vec::new();
    for from in a.contributions.iter().flat_map(|c| &c.from) {
        for d in &from.deliverables {
            if let Some(due) = &d.due {
                dates.push((due, format!("deliverable \"{}\" is due on", d.title.value)));
            }
        }
    }
    if let Some(metrics) = &a.metrics {
        for m in &metrics.milestones {
            if let Some(due) = &m.due {
                dates.push((due, format!("milestone `{}` is due on", m.id.value)));
            }
        }
        for m in &metrics.metrics {
            if let Some(by) = &m.by {
                dates.push((by, format!("metric `{}` is to be met by", m.id.value)));
            }
        }
    }
    if let Some(by) = a
        .exit
        .as_ref()
        .and_then(|e| e.evolve.as_ref())
        .and_then(|e| e.by.as_ref())
    {
        dates.push((
            by,
            "the deadline to evolve or dissolve falls on".to_string(),
        ));
    }
    dates.sort_by_key(|(d, _)| d.span);

    for (date, what) in dates {
        let (message, help) = match (start, end) {
            (Bounded::Exact(effective), _) if date.value < effective => (
                format!(
                    "{what} {}, before the agreement takes effect on {effective}",
                    date.value
                ),
                format!("move the date to {effective} or later, or correct `effective`"),
            ),
            (_, Some(Bounded::Exact(end))) if date.value > end => (
                format!("{what} {}, after the term ends on {end}", date.value),
                format!("move the date to {end} or earlier, or lengthen `term`"),
            ),
            (_, Some(Bounded::AtMost(end))) if date.value > end => (
                format!(
                    "{what} {}, after the term has ended whenever its event happens: it ends on {end} at the latest ({})",
                    date.value,
                    bounds_used(a)
                ),
                format!("move the date to {end} or earlier, or lengthen the bound"),
            ),
            _ => continue,
        };
        out.push(finding(&DateOutsideTerm::META, date.span, message).with_help(help));
    }
}

/// Which stated bounds gave the latest end, in words: "the agreement takes effect by
/// 2027-06-30 at the latest", "the term runs for at most 30 months".
fn bounds_used(a: &Agreement) -> String {
    let mut parts = Vec::new();
    if let Some(Bounded::AtMost(d)) = a.effective_bound() {
        parts.push(format!(
            "the agreement takes effect by its longstop date, {d}, at the latest"
        ));
    }
    if let Some(WithheldForm::Until {
        at_most: Some(d), ..
    }) = a.withheld_at_top("term").map(|w| &w.form)
    {
        parts.push(format!("the term runs for at most {}", d.value));
    }
    parts.join(", and ")
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(head: &str, body: &str) -> Vec<String> {
        let text = format!("agreement \"A\" {{\n  {head}\n{body}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "date-outside-term")
            .map(|d| d.message)
            .collect()
    }

    const THREE_YEARS: &str = "effective: 2027-01-01  term: 3 years";

    #[test]
    fn a_start_set_by_an_event_counts_by_its_longstop() {
        let head = "effective: { event: \"the Closing\", longstop: 2027-06-30 }  term: 3 years";
        // Before the longstop: the agreement may already be in effect then. Not reported.
        assert!(findings(head, "metrics { milestone m \"M\" { due: 2027-01-01 } }").is_empty());
        // The latest end is 2030-06-30 (the last day is inside, as for an exact term).
        assert!(findings(head, "metrics { milestone m \"M\" { due: 2030-06-30 } }").is_empty());
        assert_eq!(
            findings(head, "metrics { milestone m \"M\" { due: 2030-07-01 } }"),
            ["milestone `m` is due on 2030-07-01, after the term has ended whenever its event happens: it ends on 2030-06-30 at the latest (the agreement takes effect by its longstop date, 2027-06-30, at the latest)"]
        );
        // Without a longstop there is no bound: nothing is computed.
        let open = "effective: { event: \"the Closing\" }  term: 3 years";
        assert!(findings(open, "metrics { milestone m \"M\" { due: 2040-01-01 } }").is_empty());
    }

    #[test]
    fn a_term_until_an_event_counts_by_its_longest() {
        let head =
            "effective: 2027-01-01  term: { until: \"delivery of all forms\", at_most: 30 months }";
        assert!(findings(head, "metrics { milestone m \"M\" { due: 2029-07-01 } }").is_empty());
        assert_eq!(
            findings(head, "metrics { milestone m \"M\" { due: 2029-07-02 } }"),
            ["milestone `m` is due on 2029-07-02, after the term has ended whenever its event happens: it ends on 2029-07-01 at the latest (the term runs for at most 30 months)"]
        );
        // Before the start is still before the start.
        assert_eq!(
            findings(head, "metrics { milestone m \"M\" { due: 2026-12-31 } }"),
            ["milestone `m` is due on 2026-12-31, before the agreement takes effect on 2027-01-01"]
        );
    }

    #[test]
    fn the_last_day_is_inside() {
        assert!(findings(
            THREE_YEARS,
            "metrics { milestone m \"M\" { due: 2030-01-01 } }"
        )
        .is_empty());
        assert_eq!(
            findings(
                THREE_YEARS,
                "metrics { milestone m \"M\" { due: 2030-01-02 } }"
            ),
            ["milestone `m` is due on 2030-01-02, after the term ends on 2030-01-01"]
        );
        assert!(findings(
            THREE_YEARS,
            "metrics { milestone m \"M\" { due: 2027-01-01 } }"
        )
        .is_empty());
        assert_eq!(
            findings(THREE_YEARS, "metrics { milestone m \"M\" { due: 2026-12-31 } }"),
            ["milestone `m` is due on 2026-12-31, before the agreement takes effect on 2027-01-01"]
        );
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        // 2027-01-31 + 1 month = 2027-02-28.
        let head = "effective: 2027-01-31  term: 1 month";
        assert!(findings(head, "metrics { metric k \"K\" { by: 2027-02-28 } }").is_empty());
        assert_eq!(
            findings(head, "metrics { metric k \"K\" { by: 2027-03-01 } }"),
            ["metric `k` is to be met by 2027-03-01, after the term ends on 2027-02-28"]
        );
        // A leap year: 2028-02-29 + 1 year = 2029-02-28.
        let head = "effective: 2028-02-29  term: 1 year";
        assert_eq!(
            findings(head, "exit { evolve { by: 2029-03-01 } }"),
            ["the deadline to evolve or dissolve falls on 2029-03-01, after the term ends on 2029-02-28"]
        );
    }

    #[test]
    fn business_days_and_weeks() {
        // Friday 2027-01-01 + 10 business days = Friday 2027-01-15.
        let head = "effective: 2027-01-01  term: 10 business days";
        let body = "contributions { from a { deliverable \"D\" { due: 2027-01-15 } deliverable \"E\" { due: 2027-01-16 } } }";
        assert_eq!(
            findings(head, body),
            ["deliverable \"E\" is due on 2027-01-16, after the term ends on 2027-01-15"]
        );
        assert!(findings(
            "effective: 2027-01-01  term: 2 weeks",
            "metrics { milestone m \"M\" { due: 2027-01-15 } }"
        )
        .is_empty());
    }

    #[test]
    fn an_indefinite_term_has_no_end() {
        let head = "effective: 2027-01-01  term: indefinite";
        assert!(findings(head, "metrics { milestone m \"M\" { due: 2099-01-01 } }").is_empty());
        assert_eq!(
            findings(head, "metrics { milestone m \"M\" { due: 2020-01-01 } }").len(),
            1
        );
    }

    #[test]
    fn silent_without_a_start() {
        assert!(findings(
            "term: 1 year",
            "metrics { milestone m \"M\" { due: 2099-01-01 } }"
        )
        .is_empty());
    }
}
