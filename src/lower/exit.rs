//! Lowering exit: termination rights, wind-down, review, evolution.

use super::*;

impl Lowerer {
    pub(super) fn exit(&mut self, b: &Block) -> Exit {
        let mut f = self.checked(b, &schema::EXIT);
        let mut terminations: Vec<Termination> = Vec::new();
        for t in f.blocks("termination").collect::<Vec<_>>() {
            let mut tf = self.checked(t, &schema::TERMINATION);
            let Some(Label::Id(kind_id)) = t.labels.first() else {
                continue;
            };
            let Some(kind) = TerminationKind::from_key(kind_id.as_str()) else {
                continue;
            };
            if let Some(first) = terminations.iter().find(|x| x.kind.value == kind) {
                self.push(
                    Diagnostic::error(
                        DUPLICATE_KEY,
                        kind_id.span,
                        format!("there are two `termination {}` blocks", kind.key()),
                    )
                    .with_label(first.kind.span, "the first one")
                    .with_help("merge them into one block"),
                );
                continue;
            }
            let (notice, immediate) = notice(&mut tf);
            let (held_by, non_defaulting) = match tf.take("held_by") {
                Some((Typed::Parties(p), _)) => (Some(p), None),
                Some((Typed::Word(_), span)) => (None, Some(span)),
                _ => (None, None),
            };
            terminations.push(Termination {
                kind: Spanned::new(kind, kind_id.span),
                notice,
                immediate,
                cure: duration(&mut tf, "cure"),
                cure_plan: text(&mut tf, "cure_plan"),
                held_by,
                non_defaulting,
                earliest: date(&mut tf, "earliest"),
                trigger: text(&mut tf, "trigger"),
                note: text(&mut tf, "note"),
                span: t.span,
            });
        }
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
