use crate::diagnostic::Diagnostic;
use crate::model::PartyMap;
use crate::rules::{finding, keyword_span, Context};
use crate::span::{Span, Spanned};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The size of every committee and of a joint venture's board: the sum of its `seats`
    /// plus `independent`. More than 11 seats is reported.
    ///
    /// ## Why it matters
    ///
    /// Large bodies meet less easily, debate longer and decide more slowly. The practice
    /// material tells of a joint venture that ended up with a board of 28, all from the two
    /// parents, mired in long meetings and trying to control every decision (McKinsey, “Partners in Profit: Creating Successful Business Alliances”); the parents cut it to 11 members and handed detailed work to
    /// committees, after which both the board and the operating team worked far better
    /// (McKinsey, “Partners in Profit: Creating Successful Business Alliances”). Charter takes that 11 as its upper limit.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 6, contoso: 6 }
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 3, contoso: 3 }
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    pub BoardTooLarge {
        name: "board-too-large",
        severity: Warning,
        group: Practice,
        summary: "a committee or board with more than 11 seats",
    }
}

const LIMIT: u32 = 11;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    for committee in a.committees() {
        report(
            out,
            format!("committee `{}`", committee.id.value),
            committee.total_seats(),
            committee.seats.as_ref(),
            committee.independent.as_ref(),
            committee
                .seats
                .as_ref()
                .map_or(committee.id.span, |s| s.span),
        );
    }
    if let Some(entity) = &a.entity {
        if let Some(board) = &entity.board {
            report(
                out,
                format!("the board of `{}`", entity.id.value),
                board.total_seats(),
                board.seats.as_ref(),
                board.independent.as_ref(),
                board
                    .seats
                    .as_ref()
                    .map_or(keyword_span(board.span, "board"), |s| s.span),
            );
        }
    }
}

fn report(
    out: &mut Vec<Diagnostic>,
    what: String,
    total: Decimal,
    seats: Option<&PartyMap<Decimal>>,
    independent: Option<&Spanned<Decimal>>,
    span: Span,
) {
    if total <= Decimal::from(LIMIT) {
        return;
    }
    let parties = seats.map_or(Decimal::ZERO, |m| {
        m.entries
            .iter()
            .fold(Decimal::ZERO, |sum, e| sum.saturating_add(e.value))
    });
    let independent = independent.map_or(Decimal::ZERO, |i| i.value);
    let detail = if independent > Decimal::ZERO {
        format!(
            " ({} for the parties and {} independent)",
            parties.normalize(),
            independent.normalize()
        )
    } else {
        String::new()
    };
    out.push(
        finding(
            &BoardTooLarge::META,
            span,
            format!(
                "{what} has {} seats{detail}, more than {LIMIT}",
                total.normalize()
            ),
        )
        .with_help(format!(
            "reduce it to {LIMIT} seats or fewer, and give detailed work to smaller committees that report to it"
        )),
    );
}

#[cfg(test)]
mod tests {
    const PASS: &str = include_str!("../../tests/fixtures/rules/board-too-large/pass.charter");
    const JV: &str =
        include_str!("../../tests/fixtures/rules/no-independent-directors/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "board-too-large")
            .map(|d| d.message)
            .collect()
    }

    fn edit(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    }

    #[test]
    fn eleven_seats_with_independents_are_fine() {
        assert!(reported(PASS).is_empty());
    }

    #[test]
    fn independent_seats_count() {
        let text = edit(PASS, "independent: 1", "independent: 2");
        assert_eq!(
            reported(&text),
            ["committee `steering` has 12 seats (10 for the parties and 2 independent), more than 11"]
        );
    }

    #[test]
    fn absurd_seat_counts_do_not_panic() {
        let huge = "70000000000000000000000000000";
        let text = edit(
            PASS,
            "seats: { northwind: 5, contoso: 5 }",
            &format!("seats: {{ northwind: {huge}, contoso: {huge} }}"),
        );
        assert_eq!(reported(&text).len(), 1);
    }

    #[test]
    fn a_joint_venture_board_is_checked_too() {
        assert!(reported(JV).is_empty());
        let text = edit(
            JV,
            "seats: { starbucks: 4, tata: 4 }",
            "seats: { starbucks: 5, tata: 5 }",
        );
        assert_eq!(
            reported(&text),
            ["the board of `tata_starbucks` has 12 seats (10 for the parties and 2 independent), more than 11"]
        );
    }
}
