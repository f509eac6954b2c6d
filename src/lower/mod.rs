//! Syntax tree → typed [`Agreement`], driven by the schema table.
//!
//! One walk over the tree does all the structural checking: unknown keys and blocks (with
//! "did you mean"), duplicates, type mismatches, invalid dates, unresolved references and
//! missing items. Each block is first checked generically against its [`BlockDef`] (giving
//! [`Fields`]: its values, typed), then turned into its model struct.
//!
//! This file holds the walk over the agreement and the fix-up pass at the end. The generic
//! checks are in `fields.rs` (blocks against the schema) and `values.rs` (values against
//! their types), ids in `names.rs`; each area of the agreement is lowered in a file of its
//! own: `parties.rs` (parties, equity, the joint-venture company), `governance.rs`,
//! `contributions.rs`, `economics.rs` (sharing, liability), `ip.rs`, `covenants.rs`
//! (compliance, covenants), `metrics.rs`, `disputes.rs`, `exit.rs`.

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::*;
use crate::schema::{self, BlockDef, ChildDef, Labels, Req, Ty};
use crate::span::{Span, Spanned};
use crate::syntax;
use crate::syntax::ast::{self, Block, Document, Item, Label, Value, ValueKind};

pub(crate) mod refs;
mod status;
use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt, HashSet};
use rust_decimal::Decimal;

/// Rule names of this stage.
pub mod rule {
    pub const UNKNOWN_KEY: &str = "unknown-key";
    pub const UNKNOWN_BLOCK: &str = "unknown-block";
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    pub const DUPLICATE_ID: &str = "duplicate-id";
    pub const TYPE_MISMATCH: &str = "type-mismatch";
    pub const INVALID_DATE: &str = "invalid-date";
    pub const UNKNOWN_REFERENCE: &str = "unknown-reference";
    pub const MISSING_REQUIRED: &str = "missing-required";
    pub const MISSING_RECOMMENDED: &str = "missing-recommended";
}
use rule::*;

/// The typed agreement and the structural diagnostics.
#[derive(Debug)]
pub struct Lowered {
    pub agreement: Agreement,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lower a whole parsed document.
pub fn lower(doc: &Document) -> Lowered {
    let mut cx = Lowerer::new();
    for item in &doc.items {
        cx.top_item(item);
    }
    cx.finish(doc.header.as_ref(), doc.has_syntax_errors)
}

/// Parse and lower a text in one pass: each top-level item is lowered as soon as it is
/// read and then dropped, so the syntax tree of a large file never exists whole. The
/// returned document has its header and comments but no items.
pub fn parse_and_lower(text: &str) -> (syntax::Parsed, Lowered) {
    let mut cx = Lowerer::new();
    let parsed = syntax::parse_with(text, &mut |item| cx.top_item(&item));
    let lowered = cx.finish(
        parsed.document.header.as_ref(),
        parsed.document.has_syntax_errors,
    );
    (parsed, lowered)
}

// ---------------------------------------------------------------------------------------
// The id namespace.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IdKind {
    Party,
    Entity,
    Committee,
    Metric,
    Milestone,
    Clause,
    Document,
    Side,
}

impl IdKind {
    /// The number of kinds: the size of tables indexed by kind.
    const COUNT: usize = IdKind::Side as usize + 1;

    fn noun(self) -> &'static str {
        match self {
            IdKind::Party => "a party",
            IdKind::Entity => "the joint-venture entity",
            IdKind::Committee => "a committee",
            IdKind::Metric => "a metric",
            IdKind::Milestone => "a milestone",
            IdKind::Clause => "a clause",
            IdKind::Document => "a document",
            IdKind::Side => "a side",
        }
    }
}

#[derive(Default)]
struct Namespace {
    ids: HashMap<CompactString, (IdKind, usize)>,
    /// Ids in order, per kind, for "did you mean".
    by_kind: Vec<(IdKind, CompactString)>,
    /// Ids of items damaged by a syntax error: references to them are not reported.
    damaged: HashSet<CompactString>,
    /// Sections damaged by a syntax error (their ids are unknown).
    damaged_sections: HashSet<CompactString>,
}

impl Namespace {
    fn candidates<'s>(&'s self, kinds: &'s [IdKind]) -> impl Iterator<Item = &'s str> + 's {
        self.by_kind
            .iter()
            .filter(move |(k, _)| kinds.contains(k))
            .map(|(_, id)| id.as_str())
    }
}

struct Lowerer {
    diagnostics: Vec<Diagnostic>,
    names: Namespace,
    strings: Vec<Span>,
    unreadable: Vec<(&'static str, Span)>,
    withheld: Vec<Withheld>,
    /// The block whose items are being checked: span, keyword, id or title.
    /// (The label is kept inline, without allocating, when it is short, as ids are.)
    owner: (Span, &'static str, Option<CompactString>, bool),
    /// Where the declaration of ids has got to.
    ids: IdState,
    /// The agreement being built, one top-level item at a time.
    top: Top,
    /// References to ids not declared (yet) where they were read.
    pending: Vec<Pending>,
}

#[derive(Default)]
struct IdState {
    /// How many ids of each kind were declared, indexed by `IdKind as usize`.
    counts: [usize; IdKind::COUNT],
    first_span: HashMap<CompactString, Span>,
    seen_governance: bool,
    seen_metrics: bool,
}

/// The agreement's own items, gathered as they are read.
#[derive(Default)]
struct Top {
    agreement: Agreement,
    /// Its attributes, typed.
    values: Vec<(&'static str, Typed, Span)>,
    /// First occurrence of each key and single block, for duplicates.
    seen: Vec<(&'static str, Span)>,
    /// Every key and block present, readable or not.
    present: Vec<&'static str>,
    /// Whether an item was damaged by a syntax error.
    any_damaged: bool,
    /// The head of the `ip` block.
    ip_head: Option<Span>,
}

/// A reference to an id not declared where it was read; resolved at the end.
struct Pending {
    id: CompactString,
    span: Span,
    kinds: &'static [IdKind],
    key: String,
    /// Share maps leave names that are not parties to `share-for-unknown-party`.
    report: bool,
}

/// A value checked against its type.
enum Typed {
    Str(String),
    Date(jiff::civil::Date),
    Duration(Duration),
    Term(Term),
    Money(Money),
    Percent(Decimal),
    Number(Decimal),
    Bool(bool),
    Word(&'static str),
    Cadence(Cadence),
    Decision(Decision),
    Bound(Bound),
    Ref(Ref),
    Parties(Parties),
    Owner(Owner),
    DataAccess(DataAccess),
    JointIp(JointIp),
    Grantee(Grantee),
    Chair(Chair),
    Royalty(Royalty),
    ThirdParties(ThirdParties),
    Strings(Vec<Text>),
    Words(Vec<Spanned<&'static str>>),
    Shares(PartyMap<Decimal>),
    Split(SplitRule),
    Per(Per),
    Base(Base),
    Amounts(PartyMap<Money>),
}

/// A block's contents, checked against its definition.
struct Fields<'a> {
    values: Vec<(&'static str, Typed, Span)>,
    blocks: Vec<(&'static str, &'a Block)>,
}

impl<'a> Fields<'a> {
    fn take(&mut self, name: &str) -> Option<(Typed, Span)> {
        let i = self.values.iter().position(|(n, _, _)| *n == name)?;
        let (_, typed, span) = self.values.swap_remove(i);
        Some((typed, span))
    }

    fn blocks<'s>(&'s self, keyword: &'s str) -> impl Iterator<Item = &'a Block> + 's {
        self.blocks
            .iter()
            .filter(move |(k, _)| *k == keyword)
            .map(|(_, b)| *b)
    }

    fn block(&self, keyword: &str) -> Option<&'a Block> {
        self.blocks(keyword).next()
    }
}

/// `field!(fields, "name", Typed::Date(d) => d)`: the typed value of a key, with its span.
macro_rules! field {
    ($f:expr, $name:literal, $pat:pat => $out:expr) => {
        match $f.take($name) {
            Some(($pat, span)) => Some(Spanned::new($out, span)),
            _ => None,
        }
    };
}

/// Like `field!` for values that carry their own spans (references).
macro_rules! field_raw {
    ($f:expr, $name:literal, $pat:pat => $out:expr) => {
        match $f.take($name) {
            Some(($pat, _)) => Some($out),
            _ => None,
        }
    };
}

fn text(f: &mut Fields<'_>, name: &str) -> Option<Text> {
    match f.take(name) {
        Some((Typed::Str(s), span)) => Some(Spanned::new(s, span)),
        _ => None,
    }
}

fn strings(f: &mut Fields<'_>, name: &str) -> Vec<Text> {
    match f.take(name) {
        Some((Typed::Strings(v), _)) => v,
        _ => Vec::new(),
    }
}

fn cadence(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Cadence>> {
    match f.take(name) {
        Some((Typed::Cadence(c), span)) => Some(Spanned::new(c, span)),
        _ => None,
    }
}

fn duration(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Duration>> {
    match f.take(name) {
        Some((Typed::Duration(d), span)) => Some(Spanned::new(d, span)),
        _ => None,
    }
}

fn date(f: &mut Fields<'_>, name: &str) -> Option<Spanned<jiff::civil::Date>> {
    match f.take(name) {
        Some((Typed::Date(d), span)) => Some(Spanned::new(d, span)),
        _ => None,
    }
}

fn money(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Money>> {
    match f.take(name) {
        Some((Typed::Money(m), span)) => Some(Spanned::new(m, span)),
        _ => None,
    }
}

fn number(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Decimal>> {
    match f.take(name) {
        Some((Typed::Number(n), span)) => Some(Spanned::new(n, span)),
        _ => None,
    }
}

fn boolean(f: &mut Fields<'_>, name: &str) -> Option<Spanned<bool>> {
    match f.take(name) {
        Some((Typed::Bool(b), span)) => Some(Spanned::new(b, span)),
        _ => None,
    }
}

fn reference(f: &mut Fields<'_>, name: &str) -> Option<Ref> {
    match f.take(name) {
        Some((Typed::Ref(r), _)) => Some(r),
        _ => None,
    }
}

fn decision(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Decision>> {
    match f.take(name) {
        Some((Typed::Decision(d), span)) => Some(Spanned::new(d, span)),
        _ => None,
    }
}

fn shares(f: &mut Fields<'_>, name: &str) -> Option<PartyMap<Decimal>> {
    match f.take(name) {
        Some((Typed::Shares(m), _)) => Some(m),
        _ => None,
    }
}

fn parties(f: &mut Fields<'_>, name: &str) -> Option<Parties> {
    match f.take(name) {
        Some((Typed::Parties(p), _)) => Some(p),
        _ => None,
    }
}

/// How a block is named in messages: "committee `steering`", "resource "Funding"", "the
/// agreement".
/// A block as messages name it ("party `northwind`", "the agreement"), written out only
/// when a message needs it: most blocks have nothing to report.
#[derive(Clone, Copy)]
struct BlockName<'a> {
    keyword: &'a str,
    labels: &'a [Label],
}

impl<'a> BlockName<'a> {
    const AGREEMENT: BlockName<'static> = BlockName {
        keyword: "agreement",
        labels: &[],
    };

    fn new(keyword: &'a str, labels: &'a [Label]) -> Self {
        BlockName { keyword, labels }
    }
}

impl std::fmt::Display for BlockName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keyword = self.keyword;
        if keyword == "agreement" {
            return f.write_str("the agreement");
        }
        match self.labels.first() {
            Some(Label::Id(id)) => write!(f, "{keyword} `{}`", id.name),
            Some(Label::Title(t)) => write!(f, "{keyword} \"{}\"", t.value),
            None => write!(f, "the `{keyword}` block"),
        }
    }
}

mod contributions;
mod covenants;
mod disputes;
mod documents;
mod economics;
mod exit;
mod fields;
mod governance;
mod ip;
mod liability;
mod metrics;
mod names;
mod parties;
mod values;

impl Lowerer {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    // -----------------------------------------------------------------------------------
    // The agreement and its sections (each section is lowered in the file of its area).

    fn new() -> Lowerer {
        Lowerer {
            diagnostics: Vec::new(),
            names: Namespace::default(),
            strings: Vec::new(),
            unreadable: Vec::new(),
            withheld: Vec::new(),
            owner: (Span::default(), "agreement", None, false),
            ids: IdState::default(),
            top: Top::default(),
            pending: Vec::new(),
        }
    }

    /// Lower one item of the agreement: declare its ids, check it against the schema, and
    /// turn a block into its section of the model at once.
    fn top_item(&mut self, item: &Item) {
        let def = &schema::AGREEMENT;
        self.declare_item(item);
        if let Some(name) = item.name() {
            if let Some(k) = def.key(name.as_str()) {
                self.top.present.push(k.name);
            } else if let Some(c) = def.child(name.as_str()) {
                self.top.present.push(c.block.keyword);
            }
        }
        if matches!(item, Item::Damaged(_)) {
            self.top.any_damaged = true;
        }
        let mut fields = Fields {
            values: Vec::new(),
            blocks: Vec::new(),
        };
        let mut seen = std::mem::take(&mut self.top.seen);
        self.owner = (Span::default(), "agreement", None, false);
        self.field_item(item, def, &BlockName::AGREEMENT, &mut fields, &mut seen);
        self.top.seen = seen;
        self.top.values.append(&mut fields.values);
        for (keyword, b) in fields.blocks {
            self.top_block(keyword, b);
        }
    }

    /// Turn one accepted top-level block into its section (a second single block has
    /// already been reported as a duplicate and does not reach here).
    fn top_block(&mut self, keyword: &str, b: &Block) {
        match keyword {
            "party" => {
                let party = self.party(b);
                self.top.agreement.parties.push(party);
            }
            "equity" => {
                let equity = self.equity(b);
                self.top.agreement.equity = Some(equity);
            }
            "entity" => {
                let entity = self.entity(b);
                self.top.agreement.entity = Some(entity);
            }
            "governance" => {
                let governance = self.governance(b);
                self.top.agreement.governance = Some(governance);
            }
            "contributions" => {
                let contributions = self.contributions(b);
                self.top.agreement.contributions = Some(contributions);
            }
            "sharing" => {
                let sharing = self.sharing(b);
                self.top.agreement.sharing = Some(sharing);
            }
            "liability" => {
                let liability = self.liability(b);
                self.top.agreement.liability = Some(liability);
            }
            "ip" => {
                self.top.ip_head = Some(b.head_span());
                let ip = self.ip(b);
                self.top.agreement.ip = Some(ip);
            }
            "compliance" => {
                let compliance = self.compliance(b);
                self.top.agreement.compliance = Some(compliance);
            }
            "confidentiality" => {
                let mut cf = self.checked(b, &schema::CONFIDENTIALITY);
                self.top.agreement.confidentiality = Some(Confidentiality {
                    term: duration(&mut cf, "term"),
                    note: text(&mut cf, "note"),
                    span: b.span,
                });
            }
            "covenants" => {
                let covenants = self.covenants(b);
                self.top.agreement.covenants = Some(covenants);
            }
            "metrics" => {
                let metrics = self.metrics(b);
                self.top.agreement.metrics = Some(metrics);
            }
            "disputes" => {
                let disputes = self.disputes(b);
                self.top.agreement.disputes = Some(disputes);
            }
            "exit" => {
                let exit = self.exit(b);
                self.top.agreement.exit = Some(exit);
            }
            "document" => {
                let document = self.document(b);
                self.top.agreement.documents.push(document);
            }
            "side" => {
                let side = self.side(b);
                self.top.agreement.sides.push(side);
            }
            "clause" => {
                let mut cf = self.checked(b, &schema::CLAUSE);
                let (id, title) = id_and_title(b);
                self.top.agreement.clauses.push(Clause {
                    id,
                    title,
                    text: text(&mut cf, "text"),
                    note: text(&mut cf, "note"),
                    span: b.span,
                });
            }
            _ => {}
        }
    }

    /// After the last item: the agreement's own attributes, what is missing, and the
    /// references to ids declared further down than where they were used.
    fn finish(mut self, header: Option<&ast::Header>, has_syntax_errors: bool) -> Lowered {
        let def = &schema::AGREEMENT;
        let (title, head) = match header {
            Some(h) => {
                self.strings.push(h.title.span);
                (
                    Spanned::new(h.title.value.clone(), h.title.span),
                    h.keyword.cover(h.title.span),
                )
            }
            None => (Spanned::new(String::new(), Span::point(0)), Span::point(0)),
        };
        let owner = &BlockName::AGREEMENT;
        let mut f = Fields {
            values: std::mem::take(&mut self.top.values),
            blocks: Vec::new(),
        };
        let mut present = std::mem::take(&mut self.top.present);
        // After a syntax error the parser resumes at the next top-level block, so the
        // attributes between the error and that block are unknown, not missing.
        if self.top.any_damaged {
            present.extend(def.keys.iter().map(|k| k.name));
        }
        let mut a = std::mem::take(&mut self.top.agreement);
        a.title = title;
        a.head = head;
        a.model = field!(f, "model", Typed::Word(w) => match w {
            "equity" => Model::Equity,
            "joint_venture" => Model::JointVenture,
            _ => Model::Contractual,
        });
        a.purpose = text(&mut f, "purpose");
        a.scope = text(&mut f, "scope");
        a.effective = date(&mut f, "effective");
        a.term = field!(f, "term", Typed::Term(t) => t);
        a.renewal = field!(f, "renewal", Typed::Word(w) => match w {
            "automatic" => Renewal::Automatic,
            "by_agreement" => Renewal::ByAgreement,
            _ => Renewal::None,
        });
        a.renewal_term = duration(&mut f, "renewal_term");
        a.renewal_notice = duration(&mut f, "renewal_notice");
        a.signed = date(&mut f, "signed");
        a.governing_law = text(&mut f, "governing_law");
        a.status = field!(f, "status", Typed::Word(w) => match w {
            "for_signature" => DocumentStatus::ForSignature,
            "signed" => DocumentStatus::Signed,
            _ => DocumentStatus::Draft,
        });
        a.version = text(&mut f, "version");
        a.dated = date(&mut f, "dated");
        a.legend = strings(&mut f, "legend");
        a.binding = self.binding(&mut f);
        a.allow = strings(&mut f, "allow");
        a.note = text(&mut f, "note");

        // Missing items: not when the header itself could not be read (everything would be
        // "missing"), and conditional requirements by hand.
        if header.is_some() || !has_syntax_errors {
            self.require(def, &present, owner, head);
            let model = a.model.as_ref().map(|m| m.value);
            if model == Some(Model::Equity) && !present.contains(&"equity") {
                self.report_missing(
                    MISSING_REQUIRED,
                    "required for an equity alliance",
                    "equity",
                    schema::EQUITY.doc,
                    owner,
                    head,
                    true,
                    None,
                );
            }
            if model == Some(Model::JointVenture) && !present.contains(&"entity") {
                self.report_missing(
                    MISSING_REQUIRED,
                    "required for a joint venture",
                    "entity",
                    schema::ENTITY.doc,
                    owner,
                    head,
                    true,
                    None,
                );
            }
            if a.renewal
                .as_ref()
                .is_some_and(|r| r.value == Renewal::Automatic)
                && !present.contains(&"renewal_term")
            {
                self.report_missing(
                    MISSING_REQUIRED,
                    "required when renewal is automatic",
                    "renewal_term",
                    "the length of each renewal",
                    owner,
                    head,
                    false,
                    Some(Ty::Duration),
                );
            }
            // `ip.after_exit` is reported by `ip-exit-unaddressed` when IP is contributed;
            // otherwise it is an ordinary required key.
            if let Some(ip) = &a.ip {
                let ip_contributed = a.contributions.as_ref().is_some_and(|c| {
                    c.from
                        .iter()
                        .flat_map(|f| &f.resources)
                        .any(|r| r.kind.as_ref().is_some_and(|k| k.value == ResourceKind::Ip))
                });
                if ip.after_exit.is_none()
                    && !ip_contributed
                    && !self.names.damaged_sections.contains("ip")
                {
                    let head = self.top.ip_head.unwrap_or(ip.span);
                    self.report_missing(
                        MISSING_REQUIRED,
                        "required",
                        "after_exit",
                        "what happens to IP when the alliance ends",
                        &BlockName::new("ip", &[]),
                        head,
                        false,
                        Some(Ty::Text),
                    );
                }
            }
        }
        self.resolve_pending(&mut a);
        self.one_side_each(&a);
        a.strings = std::mem::take(&mut self.strings);
        a.strings.sort_unstable();
        a.unreadable = std::mem::take(&mut self.unreadable);
        a.withheld = std::mem::take(&mut self.withheld);
        Lowered {
            agreement: a,
            diagnostics: self.diagnostics,
        }
    }

    /// Resolve the references read before their id was declared, report the ones that
    /// name nothing, and point the model's references at what the others name.
    fn resolve_pending(&mut self, a: &mut Agreement) {
        if self.pending.is_empty() {
            return;
        }
        let mut found: HashMap<(u32, u32), Target> = HashMap::new();
        for p in std::mem::take(&mut self.pending) {
            let (target, known) = self.lookup(&p.id, p.kinds);
            if target != Target::Unresolved {
                found.insert((p.span.start, p.span.end), target);
            } else if p.report {
                self.report_unresolved(&p.id, p.span, p.kinds, &p.key, known);
            }
        }
        if !found.is_empty() {
            refs::visit_refs(a, &mut |r| {
                if r.target == Target::Unresolved {
                    if let Some(t) = found.get(&(r.span.start, r.span.end)) {
                        r.target = *t;
                    }
                }
            });
        }
    }
}

/// Names present in a block (checked values and blocks, plus damaged items), for the
/// missing-item checks.
fn present_names(f: &Fields<'_>, items: &[Item], def: &'static BlockDef) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = f.values.iter().map(|(n, _, _)| *n).collect();
    out.extend(f.blocks.iter().map(|(k, _)| *k));
    for item in items {
        let Some(name) = item.name() else { continue };
        // A key written with the wrong type, or an item damaged by a syntax error, is
        // present: its problem is already reported.
        if let Some(k) = def.key(name.as_str()) {
            out.push(k.name);
        } else if let Some(c) = def.child(name.as_str()) {
            out.push(c.block.keyword);
        } else if let Some(meant) =
            crate::diagnostic::did_you_mean(name.as_str(), def.key_names().chain(def.block_names()))
        {
            // A misspelt key (`ownr:`) is reported with what it was probably meant to be;
            // that key is not also reported missing.
            out.push(meant);
        }
    }
    out
}

fn first_seen(seen: &[(&'static str, Span)], name: &str) -> Option<Span> {
    seen.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

fn has_damaged(b: &Block) -> bool {
    b.items.iter().any(|i| matches!(i, Item::Damaged(_)))
}

fn id_and_title(b: &Block) -> (Spanned<Id>, Text) {
    let id = match b.labels.first() {
        Some(Label::Id(id)) => Spanned::new(id.name.clone(), id.span),
        _ => Spanned::new(CompactString::default(), b.head_span()),
    };
    (id, title_of(b))
}

fn title_of(b: &Block) -> Text {
    match b.title() {
        Some(t) => Spanned::new(t.value.clone(), t.span),
        None => Spanned::new(String::new(), b.head_span()),
    }
}

fn def_noun(def: &BlockDef, owner: &BlockName<'_>) -> String {
    let owner = owner.to_string();
    if def.keyword == "agreement" {
        "the agreement".into()
    } else if owner.starts_with("the ") {
        def.keyword.to_string()
    } else {
        owner
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn strip_article(s: &str) -> &str {
    s.strip_prefix("a ")
        .or_else(|| s.strip_prefix("the "))
        .unwrap_or(s)
}

/// A short id suggestion from a title: "Northwind Traders Ltd." → `northwind`.
fn suggest_id(title: &str) -> String {
    let word: String = title
        .split_whitespace()
        .next()
        .unwrap_or("id")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
        "id".into()
    } else {
        word
    }
}
