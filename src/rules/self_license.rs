use crate::diagnostic::Diagnostic;
use crate::model::Grantee;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That no `license` in the `ip` block is granted by a party to itself: its `grantee`
    /// must be another party, or `all` (every other party).
    ///
    /// ## Why it matters
    ///
    /// Licences are how an alliance agreement lets one partner use another's IP, during the
    /// alliance and — as the practice material asks to be settled — after it ends (“Beyond the Handshake”). A party already owns the rights it would be licensing to itself,
    /// so such a licence grants nothing; what it almost always means is that the grantor and
    /// the grantee were confused, or the wrong id was copied in. The party that was meant to
    /// receive the rights is then left without them.
    ///
    /// ## Example
    ///
    /// ```charter
    /// license "Analytics engine" {
    ///   grantor: northwind
    ///   grantee: northwind
    ///   scope: "Use of the engine to serve alliance customers"
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// license "Analytics engine" {
    ///   grantor: northwind
    ///   grantee: contoso
    ///   scope: "Use of the engine to serve alliance customers"
    /// }
    /// ```
    pub SelfLicense {
        name: "self-license",
        severity: Error,
        group: Consistency,
        summary: "a licence's grantor is also its grantee",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(ip) = &cx.agreement.ip else {
        return;
    };
    for licence in &ip.licenses {
        let (Some(grantor), Some(Grantee::Party(grantee))) = (&licence.grantor, &licence.grantee)
        else {
            continue;
        };
        if grantor.party().is_none() || grantor.party() != grantee.party() {
            continue;
        }
        out.push(
            finding(
                &SelfLicense::META,
                grantee.span,
                format!(
                    "licence \"{}\" is granted by `{}` to itself",
                    licence.title.value, grantor.id
                ),
            )
            .with_help("name as `grantee` the party that receives the licence, or `all` for every other party"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn messages(licence: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n  ip {{ license \"L\" {{ {licence} }} }}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "self-license")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn grantor_and_grantee_differ() {
        assert_eq!(
            messages("grantor: a  grantee: a"),
            ["licence \"L\" is granted by `a` to itself"]
        );
        assert!(messages("grantor: a  grantee: b").is_empty());
        assert!(messages("grantor: a  grantee: all").is_empty());
        // Unknown ids are reported as unknown references.
        assert!(messages("grantor: x  grantee: x").is_empty());
    }
}
