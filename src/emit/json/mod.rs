//! The JSON document (`charter build --json`): the whole agreement as data, for other
//! systems (SPEC §5).
//!
//! The types here are the document's own, not the internal model's (their text borrows
//! the model's, `Cow<'a, str>`, so that the document copies none of it): the model can
//! change without changing the document, whose format is versioned by [`SCHEMA_VERSION`] and
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
//!
//! This file holds the document's top level and its assembly from the model; the scalar
//! encodings are in `scalars.rs`, and each area of the agreement has a file of its own
//! (`parties.rs`, `governance.rs`, `contributions.rs`, `economics.rs`, `ip.rs`,
//! `covenants.rs`, `metrics.rs`, `disputes.rs`, `exit.rs`) with its types and the
//! function that builds them from the model.

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

mod contributions;
mod covenants;
mod disputes;
mod documents;
mod economics;
mod exit;
mod governance;
mod ip;
mod liability;
mod metrics;
mod parties;
mod scalars;

pub use contributions::*;
pub use covenants::*;
pub use disputes::*;
pub use documents::*;
pub use economics::*;
pub use exit::*;
pub use governance::*;
pub use ip::*;
pub use liability::*;
pub use metrics::*;
pub use parties::*;
pub use scalars::*;

/// The version of the document's format. Every change to the format raises it. Changes
/// are additive (new keys, new values of an enumeration): a consumer written for an older
/// version reads a newer document by ignoring what it does not know. Version 2 added
/// `documents` and `withheld`.
pub const SCHEMA_VERSION: u32 = 2;

/// The JSON document of an agreement.
pub fn document<'a>(agreement: &'a m::Agreement, status: &'a BuildStatus) -> Document<'a> {
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
// The document

/// A Charter agreement as data: the `charter build --json` document.
///
/// Items the source does not state are left out; the document never holds `null`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(title = "Charter agreement")]
pub struct Document<'a> {
    /// The version of this format: 2 (version 1 had no `documents` and no `withheld`).
    #[schemars(extend("const" = 2))]
    pub schema_version: u32,
    /// Whether the agreement is final, and what is still open.
    pub status: Status<'a>,
    pub agreement: Agreement<'a>,
    /// The parties, in source order.
    pub parties: Vec<Party<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equity: Option<Equity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<Entity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governance: Option<Governance<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributions: Option<Contributions<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sharing: Option<Sharing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub liability: Option<Liability<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ip<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliance: Option<Compliance<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covenants: Option<Covenants<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Metrics<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputes: Option<Disputes<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit: Option<Exit<'a>>,
    /// Free clauses, in source order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Clause<'a>>,
    /// Schedules, exhibits and separate agreements the agreement relies on (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<RelatedDocument<'a>>,
    /// Parties grouped into sides (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sides: Vec<Side<'a>>,
    /// Terms whose values are redacted or set out in a related document, in source order
    /// (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<Withheld<'a>>,
    /// Facts derived from the agreement.
    pub analysis: Analysis<'a>,
}

/// The stage of the document, and what is still open.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Status<'a> {
    /// Whether the document is signed, with no errors and no TODOs left (since 2: in
    /// version 1 it meant no errors and no warnings, which is now `clean`).
    #[serde(rename = "final")]
    pub is_final: bool,
    /// The stage the document is at: the one it says (`agreement.status`), unless errors or
    /// TODOs make it a draft; a draft when it says nothing (since 2).
    pub stage: DocumentStatus,
    /// No errors and no warnings (since 2).
    pub clean: bool,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Every diagnostic, in source order.
    pub issues: Vec<Issue<'a>>,
}

/// One diagnostic of the checker.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Issue<'a> {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub severity: Severity,
    /// The rule's name, as `charter explain` takes it.
    pub rule: Cow<'a, str>,
    pub message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'a, str>>,
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
pub struct Agreement<'a> {
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Model>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'a, str>>,
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
    pub governing_law: Option<Cow<'a, str>>,
    /// The status the document gives itself (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DocumentStatus>,
    /// The version label (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<Cow<'a, str>>,
    /// The date of this version (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dated: Option<Date>,
    /// Legends for every page (since 2).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legend: Vec<Cow<'a, str>>,
    /// Which parts bind the parties: `"none"`, `"all"`, or a list of parts (since 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding: Option<Binding<'a>>,
    /// Rules switched off for this file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    Draft,
    ForSignature,
    Signed,
}

impl From<m::DocumentStatus> for DocumentStatus {
    fn from(s: m::DocumentStatus) -> DocumentStatus {
        match s {
            m::DocumentStatus::Draft => DocumentStatus::Draft,
            m::DocumentStatus::ForSignature => DocumentStatus::ForSignature,
            m::DocumentStatus::Signed => DocumentStatus::Signed,
        }
    }
}

/// `"none"`, `"all"`, or the parts that bind.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Binding<'a> {
    Whole(BindingWhole),
    Parts(Vec<Cow<'a, str>>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BindingWhole {
    None,
    All,
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
pub struct Clause<'a> {
    #[schemars(with = "String")]
    pub id: Id,
    pub title: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// Facts derived from the agreement (SPEC §2.2).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Analysis<'a> {
    /// The last day of the term: `effective` plus `term` in calendar arithmetic. Absent for
    /// an indefinite term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_end: Option<Date>,
    /// For automatic renewal, the last day to give notice that stops the first renewal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_notice_by: Option<Date>,
    /// All valued contributions, one sum per currency.
    pub total_contributions: Vec<Money<'a>>,
    /// One entry per party, in source order.
    pub parties: Vec<PartyAnalysis<'a>>,
    /// The earliest date a party may give notice to terminate for convenience, and the
    /// notice. Absent when there is no termination for convenience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortest_exit: Option<ShortestExit>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyAnalysis<'a> {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
    /// The sum of the values of its resources, one sum per currency.
    pub valued_contributions: Vec<Money<'a>>,
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

impl<'a> Document<'a> {
    fn new(a: &'a m::Agreement, status: &'a BuildStatus) -> Document<'a> {
        Document {
            schema_version: SCHEMA_VERSION,
            status: Status {
                is_final: status.is_final(),
                stage: status.stage().into(),
                clean: status.is_clean(),
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
                        rule: Cow::Borrowed(i.rule),
                        message: Cow::Borrowed(i.message.as_str()),
                        help: i.help.as_deref().map(Cow::Borrowed),
                    })
                    .collect(),
            },
            agreement: Agreement {
                title: text_of(&a.title),
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
                status: a.status.as_ref().map(|s| s.value.into()),
                version: text(&a.version),
                dated: date(&a.dated),
                legend: texts(&a.legend),
                binding: a.binding.as_ref().map(|b| match b {
                    m::Binding::Nothing(_) => Binding::Whole(BindingWhole::None),
                    m::Binding::All(_) => Binding::Whole(BindingWhole::All),
                    m::Binding::Parts(p) => {
                        Binding::Parts(p.iter().map(|w| Cow::Borrowed(w.value)).collect())
                    }
                }),
                allow: texts(&a.allow),
                note: text(&a.note),
            },
            parties: a.parties.iter().map(party).collect(),
            equity: a.equity.as_ref().map(equity),
            entity: a.entity.as_ref().map(entity),
            governance: a.governance.as_ref().map(governance),
            contributions: a.contributions.as_ref().map(contributions),
            sharing: a.sharing.as_ref().map(sharing),
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
                    id: c.id.value.clone(),
                    title: text_of(&c.title),
                    text: text(&c.text),
                    note: text(&c.note),
                })
                .collect(),
            documents: a.documents.iter().map(related_document).collect(),
            sides: a
                .sides
                .iter()
                .map(|s| Side {
                    id: s.id.value.clone(),
                    name: text_of(&s.name),
                    parties: s.parties.iter().map(id).collect(),
                    liability: s.liability.as_ref().map(|l| match l.value {
                        m::SideLiability::JointAndSeveral => SideLiability::JointAndSeveral,
                        m::SideLiability::Several => SideLiability::Several,
                    }),
                    note: text(&s.note),
                })
                .collect(),
            withheld: a.withheld.iter().map(withheld).collect(),
            analysis: analysis_of(a),
        }
    }
}

fn analysis_of(a: &m::Agreement) -> Analysis<'_> {
    let facts = analysis::Analysis::of(a);
    Analysis {
        term_end: facts.term_end.map(Date::from),
        renewal_notice_by: facts.renewal_notice_by.map(Date::from),
        total_contributions: facts.total_contributions.iter().map(Money::owned).collect(),
        parties: facts
            .parties
            .iter()
            .map(|p| PartyAnalysis {
                party: a
                    .parties
                    .get(p.party)
                    .map(|x| x.id.value.clone())
                    .unwrap_or_default(),
                valued_contributions: p.valued_contributions.iter().map(Money::owned).collect(),
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
