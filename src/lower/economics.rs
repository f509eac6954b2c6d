//! Lowering the economics: sharing of revenue and costs, and liability.

use super::*;

impl Lowerer {
    pub(super) fn sharing(&mut self, b: &Block) -> Sharing {
        let mut f = self.checked(b, &schema::SHARING);
        Sharing {
            revenue: shares(&mut f, "revenue"),
            costs: shares(&mut f, "costs"),
            method: text(&mut f, "method"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

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
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
