use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That a committee's `quorum` is no larger than its seats: the sum of its `seats`
    /// values plus its `independent` members.
    ///
    /// ## Why it matters
    ///
    /// A committee whose quorum exceeds its seats can never meet validly, so it can never
    /// decide anything — every matter the agreement sends to it is stuck. The practice
    /// material wants the written rules of an alliance to keep it stable and to stop
    /// disagreements from ending in deadlock (a summary of a book on value alliances); an unreachable quorum builds
    /// a stalemate into the text. It usually appears when seats are cut during negotiation
    /// and the quorum is not lowered to match.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   quorum: 5
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 2, contoso: 2 }
    ///   quorum: 3
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    pub QuorumExceedsSeats {
        name: "quorum-exceeds-seats",
        severity: Error,
        group: Consistency,
        summary: "a committee's or a board's quorum is larger than its seats",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for committee in cx.agreement.committees() {
        let Some(quorum) = &committee.quorum else {
            continue;
        };
        // Without its seats the committee's size is not known (already reported).
        if committee.seats.is_none() {
            continue;
        }
        let seats = committee.total_seats();
        if quorum.value <= seats {
            continue;
        }
        let seats = seats.normalize();
        let noun = if seats == rust_decimal::Decimal::ONE {
            "seat"
        } else {
            "seats"
        };
        out.push(
            finding(
                &QuorumExceedsSeats::META,
                quorum.span,
                format!(
                    "committee `{}` has a quorum of {} but only {seats} {noun}, so it can never meet",
                    committee.id.value,
                    quorum.value.normalize()
                ),
            )
            .with_help(format!("lower the quorum to at most {seats}, or add seats")),
        );
    }
    // The board of a joint-venture company: its seats and independent directors.
    let Some(entity) = &cx.agreement.entity else {
        return;
    };
    let Some(board) = &entity.board else { return };
    let (Some(quorum), Some(_)) = (&board.quorum, &board.seats) else {
        return;
    };
    let seats = board.total_seats();
    if quorum.value <= seats {
        return;
    }
    out.push(
        finding(
            &QuorumExceedsSeats::META,
            quorum.span,
            format!(
                "the board of `{}` has a quorum of {} but only {} {}, so it can never meet",
                entity.id.value,
                quorum.value.normalize(),
                seats.normalize(),
                if seats == rust_decimal::Decimal::ONE {
                    "seat"
                } else {
                    "seats"
                }
            ),
        )
        .with_help(format!(
            "lower the quorum to at most {}, or add seats",
            seats.normalize()
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn messages(committee: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n  governance {{ committee s \"S\" {{ {committee} }} }}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "quorum-exceeds-seats")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn independent_members_count_as_seats() {
        assert!(messages("seats: { a: 2, b: 2 }  quorum: 4").is_empty());
        assert!(messages("seats: { a: 2, b: 2 }  independent: 1  quorum: 5").is_empty());
        assert_eq!(
            messages("seats: { a: 2, b: 2 }  quorum: 5"),
            ["committee `s` has a quorum of 5 but only 4 seats, so it can never meet"]
        );
    }

    #[test]
    fn silent_without_seats() {
        assert!(messages("quorum: 5").is_empty());
    }

    #[test]
    fn absurd_seat_counts_do_not_panic() {
        let huge = "79228162514264337593543950335";
        assert!(messages(&format!(
            "seats: {{ a: {huge}, b: {huge} }}  independent: {huge}  quorum: 5"
        ))
        .is_empty());
    }

    #[test]
    fn a_joint_venture_board_counts_too() {
        let board = |quorum: &str| {
            let text = format!(
                "agreement \"A\" {{\n  model: joint_venture\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n  entity v \"V\" {{ board {{ seats: {{ a: 2, b: 2 }}  independent: 1  decides: majority  quorum: {quorum} }} }}\n}}\n"
            );
            check_text(&text, &Default::default())
                .into_iter()
                .filter(|d| d.rule == "quorum-exceeds-seats")
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        assert!(board("5").is_empty());
        assert_eq!(
            board("6"),
            ["the board of `v` has a quorum of 6 but only 5 seats, so it can never meet"]
        );
    }
}
