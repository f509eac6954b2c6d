//! The quick reader: a hand-written reader of well-formed Charter text that builds the same
//! syntax tree as pest's fast parser, without pest's queue of tokens in between.
//!
//! It follows `grammar/charter.pest` rule for rule, trying the alternatives in the same
//! order, and declines (returns `None`) at the first thing it does not read: any syntax
//! error, a string over a line end or with an escape Charter does not know, a target with a
//! noun after it (`>= 2 candidates`), a number in words (`six months`), a share (`3% of net
//! sales`), or a value over [`MAX_VALUE_BYTES`]. The builder then reads the same text with
//! pest, which also describes the errors. So the quick reader never changes what a file
//! means or what is said about it, only how fast it is read: [`super::readers_agree`] holds
//! its tree and findings to pest's on every example, fixture and corpus file, on generated
//! agreements and snippets (property tests), and in the parse fuzz target.

use super::*;

mod values;

/// A value larger than this is left to pest, so that pest's limit on parser calls per
/// piece of the file (docs/limits.md) applies to it as before. (A piece pest reads is a
/// value of any size or a block of at most [`WHOLE_BLOCK_BYTES`]; at the dozen calls a byte
/// that the densest well-formed values take, this keeps every piece the quick reader reads
/// well under the limit.)
const MAX_VALUE_BYTES: usize = 512 * 1024;

impl Builder<'_, '_> {
    /// The item at `pos` and where it ends, read by the quick reader; `None`, with nothing
    /// reported, when it declines.
    pub(super) fn quick_item(&mut self, pos: usize) -> Option<(Item, usize)> {
        if !self.quick || !self.too_deep.is_empty() {
            return None;
        }
        let (diagnostics, syntax_errors) = (self.diagnostics.len(), self.syntax_errors);
        let text = self.text;
        let mut reader = Quick {
            text,
            bytes: text.as_bytes(),
            at: pos,
            depth: 0,
            b: self,
        };
        let item = reader.item();
        let end = reader.at;
        match item {
            Some(item) => {
                self.share.taken += 1;
                Some((item, end))
            }
            None => {
                self.diagnostics.truncate(diagnostics);
                self.syntax_errors = syntax_errors;
                self.scratch.clear();
                self.share.declined += 1;
                None
            }
        }
    }
}

/// Vectors reused from one block, list or map to the next: children are gathered here and
/// moved into a vector of exactly their number when their parent closes.
#[derive(Default)]
pub(super) struct Scratch {
    items: Vec<Item>,
    labels: Vec<Label>,
    values: Vec<Value>,
    entries: Vec<Entry>,
}

impl Scratch {
    fn clear(&mut self) {
        self.items.clear();
        self.labels.clear();
        self.values.clear();
        self.entries.clear();
    }
}

/// The children gathered in `scratch` from `from` on, in a vector of exactly their number.
/// When they are many (one block of 50,000 resources), the scratch vector itself is given
/// away, the few elements before them moved out of it and it shrunk in place: copying the
/// many would hold them twice at once.
fn take<T>(scratch: &mut Vec<T>, from: usize) -> Vec<T> {
    const MANY: usize = 4096;
    let len = scratch.len();
    if len.saturating_sub(from) >= MANY && from <= len - from {
        let mut all = std::mem::take(scratch);
        *scratch = all.drain(..from).collect();
        all.shrink_to_fit();
        return all;
    }
    scratch.drain(from..).collect()
}

struct Quick<'b, 't, 'd> {
    b: &'b mut Builder<'t, 'd>,
    text: &'t str,
    bytes: &'t [u8],
    /// Where the reader is.
    at: usize,
    /// How many blocks, lists and maps are open (the pre-scan keeps it within the limit;
    /// this is a second guard for the stack).
    depth: usize,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_lower_or_digit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

impl<'t> Quick<'_, 't, '_> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    fn is(&self, i: usize, test: fn(u8) -> bool) -> bool {
        self.byte(i).is_some_and(test)
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// The end of the run of bytes from `i` that pass `test`.
    fn run(&self, mut i: usize, test: fn(u8) -> bool) -> usize {
        while self.is(i, test) {
            i += 1;
        }
        i
    }

    /// The end of the spaces and tabs from `i` (`inline_ws*`).
    fn inline_ws(&self, i: usize) -> usize {
        self.run(i, |b| b == b' ' || b == b'\t')
    }

    /// Skip what pest skips between the tokens of a rule: white space and `//` comments
    /// (not a byte-order mark, which only the header may have).
    fn trivia(&mut self) {
        self.at = self.trivia_end(self.at);
    }

    /// The end of the white space and comments from `i`.
    fn trivia_end(&self, mut i: usize) -> usize {
        loop {
            match self.byte(i) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => i += 1,
                Some(b'/') if self.byte(i + 1) == Some(b'/') => {
                    let rest = self.bytes.get(i..).unwrap_or_default();
                    i = memchr::memchr(b'\n', rest).map_or(self.bytes.len(), |p| i + p);
                }
                _ => return i,
            }
        }
    }

    /// After white space and comments, whether `close` stands next (then stepped over);
    /// `None` at the end of the text.
    fn closes(&mut self, close: u8) -> Option<bool> {
        self.trivia();
        let closed = self.byte(self.at)? == close;
        if closed {
            self.at += 1;
        }
        Some(closed)
    }

    fn open(&mut self) -> Option<()> {
        self.depth += 1;
        (self.depth <= limits::MAX_DEPTH).then_some(())
    }

    fn ident(&mut self) -> Option<Ident> {
        let start = self.at;
        if !self.is(start, is_ident_start) {
            return None;
        }
        self.at = self.run(start + 1, is_ident_char);
        Some(ident_at(
            self.slice(start, self.at),
            Span::from_range(start, self.at),
        ))
    }

    /// `item`: `key: value`, or `keyword labels { items }`.
    fn item(&mut self) -> Option<Item> {
        let start = self.at;
        let key = self.ident()?;
        self.trivia();
        if self.byte(self.at) == Some(b':') {
            self.at += 1;
            self.trivia();
            let value = self.value()?;
            if value.span.len() > MAX_VALUE_BYTES {
                return None;
            }
            let span = Span::from_range(start, self.at);
            return Some(Item::Attribute(Attribute { key, value, span }));
        }
        self.block(start, key).map(Item::Block)
    }

    /// `block_rest`: labels, `{`, items, `}`.
    fn block(&mut self, start: usize, keyword: Ident) -> Option<Block> {
        let labels = self.b.scratch.labels.len();
        loop {
            let label = match self.byte(self.at)? {
                b'{' => break,
                b'"' => Label::Title(self.string_lit()?),
                _ => Label::Id(self.ident()?),
            };
            self.b.scratch.labels.push(label);
            self.trivia();
        }
        let open = Span::from_range(self.at, self.at + 1);
        self.at += 1;
        self.open()?;
        let items = self.b.scratch.items.len();
        while !self.closes(b'}')? {
            let item = self.item()?;
            self.b.scratch.items.push(item);
        }
        self.depth -= 1;
        let scratch = &mut self.b.scratch;
        Some(Block {
            keyword,
            labels: take(&mut scratch.labels, labels),
            items: take(&mut scratch.items, items),
            span: Span::from_range(start, self.at),
            open,
        })
    }
}
