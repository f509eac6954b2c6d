use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// `covenants.assignment`: it is reported, at the agreement's title, when there is no
    /// assignment clause (a file with no `covenants` block has none).
    ///
    /// ## Why it matters
    ///
    /// An alliance is chosen partner by partner. Without an assignment clause, a party may
    /// be able to transfer its rights, and sometimes its place, to another company: a buyer
    /// of its business, or a competitor of the others. The practice material notes that
    /// when a partner has sold its interest to another organisation, the others must make
    /// sure the newcomer shares the alliance's vision and interest (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal), and warns that alliances with competitors need firm boundaries (“Strategic Alliances: The Right Way to Compete in the 21st Century”, Ivey Business Journal). Requiring consent to assignment keeps that choice with the parties.
    ///
    /// ## Example
    ///
    /// ```charter
    /// covenants {
    ///   non_disparagement { binds: all }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// covenants {
    ///   non_disparagement { binds: all }
    ///   assignment { consent_required: yes  exceptions: "Transfers to a wholly owned affiliate" }
    /// }
    /// ```
    pub NoAssignmentClause {
        name: "no-assignment-clause",
        severity: Info,
        group: Practice,
        summary: "no assignment clause: a party could assign the agreement to a competitor",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let help = match &a.covenants {
        Some(c) if c.assignment.is_some() => return,
        Some(_) => "add `assignment { consent_required: yes }` to `covenants`, so that no party can hand its place to another company, a competitor for example, without the others' consent",
        None => "add `covenants { assignment { consent_required: yes } }`, so that no party can hand its place to another company, a competitor for example, without the others' consent",
    };
    out.push(
        finding(
            &NoAssignmentClause::META,
            a.head,
            "the agreement does not say whether a party may assign it to another company",
        )
        .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/no-assignment-clause/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-assignment-clause")
            .filter_map(|d| d.help)
            .collect()
    }

    #[test]
    fn covenants_without_assignment() {
        assert!(reported(PASS).is_empty());
        let from = "    assignment { consent_required: yes }";
        assert!(PASS.contains(from));
        let text = PASS.replacen(from, "    non_disparagement { binds: all }", 1);
        let found = reported(&text);
        assert_eq!(found.len(), 1);
        assert!(found.iter().all(|h| h.starts_with("add `assignment {")));
    }

    #[test]
    fn consent_not_required_is_still_a_clause() {
        let from = "consent_required: yes";
        assert!(PASS.contains(from));
        assert!(reported(&PASS.replacen(from, "consent_required: no", 1)).is_empty());
    }
}
