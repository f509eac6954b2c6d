use crate::diagnostic::Diagnostic;
use crate::model::{Agreement, Board, Model};
use crate::rules::{finding, keyword_span, Context};
use rust_decimal::Decimal;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `deadlock` block of `governance`: it is reported when it has no `device`, the
    /// mechanism that ends a deadlock once its steps are exhausted (`casting_vote`,
    /// `expert`, `put_call`, `shotgun`, `texas_shootout`, `sale` or `dissolution`, or
    /// `status_quo` when the parties chose that a proposal that deadlocks simply falls). A joint
    /// venture whose board is split equally between the parents, with no independent
    /// directors and no casting vote for the chair, and that has no `deadlock` block at all,
    /// is reported too: its board can deadlock by construction.
    ///
    /// ## Why it matters
    ///
    /// A board split equally can stop deciding, and then the venture can neither be run nor
    /// left. The practice material asks for a clear exit path from day one — "write the
    /// divorce papers before the marriage" (“Beyond the Handshake”). Real joint-venture
    /// agreements end a deadlock with a device: the Igene and Tate & Lyle joint venture
    /// agreement (in Charter's corpus of real agreements) lets either party start a
    /// shoot-out once a board dispute has gone unresolved through the party heads. Steps such
    /// as referral to the chief executives or mediation only help if something decides the
    /// matter when they fail.
    ///
    /// ## Example
    ///
    /// ```charter
    /// deadlock {
    ///   means: "No decision on a reserved matter at two consecutive board meetings"
    ///   steps: [chief_executives, mediation]
    ///   within: 60 days
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// deadlock {
    ///   means: "No decision on a reserved matter at two consecutive board meetings"
    ///   steps: [chief_executives, mediation]
    ///   within: 60 days
    ///   device: shotgun
    /// }
    /// ```
    pub DeadlockWithoutDevice {
        name: "deadlock-without-device",
        severity: Warning,
        group: Practice,
        summary: "a deadlock procedure (or an equally split joint-venture board) with nothing that ends a deadlock",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    match a.governance.as_ref().and_then(|g| g.deadlock.as_ref()) {
        Some(d) => {
            if d.device.is_some()
                || a.unreadable_in("device", d.span)
                || a.withheld_in("device", d.span).is_some()
            {
                return;
            }
            out.push(
                finding(
                    &DeadlockWithoutDevice::META,
                    keyword_span(d.span, "deadlock"),
                    "the deadlock procedure has no `device`: when its steps fail, nothing ends the deadlock",
                )
                .with_help(
                    "add `device:` with what ends it: `casting_vote`, `expert` (a binding decision), `put_call`, `shotgun` (one names a price, the other buys or sells), `texas_shootout` (sealed bids), `sale` or `dissolution`; or `status_quo` if the parties chose that the proposal simply falls",
                ),
            );
        }
        None => split_board(a, out),
    }
}

/// A joint venture with a board split equally between the parents and nothing on deadlock.
fn split_board(a: &Agreement, out: &mut Vec<Diagnostic>) {
    if a.model.as_ref().map(|m| m.value) != Some(Model::JointVenture) {
        return;
    }
    let Some(entity) = &a.entity else { return };
    let Some(board) = &entity.board else { return };
    let Some(each) = equal_seats(board) else {
        return;
    };
    out.push(
        finding(
            &DeadlockWithoutDevice::META,
            keyword_span(board.span, "board"),
            format!(
                "the board of `{}` is split equally between the parents ({} seats each) and nothing says how a deadlock ends",
                entity.id.value,
                crate::emit::format::number(each)
            ),
        )
        .with_help(
            "add a `deadlock { … }` block to `governance`: what counts as a deadlock, the steps, and the `device` that ends it",
        ),
    );
}

/// The seats of each parent when every parent has the same number, at least two parents,
/// and no independent director can break a tie.
fn equal_seats(board: &Board) -> Option<Decimal> {
    if board
        .independent
        .as_ref()
        .is_some_and(|i| i.value > Decimal::ZERO)
        || board.casting_vote.as_ref().is_some_and(|c| c.value)
    {
        return None;
    }
    let seats = board.seats.as_ref()?;
    let first = seats.entries.first()?.value;
    (seats.entries.len() >= 2
        && seats.held().is_empty()
        && seats.entries.iter().all(|e| e.value == first))
    .then_some(first)
}

#[cfg(test)]
mod tests {
    const FAIL: &str =
        include_str!("../../tests/fixtures/rules/deadlock-without-device/fail.charter");
    const PASS: &str =
        include_str!("../../tests/fixtures/rules/deadlock-without-device/pass.charter");

    fn reported(text: &str) -> Vec<String> {
        crate::check::check_text(text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "deadlock-without-device")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_device_ends_the_deadlock() {
        assert!(reported(PASS).is_empty());
        assert_eq!(reported(FAIL).len(), 1);
        // The status quo, chosen, ends it too: the proposal falls.
        let device = "      device: shotgun\n";
        assert!(PASS.contains(device));
        let status_quo = PASS.replacen(device, "      device: status_quo\n", 1);
        assert!(reported(&status_quo).is_empty());
        assert_eq!(reported(&PASS.replacen(device, "", 1)).len(), 1);
    }

    #[test]
    fn an_equal_board_without_a_deadlock_block() {
        let start = PASS.find("    deadlock {").unwrap_or_default();
        let end = PASS[start..].find("    }\n").map_or(0, |e| start + e + 6);
        assert!(start > 0 && end > start);
        let text = format!("{}{}", &PASS[..start], &PASS[end..]);
        assert_eq!(
            reported(&text),
            ["the board of `tata_starbucks` is split equally between the parents (4 seats each) and nothing says how a deadlock ends"]
        );
        // An independent director can break the tie.
        let with_independent = text.replacen(
            "      decides: majority",
            "      independent: 1\n      decides: majority",
            1,
        );
        assert!(reported(&with_independent).is_empty());
        // So can the chair's casting vote.
        let casting = text.replacen(
            "      decides: majority",
            "      decides: majority\n      chair: tata\n      casting_vote: yes",
            1,
        );
        assert!(reported(&casting).is_empty());
    }
}
