//! Liability: who answers for what, and the cap.

use super::*;

pub static LIABILITY: BlockDef = block(
    "liability",
    "liability",
    Labels::None,
    "who bears which risks, and up to what amount",
    &[
        key("cap", Ty::Money, Req::Optional, "the overall liability cap"),
        key(
            "cap_formula",
            Ty::Text,
            Req::Optional,
            "a cap set by a formula rather than an amount, such as the fees paid in the last 12 months",
        ),
        key(
            "cap_for",
            Ty::PartiesOrAll,
            Req::Optional,
            "whose liability the cap limits (default: every party's)",
        ),
        key(
            "joint_pool",
            Ty::Money,
            Req::Optional,
            "a pool for joint liabilities",
        ),
        key(
            "pool_shares",
            Ty::Shares,
            Req::When("required when `joint_pool` is set"),
            "each party's share of the pool",
        ),
        key(
            "own_people_and_assets",
            Ty::Enum(OWN_PEOPLE),
            Req::Expected,
            "who answers for each party's people and assets",
        ),
        key(
            "insurance",
            Ty::Str,
            Req::Optional,
            "insurance each party keeps",
        ),
        key(
            "uncapped",
            Ty::Strings,
            Req::Optional,
            "claims outside the cap",
        ),
        key(
            "liquidated_damages",
            Ty::Str,
            Req::Optional,
            "agreed damages",
        ),
        key(
            "termination_fee",
            Ty::Money,
            Req::Optional,
            "a fee payable on termination",
        ),
        key(
            "warranty",
            Ty::Duration,
            Req::Optional,
            "the warranty period",
        ),
    ],
    &[],
);
