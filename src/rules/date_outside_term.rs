use crate::diagnostic::Diagnostic;
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
    /// `effective` are reported.
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
    let Some(effective) = a.effective.as_ref().map(|e| e.value) else {
        return;
    };
    let end = a.term_end();

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
        let (message, help) = if date.value < effective {
            (
                format!(
                    "{what} {}, before the agreement takes effect on {effective}",
                    date.value
                ),
                format!("move the date to {effective} or later, or correct `effective`"),
            )
        } else if let Some(end) = end.filter(|end| date.value > *end) {
            (
                format!("{what} {}, after the term ends on {end}", date.value),
                format!("move the date to {end} or earlier, or lengthen `term`"),
            )
        } else {
            continue;
        };
        out.push(finding(&DateOutsideTerm::META, date.span, message).with_help(help));
    }
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
