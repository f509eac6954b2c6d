//! Compliance, confidentiality and the covenants: restraints, refusal rights, assignment, audit.

use super::*;

pub static COMPLIANCE: BlockDef = block(
    "compliance",
    "compliance",
    Labels::None,
    "the laws and regimes the alliance must respect",
    &[
        key(
            "jurisdictions",
            Ty::Strings,
            Req::Expected,
            "where the alliance operates",
        ),
        key(
            "regimes",
            Ty::Words(REGIMES),
            Req::Expected,
            "regulatory regimes that apply",
        ),
        key(
            "change_in_law",
            Ty::Str,
            Req::Optional,
            "what happens when the law changes",
        ),
    ],
    &[],
);

pub static CONFIDENTIALITY: BlockDef = block(
    "confidentiality",
    "confidentiality",
    Labels::None,
    "confidentiality obligations",
    &[key(
        "term",
        Ty::Duration,
        Req::Optional,
        "how long confidentiality lasts",
    )],
    &[],
);

// Covenants.

pub static EXCLUSIVITY: BlockDef = block(
    "exclusivity",
    "covenants.exclusivity",
    Labels::None,
    "parties deal only with each other in a field",
    &[
        key("binds", Ty::PartiesOrAll, Req::Required, "who is bound"),
        key("scope", Ty::Str, Req::Required, "the field"),
        key(
            "after_exit",
            Ty::Duration,
            Req::Optional,
            "how long it survives exit",
        ),
        key("carve_outs", Ty::Str, Req::Optional, "what is excepted"),
    ],
    &[],
);

pub static NON_COMPETE: BlockDef = block(
    "non_compete",
    "covenants.non_compete",
    Labels::None,
    "parties do not compete with the alliance",
    &[
        key("binds", Ty::PartiesOrAll, Req::Required, "who is bound"),
        key("scope", Ty::Str, Req::Required, "the field"),
        dedicated(
            "territory",
            Ty::Str,
            Req::Expected,
            "restraint-without-scope",
            "where it applies",
        ),
        key(
            "after_exit",
            Ty::Duration,
            Req::Optional,
            "how long it survives exit",
        ),
        key("carve_outs", Ty::Str, Req::Optional, "what is excepted"),
    ],
    &[],
);

pub static NON_SOLICIT: BlockDef = block(
    "non_solicit",
    "covenants.non_solicit",
    Labels::None,
    "parties do not poach each other's customers or employees",
    &[
        key(
            "of",
            Ty::Words(SOLICIT_OF),
            Req::Required,
            "customers, employees or both",
        ),
        key("binds", Ty::PartiesOrAll, Req::Required, "who is bound"),
        key(
            "after_exit",
            Ty::Duration,
            Req::Optional,
            "how long it survives exit",
        ),
    ],
    &[],
);

pub static NON_DISPARAGEMENT: BlockDef = block(
    "non_disparagement",
    "covenants.non_disparagement",
    Labels::None,
    "parties do not speak ill of each other",
    &[key(
        "binds",
        Ty::PartiesOrAll,
        Req::Required,
        "who is bound",
    )],
    &[],
);

pub static FIRST_REFUSAL: BlockDef = block(
    "first_refusal",
    "covenants.first_refusal",
    Labels::Title,
    "a right of first refusal, offer or negotiation: `first_refusal \"TITLE\" { … }`",
    &[
        key("holder", Ty::Party, Req::Required, "who holds the right"),
        key(
            "kind",
            Ty::Enum(REFUSAL_KINDS),
            Req::Required,
            "refusal, offer or negotiation",
        ),
        key("over", Ty::Str, Req::Required, "what it covers"),
        key(
            "window",
            Ty::Duration,
            Req::Expected,
            "how long the holder has to answer",
        ),
    ],
    &[],
);

pub static MOST_FAVOURED: BlockDef = block(
    "most_favoured",
    "covenants.most_favoured",
    Labels::None,
    "most-favoured terms for one party",
    &[
        key("beneficiary", Ty::Party, Req::Required, "who benefits"),
        key("scope", Ty::Str, Req::Required, "which terms"),
    ],
    &[],
);

pub static MINIMUM_COMMITMENT: BlockDef = block(
    "minimum_commitment",
    "covenants.minimum_commitment",
    Labels::Title,
    "a minimum purchase or spend: `minimum_commitment \"TITLE\" { … }`",
    &[
        key("party", Ty::Party, Req::Required, "who commits"),
        key("amount", Ty::Money, Req::Required, "how much"),
        key("per", Ty::Cadence, Req::Required, "per what period"),
    ],
    &[],
);

pub static ASSIGNMENT: BlockDef = block(
    "assignment",
    "covenants.assignment",
    Labels::None,
    "whether a party may assign the agreement",
    &[
        key(
            "consent_required",
            Ty::Bool,
            Req::Required,
            "whether the others must consent",
        ),
        key(
            "exceptions",
            Ty::Str,
            Req::Optional,
            "assignments allowed without consent",
        ),
    ],
    &[],
);

pub static AUDIT: BlockDef = block(
    "audit",
    "covenants.audit",
    Labels::None,
    "audit rights",
    &[
        key("by", Ty::PartiesOrAll, Req::Required, "who may audit"),
        key(
            "every",
            Ty::AuditEvery,
            Req::Expected,
            "how often, or `any_time`",
        ),
        key(
            "notice",
            Ty::Duration,
            Req::Expected,
            "notice before an audit",
        ),
    ],
    &[],
);

pub static TRANSFERS: BlockDef = block(
    "transfers",
    "covenants.transfers",
    Labels::None,
    "when and how a party may sell its shares or its interest in the alliance",
    &[
        key(
            "lock_up",
            Ty::Duration,
            Req::Optional,
            "how long no party may transfer, from the closing or the effective date (or `{ until: \"…\" }`)",
        ),
        key(
            "binds",
            Ty::PartiesOrAll,
            Req::Optional,
            "whom the lock-up binds (default: every party)",
        ),
        dedicated(
            "after_lock_up",
            Ty::Enum(AFTER_LOCK_UP),
            Req::Optional,
            "lock-up-without-exit",
            "what applies after the lock-up: `free` (a party may transfer freely), `first_refusal` (subject to the `first_refusal` rights) or `consent` (only with the others' consent)",
        ),
        key(
            "permitted",
            Ty::Strings,
            Req::Optional,
            "transfers allowed at any time, such as to a wholly owned affiliate",
        ),
        key(
            "tag_along",
            Ty::Bool,
            Req::Optional,
            "whether the others may join a sale on the same terms",
        ),
        key(
            "drag_along",
            Ty::Bool,
            Req::Optional,
            "whether a majority seller may make the others sell with it",
        ),
        key(
            "drag_threshold",
            Ty::Percent,
            Req::Optional,
            "the holding above which a seller may drag the others along",
        ),
    ],
    &[],
);

pub static COVENANTS: BlockDef = block(
    "covenants",
    "covenants",
    Labels::None,
    "restrictive and commercial covenants",
    &[key(
        "third_party_beneficiaries",
        Ty::BoolOrStrings,
        Req::Optional,
        "whether third parties may enforce the agreement",
    )],
    &[
        one(&EXCLUSIVITY, Req::Optional),
        one(&NON_COMPETE, Req::Optional),
        one(&NON_SOLICIT, Req::Optional),
        one(&NON_DISPARAGEMENT, Req::Optional),
        many(&FIRST_REFUSAL, Req::Optional),
        one(&TRANSFERS, Req::Optional),
        one(&MOST_FAVOURED, Req::Optional),
        many(&MINIMUM_COMMITMENT, Req::Optional),
        one(&ASSIGNMENT, Req::Optional),
        one(&AUDIT, Req::Optional),
    ],
);

// Metrics.
