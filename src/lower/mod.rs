//! Syntax tree → typed [`Agreement`], driven by the schema table.
//!
//! One walk over the tree does all the structural checking: unknown keys and blocks (with
//! "did you mean"), duplicates, type mismatches, invalid dates, unresolved references and
//! missing items. Each block is first checked generically against its [`BlockDef`] (giving
//! [`Fields`]: its values, typed), then turned into its model struct.

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::*;
use crate::schema::{self, BlockDef, ChildDef, Labels, Req, Ty};
use crate::span::{Span, Spanned};
use crate::syntax;
use crate::syntax::ast::{self, Block, Document, Item, Label, Value, ValueKind};

mod refs;
use compact_str::CompactString;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

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
}

impl IdKind {
    fn noun(self) -> &'static str {
        match self {
            IdKind::Party => "a party",
            IdKind::Entity => "the joint-venture entity",
            IdKind::Committee => "a committee",
            IdKind::Metric => "a metric",
            IdKind::Milestone => "a milestone",
            IdKind::Clause => "a clause",
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
    /// Where the declaration of ids has got to.
    ids: IdState,
    /// The agreement being built, one top-level item at a time.
    top: Top,
    /// References to ids not declared (yet) where they were read.
    pending: Vec<Pending>,
}

#[derive(Default)]
struct IdState {
    counts: [usize; 6],
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

impl Lowerer {
    fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    // -----------------------------------------------------------------------------------
    // Ids.

    /// Declare the ids an item introduces: parties, the entity and clauses at the top
    /// level; committees in the first `governance`; metrics and milestones in the first
    /// `metrics`. Items damaged by a syntax error mark their ids and sections as unknown.
    fn declare_item(&mut self, item: &Item) {
        match item {
            Item::Block(b) => match b.keyword.as_str() {
                "party" => self.declare(b, IdKind::Party),
                "entity" => self.declare(b, IdKind::Entity),
                "clause" => self.declare(b, IdKind::Clause),
                "governance" if !self.ids.seen_governance => {
                    self.ids.seen_governance = true;
                    for inner in &b.items {
                        match inner {
                            Item::Block(c) if c.keyword.as_str() == "committee" => {
                                self.declare(c, IdKind::Committee)
                            }
                            Item::Damaged(_) => {
                                self.names.damaged_sections.insert("governance".into());
                            }
                            _ => {}
                        }
                    }
                }
                "metrics" if !self.ids.seen_metrics => {
                    self.ids.seen_metrics = true;
                    for inner in &b.items {
                        if let Item::Block(m) = inner {
                            match m.keyword.as_str() {
                                "metric" => self.declare(m, IdKind::Metric),
                                "milestone" => self.declare(m, IdKind::Milestone),
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            },
            Item::Damaged(d) => {
                if let Some(name) = &d.name {
                    self.names.damaged_sections.insert(name.name.clone());
                }
                if let Some(Label::Id(id)) = d.labels.first() {
                    self.names.damaged.insert(id.name.clone());
                }
            }
            Item::Attribute(_) => {}
        }
    }

    fn declare(&mut self, block: &Block, kind: IdKind) {
        let slot = kind as usize;
        let index = self.ids.counts[slot];
        self.ids.counts[slot] += 1;
        let Some(Label::Id(id)) = block.labels.first() else {
            return;
        };
        if let Some(&first) = self.ids.first_span.get(&id.name) {
            let (other, _) = self.names.ids.get(&id.name).copied().unwrap_or((kind, 0));
            self.push(
                Diagnostic::error(
                    DUPLICATE_ID,
                    id.span,
                    format!(
                        "the id `{}` is already used by {}; ids of parties, committees, the entity, metrics, milestones and clauses must all differ",
                        id.name,
                        other.noun()
                    ),
                )
                .with_label(first, "first used here")
                .with_help(format!("rename one of them, for example `{}_2`", id.name)),
            );
            return;
        }
        self.ids.first_span.insert(id.name.clone(), id.span);
        self.names.ids.insert(id.name.clone(), (kind, index));
        self.names.by_kind.push((kind, id.name.clone()));
    }

    // -----------------------------------------------------------------------------------
    // Generic checking of a block against its definition.

    /// Check a block's items against `def` and type its values. Reports unknown, duplicate
    /// and mistyped items; missing items are reported by [`Lowerer::require`].
    fn fields<'a>(
        &mut self,
        items: &'a [Item],
        def: &'static BlockDef,
        owner: &BlockName<'_>,
    ) -> Fields<'a> {
        let mut fields = Fields {
            values: Vec::new(),
            blocks: Vec::new(),
        };
        // First occurrence of each schema name, for duplicates. It holds at most one entry
        // per key and block the schema allows here (a dozen or so), so a vector beats a map.
        let mut seen: Vec<(&'static str, Span)> = Vec::new();
        for item in items {
            self.field_item(item, def, owner, &mut fields, &mut seen);
        }
        fields
    }

    /// Check one item of a block against `def`: a typed value or an accepted block goes
    /// into `fields`; unknown, duplicate and mistyped items are reported.
    fn field_item<'a>(
        &mut self,
        item: &'a Item,
        def: &'static BlockDef,
        owner: &BlockName<'_>,
        fields: &mut Fields<'a>,
        seen: &mut Vec<(&'static str, Span)>,
    ) {
        match item {
            Item::Attribute(attr) => {
                let name = attr.key.as_str();
                let Some(key) = def.key(name) else {
                    self.unknown_key(&attr.key, def, owner);
                    return;
                };
                if let Some(first) = first_seen(seen, key.name) {
                    self.push(
                        Diagnostic::error(
                            DUPLICATE_KEY,
                            attr.key.span,
                            format!("`{name}` is given twice in {owner}"),
                        )
                        .with_label(first, "first given here")
                        .with_help("keep one of them"),
                    );
                    return;
                }
                seen.push((key.name, attr.key.span));
                match self.typed(&attr.value, key.ty, name) {
                    Some(typed) => fields.values.push((key.name, typed, attr.value.span)),
                    None => self.unreadable.push((key.name, attr.value.span)),
                }
            }
            Item::Block(block) => {
                let keyword = block.keyword.as_str();
                let Some(child) = def.child(keyword) else {
                    self.unknown_block(block, def, owner);
                    return;
                };
                if !child.repeats {
                    if let Some(first) = first_seen(seen, keyword) {
                        self.push(
                            Diagnostic::error(
                                DUPLICATE_KEY,
                                block.keyword.span,
                                format!("{owner} has two `{keyword}` blocks; it may have only one"),
                            )
                            .with_label(first, "the first one")
                            .with_help("merge the two blocks into one"),
                        );
                        return;
                    }
                }
                if first_seen(seen, child.block.keyword).is_none() {
                    seen.push((child.block.keyword, block.keyword.span));
                }
                self.check_labels(block, child);
                fields.blocks.push((child.block.keyword, block));
            }
            Item::Damaged(d) => {
                // Reported as a syntax error; remember that it was there.
                if let Some(name) = &d.name {
                    let known = def
                        .key(name.as_str())
                        .map(|k| k.name)
                        .or_else(|| def.child(name.as_str()).map(|c| c.block.keyword));
                    if let Some(known) = known {
                        if first_seen(seen, known).is_none() {
                            seen.push((known, name.span));
                        }
                    }
                }
            }
        }
    }

    fn unknown_key(&mut self, key: &ast::Ident, def: &'static BlockDef, owner: &BlockName<'_>) {
        let name = key.as_str();
        if def.child(name).is_some() {
            self.push(
                Diagnostic::error(
                    UNKNOWN_KEY,
                    key.span,
                    format!("`{name}` is a block in {owner}, not a key"),
                )
                .with_help(format!("write it as a block: `{name} {{ … }}`")),
            );
            return;
        }
        let suggestion = did_you_mean(name, def.key_names().chain(def.block_names()));
        let mut message = format!("unknown key `{name}` in {}", def_noun(def, owner));
        if let Some(s) = suggestion {
            message.push_str(&format!("; did you mean `{s}`?"));
        }
        let known: Vec<&str> = def.key_names().collect();
        self.push(
            Diagnostic::error(UNKNOWN_KEY, key.span, message).with_help(format!(
                "the keys of {} are: {}",
                def_noun(def, owner),
                known.join(", ")
            )),
        );
    }

    fn unknown_block(&mut self, block: &Block, def: &'static BlockDef, owner: &BlockName<'_>) {
        let name = block.keyword.as_str();
        let span = block.keyword.span;
        if def.key(name).is_some() {
            self.push(
                Diagnostic::error(
                    UNKNOWN_BLOCK,
                    span,
                    format!("`{name}` is a key in {owner}, not a block"),
                )
                .with_help(format!("write it as `{name}: value`")),
            );
            return;
        }
        // A top-level block nested by mistake usually means a missing `}` above it.
        let top_level = def.keyword != "agreement" && schema::AGREEMENT.child(name).is_some();
        let suggestion = did_you_mean(name, def.block_names().chain(def.key_names()));
        let mut message = format!("unknown block `{name}` in {}", def_noun(def, owner));
        if let Some(s) = suggestion {
            message.push_str(&format!("; did you mean `{s}`?"));
        }
        let help = if top_level {
            format!(
                "`{name}` belongs at the top level of the agreement: check that the block before it is closed with `}}`"
            )
        } else if def.blocks.is_empty() {
            format!("{} holds no blocks", def_noun(def, owner))
        } else {
            let known: Vec<&str> = def.block_names().collect();
            format!(
                "the blocks of {} are: {}",
                def_noun(def, owner),
                known.join(", ")
            )
        };
        self.push(Diagnostic::error(UNKNOWN_BLOCK, span, message).with_help(help));
    }

    /// Check a block's labels against what its definition takes.
    fn check_labels(&mut self, block: &Block, child: &'static ChildDef) {
        let def = child.block;
        let keyword = def.keyword;
        let labels = &block.labels;
        let head = block.head_span();
        for label in labels {
            if let Label::Title(t) = label {
                self.strings.push(t.span);
            }
        }
        let extra = |from: usize| labels.get(from..).unwrap_or_default();
        let (wrong, expected): (&[Label], &str) = match def.labels {
            Labels::None => (extra(0), "takes no id or title"),
            Labels::Title => match labels.first() {
                Some(Label::Title(_)) => (extra(1), "takes one title"),
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!("this `{keyword}` has no title"),
                        )
                        .with_help(format!("write `{keyword} \"Title\" {{ … }}`")),
                    );
                    (
                        labels.get(..labels.len().min(1)).unwrap_or_default(),
                        "takes a title in quotes",
                    )
                }
            },
            Labels::IdAndTitle => {
                let noun = if keyword == "party" {
                    "legal name"
                } else {
                    "title"
                };
                match (labels.first(), labels.get(1)) {
                    (Some(Label::Id(_)), Some(Label::Title(_))) => {
                        (extra(2), "takes an id and a title")
                    }
                    (Some(Label::Id(id)), None) => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("{keyword} `{}` has no {noun}", id.name),
                            )
                            .with_help(format!(
                                "write `{keyword} {} \"{}\" {{ … }}`",
                                id.name,
                                capitalise(noun)
                            )),
                        );
                        (extra(1), "takes an id and a title")
                    }
                    (Some(Label::Title(t)), _) => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("this {keyword} has no id: other parts of the agreement refer to it by its id"),
                            )
                            .with_help(format!(
                                "put a short id before the {noun}, as in `{keyword} {} \"{}\" {{`",
                                suggest_id(&t.value),
                                t.value
                            )),
                        );
                        (extra(1), "takes an id and a title")
                    }
                    _ => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("this {keyword} has no id and no {noun}"),
                            )
                            .with_help(format!(
                                "write `{keyword} id \"{}\" {{ … }}`",
                                capitalise(noun)
                            )),
                        );
                        (extra(0), "takes an id and a title")
                    }
                }
            }
            Labels::PartyRef => match labels.first() {
                Some(Label::Id(id)) => {
                    // The reference itself is resolved when the block is lowered.
                    let _ = id;
                    (extra(1), "takes one party id")
                }
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!("this `{keyword}` block does not say which party it is for"),
                        )
                        .with_help(format!("write `{keyword} party_id {{ … }}`")),
                    );
                    (extra(1), "takes one party id")
                }
            },
            Labels::Kind(kinds) => match labels.first() {
                Some(Label::Id(id)) if kinds.contains(&id.as_str()) => (extra(1), "takes one kind"),
                Some(Label::Id(id)) => {
                    let mut d = Diagnostic::error(
                        TYPE_MISMATCH,
                        id.span,
                        format!(
                            "`{}` is not a kind of {keyword}; the kinds are {}",
                            id.name,
                            kinds.join(", ")
                        ),
                    );
                    if let Some(s) = did_you_mean(id.as_str(), kinds.iter().copied()) {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    self.push(d);
                    (extra(1), "takes one kind")
                }
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!(
                                "this `{keyword}` does not say its kind ({})",
                                kinds.join(", ")
                            ),
                        )
                        .with_help(format!(
                            "write `{keyword} {} {{ … }}`",
                            kinds.first().copied().unwrap_or("kind")
                        )),
                    );
                    (extra(1), "takes one kind")
                }
            },
        };
        if let (Some(first), Some(last)) = (wrong.first(), wrong.last()) {
            self.push(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    first.span().cover(last.span()),
                    format!("`{keyword}` {expected}; this is one label too many"),
                )
                .with_help("remove it"),
            );
        }
    }

    /// Report the required and expected items of `def` that `present` lacks.
    fn require(
        &mut self,
        def: &'static BlockDef,
        present: &[&'static str],
        owner: &BlockName<'_>,
        head: Span,
    ) {
        for key in def.keys {
            if key.dedicated.is_some() || present.contains(&key.name) {
                continue;
            }
            self.missing(key.req, key.name, key.doc, owner, head, false, Some(key.ty));
        }
        for child in def.blocks {
            if child.dedicated.is_some() || present.contains(&child.block.keyword) {
                continue;
            }
            self.missing(
                child.req,
                child.block.keyword,
                child.block.doc,
                owner,
                head,
                true,
                None,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn missing(
        &mut self,
        req: Req,
        name: &str,
        doc: &str,
        owner: &BlockName<'_>,
        head: Span,
        is_block: bool,
        ty: Option<Ty>,
    ) {
        let (rule, severity_word) = match req {
            Req::Required => (MISSING_REQUIRED, "required"),
            Req::Expected => (MISSING_RECOMMENDED, "expected"),
            Req::Optional | Req::When(_) => return,
        };
        self.report_missing(rule, severity_word, name, doc, owner, head, is_block, ty);
    }

    #[allow(clippy::too_many_arguments)]
    fn report_missing(
        &mut self,
        rule: &'static str,
        severity_word: &str,
        name: &str,
        doc: &str,
        owner: &BlockName<'_>,
        head: Span,
        is_block: bool,
        ty: Option<Ty>,
    ) {
        let what = if is_block {
            format!("`{name}` block")
        } else {
            format!("`{name}`")
        };
        let message = format!("{owner} has no {what} ({doc}), which is {severity_word}");
        let help = match ty {
            Some(ty) => format!("add `{name}: …` with {}", ty.expectation()),
            None => format!("add `{name} {{ … }}`"),
        };
        let d = if rule == MISSING_REQUIRED {
            Diagnostic::error(rule, head, message)
        } else {
            Diagnostic::warning(rule, head, message)
        };
        self.push(d.with_help(help));
    }

    // -----------------------------------------------------------------------------------
    // Values.

    fn mismatch(&mut self, value: &Value, key: &str, ty: Ty) {
        if matches!(value.kind, ValueKind::Invalid) {
            return;
        }
        let mut d = Diagnostic::error(
            TYPE_MISMATCH,
            value.span,
            format!(
                "`{key}` expects {}; found {}",
                ty.expectation(),
                value.kind.describe()
            ),
        );
        if let Some(help) = mismatch_help(&value.kind, ty) {
            d = d.with_help(help);
        }
        self.push(d);
    }

    fn typed(&mut self, value: &Value, ty: Ty, key: &str) -> Option<Typed> {
        let kind = &value.kind;
        if let ValueKind::Invalid = kind {
            return None;
        }
        let typed = match (ty, kind) {
            (Ty::Str, ValueKind::String(s))
            | (Ty::Text, ValueKind::String(s) | ValueKind::Text(s)) => {
                self.strings.push(value.span);
                Typed::Str(s.clone())
            }
            (Ty::Date, ValueKind::Date(d)) => Typed::Date(self.date(*d, value.span)?),
            (Ty::Duration, ValueKind::Duration(n, unit)) => {
                Typed::Duration(self.duration(*n, *unit, value, key)?)
            }
            (Ty::Term, ValueKind::Duration(n, unit)) => {
                Typed::Term(Term::Fixed(self.duration(*n, *unit, value, key)?))
            }
            (Ty::Term, ValueKind::Word(w)) if w == "indefinite" => Typed::Term(Term::Indefinite),
            (Ty::Money, ValueKind::Money(m)) => Typed::Money(self.money(m, value, key)?),
            (Ty::Percent, ValueKind::Percent(p)) => Typed::Percent(*p),
            (Ty::Number, ValueKind::Number(n)) => Typed::Number(*n),
            (Ty::Bool, ValueKind::Word(w)) if w == "yes" || w == "no" => Typed::Bool(w == "yes"),
            (Ty::Enum(words), ValueKind::Word(w)) => match words.iter().find(|x| **x == w.as_str())
            {
                Some(found) => Typed::Word(found),
                None => return self.bad_word(value, w, key, words),
            },
            (Ty::Cadence, ValueKind::Word(w)) => match Cadence::from_key(w) {
                Some(c) => Typed::Cadence(c),
                None => return self.bad_word(value, w, key, schema::CADENCES),
            },
            (Ty::Decision, ValueKind::Word(w)) => match w.as_str() {
                "consensus" => Typed::Decision(Decision::Consensus),
                "majority" => Typed::Decision(Decision::Majority),
                "unanimous" => Typed::Decision(Decision::Unanimous),
                _ => return self.bad_word(value, w, key, &["consensus", "majority", "unanimous"]),
            },
            (Ty::Decision, ValueKind::Ratio(a, b)) => {
                if b.is_zero() || a > b || a.is_zero() {
                    self.push(
                        Diagnostic::error(
                            TYPE_MISMATCH,
                            value.span,
                            format!(
                                "`{key}` has the ratio {a}/{b}, which is not a share of the votes"
                            ),
                        )
                        .with_help("a supermajority is a ratio between 0 and 1, such as `2/3`"),
                    );
                    return None;
                }
                Typed::Decision(Decision::Ratio(*a, *b))
            }
            (Ty::Decision, ValueKind::Percent(p)) => Typed::Decision(Decision::Percent(*p)),
            (Ty::Bound, ValueKind::Bound(comparator, target)) => {
                let quantity = match &target.kind {
                    ValueKind::Number(n) => Quantity::Number(*n),
                    ValueKind::Percent(p) => Quantity::Percent(*p),
                    ValueKind::Money(m) => Quantity::Money(self.money(m, target, key)?),
                    ValueKind::Duration(n, u) => {
                        Quantity::Duration(self.duration(*n, *u, target, key)?)
                    }
                    _ => {
                        self.mismatch(value, key, ty);
                        return None;
                    }
                };
                Typed::Bound(Bound {
                    comparator: *comparator,
                    quantity,
                })
            }
            (Ty::Party, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Party], key))
            }
            (Ty::Committee, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Committee], key))
            }
            (Ty::PartyOrEntity, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Party, IdKind::Entity], key))
            }
            (Ty::PartyOrAll, ValueKind::Word(w)) if w == "all" => {
                Typed::Grantee(Grantee::All(value.span))
            }
            (Ty::PartyOrAll, ValueKind::Word(w)) => Typed::Grantee(Grantee::Party(self.resolve(
                w,
                value.span,
                &[IdKind::Party],
                key,
            ))),
            (Ty::PartiesOrAll, ValueKind::Word(w)) if w == "all" => {
                Typed::Parties(Parties::All(value.span))
            }
            (Ty::PartiesOrAll, ValueKind::Word(_) | ValueKind::List(_)) => {
                Typed::Parties(Parties::List(self.party_list(value, key, ty)?))
            }
            (Ty::PartyOrRotating, ValueKind::Word(w)) if w == "rotating" => {
                Typed::Chair(Chair::Rotating(value.span))
            }
            (Ty::PartyOrRotating, ValueKind::Word(w)) => Typed::Chair(Chair::Party(self.resolve(
                w,
                value.span,
                &[IdKind::Party],
                key,
            ))),
            (Ty::Owner, ValueKind::Word(w)) if w == "joint" => {
                Typed::Owner(Owner::Joint(value.span))
            }
            (Ty::Owner, ValueKind::Word(_) | ValueKind::List(_)) => {
                Typed::Owner(Owner::Parties(self.party_list(value, key, ty)?, value.span))
            }
            (Ty::DataAccess, ValueKind::Word(w)) if w == "shared" => {
                Typed::DataAccess(DataAccess::Shared(value.span))
            }
            (Ty::DataAccess, ValueKind::Word(w)) => Typed::DataAccess(DataAccess::Party(
                self.resolve(w, value.span, &[IdKind::Party], key),
            )),
            (Ty::JointIp, ValueKind::Word(w)) if w == "jointly_owned" => {
                Typed::JointIp(JointIp::JointlyOwned(value.span))
            }
            (Ty::JointIp, ValueKind::Word(w)) => Typed::JointIp(JointIp::Owner(self.resolve(
                w,
                value.span,
                &[IdKind::Party, IdKind::Entity],
                key,
            ))),
            (Ty::Royalty, ValueKind::Percent(p)) => Typed::Royalty(Royalty::Percent(*p)),
            (Ty::Royalty, ValueKind::Money(m)) => {
                Typed::Royalty(Royalty::Money(self.money(m, value, key)?))
            }
            (Ty::BoolOrStrings, ValueKind::Word(w)) if w == "yes" || w == "no" => {
                Typed::ThirdParties(ThirdParties::Allowed(w == "yes"))
            }
            (Ty::BoolOrStrings, ValueKind::List(_)) => {
                Typed::ThirdParties(ThirdParties::Named(self.string_list(value, key, ty)?))
            }
            (Ty::Strings, ValueKind::List(_)) => Typed::Strings(self.string_list(value, key, ty)?),
            (Ty::Words(words), ValueKind::List(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::Word(w) => match words.iter().find(|x| **x == w.as_str()) {
                            Some(found) => out.push(Spanned::new(*found, item.span)),
                            None => {
                                self.bad_word(item, w, key, words);
                            }
                        },
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::Enum(words)),
                    }
                }
                Typed::Words(out)
            }
            (Ty::Words(words), ValueKind::Word(w)) => {
                match words.iter().find(|x| **x == w.as_str()) {
                    Some(found) => Typed::Words(vec![Spanned::new(*found, value.span)]),
                    None => return self.bad_word(value, w, key, words),
                }
            }
            (Ty::RuleNames, ValueKind::List(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::RuleName(n) => out.push(Spanned::new(n.to_string(), item.span)),
                        ValueKind::Word(n) => out.push(Spanned::new(n.to_string(), item.span)),
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::RuleNames),
                    }
                }
                // Carried as strings; `check` tells unknown rule names apart.
                Typed::Strings(out)
            }
            (Ty::Shares, ValueKind::Map(entries)) => {
                Typed::Shares(
                    self.party_map(value, entries, key, true, |cx, v| match &v.kind {
                        ValueKind::Percent(p) => Some(*p),
                        _ => {
                            cx.mismatch(v, key, Ty::Percent);
                            None
                        }
                    })?,
                )
            }
            (Ty::Seats, ValueKind::Map(entries)) => Typed::Shares(self.party_map(
                value,
                entries,
                key,
                false,
                |cx, v| match &v.kind {
                    ValueKind::Number(n) => Some(*n),
                    _ => {
                        cx.mismatch(v, key, Ty::Number);
                        None
                    }
                },
            )?),
            (Ty::Amounts, ValueKind::Map(entries)) => Typed::Amounts(self.party_map(
                value,
                entries,
                key,
                false,
                |cx, v| match &v.kind {
                    ValueKind::Money(m) => cx.money(m, v, key),
                    _ => {
                        cx.mismatch(v, key, Ty::Money);
                        None
                    }
                },
            )?),
            _ => {
                self.mismatch(value, key, ty);
                return None;
            }
        };
        Some(typed)
    }

    fn bad_word(
        &mut self,
        value: &Value,
        word: &str,
        key: &str,
        words: &'static [&'static str],
    ) -> Option<Typed> {
        let mut d = Diagnostic::error(
            TYPE_MISMATCH,
            value.span,
            format!(
                "`{key}` expects {}; found the word `{word}`",
                schema::Ty::Enum(words).expectation()
            ),
        );
        if let Some(s) = did_you_mean(word, words.iter().copied()) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        self.push(d);
        None
    }

    fn date(&mut self, raw: ast::RawDate, span: Span) -> Option<jiff::civil::Date> {
        match jiff::civil::Date::new(raw.year, raw.month, raw.day) {
            Ok(d) => Some(d),
            Err(_) => {
                let reason = if !(1..=12).contains(&raw.month) {
                    format!("there is no month {}", raw.month)
                } else {
                    let days = jiff::civil::Date::new(raw.year, raw.month, 1)
                        .map(|d| d.days_in_month())
                        .unwrap_or(31);
                    format!("{} {} has {days} days", month_name(raw.month), raw.year)
                };
                self.push(
                    Diagnostic::error(INVALID_DATE, span, format!("{raw} is not a date: {reason}"))
                        .with_help(
                            "write a real calendar date as year-month-day, such as `2027-01-31`",
                        ),
                );
                None
            }
        }
    }

    fn duration(
        &mut self,
        amount: Decimal,
        unit: ast::Unit,
        value: &Value,
        key: &str,
    ) -> Option<Duration> {
        let whole = amount.fract().is_zero();
        match u32::try_from(amount.trunc()).ok().filter(|_| whole) {
            Some(n) => Some(Duration { amount: n, unit }),
            None => {
                self.push(
                    Diagnostic::error(
                        TYPE_MISMATCH,
                        value.span,
                        format!("`{key}` has the duration {amount} {}, which is not a whole number", unit.name(amount)),
                    )
                    .with_help("durations are whole numbers of days, business days, weeks, months or years: write `18 months` rather than `1.5 years`"),
                );
                None
            }
        }
    }

    fn money(&mut self, m: &ast::Money, value: &Value, key: &str) -> Option<Money> {
        if !schema::is_currency(&m.currency) {
            let mut d = Diagnostic::error(
                TYPE_MISMATCH,
                value.span,
                format!(
                    "`{key}` has the amount {} {}, but `{}` is not an ISO 4217 currency code",
                    m.currency, m.amount, m.currency
                ),
            );
            d = match did_you_mean(&m.currency, schema::CURRENCIES.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => {
                    d.with_help("use a three-letter ISO 4217 code such as USD, EUR, GBP or JPY")
                }
            };
            self.push(d);
            return None;
        }
        Some(Money {
            currency: m.currency.clone(),
            amount: m.amount,
        })
    }

    /// Resolve an id used where one of `kinds` is expected.
    /// What an id names among `kinds`, and what it names otherwise (for the message).
    fn lookup(&self, id: &str, kinds: &[IdKind]) -> (Target, Option<(IdKind, usize)>) {
        let found = self.names.ids.get(id).copied();
        let target = match found {
            Some((IdKind::Party, i)) if kinds.contains(&IdKind::Party) => Target::Party(i),
            Some((IdKind::Committee, i)) if kinds.contains(&IdKind::Committee) => {
                Target::Committee(i)
            }
            Some((IdKind::Entity, _)) if kinds.contains(&IdKind::Entity) => Target::Entity,
            _ => Target::Unresolved,
        };
        (target, found)
    }

    /// Resolve an id used where one of `kinds` is expected. An id not declared yet is
    /// looked up again once the whole file is read.
    fn resolve(&mut self, id: &str, span: Span, kinds: &'static [IdKind], key: &str) -> Ref {
        let (target, found) = self.lookup(id, kinds);
        if target == Target::Unresolved {
            match found {
                // Declared, but as something else: that will not change.
                Some(_) => self.report_unresolved(id, span, kinds, key, found),
                None => self.pending.push(Pending {
                    id: CompactString::from(id),
                    span,
                    kinds,
                    key: key.to_string(),
                    report: true,
                }),
            }
        }
        Ref {
            id: CompactString::from(id),
            span,
            target,
        }
    }

    fn report_unresolved(
        &mut self,
        id: &str,
        span: Span,
        kinds: &[IdKind],
        key: &str,
        found: Option<(IdKind, usize)>,
    ) {
        if self.names.damaged.contains(id) || self.section_damaged(kinds) {
            return;
        }
        let wanted = kinds
            .iter()
            .map(|k| k.noun())
            .collect::<Vec<_>>()
            .join(" or ");
        let message = match found {
            Some((other, _)) => format!(
                "`{key}` names `{id}`, which is {}, not {wanted}",
                other.noun()
            ),
            None => format!(
                "`{key}` names `{id}`, but no {} has that id",
                strip_article(&wanted)
            ),
        };
        let mut d = Diagnostic::error(UNKNOWN_REFERENCE, span, message);
        let candidates: Vec<&str> = self.names.candidates(kinds).collect();
        d = match did_you_mean(id, candidates.iter().copied()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None if !candidates.is_empty() => d.with_help(format!(
                "the ids that fit here are: {}",
                candidates.join(", ")
            )),
            None => d,
        };
        self.push(d);
    }

    fn section_damaged(&self, kinds: &[IdKind]) -> bool {
        let sections = &self.names.damaged_sections;
        kinds.iter().any(|k| match k {
            IdKind::Committee => sections.contains("governance"),
            IdKind::Entity => sections.contains("entity"),
            IdKind::Party => sections.contains("party"),
            _ => false,
        })
    }

    fn party_list(&mut self, value: &Value, key: &str, ty: Ty) -> Option<Vec<Ref>> {
        match &value.kind {
            ValueKind::Word(w) => Some(vec![self.resolve(w, value.span, &[IdKind::Party], key)]),
            ValueKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::Word(w) => {
                            out.push(self.resolve(w, item.span, &[IdKind::Party], key))
                        }
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::Party),
                    }
                }
                Some(out)
            }
            _ => {
                self.mismatch(value, key, ty);
                None
            }
        }
    }

    fn string_list(&mut self, value: &Value, key: &str, ty: Ty) -> Option<Vec<Text>> {
        let ValueKind::List(items) = &value.kind else {
            self.mismatch(value, key, ty);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.kind {
                ValueKind::String(s) => {
                    self.strings.push(item.span);
                    out.push(Spanned::new(s.clone(), item.span));
                }
                ValueKind::Invalid => {}
                _ => self.mismatch(item, key, Ty::Str),
            }
        }
        Some(out)
    }

    /// A map keyed by party. Share maps (`unknown_ok`) leave keys that are not parties to
    /// `share-for-unknown-party`; other maps report them as `unknown-reference`.
    ///
    /// A map with an entry that cannot be read (a wrong value, a party named twice) is
    /// reported and then left out as a whole, like any other unreadable value: what remains
    /// of it would make rules report sums and gaps the author never wrote.
    fn party_map<T>(
        &mut self,
        value: &Value,
        entries: &[ast::Entry],
        key: &str,
        unknown_ok: bool,
        mut convert: impl FnMut(&mut Self, &Value) -> Option<T>,
    ) -> Option<PartyMap<T>> {
        let mut complete = true;
        let mut out = PartyMap {
            entries: Vec::with_capacity(entries.len()),
            span: value.span,
        };
        let mut seen: HashMap<&str, Span> = HashMap::with_capacity(entries.len());
        for entry in entries {
            let id = entry.key.as_str();
            if let Some(&first) = seen.get(id) {
                self.push(
                    Diagnostic::error(
                        DUPLICATE_KEY,
                        entry.key.span,
                        format!("`{key}` names `{id}` twice"),
                    )
                    .with_label(first, "first named here")
                    .with_help("keep one entry per party"),
                );
                complete = false;
                continue;
            }
            seen.insert(id, entry.key.span);
            let party = if unknown_ok {
                let (target, found) = self.lookup(id, &[IdKind::Party]);
                if found.is_none() {
                    self.pending.push(Pending {
                        id: entry.key.name.clone(),
                        span: entry.key.span,
                        kinds: &[IdKind::Party],
                        key: key.to_string(),
                        report: false,
                    });
                }
                Ref {
                    id: entry.key.name.clone(),
                    span: entry.key.span,
                    target,
                }
            } else {
                self.resolve(id, entry.key.span, &[IdKind::Party], key)
            };
            match convert(self, &entry.value) {
                Some(v) => out.entries.push(PartyEntry {
                    party,
                    value: v,
                    span: entry.span,
                }),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }

    // -----------------------------------------------------------------------------------
    // The agreement and its sections.

    fn new() -> Lowerer {
        Lowerer {
            diagnostics: Vec::new(),
            names: Namespace::default(),
            strings: Vec::new(),
            unreadable: Vec::new(),
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
        a.strings = std::mem::take(&mut self.strings);
        a.strings.sort_unstable();
        a.unreadable = std::mem::take(&mut self.unreadable);
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

    /// Check a block generically and report its missing items.
    fn checked<'a>(&mut self, block: &'a Block, def: &'static BlockDef) -> Fields<'a> {
        let owner = BlockName::new(def.keyword, &block.labels);
        let f = self.fields(&block.items, def, &owner);
        let present = present_names(&f, &block.items, def);
        self.require(def, &present, &owner, block.head_span());
        f
    }

    fn party(&mut self, b: &Block) -> Party {
        let mut f = self.checked(b, &schema::PARTY);
        let (id, name) = id_and_title(b);
        Party {
            id,
            name,
            role: field!(f, "role", Typed::Word(w) => match w {
                "convener" => Role::Convener,
                "lead" => Role::Lead,
                _ => Role::Member,
            }),
            jurisdiction: text(&mut f, "jurisdiction"),
            signatory: text(&mut f, "signatory"),
            alliance_manager: text(&mut f, "alliance_manager"),
            contact: text(&mut f, "contact"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn equity(&mut self, b: &Block) -> Equity {
        let mut f = self.checked(b, &schema::EQUITY);
        let stakes = f
            .blocks("stake")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|s| {
                let mut sf = self.checked(s, &schema::STAKE);
                Stake {
                    holder: reference(&mut sf, "holder"),
                    issuer: reference(&mut sf, "issuer"),
                    percent: field!(sf, "percent", Typed::Percent(p) => p),
                    amount: money(&mut sf, "amount"),
                    closing: date(&mut sf, "closing"),
                    note: text(&mut sf, "note"),
                    span: s.span,
                }
            })
            .collect();
        Equity {
            stakes,
            board_seats: shares(&mut f, "board_seats"),
            information_rights: boolean(&mut f, "information_rights"),
            unwind: text(&mut f, "unwind"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn entity(&mut self, b: &Block) -> Entity {
        let mut f = self.checked(b, &schema::ENTITY);
        let (id, name) = id_and_title(b);
        let board = f.block("board").map(|bb| {
            let mut bf = self.checked(bb, &schema::BOARD);
            Board {
                seats: shares(&mut bf, "seats"),
                independent: number(&mut bf, "independent"),
                decides: decision(&mut bf, "decides"),
                reserved: strings(&mut bf, "reserved"),
                note: text(&mut bf, "note"),
                span: bb.span,
            }
        });
        Entity {
            id,
            name,
            jurisdiction: text(&mut f, "jurisdiction"),
            ownership: shares(&mut f, "ownership"),
            capital: field_raw!(f, "capital", Typed::Amounts(m) => m),
            management: text(&mut f, "management"),
            board,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn governance(&mut self, b: &Block) -> Governance {
        let mut f = self.checked(b, &schema::GOVERNANCE);
        let committees = f
            .blocks("committee")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|c| self.committee(c))
            .collect();
        let reporting = f.block("reporting").map(|r| {
            let mut rf = self.checked(r, &schema::REPORTING);
            Reporting {
                operations: cadence(&mut rf, "operations"),
                progress: cadence(&mut rf, "progress"),
                strategy: cadence(&mut rf, "strategy"),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let reserved_matters = f.block("reserved_matters").map(|r| {
            let mut rf = self.checked(r, &schema::RESERVED_MATTERS);
            ReservedMatters {
                matters: strings(&mut rf, "matters"),
                decides: decision(&mut rf, "decides"),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let scope_change = f.block("scope_change").map(|s| {
            let mut sf = self.checked(s, &schema::SCOPE_CHANGE);
            ScopeChange {
                approved_by: reference(&mut sf, "approved_by"),
                amendment_required: boolean(&mut sf, "amendment_required"),
                note: text(&mut sf, "note"),
                span: s.span,
            }
        });
        Governance {
            committees,
            reporting,
            health_check: cadence(&mut f, "health_check"),
            reserved_matters,
            scope_change,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn committee(&mut self, b: &Block) -> Committee {
        let mut f = self.checked(b, &schema::COMMITTEE);
        let (id, name) = id_and_title(b);
        let chair = field_raw!(f, "chair", Typed::Chair(c) => c);
        let rotation = cadence(&mut f, "rotation");
        if matches!(chair, Some(Chair::Rotating(_))) && rotation.is_none() {
            let owner = BlockName::new("committee", &b.labels);
            self.report_missing(
                MISSING_REQUIRED,
                "required when the chair rotates",
                "rotation",
                "how often the chair rotates",
                &owner,
                b.head_span(),
                false,
                Some(Ty::Cadence),
            );
        }
        Committee {
            id,
            name,
            seats: shares(&mut f, "seats"),
            meets: cadence(&mut f, "meets"),
            decides: decision(&mut f, "decides"),
            quorum: number(&mut f, "quorum"),
            chair,
            rotation,
            independent: number(&mut f, "independent"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn contributions(&mut self, b: &Block) -> Contributions {
        let mut f = self.checked(b, &schema::CONTRIBUTIONS);
        let mut from = Vec::new();
        let mut seen: HashMap<CompactString, Span> = HashMap::new();
        for fb in f.blocks("from").collect::<Vec<_>>() {
            let mut ff = self.checked(fb, &schema::FROM);
            let party = match fb.labels.first() {
                Some(Label::Id(id)) => {
                    if let Some(first) = seen.get(&id.name) {
                        self.push(
                            Diagnostic::error(
                                DUPLICATE_KEY,
                                id.span,
                                format!(
                                    "the contributions of `{}` are given in two `from` blocks",
                                    id.name
                                ),
                            )
                            .with_label(*first, "the first one")
                            .with_help("merge them into one `from` block"),
                        );
                    }
                    seen.entry(id.name.clone()).or_insert(id.span);
                    self.resolve(id.as_str(), id.span, &[IdKind::Party], "from")
                }
                _ => Ref {
                    id: CompactString::default(),
                    span: fb.head_span(),
                    target: Target::Unresolved,
                },
            };
            let resources = ff
                .blocks("resource")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|r| self.resource(r))
                .collect();
            let deliverables = ff
                .blocks("deliverable")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|d| {
                    let mut df = self.checked(d, &schema::DELIVERABLE);
                    Deliverable {
                        title: title_of(d),
                        due: date(&mut df, "due"),
                        acceptance: text(&mut df, "acceptance"),
                        note: text(&mut df, "note"),
                        span: d.span,
                    }
                })
                .collect();
            from.push(From {
                party,
                resources,
                deliverables,
                note: text(&mut ff, "note"),
                span: fb.span,
            });
        }
        Contributions {
            review: cadence(&mut f, "review"),
            from,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn resource(&mut self, r: &Block) -> Resource {
        let mut f = self.checked(r, &schema::RESOURCE);
        let kind = field!(f, "kind", Typed::Word(w) => ResourceKind::from_key(w).unwrap_or(ResourceKind::Other));
        let value = money(&mut f, "value");
        let license = field!(f, "license", Typed::Word(w) => match w {
            "exclusive" => LicenseTerms::Exclusive,
            "assignment" => LicenseTerms::Assignment,
            _ => LicenseTerms::NonExclusive,
        });
        let owner = BlockName::new("resource", &r.labels);
        match kind.as_ref().map(|k| k.value) {
            Some(ResourceKind::Cash) if value.is_none() && !has_damaged(r) => self.report_missing(
                MISSING_REQUIRED,
                "required for cash",
                "value",
                "how much cash",
                &owner,
                r.head_span(),
                false,
                Some(Ty::Money),
            ),
            Some(ResourceKind::Ip) if license.is_none() && !has_damaged(r) => self.report_missing(
                MISSING_RECOMMENDED,
                "expected for intellectual property",
                "license",
                "on what terms the IP is made available",
                &owner,
                r.head_span(),
                false,
                Some(Ty::Enum(schema::LICENSE_TERMS)),
            ),
            _ => {}
        }
        Resource {
            title: title_of(r),
            kind,
            value,
            fte: number(&mut f, "fte"),
            license,
            schedule: text(&mut f, "schedule"),
            note: text(&mut f, "note"),
            span: r.span,
        }
    }

    fn sharing(&mut self, b: &Block) -> Sharing {
        let mut f = self.checked(b, &schema::SHARING);
        Sharing {
            revenue: shares(&mut f, "revenue"),
            costs: shares(&mut f, "costs"),
            method: text(&mut f, "method"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn liability(&mut self, b: &Block) -> Liability {
        let mut f = self.checked(b, &schema::LIABILITY);
        let joint_pool = money(&mut f, "joint_pool");
        let pool_shares = shares(&mut f, "pool_shares");
        if joint_pool.is_some() && pool_shares.is_none() && !has_damaged(b) {
            self.report_missing(
                MISSING_REQUIRED,
                "required when there is a joint pool",
                "pool_shares",
                "each party's share of the joint pool",
                &BlockName::new("liability", &[]),
                b.head_span(),
                false,
                Some(Ty::Shares),
            );
        }
        Liability {
            cap: money(&mut f, "cap"),
            joint_pool,
            pool_shares,
            own_people_and_assets: field!(f, "own_people_and_assets", Typed::Word(w) => if w == "shared" {
                OwnPeople::Shared
            } else {
                OwnPeople::EachParty
            }),
            insurance: text(&mut f, "insurance"),
            uncapped: strings(&mut f, "uncapped"),
            liquidated_damages: text(&mut f, "liquidated_damages"),
            termination_fee: money(&mut f, "termination_fee"),
            warranty: duration(&mut f, "warranty"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn ip(&mut self, b: &Block) -> Ip {
        let mut f = self.checked(b, &schema::IP);
        let licenses = f
            .blocks("license")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|l| {
                let mut lf = self.checked(l, &schema::LICENSE);
                License {
                    title: title_of(l),
                    grantor: reference(&mut lf, "grantor"),
                    grantee: field_raw!(lf, "grantee", Typed::Grantee(g) => g),
                    scope: text(&mut lf, "scope"),
                    exclusive: boolean(&mut lf, "exclusive"),
                    transferable: boolean(&mut lf, "transferable"),
                    sublicensable: boolean(&mut lf, "sublicensable"),
                    affiliates: boolean(&mut lf, "affiliates"),
                    perpetual: boolean(&mut lf, "perpetual"),
                    irrevocable: boolean(&mut lf, "irrevocable"),
                    royalty: field!(lf, "royalty", Typed::Royalty(r) => r),
                    note: text(&mut lf, "note"),
                    span: l.span,
                }
            })
            .collect();
        Ip {
            background: field!(f, "background", Typed::Word(w) => if w == "licensed" {
                BackgroundIp::Licensed
            } else {
                BackgroundIp::Retained
            }),
            joint: field_raw!(f, "joint", Typed::JointIp(j) => j),
            after_exit: text(&mut f, "after_exit"),
            licenses,
            assigned_to: reference(&mut f, "assigned_to"),
            escrow: text(&mut f, "escrow"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn compliance(&mut self, b: &Block) -> Compliance {
        let mut f = self.checked(b, &schema::COMPLIANCE);
        Compliance {
            jurisdictions: strings(&mut f, "jurisdictions"),
            regimes: field_raw!(f, "regimes", Typed::Words(w) => w).unwrap_or_default(),
            change_in_law: text(&mut f, "change_in_law"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn covenants(&mut self, b: &Block) -> Covenants {
        let mut f = self.checked(b, &schema::COVENANTS);
        let restraint = |cx: &mut Self, rb: &Block, def: &'static BlockDef| {
            let mut rf = cx.checked(rb, def);
            Restraint {
                binds: parties(&mut rf, "binds"),
                scope: text(&mut rf, "scope"),
                territory: text(&mut rf, "territory"),
                after_exit: duration(&mut rf, "after_exit"),
                carve_outs: text(&mut rf, "carve_outs"),
                note: text(&mut rf, "note"),
                span: rb.span,
            }
        };
        let exclusivity = f
            .block("exclusivity")
            .map(|x| restraint(self, x, &schema::EXCLUSIVITY));
        let non_compete = f
            .block("non_compete")
            .map(|x| restraint(self, x, &schema::NON_COMPETE));
        let non_solicit = f.block("non_solicit").map(|x| {
            let mut xf = self.checked(x, &schema::NON_SOLICIT);
            NonSolicit {
                of: field_raw!(xf, "of", Typed::Words(w) => w).unwrap_or_default(),
                binds: parties(&mut xf, "binds"),
                after_exit: duration(&mut xf, "after_exit"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let non_disparagement = f.block("non_disparagement").map(|x| {
            let mut xf = self.checked(x, &schema::NON_DISPARAGEMENT);
            NonDisparagement {
                binds: parties(&mut xf, "binds"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let first_refusals = f
            .blocks("first_refusal")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let mut xf = self.checked(x, &schema::FIRST_REFUSAL);
                FirstRefusal {
                    title: title_of(x),
                    holder: reference(&mut xf, "holder"),
                    kind: field!(xf, "kind", Typed::Word(w) => match w {
                        "offer" => RefusalKind::Offer,
                        "negotiation" => RefusalKind::Negotiation,
                        _ => RefusalKind::Refusal,
                    }),
                    over: text(&mut xf, "over"),
                    window: duration(&mut xf, "window"),
                    note: text(&mut xf, "note"),
                    span: x.span,
                }
            })
            .collect();
        let most_favoured = f.block("most_favoured").map(|x| {
            let mut xf = self.checked(x, &schema::MOST_FAVOURED);
            MostFavoured {
                beneficiary: reference(&mut xf, "beneficiary"),
                scope: text(&mut xf, "scope"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let minimum_commitments = f
            .blocks("minimum_commitment")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let mut xf = self.checked(x, &schema::MINIMUM_COMMITMENT);
                MinimumCommitment {
                    title: title_of(x),
                    party: reference(&mut xf, "party"),
                    amount: money(&mut xf, "amount"),
                    per: cadence(&mut xf, "per"),
                    note: text(&mut xf, "note"),
                    span: x.span,
                }
            })
            .collect();
        let assignment = f.block("assignment").map(|x| {
            let mut xf = self.checked(x, &schema::ASSIGNMENT);
            Assignment {
                consent_required: boolean(&mut xf, "consent_required"),
                exceptions: text(&mut xf, "exceptions"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        let audit = f.block("audit").map(|x| {
            let mut xf = self.checked(x, &schema::AUDIT);
            Audit {
                by: parties(&mut xf, "by"),
                every: cadence(&mut xf, "every"),
                notice: duration(&mut xf, "notice"),
                note: text(&mut xf, "note"),
                span: x.span,
            }
        });
        Covenants {
            exclusivity,
            non_compete,
            non_solicit,
            non_disparagement,
            first_refusals,
            most_favoured,
            minimum_commitments,
            assignment,
            audit,
            third_party_beneficiaries: field!(f, "third_party_beneficiaries", Typed::ThirdParties(t) => t),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn metrics(&mut self, b: &Block) -> Metrics {
        let mut f = self.checked(b, &schema::METRICS);
        let metrics = f
            .blocks("metric")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|m| {
                let mut mf = self.checked(m, &schema::METRIC);
                let (id, title) = id_and_title(m);
                Metric {
                    id,
                    title,
                    kind: field!(mf, "kind", Typed::Word(w) => if w == "qualitative" {
                        MetricKind::Qualitative
                    } else {
                        MetricKind::Quantitative
                    }),
                    target: field!(mf, "target", Typed::Bound(t) => t),
                    by: date(&mut mf, "by"),
                    owner: field_raw!(mf, "owner", Typed::Owner(o) => o),
                    review: cadence(&mut mf, "review"),
                    source: text(&mut mf, "source"),
                    note: text(&mut mf, "note"),
                    span: m.span,
                }
            })
            .collect();
        let milestones = f
            .blocks("milestone")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|m| {
                let mut mf = self.checked(m, &schema::MILESTONE);
                let (id, title) = id_and_title(m);
                Milestone {
                    id,
                    title,
                    due: date(&mut mf, "due"),
                    horizon: field!(mf, "horizon", Typed::Word(w) => match w {
                        "quick_win" => Horizon::QuickWin,
                        "medium_term" => Horizon::MediumTerm,
                        _ => Horizon::Ultimate,
                    }),
                    note: text(&mut mf, "note"),
                    span: m.span,
                }
            })
            .collect();
        Metrics {
            review: cadence(&mut f, "review"),
            data_access: field_raw!(f, "data_access", Typed::DataAccess(d) => d),
            metrics,
            milestones,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn disputes(&mut self, b: &Block) -> Disputes {
        let mut f = self.checked(b, &schema::DISPUTES);
        let mut steps = Vec::new();
        for (keyword, sb) in f.blocks.clone() {
            let def = match schema::DISPUTES.child(keyword) {
                Some(c) => c.block,
                None => continue,
            };
            let mut sf = self.checked(sb, def);
            let kind = match keyword {
                "negotiation" => StepKind::Negotiation {
                    between: field!(sf, "between", Typed::Word(w) => if w == "executives" {
                        Negotiators::Executives
                    } else {
                        Negotiators::AllianceManagers
                    }),
                },
                "escalation" => StepKind::Escalation {
                    to: reference(&mut sf, "to"),
                },
                "mediation" => StepKind::Mediation {
                    provider: text(&mut sf, "provider"),
                },
                "expert" => StepKind::Expert {
                    provider: text(&mut sf, "provider"),
                    binding: boolean(&mut sf, "binding"),
                },
                "arbitration" => StepKind::Arbitration {
                    rules: text(&mut sf, "rules"),
                    seat: text(&mut sf, "seat"),
                    arbitrators: number(&mut sf, "arbitrators"),
                },
                _ => StepKind::Litigation {
                    courts: text(&mut sf, "courts"),
                },
            };
            steps.push(DisputeStep {
                kind,
                within: duration(&mut sf, "within"),
                note: text(&mut sf, "note"),
                span: sb.span,
            });
        }
        Disputes {
            steps,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn exit(&mut self, b: &Block) -> Exit {
        let mut f = self.checked(b, &schema::EXIT);
        let mut terminations: Vec<Termination> = Vec::new();
        for t in f.blocks("termination").collect::<Vec<_>>() {
            let mut tf = self.checked(t, &schema::TERMINATION);
            let Some(Label::Id(kind_id)) = t.labels.first() else {
                continue;
            };
            let Some(kind) = TerminationKind::from_key(kind_id.as_str()) else {
                continue;
            };
            if let Some(first) = terminations.iter().find(|x| x.kind.value == kind) {
                self.push(
                    Diagnostic::error(
                        DUPLICATE_KEY,
                        kind_id.span,
                        format!("there are two `termination {}` blocks", kind.key()),
                    )
                    .with_label(first.kind.span, "the first one")
                    .with_help("merge them into one block"),
                );
                continue;
            }
            terminations.push(Termination {
                kind: Spanned::new(kind, kind_id.span),
                notice: duration(&mut tf, "notice"),
                cure: duration(&mut tf, "cure"),
                earliest: date(&mut tf, "earliest"),
                trigger: text(&mut tf, "trigger"),
                note: text(&mut tf, "note"),
                span: t.span,
            });
        }
        let review = f.block("review").map(|r| {
            let mut rf = self.checked(r, &schema::EXIT_REVIEW);
            ExitReview {
                every: cadence(&mut rf, "every"),
                decides: reference(&mut rf, "decides"),
                options: field_raw!(rf, "options", Typed::Words(w) => w)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|w| {
                        Spanned::new(
                            match w.value {
                                "continue" => ReviewOption::Continue,
                                "restructure" => ReviewOption::Restructure,
                                _ => ReviewOption::Exit,
                            },
                            w.span,
                        )
                    })
                    .collect(),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let evolve = f.block("evolve").map(|e| {
            let mut ef = self.checked(e, &schema::EVOLVE);
            Evolve {
                by: date(&mut ef, "by"),
                into: field!(ef, "into", Typed::Word(w) => if w == "equity" {
                    Model::Equity
                } else {
                    Model::JointVenture
                }),
                dissolve: field!(ef, "otherwise", Typed::Word(w) => w == "dissolve"),
                note: text(&mut ef, "note"),
                span: e.span,
            }
        });
        Exit {
            terminations,
            wind_down: duration(&mut f, "wind_down"),
            assets: text(&mut f, "assets"),
            review,
            evolve,
            transition: text(&mut f, "transition"),
            note: text(&mut f, "note"),
            span: b.span,
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

fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("that month")
}

/// A next step for common mismatches.
fn mismatch_help(found: &ValueKind, ty: Ty) -> Option<String> {
    Some(match (found, ty) {
        (ValueKind::String(s), _) if !matches!(ty, Ty::Str | Ty::Text) => {
            format!(
                "remove the quotes if \"{s}\" is meant as a value; {} is written without quotes",
                ty.doc_name()
            )
        }
        (ValueKind::Number(n), Ty::Percent | Ty::Shares) => format!("write `{n}%`"),
        (ValueKind::Number(n), Ty::Money) => format!("put the currency first: `USD {n}`"),
        (ValueKind::Number(n), Ty::Duration | Ty::Term) => {
            format!("add the unit: `{n} days`, `{n} months` or `{n} years`")
        }
        (ValueKind::Number(n) | ValueKind::Percent(n), Ty::Bound) => {
            format!("add a comparison, such as `>= {n}`")
        }
        (ValueKind::Money(m), Ty::Bound) => {
            format!("add a comparison, such as `>= {} {}`", m.currency, m.amount)
        }
        (ValueKind::Word(w), Ty::Str | Ty::Text) => format!("put text in double quotes: \"{w}\""),
        (ValueKind::Text(_), Ty::Str) => "this key takes a one-line string in double quotes".into(),
        _ => return None,
    })
}
