use super::shares_not_100::share_maps;
use crate::diagnostic::Diagnostic;
use crate::rules::{finding, Context};

crate::declare_rule! {
    /// ## What it checks
    ///
    /// A map of shares — `sharing.revenue`, `sharing.costs`, the joint venture's `ownership`
    /// or the liability `pool_shares` — in which some shares are redacted (`[***]`) or set out
    /// in another document (`see business_plan`). Such a split cannot be added up, so
    /// `shares-not-100` does not check it; this note says so, once per map, and names the
    /// shares concerned.
    ///
    /// ## Why it matters
    ///
    /// Filed agreements often black out the economics, and many agreements leave the split to
    /// a business plan or a schedule. That is a legitimate choice, but it means that whether
    /// the shares add up is not checked here: the reviewer should check it in the document
    /// that holds them (or in the unredacted copy), before the first payment falls due.
    ///
    /// ## Example
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: [***], contoso: [***] }
    ///   costs: see business_plan "section 4"
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// Nothing needs to change when the shares are confidential or held in the business
    /// plan. Where they can be stated, state them:
    ///
    /// ```charter
    /// sharing {
    ///   revenue: { northwind: 55%, contoso: 45% }
    ///   costs: see business_plan "section 4"
    /// }
    /// ```
    pub RedactedSplit {
        name: "redacted-split",
        severity: Info,
        group: Consistency,
        summary: "a split with a share that is redacted or set out elsewhere cannot be checked to add up to 100%",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in share_maps(cx.agreement) {
        if m.map.held().is_empty() {
            continue;
        }
        let names: Vec<String> = m.map.held().iter().map(|r| format!("`{}`", r.id)).collect();
        let which = if names.len() == 1 {
            "the share of"
        } else {
            "the shares of"
        };
        out.push(
            finding(
                &RedactedSplit::META,
                m.map.span,
                format!(
                    "{which} {} in `{}` {} redacted or set out elsewhere, so Charter cannot check that the {} add up to 100%",
                    crate::emit::format::and_list(&names),
                    m.key,
                    if names.len() == 1 { "is" } else { "are" },
                    m.shares
                ),
            )
            .with_help("check the split where it is set out (the document named, or the unredacted copy)"),
        );
    }
}
