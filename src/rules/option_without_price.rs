use crate::diagnostic::Diagnostic;
use crate::rules::{finding, keyword_span, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// Every `option put` and `option call` of `exit`: it is reported when it has no
    /// `price`, the mechanism that sets what is paid when the option is exercised
    /// (`fair_market_value`, with `price_by` naming who values it; `net_book_value`;
    /// `formula`, with `price_formula`; or `fixed`, with `amount`).
    ///
    /// ## Why it matters
    ///
    /// An option is exercised when the relationship is under strain: a breach, a change of
    /// control, a deadlock. If the price is left open, the parties negotiate it then, at the
    /// worst moment, and an option whose price cannot be determined may not be enforceable
    /// at all. The practice material notes that valuation adds months to forming an equity
    /// partnership (“Beyond the Handshake”); agreeing how the price is set when the option is
    /// granted avoids doing that work again in a dispute.
    ///
    /// ## Example
    ///
    /// ```charter
    /// option put {
    ///   holder: tata
    ///   against: starbucks
    ///   over: "Tata's shares in the joint venture"
    ///   triggers: [deadlock, change_of_control]
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// option put {
    ///   holder: tata
    ///   against: starbucks
    ///   over: "Tata's shares in the joint venture"
    ///   triggers: [deadlock, change_of_control]
    ///   price: fair_market_value
    ///   price_by: "An independent investment bank appointed by the parties"
    /// }
    /// ```
    pub OptionWithoutPrice {
        name: "option-without-price",
        severity: Warning,
        group: Practice,
        summary: "a put or call option with no price mechanism",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    for o in a.exit.iter().flat_map(|e| &e.options) {
        if o.price.is_some()
            || a.unreadable_in("price", o.span)
            || a.withheld_in("price", o.span).is_some()
        {
            continue;
        }
        let holder = o
            .holder
            .as_ref()
            .map_or_else(String::new, |h| format!(" of `{}`", h.id));
        out.push(
            finding(
                &OptionWithoutPrice::META,
                keyword_span(o.span, "option"),
                format!(
                    "the {} option{holder} has no `price`: nothing says what is paid when it is exercised",
                    o.kind.value.key()
                ),
            )
            .with_help(
                "add `price:` with how the price is set: `fair_market_value` (and `price_by`: who values it), `net_book_value`, `formula` (and `price_formula`) or `fixed` (and `amount`)",
            ),
        );
    }
}
