//! Derived facts a reader wants and the source does not state: when the term ends, what each
//! party's contributions are worth and their share of the total, the revenue and cost split,
//! and the earliest exit (SPEC §2.2). Both the JSON document and the term sheet show them.
//!
//! Arithmetic is checked: absurd amounts give no figure instead of a panic.

use crate::model::{Agreement, Duration, Money, Renewal, TerminationKind, Unit};
use jiff::civil::{Date, Weekday};
use rust_decimal::{Decimal, RoundingStrategy};

/// What a reader derives from the agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis {
    /// The last day of the term (`effective` + `term`); `None` for an indefinite term or
    /// when either is missing.
    pub term_end: Option<Date>,
    /// For automatic renewal: the last day to give notice that stops the first renewal
    /// (the term's end less `renewal_notice`).
    pub renewal_notice_by: Option<Date>,
    /// The valued contributions of all parties, one sum per currency, in order of first use.
    pub total_contributions: Vec<Money>,
    /// One entry per party, in source order.
    pub parties: Vec<PartyFacts>,
    /// The earliest exit: `None` when there is no termination for convenience.
    pub earliest_exit: Option<EarliestExit>,
}

/// One party's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyFacts {
    /// Index into [`Agreement::parties`].
    pub party: usize,
    /// The sum of the `value` of its resources, one sum per currency.
    pub valued_contributions: Vec<Money>,
    /// Its share of all valued contributions, in percent rounded to two decimals; `None`
    /// when nothing is valued or the values use several currencies.
    pub contribution_share: Option<Decimal>,
    pub revenue_share: Option<Decimal>,
    pub cost_share: Option<Decimal>,
}

/// The earliest date a party can give notice to terminate for convenience, and the notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EarliestExit {
    /// The convenience termination's `earliest`, or `effective` when it has none.
    pub date: Option<Date>,
    pub notice: Option<Duration>,
}

impl Analysis {
    pub fn of(agreement: &Agreement) -> Analysis {
        let term_end = agreement.term_end();
        let renewal_notice_by = match (&agreement.renewal, &agreement.renewal_notice, term_end) {
            (Some(r), Some(notice), Some(end)) if r.value == Renewal::Automatic => {
                before(notice.value, end)
            }
            _ => None,
        };

        let mut total_contributions: Vec<Money> = Vec::new();
        let mut parties: Vec<PartyFacts> = Vec::new();
        let mut overflow = false;
        // Each party's `from` blocks and shares, gathered in one pass each (not per party).
        let n = agreement.parties.len();
        let mut froms_of: Vec<Vec<&crate::model::From>> = vec![Vec::new(); n];
        for from in agreement.contributions.iter().flat_map(|c| &c.from) {
            if let Some(list) = from.party.party().and_then(|i| froms_of.get_mut(i)) {
                list.push(from);
            }
        }
        let sharing = agreement.sharing.as_ref();
        fn index(map: Option<&crate::model::PartyMap<Decimal>>, n: usize) -> Vec<Option<&Decimal>> {
            map.map_or_else(|| vec![None; n], |m| m.by_party(n))
        }
        let revenue = index(sharing.and_then(|s| s.revenue.as_ref()), n);
        let costs = index(sharing.and_then(|s| s.costs.as_ref()), n);
        for (i, froms) in froms_of.iter().enumerate() {
            let mut valued: Vec<Money> = Vec::new();
            for from in froms {
                for value in from.resources.iter().filter_map(|r| r.value.as_ref()) {
                    overflow |= !add(&mut valued, &value.value);
                    overflow |= !add(&mut total_contributions, &value.value);
                }
            }
            parties.push(PartyFacts {
                party: i,
                valued_contributions: valued,
                contribution_share: None,
                revenue_share: revenue.get(i).copied().flatten().copied(),
                cost_share: costs.get(i).copied().flatten().copied(),
            });
        }
        if let ([total], false) = (total_contributions.as_slice(), overflow) {
            if !total.amount.is_zero() {
                for p in &mut parties {
                    let mine = p
                        .valued_contributions
                        .first()
                        .map_or(Decimal::ZERO, |m| m.amount);
                    p.contribution_share = mine
                        .checked_mul(Decimal::ONE_HUNDRED)
                        .and_then(|x| x.checked_div(total.amount))
                        .map(|x| {
                            x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                                .normalize()
                        });
                }
            }
        }

        // The first day any party can leave for convenience: with several rights, each with
        // its own holders, the earliest of them.
        let earliest_exit = agreement
            .exit
            .iter()
            .flat_map(|e| e.terminations_of(TerminationKind::Convenience))
            .min_by_key(|t| {
                t.earliest
                    .as_ref()
                    .or(agreement.effective.as_ref())
                    .map(|d| d.value)
            })
            .map(|t| EarliestExit {
                date: t
                    .earliest
                    .as_ref()
                    .or(agreement.effective.as_ref())
                    .map(|d| d.value),
                notice: t.notice.as_ref().map(|n| n.value),
            });

        Analysis {
            term_end,
            renewal_notice_by,
            total_contributions,
            parties,
            earliest_exit,
        }
    }
}

/// Add `money` to the sum in its currency. `false` on overflow.
fn add(sums: &mut Vec<Money>, money: &Money) -> bool {
    match sums.iter_mut().find(|m| m.currency == money.currency) {
        Some(sum) => match sum.amount.checked_add(money.amount) {
            Some(total) => {
                sum.amount = total;
                true
            }
            None => false,
        },
        None => {
            sums.push(money.clone());
            true
        }
    }
}

/// `date` less `duration`, in the calendar arithmetic of [`Duration::after`]: years and
/// months clamp to the month's last day, business days skip weekends.
pub fn before(duration: Duration, date: Date) -> Option<Date> {
    let n = i64::from(duration.amount);
    let days = |n: i64| jiff::Span::new().try_days(n).ok();
    match duration.unit {
        Unit::Hours => date.checked_sub(days(n / 24)?).ok(),
        Unit::Days => date.checked_sub(days(n)?).ok(),
        Unit::Weeks => date.checked_sub(jiff::Span::new().try_weeks(n).ok()?).ok(),
        Unit::Months => date.checked_sub(jiff::Span::new().try_months(n).ok()?).ok(),
        Unit::Years => date.checked_sub(jiff::Span::new().try_years(n).ok()?).ok(),
        Unit::BusinessDays => {
            // From a weekend, count as from the Monday after; from a weekday, every five
            // business days are seven days.
            let ahead = match date.weekday() {
                Weekday::Saturday => 2,
                Weekday::Sunday => 1,
                _ => 0,
            };
            let monday_or_weekday = date.checked_add(days(ahead)?).ok()?;
            let mut d = monday_or_weekday.checked_sub(days(n / 5 * 7)?).ok()?;
            let mut left = n % 5;
            while left > 0 {
                d = d.yesterday().ok()?;
                if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                    left -= 1;
                }
            }
            Some(d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn before_mirrors_after() {
        let months = Duration {
            amount: 6,
            unit: Unit::Months,
        };
        assert_eq!(before(months, date(2032, 2, 1)), Some(date(2031, 8, 1)));
        assert_eq!(before(months, date(2031, 8, 31)), Some(date(2031, 2, 28)));
        let bdays = Duration {
            amount: 3,
            unit: Unit::BusinessDays,
        };
        // Monday 2027-01-11 less 3 business days = Wednesday 2027-01-06.
        assert_eq!(before(bdays, date(2027, 1, 11)), Some(date(2027, 1, 6)));
        let five = Duration {
            amount: 5,
            unit: Unit::BusinessDays,
        };
        // From Saturday 2027-01-09, as from Monday 2027-01-11: Monday 2027-01-04.
        assert_eq!(before(five, date(2027, 1, 9)), Some(date(2027, 1, 4)));
        let huge = Duration {
            amount: u32::MAX,
            unit: Unit::Years,
        };
        assert_eq!(before(huge, date(2027, 1, 1)), None);
    }
}
