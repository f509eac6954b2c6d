//! The JSON document (`charter build --json`): the whole agreement as data, for other
//! systems (SPEC §5).
//!
//! The types here are the document's own, not the internal model's: the model can change
//! without changing the document, whose format is versioned by [`SCHEMA_VERSION`] and
//! described by the JSON Schema that [`schema`] generates (checked in as
//! `docs/schema/charter.schema.json`; after changing a type here, regenerate it with
//! `CHARTER_UPDATE_SCHEMA=1 cargo test --test emit schema_file`).
//!
//! Encodings: money is `{"currency": "USD", "amount": "1200000.00"}` (an exact decimal
//! string with two decimals), durations are `{"amount": 90, "unit": "days"}`, dates are ISO
//! strings, percents are numbers (`55` for 55%). References to parties, committees and the
//! entity are their ids as written. Where a value may be an enumeration word or a reference,
//! the word is a string and the reference an object (`"rotating"` or `{"party": "uber"}`).
//! An item the source does not state is left out: the document never holds `null`.

use crate::diagnostic;
use crate::emit::analysis;
use crate::emit::format;
use crate::emit::Status as BuildStatus;
use crate::model as m;
use crate::span::Spanned;
use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use std::borrow::Cow;

/// The version of the document's format. It changes only when a change could break a
/// consumer (a key removed, renamed or re-encoded); new keys do not change it.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON document of an agreement.
pub fn document(agreement: &m::Agreement, status: &BuildStatus) -> Document {
    Document::new(agreement, status)
}

/// The JSON document, pretty-printed with two-space indentation and a final newline.
pub fn to_string(agreement: &m::Agreement, status: &BuildStatus) -> String {
    let mut text = serde_json::to_string_pretty(&document(agreement, status))
        .unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of [`Document`], pretty-printed with a final newline:
/// the text of `docs/schema/charter.schema.json`.
pub fn schema() -> String {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .with(|s| s.contract = schemars::generate::Contract::Serialize)
        .into_generator();
    let schema = generator.into_root_schema_for::<Document>();
    let mut value = schema.to_value();
    strip_null(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| String::from("{}"));
    text.push('\n');
    text
}

/// The document never holds `null` (absent items are left out), so the schema does not
/// allow it either: `Option` fields lose their null alternative.
fn strip_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            let null = serde_json::json!({"type": "null"});
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| *s != null);
                if any.len() == 1 {
                    if let Some(Value::Object(only)) = any.pop() {
                        map.remove("anyOf");
                        for (k, v) in only {
                            map.entry(k).or_insert(v);
                        }
                    }
                }
            }
            for v in map.values_mut() {
                strip_null(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Scalar encodings

/// A JSON number for an exact decimal, written with exactly its digits (serde_json's
/// `arbitrary_precision`): `3`, `33.5`, `18446744073709551615`, never a rounded double.
/// Trailing zeros are dropped (`55.0%` is `55`).
type Number = serde_json::Number;

fn num(d: Decimal) -> Number {
    let d = d.normalize();
    // `Decimal`'s text is always a plain decimal numeral (no exponent), which is a JSON
    // number; the fallback cannot happen.
    d.to_string()
        .parse::<Number>()
        .unwrap_or_else(|_| Number::from(0))
}

/// An ISO 8601 calendar date, `2027-01-01`.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Date(String);

impl From<jiff::civil::Date> for Date {
    fn from(d: jiff::civil::Date) -> Self {
        Date(format::iso_date(d))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "An ISO 8601 calendar date.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

fn date(d: &Option<Spanned<jiff::civil::Date>>) -> Option<Date> {
    d.as_ref().map(|d| Date::from(d.value))
}

/// An amount of money, exact.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Money {
    /// The ISO 4217 currency code.
    #[schemars(pattern(r"^[A-Z]{3}$"))]
    pub currency: String,
    /// The amount as a decimal string with exactly two decimals, e.g. `"1200000.00"`.
    #[schemars(pattern(r"^-?[0-9]+\.[0-9]{2}$"))]
    pub amount: String,
}

impl From<&m::Money> for Money {
    fn from(money: &m::Money) -> Self {
        Money {
            currency: money.currency.to_string(),
            amount: format::decimal_amount(money.amount),
        }
    }
}

fn money(m: &Option<Spanned<m::Money>>) -> Option<Money> {
    m.as_ref().map(|m| Money::from(&m.value))
}

/// A length of time.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Days,
    BusinessDays,
    Weeks,
    Months,
    Years,
}

impl From<m::Duration> for Duration {
    fn from(d: m::Duration) -> Self {
        Duration {
            amount: d.amount,
            unit: match d.unit {
                m::Unit::Days => Unit::Days,
                m::Unit::BusinessDays => Unit::BusinessDays,
                m::Unit::Weeks => Unit::Weeks,
                m::Unit::Months => Unit::Months,
                m::Unit::Years => Unit::Years,
            },
        }
    }
}

fn duration(d: &Option<Spanned<m::Duration>>) -> Option<Duration> {
    d.as_ref().map(|d| Duration::from(d.value))
}

fn text(t: &Option<m::Text>) -> Option<String> {
    t.as_ref().map(|t| t.value.clone())
}

fn texts(t: &[m::Text]) -> Vec<String> {
    t.iter().map(|t| t.value.clone()).collect()
}

fn boolean(b: &Option<Spanned<bool>>) -> Option<bool> {
    b.as_ref().map(|b| b.value)
}

fn number(n: &Option<Spanned<Decimal>>) -> Option<Number> {
    n.as_ref().map(|n| num(n.value))
}

fn id(r: &m::Ref) -> String {
    r.id.to_string()
}

fn reference(r: &Option<m::Ref>) -> Option<String> {
    r.as_ref().map(id)
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    Semiannually,
    Annually,
}

impl From<m::Cadence> for Cadence {
    fn from(c: m::Cadence) -> Self {
        match c {
            m::Cadence::Weekly => Cadence::Weekly,
            m::Cadence::Biweekly => Cadence::Biweekly,
            m::Cadence::Monthly => Cadence::Monthly,
            m::Cadence::Quarterly => Cadence::Quarterly,
            m::Cadence::Semiannually => Cadence::Semiannually,
            m::Cadence::Annually => Cadence::Annually,
        }
    }
}

fn cadence(c: &Option<Spanned<m::Cadence>>) -> Option<Cadence> {
    c.as_ref().map(|c| c.value.into())
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    Contractual,
    Equity,
    JointVenture,
}

impl From<m::Model> for Model {
    fn from(model: m::Model) -> Self {
        match model {
            m::Model::Contractual => Model::Contractual,
            m::Model::Equity => Model::Equity,
            m::Model::JointVenture => Model::JointVenture,
        }
    }
}

/// How a committee or board decides: a word, or a supermajority as a ratio or a percent.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Decision {
    Word(DecisionWord),
    /// A supermajority as a ratio, e.g. 2/3.
    Ratio {
        numerator: Number,
        denominator: Number,
    },
    /// A supermajority as a percentage of the votes, e.g. 75.
    Percent {
        percent: Number,
    },
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionWord {
    Consensus,
    Majority,
    Unanimous,
}

fn decision(d: &Option<Spanned<m::Decision>>) -> Option<Decision> {
    d.as_ref().map(|d| match d.value {
        m::Decision::Consensus => Decision::Word(DecisionWord::Consensus),
        m::Decision::Majority => Decision::Word(DecisionWord::Majority),
        m::Decision::Unanimous => Decision::Word(DecisionWord::Unanimous),
        m::Decision::Ratio(n, d) => Decision::Ratio {
            numerator: num(n),
            denominator: num(d),
        },
        m::Decision::Percent(p) => Decision::Percent { percent: num(p) },
    })
}

/// A party's percentage in a share map.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyPercent {
    /// The party's id.
    pub party: String,
    pub percent: Number,
}

/// A party's seats on a committee or board.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartySeats {
    /// The party's id.
    pub party: String,
    pub seats: Number,
}

/// A party's amount of money, such as its capital in the joint venture.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyAmount {
    /// The party's id.
    pub party: String,
    pub amount: Money,
}

fn percents(map: &Option<m::PartyMap<Decimal>>) -> Option<Vec<PartyPercent>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartyPercent {
                party: id(&e.party),
                percent: num(e.value),
            })
            .collect()
    })
}

fn seats(map: &Option<m::PartyMap<Decimal>>) -> Option<Vec<PartySeats>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartySeats {
                party: id(&e.party),
                seats: num(e.value),
            })
            .collect()
    })
}

fn amounts(map: &Option<m::PartyMap<m::Money>>) -> Option<Vec<PartyAmount>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartyAmount {
                party: id(&e.party),
                amount: Money::from(&e.value),
            })
            .collect()
    })
}

/// A reference to a party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyRef {
    /// The party's id.
    pub party: String,
}

/// A party or the joint-venture entity.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// A party's id.
    Party(String),
    /// The entity's id.
    Entity(String),
}

fn holder(r: &m::Ref) -> Holder {
    match r.target {
        m::Target::Entity => Holder::Entity(id(r)),
        _ => Holder::Party(id(r)),
    }
}

/// `"all"`, or a list of party ids.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Parties {
    All(All),
    List(Vec<String>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum All {
    All,
}

fn parties(p: &Option<m::Parties>) -> Option<Parties> {
    p.as_ref().map(|p| match p {
        m::Parties::All(_) => Parties::All(All::All),
        m::Parties::List(refs) => Parties::List(refs.iter().map(id).collect()),
    })
}

// ---------------------------------------------------------------------------------------
// The document

/// A Charter agreement as data: the `charter build --json` document.
///
/// Items the source does not state are left out; the document never holds `null`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(title = "Charter agreement")]
pub struct Document {
    /// The version of this format; 1 for now.
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    /// Whether the agreement is final, and what is still open.
    pub status: Status,
    pub agreement: Agreement,
    /// The parties, in source order.
    pub parties: Vec<Party>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equity: Option<Equity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governance: Option<Governance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Contributions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing: Option<Sharing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liability: Option<Liability>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliance: Option<Compliance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covenants: Option<Covenants>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputes: Option<Disputes>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit: Option<Exit>,
    /// Free clauses, in source order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause>,
    /// Facts derived from the agreement.
    pub analysis: Analysis,
}

/// Whether the agreement is final: it is when it has no errors and no warnings.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Status {
    #[serde(rename = "final")]
    pub is_final: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Every diagnostic, in source order.
    pub issues: Vec<Issue>,
}

/// One diagnostic of the checker.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Issue {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub severity: Severity,
    /// The rule's name, as `charter explain` takes it.
    pub rule: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The agreement's own terms.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Agreement {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal: Option<Renewal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_term: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_notice: Option<Duration>,
    /// The agreement date, when it differs from `effective`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governing_law: Option<String>,
    /// Rules switched off for this file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A fixed term, or `"indefinite"`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Term {
    Fixed(Duration),
    Indefinite(Indefinite),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Indefinite {
    Indefinite,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Renewal {
    None,
    Automatic,
    ByAgreement,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Party {
    pub id: String,
    /// The legal name.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatory: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alliance_manager: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Convener,
    Lead,
    Member,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Equity {
    pub stakes: Vec<Stake>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_rights: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unwind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Stake {
    /// The id of the party that holds the stake.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The id of the party whose shares are held.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The joint-venture company.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Entity {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital: Option<Vec<PartyAmount>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub management: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<Board>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Board {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    /// Matters the parents keep a veto on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reserved: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Governance {
    pub committees: Vec<Committee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting: Option<Reporting>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_matters: Option<ReservedMatters>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_change: Option<ScopeChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Committee {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<Vec<PartySeats>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<Chair>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotation: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub independent: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `"rotating"`, or a party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Chair {
    Rotating(Rotating),
    Party(PartyRef),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rotating {
    Rotating,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Reporting {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operations: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ReservedMatters {
    pub matters: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ScopeChange {
    /// The id of the committee that approves a change of scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amendment_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Contributions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    /// One entry per `from PARTY` block, in source order.
    pub from: Vec<PartyContributions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What one party contributes.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyContributions {
    /// The party's id.
    pub party: String,
    pub resources: Vec<Resource>,
    pub deliverables: Vec<Deliverable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Resource {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// Full-time equivalents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fte: Option<Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<LicenseTerms>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Cash,
    Ip,
    Data,
    Staff,
    Facilities,
    Technology,
    MarketAccess,
    Brand,
    Other,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LicenseTerms {
    Exclusive,
    NonExclusive,
    Assignment,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Deliverable {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Sharing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub costs: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Liability {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint_pool: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool_shares: Option<Vec<PartyPercent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_people_and_assets: Option<OwnPeople>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insurance: Option<String>,
    /// Claims outside the cap.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncapped: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liquidated_damages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub termination_fee: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warranty: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OwnPeople {
    EachParty,
    Shared,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Ip {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<BackgroundIp>,
    /// Who owns jointly developed IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joint: Option<JointIp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<License>,
    /// Who IP created under the alliance is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<Holder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escrow: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackgroundIp {
    Retained,
    Licensed,
}

/// `"jointly_owned"`, or the party or entity that owns it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum JointIp {
    JointlyOwned(JointlyOwned),
    Owner(Holder),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum JointlyOwned {
    JointlyOwned,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct License {
    pub title: String,
    /// The id of the granting party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grantor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grantee: Option<Grantee>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transferable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sublicensable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliates: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perpetual: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irrevocable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub royalty: Option<Royalty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `"all"` (every party but the grantor), or one party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Grantee {
    All(All),
    Party(PartyRef),
}

/// A royalty as a percentage, or an amount of money.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Royalty {
    Percent(Number),
    Money(Money),
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Compliance {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<Regime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_in_law: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    Antitrust,
    DataPrivacy,
    ExportControl,
    AntiBribery,
    Sanctions,
}

impl Regime {
    fn from_key(word: &str) -> Option<Regime> {
        Some(match word {
            "antitrust" => Regime::Antitrust,
            "data_privacy" => Regime::DataPrivacy,
            "export_control" => Regime::ExportControl,
            "anti_bribery" => Regime::AntiBribery,
            "sanctions" => Regime::Sanctions,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Confidentiality {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Covenants {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusivity: Option<Restraint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_compete: Option<Restraint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_solicit: Option<NonSolicit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_disparagement: Option<NonDisparagement>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub first_refusals: Vec<FirstRefusal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub most_favoured: Option<MostFavoured>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub minimum_commitments: Vec<MinimumCommitment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit: Option<Audit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub third_party_beneficiaries: Option<ThirdParties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An exclusivity or non-compete covenant.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Restraint {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Non-compete only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// How long the covenant runs after exit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carve_outs: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NonSolicit {
    pub of: Vec<Solicited>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_exit: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Solicited {
    Customers,
    Employees,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct NonDisparagement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binds: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct FirstRefusal {
    pub title: String,
    /// The id of the party holding the right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<RefusalKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub over: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefusalKind {
    Refusal,
    Offer,
    Negotiation,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MostFavoured {
    /// The id of the party that benefits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MinimumCommitment {
    pub title: String,
    /// The id of the committed party.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Assignment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exceptions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Audit {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Parties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether third parties may enforce the agreement, or which ones.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ThirdParties {
    Allowed(bool),
    Named(Vec<String>),
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Metrics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_access: Option<DataAccess>,
    pub metrics: Vec<Metric>,
    pub milestones: Vec<Milestone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `"shared"`, or the one party that holds the data.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum DataAccess {
    Shared(Shared),
    Party(PartyRef),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Shared {
    Shared,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Metric {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<MetricKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Cadence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Quantitative,
    Qualitative,
}

/// A metric target: a comparison and exactly one of `number`, `percent`, `money` or
/// `duration`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Target {
    pub comparator: Comparator,
    #[serde(flatten)]
    pub value: Quantity,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "=")]
    Exactly,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    Number(Number),
    Percent(Number),
    Money(Money),
    Duration(Duration),
}

/// `"joint"`, or a list of party ids.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Owner {
    Joint(Joint),
    Parties(Vec<String>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Joint {
    Joint,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Milestone {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    QuickWin,
    MediumTerm,
    Ultimate,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Disputes {
    /// The escalation ladder, in order.
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One step of the dispute ladder; `step` says which.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    Negotiation {
        #[serde(skip_serializing_if = "Option::is_none")]
        between: Option<Negotiators>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Escalation {
        /// The id of the committee the dispute goes to.
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Mediation {
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Duration>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Expert {
        #[serde(skip_serializing_if = "Option::is_none")]
        provider: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        binding: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Arbitration {
        #[serde(skip_serializing_if = "Option::is_none")]
        rules: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        seat: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        arbitrators: Option<Number>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Litigation {
        #[serde(skip_serializing_if = "Option::is_none")]
        courts: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Negotiators {
    AllianceManagers,
    Executives,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Exit {
    pub terminations: Vec<Termination>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wind_down: Option<Duration>,
    /// What happens to shared assets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assets: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ExitReview>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evolve: Option<Evolve>,
    /// Services and obligations that survive exit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Termination {
    pub kind: TerminationKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cure: Option<Duration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TerminationKind {
    Convenience,
    Cause,
    ChangeOfControl,
    Insolvency,
    Underperformance,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ExitReview {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Cadence>,
    /// The id of the committee that decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decides: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ReviewOption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOption {
    Continue,
    Restructure,
    Exit,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Evolve {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub into: Option<Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Otherwise>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    Dissolve,
    Continue,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Clause {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Facts derived from the agreement (SPEC §2.2).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Analysis {
    /// The last day of the term: `effective` plus `term` in calendar arithmetic. Absent for
    /// an indefinite term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<Date>,
    /// For automatic renewal, the last day to give notice that stops the first renewal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_notice_by: Option<Date>,
    /// All valued contributions, one sum per currency.
    pub total_contributions: Vec<Money>,
    /// One entry per party, in source order.
    pub parties: Vec<PartyAnalysis>,
    /// The earliest date a party may give notice to terminate for convenience, and the
    /// notice. Absent when there is no termination for convenience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortest_exit: Option<ShortestExit>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyAnalysis {
    /// The party's id.
    pub party: String,
    /// The sum of the values of its resources, one sum per currency.
    pub valued_contributions: Vec<Money>,
    /// Its percentage of all valued contributions, rounded to two decimals. Absent when
    /// nothing is valued or the values use several currencies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contribution_share: Option<Number>,
    /// Its percentage of the revenue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revenue_share: Option<Number>,
    /// Its percentage of the costs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_share: Option<Number>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ShortestExit {
    /// The earliest date of the termination for convenience, or the effective date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Duration>,
}

// ---------------------------------------------------------------------------------------
// From the model

impl Document {
    fn new(a: &m::Agreement, status: &BuildStatus) -> Document {
        Document {
            schema_version: SCHEMA_VERSION,
            status: Status {
                is_final: status.is_final(),
                errors: status.errors,
                warnings: status.warnings,
                infos: status.infos,
                issues: status
                    .issues
                    .iter()
                    .map(|i| Issue {
                        line: i.line,
                        column: i.column,
                        severity: match i.severity {
                            diagnostic::Severity::Error => Severity::Error,
                            diagnostic::Severity::Warning => Severity::Warning,
                            diagnostic::Severity::Info => Severity::Info,
                        },
                        rule: i.rule.to_string(),
                        message: i.message.clone(),
                        help: i.help.clone(),
                    })
                    .collect(),
            },
            agreement: Agreement {
                title: a.title.value.clone(),
                model: a.model.as_ref().map(|m| m.value.into()),
                purpose: text(&a.purpose),
                scope: text(&a.scope),
                effective: date(&a.effective),
                term: a.term.as_ref().map(|t| match t.value {
                    m::Term::Fixed(d) => Term::Fixed(d.into()),
                    m::Term::Indefinite => Term::Indefinite(Indefinite::Indefinite),
                }),
                renewal: a.renewal.as_ref().map(|r| match r.value {
                    m::Renewal::None => Renewal::None,
                    m::Renewal::Automatic => Renewal::Automatic,
                    m::Renewal::ByAgreement => Renewal::ByAgreement,
                }),
                renewal_term: duration(&a.renewal_term),
                renewal_notice: duration(&a.renewal_notice),
                signed: date(&a.signed),
                governing_law: text(&a.governing_law),
                allow: texts(&a.allow),
                note: text(&a.note),
            },
            parties: a.parties.iter().map(party).collect(),
            equity: a.equity.as_ref().map(equity),
            entity: a.entity.as_ref().map(entity),
            governance: a.governance.as_ref().map(governance),
            contributions: a.contributions.as_ref().map(contributions),
            sharing: a.sharing.as_ref().map(|s| Sharing {
                revenue: percents(&s.revenue),
                costs: percents(&s.costs),
                method: text(&s.method),
                note: text(&s.note),
            }),
            liability: a.liability.as_ref().map(liability),
            ip: a.ip.as_ref().map(ip),
            compliance: a.compliance.as_ref().map(|c| Compliance {
                jurisdictions: texts(&c.jurisdictions),
                regimes: c
                    .regimes
                    .iter()
                    .filter_map(|r| Regime::from_key(r.value))
                    .collect(),
                change_in_law: text(&c.change_in_law),
                note: text(&c.note),
            }),
            confidentiality: a.confidentiality.as_ref().map(|c| Confidentiality {
                term: duration(&c.term),
                note: text(&c.note),
            }),
            covenants: a.covenants.as_ref().map(covenants),
            metrics: a.metrics.as_ref().map(metrics),
            disputes: a.disputes.as_ref().map(|d| Disputes {
                steps: d.steps.iter().map(step).collect(),
                note: text(&d.note),
            }),
            exit: a.exit.as_ref().map(exit),
            clauses: a
                .clauses
                .iter()
                .map(|c| Clause {
                    id: c.id.value.to_string(),
                    title: c.title.value.clone(),
                    text: text(&c.text),
                    note: text(&c.note),
                })
                .collect(),
            analysis: analysis_of(a),
        }
    }
}

fn party(p: &m::Party) -> Party {
    Party {
        id: p.id.value.to_string(),
        name: p.name.value.clone(),
        role: p.role.as_ref().map(|r| match r.value {
            m::Role::Convener => Role::Convener,
            m::Role::Lead => Role::Lead,
            m::Role::Member => Role::Member,
        }),
        jurisdiction: text(&p.jurisdiction),
        signatory: text(&p.signatory),
        alliance_manager: text(&p.alliance_manager),
        contact: text(&p.contact),
        note: text(&p.note),
    }
}

fn equity(e: &m::Equity) -> Equity {
    Equity {
        stakes: e
            .stakes
            .iter()
            .map(|s| Stake {
                holder: reference(&s.holder),
                issuer: reference(&s.issuer),
                percent: number(&s.percent),
                amount: money(&s.amount),
                closing: date(&s.closing),
                note: text(&s.note),
            })
            .collect(),
        board_seats: seats(&e.board_seats),
        information_rights: boolean(&e.information_rights),
        unwind: text(&e.unwind),
        note: text(&e.note),
    }
}

fn entity(e: &m::Entity) -> Entity {
    Entity {
        id: e.id.value.to_string(),
        name: e.name.value.clone(),
        jurisdiction: text(&e.jurisdiction),
        ownership: percents(&e.ownership),
        capital: amounts(&e.capital),
        management: text(&e.management),
        board: e.board.as_ref().map(|b| Board {
            seats: seats(&b.seats),
            independent: number(&b.independent),
            decides: decision(&b.decides),
            reserved: texts(&b.reserved),
            note: text(&b.note),
        }),
        note: text(&e.note),
    }
}

fn governance(g: &m::Governance) -> Governance {
    Governance {
        committees: g
            .committees
            .iter()
            .map(|c| Committee {
                id: c.id.value.to_string(),
                name: c.name.value.clone(),
                seats: seats(&c.seats),
                meets: cadence(&c.meets),
                decides: decision(&c.decides),
                quorum: number(&c.quorum),
                chair: c.chair.as_ref().map(|ch| match ch {
                    m::Chair::Rotating(_) => Chair::Rotating(Rotating::Rotating),
                    m::Chair::Party(r) => Chair::Party(PartyRef { party: id(r) }),
                }),
                rotation: cadence(&c.rotation),
                independent: number(&c.independent),
                note: text(&c.note),
            })
            .collect(),
        reporting: g.reporting.as_ref().map(|r| Reporting {
            operations: cadence(&r.operations),
            progress: cadence(&r.progress),
            strategy: cadence(&r.strategy),
            note: text(&r.note),
        }),
        health_check: cadence(&g.health_check),
        reserved_matters: g.reserved_matters.as_ref().map(|r| ReservedMatters {
            matters: texts(&r.matters),
            decides: decision(&r.decides),
            note: text(&r.note),
        }),
        scope_change: g.scope_change.as_ref().map(|s| ScopeChange {
            approved_by: reference(&s.approved_by),
            amendment_required: boolean(&s.amendment_required),
            note: text(&s.note),
        }),
        note: text(&g.note),
    }
}

fn contributions(c: &m::Contributions) -> Contributions {
    Contributions {
        review: cadence(&c.review),
        from: c
            .from
            .iter()
            .map(|f| PartyContributions {
                party: id(&f.party),
                resources: f
                    .resources
                    .iter()
                    .map(|r| Resource {
                        title: r.title.value.clone(),
                        kind: r.kind.as_ref().map(|k| match k.value {
                            m::ResourceKind::Cash => ResourceKind::Cash,
                            m::ResourceKind::Ip => ResourceKind::Ip,
                            m::ResourceKind::Data => ResourceKind::Data,
                            m::ResourceKind::Staff => ResourceKind::Staff,
                            m::ResourceKind::Facilities => ResourceKind::Facilities,
                            m::ResourceKind::Technology => ResourceKind::Technology,
                            m::ResourceKind::MarketAccess => ResourceKind::MarketAccess,
                            m::ResourceKind::Brand => ResourceKind::Brand,
                            m::ResourceKind::Other => ResourceKind::Other,
                        }),
                        value: money(&r.value),
                        fte: number(&r.fte),
                        license: r.license.as_ref().map(|l| match l.value {
                            m::LicenseTerms::Exclusive => LicenseTerms::Exclusive,
                            m::LicenseTerms::NonExclusive => LicenseTerms::NonExclusive,
                            m::LicenseTerms::Assignment => LicenseTerms::Assignment,
                        }),
                        schedule: text(&r.schedule),
                        note: text(&r.note),
                    })
                    .collect(),
                deliverables: f
                    .deliverables
                    .iter()
                    .map(|d| Deliverable {
                        title: d.title.value.clone(),
                        due: date(&d.due),
                        acceptance: text(&d.acceptance),
                        note: text(&d.note),
                    })
                    .collect(),
                note: text(&f.note),
            })
            .collect(),
        note: text(&c.note),
    }
}

fn liability(l: &m::Liability) -> Liability {
    Liability {
        cap: money(&l.cap),
        joint_pool: money(&l.joint_pool),
        pool_shares: percents(&l.pool_shares),
        own_people_and_assets: l.own_people_and_assets.as_ref().map(|o| match o.value {
            m::OwnPeople::EachParty => OwnPeople::EachParty,
            m::OwnPeople::Shared => OwnPeople::Shared,
        }),
        insurance: text(&l.insurance),
        uncapped: texts(&l.uncapped),
        liquidated_damages: text(&l.liquidated_damages),
        termination_fee: money(&l.termination_fee),
        warranty: duration(&l.warranty),
        note: text(&l.note),
    }
}

fn ip(i: &m::Ip) -> Ip {
    Ip {
        background: i.background.as_ref().map(|b| match b.value {
            m::BackgroundIp::Retained => BackgroundIp::Retained,
            m::BackgroundIp::Licensed => BackgroundIp::Licensed,
        }),
        joint: i.joint.as_ref().map(|j| match j {
            m::JointIp::JointlyOwned(_) => JointIp::JointlyOwned(JointlyOwned::JointlyOwned),
            m::JointIp::Owner(r) => JointIp::Owner(holder(r)),
        }),
        after_exit: text(&i.after_exit),
        licenses: i
            .licenses
            .iter()
            .map(|l| License {
                title: l.title.value.clone(),
                grantor: reference(&l.grantor),
                grantee: l.grantee.as_ref().map(|g| match g {
                    m::Grantee::All(_) => Grantee::All(All::All),
                    m::Grantee::Party(r) => Grantee::Party(PartyRef { party: id(r) }),
                }),
                scope: text(&l.scope),
                exclusive: boolean(&l.exclusive),
                transferable: boolean(&l.transferable),
                sublicensable: boolean(&l.sublicensable),
                affiliates: boolean(&l.affiliates),
                perpetual: boolean(&l.perpetual),
                irrevocable: boolean(&l.irrevocable),
                royalty: l.royalty.as_ref().map(|r| match &r.value {
                    m::Royalty::Percent(p) => Royalty::Percent(num(*p)),
                    m::Royalty::Money(money) => Royalty::Money(Money::from(money)),
                }),
                note: text(&l.note),
            })
            .collect(),
        assigned_to: i.assigned_to.as_ref().map(holder),
        escrow: text(&i.escrow),
        note: text(&i.note),
    }
}

fn restraint(r: &m::Restraint) -> Restraint {
    Restraint {
        binds: parties(&r.binds),
        scope: text(&r.scope),
        territory: text(&r.territory),
        after_exit: duration(&r.after_exit),
        carve_outs: text(&r.carve_outs),
        note: text(&r.note),
    }
}

fn covenants(c: &m::Covenants) -> Covenants {
    Covenants {
        exclusivity: c.exclusivity.as_ref().map(restraint),
        non_compete: c.non_compete.as_ref().map(restraint),
        non_solicit: c.non_solicit.as_ref().map(|n| NonSolicit {
            of: n
                .of
                .iter()
                .filter_map(|o| match o.value {
                    "customers" => Some(Solicited::Customers),
                    "employees" => Some(Solicited::Employees),
                    _ => None,
                })
                .collect(),
            binds: parties(&n.binds),
            after_exit: duration(&n.after_exit),
            note: text(&n.note),
        }),
        non_disparagement: c.non_disparagement.as_ref().map(|n| NonDisparagement {
            binds: parties(&n.binds),
            note: text(&n.note),
        }),
        first_refusals: c
            .first_refusals
            .iter()
            .map(|f| FirstRefusal {
                title: f.title.value.clone(),
                holder: reference(&f.holder),
                kind: f.kind.as_ref().map(|k| match k.value {
                    m::RefusalKind::Refusal => RefusalKind::Refusal,
                    m::RefusalKind::Offer => RefusalKind::Offer,
                    m::RefusalKind::Negotiation => RefusalKind::Negotiation,
                }),
                over: text(&f.over),
                window: duration(&f.window),
                note: text(&f.note),
            })
            .collect(),
        most_favoured: c.most_favoured.as_ref().map(|mf| MostFavoured {
            beneficiary: reference(&mf.beneficiary),
            scope: text(&mf.scope),
            note: text(&mf.note),
        }),
        minimum_commitments: c
            .minimum_commitments
            .iter()
            .map(|mc| MinimumCommitment {
                title: mc.title.value.clone(),
                party: reference(&mc.party),
                amount: money(&mc.amount),
                per: cadence(&mc.per),
                note: text(&mc.note),
            })
            .collect(),
        assignment: c.assignment.as_ref().map(|a| Assignment {
            consent_required: boolean(&a.consent_required),
            exceptions: text(&a.exceptions),
            note: text(&a.note),
        }),
        audit: c.audit.as_ref().map(|a| Audit {
            by: parties(&a.by),
            every: cadence(&a.every),
            notice: duration(&a.notice),
            note: text(&a.note),
        }),
        third_party_beneficiaries: c
            .third_party_beneficiaries
            .as_ref()
            .map(|t| match &t.value {
                m::ThirdParties::Allowed(b) => ThirdParties::Allowed(*b),
                m::ThirdParties::Named(names) => ThirdParties::Named(texts(names)),
            }),
        note: text(&c.note),
    }
}

fn metrics(mt: &m::Metrics) -> Metrics {
    Metrics {
        review: cadence(&mt.review),
        data_access: mt.data_access.as_ref().map(|d| match d {
            m::DataAccess::Shared(_) => DataAccess::Shared(Shared::Shared),
            m::DataAccess::Party(r) => DataAccess::Party(PartyRef { party: id(r) }),
        }),
        metrics: mt
            .metrics
            .iter()
            .map(|x| Metric {
                id: x.id.value.to_string(),
                title: x.title.value.clone(),
                kind: x.kind.as_ref().map(|k| match k.value {
                    m::MetricKind::Quantitative => MetricKind::Quantitative,
                    m::MetricKind::Qualitative => MetricKind::Qualitative,
                }),
                target: x.target.as_ref().map(|t| Target {
                    comparator: match t.value.comparator {
                        m::Comparator::AtLeast => Comparator::AtLeast,
                        m::Comparator::AtMost => Comparator::AtMost,
                        m::Comparator::Above => Comparator::Above,
                        m::Comparator::Below => Comparator::Below,
                        m::Comparator::Exactly => Comparator::Exactly,
                    },
                    value: match &t.value.quantity {
                        m::Quantity::Number(n) => Quantity::Number(num(*n)),
                        m::Quantity::Percent(p) => Quantity::Percent(num(*p)),
                        m::Quantity::Money(money) => Quantity::Money(Money::from(money)),
                        m::Quantity::Duration(d) => Quantity::Duration((*d).into()),
                    },
                }),
                by: date(&x.by),
                owner: x.owner.as_ref().map(|o| match o {
                    m::Owner::Joint(_) => Owner::Joint(Joint::Joint),
                    m::Owner::Parties(refs, _) => Owner::Parties(refs.iter().map(id).collect()),
                }),
                review: cadence(&x.review),
                source: text(&x.source),
                note: text(&x.note),
            })
            .collect(),
        milestones: mt
            .milestones
            .iter()
            .map(|x| Milestone {
                id: x.id.value.to_string(),
                title: x.title.value.clone(),
                due: date(&x.due),
                horizon: x.horizon.as_ref().map(|h| match h.value {
                    m::Horizon::QuickWin => Horizon::QuickWin,
                    m::Horizon::MediumTerm => Horizon::MediumTerm,
                    m::Horizon::Ultimate => Horizon::Ultimate,
                }),
                note: text(&x.note),
            })
            .collect(),
        note: text(&mt.note),
    }
}

fn step(s: &m::DisputeStep) -> Step {
    let within = duration(&s.within);
    let note = text(&s.note);
    match &s.kind {
        m::StepKind::Negotiation { between } => Step::Negotiation {
            between: between.as_ref().map(|b| match b.value {
                m::Negotiators::AllianceManagers => Negotiators::AllianceManagers,
                m::Negotiators::Executives => Negotiators::Executives,
            }),
            within,
            note,
        },
        m::StepKind::Escalation { to } => Step::Escalation {
            to: reference(to),
            within,
            note,
        },
        m::StepKind::Mediation { provider } => Step::Mediation {
            provider: text(provider),
            within,
            note,
        },
        m::StepKind::Expert { provider, binding } => Step::Expert {
            provider: text(provider),
            binding: boolean(binding),
            note,
        },
        m::StepKind::Arbitration {
            rules,
            seat,
            arbitrators,
        } => Step::Arbitration {
            rules: text(rules),
            seat: text(seat),
            arbitrators: number(arbitrators),
            note,
        },
        m::StepKind::Litigation { courts } => Step::Litigation {
            courts: text(courts),
            note,
        },
    }
}

fn exit(e: &m::Exit) -> Exit {
    Exit {
        terminations: e
            .terminations
            .iter()
            .map(|t| Termination {
                kind: match t.kind.value {
                    m::TerminationKind::Convenience => TerminationKind::Convenience,
                    m::TerminationKind::Cause => TerminationKind::Cause,
                    m::TerminationKind::ChangeOfControl => TerminationKind::ChangeOfControl,
                    m::TerminationKind::Insolvency => TerminationKind::Insolvency,
                    m::TerminationKind::Underperformance => TerminationKind::Underperformance,
                },
                notice: duration(&t.notice),
                cure: duration(&t.cure),
                earliest: date(&t.earliest),
                trigger: text(&t.trigger),
                note: text(&t.note),
            })
            .collect(),
        wind_down: duration(&e.wind_down),
        assets: text(&e.assets),
        review: e.review.as_ref().map(|r| ExitReview {
            every: cadence(&r.every),
            decides: reference(&r.decides),
            options: r
                .options
                .iter()
                .map(|o| match o.value {
                    m::ReviewOption::Continue => ReviewOption::Continue,
                    m::ReviewOption::Restructure => ReviewOption::Restructure,
                    m::ReviewOption::Exit => ReviewOption::Exit,
                })
                .collect(),
            note: text(&r.note),
        }),
        evolve: e.evolve.as_ref().map(|v| Evolve {
            by: date(&v.by),
            into: v.into.as_ref().map(|i| i.value.into()),
            otherwise: v.dissolve.as_ref().map(|d| {
                if d.value {
                    Otherwise::Dissolve
                } else {
                    Otherwise::Continue
                }
            }),
            note: text(&v.note),
        }),
        transition: text(&e.transition),
        note: text(&e.note),
    }
}

fn analysis_of(a: &m::Agreement) -> Analysis {
    let facts = analysis::Analysis::of(a);
    Analysis {
        term_end: facts.term_end.map(Date::from),
        renewal_notice_by: facts.renewal_notice_by.map(Date::from),
        total_contributions: facts.total_contributions.iter().map(Money::from).collect(),
        parties: facts
            .parties
            .iter()
            .map(|p| PartyAnalysis {
                party: a
                    .parties
                    .get(p.party)
                    .map(|x| x.id.value.to_string())
                    .unwrap_or_default(),
                valued_contributions: p.valued_contributions.iter().map(Money::from).collect(),
                contribution_share: p.contribution_share.map(num),
                revenue_share: p.revenue_share.map(num),
                cost_share: p.cost_share.map(num),
            })
            .collect(),
        shortest_exit: facts.earliest_exit.map(|e| ShortestExit {
            earliest: e.date.map(Date::from),
            notice: e.notice.map(Duration::from),
        }),
    }
}
