//! The schema: SPEC §2.1 as data.
//!
//! One table says which blocks and keys exist where, what type each value has, and whether
//! it is required (R: its absence is an error), expected (W: a warning) or optional (O).
//! The same table drives lowering (`unknown-key` with "did you mean", `type-mismatch`,
//! `missing-required`, `missing-recommended`), the documentation, and later editor
//! completion. Conditions that a table cannot express ("R when renewal is automatic") are
//! written as [`Req::When`] with their wording, and checked in `lower`.

/// Whether an item must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Req {
    /// R: absence is an error (`missing-required`).
    Required,
    /// W: absence is a warning (`missing-recommended`).
    Expected,
    /// O
    Optional,
    /// Required or expected only under a condition, described in words; `lower` checks it.
    When(&'static str),
}

impl Req {
    pub fn letter(self) -> &'static str {
        match self {
            Req::Required => "R",
            Req::Expected => "W",
            Req::Optional => "O",
            Req::When(_) => "R*",
        }
    }
}

/// The type of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    /// A string on one line.
    Str,
    /// A string or a text block.
    Text,
    Date,
    Duration,
    /// A duration or `indefinite`.
    Term,
    Money,
    Percent,
    Number,
    /// `yes` / `no`
    Bool,
    /// One of the listed words.
    Enum(&'static [&'static str]),
    Cadence,
    /// `consensus`, `majority`, `unanimous`, a ratio or a percentage.
    Decision,
    /// A comparison and a number, percentage, amount or duration.
    Bound,
    Party,
    Committee,
    /// A party or the JV entity.
    PartyOrEntity,
    /// A party, or `all` (every other party).
    PartyOrAll,
    /// A list of parties, or `all`.
    PartiesOrAll,
    /// Who holds a right: a list of parties, `all`, or `non_defaulting`.
    Holders,
    /// A notice period: a duration, or `immediate`.
    Notice,
    /// A revenue split: a share map, or `each_keeps_own`, `pro_rata_ownership`,
    /// `pro_rata_contributions`.
    RevenueSplit,
    /// A cost split: a share map, or `each_bears_own`, `pro_rata_ownership`,
    /// `pro_rata_contributions`.
    CostSplit,
    /// An ISO 4217 currency code, such as `USD`.
    Currency,
    /// The id of a milestone.
    Milestone,
    /// How often something is paid: a cadence, or `unit` (per unit sold).
    Per,
    /// How often a committee meets: a cadence, `on_referral` or `as_needed`.
    Meets,
    /// How often an audit may be made: a cadence, or `any_time`.
    AuditEvery,
    /// The base of a royalty: `net_sales`, `gross_sales`, `net_revenue`, `gross_revenue`,
    /// `profit`, or a string.
    Base,
    /// A party, or `rotating`.
    PartyOrRotating,
    /// `joint`, or a list of parties.
    Owner,
    /// `shared`, or a party.
    DataAccess,
    /// `jointly_owned`, a party, or the JV entity.
    JointIp,
    /// A percentage or an amount.
    Royalty,
    /// `yes` / `no`, or a list of strings.
    BoolOrStrings,
    /// A list of strings.
    Strings,
    /// A list of the listed words.
    Words(&'static [&'static str]),
    /// A list of rule names.
    RuleNames,
    /// A map from party to percentage (a share map: `revenue`, `costs`, `ownership`,
    /// `pool_shares`). Keys that are not parties are left to `share-for-unknown-party`.
    Shares,
    /// A map from party to a number of seats.
    Seats,
    /// A map from party to an amount.
    Amounts,
}

impl Ty {
    /// "a duration such as `3 years` or `indefinite`": what a value of this type looks like.
    pub fn expectation(self) -> String {
        match self {
            Ty::Str => "a string in double quotes".into(),
            Ty::Text => "a string in double quotes or a text block between `\"\"\"` lines".into(),
            Ty::Date => "a date such as `2027-01-01`".into(),
            Ty::Duration => "a duration such as `90 days` or `6 months`".into(),
            Ty::Term => "a duration such as `3 years` or `indefinite`".into(),
            Ty::Money => "an amount with its currency, such as `USD 1,200,000`".into(),
            Ty::Percent => "a percentage such as `55%`".into(),
            Ty::Number => "a number such as `3`".into(),
            Ty::Bool => "`yes` or `no`".into(),
            Ty::Enum(words) => one_of(words),
            Ty::Cadence => one_of(CADENCES),
            Ty::Decision => {
                "a decision rule: `consensus`, `majority`, `unanimous`, or a supermajority such as `2/3` or `75%`".into()
            }
            Ty::Bound => "a target such as `>= USD 5,000,000`, `>= 4` or `<= 10%`".into(),
            Ty::Party => "the id of a party, such as `northwind`".into(),
            Ty::Committee => "the id of a committee, such as `steering`".into(),
            Ty::PartyOrEntity => "the id of a party or of the joint-venture entity".into(),
            Ty::PartyOrAll => "the id of a party, or `all`".into(),
            Ty::PartiesOrAll => "a list of party ids such as `[northwind, contoso]`, or `all`".into(),
            Ty::Holders => "a list of party ids such as `[northwind]`, `all`, or `non_defaulting`".into(),
            Ty::Notice => "a duration such as `90 days`, or `immediate`".into(),
            Ty::RevenueSplit => "a map of parties to percentages such as `{ northwind: 55%, contoso: 45% }`, or `each_keeps_own`, `pro_rata_ownership` or `pro_rata_contributions`".into(),
            Ty::CostSplit => "a map of parties to percentages such as `{ northwind: 60%, contoso: 40% }`, or `each_bears_own`, `pro_rata_ownership` or `pro_rata_contributions`".into(),
            Ty::Currency => "a three-letter currency code such as `USD`".into(),
            Ty::Meets => format!("{}, `on_referral` (only when a matter is referred to it) or `as_needed`", one_of(CADENCES)),
            Ty::AuditEvery => format!("{}, or `any_time`", one_of(CADENCES)),
            Ty::Milestone => "the id of a milestone, such as `pilot`".into(),
            Ty::Per => format!("{}, or `unit` (per unit sold)", one_of(CADENCES)),
            Ty::Base => "`net_sales`, `gross_sales`, `net_revenue`, `gross_revenue`, `profit`, or a string".into(),
            Ty::PartyOrRotating => "the id of a party, or `rotating`".into(),
            Ty::Owner => "`joint`, or a list of party ids such as `[northwind]`".into(),
            Ty::DataAccess => "`shared`, or the id of a party".into(),
            Ty::JointIp => "`jointly_owned`, the id of a party, or the id of the joint-venture entity".into(),
            Ty::Royalty => "a percentage such as `5%` or an amount such as `USD 100,000`".into(),
            Ty::BoolOrStrings => "`yes`, `no`, or a list of strings".into(),
            Ty::Strings => "a list of strings such as `[\"EU\", \"UK\"]`".into(),
            Ty::Words(words) => format!("a list of words from: {}", words.join(", ")),
            Ty::RuleNames => "a list of rule names such as `[no-mediation]`".into(),
            Ty::Shares => "a map of parties to percentages, such as `{ northwind: 55%, contoso: 45% }`".into(),
            Ty::Seats => "a map of parties to numbers of seats, such as `{ northwind: 2, contoso: 2 }`".into(),
            Ty::Amounts => "a map of parties to amounts, such as `{ northwind: USD 1,000,000 }`".into(),
        }
    }

    /// A short name for documentation tables.
    pub fn doc_name(self) -> String {
        match self {
            Ty::Str => "string".into(),
            Ty::Text => "string or text block".into(),
            Ty::Date => "date".into(),
            Ty::Duration => "duration".into(),
            Ty::Term => "duration or `indefinite`".into(),
            Ty::Money => "money".into(),
            Ty::Percent => "percent".into(),
            Ty::Number => "number".into(),
            Ty::Bool => "`yes` / `no`".into(),
            Ty::Enum(words) => words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(" \\| "),
            Ty::Cadence => "cadence".into(),
            Ty::Decision => "decision rule".into(),
            Ty::Bound => "bound".into(),
            Ty::Party => "party".into(),
            Ty::Committee => "committee".into(),
            Ty::PartyOrEntity => "party or entity".into(),
            Ty::PartyOrAll => "party or `all`".into(),
            Ty::PartiesOrAll => "list of parties or `all`".into(),
            Ty::Holders => "list of parties, `all` or `non_defaulting`".into(),
            Ty::Notice => "duration or `immediate`".into(),
            Ty::RevenueSplit | Ty::CostSplit => "map of party to percent, or a word".into(),
            Ty::Currency => "currency code".into(),
            Ty::Meets => "cadence, `on_referral` or `as_needed`".into(),
            Ty::AuditEvery => "cadence or `any_time`".into(),
            Ty::Milestone => "milestone".into(),
            Ty::Per => "cadence or `unit`".into(),
            Ty::Base => "word or string".into(),
            Ty::PartyOrRotating => "party or `rotating`".into(),
            Ty::Owner => "`joint` or list of parties".into(),
            Ty::DataAccess => "`shared` or party".into(),
            Ty::JointIp => "`jointly_owned`, party or entity".into(),
            Ty::Royalty => "percent or money".into(),
            Ty::BoolOrStrings => "`yes` / `no` or list of strings".into(),
            Ty::Strings => "list of strings".into(),
            Ty::Words(words) => format!(
                "list of {}",
                words
                    .iter()
                    .map(|w| format!("`{w}`"))
                    .collect::<Vec<_>>()
                    .join(" \\| ")
            ),
            Ty::RuleNames => "list of rule names".into(),
            Ty::Shares => "map party → percent".into(),
            Ty::Seats => "map party → number".into(),
            Ty::Amounts => "map party → money".into(),
        }
    }
}

fn one_of(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("one of {} or {last}", init.join(", ")),
    }
}

/// What labels a block takes after its keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labels {
    /// `governance { … }`
    None,
    /// `party northwind "Northwind Traders Ltd." { … }`: an id (in the agreement's one
    /// namespace) and a title.
    IdAndTitle,
    /// `resource "Funding" { … }`
    Title,
    /// `from contoso { … }`: a reference to a party.
    PartyRef,
    /// `termination convenience { … }`: one of the listed kinds.
    Kind(&'static [&'static str]),
}

#[derive(Debug)]
pub struct KeyDef {
    pub name: &'static str,
    pub ty: Ty,
    pub req: Req,
    /// A rule that reports this item's absence instead of `missing-required` or
    /// `missing-recommended`.
    pub dedicated: Option<&'static str>,
    pub doc: &'static str,
}

#[derive(Debug)]
pub struct ChildDef {
    pub block: &'static BlockDef,
    pub req: Req,
    /// Whether the block may appear more than once.
    pub repeats: bool,
    /// A rule that reports this block's absence instead of `missing-required` or
    /// `missing-recommended`.
    pub dedicated: Option<&'static str>,
}

#[derive(Debug)]
pub struct BlockDef {
    pub keyword: &'static str,
    /// A dotted path for messages and docs (`governance.committee`).
    pub path: &'static str,
    pub labels: Labels,
    pub doc: &'static str,
    pub keys: &'static [KeyDef],
    pub blocks: &'static [ChildDef],
}

impl BlockDef {
    pub fn key(&self, name: &str) -> Option<&'static KeyDef> {
        // Every block accepts one `note`.
        if name == NOTE.name {
            return Some(&NOTE);
        }
        self.keys.iter().find(|k| k.name == name)
    }

    pub fn child(&self, keyword: &str) -> Option<&'static ChildDef> {
        self.blocks.iter().find(|c| c.block.keyword == keyword)
    }

    /// Every key name, `note` included, for "did you mean".
    pub fn key_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys
            .iter()
            .map(|k| k.name)
            .chain(std::iter::once(NOTE.name))
    }

    pub fn block_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.blocks.iter().map(|c| c.block.keyword)
    }
}

/// Every block may hold one `note`: prose carried into the term sheet.
pub static NOTE: KeyDef = key(
    "note",
    Ty::Text,
    Req::Optional,
    "prose carried into the term sheet",
);

const fn key(name: &'static str, ty: Ty, req: Req, doc: &'static str) -> KeyDef {
    KeyDef {
        name,
        ty,
        req,
        dedicated: None,
        doc,
    }
}

const fn dedicated(
    name: &'static str,
    ty: Ty,
    req: Req,
    rule: &'static str,
    doc: &'static str,
) -> KeyDef {
    KeyDef {
        name,
        ty,
        req,
        dedicated: Some(rule),
        doc,
    }
}

const fn one(block: &'static BlockDef, req: Req) -> ChildDef {
    ChildDef {
        block,
        req,
        repeats: false,
        dedicated: None,
    }
}

const fn many(block: &'static BlockDef, req: Req) -> ChildDef {
    ChildDef {
        block,
        req,
        repeats: true,
        dedicated: None,
    }
}

const fn block(
    keyword: &'static str,
    path: &'static str,
    labels: Labels,
    doc: &'static str,
    keys: &'static [KeyDef],
    blocks: &'static [ChildDef],
) -> BlockDef {
    BlockDef {
        keyword,
        path,
        labels,
        doc,
        keys,
        blocks,
    }
}

// ---------------------------------------------------------------------------------------
// Enumerations.

pub const MODELS: &[&str] = &["contractual", "equity", "joint_venture"];
pub const RENEWALS: &[&str] = &["none", "automatic", "by_agreement"];
pub const ROLES: &[&str] = &["convener", "lead", "member"];
/// From most to least frequent (SPEC §2.2).
pub const CADENCES: &[&str] = &[
    "weekly",
    "biweekly",
    "monthly",
    "quarterly",
    "semiannually",
    "annually",
];
pub const RESOURCE_KINDS: &[&str] = &[
    "cash",
    "ip",
    "data",
    "staff",
    "facilities",
    "technology",
    "market_access",
    "brand",
    "other",
];
pub const LICENSE_TERMS: &[&str] = &["exclusive", "non_exclusive", "assignment"];
pub const OWN_PEOPLE: &[&str] = &["each_party", "shared"];
pub const BACKGROUND_IP: &[&str] = &["retained", "licensed"];
pub const REGIMES: &[&str] = &[
    "antitrust",
    "data_privacy",
    "export_control",
    "anti_bribery",
    "sanctions",
];
pub const METRIC_KINDS: &[&str] = &["quantitative", "qualitative"];
pub const HORIZONS: &[&str] = &["quick_win", "medium_term", "ultimate"];
pub const NEGOTIATORS: &[&str] = &[
    "alliance_managers",
    "managers",
    "executives",
    "senior_executives",
    "chief_executives",
];
pub const TERMINATION_KINDS: &[&str] = &[
    "convenience",
    "cause",
    "change_of_control",
    "insolvency",
    "underperformance",
    "mutual",
];
pub const REVIEW_OPTIONS: &[&str] = &["continue", "restructure", "exit"];
pub const EVOLVE_INTO: &[&str] = &["equity", "joint_venture"];
pub const EVOLVE_OTHERWISE: &[&str] = &["dissolve", "continue"];
pub const SOLICIT_OF: &[&str] = &["customers", "employees"];
pub const REFUSAL_KINDS: &[&str] = &["refusal", "offer", "negotiation"];

// ---------------------------------------------------------------------------------------
// The blocks, leaves first.

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
            Req::Required,
            "the size of the stake",
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
    &[one(&BOARD, Req::Required)],
);

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
    &[],
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
    ],
);

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

pub static SHARING: BlockDef = block(
    "sharing",
    "sharing",
    Labels::None,
    "how revenue and costs are split",
    &[
        key(
            "revenue",
            Ty::RevenueSplit,
            Req::Required,
            "each party's share of revenue",
        ),
        key(
            "costs",
            Ty::CostSplit,
            Req::Required,
            "each party's share of costs",
        ),
        key(
            "method",
            Ty::Str,
            Req::Optional,
            "how the split is computed",
        ),
        key(
            "currency",
            Ty::Currency,
            Req::Optional,
            "the currency payments are made in",
        ),
        key(
            "payment_terms",
            Ty::Duration,
            Req::Optional,
            "the time to pay an invoice",
        ),
    ],
    &[
        one(&LATE_INTEREST, Req::Optional),
        many(&FEE, Req::Optional),
        many(&MILESTONE_PAYMENT, Req::Optional),
        many(&ROYALTY, Req::Optional),
    ],
);

pub const PAYMENT_BASES: &[&str] = &[
    "net_sales",
    "gross_sales",
    "net_revenue",
    "gross_revenue",
    "profit",
];

pub static LATE_INTEREST: BlockDef = block(
    "late_interest",
    "sharing.late_interest",
    Labels::None,
    "interest on late payments: `late_interest { rate: 1.5%  per: monthly }`",
    &[
        key("rate", Ty::Percent, Req::Required, "the rate"),
        key(
            "per",
            Ty::Cadence,
            Req::Optional,
            "the period the rate is for",
        ),
        key(
            "above",
            Ty::Str,
            Req::Optional,
            "the reference rate it is added to",
        ),
    ],
    &[],
);

pub static FEE: BlockDef = block(
    "fee",
    "sharing.fee",
    Labels::Title,
    "a fee one party pays another: `fee \"TITLE\" { payer: …  payee: …  amount: … }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key(
            "amount",
            Ty::Money,
            Req::Optional,
            "a fixed amount (or give `rate`)",
        ),
        key(
            "rate",
            Ty::Percent,
            Req::Optional,
            "a percentage of `of` (or give `amount`)",
        ),
        key(
            "of",
            Ty::Str,
            Req::Optional,
            "the base a `rate` is a percentage of",
        ),
        key("per", Ty::Per, Req::Optional, "how often, or per unit"),
        key(
            "cap",
            Ty::Royalty,
            Req::Optional,
            "the most payable: an amount, or a percentage of the base",
        ),
        key(
            "floor",
            Ty::Royalty,
            Req::Optional,
            "the least payable: an amount, or a percentage of the base",
        ),
    ],
    &[],
);

pub static MILESTONE_PAYMENT: BlockDef = block(
    "milestone_payment",
    "sharing.milestone_payment",
    Labels::Title,
    "a payment due when a milestone is reached: `milestone_payment \"TITLE\" { payer: …  payee: …  amount: …  on: MILESTONE }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key("amount", Ty::Money, Req::Required, "how much"),
        key("on", Ty::Milestone, Req::Expected, "the milestone that triggers it"),
    ],
    &[],
);

pub static ROYALTY: BlockDef = block(
    "royalty",
    "sharing.royalty",
    Labels::Title,
    "a royalty: `royalty \"TITLE\" { payer: …  payee: …  rate: 3%  base: net_sales }`",
    &[
        key("payer", Ty::Party, Req::Required, "who pays"),
        key("payee", Ty::Party, Req::Required, "who is paid"),
        key(
            "rate",
            Ty::Percent,
            Req::Optional,
            "a percentage of `base` (or give `amount`)",
        ),
        key(
            "amount",
            Ty::Money,
            Req::Optional,
            "an amount per unit (or give `rate`)",
        ),
        key("per", Ty::Per, Req::Optional, "how often, or per unit"),
        key(
            "base",
            Ty::Base,
            Req::Optional,
            "what the rate is a percentage of, such as `net_sales`",
        ),
        key(
            "term",
            Ty::Duration,
            Req::Optional,
            "how long royalties are paid",
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
    ],
    &[],
);

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
        one(&MOST_FAVOURED, Req::Optional),
        many(&MINIMUM_COMMITMENT, Req::Optional),
        one(&ASSIGNMENT, Req::Optional),
        one(&AUDIT, Req::Optional),
    ],
);

// Metrics.

pub static METRIC: BlockDef = block(
    "metric",
    "metrics.metric",
    Labels::IdAndTitle,
    "a measure of success: `metric ID \"TITLE\" { … }`",
    &[
        key(
            "kind",
            Ty::Enum(METRIC_KINDS),
            Req::Required,
            "quantitative or qualitative",
        ),
        dedicated(
            "target",
            Ty::Bound,
            Req::Required,
            "metric-without-target",
            "the target",
        ),
        key(
            "by",
            Ty::Date,
            Req::Optional,
            "when the target is to be met",
        ),
        key("owner", Ty::Owner, Req::Expected, "who owns the metric"),
        key(
            "review",
            Ty::Cadence,
            Req::Optional,
            "how often it is reviewed",
        ),
        key(
            "source",
            Ty::Str,
            Req::Optional,
            "where the figures come from",
        ),
    ],
    &[],
);

pub static MILESTONE: BlockDef = block(
    "milestone",
    "metrics.milestone",
    Labels::IdAndTitle,
    "a milestone: `milestone ID \"TITLE\" { … }`",
    &[
        key("due", Ty::Date, Req::Required, "when it is due"),
        key(
            "horizon",
            Ty::Enum(HORIZONS),
            Req::Optional,
            "quick win, medium term or ultimate goal",
        ),
    ],
    &[],
);

pub static METRICS: BlockDef = block(
    "metrics",
    "metrics",
    Labels::None,
    "how success is measured",
    &[
        key(
            "review",
            Ty::Cadence,
            Req::Expected,
            "how often metrics are reviewed",
        ),
        key(
            "data_access",
            Ty::DataAccess,
            Req::Expected,
            "who sees the data",
        ),
    ],
    &[
        many(&METRIC, Req::Required),
        many(&MILESTONE, Req::Optional),
    ],
);

// Disputes.

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
    ],
);

/// Every block definition, depth first from the agreement, each once.
pub fn all_blocks() -> Vec<&'static BlockDef> {
    fn walk(def: &'static BlockDef, out: &mut Vec<&'static BlockDef>) {
        if out.iter().any(|d| std::ptr::eq(*d, def)) {
            return;
        }
        out.push(def);
        for child in def.blocks {
            walk(child.block, out);
        }
    }
    let mut out = Vec::new();
    walk(&AGREEMENT, &mut out);
    out
}

/// Active ISO 4217 currency codes.
pub const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

pub fn is_currency(code: &str) -> bool {
    CURRENCIES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_are_sorted_for_binary_search() {
        assert!(CURRENCIES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_currency("USD") && is_currency("EUR") && !is_currency("USX"));
    }

    #[test]
    fn resync_keywords_match_the_top_level_blocks() {
        let mut schema: Vec<_> = AGREEMENT.block_names().collect();
        let mut syntax = crate::syntax::TOP_LEVEL_BLOCKS.to_vec();
        schema.sort_unstable();
        syntax.sort_unstable();
        assert_eq!(schema, syntax);
    }

    #[test]
    fn names_are_unique_within_each_block() {
        for def in all_blocks() {
            let mut names: Vec<_> = def.key_names().chain(def.block_names()).collect();
            let count = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), count, "duplicate name in {}", def.path);
        }
    }
}
