//! Intellectual property: background, joint results, licences.

use super::*;

pub static LICENSE: BlockDef = block(
    "license",
    "ip.license",
    Labels::Title,
    "a licence between parties: `license \"TITLE\" { … }`",
    &[
        key("grantor", Ty::Party, Req::Required, "who grants it"),
        key(
            "grantee",
            Ty::PartyOrAll,
            Req::Required,
            "who receives it (`all`: every other party)",
        ),
        key("scope", Ty::Str, Req::Required, "what it covers"),
        key(
            "exclusive",
            Ty::Bool,
            Req::Expected,
            "whether it is exclusive",
        ),
        key(
            "transferable",
            Ty::Bool,
            Req::Optional,
            "whether it may be transferred",
        ),
        key(
            "sublicensable",
            Ty::Bool,
            Req::Optional,
            "whether it may be sublicensed",
        ),
        key(
            "affiliates",
            Ty::Bool,
            Req::Optional,
            "whether affiliates may use it",
        ),
        key(
            "perpetual",
            Ty::Bool,
            Req::Optional,
            "whether it outlives the agreement",
        ),
        key(
            "irrevocable",
            Ty::Bool,
            Req::Optional,
            "whether it can be revoked",
        ),
        key("royalty", Ty::Royalty, Req::Optional, "the royalty"),
    ],
    &[],
);

pub static IP: BlockDef = block(
    "ip",
    "ip",
    Labels::None,
    "intellectual property: background, joint developments, licences, exit",
    &[
        key(
            "background",
            Ty::Enum(BACKGROUND_IP),
            Req::Required,
            "what happens to each party's existing IP",
        ),
        key(
            "joint",
            Ty::JointIp,
            Req::Required,
            "who owns jointly developed IP",
        ),
        dedicated(
            "after_exit",
            Ty::Text,
            Req::Required,
            "ip-exit-unaddressed",
            "what happens to IP when the alliance ends",
        ),
        key(
            "assigned_to",
            Ty::PartyOrEntity,
            Req::Optional,
            "who IP created by one party belongs to",
        ),
        key(
            "escrow",
            Ty::Str,
            Req::Optional,
            "source-code escrow and its release events",
        ),
    ],
    &[many(&LICENSE, Req::Optional)],
);
