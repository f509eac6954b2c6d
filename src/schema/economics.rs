//! Economics: sharing, fees, milestone payments, royalties, late interest.

use super::*;

pub static SHARING: BlockDef = block(
    "sharing",
    "sharing",
    Labels::None,
    "how revenue and costs are split",
    &[
        key(
            "revenue",
            Ty::RevenueSplit,
            Req::Required,
            "each party's share of revenue",
        ),
        key(
            "costs",
            Ty::CostSplit,
            Req::Required,
            "each party's share of costs",
        ),
        key(
            "method",
            Ty::Str,
            Req::Optional,
            "how the split is computed",
        ),
        key(
            "currency",
            Ty::Currency,
            Req::Optional,
            "the currency payments are made in",
        ),
        key(
            "payment_terms",
            Ty::Duration,
            Req::Optional,
            "the time to pay an invoice",
        ),
    ],
    &[
        one(&LATE_INTEREST, Req::Optional),
        many(&FEE, Req::Optional),
        many(&MILESTONE_PAYMENT, Req::Optional),
        many(&ROYALTY, Req::Optional),
    ],
);

pub const PAYMENT_BASES: &[&str] = &[
    "net_sales",
    "gross_sales",
    "net_revenue",
    "gross_revenue",
    "profit",
];

pub static LATE_INTEREST: BlockDef = block(
    "late_interest",
    "sharing.late_interest",
    Labels::None,
    "interest on late payments: `late_interest { rate: 1.5%  per: monthly }`",
    &[
        key("rate", Ty::Percent, Req::Required, "the rate"),
        key(
            "per",
            Ty::Cadence,
            Req::Optional,
            "the period the rate is for",
        ),
        key(
            "above",
            Ty::Str,
            Req::Optional,
            "the reference rate it is added to",
        ),
    ],
    &[],
);

pub static FEE: BlockDef = block(
    "fee",
    "sharing.fee",
    Labels::Title,
    "a fee one party pays another: `fee \"TITLE\" { payer: …  payee: …  amount: … }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key(
            "amount",
            Ty::Money,
            Req::Optional,
            "a fixed amount (or give `rate`)",
        ),
        key(
            "rate",
            Ty::Percent,
            Req::Optional,
            "a percentage of `of` (or give `amount`)",
        ),
        key(
            "of",
            Ty::Str,
            Req::Optional,
            "the base a `rate` is a percentage of",
        ),
        key("per", Ty::Per, Req::Optional, "how often, or per unit"),
        key(
            "cap",
            Ty::Royalty,
            Req::Optional,
            "the most payable: an amount, or a percentage of the base",
        ),
        key(
            "floor",
            Ty::Royalty,
            Req::Optional,
            "the least payable: an amount, or a percentage of the base",
        ),
    ],
    &[],
);

pub static MILESTONE_PAYMENT: BlockDef = block(
    "milestone_payment",
    "sharing.milestone_payment",
    Labels::Title,
    "a payment due when a milestone is reached: `milestone_payment \"TITLE\" { payer: …  payee: …  amount: …  on: MILESTONE }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key("amount", Ty::Money, Req::Required, "how much"),
        key("on", Ty::Milestone, Req::Expected, "the milestone that triggers it"),
    ],
    &[],
);

pub static ROYALTY: BlockDef = block(
    "royalty",
    "sharing.royalty",
    Labels::Title,
    "a royalty: `royalty \"TITLE\" { payer: …  payee: …  rate: 3%  base: net_sales }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key(
            "rate",
            Ty::Percent,
            Req::Optional,
            "a percentage of `base` (or give `amount`)",
        ),
        key(
            "amount",
            Ty::Money,
            Req::Optional,
            "an amount per unit (or give `rate`)",
        ),
        key("per", Ty::Per, Req::Optional, "how often, or per unit"),
        key(
            "base",
            Ty::Base,
            Req::Optional,
            "what the rate is a percentage of, such as `net_sales`",
        ),
        key(
            "term",
            Ty::Duration,
            Req::Optional,
            "how long royalties are paid",
        ),
    ],
    &[],
);
