use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `liability` block: it is reported when it has no `cap` (an amount) and no
    /// `cap_formula` (a cap set by a formula, such as the fees paid in the last twelve
    /// months). A file without a `liability` block is left to `missing-recommended`.
    ///
    /// ## Why it matters
    ///
    /// The practice material asks that the agreement allocate risks such as a product
    /// recall, a data breach or a regulatory fine clearly, with each party liable for its
    /// own people and assets and a shared pool for joint activities (“Beyond the Handshake”); it also warns that lopsided terms that leave one partner with most of the
    /// risk make that partner defensive for the life of the alliance (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review). An overall cap tells each party the most it can lose. Many alliances
    /// choose not to cap some claims, which `uncapped` records; having no cap at all
    /// should be a deliberate choice.
    ///
    /// ## Example
    ///
    /// ```charter
    /// liability {
    ///   own_people_and_assets: each_party
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// liability {
    ///   own_people_and_assets: each_party
    ///   cap: USD 5,000,000
    ///   uncapped: ["Breach of confidentiality", "Wilful misconduct or fraud"]
    /// }
    /// ```
    pub NoLiabilityCap {
        name: "no-liability-cap",
        severity: Info,
        group: Practice,
        summary: "a liability block without a cap",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(liability) = &cx.agreement.liability else {
        return;
    };
    if liability.cap.is_some()
        || liability.cap_formula.is_some()
        || cx.agreement.unreadable_in("cap", liability.span)
    {
        return;
    }
    out.push(
        finding(
            &NoLiabilityCap::META,
            keyword_span(liability.span, "liability"),
            "liability is not capped: the liability block has no `cap`",
        )
        .with_help(
            "add `cap:` with the agreed amount (for example `cap: USD 5,000,000`), and list in `uncapped` any claims the cap should not cover",
        ),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-liability-cap/pass.charter");

    fn reported(text: &str) -> usize {
        crate::check::check_text(text, &Default::default())
            .iter()
            .filter(|d| d.rule == "no-liability-cap")
            .count()
    }

    #[test]
    fn a_joint_pool_is_not_a_cap() {
        assert_eq!(reported(PASS), 0);
        let from = "    cap: USD 5,000,000\n";
        assert!(PASS.contains(from) && PASS.contains("joint_pool:"));
        assert_eq!(reported(&PASS.replacen(from, "", 1)), 1);
    }

    #[test]
    fn silent_without_a_liability_block() {
        let start = PASS.find("  liability {").unwrap_or_default();
        let end = PASS.find("  ip {").unwrap_or_default();
        assert!(start > 0 && end > start);
        let text = format!("{}{}", &PASS[..start], &PASS[end..]);
        assert_eq!(reported(&text), 0);
    }
}
