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
        key(
            "joint_ip",
            Ty::Bool,
            Req::Optional,
            "whether the licence covers (a co-owner's interest in) the jointly owned IP",
        ),
    ],
    &[],
);

pub static RESULT: BlockDef = block(
    "result",
    "ip.result",
    Labels::Title,
    "who owns one kind of result: `result \"TITLE\" { … }`",
    &[
        key(
            "owner",
            Ty::JointIp,
            Req::Required,
            "who owns it: `jointly_owned`, `creator`, a party or the joint-venture company",
        ),
        key(
            "field",
            Ty::Str,
            Req::Optional,
            "the field the results belong to, such as platform improvements or compounds",
        ),
    ],
    &[],
);

pub static PATENTS: BlockDef = block(
    "patents",
    "ip.patents",
    Labels::None,
    "who files and enforces patents on the results, and who pays",
    &[
        key(
            "files",
            Ty::PartyOrAll,
            Req::Optional,
            "who files and prosecutes patent applications (`all`: the owners together)",
        ),
        key(
            "enforces",
            Ty::PartyOrAll,
            Req::Optional,
            "who may sue infringers first",
        ),
        key(
            "costs",
            Ty::Enum(PATENT_COSTS),
            Req::Optional,
            "who pays: the `filer`, `shared` equally, or `pro_rata` to ownership",
        ),
    ],
    &[],
);

pub static PUBLICATION: BlockDef = block(
    "publication",
    "ip.publication",
    Labels::None,
    "the right to publish results, after the others have reviewed them",
    &[
        key("by", Ty::PartiesOrAll, Req::Required, "who may publish"),
        key(
            "review",
            Ty::Duration,
            Req::Expected,
            "how long the others have to review a draft",
        ),
        key(
            "delay",
            Ty::Duration,
            Req::Optional,
            "how much longer publication may be held back to file a patent",
        ),
    ],
    &[],
);

pub static DATA_PROTECTION: BlockDef = block(
    "data_protection",
    "ip.data_protection",
    Labels::None,
    "personal data in the alliance, the parties' roles, and the use of alliance data",
    &[
        key(
            "personal_data",
            Ty::Bool,
            Req::Optional,
            "whether the parties share personal data",
        ),
        dedicated(
            "roles",
            Ty::Enum(DATA_ROLES),
            Req::Optional,
            "personal-data-without-roles",
            "the parties' roles under data-protection law: `independent_controllers`, `joint_controllers` or `controller_processor`",
        ),
        key(
            "controller",
            Ty::Party,
            Req::When("required when `roles` is `controller_processor`"),
            "the controller",
        ),
        key(
            "training",
            Ty::Bool,
            Req::Optional,
            "whether alliance data may be used to train machine-learning models",
        ),
        key(
            "models_owned_by",
            Ty::JointIp,
            Req::Optional,
            "who owns models trained on alliance data",
        ),
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
        dedicated(
            "joint_exploitation",
            Ty::Enum(JOINT_EXPLOITATION),
            Req::Optional,
            "joint-ip-without-exploitation",
            "what a co-owner of joint IP may do alone: `each_freely` (exploit and license it), `consent` (only with the others' consent) or `accounting` (freely, sharing the profits)",
        ),
        key(
            "joint_shares",
            Ty::Shares,
            Req::Optional,
            "each co-owner's share of jointly owned IP",
        ),
    ],
    &[
        many(&LICENSE, Req::Optional),
        many(&RESULT, Req::Optional),
        one(&PATENTS, Req::Optional),
        one(&PUBLICATION, Req::Optional),
        one(&DATA_PROTECTION, Req::Optional),
    ],
);
