use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub IpExitUnaddressed {
        name: "ip-exit-unaddressed",
        severity: Error,
        group: Consistency,
        summary: "IP is contributed but `ip.after_exit` does not say what happens to it",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
