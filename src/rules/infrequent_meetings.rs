use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub InfrequentMeetings {
        name: "infrequent-meetings",
        severity: Warning,
        group: Practice,
        summary: "a committee meets less often than quarterly",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
