use crate::diagnostic::Diagnostic;
use crate::rules::party_without_share::meant_parties;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the `contributions` block has a `from` block for every party, and that each
    /// `from` block lists at least one `resource` or `deliverable`.
    ///
    /// ## Why it matters
    ///
    /// Uneven contribution is one of the classic ways alliances fail: one side ends up doing
    /// the work and paying the bills while the other coasts, most often because the contract
    /// never said what each was to bring. The remedy the practice material gives is to write
    /// each party's resources, deliverables and timelines into the agreement itself (“Beyond the Handshake”), so that each side can be held to what it promised to bring (Sanders, “The Ten Stages of Successful Strategic Alliances”, INSEAD Knowledge). A party with no stated contribution has promised nothing that can be
    /// reviewed or enforced.
    ///
    /// ## Example
    ///
    /// ```charter
    /// contributions {
    ///   from northwind {
    ///     resource "Funding" { kind: cash  value: USD 1,200,000 }
    ///   }
    ///   from contoso { }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// contributions {
    ///   from northwind {
    ///     resource "Funding" { kind: cash  value: USD 1,200,000 }
    ///   }
    ///   from contoso {
    ///     resource "Anonymised transaction data" { kind: data }
    ///     deliverable "Pilot in 50 stores" { due: 2027-09-30 }
    ///   }
    /// }
    /// ```
    pub MissingContribution {
        name: "missing-contribution",
        severity: Error,
        group: Consistency,
        summary: "a party has no `from` block, or an empty one",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    // Without a contributions block, `missing-required` has already said so.
    let Some(contributions) = &a.contributions else {
        return;
    };
    let meant = meant_parties(a, contributions.from.iter().map(|f| &f.party));
    let mut has_from = vec![false; a.parties.len()];
    for f in &contributions.from {
        if let Some(slot) = f.party.party().and_then(|i| has_from.get_mut(i)) {
            *slot = true;
        }
    }
    // A side contributes as one: a parent whose subsidiary brings the resources need not.
    let has_from = a.by_side(&has_from);
    for (i, party) in a.named_parties() {
        if has_from.get(i).copied().unwrap_or(false) || meant.contains(&i) {
            continue;
        }
        let id = &party.id.value;
        out.push(
            finding(
                &MissingContribution::META,
                party.id.span,
                format!("`{id}` has no `from` block in contributions: what it brings to the alliance is not stated"),
            )
            .with_help(format!(
                "add `from {id} {{ … }}` to `contributions`, with the resources and deliverables `{id}` brings"
            )),
        );
    }
    for from in &contributions.from {
        if !from.resources.is_empty() || !from.deliverables.is_empty() {
            continue;
        }
        // `from contoso`: the head up to the party's id.
        let head = Span::new(from.span.start, from.party.span.end.max(from.span.start));
        let who = if from.party.id.is_empty() {
            "this `from` block".to_string()
        } else {
            format!("the `from` block of `{}`", from.party.id)
        };
        out.push(
            finding(
                &MissingContribution::META,
                head,
                format!("{who} lists no resource and no deliverable"),
            )
            .with_help(
                "say what the party brings: `resource \"Title\" { kind: … }` for money, people, IP or data, \
                 `deliverable \"Title\" { due: … }` for work it must hand over",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(contributions: &str) -> Vec<(String, String)> {
        let text = format!(
            "agreement \"A\" {{\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n{contributions}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "missing-contribution")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn a_party_without_a_from_block() {
        let found = findings("contributions { from a { deliverable \"D\" { due: 2027-01-01 } } }");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "b");
        assert!(found[0].1.starts_with("`b` has no `from` block"));
    }

    #[test]
    fn an_empty_from_block() {
        let found = findings(
            "contributions { from a { resource \"R\" { kind: staff } }\n from b { note: \"later\" } }",
        );
        assert_eq!(
            found,
            [(
                "from b".to_string(),
                "the `from` block of `b` lists no resource and no deliverable".to_string()
            )]
        );
    }

    #[test]
    fn silent_without_a_contributions_block_or_for_a_misspelt_party() {
        assert!(findings("").is_empty());
        // `bb` is an unknown reference with "did you mean `b`?"; `b` is not reported again.
        assert!(findings(
            "contributions { from a { resource \"R\" { kind: staff } }\n from bb { resource \"S\" { kind: staff } } }"
        )
        .is_empty());
    }
}
