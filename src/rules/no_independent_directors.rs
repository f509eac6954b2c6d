use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub NoIndependentDirectors {
        name: "no-independent-directors",
        severity: Info,
        group: Practice,
        summary: "a joint-venture board with no independent members",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
