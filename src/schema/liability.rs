//! Liability: who answers for what, and the cap.

use super::*;

pub static INDEMNITY: BlockDef = block(
    "indemnity",
    "liability.indemnity",
    Labels::Title,
    "one party's promise to make good another's losses from stated claims: `indemnity \"TITLE\" { … }`",
    &[
        key(
            "by",
            Ty::PartyOrAll,
            Req::Required,
            "who gives the indemnity (`all`: each party)",
        ),
        key(
            "to",
            Ty::PartyOrAll,
            Req::Optional,
            "who is indemnified (default: the other parties)",
        ),
        key(
            "covers",
            Ty::Str,
            Req::Required,
            "the claims or losses it covers",
        ),
        key(
            "capped",
            Ty::Bool,
            Req::Expected,
            "whether the liability cap applies to it",
        ),
    ],
    &[],
);

pub static GUARANTEE: BlockDef = block(
    "guarantee",
    "liability.guarantee",
    Labels::Title,
    "a guarantee of a party's obligations, often by its parent: `guarantee \"TITLE\" { … }`",
    &[
        key(
            "by",
            Ty::Str,
            Req::Required,
            "who gives the guarantee, such as the party's parent company",
        ),
        key(
            "for",
            Ty::Party,
            Req::Required,
            "the party whose obligations are guaranteed",
        ),
        key(
            "covers",
            Ty::Str,
            Req::Optional,
            "what it covers (default: all the party's obligations)",
        ),
        key(
            "cap",
            Ty::Money,
            Req::Optional,
            "the most the guarantor can owe",
        ),
    ],
    &[],
);

pub static FORCE_MAJEURE: BlockDef = block(
    "force_majeure",
    "liability.force_majeure",
    Labels::None,
    "events beyond a party's control that excuse its performance",
    &[
        key(
            "events",
            Ty::Strings,
            Req::Optional,
            "the events that count, such as war, epidemic or a change in law",
        ),
        key(
            "notice",
            Ty::Duration,
            Req::Optional,
            "how soon the affected party must tell the others",
        ),
        dedicated(
            "longstop",
            Ty::Duration,
            Req::Optional,
            "force-majeure-without-exit",
            "how long force majeure may last before the others may terminate",
        ),
    ],
    &[],
);

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
        key(
            "warranties",
            Ty::Strings,
            Req::Optional,
            "the warranties the parties give",
        ),
        key(
            "disclaimer",
            Ty::Bool,
            Req::Optional,
            "whether all other warranties are disclaimed (\"as is\")",
        ),
        key(
            "indirect_loss",
            Ty::Enum(INDIRECT_LOSS),
            Req::Optional,
            "whether indirect and consequential loss is `excluded` or `recoverable`",
        ),
        key(
            "injunctive_relief",
            Ty::Enum(INJUNCTIVE_RELIEF),
            Req::Optional,
            "whether a party may seek an injunction: `yes`, `no` or `without_bond` (without posting a bond)",
        ),
        key(
            "costs",
            Ty::Enum(COSTS),
            Req::Optional,
            "who bears the costs of a dispute: `loser_pays` or `each_own`",
        ),
    ],
    &[
        many(&INDEMNITY, Req::Optional),
        many(&GUARANTEE, Req::Optional),
        one(&FORCE_MAJEURE, Req::Optional),
    ],
);
