use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::rules::{finding, Context};
use crate::span::Span;

crate::declare_rule! {
    /// ## What it checks
    ///
    /// That the blocks that belong to one alliance model appear only under that model: an
    /// `equity` block only with `model: equity`, an `entity` block only with
    /// `model: joint_venture`.
    ///
    /// ## Why it matters
    ///
    /// The three models are different deals. A contractual coalition creates no separate
    /// legal entity, and the parties go on running and governing their own businesses
    /// (“Beyond the Handshake”); no equity changes hands (Referral Rock, “10 Strategic Alliance Examples From Top Brands”). An equity partnership
    /// rests on stakes between the parties (“Beyond the Handshake”); a joint venture creates a new
    /// company owned by its parents (“Beyond the Handshake”). Control, risk and the way out all
    /// depend on which one it is. A draft that says `contractual` but describes stakes or a
    /// new company contradicts itself — usually because the model changed in negotiation and
    /// only half the text followed — and the term sheet built from it would mislead.
    ///
    /// ## Example
    ///
    /// ```charter
    /// model: contractual
    /// …
    /// equity {
    ///   stake { holder: northwind  issuer: contoso  percent: 10% }
    /// }
    /// ```
    ///
    /// ## Instead
    ///
    /// ```charter
    /// model: equity
    /// …
    /// equity {
    ///   stake { holder: northwind  issuer: contoso  percent: 10% }
    /// }
    /// ```
    pub ModelBlockMismatch {
        name: "model-block-mismatch",
        severity: Error,
        group: Consistency,
        summary: "an `equity` or `entity` block under another model",
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.agreement;
    // Without a model, `missing-required` has said so.
    let Some(model) = a.model.as_ref().map(|m| m.value) else {
        return;
    };
    if let Some(equity) = a.equity.as_ref().filter(|_| model != Model::Equity) {
        let start = equity.span.start as usize;
        out.push(
            finding(
                &ModelBlockMismatch::META,
                Span::from_range(start, start + "equity".len()),
                format!(
                    "this `equity` block sets out stakes between the parties, but `model` is `{}`",
                    model.key()
                ),
            )
            .with_help("set `model: equity` if the parties take stakes in each other; otherwise remove the `equity` block"),
        );
    }
    if let Some(entity) = a.entity.as_ref().filter(|_| model != Model::JointVenture) {
        out.push(
            finding(
                &ModelBlockMismatch::META,
                Span::new(entity.span.start, entity.name.span.end.max(entity.span.start)),
                format!(
                    "this `entity` block describes a new joint-venture company, but `model` is `{}`",
                    model.key()
                ),
            )
            .with_help("set `model: joint_venture` if the parties form a new company; otherwise remove the `entity` block"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_text;

    fn findings(model: &str, blocks: &str) -> Vec<(String, String)> {
        let text = format!("agreement \"A\" {{\n  {model}\n  {blocks}\n}}\n");
        check_text(&text, &Default::default())
            .into_iter()
            .filter(|d| d.rule == "model-block-mismatch")
            .map(|d| (text[d.span.range()].to_string(), d.message))
            .collect()
    }

    #[test]
    fn each_block_belongs_to_one_model() {
        let blocks = "equity { }  entity jv \"JV Ltd\" { }";
        let found = findings("model: contractual", blocks);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "equity");
        assert_eq!(found[1].0, "entity jv \"JV Ltd\"");
        assert_eq!(found[1].1, "this `entity` block describes a new joint-venture company, but `model` is `contractual`");
        assert_eq!(findings("model: equity", blocks).len(), 1);
        assert_eq!(findings("model: joint_venture", blocks).len(), 1);
        assert!(findings("model: equity", "equity { }").is_empty());
    }

    #[test]
    fn silent_without_a_model() {
        assert!(findings("", "equity { }").is_empty());
    }
}
