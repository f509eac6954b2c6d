use crate::diagnostic::Diagnostic;
use crate::model::{Duration, Restraint, Unit};
use crate::rules::{finding, Context};
use jiff::civil::{date, Date};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `after_exit` of the `exclusivity` and `non_compete` covenants: a restraint that
    /// runs more than 2 years after exit is reported. Lengths are compared in calendar
    /// arithmetic from `effective` (or from 2000-01-01 when it is missing), so `24 months`,
    /// `104 weeks` and `2 years` are all within the limit.
    ///
    /// ## Why it matters
    ///
    /// This is a house rule, drawn from common enforceability practice, not from the
    /// practice material, which says nothing about restrictive covenants. Courts and
    /// competition authorities in many jurisdictions look hard at restraints that outlast
    /// the relationship they protect, and often refuse to enforce, or cut down, those that
    /// run for years after the alliance ends. Two years is the house limit; a longer
    /// restraint needs a specific justification and local advice.
    ///
    /// ## Example
    ///
    /// ```charter
    /// non_compete {
    ///   binds: all
    ///   scope: "Selling loyalty analytics to retailers"
    ///   territory: "The EU and the UK"
    ///   after_exit: 3 years
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// non_compete {
    ///   binds: all
    ///   scope: "Selling loyalty analytics to retailers"
    ///   territory: "The EU and the UK"
    ///   after_exit: 1 year
    /// }
    /// ```
    pub LongRestraint {
        name: "long-restraint",
        severity: Warning,
        group: Practice,
        summary: "an exclusivity or non-compete runs more than 2 years after exit",
    }
}

const LIMIT: Duration = Duration {
    amount: 2,
    unit: Unit::Years,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(covenants) = &a.covenants else {
        return;
    };
    let from = a.effective.as_ref().map_or(date(2000, 1, 1), |e| e.value);
    let Some(limit) = LIMIT.after(from) else {
        return;
    };
    let restraints: [(&str, &Option<Restraint>); 2] = [
        ("exclusivity", &covenants.exclusivity),
        ("non-compete", &covenants.non_compete),
    ];
    for (name, restraint) in restraints {
        let Some(after) = restraint.as_ref().and_then(|r| r.after_exit.as_ref()) else {
            continue;
        };
        if !too_long(after.value, from, limit) {
            continue;
        }
        out.push(
            finding(
                &LongRestraint::META,
                after.span,
                format!(
                    "the {name} runs for {} after exit, more than 2 years",
                    after.value
                ),
            )
            .with_help(
                "limit it to 2 years or less after exit: courts often refuse to enforce longer restraints",
            ),
        );
    }
}

/// `after` counted from `from` ends later than `limit` (a length past the calendar's end
/// is too long).
fn too_long(after: Duration, from: Date, limit: Date) -> bool {
    after.after(from).is_none_or(|end| end > limit)
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/long-restraint/pass.charter");

    fn reported(effective: Option<&str>, after: &str) -> Vec<String> {
        let (e, x) = ("  effective: 2027-01-01\n", "after_exit: 2 years");
        assert!(PASS.contains(e) && PASS.contains(x));
        let to = effective.map_or(String::new(), |d| format!("  effective: {d}\n"));
        let text = PASS
            .replacen(e, &to, 1)
            .replacen(x, &format!("after_exit: {after}"), 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "long-restraint")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn two_years_in_any_unit_is_the_limit() {
        for after in [
            "2 years",
            "24 months",
            "104 weeks",
            "731 days",
            "520 business days",
        ] {
            assert!(reported(Some("2027-01-01"), after).is_empty(), "{after}");
        }
        // 2027-01-01 + 2 years = 2029-01-01, 731 days later (2028 is a leap year).
        for after in ["25 months", "3 years", "732 days", "105 weeks"] {
            assert_eq!(
                reported(Some("2027-01-01"), after),
                [format!(
                    "the non-compete runs for {after} after exit, more than 2 years"
                )]
            );
        }
    }

    #[test]
    fn calendar_arithmetic_depends_on_the_start() {
        // From 2028-03-01 the next two years hold no 29 February: 730 days are 2 years.
        assert!(reported(Some("2028-03-01"), "730 days").is_empty());
        assert_eq!(reported(Some("2028-03-01"), "731 days").len(), 1);
        // Month ends clamp: 2028-02-29 + 2 years = 2030-02-28 = 2028-02-29 + 24 months.
        assert!(reported(Some("2028-02-29"), "24 months").is_empty());
        assert!(reported(Some("2028-02-29"), "730 days").is_empty());
        assert_eq!(reported(Some("2028-02-29"), "731 days").len(), 1);
    }

    #[test]
    fn without_effective_the_count_starts_on_1_january_2000() {
        // 2000-01-01 + 2 years = 2002-01-01, 731 days later (2000 is a leap year).
        assert!(reported(None, "731 days").is_empty());
        assert_eq!(reported(None, "732 days").len(), 1);
    }

    #[test]
    fn exclusivity_is_checked_too() {
        let from = "    assignment { consent_required: yes }";
        assert!(PASS.contains(from));
        let text = PASS.replacen(
            from,
            "    exclusivity { binds: all  scope: \"Loyalty analytics\"  after_exit: 30 months }\n    assignment { consent_required: yes }",
            1,
        );
        let found: Vec<String> = crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "long-restraint")
            .map(|d| d.message)
            .collect();
        assert_eq!(
            found,
            ["the exclusivity runs for 30 months after exit, more than 2 years"]
        );
    }

    #[test]
    fn absurd_lengths_do_not_panic() {
        assert_eq!(reported(Some("2027-01-01"), "4000000000 years").len(), 1);
    }
}
