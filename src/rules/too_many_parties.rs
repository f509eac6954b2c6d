use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The number of parties against the model: more than 5 in a contractual or equity
    /// alliance, or more than 3 in a joint venture, is reported at the first party over
    /// the limit. Silent when the model is missing.
    ///
    /// ## Why it matters
    ///
    /// Every additional partner adds interfaces, votes and interests to reconcile. The
    /// practice material finds three to five partners manageable in a contractual
    /// coalition and two or three typical for a joint venture; beyond five, a formal
    /// consortium with its own management team is usually needed, and partners should be
    /// added only when they bring a unique, critical capability (“Beyond the Handshake”). A larger group can work, but it needs that extra structure.
    ///
    /// ## Example
    ///
    /// ```charter
    /// model: joint_venture
    /// party alpha "Alpha Ltd" { jurisdiction: "England and Wales" }
    /// party beta "Beta GmbH" { jurisdiction: "Germany" }
    /// party gamma "Gamma S.A." { jurisdiction: "France" }
    /// party delta "Delta B.V." { jurisdiction: "Netherlands" }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// model: joint_venture
    /// party alpha "Alpha Ltd" { jurisdiction: "England and Wales" }
    /// party beta "Beta GmbH" { jurisdiction: "Germany" }
    /// party gamma "Gamma S.A." { jurisdiction: "France" }
    /// ```
    pub TooManyParties {
        name: "too-many-parties",
        severity: Warning,
        group: Practice,
        summary: "more parties than the model handles well",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(model) = &a.model else {
        return;
    };
    // Parties on one declared side count once.
    let sides = a.side_keys();
    let count = a.side_count();
    let noun = if a.sides.is_empty() {
        "parties"
    } else {
        "sides"
    };
    let (limit, message, help) = match model.value {
        Model::Contractual | Model::Equity => (
            5,
            format!(
                "this {} alliance has {count} {noun}, more than the 5 that stay manageable",
                if model.value == Model::Equity { "equity" } else { "contractual" },
            ),
            "keep only the parties that bring a unique, critical capability, or set the alliance up as a consortium with its own management team",
        ),
        Model::JointVenture => (
            3,
            format!(
                "this joint venture has {count} {}, more than the usual 2 or 3",
                if a.sides.is_empty() { "parents" } else { "sides" }
            ),
            "keep only the parents the venture needs; others can work with the venture under a contract",
        ),
    };
    if count <= limit {
        return;
    }
    // The party that brings the count over the limit.
    let mut seen = std::collections::HashSet::new();
    let Some(first_extra) = a.parties.iter().zip(&sides).find_map(|(p, k)| {
        seen.insert(*k);
        (seen.len() > limit).then_some(p)
    }) else {
        return;
    };
    out.push(
        finding(&TooManyParties::META, first_extra.id.span, message)
            .with_label(model.span, "the model is set here")
            .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    const FAIL: &str = include_str!("../../tests/fixtures/rules/too-many-parties/fail.charter");
    const PASS: &str = include_str!("../../tests/fixtures/rules/too-many-parties/pass.charter");
    const JV: &str =
        include_str!("../../tests/fixtures/rules/no-independent-directors/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "too-many-parties")
            .map(|d| d.message)
            .collect()
    }

    fn with_parties(text: &str, ids: &[&str]) -> String {
        let at = text.find("  entity ").unwrap_or_default();
        assert!(at > 0);
        let blocks: String = ids
            .iter()
            .map(|id| format!("  party {id} \"{id} Ltd\" {{ jurisdiction: \"India\" }}\n\n"))
            .collect();
        format!("{}{blocks}{}", &text[..at], &text[at..])
    }

    #[test]
    fn five_parties_are_fine_and_six_are_too_many() {
        assert!(reported(PASS).is_empty());
        assert_eq!(
            reported(FAIL),
            ["this contractual alliance has 6 parties, more than the 5 that stay manageable"]
        );
        let equity = FAIL.replacen("model: contractual", "model: equity", 1);
        assert_eq!(
            reported(&equity),
            ["this equity alliance has 6 parties, more than the 5 that stay manageable"]
        );
    }

    #[test]
    fn parties_on_one_side_count_once() {
        let first = FAIL.find("  party ").unwrap_or_default();
        let ids: Vec<&str> = FAIL
            .match_indices("  party ")
            .filter_map(|(i, _)| FAIL[i + 8..].split_whitespace().next())
            .collect();
        assert!(first > 0 && ids.len() == 6, "{ids:?}");
        let side = format!(
            "  side group \"One group\" {{ parties: [{}, {}] }}\n\n",
            ids[0], ids[1]
        );
        let sided = format!("{}{side}{}", &FAIL[..first], &FAIL[first..]);
        assert!(reported(&sided).is_empty(), "{:?}", reported(&sided));
    }

    #[test]
    fn a_joint_venture_has_at_most_three_parents() {
        assert!(reported(JV).is_empty());
        assert!(reported(&with_parties(JV, &["reliance"])).is_empty());
        assert_eq!(
            reported(&with_parties(JV, &["reliance", "mahindra"])),
            ["this joint venture has 4 parents, more than the usual 2 or 3"]
        );
    }
}
