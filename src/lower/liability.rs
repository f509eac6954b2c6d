//! Lowering liability: the cap, whom it protects, indemnities and force majeure.

use super::*;

impl Lowerer {
    pub(super) fn liability(&mut self, b: &Block) -> Liability {
        let mut f = self.checked(b, &schema::LIABILITY);
        let joint_pool = money(&mut f, "joint_pool");
        let pool_shares = shares(&mut f, "pool_shares");
        if joint_pool.is_some()
            && pool_shares.is_none()
            && !has_damaged(b)
            && !self.written("pool_shares", b.span)
        {
            self.report_missing(
                MISSING_REQUIRED,
                "required when there is a joint pool",
                "pool_shares",
                "each party's share of the joint pool",
                &BlockName::new("liability", &[]),
                b.head_span(),
                false,
                Some(Ty::Shares),
            );
        }
        Liability {
            cap: money(&mut f, "cap"),
            cap_formula: text(&mut f, "cap_formula"),
            cap_for: parties(&mut f, "cap_for"),
            joint_pool,
            pool_shares,
            own_people_and_assets: field!(f, "own_people_and_assets", Typed::Word(w) => if w == "shared" {
                OwnPeople::Shared
            } else {
                OwnPeople::EachParty
            }),
            insurance: text(&mut f, "insurance"),
            uncapped: strings(&mut f, "uncapped"),
            liquidated_damages: text(&mut f, "liquidated_damages"),
            termination_fee: money(&mut f, "termination_fee"),
            warranty: duration(&mut f, "warranty"),
            warranties: strings(&mut f, "warranties"),
            disclaimer: boolean(&mut f, "disclaimer"),
            indirect_loss_excluded: field!(f, "indirect_loss", Typed::Word(w) => w == "excluded"),
            injunctive_relief: field!(f, "injunctive_relief", Typed::Word(w) => match w {
                "no" => Injunction::NotAvailable,
                "without_bond" => Injunction::WithoutBond,
                _ => Injunction::Available,
            }),
            costs: field!(f, "costs", Typed::Word(w) => if w == "loser_pays" {
                Costs::LoserPays
            } else {
                Costs::EachOwn
            }),
            indemnities: f
                .blocks("indemnity")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|i| {
                    let mut xf = self.checked(i, &schema::INDEMNITY);
                    Indemnity {
                        title: title_of(i),
                        by: field_raw!(xf, "by", Typed::Grantee(g) => g),
                        to: field_raw!(xf, "to", Typed::Grantee(g) => g),
                        covers: text(&mut xf, "covers"),
                        capped: boolean(&mut xf, "capped"),
                        note: text(&mut xf, "note"),
                        span: i.span,
                    }
                })
                .collect(),
            guarantees: f
                .blocks("guarantee")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|g| {
                    let mut gf = self.checked(g, &schema::GUARANTEE);
                    Guarantee {
                        title: title_of(g),
                        by: text(&mut gf, "by"),
                        party: reference(&mut gf, "for"),
                        covers: text(&mut gf, "covers"),
                        cap: money(&mut gf, "cap"),
                        note: text(&mut gf, "note"),
                        span: g.span,
                    }
                })
                .collect(),
            force_majeure: f.block("force_majeure").map(|x| {
                let mut xf = self.checked(x, &schema::FORCE_MAJEURE);
                ForceMajeure {
                    events: strings(&mut xf, "events"),
                    notice: duration(&mut xf, "notice"),
                    longstop: duration(&mut xf, "longstop"),
                    note: text(&mut xf, "note"),
                    span: x.span,
                }
            }),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
