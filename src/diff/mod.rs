//! `charter diff`: what changed in the terms between two versions of an agreement — the
//! redline a reviewer needs, not a text diff.
//!
//! The two typed models are compared, never the text: moved lines, reflowed prose, comments,
//! blank lines and the order of parties, committees, resources or map entries are not
//! changes. Each [`Change`] has a stable path in the agreement
//! (`sharing.revenue.contoso`, `exit.termination.convenience.notice`), a [`Kind`], the old
//! and new values as the term sheet writes them, a one-sentence summary and an [`Impact`].
//!
//! ```
//! use charter::diff;
//!
//! let old = diff::read("agreement \"A\" { model: contractual  term: 3 years }").unwrap();
//! let new = diff::read("agreement \"A\" { model: contractual  term: 2 years }").unwrap();
//! let changes = diff::diff(&old.agreement, &new.agreement);
//! assert_eq!(changes[0].path, "term");
//! assert_eq!(changes[0].summary, "Term shortened from 3 years to 2 years");
//! assert_eq!(diff::verdict(&changes), "1 major change in terms");
//! assert!(diff::markdown(&changes).contains("| Term shortened from 3 years to 2 years |"));
//! ```
//!
//! # Paths
//!
//! A path names where the term sits, with `.` between segments. Top-level terms are their key
//! (`term`, `governing_law`, `renewal_notice`); parties and free clauses are
//! `parties.ID…` and `clauses.ID…`; everything else follows the blocks as they are written,
//! with the block's keyword and then its id (`governance.committee.steering.quorum`,
//! `metrics.metric.trust.target`), its kind (`exit.termination.cause.cure`,
//! `disputes.mediation.provider`), its party (`contributions.from.northwind…`,
//! `sharing.revenue.contoso`) or its title in double quotes
//! (`contributions.from.northwind.resource."Funding".value`, `ip.license."Firmware".royalty`;
//! `#2` after the second item with the same title). A stake is
//! `equity.stake.HOLDER.ISSUER`. An item added or removed as a whole has the path of the item
//! itself. `docs/diff.md` lists every path.
//!
//! Entities are matched by id (parties, committees, metrics, milestones, clauses), by title
//! (resources, deliverables, licences, rights of first refusal, minimum commitments), by
//! party (`from` blocks, map entries, stakes) or by kind (termination rights, dispute steps).

mod agreement;
mod commercial;
mod covenants;
mod documents;
mod exit;
mod governance;
mod ip;
mod liability;
mod markdown;
mod redline;
mod rename;
mod structure;
mod value;
mod walker;
mod words;

pub use markdown::markdown;
pub use redline::redline;

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::lower;
use crate::model::Agreement;
use crate::syntax;
use serde::Serialize;

/// What happened to a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, with another value.
    Changed,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
        }
    }
}

/// How much a change matters to the deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Moves economics, rights, obligations, control or exit: parties, shares, ownership,
    /// stakes, contributions and their values, decision rules, seats, chairs, casting votes,
    /// quorums and reserved matters, liability, IP ownership and licences, covenants,
    /// termination rights and notice, wind-down, governing law, the dispute forum, the term
    /// and renewal, the text of a free clause.
    Major,
    /// Cadences of meetings and reports, metric targets and dates, deliverable dates, and any
    /// prose whose words changed (a note).
    Minor,
    /// No word and no value changed: titles, ids renamed, punctuation, ordering, formatting.
    Editorial,
}

impl Impact {
    pub fn key(self) -> &'static str {
        match self {
            Impact::Major => "major",
            Impact::Minor => "minor",
            Impact::Editorial => "editorial",
        }
    }
}

/// The part of the agreement a change belongs to: one table each in the Markdown redline,
/// in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Agreement,
    Parties,
    Equity,
    Entity,
    Governance,
    Contributions,
    Sharing,
    Liability,
    Ip,
    Compliance,
    Confidentiality,
    Covenants,
    Metrics,
    Disputes,
    Exit,
    Clauses,
    Documents,
}

impl Section {
    /// The heading of the term sheet's section that shows it.
    pub fn sheet_heading(self) -> &'static str {
        match self {
            Section::Agreement => "Key terms",
            Section::Parties => "Parties",
            Section::Equity => "Equity stakes",
            Section::Entity => "The joint venture company",
            Section::Governance => "Governance",
            Section::Contributions => "Contributions",
            Section::Sharing => "Economics",
            Section::Liability => "Risk",
            Section::Ip | Section::Compliance | Section::Confidentiality => "IP and compliance",
            Section::Covenants => "Covenants",
            Section::Metrics => "Metrics and milestones",
            Section::Disputes => "Dispute resolution",
            Section::Exit => "Exit",
            Section::Clauses => "Other clauses",
            Section::Documents => "Related documents",
        }
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Agreement => "Key terms",
            Section::Parties => "Parties",
            Section::Equity => "Equity",
            Section::Entity => "Joint venture",
            Section::Governance => "Governance",
            Section::Contributions => "Contributions",
            Section::Sharing => "Revenue and costs",
            Section::Liability => "Liability",
            Section::Ip => "Intellectual property",
            Section::Compliance => "Compliance",
            Section::Confidentiality => "Confidentiality",
            Section::Covenants => "Covenants",
            Section::Metrics => "Metrics and milestones",
            Section::Disputes => "Dispute resolution",
            Section::Exit => "Exit",
            Section::Clauses => "Other clauses",
            Section::Documents => "Related documents and terms not stated here",
        }
    }
}

/// One change in terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where the term sits: `sharing.revenue.contoso`.
    pub path: String,
    pub kind: Kind,
    /// The old value as the term sheet writes it (`None` when added). For an item added
    /// or removed as a whole, its terms as `key: value` pairs separated by `; `.
    pub old: Option<String>,
    /// The new value (`None` when removed).
    pub new: Option<String>,
    pub impact: Impact,
    /// One sentence, as a lawyer would write it: "Notice for termination for convenience
    /// shortened from 90 days to 30 days". Plain text (escape it for Markdown).
    pub summary: String,
    /// For changed prose: the new text word by word, each run of words kept, deleted or
    /// inserted, for a redline that strikes and inserts words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<Vec<Words>>,
    /// The table it goes in.
    #[serde(skip)]
    pub section: Section,
}

/// A run of words of a rewording: kept, deleted or inserted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Words {
    pub op: WordOp,
    /// The words, with the spacing between them.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WordOp {
    Kept,
    Deleted,
    Inserted,
}

/// The number of changes of each impact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub major: usize,
    pub minor: usize,
    pub editorial: usize,
}

impl Counts {
    pub fn of(changes: &[Change]) -> Counts {
        let mut counts = Counts::default();
        for c in changes {
            match c.impact {
                Impact::Major => counts.major += 1,
                Impact::Minor => counts.minor += 1,
                Impact::Editorial => counts.editorial += 1,
            }
        }
        counts
    }
}

/// The diagnostics that stop a version from being compared: it cannot be read, or a term
/// written in it cannot be (a mistyped value or an impossible date would look removed; of
/// two values given for one key, or two items with one id, the comparison would have to
/// pick one). Nothing is guessed.
pub const BLOCKING: &[&str] = &[
    syntax::SYNTAX_ERROR,
    syntax::NESTING_TOO_DEEP,
    lower::rule::DUPLICATE_KEY,
    lower::rule::DUPLICATE_ID,
    lower::rule::TYPE_MISMATCH,
    lower::rule::INVALID_DATE,
];

/// The diagnostics about text that is not part of the agreement as Charter reads it (a
/// misspelt key, an unknown block): the comparison goes on without it, and says so.
pub const IGNORED: &[&str] = &[lower::rule::UNKNOWN_KEY, lower::rule::UNKNOWN_BLOCK];

/// One version, read for comparing.
#[derive(Clone, Debug)]
pub struct Version {
    pub agreement: Agreement,
    /// Unknown keys and blocks the comparison leaves out (see [`IGNORED`]), by position.
    pub ignored: Vec<Diagnostic>,
}

/// Read one version for comparing: parse and lower it. The checker's rules are not run: a
/// draft with findings can still be compared. `Err` holds the diagnostics that stop it being
/// read (see [`BLOCKING`]), sorted by position.
pub fn read(text: &str) -> Result<Version, Vec<Diagnostic>> {
    let parsed = syntax::parse(text);
    let mut diagnostics = parsed.diagnostics;
    let lowered = lower::lower(&parsed.document);
    diagnostics.extend(lowered.diagnostics);
    diagnostics.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    let (mut blocking, ignored): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .filter(|d| BLOCKING.contains(&d.rule) || IGNORED.contains(&d.rule))
        .partition(|d| BLOCKING.contains(&d.rule));
    if parsed.document.has_syntax_errors && blocking.is_empty() {
        blocking.push(Diagnostic::error(
            syntax::SYNTAX_ERROR,
            crate::span::Span::point(0),
            "this file cannot be read as an agreement",
        ));
    }
    if blocking.is_empty() {
        Ok(Version {
            agreement: lowered.agreement,
            ignored,
        })
    } else {
        Err(blocking)
    }
}

/// [`read`] from a file's bytes: a file that is not UTF-8 text gives its one `syntax-error`.
pub fn read_bytes(bytes: &[u8]) -> Result<Version, Vec<Diagnostic>> {
    match check::decode(bytes) {
        Ok(text) => read(text),
        Err(diagnostic) => Err(vec![*diagnostic]),
    }
}

/// Every change in terms from `old` to `new`, section by section in the order of the term
/// sheet, and within a section in the order of the agreement (old items first, then the
/// items added).
pub fn diff(old: &Agreement, new: &Agreement) -> Vec<Change> {
    let renames = rename::renames(old, new);
    let renamed;
    let old = if renames.is_empty() {
        old
    } else {
        renamed = rename::apply(old, &renames);
        &renamed
    };
    let mut w = walker::Walker::new(old, new);
    w.changes.extend(renames.iter().map(rename::Rename::change));
    w.agreement();
    w.parties();
    w.sides();
    w.equity();
    w.entity();
    w.governance();
    w.contributions();
    w.sharing();
    w.liability();
    w.ip();
    w.compliance();
    w.confidentiality();
    w.covenants();
    w.metrics();
    w.disputes();
    w.exit();
    w.clauses();
    w.documents();
    w.withheld();
    let mut changes = w.changes;
    // Stable: the walk's order within a section is kept.
    changes.sort_by_key(|c| c.section);
    changes
}

/// The one change for an agreement with no earlier version (a file that did not exist at
/// the git revision compared with): path `agreement`, added, major.
pub fn new_agreement(new: &Agreement) -> Vec<Change> {
    let title = value::normalize(&new.title.value);
    let summary = if title.is_empty() {
        "New agreement".to_string()
    } else {
        format!("New agreement {}", walker::quoted(&title))
    };
    vec![Change {
        path: "agreement".into(),
        kind: Kind::Added,
        old: None,
        new: Some(title),
        impact: Impact::Major,
        summary,
        wording: None,
        section: Section::Agreement,
    }]
}

/// Whether `changes` is what [`new_agreement`] returns.
pub fn is_new_agreement(changes: &[Change]) -> bool {
    matches!(changes, [c] if c.path == "agreement" && c.kind == Kind::Added)
}

/// The one-line verdict: "3 major, 1 minor change in terms", "No change in terms", "New
/// agreement".
pub fn verdict(changes: &[Change]) -> String {
    if is_new_agreement(changes) {
        return "New agreement".into();
    }
    let counts = Counts::of(changes);
    let parts: Vec<String> = [
        (counts.major, "major"),
        (counts.minor, "minor"),
        (counts.editorial, "editorial"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let last = [counts.editorial, counts.minor, counts.major]
        .into_iter()
        .find(|n| *n > 0);
    match last {
        None => "No change in terms".into(),
        Some(1) => format!("{} change in terms", parts.join(", ")),
        Some(_) => format!("{} changes in terms", parts.join(", ")),
    }
}

/// The changes as one JSON object, pretty-printed, with a final newline:
/// `{"changes": [{"path", "kind", "old", "new", "impact", "summary"}], "summary": {"major",
/// "minor", "editorial"}}`.
pub fn json(changes: &[Change]) -> String {
    #[derive(Serialize)]
    struct Document<'a> {
        changes: &'a [Change],
        summary: Counts,
    }
    let document = Document {
        changes,
        summary: Counts::of(changes),
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}
