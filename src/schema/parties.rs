//! Parties, and the equity and joint-venture blocks: stakes, boards, entities.

use super::*;

pub static PARTY: BlockDef = block(
    "party",
    "party",
    Labels::IdAndTitle,
    "one party to the agreement: `party ID \"LEGAL NAME\" { … }`",
    &[
        key(
            "role",
            Ty::Enum(ROLES),
            Req::Optional,
            "the party's role in the alliance",
        ),
        key(
            "jurisdiction",
            Ty::Str,
            Req::Expected,
            "where the party is incorporated",
        ),
        key(
            "short",
            Ty::Str,
            Req::Optional,
            "the short name the agreement defines for the party, such as `\"Helix\"`",
        ),
        key(
            "signatory",
            Ty::Str,
            Req::Expected,
            "who signs for the party",
        ),
        key(
            "alliance_manager",
            Ty::Str,
            Req::Expected,
            "the party's single point of contact for the alliance",
        ),
        key("contact", Ty::Str, Req::Optional, "another contact"),
        key(
            "kind",
            Ty::Enum(PARTY_KINDS),
            Req::Optional,
            "what kind of body the party is: `company`, `university`, `research_institute`, `public_body` or `individual`",
        ),
    ],
    &[],
);

pub static STAKE: BlockDef = block(
    "stake",
    "equity.stake",
    Labels::None,
    "one equity stake: who holds how much of whom",
    &[
        key(
            "holder",
            Ty::Party,
            Req::Required,
            "the party that holds the shares",
        ),
        key(
            "issuer",
            Ty::Party,
            Req::Required,
            "the party whose shares are held",
        ),
        key(
            "percent",
            Ty::Percent,
            Req::When("required unless `shares` gives the stake as a number of shares"),
            "the size of the stake",
        ),
        key(
            "shares",
            Ty::Count,
            Req::Optional,
            "the size of the stake as a number of shares",
        ),
        key(
            "class",
            Ty::Str,
            Req::Optional,
            "the class of shares, such as \"Series D-1 convertible preferred\"",
        ),
        key("amount", Ty::Money, Req::Expected, "the price paid"),
        key(
            "closing",
            Ty::Date,
            Req::Optional,
            "when the stake is acquired",
        ),
    ],
    &[],
);

pub static EQUITY: BlockDef = block(
    "equity",
    "equity",
    Labels::None,
    "the equity stakes of an equity alliance (several for cross-holdings)",
    &[
        key(
            "board_seats",
            Ty::Seats,
            Req::Optional,
            "board seats each holder gains",
        ),
        key(
            "information_rights",
            Ty::Bool,
            Req::Expected,
            "whether holders receive the issuer's information",
        ),
        key(
            "unwind",
            Ty::Str,
            Req::Expected,
            "what happens to the stakes on exit",
        ),
        key(
            "survives_sale",
            Ty::Bool,
            Req::Optional,
            "whether the alliance goes on if a holder sells its stake",
        ),
    ],
    &[many(&STAKE, Req::Required)],
);

pub static BOARD: BlockDef = block(
    "board",
    "entity.board",
    Labels::None,
    "the joint-venture company's board",
    &[
        key("seats", Ty::Seats, Req::Required, "board seats per parent"),
        key(
            "independent",
            Ty::Number,
            Req::Optional,
            "independent directors",
        ),
        key(
            "decides",
            Ty::Decision,
            Req::Required,
            "how the board decides",
        ),
        key(
            "reserved",
            Ty::Strings,
            Req::Expected,
            "matters the parents keep a veto on",
        ),
        key(
            "reserved_decides",
            Ty::Decision,
            Req::Optional,
            "the majority the reserved matters need, such as `unanimous` or `75%`",
        ),
        key(
            "meets",
            Ty::Cadence,
            Req::Optional,
            "how often the board meets",
        ),
        key(
            "quorum",
            Ty::Number,
            Req::Optional,
            "how many directors must be present",
        ),
        key(
            "chair",
            Ty::PartyOrRotating,
            Req::Optional,
            "which parent appoints the chair, or `rotating`",
        ),
        key(
            "casting_vote",
            Ty::Bool,
            Req::Optional,
            "whether the chair has a casting vote on a tie",
        ),
        key(
            "observers",
            Ty::Seats,
            Req::Optional,
            "observers (without a vote) each parent may send",
        ),
        key(
            "auditor",
            Ty::Str,
            Req::Optional,
            "the company's statutory auditor",
        ),
    ],
    &[many(&super::governance::MATTER, Req::Optional)],
);

pub static FUNDING: BlockDef = block(
    "funding",
    "entity.funding",
    Labels::None,
    "the parents' commitments to fund the company, and what happens to one that does not",
    &[
        key(
            "commitments",
            Ty::Amounts,
            Req::Optional,
            "what each parent has committed to fund beyond its initial capital",
        ),
        key(
            "calls",
            Ty::Str,
            Req::Optional,
            "how further capital is called, such as by the board on 30 days' notice",
        ),
        key(
            "non_funding",
            Ty::Enum(NON_FUNDING),
            Req::Optional,
            "what happens to a parent that does not fund a call: `dilution`, `loan` (the other funds it as a loan), `default` or `buy_out`",
        ),
    ],
    &[],
);

pub static ENTITY: BlockDef = block(
    "entity",
    "entity",
    Labels::IdAndTitle,
    "the new joint-venture company: `entity ID \"NAME\" { … }`",
    &[
        key(
            "jurisdiction",
            Ty::Str,
            Req::Required,
            "where the company is incorporated",
        ),
        key(
            "ownership",
            Ty::Shares,
            Req::Required,
            "who owns how much of it",
        ),
        key(
            "capital",
            Ty::Amounts,
            Req::Expected,
            "capital each parent puts in",
        ),
        key("management", Ty::Str, Req::Optional, "who runs it"),
    ],
    &[one(&BOARD, Req::Required), one(&FUNDING, Req::Optional)],
);
