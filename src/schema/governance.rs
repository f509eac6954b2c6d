//! Governance: committees, reporting, reserved matters, scope change.

use super::*;

pub static COMMITTEE: BlockDef = block(
    "committee",
    "governance.committee",
    Labels::IdAndTitle,
    "a governing committee: `committee ID \"NAME\" { … }`",
    &[
        key("seats", Ty::Seats, Req::Required, "seats per party"),
        key("meets", Ty::Meets, Req::Required, "how often it meets"),
        key("decides", Ty::Decision, Req::Required, "how it decides"),
        key(
            "quorum",
            Ty::Number,
            Req::Optional,
            "members needed for a decision",
        ),
        key("chair", Ty::PartyOrRotating, Req::Optional, "who chairs it"),
        key(
            "rotation",
            Ty::Cadence,
            Req::When("required when `chair` is `rotating`"),
            "how often the chair rotates",
        ),
        key(
            "independent",
            Ty::Number,
            Req::Optional,
            "independent members",
        ),
        key(
            "casting_vote",
            Ty::Bool,
            Req::Optional,
            "whether the chair decides a tie",
        ),
        key(
            "decides_on",
            Ty::Strings,
            Req::Optional,
            "what the committee decides (its powers)",
        ),
        key(
            "recommends",
            Ty::Strings,
            Req::Optional,
            "what it only recommends, for others to decide",
        ),
        key(
            "reports_to",
            Ty::Committee,
            Req::Optional,
            "the committee it reports to",
        ),
    ],
    &[],
);

pub static KEY_PERSON: BlockDef = block(
    "key_person",
    "governance.key_person",
    Labels::Title,
    "a person the alliance depends on: `key_person \"NAME\" { … }`",
    &[
        key(
            "party",
            Ty::Party,
            Req::Required,
            "the party the person works for",
        ),
        key("role", Ty::Str, Req::Required, "what the person does"),
        key(
            "replacement",
            Ty::Str,
            Req::Optional,
            "how the person may be replaced, such as only with the other parties' consent",
        ),
    ],
    &[],
);

pub static REPORTING: BlockDef = block(
    "reporting",
    "governance.reporting",
    Labels::None,
    "the communication cadence",
    &[
        key(
            "operations",
            Ty::Cadence,
            Req::Optional,
            "operational calls",
        ),
        key("progress", Ty::Cadence, Req::Optional, "progress reviews"),
        key("strategy", Ty::Cadence, Req::Optional, "strategic reviews"),
    ],
    &[],
);

/// A reserved matter with a majority of its own: `matter "TITLE" { decides: 75% }`, in
/// `governance.reserved_matters` and in a joint venture's `board`.
pub static MATTER: BlockDef = block(
    "matter",
    "reserved_matters.matter",
    Labels::Title,
    "a reserved matter with the majority it needs: `matter \"WHAT\" { decides: … }`",
    &[key(
        "decides",
        Ty::Decision,
        Req::Required,
        "the majority this matter needs, such as `unanimous` or `75%`",
    )],
    &[],
);

pub static RESERVED_MATTERS: BlockDef = block(
    "reserved_matters",
    "governance.reserved_matters",
    Labels::None,
    "decisions that need a stronger majority",
    &[
        key("matters", Ty::Strings, Req::Optional, "the matters"),
        key(
            "decides",
            Ty::Decision,
            Req::Optional,
            "how they are decided",
        ),
    ],
    &[many(&MATTER, Req::Optional)],
);

pub static SCOPE_CHANGE: BlockDef = block(
    "scope_change",
    "governance.scope_change",
    Labels::None,
    "how the alliance's scope may change",
    &[
        key(
            "approved_by",
            Ty::Committee,
            Req::Optional,
            "the committee that approves",
        ),
        key(
            "amendment_required",
            Ty::Bool,
            Req::Optional,
            "whether a written amendment is needed",
        ),
    ],
    &[],
);

pub static DEADLOCK: BlockDef = block(
    "deadlock",
    "governance.deadlock",
    Labels::None,
    "what happens when the parties (or the board of the joint venture) cannot decide",
    &[
        key(
            "means",
            Ty::Str,
            Req::Expected,
            "what counts as a deadlock, such as no decision on a reserved matter at two meetings",
        ),
        key(
            "steps",
            Ty::Words(DEADLOCK_STEPS),
            Req::Optional,
            "the steps before the device, in order: referral to `managers`, `executives`, `senior_executives` or `chief_executives`, `mediation`, `expert`",
        ),
        key(
            "within",
            Ty::Duration,
            Req::Optional,
            "how long the steps take before the device applies",
        ),
        dedicated(
            "device",
            Ty::Enum(DEADLOCK_DEVICES),
            Req::Optional,
            "deadlock-without-device",
            "what ends the deadlock: `casting_vote`, `expert`, `put_call`, `shotgun`, `texas_shootout`, `sale`, `dissolution` or `status_quo`",
        ),
    ],
    &[],
);

pub static GOVERNANCE: BlockDef = block(
    "governance",
    "governance",
    Labels::None,
    "committees, reporting and reviews",
    &[dedicated(
        "health_check",
        Ty::Cadence,
        Req::Expected,
        "no-health-check",
        "how often the alliance's health is reviewed",
    )],
    &[
        many(&COMMITTEE, Req::Required),
        one(&REPORTING, Req::Expected),
        one(&RESERVED_MATTERS, Req::Optional),
        one(&SCOPE_CHANGE, Req::Expected),
        one(&DEADLOCK, Req::Optional),
        many(&KEY_PERSON, Req::Optional),
    ],
);
