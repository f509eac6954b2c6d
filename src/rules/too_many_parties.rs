use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub TooManyParties {
        name: "too-many-parties",
        severity: Warning,
        group: Practice,
        summary: "more parties than the model handles well",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
