use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub SharesNot100 {
        name: "shares-not-100",
        severity: Error,
        group: Consistency,
        summary: "revenue, costs, ownership or pool shares do not add up to exactly 100%",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
