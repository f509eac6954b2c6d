use crate::diagnostic::Diagnostic;
use crate::rules::Context;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// TODO: page
    pub ModelBlockMismatch {
        name: "model-block-mismatch",
        severity: Error,
        group: Consistency,
        summary: "an `equity` or `entity` block under another model",
    }
}

fn check(_cx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
