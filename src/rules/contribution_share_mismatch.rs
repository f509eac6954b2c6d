use crate::diagnostic::Diagnostic;
use crate::model::{Agreement, ResourceKind};
use crate::rules::{finding, Context};
use rust_decimal::{Decimal, RoundingStrategy};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// For each party, its share of the valued contributions and its share of revenue. A
    /// party's valued contribution is the sum of the `value` of all its resources, of every
    /// kind; resources without a value, deliverables, equity amounts and joint-venture
    /// capital do not count. When the party's share of the total and its `sharing.revenue`
    /// percentage differ by more than 25 percentage points, it is reported. The rule is
    /// silent when nothing is valued, when the values use several currencies, when a `cash`
    /// resource has no value (an error of its own), when there is no revenue map, and for a
    /// party the revenue map leaves out (`party-without-share` reports that).
    ///
    /// ## Why it matters
    ///
    /// Partners commit for the long run when what each receives follows what each puts in.
    /// The practice material advises that the partners' investments be in proportion to the
    /// return each expects, noting that they need not be in cash (Sanders, “The Ten Stages of Successful Strategic Alliances”, INSEAD Knowledge), and names uneven contribution, one partner carrying the load while the other
    /// free-rides, as a classic risk (“Beyond the Handshake”). A wide gap may have good
    /// reasons (know-how or staff that carry no value in the file), but it deserves a look
    /// before signing. The 25-point tolerance is Charter's choice.
    ///
    /// ## Example
    ///
    /// ```charter
    /// contributions {
    ///   from northwind { resource "Funding" { kind: cash  value: USD 3,200,000 } }
    ///   from contoso { resource "Store data" { kind: data  value: USD 1,800,000 } }
    /// }
    /// sharing {
    ///   revenue: { northwind: 38%, contoso: 62% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// contributions {
    ///   from northwind { resource "Funding" { kind: cash  value: USD 3,200,000 } }
    ///   from contoso { resource "Store data" { kind: data  value: USD 1,800,000 } }
    /// }
    /// sharing {
    ///   revenue: { northwind: 55%, contoso: 45% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    pub ContributionShareMismatch {
        name: "contribution-share-mismatch",
        severity: Warning,
        group: Practice,
        summary: "a party's share of contributions and its revenue share differ by more than 25 points",
    }
}

/// The largest gap, in percentage points, that is not reported.
const TOLERANCE: u32 = 25;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(revenue) = a.sharing.as_ref().and_then(|s| s.revenue.as_ref()) else {
        return;
    };
    let Some(valued) = valued_contributions(a) else {
        return;
    };
    let total = valued
        .iter()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
        .unwrap_or(Decimal::ZERO);
    if total <= Decimal::ZERO {
        return;
    }
    let hundred = Decimal::from(100);
    // Each party's revenue entry (the first, if it is named twice), found in one pass: a
    // search per party made this rule quadratic in the number of parties.
    let mut entry_of = vec![None; a.parties.len()];
    for e in &revenue.entries {
        if let Some(slot) = e.party.party().and_then(|i| entry_of.get_mut(i)) {
            if slot.is_none() {
                *slot = Some(e);
            }
        }
    }
    for (i, party) in a.parties.iter().enumerate() {
        let Some(entry) = entry_of.get(i).copied().flatten() else {
            continue;
        };
        let brought = valued.get(i).copied().unwrap_or(Decimal::ZERO);
        let Some(share) = brought
            .checked_mul(hundred)
            .and_then(|x| x.checked_div(total))
        else {
            continue;
        };
        let Some(gap) = share.checked_sub(entry.value).map(|d| d.abs()) else {
            continue;
        };
        if gap <= Decimal::from(TOLERANCE) {
            continue;
        }
        let receives = entry.value.normalize();
        out.push(
            finding(
                &ContributionShareMismatch::META,
                entry.span,
                format!(
                    "`{}` brings {}% of the valued contributions but receives {receives}% of revenue",
                    party.id.value,
                    percent(share)
                ),
            )
            .with_help(format!(
                "bring the revenue share and the contributions within {TOLERANCE} points of each other, or put a value on what `{}` brings that is not valued yet (such as staff or know-how)",
                party.id.value
            )),
        );
    }
}

/// Each party's valued contribution (by index into `agreement.parties`), or `None` when the
/// values use several currencies, when cash has no value, or when they cannot be added up. Contributions from a `from` block
/// naming no party count toward the total only, through an extra last slot.
fn valued_contributions(a: &Agreement) -> Option<Vec<Decimal>> {
    let contributions = a.contributions.as_ref()?;
    let mut per_party = vec![Decimal::ZERO; a.parties.len() + 1];
    let mut currency: Option<&str> = None;
    for from in &contributions.from {
        let slot = from.party.party().unwrap_or(a.parties.len());
        for resource in &from.resources {
            let Some(value) = &resource.value else {
                // Cash must have a value (reported already); without it the shares are wrong.
                if resource
                    .kind
                    .as_ref()
                    .is_some_and(|k| k.value == ResourceKind::Cash)
                {
                    return None;
                }
                continue;
            };
            match currency {
                None => currency = Some(value.value.currency.as_str()),
                Some(c) if c != value.value.currency => return None,
                Some(_) => {}
            }
            let sum = per_party.get_mut(slot)?;
            *sum = sum.checked_add(value.value.amount)?;
        }
    }
    Some(per_party)
}

/// A percentage as people write it: at most one decimal, no trailing zeros.
fn percent(d: Decimal) -> String {
    d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::percent;
    use rust_decimal::Decimal;

    const PASS: &str =
        include_str!("../../tests/fixtures/rules/contribution-share-mismatch/pass.charter");
    const REVENUE: &str = "revenue: { northwind: 39%, contoso: 61% }";

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "contribution-share-mismatch")
            .map(|d| d.message)
            .collect()
    }

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    #[test]
    fn twenty_five_points_exactly_is_not_reported() {
        // Northwind brings USD 3,200,000 of USD 5,000,000: 64%; 64 - 39 = 25.
        assert!(reported(PASS).is_empty());
        let text = edit(
            PASS,
            REVENUE,
            "revenue: { northwind: 38.99%, contoso: 61.01% }",
        );
        assert_eq!(
            reported(&text),
            [
                "`northwind` brings 64% of the valued contributions but receives 38.99% of revenue",
                "`contoso` brings 36% of the valued contributions but receives 61.01% of revenue",
            ]
        );
    }

    #[test]
    fn shown_percentages_are_rounded_to_one_decimal() {
        let revenue = "revenue: { northwind: 30%, contoso: 70% }";
        // 2,000,000 of 3,000,000 is 66.666…%.
        let text = edit(PASS, "value: USD 1,200,000", "value: USD 0");
        let text = edit(&text, "value: USD 800,000", "value: USD 0");
        let text = edit(&text, REVENUE, revenue);
        assert_eq!(
            reported(&text),
            [
                "`northwind` brings 66.7% of the valued contributions but receives 30% of revenue",
                "`contoso` brings 33.3% of the valued contributions but receives 70% of revenue",
            ]
        );
        // 2,200,000 of 3,200,000 is 68.75%: half a tenth rounds away from zero.
        let text = edit(PASS, "value: USD 1,200,000", "value: USD 200,000");
        let text = edit(&text, "value: USD 800,000", "value: USD 0");
        let text = edit(&text, REVENUE, revenue);
        assert_eq!(
            reported(&text),
            [
                "`northwind` brings 68.8% of the valued contributions but receives 30% of revenue",
                "`contoso` brings 31.3% of the valued contributions but receives 70% of revenue",
            ]
        );
        assert_eq!(percent(Decimal::new(6400, 2)), "64");
        assert_eq!(percent(Decimal::new(3333, 2)), "33.3");
        assert_eq!(percent(Decimal::new(9996, 2)), "100");
        assert_eq!(percent(Decimal::ZERO), "0");
    }

    #[test]
    fn silent_with_several_currencies() {
        let text = edit(PASS, REVENUE, "revenue: { northwind: 10%, contoso: 90% }");
        assert_eq!(reported(&text).len(), 2);
        let text = edit(&text, "value: USD 800,000", "value: EUR 800,000");
        assert!(reported(&text).is_empty());
    }

    #[test]
    fn silent_when_nothing_is_valued() {
        let mut text = edit(PASS, REVENUE, "revenue: { northwind: 10%, contoso: 90% }");
        for v in [
            "  value: USD 1,200,000",
            "  value: USD 2,000,000",
            "  value: USD 800,000",
            "  value: USD 1,000,000",
        ] {
            text = edit(&text, v, "");
        }
        assert!(reported(&text).is_empty());
    }

    #[test]
    fn a_party_left_out_of_revenue_is_not_compared() {
        let text = edit(PASS, REVENUE, "revenue: { contoso: 100% }");
        // Contoso brings 36% and receives 100%; Northwind is left to party-without-share.
        assert_eq!(
            reported(&text),
            ["`contoso` brings 36% of the valued contributions but receives 100% of revenue"]
        );
    }

    #[test]
    fn a_party_bringing_nothing_valued_brings_zero() {
        let text = edit(
            PASS,
            r#"resource "Funding" { kind: cash  value: USD 800,000 }"#,
            r#"resource "Store staff" { kind: staff  fte: 2 }"#,
        );
        let text = edit(&text, "kind: data  value: USD 1,000,000", "kind: data");
        assert_eq!(
            reported(&text),
            [
                "`northwind` brings 100% of the valued contributions but receives 39% of revenue",
                "`contoso` brings 0% of the valued contributions but receives 61% of revenue",
            ]
        );
    }

    #[test]
    fn silent_when_cash_has_no_value() {
        // The value of cash is required: without it the shares would be wrong.
        let text = edit(PASS, "kind: cash  value: USD 800,000", "kind: cash");
        let text = edit(&text, REVENUE, "revenue: { northwind: 10%, contoso: 90% }");
        assert!(reported(&text).is_empty());
    }
}
