use crate::diagnostic::Diagnostic;
use crate::emit::format::and_list;
use crate::model::{Liability, Parties};
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `liability` block: it is reported when it has no `cap` (an amount) and no
    /// `cap_formula` (a cap set by a formula, such as the fees paid in the last twelve
    /// months), and when its cap limits the liability of some parties only (`cap_for`):
    /// the others' liability is then not capped. A file without a `liability` block is
    /// left to `missing-recommended`.
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
        summary: "a liability block without a cap, or a cap for some parties only",
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
        one_sided(cx, liability, out);
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

/// A cap that limits the liability of some parties only: say whose liability is not capped.
fn one_sided(cx: &Context<'_>, liability: &Liability, out: &mut Vec<Diagnostic>) {
    let Some(Parties::List(capped)) = &liability.cap_for else {
        return;
    };
    let (Some(first), Some(last)) = (capped.first(), capped.last()) else {
        return;
    };
    let parties = &cx.agreement.parties;
    let free: Vec<String> = parties
        .iter()
        .enumerate()
        .filter(|(i, _)| !capped.iter().any(|r| r.party() == Some(*i)))
        .map(|(_, p)| format!("`{}`", p.id.value))
        .collect();
    // Every party named (or a name that is not a party, already reported): nothing to say.
    if free.is_empty() || capped.iter().any(|r| r.party().is_none()) {
        return;
    }
    let names: Vec<String> = capped.iter().map(|r| format!("`{}`", r.id)).collect();
    out.push(
        finding(
            &NoLiabilityCap::META,
            first.span.cover(last.span),
            format!(
                "the cap limits the liability of {} only: the liability of {} is not capped",
                and_list(&names),
                and_list(&free)
            ),
        )
        .with_help(
            "if the cap is meant to protect every party, remove `cap_for`; if not, make sure the other parties accept unlimited liability, or give them a cap of their own in the text",
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
    fn a_cap_for_some_parties_leaves_the_others_uncapped() {
        let from = "    cap: USD 5,000,000\n";
        let one = PASS.replacen(from, &format!("{from}    cap_for: [northwind]\n"), 1);
        let found = crate::check::check_text(&one, &Default::default());
        let d: Vec<_> = found
            .iter()
            .filter(|d| d.rule == "no-liability-cap")
            .collect();
        assert_eq!(d.len(), 1, "{found:?}");
        assert!(
            d[0].message.contains("`northwind` only")
                && d[0].message.contains("`contoso` is not capped"),
            "{}",
            d[0].message
        );
        let every = PASS.replacen(
            from,
            &format!("{from}    cap_for: [northwind, contoso]\n"),
            1,
        );
        assert_eq!(reported(&every), 0);
        let all = PASS.replacen(from, &format!("{from}    cap_for: all\n"), 1);
        assert_eq!(reported(&all), 0);
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
