//! Contributions: what each party brings, as resources and deliverables.

use super::*;

pub static RESOURCE: BlockDef = block(
    "resource",
    "contributions.from.resource",
    Labels::Title,
    "something a party brings: `resource \"TITLE\" { … }`",
    &[
        key(
            "kind",
            Ty::Enum(RESOURCE_KINDS),
            Req::Required,
            "what kind of resource",
        ),
        key(
            "value",
            Ty::Money,
            Req::When("required for kind `cash`"),
            "what it is worth",
        ),
        key(
            "fte",
            Ty::Number,
            Req::Optional,
            "full-time equivalents, for staff",
        ),
        key(
            "license",
            Ty::Enum(LICENSE_TERMS),
            Req::When("expected for kind `ip`"),
            "on what terms IP is made available",
        ),
        key("schedule", Ty::Str, Req::Optional, "when it is provided"),
    ],
    &[],
);

pub static DELIVERABLE: BlockDef = block(
    "deliverable",
    "contributions.from.deliverable",
    Labels::Title,
    "something a party delivers: `deliverable \"TITLE\" { … }`",
    &[
        key("due", Ty::Date, Req::Required, "when it is due"),
        key("acceptance", Ty::Str, Req::Optional, "how it is accepted"),
    ],
    &[],
);

pub static FROM: BlockDef = block(
    "from",
    "contributions.from",
    Labels::PartyRef,
    "what one party contributes: `from PARTY { … }`",
    &[],
    &[
        many(&RESOURCE, Req::Optional),
        many(&DELIVERABLE, Req::Optional),
    ],
);

pub static CONTRIBUTIONS: BlockDef = block(
    "contributions",
    "contributions",
    Labels::None,
    "what each party brings",
    &[dedicated(
        "review",
        Ty::Cadence,
        Req::Expected,
        "contributions-not-reviewed",
        "how often contributions are reviewed",
    )],
    &[ChildDef {
        block: &FROM,
        req: Req::When("one for every party"),
        repeats: true,
        dedicated: Some("missing-contribution"),
    }],
);
