//! The agreement as a whole, its related documents, the table of withheld values and free clauses.

use super::*;

#[derive(Clone, Debug, Default)]
pub struct Agreement {
    pub title: Text,
    /// The `agreement "…" {` head, for findings about the agreement as a whole.
    pub head: Span,
    pub model: Option<Spanned<Model>>,
    pub purpose: Option<Text>,
    pub scope: Option<Text>,
    pub effective: Option<Spanned<Date>>,
    pub term: Option<Spanned<Term>>,
    pub renewal: Option<Spanned<Renewal>>,
    pub renewal_term: Option<Spanned<Duration>>,
    pub renewal_notice: Option<Spanned<Duration>>,
    pub signed: Option<Spanned<Date>>,
    pub governing_law: Option<Text>,
    /// The document's own status, as it says.
    pub status: Option<Spanned<DocumentStatus>>,
    /// The version label: "Draft 3".
    pub version: Option<Text>,
    /// The date of this version.
    pub dated: Option<Spanned<Date>>,
    /// Legends for every page: "Subject to contract", "Confidential".
    pub legend: Vec<Text>,
    /// Which parts bind the parties.
    pub binding: Option<Binding>,
    /// Rule names switched off for this file.
    pub allow: Vec<Text>,
    pub note: Option<Text>,
    pub parties: Vec<Party>,
    pub equity: Option<Equity>,
    pub entity: Option<Entity>,
    pub governance: Option<Governance>,
    pub contributions: Option<Contributions>,
    pub sharing: Option<Sharing>,
    pub liability: Option<Liability>,
    pub ip: Option<Ip>,
    pub compliance: Option<Compliance>,
    pub confidentiality: Option<Confidentiality>,
    pub covenants: Option<Covenants>,
    pub metrics: Option<Metrics>,
    pub disputes: Option<Disputes>,
    pub exit: Option<Exit>,
    pub clauses: Vec<Clause>,
    /// The schedules, exhibits and separate agreements the text relies on.
    pub documents: Vec<RelatedDocument>,
    /// Parties grouped into sides.
    pub sides: Vec<Side>,
    /// Values the agreement does not give here: redacted in the filed copy, or set out in
    /// another document. They count as present; their keys are absent from the model.
    pub withheld: Vec<Withheld>,
    /// The span of every string and text block in the file, titles included, in source
    /// order (for checks on prose such as `todo-left`).
    pub strings: Vec<Span>,
    /// Keys written with a value that could not be read (a wrong type, an invalid date…),
    /// by key name and value span. They were reported; they are absent from the model but
    /// present in the text (see [`Agreement::unreadable_in`]).
    pub unreadable: Vec<(&'static str, Span)>,
}

/// A related document: `document ID "TITLE" { kind: … }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelatedDocument {
    pub id: Spanned<Id>,
    pub title: Text,
    pub kind: Option<Spanned<DocumentKind>>,
    /// It stands or falls together with this agreement.
    pub interdependent: Option<Spanned<bool>>,
    pub signed: Option<Spanned<Date>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Schedule,
    Exhibit,
    Annex,
    Plan,
    Agreement,
}

impl DocumentKind {
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::Schedule => "schedule",
            DocumentKind::Exhibit => "exhibit",
            DocumentKind::Annex => "annex",
            DocumentKind::Plan => "plan",
            DocumentKind::Agreement => "agreement",
        }
    }
}

/// A value written as `[***]` or `see ID`: present, but not given in this agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// The key it is the value of.
    pub key: &'static str,
    /// For an entry of a map keyed by party (`revenue: { a: [***] }`), the party.
    pub party: Option<Ref>,
    /// The value as written.
    pub span: Span,
    /// The block it is written in: its span, keyword and id or title.
    pub block: Span,
    pub section: &'static str,
    pub label: Option<String>,
    /// Whether `label` is the block's title (written in quotes), not its id.
    pub titled: bool,
    pub form: WithheldForm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WithheldForm {
    /// Blacked out in the filed copy; what is still visible.
    Redacted(crate::syntax::ast::RedactedShape),
    /// Set out in a related document, perhaps at a given place in it.
    Elsewhere { document: Ref, place: Option<Text> },
    /// A date set by an event (`{ event: "the Initial Closing", longstop: 2006-12-31 }`):
    /// the event, and the date by which it must happen, if any.
    Event {
        event: Option<Text>,
        longstop: Option<Spanned<Date>>,
    },
    /// A period that runs until an event (`{ until: "delivery of all forms", at_most: 30
    /// months }`): the event, and the longest it may run, if any.
    Until {
        event: Option<Text>,
        at_most: Option<Spanned<Duration>>,
    },
}

impl Agreement {
    /// Whether `key` is written directly in the block at `block` as a withheld value.
    pub fn withheld_in(&self, key: &str, block: Span) -> Option<&Withheld> {
        self.withheld
            .iter()
            .find(|w| w.key == key && w.party.is_none() && w.block == block)
    }

    /// A key of the agreement block itself written as a withheld value.
    pub fn withheld_at_top(&self, key: &str) -> Option<&Withheld> {
        self.withheld
            .iter()
            .find(|w| w.key == key && w.section == "agreement" && w.party.is_none())
    }

    /// The day the agreement takes effect: as written, or, when it takes effect on an event
    /// with a longstop date, that date as the latest it can be.
    pub fn effective_bound(&self) -> Option<Bounded<Date>> {
        if let Some(d) = &self.effective {
            return Some(Bounded::Exact(d.value));
        }
        match &self.withheld_at_top("effective")?.form {
            WithheldForm::Event {
                longstop: Some(d), ..
            } => Some(Bounded::AtMost(d.value)),
            _ => None,
        }
    }

    /// The last day of the term: exact when the start and the length are, otherwise the
    /// latest it can be from the stated bounds (a longstop for the start, `at_most` for a
    /// term that runs until an event). `None` when there is no bound at all, or the term is
    /// indefinite.
    pub fn term_end_bound(&self) -> Option<Bounded<Date>> {
        let start = self.effective_bound()?;
        let length = match &self.term {
            Some(t) => match t.value {
                Term::Fixed(d) => Bounded::Exact(d),
                Term::Indefinite => return None,
            },
            None => match &self.withheld_at_top("term")?.form {
                WithheldForm::Until {
                    at_most: Some(d), ..
                } => Bounded::AtMost(d.value),
                _ => return None,
            },
        };
        let end = length.value().after(start.value())?;
        Some(match (start, length) {
            (Bounded::Exact(_), Bounded::Exact(_)) => Bounded::Exact(end),
            _ => Bounded::AtMost(end),
        })
    }

    /// For each party, the side it is on: its own index when it is on no declared side, or
    /// the number of parties plus the index of its side. Two parties are on one side when
    /// their entries are equal.
    pub fn side_keys(&self) -> Vec<usize> {
        let mut keys: Vec<usize> = (0..self.parties.len()).collect();
        for (s, side) in self.sides.iter().enumerate() {
            for r in &side.parties {
                // A party listed on two sides (reported) stays on the first.
                if let Some(k) = r.party().and_then(|i| keys.get_mut(i)) {
                    if *k < self.parties.len() {
                        *k = self.parties.len() + s;
                    }
                }
            }
        }
        keys
    }

    /// `present`, indexed by party, spread over sides: a party counts as present when any
    /// party on its side is (a subsidiary represented by its parent on a committee, a side
    /// that takes one share of revenue).
    pub fn by_side(&self, present: &[bool]) -> Vec<bool> {
        if self.sides.is_empty() {
            return present.to_vec();
        }
        let keys = self.side_keys();
        let sides: std::collections::HashSet<usize> = keys
            .iter()
            .zip(present)
            .filter(|(_, p)| **p)
            .map(|(k, _)| *k)
            .collect();
        keys.iter().map(|k| sides.contains(k)).collect()
    }

    /// How many sides the deal has: parties on a declared side count once.
    pub fn side_count(&self) -> usize {
        let mut keys = self.side_keys();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    }

    /// The index of the party with this id (a linear search; for many lookups build a map).
    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.iter().position(|p| p.id.value == id)
    }

    /// The parties that have an id of their own: each id's first party (a second party with
    /// the same id is a `duplicate-id` and is left out), with its index.
    pub fn named_parties(&self) -> Vec<(usize, &Party)> {
        let mut seen = std::collections::HashSet::with_capacity(self.parties.len());
        self.parties
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.id.value.is_empty() && seen.insert(p.id.value.as_str()))
            .collect()
    }

    /// The day the term ends (the last day inside it), or `None` for an indefinite term or
    /// when the start or the term is missing.
    pub fn term_end(&self) -> Option<Date> {
        let effective = self.effective.as_ref()?.value;
        match self.term.as_ref()?.value {
            Term::Fixed(d) => d.after(effective),
            Term::Indefinite => None,
        }
    }

    /// Whether `key` is written inside `within` with a value that could not be read. Such a
    /// key was already reported, so a rule about its absence stays silent.
    pub fn unreadable_in(&self, key: &str, within: Span) -> bool {
        self.unreadable
            .iter()
            .any(|(k, s)| *k == key && within.start <= s.start && s.end <= within.end)
    }

    pub fn committees(&self) -> &[Committee] {
        self.governance
            .as_ref()
            .map_or(&[], |g| g.committees.as_slice())
    }
}

/// A value known exactly, or only as the most it can be (from a longstop date or an
/// `at_most` bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bounded<T> {
    Exact(T),
    AtMost(T),
}

impl<T: Copy> Bounded<T> {
    pub fn value(self) -> T {
        match self {
            Bounded::Exact(v) | Bounded::AtMost(v) => v,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renewal {
    None,
    Automatic,
    ByAgreement,
}

/// Parties that together form one side of the deal.
#[derive(Clone, Debug)]
pub struct Side {
    pub id: Spanned<Id>,
    pub name: Text,
    pub parties: Vec<Ref>,
    /// How its parties answer for the side's obligations.
    pub liability: Option<Spanned<SideLiability>>,
    pub note: Option<Text>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub id: Spanned<Id>,
    pub title: Text,
    pub text: Option<Text>,
    pub note: Option<Text>,
    pub span: Span,
}

/// How the parties of a side answer for its obligations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideLiability {
    /// Each party answers for the whole.
    JointAndSeveral,
    /// Each party answers for its own part only.
    Several,
}

/// The status a document gives itself. A file with errors or TODOs is a draft whatever it
/// says (see `emit::Status::stage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocumentStatus {
    Draft,
    ForSignature,
    Signed,
}

/// Which parts of the document bind the parties: a term sheet is often binding only for its
/// confidentiality, exclusivity and costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Binding {
    Nothing(Span),
    All(Span),
    /// The binding parts, as the schema words them (`confidentiality`, `exclusivity`…).
    Parts(Vec<Spanned<&'static str>>),
}
