use crate::diagnostic::Diagnostic;
use rust_decimal::Decimal;

use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Every `stake` of the `equity` block: a `percent` above 50% is reported. Stakes of
    /// 100% or more are left to `equity-mismatch`, which reports them as errors.
    ///
    /// ## Why it matters
    ///
    /// An equity alliance works because each partner keeps its own independence while a
    /// stake aligns their interests. The practice material describes the equity
    /// partnership as one party taking a minority stake in the other, or both taking
    /// cross-holdings (“Beyond the Handshake”), with influence in proportion to the
    /// stake (“Beyond the Handshake”). Above half, the holder controls the issuer: that
    /// is an acquisition, with its own approvals and consequences, not an alliance.
    ///
    /// ## Example
    ///
    /// ```charter
    /// equity {
    ///   stake { holder: northwind  issuer: contoso  percent: 60% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// equity {
    ///   stake { holder: northwind  issuer: contoso  percent: 20% }
    /// }
    /// ```
    pub ControllingStake {
        name: "controlling-stake",
        severity: Warning,
        group: Practice,
        summary: "an equity stake above 50%",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(equity) = &cx.agreement.equity else {
        return;
    };
    let half = Decimal::from(50);
    let whole = Decimal::from(100);
    for stake in &equity.stakes {
        let Some(percent) = &stake.percent else {
            continue;
        };
        if percent.value <= half || percent.value >= whole {
            continue;
        }
        let shown = percent.value.normalize();
        let message = match (&stake.holder, &stake.issuer) {
            (Some(holder), Some(issuer)) => format!(
                "`{}` takes {shown}% of `{}`, a controlling stake",
                holder.id, issuer.id
            ),
            _ => format!("a stake of {shown}% is a controlling stake"),
        };
        out.push(
            finding(&ControllingStake::META, percent.span, message).with_help(
                "an equity alliance rests on minority stakes: keep the stake at 50% or less, or treat the deal as an acquisition",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/controlling-stake/pass.charter");

    fn reported(percent: &str) -> Vec<String> {
        assert!(PASS.contains("percent: 20%"));
        let text = PASS.replacen("percent: 20%", &format!("percent: {percent}"), 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "controlling-stake")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn half_is_not_above_half() {
        assert!(reported("50%").is_empty());
        assert_eq!(
            reported("50.01%"),
            ["`northwind` takes 50.01% of `contoso`, a controlling stake"]
        );
        assert_eq!(reported("99.9%").len(), 1);
    }

    #[test]
    fn whole_stakes_are_left_to_equity_mismatch() {
        assert!(reported("100%").is_empty());
        assert!(reported("120%").is_empty());
    }
}
