use crate::diagnostic::Diagnostic;
use crate::model::{Model, PartyMap};
use crate::rules::party_without_share::meant_parties;
use crate::rules::{finding, Context};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That every party holds at least one seat (a seat count above 0) on some committee; in
    /// a joint venture, a seat on the entity's board also counts. Committees without a
    /// `seats` map are reported as missing it, and this rule then waits until they have one.
    ///
    /// ## Why it matters
    ///
    /// Practice calls for a steering committee on which every partner is represented
    /// (“Beyond the Handshake”), and for power within it to be allocated deliberately
    /// (BCG, “Unleashing the Innovation Power of Alliances”). A party with no seat has no say in the decisions the
    /// agreement leaves to its committees — budgets, scope changes, the annual review — and
    /// learns of them afterwards. If that is the deal, it should be a visible choice, not a
    /// gap in a seating table.
    ///
    /// ## Example
    ///
    /// ```charter
    /// committee steering "Alliance Steering Committee" {
    ///   seats: { northwind: 3 }
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
    ///   meets: quarterly
    ///   decides: majority
    /// }
    /// ```
    pub PartyWithoutSeat {
        name: "party-without-seat",
        severity: Error,
        group: Consistency,
        summary: "a party holds no seat on any committee (or, for a joint venture, on the board)",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let joint_venture = a
        .model
        .as_ref()
        .is_some_and(|m| m.value == Model::JointVenture);
    let board = a
        .entity
        .as_ref()
        .and_then(|e| e.board.as_ref())
        .filter(|_| joint_venture);
    if joint_venture && board.is_none() {
        // The board is missing (already reported): a seat there would count.
        return;
    }
    // Every body whose seats count, with its seating map when it has one.
    let bodies: Vec<Option<&PartyMap<Decimal>>> = a
        .committees()
        .iter()
        .map(|c| c.seats.as_ref())
        .chain(board.map(|b| b.seats.as_ref()))
        .collect();
    // No committee at all, or a seating map missing or unreadable: already reported, and
    // who sits where is not known yet.
    if bodies.is_empty() || bodies.iter().any(Option::is_none) {
        return;
    }
    let maps: Vec<&PartyMap<Decimal>> = bodies.into_iter().flatten().collect();
    let meant = meant_parties(
        a,
        maps.iter().flat_map(|m| m.entries.iter().map(|e| &e.party)),
    );
    let mut seated = vec![false; a.parties.len()];
    for m in &maps {
        for e in &m.entries {
            if e.value > Decimal::ZERO {
                if let Some(slot) = e.party.party().and_then(|i| seated.get_mut(i)) {
                    *slot = true;
                }
            }
        }
    }
    // A party on a side with a seated party is represented by it.
    let seated = a.by_side(&seated);
    for (i, party) in a.named_parties() {
        if seated.get(i).copied().unwrap_or(false) || meant.contains(&i) {
            continue;
        }
        let id = &party.id.value;
        let (message, help) = if board.is_some() {
            (
                format!("`{id}` holds no seat on the joint venture's board or on any committee"),
                format!("give `{id}` at least one seat in the board's `seats`, or on a committee"),
            )
        } else {
            let example = a
                .committees()
                .first()
                .map(|c| {
                    format!(
                        " (for example in the `seats` of committee `{}`)",
                        c.id.value
                    )
                })
                .unwrap_or_default();
            (
                format!("`{id}` holds no seat on any committee"),
                format!("give `{id}` at least one seat on a committee{example}"),
            )
        };
        out.push(finding(&PartyWithoutSeat::META, party.id.span, message).with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(model: &str, body: &str) -> Vec<String> {
        let text = format!(
            "agreement \"A\" {{\n  model: {model}\n  party a \"A\" {{}}\n  party b \"B\" {{}}\n{body}\n}}\n"
        );
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "party-without-seat")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_zero_seat_is_no_seat() {
        assert_eq!(
            findings(
                "contractual",
                "governance { committee s \"S\" { seats: { a: 2, b: 0 } } }"
            ),
            ["`b` holds no seat on any committee"]
        );
    }

    #[test]
    fn a_party_is_represented_by_its_side() {
        let body = "governance { committee s \"S\" { seats: { a: 2, b: 0 } } }";
        assert_eq!(findings("contractual", body).len(), 1);
        let sided = format!("{body}\n  side group \"The A group\" {{ parties: [a, b] }}");
        assert!(findings("contractual", &sided).is_empty());
    }

    #[test]
    fn any_committee_will_do() {
        assert!(findings(
            "contractual",
            "governance { committee s \"S\" { seats: { a: 2 } } committee o \"O\" { seats: { b: 1 } } }"
        )
        .is_empty());
    }

    #[test]
    fn a_joint_venture_board_seat_counts() {
        let body = "governance { committee s \"S\" { seats: { a: 2 } } }\n\
                    entity jv \"JV\" { board { seats: { b: 1 } } }";
        assert!(findings("joint_venture", body).is_empty());
        // Under another model the board is not a body of the alliance.
        assert_eq!(
            findings("contractual", body),
            ["`b` holds no seat on any committee"]
        );
        assert_eq!(
            findings(
                "joint_venture",
                "governance { committee s \"S\" { seats: { a: 2 } } }\nentity jv \"JV\" { board { seats: { a: 1 } } }"
            ),
            ["`b` holds no seat on the joint venture's board or on any committee"]
        );
    }

    #[test]
    fn silent_while_seats_are_unknown() {
        assert!(findings("contractual", "governance { }").is_empty());
        assert!(findings(
            "joint_venture",
            "governance { committee s \"S\" { seats: { a: 1 } } }"
        )
        .is_empty());
        assert!(findings(
            "contractual",
            "governance { committee s \"S\" { seats: { a: 1 } } committee o \"O\" { } }"
        )
        .is_empty());
        assert!(findings(
            "contractual",
            "governance { committee s \"S\" { seats: { a: 1, b: \"one\" } } }"
        )
        .is_empty());
    }
}
