use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::Target;
use crate::rules::shares_not_100::share_maps;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every entry of a map of shares — `sharing.revenue`, `sharing.costs`, the joint
    /// venture's `ownership` and the liability `pool_shares` — names a party of the agreement
    /// by its id.
    ///
    /// ## Why it matters
    ///
    /// The value an alliance creates is shared among its partners, and how is one of the
    /// things to settle early (BCG, “Unleashing the Innovation Power of Alliances”). A share given to a name that is
    /// not a party — usually a misspelt id, sometimes an affiliate or a former partner — is a
    /// promise to someone who has not signed, and it leaves the real party's share unstated.
    /// Only the parties can be bound by the split.
    ///
    /// ## Example
    ///
    /// ```charter
    /// party northwind "Northwind Traders Ltd." { … }
    /// party contoso "Contoso Retail GmbH" { … }
    ///
    /// sharing {
    ///   revenue: { northwind: 55%, contosso: 45% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: 55%, contoso: 45% }
    /// }
    /// ```
    pub ShareForUnknownParty {
        name: "share-for-unknown-party",
        severity: Error,
        group: Consistency,
        summary: "a share map names someone who is not a party",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let ids: Vec<&str> = a
        .named_parties()
        .into_iter()
        .map(|(_, p)| p.id.value.as_str())
        .collect();
    for m in share_maps(a) {
        for party in m.map.entries.iter().map(|e| &e.party).chain(m.map.held()) {
            if party.target != Target::Unresolved {
                continue;
            }
            let help = match did_you_mean(&party.id, ids.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None if ids.is_empty() => "shares go to the parties: add a `party` block for each party".into(),
                None => format!(
                    "shares go to the parties, whose ids are: {}; add a `party` block if `{}` is to take part",
                    ids.join(", "),
                    party.id
                ),
            };
            out.push(
                finding(
                    &ShareForUnknownParty::META,
                    party.span,
                    format!(
                        "`{}` gives a share to `{}`, which is not a party",
                        m.key, party.id
                    ),
                )
                .with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(text: &str) -> Vec<(String, String, String)> {
        check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "share-for-unknown-party")
            .map(|d| {
                (
                    text[d.span.range()].to_string(),
                    d.message,
                    d.help.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn suggests_the_closest_party() {
        let text = "agreement \"A\" {\n  party northwind \"N\" {}\n  party contoso \"C\" {}\n  sharing { revenue: { northwind: 55%, contosso: 45% } }\n}\n";
        assert_eq!(
            findings(text),
            [(
                "contosso".to_string(),
                "`revenue` gives a share to `contosso`, which is not a party".to_string(),
                "did you mean `contoso`?".to_string()
            )]
        );
    }

    #[test]
    fn a_committee_is_not_a_party() {
        let text = "agreement \"A\" {\n  party a \"A\" {}\n  governance { committee steering \"S\" {} }\n  liability { joint_pool: USD 1  pool_shares: { a: 50%, steering: 50% } }\n}\n";
        let found = findings(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            "`pool_shares` gives a share to `steering`, which is not a party"
        );
        assert!(found[0].2.contains("whose ids are: a"));
    }
}
