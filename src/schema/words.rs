//! The words that keys accept: each list is the whole vocabulary of one kind of value.

pub const MODELS: &[&str] = &["contractual", "equity", "joint_venture"];
pub const RENEWALS: &[&str] = &["none", "automatic", "by_agreement"];
pub const ROLES: &[&str] = &[
    "convener",
    "lead",
    "member",
    "prime_contractor",
    "subcontractor",
];
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
pub const BACKGROUND_IP: &[&str] = &["retained", "licensed", "assigned"];
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
pub const DEADLOCK_STEPS: &[&str] = &[
    "managers",
    "executives",
    "senior_executives",
    "chief_executives",
    "mediation",
    "expert",
];
pub const DEADLOCK_DEVICES: &[&str] = &[
    "casting_vote",
    "expert",
    "put_call",
    "shotgun",
    "texas_shootout",
    "sale",
    "dissolution",
    "status_quo",
];
pub const NON_FUNDING: &[&str] = &["dilution", "loan", "default", "buy_out"];
pub const PARTY_KINDS: &[&str] = &[
    "company",
    "university",
    "research_institute",
    "public_body",
    "individual",
];
pub const JOINT_EXPLOITATION: &[&str] = &["each_freely", "consent", "accounting"];
pub const PATENT_COSTS: &[&str] = &["filer", "shared", "pro_rata"];
pub const DATA_ROLES: &[&str] = &[
    "independent_controllers",
    "joint_controllers",
    "controller_processor",
];
pub const INDIRECT_LOSS: &[&str] = &["excluded", "recoverable"];
pub const INJUNCTIVE_RELIEF: &[&str] = &["yes", "no", "without_bond"];
pub const COSTS: &[&str] = &["loser_pays", "each_own"];
pub const DOCUMENT_STATUSES: &[&str] = &["draft", "for_signature", "signed"];
/// What a document may say is binding: `none`, `all`, or these parts.
pub const BINDING_PARTS: &[&str] = &[
    "none",
    "all",
    "confidentiality",
    "exclusivity",
    "non_compete",
    "non_solicit",
    "costs",
    "governing_law",
    "disputes",
    "publicity",
];
pub const SIDE_LIABILITY: &[&str] = &["joint_and_several", "several"];
pub const AFTER_LOCK_UP: &[&str] = &["free", "first_refusal", "consent"];
pub const OPTION_KINDS: &[&str] = &["put", "call"];
pub const OPTION_TRIGGERS: &[&str] = &[
    "breach",
    "change_of_control",
    "insolvency",
    "deadlock",
    "window",
];
pub const OPTION_PRICES: &[&str] = &["fair_market_value", "net_book_value", "formula", "fixed"];
