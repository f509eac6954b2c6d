use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// The `force_majeure` block of `liability`: it is reported when it has no `longstop`,
    /// the time after which the other parties may terminate if force majeure goes on.
    ///
    /// ## Why it matters
    ///
    /// Force majeure excuses a party that cannot perform; without a long-stop it can excuse it
    /// for ever, and the others stay bound to an alliance that no longer delivers. The
    /// practice material asks for a clear exit path from day one and for termination rights
    /// the parties can actually use (“Beyond the Handshake”). Real agreements set the
    /// long-stop: the I-Escrow and 2TheMart co-branding agreement (in Charter's corpus of
    /// real agreements) lets a party terminate without penalty after force majeure has lasted
    /// sixty days.
    ///
    /// ## Example
    ///
    /// ```charter
    /// force_majeure {
    ///   events: ["War", "Epidemic", "Government action"]
    ///   notice: 10 days
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// force_majeure {
    ///   events: ["War", "Epidemic", "Government action"]
    ///   notice: 10 days
    ///   longstop: 90 days
    /// }
    /// ```
    pub ForceMajeureWithoutExit {
        name: "force-majeure-without-exit",
        severity: Warning,
        group: Practice,
        summary: "force majeure with no right to terminate after a long-stop",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(fm) = a.liability.as_ref().and_then(|l| l.force_majeure.as_ref()) else {
        return;
    };
    if fm.longstop.is_some()
        || a.withheld_in("longstop", fm.span).is_some()
        || a.unreadable_in("longstop", fm.span)
    {
        return;
    }
    out.push(
        finding(
            &ForceMajeureWithoutExit::META,
            keyword_span(fm.span, "force_majeure"),
            "force majeure has no `longstop`: a party it affects is excused for as long as it lasts, and the others can never end the agreement for it",
        )
        .with_help(
            "add `longstop: 90 days` (or the period agreed), after which the other parties may terminate",
        ),
    );
}
