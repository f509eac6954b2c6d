use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `non_compete` covenant: it is reported when it has no `territory`. This rule
    /// replaces the `missing-recommended` warning for that key.
    ///
    /// ## Why it matters
    ///
    /// A non-compete should say where it applies as well as what it covers. Without a
    /// territory it reads as a worldwide ban, which is often more than the alliance needs
    /// and, under common enforceability practice, a reason for a court to refuse to enforce
    /// it. The practice material does not discuss non-competes as such, but it does warn
    /// that an alliance with a competitor needs clear boundaries, or what the partner learns
    /// may make it a stronger rival (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal); a territory is one of
    /// those boundaries.
    ///
    /// ## Example
    ///
    /// ```charter
    /// non_compete {
    ///   binds: all
    ///   scope: "Selling loyalty analytics to retailers"
    ///   after_exit: 1 year
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// non_compete {
    ///   binds: all
    ///   scope: "Selling loyalty analytics to retailers"
    ///   territory: "The EU and the UK"
    ///   after_exit: 1 year
    /// }
    /// ```
    pub RestraintWithoutScope {
        name: "restraint-without-scope",
        severity: Warning,
        group: Practice,
        summary: "a non-compete without a territory",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(non_compete) = cx
        .agreement
        .covenants
        .as_ref()
        .and_then(|c| c.non_compete.as_ref())
    else {
        return;
    };
    if non_compete.territory.is_some() || cx.agreement.unreadable_in("territory", non_compete.span)
    {
        return;
    }
    out.push(
        finding(
            &RestraintWithoutScope::META,
            keyword_span(non_compete.span, "non_compete"),
            "the non-compete does not say where it applies: it has no `territory`",
        )
        .with_help(
            "add `territory: \"…\"` naming the countries or regions it covers; a non-compete without one may be too broad to enforce",
        ),
    );
}

#[cfg(test)]
mod tests {
    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/restraint-without-scope/fail.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "restraint-without-scope" || d.rule.starts_with("missing-"))
            .map(|d| format!("{}: {}", d.rule, d.message))
            .collect()
    }

    #[test]
    fn reported_once_instead_of_missing_recommended() {
        assert_eq!(
            reported(FAIL),
            ["restraint-without-scope: the non-compete does not say where it applies: it has no `territory`"]
        );
    }

    #[test]
    fn exclusivity_needs_no_territory() {
        let from = "    non_compete {";
        assert!(FAIL.contains(from));
        let text = FAIL.replacen(from, "    exclusivity {", 1);
        assert!(reported(&text).is_empty());
    }
}
