//! Exit: termination rights, withdrawal, review, evolution.

use super::*;

pub static TERMINATION: BlockDef = block(
    "termination",
    "exit.termination",
    Labels::Kind(TERMINATION_KINDS),
    "a right to end the agreement: `termination KIND { … }`",
    &[
        dedicated(
            "notice",
            Ty::Notice,
            Req::Optional,
            "termination-without-notice",
            "notice to give, or `immediate`",
        ),
        key(
            "cure",
            Ty::Duration,
            Req::Optional,
            "time to put a breach right",
        ),
        key(
            "cure_plan",
            Ty::Text,
            Req::Optional,
            "a plan to cure the breach the party in breach must present, instead of or besides a cure period",
        ),
        key(
            "held_by",
            Ty::Holders,
            Req::Optional,
            "who may use the right: some parties, `all` (the default) or `non_defaulting` (only a party not in breach)",
        ),
        key(
            "earliest",
            Ty::Date,
            Req::Optional,
            "the earliest date it can be used",
        ),
        key("trigger", Ty::Str, Req::Optional, "what triggers it"),
    ],
    &[],
);

pub static OPTION: BlockDef = block(
    "option",
    "exit.option",
    Labels::Kind(OPTION_KINDS),
    "a put option (to make another buy) or a call option (to make another sell): `option put { … }`",
    &[
        key(
            "holder",
            Ty::Party,
            Req::Required,
            "the party that may exercise the option",
        ),
        key(
            "against",
            Ty::Party,
            Req::Optional,
            "the party that must buy (put) or sell (call)",
        ),
        key(
            "over",
            Ty::Str,
            Req::Expected,
            "the shares or interest the option is over",
        ),
        key(
            "triggers",
            Ty::Words(OPTION_TRIGGERS),
            Req::Required,
            "what opens the option: `breach`, `change_of_control`, `insolvency`, `deadlock`, `window`",
        ),
        key(
            "from",
            Ty::Date,
            Req::When("required for the trigger `window`"),
            "the first day of the window",
        ),
        key(
            "until",
            Ty::Date,
            Req::Optional,
            "the last day of the window",
        ),
        dedicated(
            "price",
            Ty::Enum(OPTION_PRICES),
            Req::Optional,
            "option-without-price",
            "how the price is set: `fair_market_value`, `net_book_value`, `formula` or `fixed`",
        ),
        key(
            "price_by",
            Ty::Str,
            Req::Optional,
            "who sets the price, such as an independent valuer",
        ),
        key(
            "price_formula",
            Ty::Text,
            Req::When("required when `price` is `formula`"),
            "the formula for the price",
        ),
        key(
            "amount",
            Ty::Money,
            Req::When("required when `price` is `fixed`"),
            "the fixed price",
        ),
        key(
            "discount",
            Ty::Percent,
            Req::Optional,
            "a discount on the price, such as for a party in breach",
        ),
    ],
    &[],
);

pub static WITHDRAWAL: BlockDef = block(
    "withdrawal",
    "exit.withdrawal",
    Labels::None,
    "one party leaving while the others go on: `withdrawal { notice: 6 months }`",
    &[
        key("notice", Ty::Notice, Req::Expected, "notice to give"),
        key(
            "earliest",
            Ty::Date,
            Req::Optional,
            "the earliest date a party may withdraw",
        ),
        key(
            "keeps",
            Ty::Text,
            Req::Optional,
            "what the withdrawing party keeps",
        ),
        key(
            "loses",
            Ty::Text,
            Req::Optional,
            "what the withdrawing party gives up",
        ),
    ],
    &[],
);

pub static EXIT_REVIEW: BlockDef = block(
    "review",
    "exit.review",
    Labels::None,
    "a regular review of whether to continue",
    &[
        key("every", Ty::Cadence, Req::Optional, "how often"),
        key(
            "decides",
            Ty::Committee,
            Req::Optional,
            "the committee that decides",
        ),
        key(
            "options",
            Ty::Words(REVIEW_OPTIONS),
            Req::Optional,
            "what it may decide",
        ),
    ],
    &[],
);

pub static EVOLVE: BlockDef = block(
    "evolve",
    "exit.evolve",
    Labels::None,
    "a deadline to evolve into a deeper form or dissolve",
    &[
        key("by", Ty::Date, Req::Optional, "the deadline"),
        key(
            "into",
            Ty::Enum(EVOLVE_INTO),
            Req::Optional,
            "what it evolves into",
        ),
        key(
            "otherwise",
            Ty::Enum(EVOLVE_OTHERWISE),
            Req::Optional,
            "what happens if it does not",
        ),
    ],
    &[],
);

pub static EXIT: BlockDef = block(
    "exit",
    "exit",
    Labels::None,
    "how the alliance ends",
    &[
        key(
            "wind_down",
            Ty::Duration,
            Req::Required,
            "how long winding down takes",
        ),
        key(
            "assets",
            Ty::Text,
            Req::Expected,
            "what happens to shared assets",
        ),
        key(
            "transition",
            Ty::Text,
            Req::Optional,
            "services and obligations that survive exit",
        ),
        key(
            "survives",
            Ty::Strings,
            Req::Optional,
            "the clauses that survive the end of the agreement",
        ),
    ],
    &[
        many(&TERMINATION, Req::Optional),
        many(&OPTION, Req::Optional),
        one(&WITHDRAWAL, Req::Optional),
        ChildDef {
            block: &EXIT_REVIEW,
            req: Req::Expected,
            repeats: false,
            dedicated: Some("no-annual-review"),
        },
        one(&EVOLVE, Req::Optional),
    ],
);
