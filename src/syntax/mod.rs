//! Text → syntax tree. The only module that imports pest.
//!
//! The file is parsed in pieces: first the header (`agreement "Title" {`), then each
//! top-level item on its own, then the closing `}`. Each item is first offered to the quick
//! reader (`quick`), which builds the tree from well-formed text without pest; what it
//! declines is read with pest as described here. When an item has a syntax error, the
//! error is reported, the item is kept as [`Item::Damaged`] (with its head, when it can be
//! read), and parsing resumes at the next line that starts a top-level block, so one run
//! reports every problem in the file.

pub mod ast;
mod errors;
mod guard;
mod prescan;
mod quick;
mod text;
mod values;

pub use text::TOP_LEVEL_BLOCKS;

use crate::diagnostic::Diagnostic;
use crate::limits;
use crate::span::Span;
use ast::*;
use compact_str::CompactString;
use pest::iterators::Pair;
use pest::Parser;
use rust_decimal::Decimal;

/// The parser whose tree is read: punctuation silent, numbers one token each.
mod fast {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/charter.pest"]
    #[grammar = "../grammar/tokens-fast.pest"]
    pub(super) struct CharterParser;
}

/// The parser that describes syntax errors: the same language, with every piece of
/// punctuation and every part of a number a rule that an error message can name. It runs
/// only on a piece of text the fast parser rejected.
mod detailed {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/charter.pest"]
    #[grammar = "../grammar/tokens-detailed.pest"]
    pub(super) struct CharterParser;
}

use fast::{CharterParser, Rule};

/// The result of parsing one file: a tree (possibly partial) and the syntax diagnostics.
#[derive(Debug)]
pub struct Parsed {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// A block up to this size is read in one parse, which is faster than reading it child by
/// child; a larger one, at any level, is read child by child, which bounds the parser's
/// memory by the largest child rather than the largest block.
const WHOLE_BLOCK_BYTES: usize = 64 * 1024;

/// Rule names of this stage.
pub const SYNTAX_ERROR: &str = "syntax-error";
pub const NESTING_TOO_DEEP: &str = "nesting-too-deep";
pub const HIDDEN_CHARACTER: &str = "hidden-character";

/// Report every character a reader cannot see (`crate::unicode`), except inside the span
/// of a syntax error, which already says what is wrong there.
fn hidden_characters(text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut errors: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.rule == SYNTAX_ERROR)
        .map(|d| d.span)
        .collect();
    errors.sort_unstable();
    for (at, c, kind) in crate::unicode::hidden_in(text) {
        let span = Span::from_range(at, at + c.len_utf8());
        let before = errors.partition_point(|e| e.start <= span.start);
        let covered = errors
            .get(before.saturating_sub(2)..before)
            .unwrap_or_default()
            .iter()
            .any(|e| e.start <= span.start && span.end <= e.end);
        if covered {
            continue;
        }
        let name = crate::unicode::describe(c);
        let message = match kind {
            crate::unicode::Hidden::Direction => format!(
                "this text holds an invisible direction control, {name}: it changes the order in which the text around it is displayed, so a reader may not see what the agreement says"
            ),
            crate::unicode::Hidden::Invisible => format!(
                "this text holds an invisible character, {name}: a reader cannot see it, so two names or terms that look the same may differ"
            ),
        };
        diagnostics.push(
            Diagnostic::error(HIDDEN_CHARACTER, span, message).with_help(
                "delete it (most editors show such characters when asked to show invisible characters); right-to-left text needs no direction controls in a Charter file",
            ),
        );
    }
}

/// The text with each carriage return that is not followed by a line feed (a line end of
/// old Mac files, or of text pasted from some programs) replaced by a line feed, so that
/// Charter sees the lines an editor shows: `// agreed\r    cap: USD 5,000,000` is a
/// comment and then a `cap`, not one long comment. Byte for byte the same length, so every
/// span stays valid for the original text; borrowed when there is nothing to replace.
pub fn line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut lone = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .peekable();
    if lone.peek().is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in lone {
        out.push_str(text.get(from..at).unwrap_or_default());
        out.push('\n');
        from = at + 1;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out.into()
}

/// Parse a file's text. Never fails and never panics: problems are diagnostics.
pub fn parse(source: &str) -> Parsed {
    let mut items = Vec::new();
    let mut parsed = parse_with(source, &mut |item| items.push(item));
    parsed.document.items = items;
    parsed
}

/// Parse a file's text, handing each top-level item to `sink` as soon as it is read
/// instead of keeping it: the returned document has no items. This is how `check` lowers
/// one item at a time, so that the whole tree of a large file never exists at once.
pub fn parse_with(source: &str, sink: &mut dyn FnMut(Item)) -> Parsed {
    read(source, sink, true).0
}

/// How many top-level items and children of large blocks the quick reader took, and how
/// many it left to pest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Share {
    taken: usize,
    declined: usize,
}

/// Parse with or without the quick reader (`quick`), and say how much it read.
fn read(source: &str, sink: &mut dyn FnMut(Item), quick: bool) -> (Parsed, Share) {
    guard::init();
    let normalized = line_ends(source);
    let source = normalized.as_ref();
    let scan = prescan::prescan(source, limits::MAX_DEPTH, WHOLE_BLOCK_BYTES);
    let mut diagnostics: Vec<Diagnostic> = guard::long_strings(&scan.long_strings).collect();
    for &open in &scan.too_deep {
        diagnostics.push(
            Diagnostic::error(
                NESTING_TOO_DEEP,
                Span::new(open, open.saturating_add(1)),
                format!(
                    "this is nested too deeply: blocks, lists and maps may be nested at most {} levels deep (the agreement itself is level 1)",
                    limits::MAX_DEPTH
                ),
            )
            .with_help("flatten this part of the agreement; what is inside it was not read"),
        );
    }
    let blanked;
    let text = if scan.blank.is_empty() {
        source
    } else {
        blanked = prescan::blanked(source, &scan.blank);
        blanked.as_str()
    };
    let mut builder = Builder {
        text,
        diagnostics: &mut diagnostics,
        too_deep: &scan.too_deep,
        top_level: &scan.top_level,
        large: &scan.large,
        syntax_errors: 0,
        eof_reported: false,
        broken_string: false,
        sink,
        quick,
        scratch: quick::Scratch::default(),
        share: Share::default(),
    };
    let mut document = builder.document();
    let share = builder.share;
    document.has_syntax_errors =
        builder.syntax_errors > 0 || !scan.too_deep.is_empty() || !scan.long_strings.is_empty();
    hidden_characters(source, &mut diagnostics);
    document.comments = scan.comments;
    let parsed = Parsed {
        document,
        diagnostics,
    };
    (parsed, share)
}

/// Whether reading `text` with the quick reader gives the same tree and the same findings
/// as reading it with pest alone. It must (see `quick`); the tests and the fuzz targets
/// check it. Not a stable API.
#[doc(hidden)]
pub fn readers_agree(text: &str) -> bool {
    let whole = |quick| {
        let mut items = Vec::new();
        let (mut parsed, _) = read(text, &mut |item| items.push(item), quick);
        parsed.document.items = items;
        parsed
    };
    let (quick, pest) = (whole(true), whole(false));
    quick.document == pest.document && quick.diagnostics == pest.diagnostics
}

/// How many pieces of `text` (top-level items, and children of large blocks) the quick
/// reader read, and how many it left to pest. Not a stable API.
#[doc(hidden)]
pub fn quick_share(text: &str) -> (usize, usize) {
    let (_, share) = read(text, &mut |_| {}, true);
    (share.taken, share.declined)
}

struct Builder<'t, 'd> {
    text: &'t str,
    diagnostics: &'d mut Vec<Diagnostic>,
    too_deep: &'d [u32],
    /// The pre-scan's level-2 bracket pairs, to see how large a top-level block is before
    /// reading it.
    top_level: &'d [(usize, usize)],
    /// The pre-scan's bracket pairs over [`WHOLE_BLOCK_BYTES`], by opening bracket.
    large: &'d [(usize, usize)],
    syntax_errors: usize,
    /// Whether "the file ends before … is closed" was already said.
    eof_reported: bool,
    /// Whether a string read since [`Builder::accept`] began runs over a line end.
    broken_string: bool,
    /// Where each top-level item goes.
    sink: &'d mut dyn FnMut(Item),
    /// Whether to try the quick reader (`quick`) before pest.
    quick: bool,
    scratch: quick::Scratch,
    share: Share,
}

impl Builder<'_, '_> {
    fn document(&mut self) -> Document {
        let text = self.text;
        let mut doc = Document::default();
        let start = text::skip_trivia(text, 0);
        if start >= text.len() {
            self.error_at(
                Span::new(0, 0),
                "this file is empty: a Charter file holds one agreement, starting with `agreement \"Title\" {`",
                Some("run `charter init` for a complete starter agreement"),
            );
            return doc;
        }

        // The header. When it cannot be read, report it and look for the first item.
        let header = CharterParser::parse(Rule::header, text)
            .ok()
            .and_then(|mut pairs| pairs.next())
            .and_then(|pair| {
                let end = pair.as_span().end();
                self.accept(|b| Some((b.header(pair), end)))
            });
        let mut pos = match header {
            Some((header, end)) => {
                doc.header = header;
                end
            }
            None => {
                let at = detailed_error(text).map_or(0, |err| errors::error_offset(&err));
                let found = errors::found(text, at);
                self.error_at(
                    Span::from_range(at, at + found.len),
                    &format!(
                        "a Charter file starts with `agreement \"Title\" {{`, but this one has {} here",
                        found.what
                    ),
                    Some("begin the file with `agreement \"Name of the alliance\" {` and end it with `}`"),
                );
                match text::resync(text, at) {
                    Some(next) => next,
                    None => return doc,
                }
            }
        };

        // The items, one parse each, resuming after an error.
        let mut closed_at: Option<usize> = None;
        loop {
            pos = text::skip_trivia(text, pos);
            if pos >= text.len() {
                if closed_at.is_none() && !self.eof_reported {
                    let at = text.len();
                    self.error_at(
                        Span::point(at),
                        "the file ends before the agreement is closed: a `}` is missing",
                        Some("every `{` needs a matching `}`; check that each block is closed"),
                    );
                }
                break;
            }
            if text.as_bytes().get(pos) == Some(&b'}') {
                if closed_at.is_none() {
                    closed_at = Some(pos + 1);
                    if let Some(header) = &mut doc.header {
                        header.span = Span::from_range(header.span.start as usize, pos + 1);
                    }
                    let after = text::skip_trivia(text, pos + 1);
                    if after < text.len() {
                        let found = errors::found(text, after);
                        self.error_at(
                            Span::from_range(after, after + found.len),
                            &format!(
                                "the agreement was closed by the `}}` on line {}, but {} follows it",
                                text::line_number(text, pos),
                                found.what
                            ),
                            Some("a file holds one agreement: remove the extra `}` or move this text inside the agreement"),
                        );
                    }
                }
                pos += 1;
                continue;
            }
            let (item, next) = self.top_level_item(pos);
            (self.sink)(item);
            pos = next;
        }
        doc
    }

    /// One top-level item from `pos`, and where the next one starts. A small block is read
    /// in one parse; a large one, or one with a syntax error, head first and then child by
    /// child, so that memory follows the largest child and an error in one child keeps its
    /// siblings.
    fn top_level_item(&mut self, pos: usize) -> (Item, usize) {
        if let Some(read) = self.quick_item(pos) {
            return read;
        }
        // `key: value` is read in one parse; only blocks are read head first. (Telling them
        // apart here avoids a failed parse, whose error report costs a scan of the rest.)
        if text::is_attribute_start(self.text, pos) {
            return self.whole_item(pos);
        }
        if let Some(end) = self.small_block_end(pos) {
            if let Some(read) = self.try_item(pos, end) {
                return read;
            }
        }
        match self.by_children(pos) {
            Some((item, next, _)) => (item, next),
            None => self.whole_item(pos),
        }
    }

    /// The block at `pos` read head first and then child by child (a large child the same
    /// way): the block, where to resume, and whether a syntax error sent reading on to the
    /// next top-level block (so that the blocks around this one end here too). `None` when
    /// the head cannot be read.
    fn by_children(&mut self, pos: usize) -> Option<(Item, usize, bool)> {
        let text = self.text;
        let head = CharterParser::parse(Rule::block_open, text.get(pos..)?)
            .ok()
            .and_then(|mut pairs| pairs.next())?;
        let mut at = pos + head.as_span().end();
        let (keyword, labels, open) = self.accept(|b| {
            let mut keyword = None;
            let mut labels = Vec::new();
            let mut open = Span::point(at);
            for p in head.into_inner() {
                match p.as_rule() {
                    Rule::ident if keyword.is_none() => keyword = Some(ident(&p, pos)),
                    Rule::ident => labels.push(Label::Id(ident(&p, pos))),
                    Rule::string => {
                        let lit = b.string_lit(&p, pos);
                        labels.push(Label::Title(lit));
                    }
                    Rule::open_brace => open = span_of(&p, pos),
                    _ => {}
                }
            }
            Some((keyword?, labels, open))
        })?;
        let mut items = Vec::new();
        let block = |keyword, labels, mut items: Vec<Item>, end: usize| {
            // One large vector, grown by doubling: give back what it did not fill.
            items.shrink_to_fit();
            Item::Block(Block {
                keyword,
                labels,
                items,
                span: Span::from_range(pos, end),
                open,
            })
        };
        loop {
            at = text::skip_trivia(text, at);
            if at >= text.len() {
                self.eof_reported = true;
                self.error_at(
                    Span::point(text.len()),
                    &format!(
                        "the file ends before the `{}` block that starts on line {} is closed: a `}}` is missing",
                        keyword.name,
                        text::line_number(text, pos)
                    ),
                    Some("every `{` needs a matching `}`; the agreement itself must be closed too"),
                );
                return Some((block(keyword, labels, items, text.len()), text.len(), true));
            }
            if text.as_bytes().get(at) == Some(&b'}') {
                return Some((block(keyword, labels, items, at + 1), at + 1, false));
            }
            let (item, next, left) = self.child(at);
            items.push(item);
            if left {
                return Some((block(keyword, labels, items, next), next, true));
            }
            at = next;
        }
    }

    /// One child of a block read child by child: the item, where the next one starts, and
    /// whether a syntax error sent reading on to the next top-level block.
    fn child(&mut self, at: usize) -> (Item, usize, bool) {
        if let Some((item, end)) = self.quick_item(at) {
            return (item, end, false);
        }
        if self.starts_large_block(at) {
            if let Some(read) = self.by_children(at) {
                return read;
            }
        }
        match self.parse_item(at) {
            Ok((item, end)) => (item, end, false),
            Err((damaged, next, inside)) => (Item::Damaged(damaged), next, !inside),
        }
    }

    /// Whether the item at `pos` is a block whose `{` opens one of the pre-scan's large
    /// pairs. Cheap when it is not: the next large pair must open on the same line.
    fn starts_large_block(&self, pos: usize) -> bool {
        let text = self.text;
        let i = self.large.partition_point(|&(open, _)| open <= pos);
        let Some(&(open, _)) = self.large.get(i) else {
            return false;
        };
        let same_line = text
            .as_bytes()
            .get(pos..open)
            .is_some_and(|head| memchr::memchr(b'\n', head).is_none());
        if !same_line || text::is_attribute_start(text, pos) {
            return false;
        }
        // The head (`keyword labels {`) must end at that bracket.
        CharterParser::parse(Rule::block_open, text.get(pos..).unwrap_or_default())
            .ok()
            .and_then(|mut pairs| pairs.next())
            .is_some_and(|head| pos + head.as_span().end() == open + 1)
    }

    /// A top-level item read in one parse (attributes, and what is not a block).
    fn whole_item(&mut self, pos: usize) -> (Item, usize) {
        match self.parse_item(pos) {
            Ok((item, end)) => (item, end),
            Err((damaged, next, _)) => (Item::Damaged(damaged), next),
        }
    }

    /// Where the block starting at `pos` ends (just after its closing bracket, going by the
    /// pre-scan's first level-2 bracket after `pos`), when that is within
    /// [`WHOLE_BLOCK_BYTES`].
    fn small_block_end(&self, pos: usize) -> Option<usize> {
        let i = self.top_level.partition_point(|&(open, _)| open < pos);
        let &(_, close) = self.top_level.get(i)?;
        let end = close.checked_add(1)?.min(self.text.len());
        (end - pos <= WHOLE_BLOCK_BYTES).then_some(end)
    }

    /// Read the block in `pos..end` in one parse, reporting nothing: `None` when it has a
    /// syntax error, or when what stands at `pos` is not a block. (The parser sees only
    /// that range, so that a failure costs no more than the block. An attribute whose colon
    /// is on a later line, `role // agreed` then `: [***]%`, is not seen as one before the
    /// parse, and the range ends inside its value.)
    fn try_item(&mut self, pos: usize, end: usize) -> Option<(Item, usize)> {
        let piece = self.text.get(pos..end)?;
        let item = CharterParser::parse(Rule::item_at, piece)
            .ok()?
            .next()?
            .into_inner()
            .next()?;
        let after_name = item.clone().into_inner().nth(1).map(|p| p.as_rule());
        if after_name != Some(Rule::block_rest) {
            return None;
        }
        let end = pos + item.as_span().end();
        self.accept(|b| Some((b.item(item, pos), end)))
    }

    /// Build from a fast parse, or `None` when a string in it runs over a line end (which
    /// the fast grammar allows and the language does not): the caller then handles the text
    /// as a syntax error, and what the build reported is taken back.
    fn accept<T>(&mut self, build: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let (diagnostics, syntax_errors) = (self.diagnostics.len(), self.syntax_errors);
        self.broken_string = false;
        let built = build(self);
        if std::mem::take(&mut self.broken_string) {
            self.diagnostics.truncate(diagnostics);
            self.syntax_errors = syntax_errors;
            return None;
        }
        built
    }

    /// Parse one item at `pos`. On a syntax error: report it, and give the damaged item,
    /// where to resume, and whether that is still inside the same block (a broken
    /// attribute ends with its line) or at the next top-level block.
    fn parse_item(&mut self, pos: usize) -> Result<(Item, usize), (Damaged, usize, bool)> {
        let text = self.text;
        let piece = text.get(pos..).unwrap_or_default();
        let too_complex = match CharterParser::parse(Rule::item_at, piece) {
            Ok(mut pairs) => {
                let Some(item) = pairs.next().and_then(|p| p.into_inner().next()) else {
                    return Err((self.damaged(pos, pos), text.len(), false));
                };
                let end = pos + item.as_span().end();
                if let Some(item) = self.accept(|b| Some(b.item(item, pos))) {
                    return Ok((item, end));
                }
                false
            }
            Err(err) => guard::is_limit_error(&err),
        };
        // A syntax error: the detailed parser says what it is.
        let (at, diagnostic) = if too_complex {
            (pos, guard::too_complex(text, pos))
        } else {
            match detailed::CharterParser::parse(detailed::Rule::item_at, piece) {
                Err(err) => {
                    let at = pos + errors::error_offset(&err);
                    (at, errors::describe(text, pos, at, &err))
                }
                // The two parsers accept the same texts; should they ever disagree, still
                // report the error.
                Ok(_) => (pos, errors::unreadable(text, pos)),
            }
        };
        self.push_syntax_error(diagnostic);
        let same_line = !text.get(pos..at).unwrap_or_default().contains('\n');
        let head = self.damaged(pos, at);
        let (next, inside) = if head.is_attribute && same_line {
            (text::next_line(text, at), true)
        } else {
            (text::resync(text, at).unwrap_or(text.len()), false)
        };
        Err((
            Damaged {
                span: Span::from_range(pos, next.max(pos)),
                ..head
            },
            next,
            inside,
        ))
    }

    fn header(&mut self, pair: Pair<'_, Rule>) -> Option<Header> {
        let span = pair.as_span();
        let mut keyword = None;
        let mut title = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::agreement_kw => keyword = Some(span_of(&p, 0)),
                Rule::string => title = Some(self.string_lit(&p, 0)),
                _ => {}
            }
        }
        Some(Header {
            keyword: keyword?,
            title: title?,
            span: Span::from_range(span.start(), span.end()),
        })
    }

    /// Read what can be read of an item that failed to parse: its name and labels.
    fn damaged(&mut self, start: usize, end: usize) -> Damaged {
        let span = Span::from_range(start, end.max(start));
        let mut out = Damaged {
            name: None,
            labels: Vec::new(),
            is_attribute: false,
            span,
        };
        // The detailed parser, because the fast one keeps no token for the `:`.
        use detailed::Rule as R;
        let Ok(mut pairs) = detailed::CharterParser::parse(R::item_head, &self.text[start..])
        else {
            return out;
        };
        let Some(head) = pairs.next() else {
            return out;
        };
        for p in head.into_inner() {
            let span = span_of(&p, start);
            match p.as_rule() {
                R::ident if out.name.is_none() => out.name = Some(ident_at(p.as_str(), span)),
                R::ident => out.labels.push(Label::Id(ident_at(p.as_str(), span))),
                R::string => {
                    let lit = self.string_at(p.as_str(), span);
                    out.labels.push(Label::Title(lit));
                }
                R::colon => out.is_attribute = true,
                _ => {}
            }
        }
        out
    }

    fn item(&mut self, pair: Pair<'_, Rule>, base: usize) -> Item {
        let span = span_of(&pair, base);
        let mut inner = pair.into_inner();
        let (Some(name), Some(rest)) = (inner.next(), inner.next()) else {
            return Item::Damaged(Damaged {
                name: None,
                labels: Vec::new(),
                is_attribute: false,
                span,
            });
        };
        let key = ident(&name, base);
        match rest.as_rule() {
            // `key: value` (the `:` makes no token): the value.
            rule if rule != Rule::block_rest => {
                let value = self.value(rest, base);
                Item::Attribute(Attribute { key, value, span })
            }
            _ => {
                // Vectors of exactly the size needed: one that grows makes room for four
                // items, and most blocks hold fewer (a large block, tens of thousands).
                let inner = rest.into_inner();
                let (mut n_labels, mut n_items) = (0, 0);
                for p in inner.clone() {
                    match p.as_rule() {
                        Rule::ident | Rule::string => n_labels += 1,
                        Rule::item => n_items += 1,
                        _ => {}
                    }
                }
                let mut labels = Vec::with_capacity(n_labels);
                let mut items = Vec::with_capacity(n_items);
                let mut open = span;
                for p in inner {
                    match p.as_rule() {
                        Rule::ident => labels.push(Label::Id(ident(&p, base))),
                        Rule::string => {
                            let lit = self.string_lit(&p, base);
                            labels.push(Label::Title(lit));
                        }
                        Rule::open_brace => open = span_of(&p, base),
                        Rule::item => items.push(self.item(p, base)),
                        _ => {}
                    }
                }
                if self.is_too_deep(open) {
                    return Item::Damaged(Damaged {
                        name: Some(key),
                        labels,
                        is_attribute: false,
                        span,
                    });
                }
                Item::Block(Block {
                    keyword: key,
                    labels,
                    items,
                    span,
                    open,
                })
            }
        }
    }

    fn is_too_deep(&self, open: Span) -> bool {
        !self.too_deep.is_empty() && self.too_deep.binary_search(&open.start).is_ok()
    }

    fn error_at(&mut self, span: Span, message: &str, help: Option<&str>) {
        let mut d = Diagnostic::error(SYNTAX_ERROR, span, message);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        self.push_syntax_error(d);
    }

    fn push_syntax_error(&mut self, d: Diagnostic) {
        self.syntax_errors += 1;
        self.diagnostics.push(d);
    }
}

fn span_of<R: pest::RuleType>(pair: &Pair<'_, R>, base: usize) -> Span {
    let s = pair.as_span();
    Span::from_range(base + s.start(), base + s.end())
}

fn ident(pair: &Pair<'_, Rule>, base: usize) -> Ident {
    ident_at(pair.as_str(), span_of(pair, base))
}

fn ident_at(name: &str, span: Span) -> Ident {
    Ident {
        name: CompactString::from(name),
        span,
    }
}

/// Whether the fast and the detailed parser agree on `text`: each accepts or rejects the
/// header, and the item starting at each of the first 64 lines, alike, and reads the same
/// length. They must, since the detailed one describes what the fast one rejects; the tests
/// and the fuzz targets check it. Not a stable API.
#[doc(hidden)]
pub fn parsers_agree(text: &str) -> bool {
    fn ends<R: pest::RuleType>(
        parsed: Result<pest::iterators::Pairs<'_, R>, pest::error::Error<R>>,
    ) -> Option<usize> {
        parsed
            .ok()
            .map(|pairs| pairs.last().map_or(0, |p| p.as_span().end()))
    }
    // What the fast parser accepts, less strings over a line end (see `Builder::accept`).
    let fast = |rule, piece| {
        let parsed = CharterParser::parse(rule, piece);
        let broken = parsed.as_ref().is_ok_and(|pairs| {
            pairs
                .clone()
                .flatten()
                .any(|p| p.as_rule() == Rule::string && p.as_str().contains('\n'))
        });
        if broken {
            None
        } else {
            ends(parsed)
        }
    };
    let header = fast(Rule::header, text)
        == ends(detailed::CharterParser::parse(detailed::Rule::header, text));
    let starts = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .take(64);
    header
        && starts.filter_map(|start| text.get(start..)).all(|piece| {
            let piece = piece.trim_start();
            fast(Rule::item_at, piece)
                == ends(detailed::CharterParser::parse(
                    detailed::Rule::item_at,
                    piece,
                ))
        })
}

/// The detailed parser's error for a header the fast parser rejected.
fn detailed_error(text: &str) -> Option<pest::error::Error<detailed::Rule>> {
    detailed::CharterParser::parse(detailed::Rule::header, text).err()
}

#[cfg(test)]
mod tests;
