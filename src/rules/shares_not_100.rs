use crate::diagnostic::Diagnostic;
use crate::model::{Agreement, PartyMap};
use crate::rules::{finding, Context};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That each map of shares — `sharing.revenue`, `sharing.costs`, the joint venture's
    /// `ownership` and the liability `pool_shares` — adds up to exactly 100%. Every entry
    /// counts, even one that names someone who is not a party; percentages are added exactly,
    /// so 33.33% + 33.33% + 33.33% is 99.99%, not 100%.
    ///
    /// ## Why it matters
    ///
    /// How the value an alliance creates is divided, and how its losses are borne, is one of
    /// the things the partners are told to settle at the outset (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review; BCG, “Unleashing the Innovation Power of Alliances”); a joint venture's ownership split is likewise fixed among its parents
    /// (The Strategy Story, “Strategic Alliance: Meaning, Types & Examples”). A split that comes to 95% leaves 5% of every euro of revenue
    /// unallocated; one that comes to 105% promises money that does not exist. Either way the
    /// clause cannot be performed as written, and the gap tends to surface only when the
    /// first payment is due.
    ///
    /// ## Example
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: 55%, contoso: 40% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: 55%, contoso: 45% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    pub SharesNot100 {
        name: "shares-not-100",
        severity: Error,
        group: Consistency,
        summary: "revenue, costs, ownership or pool shares do not add up to exactly 100%",
    }
}

/// One of the four maps of shares, with how messages name it.
pub(super) struct ShareMap<'a> {
    pub map: &'a PartyMap<Decimal>,
    /// The key as written in the file: `revenue`.
    pub key: &'static str,
    /// The shares as a noun: "revenue shares".
    pub shares: &'static str,
    /// What a share is of: "revenue", for "`contoso` has no share of revenue".
    pub of: &'static str,
}

/// The maps of shares that must each add up to 100%, in the order of the schema.
pub(super) fn share_maps(a: &Agreement) -> impl Iterator<Item = ShareMap<'_>> {
    let sharing = a.sharing.as_ref();
    [
        (
            sharing.and_then(|s| s.revenue.as_ref()),
            "revenue",
            "revenue shares",
            "revenue",
        ),
        (
            sharing.and_then(|s| s.costs.as_ref()),
            "costs",
            "cost shares",
            "costs",
        ),
        (
            a.entity.as_ref().and_then(|e| e.ownership.as_ref()),
            "ownership",
            "ownership shares of the joint venture",
            "the joint venture's ownership",
        ),
        (
            a.liability.as_ref().and_then(|l| l.pool_shares.as_ref()),
            "pool_shares",
            "shares of the joint liability pool",
            "the joint liability pool",
        ),
    ]
    .into_iter()
    .filter_map(|(map, key, shares, of)| {
        map.map(|map| ShareMap {
            map,
            key,
            shares,
            of,
        })
    })
}

/// A percentage as a reader would write it: `55%`, `33.33%`, `100%`.
pub(super) fn percent(d: Decimal) -> String {
    format!("{}%", d.normalize())
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let hundred = Decimal::ONE_HUNDRED;
    for m in share_maps(cx.agreement) {
        // A share that is redacted or set out elsewhere cannot be summed
        // (`redacted-split` says so).
        if !m.map.held().is_empty() {
            continue;
        }
        // Exact, and without overflow whatever numbers were written.
        let Some(sum) = m
            .map
            .entries
            .iter()
            .try_fold(Decimal::ZERO, |acc, e| acc.checked_add(e.value))
        else {
            continue;
        };
        if sum == hundred {
            continue;
        }
        let Some(gap) = hundred.checked_sub(sum) else {
            continue;
        };
        let help = if gap > Decimal::ZERO {
            format!("give the remaining {} to a party", percent(gap))
        } else {
            format!(
                "take {} off the shares so that they add up to 100%",
                percent(-gap)
            )
        };
        out.push(
            finding(
                &SharesNot100::META,
                m.map.span,
                format!("{} add up to {}, not 100%", m.shares, percent(sum)),
            )
            .with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(revenue: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  sharing {{ revenue: {revenue}\n costs: {{ a: 50%, b: 50% }} }}\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "shares-not-100")
            .map(|d| format!("{} / {}", d.message, d.help.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn sums_are_exact() {
        assert!(findings("{ a: 33.34%, b: 66.66% }").is_empty());
        assert_eq!(
            findings("{ a: 33.33%, b: 66.66% }"),
            ["revenue shares add up to 99.99%, not 100% / give the remaining 0.01% to a party"]
        );
        assert!(findings("{ a: 50.00%, b: 50% }").is_empty());
    }

    #[test]
    fn too_much_and_entries_for_non_parties_count() {
        assert_eq!(
            findings("{ a: 55%, b: 45%, c: 5% }"),
            ["revenue shares add up to 105%, not 100% / take 5% off the shares so that they add up to 100%"]
        );
    }

    #[test]
    fn three_thirds_are_not_a_whole() {
        let text =
            "agreement \"A\" {\n  sharing { revenue: { a: 33.33%, b: 33.33%, c: 33.33% } }\n}\n";
        let messages: Vec<_> = check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "shares-not-100")
            .map(|d| d.message)
            .collect();
        assert_eq!(messages, ["revenue shares add up to 99.99%, not 100%"]);
    }

    #[test]
    fn a_map_with_an_unreadable_entry_is_not_summed() {
        // `55` without `%` is a type mismatch; the rest of the map says nothing reliable.
        assert!(findings("{ a: 55, b: 45% }").is_empty());
        assert!(findings("{ a: 55%, a: 45% }").is_empty());
    }

    #[test]
    fn absurd_numbers_do_not_panic() {
        let huge = "79228162514264337593543950335";
        assert!(findings(&format!("{{ a: {huge}%, b: {huge}% }}")).is_empty());
    }
}
