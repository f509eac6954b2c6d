//! The agreement block itself, its related documents and free clauses.

use super::*;

pub static CLAUSE: BlockDef = block(
    "clause",
    "clause",
    Labels::IdAndTitle,
    "a free prose clause: `clause ID \"TITLE\" { text: … }`",
    &[key("text", Ty::Text, Req::Required, "the clause's text")],
    &[],
);

pub const DOCUMENT_KINDS: &[&str] = &["schedule", "exhibit", "annex", "plan", "agreement"];

pub static DOCUMENT: BlockDef = block(
    "document",
    "document",
    Labels::IdAndTitle,
    "a related document: `document ID \"TITLE\" { kind: schedule }`",
    &[
        key(
            "kind",
            Ty::Enum(DOCUMENT_KINDS),
            Req::Required,
            "what it is: a schedule, exhibit, annex, plan or separate agreement",
        ),
        key(
            "interdependent",
            Ty::Bool,
            Req::Optional,
            "whether it stands or falls together with this agreement",
        ),
        key("signed", Ty::Date, Req::Optional, "when it was signed"),
    ],
    &[],
);

pub static SIDE: BlockDef = block(
    "side",
    "side",
    Labels::IdAndTitle,
    "parties that together form one side of the deal, such as a parent and its subsidiary: `side ID \"NAME\" { … }`",
    &[
        key(
            "parties",
            Ty::PartiesOrAll,
            Req::Required,
            "the parties on this side",
        ),
        key(
            "liability",
            Ty::Enum(SIDE_LIABILITY),
            Req::Optional,
            "how the parties of the side answer for its obligations: `joint_and_several` (each for the whole) or `several` (each for its own part)",
        ),
    ],
    &[],
);

pub static AGREEMENT: BlockDef = block(
    "agreement",
    "agreement",
    Labels::Title,
    "the agreement: `agreement \"TITLE\" { … }`",
    &[
        key(
            "model",
            Ty::Enum(MODELS),
            Req::Required,
            "the alliance model",
        ),
        key(
            "purpose",
            Ty::Text,
            Req::Required,
            "what the alliance is for",
        ),
        key(
            "scope",
            Ty::Text,
            Req::Optional,
            "what is in and out of scope",
        ),
        key("effective", Ty::Date, Req::Required, "the start date"),
        key("term", Ty::Term, Req::Required, "how long it runs"),
        key(
            "renewal",
            Ty::Enum(RENEWALS),
            Req::Optional,
            "how it renews",
        ),
        key(
            "renewal_term",
            Ty::Duration,
            Req::When("required when `renewal` is `automatic`"),
            "the length of each renewal",
        ),
        dedicated(
            "renewal_notice",
            Ty::Duration,
            Req::When("required when `renewal` is `automatic`"),
            "renewal-without-notice",
            "notice needed to stop the next renewal",
        ),
        key(
            "signed",
            Ty::Date,
            Req::Optional,
            "the agreement date, when it differs from `effective`",
        ),
        key(
            "governing_law",
            Ty::Str,
            Req::Required,
            "the law that governs the agreement",
        ),
        key(
            "status",
            Ty::Enum(DOCUMENT_STATUSES),
            Req::Optional,
            "the document's own status: `draft`, `for_signature` or `signed` (a file with errors or TODOs is a draft whatever it says)",
        ),
        key(
            "version",
            Ty::Str,
            Req::Optional,
            "the version label, such as `\"Draft 3\"`",
        ),
        key(
            "dated",
            Ty::Date,
            Req::Optional,
            "the date of this version of the document",
        ),
        key(
            "legend",
            Ty::Strings,
            Req::Optional,
            "legends printed on every page, such as `\"Subject to contract\"` or `\"Confidential\"`",
        ),
        key(
            "binding",
            Ty::Words(BINDING_PARTS),
            Req::Optional,
            "which parts bind the parties: `none`, `all`, or parts such as `[confidentiality, exclusivity, costs]`",
        ),
        key(
            "allow",
            Ty::RuleNames,
            Req::Optional,
            "rules switched off for this file",
        ),
    ],
    &[
        ChildDef {
            block: &PARTY,
            req: Req::When("at least two"),
            repeats: true,
            dedicated: Some("too-few-parties"),
        },
        one(&EQUITY, Req::When("required when `model` is `equity`")),
        one(
            &ENTITY,
            Req::When("required when `model` is `joint_venture`"),
        ),
        one(&GOVERNANCE, Req::Required),
        one(&CONTRIBUTIONS, Req::Required),
        one(&SHARING, Req::Required),
        one(&LIABILITY, Req::Expected),
        one(&IP, Req::Expected),
        one(&COMPLIANCE, Req::Expected),
        one(&CONFIDENTIALITY, Req::Optional),
        one(&COVENANTS, Req::Optional),
        one(&METRICS, Req::Required),
        one(&DISPUTES, Req::Required),
        one(&EXIT, Req::Required),
        many(&CLAUSE, Req::Optional),
        many(&DOCUMENT, Req::Optional),
        many(&SIDE, Req::Optional),
    ],
);
