use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub QuorumExceedsSeats {
        name: "quorum-exceeds-seats",
        severity: Error,
        group: Consistency,
        summary: "a committee's quorum is larger than its seats",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
