//! Lowering compliance and the covenants (restraints, rights of first refusal, audit, …).

use super::*;

impl Lowerer {
    pub(super) fn compliance(&mut self, b: &Block) -> Compliance {
        let mut f = self.checked(b, &schema::COMPLIANCE);
        Compliance {
            jurisdictions: strings(&mut f, "jurisdictions"),
            regimes: field_raw!(f, "regimes", Typed::Words(w) => w).unwrap_or_default(),
            change_in_law: text(&mut f, "change_in_law"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    pub(super) fn covenants(&mut self, b: &Block) -> Covenants {
        let mut f = self.checked(b, &schema::COVENANTS);
        let restraint = |cx: &mut Self, rb: &Block, def: &'static BlockDef| {
            let mut rf = cx.checked(rb, def);
            Restraint {
                binds: parties(&mut rf, "binds"),
                scope: text(&mut rf, "scope"),
                territory: text(&mut rf, "territory"),
                after_exit: duration(&mut rf, "after_exit"),
                carve_outs: text(&mut rf, "carve_outs"),
                note: text(&mut rf, "note"),
                span: rb.span,
            }
        };
        let exclusivity = f
            .block("exclusivity")
            .map(|x| restraint(self, x, &schema::EXCLUSIVITY));
        let non_compete = f
            .block("non_compete")
            .map(|x| restraint(self, x, &schema::NON_COMPETE));
        let non_solicit = f.block("non_solicit").map(|x| {
            let mut xf = self.checked(x, &schema::NON_SOLICIT);
            NonSolicit {
                of: field_raw!(xf, "of", Typed::Words(w) => w).unwrap_or_default(),
                binds: parties(&mut xf, "binds"),
                after_exit: duration(&mut xf, "after_exit"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let non_disparagement = f.block("non_disparagement").map(|x| {
            let mut xf = self.checked(x, &schema::NON_DISPARAGEMENT);
            NonDisparagement {
                binds: parties(&mut xf, "binds"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let first_refusals = f
            .blocks("first_refusal")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let mut xf = self.checked(x, &schema::FIRST_REFUSAL);
                FirstRefusal {
                    title: title_of(x),
                    holder: reference(&mut xf, "holder"),
                    kind: field!(xf, "kind", Typed::Word(w) => match w {
                        "offer" => RefusalKind::Offer,
                        "negotiation" => RefusalKind::Negotiation,
                        _ => RefusalKind::Refusal,
                    }),
                    over: text(&mut xf, "over"),
                    window: duration(&mut xf, "window"),
                    note: text(&mut xf, "note"),
                    span: x.span,
                }
            })
            .collect();
        let transfers = f.block("transfers").map(|x| {
            let mut xf = self.checked(x, &schema::TRANSFERS);
            Transfers {
                lock_up: duration(&mut xf, "lock_up"),
                binds: parties(&mut xf, "binds"),
                after_lock_up: field!(xf, "after_lock_up", Typed::Word(w) => match w {
                    "free" => AfterLockUp::Free,
                    "consent" => AfterLockUp::Consent,
                    _ => AfterLockUp::FirstRefusal,
                }),
                permitted: strings(&mut xf, "permitted"),
                tag_along: boolean(&mut xf, "tag_along"),
                drag_along: boolean(&mut xf, "drag_along"),
                drag_threshold: field!(xf, "drag_threshold", Typed::Percent(p) => p),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let most_favoured = f.block("most_favoured").map(|x| {
            let mut xf = self.checked(x, &schema::MOST_FAVOURED);
            MostFavoured {
                beneficiary: reference(&mut xf, "beneficiary"),
                scope: text(&mut xf, "scope"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let minimum_commitments = f
            .blocks("minimum_commitment")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let mut xf = self.checked(x, &schema::MINIMUM_COMMITMENT);
                MinimumCommitment {
                    title: title_of(x),
                    party: reference(&mut xf, "party"),
                    amount: money(&mut xf, "amount"),
                    per: cadence(&mut xf, "per"),
                    note: text(&mut xf, "note"),
                    span: x.span,
                }
            })
            .collect();
        let assignment = f.block("assignment").map(|x| {
            let mut xf = self.checked(x, &schema::ASSIGNMENT);
            Assignment {
                consent_required: boolean(&mut xf, "consent_required"),
                exceptions: text(&mut xf, "exceptions"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let audit = f.block("audit").map(|x| {
            let mut xf = self.checked(x, &schema::AUDIT);
            let (every, any_time) = match xf.take("every") {
                Some((Typed::Cadence(c), span)) => (Some(Spanned::new(c, span)), None),
                Some((Typed::Word(_), span)) => (None, Some(span)),
                _ => (None, None),
            };
            Audit {
                by: parties(&mut xf, "by"),
                every,
                any_time,
                notice: duration(&mut xf, "notice"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        Covenants {
            exclusivity,
            non_compete,
            non_solicit,
            non_disparagement,
            first_refusals,
            transfers,
            most_favoured,
            minimum_commitments,
            assignment,
            audit,
            third_party_beneficiaries: field!(f, "third_party_beneficiaries", Typed::ThirdParties(t) => t),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
