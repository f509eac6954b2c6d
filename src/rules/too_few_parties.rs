use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the agreement has at least two `party` blocks.
    ///
    /// ## Why it matters
    ///
    /// An alliance is, by definition, two or more parties signing up to work together
    /// (“Beyond the Handshake”). With a single party there is nobody to owe the
    /// contributions, share the revenue or sit on the committees, and every other clause
    /// loses its counterpart. Usually the second party's block was left out of the draft, or
    /// it was deleted while the agreement was being reworked.
    ///
    /// ## Example
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   party northwind "Northwind Traders Ltd." { … }
    ///   …
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// agreement "Loyalty Data Alliance" {
    ///   party northwind "Northwind Traders Ltd." { … }
    ///   party contoso "Contoso Retail GmbH" { … }
    ///   …
    /// }
    /// ```
    pub TooFewParties {
        name: "too-few-parties",
        severity: Error,
        group: Consistency,
        summary: "fewer than two parties",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let message = match a.parties.as_slice() {
        [] => "the agreement names no party; an alliance needs at least two".to_string(),
        [only] if only.id.value.is_empty() => {
            "the agreement names only one party; an alliance needs at least two".to_string()
        }
        [only] => format!(
            "the agreement names only one party, `{}`; an alliance needs at least two",
            only.id.value
        ),
        _ => return,
    };
    out.push(finding(&TooFewParties::META, a.head, message).with_help(
        "add a `party id \"Legal name\" { … }` block for every other party to the alliance",
    ));
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn messages(text: &str) -> Vec<String> {
        check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "too-few-parties")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn counts_party_blocks() {
        assert_eq!(
            messages("agreement \"A\" {}\n"),
            ["the agreement names no party; an alliance needs at least two"]
        );
        assert_eq!(
            messages("agreement \"A\" { party a \"A\" {} }\n"),
            ["the agreement names only one party, `a`; an alliance needs at least two"]
        );
        assert!(messages("agreement \"A\" { party a \"A\" {} party b \"B\" {} }\n").is_empty());
    }

    #[test]
    fn a_repeated_id_is_reported_as_a_duplicate_not_as_too_few() {
        assert!(messages("agreement \"A\" { party a \"A\" {} party a \"B\" {} }\n").is_empty());
    }
}
