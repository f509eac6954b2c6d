use crate::diagnostic::Diagnostic;
use crate::model::Money;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That amounts which are meant to be compared with one another use one currency. There
    /// are four such groups: the `value` of every resource in `contributions`; the liability
    /// `cap`, `joint_pool` and `termination_fee`; the joint venture's `capital`; and the
    /// `amount` of every equity stake. A group that uses two or more currencies is reported
    /// once, at its first amount in a second currency.
    ///
    /// ## Why it matters
    ///
    /// The practice material asks that the parties know exactly how money moves between them
    /// and what each is paid for (McKinsey, “Partners in Profit: Creating Successful Business Alliances”), and that contributions be reviewed regularly so that an
    /// imbalance can be spotted and corrected (“Beyond the Handshake”). Neither is possible when
    /// one party's contribution is valued in dollars and the other's in euros: whether they
    /// are balanced then depends on an exchange rate, and on the day it is taken, that the
    /// agreement never names. The same goes for a liability cap in one currency and a pool in
    /// another.
    ///
    /// ## Example
    ///
    /// ```charter
    /// from northwind {
    ///   resource "Funding" { kind: cash  value: USD 1,200,000 }
    /// }
    /// from contoso {
    ///   resource "Funding" { kind: cash  value: EUR 800,000 }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// from northwind {
    ///   resource "Funding" { kind: cash  value: USD 1,200,000 }
    /// }
    /// from contoso {
    ///   resource "Funding" { kind: cash  value: USD 870,000  note: "EUR 800,000 at the ECB rate of 2027-01-01" }
    /// }
    /// ```
    pub MixedCurrencies {
        name: "mixed-currencies",
        severity: Warning,
        group: Consistency,
        summary: "amounts that are compared with each other (contributions, liability amounts) use several currencies",
    }
}

/// One group of amounts that are compared with each other.
struct Group<'a> {
    amounts: Vec<(&'a Money, Span)>,
    /// What the amounts are, for the message: "contribution values".
    what: &'static str,
    /// Why one currency matters for them.
    so: &'static str,
    /// What to put in one currency, for the help: "every contribution value".
    each: &'static str,
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let contributions = a
        .contributions
        .iter()
        .flat_map(|c| &c.from)
        .flat_map(|f| &f.resources)
        .filter_map(|r| r.value.as_ref())
        .map(|v| (&v.value, v.span))
        .collect();
    let liability = a
        .liability
        .iter()
        .flat_map(|l| [&l.cap, &l.joint_pool, &l.termination_fee])
        .flatten()
        .map(|v| (&v.value, v.span))
        .collect();
    let capital = a
        .entity
        .iter()
        .filter_map(|e| e.capital.as_ref())
        .flat_map(|m| &m.entries)
        .map(|e| (&e.value, e.span))
        .collect();
    let stakes = a
        .equity
        .iter()
        .flat_map(|e| &e.stakes)
        .filter_map(|s| s.amount.as_ref())
        .map(|v| (&v.value, v.span))
        .collect();
    let groups = [
        Group {
            amounts: contributions,
            what: "contribution values",
            so: "so they cannot be added up or compared",
            each: "every contribution value",
        },
        Group {
            amounts: liability,
            what: "the liability amounts",
            so: "so the cap, the joint pool and the termination fee cannot be compared",
            each: "the cap, the joint pool and the termination fee",
        },
        Group {
            amounts: capital,
            what: "the joint venture's capital contributions",
            so: "so the parents' contributions cannot be compared",
            each: "every parent's capital",
        },
        Group {
            amounts: stakes,
            what: "the stake amounts",
            so: "so the prices of the stakes cannot be compared",
            each: "every stake amount",
        },
    ];
    for mut group in groups {
        group.amounts.sort_by_key(|(_, span)| *span);
        let Some((first, first_span)) = group.amounts.first() else {
            continue;
        };
        let Some((_, other_span)) = group
            .amounts
            .iter()
            .find(|(m, _)| m.currency != first.currency)
        else {
            continue;
        };
        let mut currencies: Vec<&str> = Vec::new();
        for (money, _) in &group.amounts {
            if !currencies.contains(&money.currency.as_str()) {
                currencies.push(&money.currency);
            }
        }
        out.push(
            finding(
                &MixedCurrencies::META,
                *other_span,
                format!("{} are in {}, {}", group.what, list(&currencies), group.so),
            )
            .with_label(*first_span, format!("the first is in {}", first.currency))
            .with_help(format!(
                "state {} in one currency; if a party pays in another, say in a `note` which exchange rate converts it",
                group.each
            )),
        );
    }
}

/// "USD and EUR", "USD, EUR and GBP".
fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(body: &str) -> Vec<(String, String)> {
        let text =
            format!("agreement \"A\" {{\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n{body}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "mixed-currencies")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn one_finding_per_group_at_the_first_other_currency() {
        let found = findings(
            "contributions {\n from a { resource \"R\" { kind: cash value: USD 1 } resource \"S\" { kind: cash value: EUR 2 } }\n from b { resource \"T\" { kind: cash value: GBP 3 } resource \"U\" { kind: cash value: EUR 4 } } }",
        );
        assert_eq!(
            found,
            [(
                "EUR 2".to_string(),
                "contribution values are in USD, EUR and GBP, so they cannot be added up or compared".to_string()
            )]
        );
    }

    #[test]
    fn groups_are_separate() {
        // Contributions in USD and a liability cap in EUR are not compared with each other.
        let body = "contributions { from a { resource \"R\" { kind: cash value: USD 1 } } }\n\
                    liability { cap: EUR 5  termination_fee: EUR 1 }";
        assert!(findings(body).is_empty());
        let found = findings(
            "liability { cap: EUR 5  joint_pool: USD 1  pool_shares: { a: 50%, b: 50% } }",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "USD 1");
    }

    #[test]
    fn capital_and_stakes() {
        let found = findings("entity jv \"JV\" { capital: { a: USD 1, b: EUR 1 } }");
        assert_eq!(found[0].0, "b: EUR 1");
        let found = findings(
            "equity { stake { holder: a issuer: b percent: 5% amount: USD 1 } stake { holder: b issuer: a percent: 5% amount: JPY 1 } }",
        );
        assert_eq!(found[0].0, "JPY 1");
        assert_eq!(
            found[0].1,
            "the stake amounts are in USD and JPY, so the prices of the stakes cannot be compared"
        );
    }
}
