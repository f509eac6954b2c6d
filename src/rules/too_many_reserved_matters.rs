use crate::diagnostic::Diagnostic;
use crate::model::SpecialMajority;
use crate::rules::{finding, keyword_span, Context};
use crate::span::Span;

/// More matters than this, each needing every party's consent, and one party can stop the
/// ordinary business. Charter's threshold.
const LIMIT: usize = 10;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The reserved matters — the decisions each party can veto: the `matters` of
    /// `governance.reserved_matters` when they are decided by consensus or unanimously, and the
    /// `reserved` matters of a joint venture's `board` (a veto for each parent, unless
    /// `reserved_decides` sets a majority short of unanimity), with each `matter "…"` whose own
    /// majority needs every vote. It is reported when either place has more than 10, and says
    /// how many.
    ///
    /// ## Why it matters
    ///
    /// A veto on a few decisions protects each partner; a veto on many lets one partner stop
    /// the business. The practice material gives the board of a joint venture certain veto
    /// rights, "especially on capital allocation and key executive appointment", and
    /// otherwise has it track performance and intervene when metrics are missed; it warns
    /// against a joint venture run "like a kids' soccer team where everyone wants to be
    /// involved in all the decisions"
    /// (McKinsey, “Partners in Profit: Creating Successful Business Alliances”).
    /// The threshold of 10 is Charter's: past it, ordinary operating decisions are usually
    /// on the list.
    ///
    /// ## Example
    ///
    /// ```charter
    /// reserved_matters {
    ///   matters: ["Annual budget", "Hiring above director level", "Any contract over USD 50,000", "Pricing changes", "Opening a store", "Closing a store", "Marketing campaigns", "IT systems", "Supplier changes", "Office moves", "Bank accounts"]
    ///   decides: unanimous
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// reserved_matters {
    ///   matters: ["Annual budget", "Appointing the chief executive", "Admitting a new party", "Selling the business"]
    ///   decides: unanimous
    /// }
    /// ```
    pub TooManyReservedMatters {
        name: "too-many-reserved-matters",
        severity: Warning,
        group: Practice,
        summary: "so many reserved matters that one party can block the ordinary business",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    if let Some(rm) = a
        .governance
        .as_ref()
        .and_then(|g| g.reserved_matters.as_ref())
    {
        let listed = rm.decides.as_ref().is_some_and(|d| d.value.is_veto());
        report(
            out,
            vetoes(listed.then_some(rm.matters.len()), &rm.special),
            keyword_span(rm.span, "reserved_matters"),
            "reserved matters",
        );
    }
    if let Some(board) = a.entity.as_ref().and_then(|e| e.board.as_ref()) {
        // Without `reserved_decides`, each parent has a veto over the reserved matters.
        let listed = board
            .reserved_decides
            .as_ref()
            .is_none_or(|d| d.value.is_veto());
        let at = board
            .reserved
            .first()
            .or_else(|| board.special.first().map(|s| &s.matter))
            .map_or_else(|| keyword_span(board.span, "board"), |m| m.span);
        report(
            out,
            vetoes(listed.then_some(board.reserved.len()), &board.special),
            at,
            "matters reserved to the parents on the board",
        );
    }
}

/// The matters that need every vote: the listed ones when their rule does, and each matter with
/// a majority of its own that does.
fn vetoes(listed: Option<usize>, special: &[SpecialMajority]) -> usize {
    let own = special
        .iter()
        .filter(|s| s.decides.as_ref().is_some_and(|d| d.value.is_veto()))
        .count();
    listed.unwrap_or(0) + own
}

fn report(out: &mut Vec<Diagnostic>, count: usize, at: Span, what: &str) {
    if count <= LIMIT {
        return;
    }
    out.push(
        finding(
            &TooManyReservedMatters::META,
            at,
            format!(
                "there are {count} {what}, each needing every party's consent: with more than {LIMIT}, one party can block the ordinary business"
            ),
        )
        .with_help(
            "keep the veto for the decisions that change the deal (budget, key appointments, new parties, selling the business) and leave the rest to a majority or to management",
        ),
    );
}

#[cfg(test)]
mod tests {
    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/too-many-reserved-matters/fail.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "too-many-reserved-matters")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_majority_is_no_veto() {
        assert_eq!(
            reported(FAIL),
            ["there are 12 reserved matters, each needing every party's consent: with more than 10, one party can block the ordinary business"]
        );
        let rule = "      decides: unanimous\n    }\n    scope_change";
        assert!(FAIL.contains(rule));
        let majority = FAIL.replacen(rule, "      decides: majority\n    }\n    scope_change", 1);
        assert!(reported(&majority).is_empty());
    }

    #[test]
    fn a_matter_with_its_own_veto_counts() {
        let rule = "      decides: unanimous\n    }\n    scope_change";
        // Under a majority, the listed matters carry no veto; a matter that needs every vote does.
        let one = |decides: &str| {
            FAIL.replacen(
                rule,
                &format!("      decides: 2/3\n      matter \"Selling the business\" {{ decides: {decides} }}\n    }}\n    scope_change"),
                1,
            )
        };
        assert!(reported(&one("unanimous")).is_empty());
        // Twelve listed under unanimity, one more by its own 100%: thirteen vetoes.
        let all = FAIL.replacen(
            rule,
            "      decides: unanimous\n      matter \"Selling the business\" { decides: 100% }\n      matter \"Issuing shares\" { decides: 75% }\n    }\n    scope_change",
            1,
        );
        assert_eq!(
            reported(&all),
            ["there are 13 reserved matters, each needing every party's consent: with more than 10, one party can block the ordinary business"]
        );
    }
}
