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
        loop {
            self.trivia();
            if self.byte(self.at)? == b'}' {
                self.at += 1;
                break;
            }
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

    /// `value`, its alternatives tried in the grammar's order (each is told apart by its
    /// first character, except a word that starts with three capitals, as `USD` does).
    fn value(&mut self) -> Option<Value> {
        let start = self.at;
        let kind = match self.byte(start)? {
            b'"' if self.bytes.get(start..start + 3) == Some(b"\"\"\"") => self.text_block()?,
            b'"' => ValueKind::String(self.string()?.0),
            b'[' => self.list_or_redacted()?,
            b'{' => self.map()?,
            b'>' | b'<' | b'=' => self.bound()?,
            b'0'..=b'9' => self.numeric()?,
            b'A'..=b'Z' => match self.money()? {
                Some(money) => money,
                None => self.word()?,
            },
            b's' if self.starts_elsewhere() => self.elsewhere()?,
            b if is_ident_start(b) => self.word()?,
            _ => return None,
        };
        Some(Value {
            kind,
            span: Span::from_range(start, self.at),
        })
    }

    /// `text_block`: `"""`, spaces, a line end, then everything up to the next `"""`.
    fn text_block(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let mut i = self.inline_ws(start + 3);
        match (self.byte(i), self.byte(i + 1)) {
            (Some(b'\n'), _) => i += 1,
            (Some(b'\r'), Some(b'\n')) => i += 2,
            _ => return None,
        }
        let close = memchr::memmem::find(self.bytes.get(i..)?, b"\"\"\"")?;
        self.at = i + close + 3;
        Some(ValueKind::Text(text::dedent(self.slice(start, self.at))))
    }

    /// A string token on one line, its escapes resolved, and its span.
    fn string(&mut self) -> Option<(String, Span)> {
        let start = self.at;
        let mut i = start + 1;
        loop {
            i += memchr::memchr3(b'"', b'\\', b'\n', self.bytes.get(i..)?)?;
            match self.byte(i)? {
                b'"' => break,
                b'\\' => {
                    let escaped = self.text.get(i + 1..)?.chars().next()?;
                    if escaped == '\n' {
                        return None;
                    }
                    i += 1 + escaped.len_utf8();
                }
                _ => return None,
            }
        }
        self.at = i + 1;
        let value = text::unescape(self.slice(start, self.at)).ok()?;
        Some((value, Span::from_range(start, self.at)))
    }

    fn string_lit(&mut self) -> Option<StrLit> {
        let (value, span) = self.string()?;
        Some(StrLit { value, span })
    }

    /// `[***]` and what follows it (`redacted`), or a list.
    fn list_or_redacted(&mut self) -> Option<ValueKind> {
        let start = self.at;
        if self.byte(self.run(start + 1, |b| b == b' ')) != Some(b'*') {
            return self.list();
        }
        self.at = self.redaction(start)?;
        let shape = if self.byte(self.at) == Some(b'%') {
            self.at += 1;
            RedactedShape::Percent
        } else if let Some((end, unit)) = self.duration_tail(self.at) {
            self.at = end;
            RedactedShape::Duration(unit)
        } else {
            RedactedShape::Bare
        };
        Some(ValueKind::Redacted(Redacted { shape }))
    }

    /// The end of the `redaction` at `i` (`[***]`, `[* * *]`).
    fn redaction(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        loop {
            j = self.run(j, |b| b == b' ');
            if self.byte(j) != Some(b'*') {
                break;
            }
            j += 1;
        }
        (self.byte(j) == Some(b']') && self.bytes.get(i + 1..j)?.contains(&b'*')).then_some(j + 1)
    }

    fn list(&mut self) -> Option<ValueKind> {
        self.at += 1;
        self.open()?;
        let values = self.b.scratch.values.len();
        self.trivia();
        if self.byte(self.at)? == b']' {
            self.at += 1;
        } else {
            loop {
                let item = self.list_item()?;
                self.b.scratch.values.push(item);
                self.trivia();
                match self.byte(self.at)? {
                    b',' => {
                        self.at += 1;
                        self.trivia();
                        if self.byte(self.at)? == b']' {
                            self.at += 1;
                            break;
                        }
                    }
                    b']' => {
                        self.at += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.depth -= 1;
        Some(ValueKind::List(take(&mut self.b.scratch.values, values)))
    }

    /// `list_item`: a kebab-case rule name, or a value.
    fn list_item(&mut self) -> Option<Value> {
        let start = self.at;
        match self.rule_name(start) {
            Some(end) => {
                self.at = end;
                Some(Value {
                    kind: ValueKind::RuleName(CompactString::from(self.slice(start, end))),
                    span: Span::from_range(start, end),
                })
            }
            None => self.value(),
        }
    }

    /// The end of the `rule_name` at `i` (`unknown-key`).
    fn rule_name(&self, i: usize) -> Option<usize> {
        if !self.is(i, |b| b.is_ascii_lowercase()) {
            return None;
        }
        let mut j = self.run(i + 1, is_lower_or_digit);
        let mut parts = 0;
        while self.byte(j) == Some(b'-') && self.is(j + 1, is_lower_or_digit) {
            j = self.run(j + 1, is_lower_or_digit);
            parts += 1;
        }
        (parts > 0).then_some(j)
    }

    fn map(&mut self) -> Option<ValueKind> {
        self.at += 1;
        self.open()?;
        let entries = self.b.scratch.entries.len();
        loop {
            self.trivia();
            if self.byte(self.at)? == b'}' {
                self.at += 1;
                break;
            }
            let start = self.at;
            let key = self.ident()?;
            self.trivia();
            if self.byte(self.at)? != b':' {
                return None;
            }
            self.at += 1;
            self.trivia();
            let value = self.value()?;
            let span = Span::from_range(start, self.at);
            self.b.scratch.entries.push(Entry { key, value, span });
            self.trivia();
            if self.byte(self.at) == Some(b',') {
                self.at += 1;
            }
        }
        self.depth -= 1;
        Some(ValueKind::Map(take(&mut self.b.scratch.entries, entries)))
    }

    /// `bound`: `>= USD 5,000,000`, `<= 10%`, `= 100%`.
    fn bound(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let (comparator, len) = match (self.byte(start)?, self.byte(start + 1)) {
            (b'>', Some(b'=')) => (Comparator::AtLeast, 2),
            (b'>', _) => (Comparator::Above, 1),
            (b'<', Some(b'=')) => (Comparator::AtMost, 2),
            (b'<', _) => (Comparator::Below, 1),
            _ => (Comparator::Exactly, 1),
        };
        self.at = self.inline_ws(start + len);
        let target_start = self.at;
        let kind = match self.byte(self.at)? {
            b'A'..=b'Z' => self.money()??,
            b'0'..=b'9' => self.numeric()?,
            _ => return None,
        };
        // A noun after the target (`>= 2 candidates`, `bound_noun`) is left to pest, which
        // reports it; a word that is not one (the next `key:`) ends the target.
        let noun = self.inline_ws(self.at);
        if noun > self.at && self.is(noun, is_ident_start) {
            let end = self.run(noun, is_ident_char);
            if self.ends_value(end) {
                return None;
            }
        }
        let target = Value {
            kind,
            span: Span::from_range(target_start, self.at),
        };
        Some(ValueKind::Bound(comparator, Box::new(target)))
    }

    /// `money` at an upper-case letter: `Some(None)` when the text there is not an amount
    /// (then it is a word, as `USD` alone is).
    fn money(&mut self) -> Option<Option<ValueKind>> {
        let start = self.at;
        let currency_end = start + 3;
        let is_currency = (start..currency_end).all(|i| self.is(i, |b| b.is_ascii_uppercase()))
            && !self.is(currency_end, is_ident_char);
        let amount_start = self.inline_ws(currency_end);
        if !is_currency || amount_start == currency_end {
            return Some(None);
        }
        let currency = CompactString::from(self.slice(start, currency_end));
        let kind = match self.byte(amount_start) {
            Some(b'0'..=b'9') => {
                let end = self.amount_end(amount_start);
                if self.of_follows(end) {
                    return None;
                }
                self.at = end;
                let span = Span::from_range(amount_start, end);
                match self.b.amount(self.slice(amount_start, end), span) {
                    Some(amount) => ValueKind::Money(Money { currency, amount }),
                    None => ValueKind::Invalid,
                }
            }
            Some(b'[') => {
                let end = self.redaction(amount_start)?;
                if self.of_follows(end) {
                    return None;
                }
                self.at = end;
                ValueKind::Redacted(Redacted {
                    shape: RedactedShape::Money(currency),
                })
            }
            _ => return Some(None),
        };
        Some(Some(kind))
    }

    /// The end of the `amount` at `i`: digits, with commas and points between digits.
    fn amount_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            match self.byte(j) {
                Some(b'0'..=b'9') => j += 1,
                Some(b',' | b'.') if self.is(j + 1, |b| b.is_ascii_digit()) => j += 2,
                _ => return j,
            }
        }
    }

    /// `numeric`: a date, or a number with an optional `%`, `/n` or unit.
    fn numeric(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let end = self.numeric_end(start);
        if self.of_follows(end) {
            return None;
        }
        self.at = end;
        let span = Span::from_range(start, end);
        Some(self.b.numeric(self.slice(start, end), span))
    }

    fn numeric_end(&self, i: usize) -> usize {
        let digit = |b: u8| b.is_ascii_digit();
        let date = [4, 7].iter().all(|&dash| self.byte(i + dash) == Some(b'-'))
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&d| self.is(i + d, digit))
            && !self.is(i + 10, is_ident_char);
        if date {
            return i + 10;
        }
        let number = self.number_end(i);
        match self.byte(number) {
            Some(b'%') => number + 1,
            Some(b'/') if self.is(number + 1, digit) => self.number_end(number + 1),
            _ => self.duration_tail(number).map_or(number, |(end, _)| end),
        }
    }

    /// The end of the `number` at `i` (digits, then perhaps a point and digits).
    fn number_end(&self, i: usize) -> usize {
        let whole = self.run(i, |b| b.is_ascii_digit());
        if self.byte(whole) == Some(b'.') && self.is(whole + 1, |b| b.is_ascii_digit()) {
            self.run(whole + 1, |b| b.is_ascii_digit())
        } else {
            whole
        }
    }

    /// `duration_tail` at `i`: spaces, then a unit as a whole word; its end and the unit.
    fn duration_tail(&self, i: usize) -> Option<(usize, Unit)> {
        let start = self.inline_ws(i);
        (start > i).then(|| self.unit(start)).flatten()
    }

    /// The `unit` at `i` (`days`, `business days`), as a whole word.
    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        let end = self.run(i, is_ident_char);
        let unit = match self.slice(i, end) {
            "business" => {
                let day = self.inline_ws(end);
                let day_end = self.run(day, is_ident_char);
                return (day > end && matches!(self.slice(day, day_end), "day" | "days"))
                    .then_some((day_end, Unit::BusinessDays));
            }
            "hour" | "hours" => Unit::Hours,
            "day" | "days" => Unit::Days,
            "week" | "weeks" => Unit::Weeks,
            "month" | "months" => Unit::Months,
            "year" | "years" => Unit::Years,
            _ => return None,
        };
        Some((end, unit))
    }

    /// Whether a share's `of` follows `i` (`3% of net sales`): left to pest.
    fn of_follows(&self, i: usize) -> bool {
        let of = self.inline_ws(i);
        of > i && self.bytes.get(of..of + 2) == Some(b"of") && !self.is(of + 2, is_ident_char)
    }

    /// `see` and a space: a reference to another document (or, when no name follows, left
    /// to pest).
    fn starts_elsewhere(&self) -> bool {
        self.bytes.get(self.at..self.at + 3) == Some(b"see")
            && self.inline_ws(self.at + 3) > self.at + 3
    }

    /// `elsewhere`: `see business_plan`, `see spa "clause 4.2"`.
    fn elsewhere(&mut self) -> Option<ValueKind> {
        self.at = self.inline_ws(self.at + 3);
        let document = self.ident()?;
        let place_at = self.inline_ws(self.at);
        let place = if place_at > self.at && self.byte(place_at) == Some(b'"') {
            self.at = place_at;
            Some(self.string_lit()?)
        } else {
            None
        };
        Some(ValueKind::Elsewhere(Box::new(Elsewhere {
            document,
            place,
        })))
    }

    /// `word`: an identifier. One followed by a unit that ends the value (`six months`,
    /// `spelled_unit`) is left to pest, which says to write the number in digits.
    fn word(&mut self) -> Option<ValueKind> {
        let word = self.ident()?;
        if let Some((end, _)) = self.duration_tail(self.at) {
            if self.ends_value(end) {
                return None;
            }
        }
        Some(ValueKind::Word(word.name))
    }

    /// Whether a word that ends at `i` ends its value: no block's title or `{` follows
    /// (`block_follows`), and the line, a list or map, or the next `key:` does
    /// (`value_end`).
    fn ends_value(&self, i: usize) -> bool {
        if matches!(self.byte(self.trivia_end(i)), Some(b'{' | b'"')) {
            return false;
        }
        let end = self.inline_ws(i);
        match self.byte(end) {
            None | Some(b'\n' | b'\r' | b'}' | b']' | b',') => true,
            Some(b'/') => self.byte(end + 1) == Some(b'/'),
            Some(b) if is_ident_start(b) => {
                let key = self.inline_ws(self.run(end, is_ident_char));
                self.byte(key) == Some(b':')
            }
            _ => false,
        }
    }
}
