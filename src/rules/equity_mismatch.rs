use crate::diagnostic::Diagnostic;
use crate::rules::shares_not_100::percent;
use crate::rules::{finding, Context};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every `stake` in the `equity` block is a stake one party takes in another: its
    /// `holder` and its `issuer` are different parties, and its `percent` is more than 0% and
    /// less than 100%.
    ///
    /// ## Why it matters
    ///
    /// In an equity partnership one party takes a minority stake in the other, or the
    /// parties take cross-holdings in each other (“Beyond the Handshake”), as when
    /// Daimler and Renault-Nissan exchanged stakes of 3.1% and 1.55% (The Strategy Story, “Strategic Alliance: Meaning, Types & Examples”).
    /// A party cannot hold shares in itself through the alliance; a 0% stake is no stake;
    /// and a 100% stake is an acquisition, with its own approvals and its own documents. Each
    /// of these is almost always a slip — the holder and issuer swapped, or the percentage
    /// typed in the wrong field — and a stake clause that cannot be performed defeats the
    /// reason for choosing the equity model.
    ///
    /// ## Example
    ///
    /// ```charter
    /// equity {
    ///   stake { holder: northwind  issuer: northwind  percent: 10% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// equity {
    ///   stake { holder: northwind  issuer: contoso  percent: 10% }
    /// }
    /// ```
    pub EquityMismatch {
        name: "equity-mismatch",
        severity: Error,
        group: Consistency,
        summary: "a stake is held by its own issuer, or is not between 0% and 100%",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(equity) = &cx.agreement.equity else {
        return;
    };
    for stake in &equity.stakes {
        if let (Some(holder), Some(issuer)) = (&stake.holder, &stake.issuer) {
            if holder.party().is_some() && holder.party() == issuer.party() {
                out.push(
                    finding(
                        &EquityMismatch::META,
                        issuer.span,
                        format!("`{}` is both the holder and the issuer of this stake: a party cannot hold a stake in itself", holder.id),
                    )
                    .with_help("the `issuer` is the party whose shares are held; name the other party"),
                );
            }
        }
        if let Some(p) = &stake.percent {
            let problem = if p.value <= Decimal::ZERO {
                "which is no stake at all"
            } else if p.value >= Decimal::ONE_HUNDRED {
                "which is the whole company: an acquisition, not an alliance"
            } else {
                continue;
            };
            out.push(
                finding(
                    &EquityMismatch::META,
                    p.span,
                    format!("this stake is {}, {problem}", percent(p.value)),
                )
                .with_help("a stake is more than 0% and less than 100% of the issuer's shares"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(stake: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  model: equity\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n  equity {{ stake {{ {stake} }} }}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "equity-mismatch")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn bounds_are_exclusive() {
        assert!(findings("holder: a  issuer: b  percent: 0.01%").is_empty());
        assert!(findings("holder: a  issuer: b  percent: 99.99%").is_empty());
        assert_eq!(
            findings("holder: a  issuer: b  percent: 0%"),
            ["this stake is 0%, which is no stake at all"]
        );
        assert_eq!(
            findings("holder: a  issuer: b  percent: 100.0%"),
            ["this stake is 100%, which is the whole company: an acquisition, not an alliance"]
        );
    }

    #[test]
    fn holder_and_issuer_differ() {
        assert_eq!(
            findings("holder: a  issuer: a  percent: 10%"),
            ["`a` is both the holder and the issuer of this stake: a party cannot hold a stake in itself"]
        );
        // Unknown ids are reported as unknown references, not here.
        assert!(findings("holder: x  issuer: x  percent: 10%").is_empty());
    }
}
