use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Every `indemnity` of the `liability` block that says `capped: no` while the block has
    /// a liability cap (`cap`, `cap_formula`, or a cap that is redacted or set out elsewhere).
    /// An indemnity the block lists in `uncapped` as well is a deliberate carve-out and is
    /// not reported.
    ///
    /// ## Why it matters
    ///
    /// A cap tells each party the most it can lose; an indemnity outside it is a second door
    /// to unlimited liability, and claims tend to be framed as indemnity claims to pass
    /// through it. The practice material asks that risks be allocated clearly, and warns
    /// that lopsided terms which leave one partner with most of the risk make that partner
    /// defensive for the life of the alliance (Hoang and Rothaermel,
    /// “How to Manage Alliances Strategically”, MIT Sloan Management Review). Some
    /// indemnities are rightly left
    /// uncapped (third-party IP claims, for one); saying so in `uncapped` shows it was meant.
    ///
    /// ## Example
    ///
    /// ```charter
    /// liability {
    ///   cap: USD 5,000,000
    ///   indemnity "Product claims" { by: voltaic  covers: "Third-party claims that a cell caused injury"  capped: no }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// liability {
    ///   cap: USD 5,000,000
    ///   uncapped: ["Product claims"]
    ///   indemnity "Product claims" { by: voltaic  covers: "Third-party claims that a cell caused injury"  capped: no }
    /// }
    /// ```
    pub UncappedIndemnity {
        name: "uncapped-indemnity",
        severity: Warning,
        group: Practice,
        summary: "an indemnity outside a liability cap that the cap's exceptions do not list",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    let Some(l) = &a.liability else { return };
    let capped = l.cap.is_some()
        || l.cap_formula.is_some()
        || a.withheld_in("cap", l.span).is_some()
        || a.unreadable_in("cap", l.span);
    if !capped {
        return;
    }
    for i in &l.indemnities {
        let Some(c) = &i.capped else { continue };
        if c.value
            || l.uncapped
                .iter()
                .any(|u| same_words(&u.value, &i.title.value))
        {
            continue;
        }
        out.push(
            finding(
                &UncappedIndemnity::META,
                c.span,
                format!(
                    "the indemnity \"{}\" is outside the liability cap: claims under it have no limit, and the cap's exceptions (`uncapped`) do not list it",
                    i.title.value
                ),
            )
            .with_label(keyword_span(l.span, "liability"), "the cap is set in this block")
            .with_help(format!(
                "if the indemnity is meant to be unlimited, add \"{}\" to `uncapped`; if not, write `capped: yes`",
                i.title.value
            )),
        );
    }
}

/// Whether two titles are the same words, ignoring case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}
