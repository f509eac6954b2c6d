use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub PartyWithoutSeat {
        name: "party-without-seat",
        severity: Error,
        group: Consistency,
        summary: "a party holds no seat on any committee (or, for a joint venture, on the board)",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
