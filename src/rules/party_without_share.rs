use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Agreement, Ref, Target};
use crate::rules::shares_not_100::share_maps;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every party appears in each map of shares: `sharing.revenue`, `sharing.costs`,
    /// the joint venture's `ownership` and the liability `pool_shares`. A party that takes
    /// nothing is written with `0%`, so that the reader knows it was meant.
    ///
    /// ## Why it matters
    ///
    /// The partners are advised to settle at the start who takes which part of the gains and
    /// bears which part of the losses (Hoang and Rothaermel, “How to Manage Alliances Strategically”, MIT Sloan Management Review), and in a joint venture each parent shares in the profits, the
    /// losses and the management of the new company (The Strategy Story, “Strategic Alliance: Meaning, Types & Examples”). A party left out
    /// of the revenue split, or out of the cost split, is either an oversight or a concession
    /// that nobody wrote down; in both cases the other parties cannot tell which, and the
    /// silence will be read in the way that suits whoever is reading it.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party northwind "Northwind Traders Ltd." { … }
    /// party contoso "Contoso Retail GmbH" { … }
    ///
    /// sharing {
    ///   revenue: { northwind: 100% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: 100%, contoso: 0% }
    ///   costs: { northwind: 60%, contoso: 40% }
    /// }
    /// ```
    pub PartyWithoutShare {
        name: "party-without-share",
        severity: Error,
        group: Consistency,
        summary: "a share map leaves a party out",
    }
}

/// The parties other parts of the agreement can name: those with an id, each id once (a
/// second party with the same id is a `duplicate-id`; references all go to the first).
/// The parties that some unresolved reference among `refs` was probably meant to name (the
/// "did you mean" of its own report): a rule about that party stays silent, since fixing the
/// typo is what is needed.
pub(super) fn meant_parties<'a>(
    a: &Agreement,
    refs: impl IntoIterator<Item = &'a Ref>,
) -> Vec<usize> {
    refs.into_iter()
        .filter(|r| r.target == Target::Unresolved)
        .filter_map(|r| did_you_mean(&r.id, a.parties.iter().map(|p| p.id.value.as_str())))
        .filter_map(|id| a.party_index(id))
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let named = a.named_parties();
    for m in share_maps(a) {
        let meant = meant_parties(a, m.map.entries.iter().map(|e| &e.party));
        let shares = m.map.by_party(a.parties.len());
        // A side takes one share: a party whose side-mate has one is covered by it.
        let present: Vec<bool> = (0..a.parties.len())
            .map(|i| {
                shares.get(i).is_some_and(Option::is_some)
                    || m.map.held().iter().any(|r| r.party() == Some(i))
            })
            .collect();
        let present = a.by_side(&present);
        for &(i, party) in &named {
            if present.get(i).copied().unwrap_or(false) || meant.contains(&i) {
                continue;
            }
            let id = &party.id.value;
            out.push(
                finding(
                    &PartyWithoutShare::META,
                    m.map.span,
                    format!("`{id}` has no share of {}", m.of),
                )
                .with_help(format!(
                    "add `{id}: …%` to `{}`; write `{id}: 0%` if it takes no share",
                    m.key
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(body: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  model: joint_venture\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n{body}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "party-without-share")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_side_takes_one_share() {
        let body = "sharing { revenue: { a: 100% }  costs: { a: 100% } }";
        assert_eq!(findings(body).len(), 2);
        let sided = format!("{body}\n  side group \"The group\" {{ parties: [a, b] }}");
        assert!(findings(&sided).is_empty());
    }

    #[test]
    fn every_map_names_what_is_missing() {
        assert_eq!(
            findings(
                "sharing { revenue: { a: 100% }  costs: { b: 100% } }\n\
                 entity jv \"JV\" { ownership: { a: 100% } }\n\
                 liability { joint_pool: USD 1  pool_shares: { b: 100% } }"
            ),
            [
                "`b` has no share of revenue",
                "`a` has no share of costs",
                "`b` has no share of the joint venture's ownership",
                "`a` has no share of the joint liability pool",
            ]
        );
    }

    #[test]
    fn zero_is_a_share() {
        assert!(
            findings("sharing { revenue: { a: 100%, b: 0% }  costs: { a: 50%, b: 50% } }")
                .is_empty()
        );
    }

    #[test]
    fn a_misspelt_party_is_reported_once() {
        // `bb` is reported by share-for-unknown-party, with "did you mean `b`?".
        assert!(
            findings("sharing { revenue: { a: 50%, bb: 50% }  costs: { a: 50%, b: 50% } }")
                .is_empty()
        );
    }

    #[test]
    fn a_duplicated_party_is_not_a_second_party() {
        let text = "agreement \"A\" {\n  party a \"A\" {}\n  party a \"A again\" {}\n  sharing { revenue: { a: 100% } }\n}\n";
        assert!(check_text(text, &Default::default())
            .iter()
            .all(|d| d.rule != "party-without-share"));
    }
}
