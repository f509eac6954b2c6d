//! Lowering exit: termination rights, wind-down, review, evolution.

use super::*;

impl Lowerer {
    pub(super) fn exit(&mut self, b: &Block) -> Exit {
        let mut f = self.checked(b, &schema::EXIT);
        let mut terminations: Vec<Termination> = Vec::new();
        let mut rejected = Vec::new();
        for t in f.blocks("termination").collect::<Vec<_>>() {
            let mut tf = self.checked(t, &schema::TERMINATION);
            let Some(Label::Id(kind_id)) = t.labels.first() else {
                continue;
            };
            let Some(kind) = TerminationKind::from_key(kind_id.as_str()) else {
                continue;
            };
            let (held_by, non_defaulting) = match tf.take("held_by") {
                Some((Typed::Parties(p), _)) => (Some(p), None),
                Some((Typed::Word(_), span)) => (None, Some(span)),
                _ => (None, None),
            };
            // Two rights of one kind stand when each has its own holders (the supplier may
            // end the agreement on the distributor's underperformance, the distributor on
            // 90 days' notice), or its own ground (`cause` for breach, and a second `cause`
            // with a `trigger`: a patent challenge); they clash when a party holds both on
            // the same ground.
            let trigger = text(&mut tf, "trigger");
            let same_ground = |x: &Termination| {
                x.trigger.as_ref().map(|t| t.value.trim())
                    == trigger.as_ref().map(|t| t.value.trim())
            };
            if let Some(first) = terminations.iter().find(|x| {
                x.kind.value == kind && holders_overlap(&x.held_by, &held_by) && same_ground(x)
            }) {
                let (message, help) = match shared_holders(&first.held_by, &held_by) {
                    Some(ids) => (
                        format!(
                            "two `termination {}` rights are both held by {ids}",
                            kind.key()
                        ),
                        "merge them into one block, give each right its own holders with `held_by`, or, if they are rights on different grounds, say which with `trigger`",
                    ),
                    None => (
                        format!("there are two `termination {}` blocks", kind.key()),
                        "merge them into one block; if each party has a right of its own, say whose each one is with `held_by`, and if they are rights on different grounds, say which with `trigger`",
                    ),
                };
                self.push(
                    Diagnostic::error(DUPLICATE_KEY, kind_id.span, message)
                        .with_label(first.kind.span, "the first one")
                        .with_help(help),
                );
                rejected.push((kind, held_by));
                continue;
            }
            let (notice, immediate) = notice(&mut tf);
            terminations.push(Termination {
                kind: Spanned::new(kind, kind_id.span),
                notice,
                immediate,
                cure: duration(&mut tf, "cure"),
                cure_plan: text(&mut tf, "cure_plan"),
                held_by,
                non_defaulting,
                earliest: date(&mut tf, "earliest"),
                trigger,
                note: text(&mut tf, "note"),
                span: t.span,
            });
        }
        let options = f
            .blocks("option")
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|o| self.share_option(o))
            .collect();
        let review = f.block("review").map(|r| {
            let mut rf = self.checked(r, &schema::EXIT_REVIEW);
            ExitReview {
                every: cadence(&mut rf, "every"),
                decides: reference(&mut rf, "decides"),
                options: field_raw!(rf, "options", Typed::Words(w) => w)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|w| {
                        Spanned::new(
                            match w.value {
                                "continue" => ReviewOption::Continue,
                                "restructure" => ReviewOption::Restructure,
                                _ => ReviewOption::Exit,
                            },
                            w.span,
                        )
                    })
                    .collect(),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let evolve = f.block("evolve").map(|e| {
            let mut ef = self.checked(e, &schema::EVOLVE);
            Evolve {
                by: date(&mut ef, "by"),
                into: field!(ef, "into", Typed::Word(w) => if w == "equity" {
                    Model::Equity
                } else {
                    Model::JointVenture
                }),
                dissolve: field!(ef, "otherwise", Typed::Word(w) => w == "dissolve"),
                note: text(&mut ef, "note"),
                span: e.span,
            }
        });
        let withdrawal = f.block("withdrawal").map(|w| {
            let mut wf = self.checked(w, &schema::WITHDRAWAL);
            let (notice, immediate) = notice(&mut wf);
            Withdrawal {
                notice,
                immediate,
                earliest: date(&mut wf, "earliest"),
                keeps: text(&mut wf, "keeps"),
                loses: text(&mut wf, "loses"),
                note: text(&mut wf, "note"),
                span: w.span,
            }
        });
        Exit {
            terminations,
            options,
            rejected,
            withdrawal,
            survives: strings(&mut f, "survives"),
            wind_down: duration(&mut f, "wind_down"),
            assets: text(&mut f, "assets"),
            review,
            evolve,
            transition: text(&mut f, "transition"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}

/// A `notice` key of type [`Ty::Notice`]: a period, or `immediate` (its span).
fn notice(f: &mut Fields<'_>) -> (Option<Spanned<Duration>>, Option<Span>) {
    match f.take("notice") {
        Some((Typed::Duration(d), span)) => (Some(Spanned::new(d, span)), None),
        Some((Typed::Word(_), span)) => (None, Some(span)),
        _ => (None, None),
    }
}

impl Lowerer {
    /// `option put { … }` / `option call { … }`; `None` when the kind is missing or unknown
    /// (already reported).
    fn share_option(&mut self, o: &Block) -> Option<ShareOption> {
        // Without a kind (already reported with the labels) the block is not read: what it
        // lacks would only repeat the one mistake.
        let Some(Label::Id(kind_id)) = o.labels.first() else {
            return None;
        };
        let kind = match kind_id.as_str() {
            "put" => OptionKind::Put,
            "call" => OptionKind::Call,
            _ => return None,
        };
        let mut f = self.checked(o, &schema::OPTION);
        let triggers: Vec<Spanned<OptionTrigger>> = field_raw!(f, "triggers", Typed::Words(w) => w)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|w| OptionTrigger::from_key(w.value).map(|t| Spanned::new(t, w.span)))
            .collect();
        let from = date(&mut f, "from");
        let price = field!(f, "price", Typed::Word(w) => OptionPrice::from_key(w)
            .unwrap_or(OptionPrice::FairMarketValue));
        let price_formula = text(&mut f, "price_formula");
        let amount = money(&mut f, "amount");
        let owner = BlockName::new("option", &o.labels);
        let damaged = has_damaged(o);
        let windowed = triggers.iter().any(|t| t.value == OptionTrigger::Window);
        let require =
            |me: &mut Self, absent: bool, key: &'static str, when: &str, doc: &str, ty: Ty| {
                if absent && !damaged && !me.written(key, o.span) {
                    me.report_missing(
                        MISSING_REQUIRED,
                        when,
                        key,
                        doc,
                        &owner,
                        o.head_span(),
                        false,
                        Some(ty),
                    );
                }
            };
        require(
            self,
            windowed && from.is_none(),
            "from",
            "required for an option exercisable in a window",
            "the first day of the window",
            Ty::Date,
        );
        let pv = price.as_ref().map(|p| p.value);
        require(
            self,
            pv == Some(OptionPrice::Formula) && price_formula.is_none(),
            "price_formula",
            "required when the price is set by a formula",
            "the formula for the price",
            Ty::Text,
        );
        require(
            self,
            pv == Some(OptionPrice::Fixed) && amount.is_none(),
            "amount",
            "required when the price is fixed",
            "the fixed price",
            Ty::Money,
        );
        Some(ShareOption {
            kind: Spanned::new(kind, kind_id.span),
            holder: reference(&mut f, "holder"),
            against: reference(&mut f, "against"),
            over: text(&mut f, "over"),
            triggers,
            from,
            until: date(&mut f, "until"),
            price,
            price_by: text(&mut f, "price_by"),
            price_formula,
            amount,
            discount: field!(f, "discount", Typed::Percent(p) => p),
            note: text(&mut f, "note"),
            span: o.span,
        })
    }
}

/// Whether two rights' holders have a party in common. A right without `held_by`, held by
/// `all` or by every party not in default, is held by every party.
fn holders_overlap(a: &Option<Parties>, b: &Option<Parties>) -> bool {
    match (a, b) {
        (Some(Parties::List(x)), Some(Parties::List(y))) => {
            x.iter().any(|r| y.iter().any(|s| r.id == s.id))
        }
        _ => true,
    }
}

/// The parties both lists name, as "`a` and `b`", when both rights name their holders.
fn shared_holders(a: &Option<Parties>, b: &Option<Parties>) -> Option<String> {
    let (Some(Parties::List(x)), Some(Parties::List(y))) = (a, b) else {
        return None;
    };
    let ids: Vec<String> = x
        .iter()
        .filter(|r| y.iter().any(|s| r.id == s.id))
        .map(|r| format!("`{}`", r.id))
        .collect();
    Some(crate::emit::format::and_list(&ids))
}
