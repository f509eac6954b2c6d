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
    /// A whole number greater than zero: a count of shares or of meetings.
    Count,
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
    /// `jointly_owned`, `creator`, a party, or the JV entity.
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
            Ty::Count => "a whole number greater than zero, such as `2`".into(),
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
            Ty::JointIp => "`jointly_owned`, `creator` (the party that creates it), the id of a party, or the id of the joint-venture entity".into(),
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
            Ty::Count => "whole number".into(),
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
            Ty::JointIp => "`jointly_owned`, `creator`, party or entity".into(),
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

// The table, one file per area of the agreement.

mod agreement;
mod contributions;
mod covenants;
mod disputes;
mod economics;
mod exit;
mod governance;
mod ip;
mod liability;
mod metrics;
mod parties;
mod words;
pub use self::agreement::*;
pub use self::contributions::*;
pub use self::covenants::*;
pub use self::disputes::*;
pub use self::economics::*;
pub use self::exit::*;
pub use self::governance::*;
pub use self::ip::*;
pub use self::liability::*;
pub use self::metrics::*;
pub use self::parties::*;
pub use self::words::*;

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
