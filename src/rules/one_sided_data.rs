use crate::diagnostic::Diagnostic;
use crate::model::DataAccess;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// `metrics.data_access`: it is reported when it names a single party instead of
    /// `shared`.
    ///
    /// ## Why it matters
    ///
    /// Metrics decide whether the alliance is working, whether a party is pulling its
    /// weight and, often, whether someone may leave. If one party holds the figures, the
    /// other must take its word for them. The practice material asks that both parties
    /// have access to the same data, warning that when one partner controls it the other
    /// may feel disadvantaged and trust erodes (“Beyond the Handshake”).
    ///
    /// ## Example
    ///
    /// ```charter
    /// metrics {
    ///   data_access: northwind
    ///   metric joint_revenue "Revenue" { kind: quantitative  target: >= USD 5,000,000  owner: joint }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// metrics {
    ///   data_access: shared
    ///   metric joint_revenue "Revenue" { kind: quantitative  target: >= USD 5,000,000  owner: joint }
    /// }
    /// ```
    pub OneSidedData {
        name: "one-sided-data",
        severity: Warning,
        group: Practice,
        summary: "only one party has access to the metrics data",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(metrics) = &cx.agreement.metrics else {
        return;
    };
    let Some(DataAccess::Party(party)) = &metrics.data_access else {
        return;
    };
    // An id that names no party has been reported already.
    if party.party().is_none() {
        return;
    }
    out.push(
        finding(
            &OneSidedData::META,
            party.span,
            format!(
                "only `{}` has access to the data behind the metrics",
                party.id
            ),
        )
        .with_help("use `data_access: shared`, so that every party works from the same figures"),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/one-sided-data/pass.charter");

    fn reported(access: &str) -> Vec<String> {
        assert!(PASS.contains("data_access: shared"));
        let text = PASS.replacen("data_access: shared", &format!("data_access: {access}"), 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "one-sided-data")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn shared_data_is_fine() {
        assert!(reported("shared").is_empty());
    }

    #[test]
    fn a_single_party_is_reported() {
        assert_eq!(
            reported("contoso"),
            ["only `contoso` has access to the data behind the metrics"]
        );
    }

    #[test]
    fn an_unknown_party_is_left_to_unknown_reference() {
        assert!(reported("contosso").is_empty());
    }
}
