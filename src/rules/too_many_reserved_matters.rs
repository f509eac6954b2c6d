use crate::diagnostic::Diagnostic;
use crate::model::Decision;
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
    /// `reserved_decides` sets a majority short of unanimity). It is reported when either
    /// list has more than 10, and says how many.
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
        let veto = matches!(
            rm.decides.as_ref().map(|d| &d.value),
            Some(Decision::Unanimous | Decision::Consensus)
        );
        if veto {
            report(
                out,
                rm.matters.len(),
                keyword_span(rm.span, "reserved_matters"),
                "reserved matters",
            );
        }
    }
    if let Some(board) = a.entity.as_ref().and_then(|e| e.board.as_ref()) {
        let veto = match board.reserved_decides.as_ref().map(|d| &d.value) {
            None | Some(Decision::Unanimous | Decision::Consensus) => true,
            Some(_) => false,
        };
        if veto {
            let at = board
                .reserved
                .first()
                .map_or_else(|| keyword_span(board.span, "board"), |m| m.span);
            report(
                out,
                board.reserved.len(),
                at,
                "matters reserved to the parents on the board",
            );
        }
    }
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
}
