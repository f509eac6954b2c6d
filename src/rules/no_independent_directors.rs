use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `board` of a joint venture's `entity`: it is reported when it has no
    /// `independent` seats, or `independent: 0`.
    ///
    /// ## Why it matters
    ///
    /// A joint venture's board decides for a company of its own, not for either parent.
    /// The practice material recommends independent board members in joint ventures: the
    /// board should not be made up only of executives from the partners, and independent
    /// directors can bring the capabilities the venture needs (McKinsey, “Partners in Profit: Creating Successful Business Alliances”). A board made only of the parents' people tends to replay the parents'
    /// differences, as in the joint venture whose board of 28, all from the parents, tried
    /// to control every decision (McKinsey, “Partners in Profit: Creating Successful Business Alliances”).
    ///
    /// ## Example
    ///
    /// ```charter
    /// board {
    ///   seats: { starbucks: 4, tata: 4 }
    ///   decides: majority
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// board {
    ///   seats: { starbucks: 4, tata: 4 }
    ///   independent: 2
    ///   decides: majority
    /// }
    /// ```
    pub NoIndependentDirectors {
        name: "no-independent-directors",
        severity: Info,
        group: Practice,
        summary: "a joint-venture board with no independent members",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(entity) = &cx.agreement.entity else {
        return;
    };
    let Some(board) = &entity.board else {
        return;
    };
    let span = match &board.independent {
        Some(independent) if independent.value > Decimal::ZERO => return,
        Some(independent) => independent.span,
        None => keyword_span(board.span, "board"),
    };
    out.push(
        finding(
            &NoIndependentDirectors::META,
            span,
            format!(
                "the board of `{}` has no independent directors: every seat goes to a parent",
                entity.id.value
            ),
        )
        .with_help(
            "add `independent: 2` (or the number agreed): directors from outside the parents bring skills the venture needs and a view of its own interest",
        ),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str =
        include_str!("../../tests/fixtures/rules/no-independent-directors/pass.charter");

    fn reported(independent: Option<&str>) -> Vec<String> {
        let from = "      independent: 2\n";
        assert!(PASS.contains(from));
        let to = independent.map_or(String::new(), |n| format!("      independent: {n}\n"));
        let text = PASS.replacen(from, &to, 1);
        crate::check::check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "no-independent-directors")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn one_independent_director_is_enough() {
        assert!(reported(Some("1")).is_empty());
    }

    #[test]
    fn none_or_zero_is_reported() {
        let expected =
            ["the board of `tata_starbucks` has no independent directors: every seat goes to a parent"];
        assert_eq!(reported(None), expected);
        assert_eq!(reported(Some("0")), expected);
    }
}
