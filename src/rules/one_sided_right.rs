use crate::diagnostic::Diagnostic;
use crate::model::{Parties, Ref, Termination, TerminationKind};
use crate::rules::{finding, keyword_span, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Rights and restraints that fall on one side only: a `termination convenience` whose
    /// `held_by` names only some of the parties, and an `exclusivity` or `non_compete` that
    /// `binds` only some of them. Each is reported once, with the parties concerned. Two
    /// restraints that balance each other — an exclusivity binding the supplier, a
    /// non-compete binding the buyer — are not reported: between them every party is bound.
    ///
    /// ## Why it matters
    ///
    /// The practice material warns that lopsided terms, which leave one partner with most of
    /// the risk, make that partner defensive for the life of the alliance (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review), and that the best alliances have a clear exit path for everyone (“Beyond the Handshake”). A party that cannot leave while its partner can, or that may not
    /// work with anyone else while its partner may, has given something the other side has
    /// not. That can be the bargain — a supplier granting exclusivity in return for minimum
    /// purchases — but it should be a decision both sides see, not a default.
    ///
    /// ## Example
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days  held_by: [northwind] }
    ///   wind_down: 6 months
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// exit {
    ///   termination convenience { notice: 90 days }
    ///   wind_down: 6 months
    /// }
    /// ```
    pub OneSidedRight {
        name: "one-sided-right",
        severity: Warning,
        group: Practice,
        summary: "a termination for convenience held, or an exclusivity or non-compete binding, only some parties",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let named = a.named_parties();
    if named.len() < 2 {
        return;
    }
    // Linear in the number of parties: a list of thousands is looked up, not searched.
    // A party on a side with a listed party counts as listed: the side acts as one.
    let sides = a.side_keys();
    let marks = |refs: &[Ref]| -> Vec<bool> {
        let mut listed_sides = std::collections::HashSet::new();
        for i in refs.iter().filter_map(Ref::party) {
            if let Some(k) = sides.get(i) {
                listed_sides.insert(*k);
            }
        }
        sides.iter().map(|k| listed_sides.contains(k)).collect()
    };
    // The named parties a list leaves out, when it names at least one party.
    let left_out = |refs: &[Ref]| -> Vec<String> {
        let listed = marks(refs);
        if !listed.contains(&true) {
            return Vec::new();
        }
        named
            .iter()
            .filter(|(i, _)| !listed.get(*i).copied().unwrap_or(false))
            .map(|(_, p)| format!("`{}`", p.id.value))
            .collect()
    };
    let ids = |refs: &[Ref]| -> String {
        let names: Vec<String> = refs.iter().map(|r| format!("`{}`", r.id)).collect();
        crate::emit::format::and_list(&names)
    };
    let convenience: Vec<&Termination> = a
        .exit
        .iter()
        .flat_map(|e| e.terminations_of(TerminationKind::Convenience))
        .collect();
    // Each party that holds one of the rights (several rights, each with its own holders,
    // may together give every party a way out).
    let mut holders: Vec<Ref> = Vec::new();
    let mut every_party = false;
    let rejected = a.exit.iter().flat_map(|e| {
        e.rejected
            .iter()
            .filter(|(kind, _)| *kind == TerminationKind::Convenience)
            .map(|(_, held_by)| held_by)
    });
    for held_by in convenience.iter().map(|t| &t.held_by).chain(rejected) {
        match held_by {
            Some(Parties::List(refs)) => holders.extend(refs.iter().cloned()),
            _ => every_party = true,
        }
    }
    if let (Some(t), false) = (convenience.first(), every_party) {
        let others = left_out(&holders);
        if !others.is_empty() {
            let head = Span::new(t.span.start, t.kind.span.end.max(t.span.start));
            out.push(
                finding(
                    &OneSidedRight::META,
                    head,
                    format!(
                        "only {} may terminate for convenience; {} cannot leave the alliance this way",
                        ids(&holders),
                        crate::emit::format::and_list(&others)
                    ),
                )
                .with_help("give every party the right (remove `held_by`), or make sure the other side agreed to be locked in"),
            );
        }
    }
    if let Some(c) = &a.covenants {
        // Restraints that between them bind every party balance each other.
        let mut bound = vec![false; a.parties.len()];
        for r in [&c.exclusivity, &c.non_compete].into_iter().flatten() {
            match &r.binds {
                Some(Parties::List(refs)) => {
                    for (b, m) in bound.iter_mut().zip(marks(refs)) {
                        *b |= m;
                    }
                }
                Some(Parties::All(_)) => bound.iter_mut().for_each(|b| *b = true),
                None => {}
            }
        }
        if named
            .iter()
            .all(|(i, _)| bound.get(*i).copied().unwrap_or(false))
        {
            return;
        }
        for (restraint, keyword, what) in [
            (&c.exclusivity, "exclusivity", "the exclusivity"),
            (&c.non_compete, "non_compete", "the non-compete"),
        ] {
            let Some(r) = restraint else { continue };
            let Some(Parties::List(refs)) = &r.binds else {
                continue;
            };
            let others = left_out(refs);
            if others.is_empty() {
                continue;
            }
            out.push(
                finding(
                    &OneSidedRight::META,
                    keyword_span(r.span, keyword),
                    format!(
                        "{what} binds only {}; {} {} free to work with competitors",
                        ids(refs),
                        crate::emit::format::and_list(&others),
                        if others.len() == 1 { "is" } else { "are" }
                    ),
                )
                .with_help("bind every party (`binds: all`), or make sure the restraint is part of a bargain both sides see, such as exclusivity in return for minimum purchases"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    const SPEC: &str = include_str!("../../examples/northwind-contoso.charter");

    fn reported(text: &str) -> usize {
        crate::check::check_text(text, &Default::default())
            .iter()
            .filter(|d| d.rule == "one-sided-right")
            .count()
    }

    #[test]
    fn a_side_holds_a_right_as_one() {
        let right = "termination convenience { notice: 90 days  earliest: 2028-01-01 }";
        assert!(SPEC.contains(right));
        let one = SPEC.replacen(
            right,
            "termination convenience { notice: 90 days  earliest: 2028-01-01  held_by: [northwind] }",
            1,
        );
        assert_eq!(reported(&one), 1);
        let side = one.replacen(
            "  governance {",
            "  side all_of_us \"Both\" { parties: [northwind, contoso] }\n\n  governance {",
            1,
        );
        assert_eq!(reported(&side), 0);
    }
}
