//! Disputes: the ladder of steps, from negotiation to a binding forum.

use super::*;

pub static NEGOTIATION: BlockDef = block(
    "negotiation",
    "disputes.negotiation",
    Labels::None,
    "the parties negotiate",
    &[
        key(
            "between",
            Ty::Enum(NEGOTIATORS),
            Req::Optional,
            "who negotiates",
        ),
        key(
            "within",
            Ty::Duration,
            Req::Optional,
            "how long before the next step",
        ),
        key(
            "meetings",
            Ty::Count,
            Req::Optional,
            "after how many meetings without agreement the dispute moves on",
        ),
    ],
    &[],
);

pub static ESCALATION: BlockDef = block(
    "escalation",
    "disputes.escalation",
    Labels::None,
    "the dispute goes to a committee",
    &[
        key("to", Ty::Committee, Req::Optional, "the committee"),
        key(
            "within",
            Ty::Duration,
            Req::Optional,
            "how long before the next step",
        ),
        key(
            "meetings",
            Ty::Number,
            Req::Optional,
            "after how many meetings without agreement the dispute moves on",
        ),
    ],
    &[],
);

pub static MEDIATION: BlockDef = block(
    "mediation",
    "disputes.mediation",
    Labels::None,
    "a neutral mediator helps",
    &[
        key("provider", Ty::Str, Req::Optional, "the mediation provider"),
        key(
            "within",
            Ty::Duration,
            Req::Optional,
            "how long before the next step",
        ),
    ],
    &[],
);

pub static EXPERT: BlockDef = block(
    "expert",
    "disputes.expert",
    Labels::None,
    "an expert decides",
    &[
        key(
            "provider",
            Ty::Str,
            Req::Optional,
            "who appoints the expert",
        ),
        key(
            "binding",
            Ty::Bool,
            Req::Optional,
            "whether the decision binds",
        ),
    ],
    &[],
);

pub static ARBITRATION: BlockDef = block(
    "arbitration",
    "disputes.arbitration",
    Labels::None,
    "binding arbitration",
    &[
        key("rules", Ty::Str, Req::Required, "the arbitration rules"),
        key("seat", Ty::Str, Req::Required, "the seat of arbitration"),
        key(
            "arbitrators",
            Ty::Number,
            Req::Optional,
            "how many arbitrators",
        ),
    ],
    &[],
);

pub static LITIGATION: BlockDef = block(
    "litigation",
    "disputes.litigation",
    Labels::None,
    "the courts decide",
    &[key("courts", Ty::Str, Req::Required, "which courts")],
    &[],
);

pub static DISPUTES: BlockDef = block(
    "disputes",
    "disputes",
    Labels::None,
    "the escalation ladder, in order",
    &[],
    &[
        many(&NEGOTIATION, Req::Optional),
        many(&ESCALATION, Req::Optional),
        one(&MEDIATION, Req::Optional),
        one(&EXPERT, Req::Optional),
        one(&ARBITRATION, Req::Optional),
        one(&LITIGATION, Req::Optional),
    ],
);

// Exit.
