use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub ControllingStake {
        name: "controlling-stake",
        severity: Warning,
        group: Practice,
        summary: "an equity stake above 50%",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
