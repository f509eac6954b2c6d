//! Writing a syntax tree in the canonical layout (the rules are listed in `super`).
//!
//! The printer writes straight into a `String`. Where there is a choice (one line or
//! several), it writes the one-line form first, measures it, and takes it back when it does
//! not fit or cannot be written on one line (a comment or a text block inside).

use super::comments::{self, Elem, Laid, Split, Unit};
use super::{INDENT, WIDTH};
use crate::span::Span;
use crate::syntax::ast::{Block, Comment, Entry, Item, Label, RedactedShape, Value, ValueKind};
use rust_decimal::Decimal;
use std::fmt::Write;
use std::ops::Range;

/// The most attributes a block may hold to be written on one line.
pub(crate) const ONE_LINE_ATTRIBUTES: usize = 3;

pub(crate) struct Printer<'a> {
    src: &'a str,
    comments: &'a [Comment],
    pub out: String,
    /// The text of every comment written, in order (without `//` and trailing white space).
    pub emitted: Vec<&'a str>,
    /// While an item is written: the items written inside it so far (one list per level).
    frames: Vec<Vec<Rendered<'a>>>,
}

/// Where an item was written: its text is `out[start..end]` (from its first character to
/// its last, without indentation or a comment after it), the comments written inside it are
/// `emitted[comments]`, and, for a block written on several lines, `children` are its items.
#[derive(Debug)]
pub(crate) struct Rendered<'a> {
    pub item: &'a Item,
    pub start: usize,
    pub end: usize,
    pub comments: Range<usize>,
    pub children: Vec<Rendered<'a>>,
}

impl<'a> Printer<'a> {
    pub fn new(src: &'a str, comments: &'a [Comment]) -> Self {
        Printer {
            src,
            comments,
            out: String::new(),
            emitted: Vec::new(),
            frames: Vec::new(),
        }
    }

    /// [`Printer::item`], recording where the item and the items inside it were written.
    pub fn recorded_item(
        &mut self,
        item: &'a Item,
        depth: usize,
        head: &[&'a Comment],
    ) -> Rendered<'a> {
        let start = self.out.len();
        let first_comment = self.emitted.len();
        self.frames.push(Vec::new());
        self.item(item, depth, head);
        let children = self.frames.pop().unwrap_or_default();
        Rendered {
            item,
            start,
            end: self.out.len(),
            comments: first_comment..self.emitted.len(),
            children,
        }
    }

    pub fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    /// `//text`, without trailing white space.
    pub fn comment(&mut self, c: &'a Comment) {
        let text = c.text.trim_end();
        self.out.push_str("//");
        self.out.push_str(text);
        self.emitted.push(text);
    }

    /// ` //text` at the end of the current line.
    pub fn line_end(&mut self, c: Option<&'a Comment>) {
        if let Some(c) = c {
            self.out.push(' ');
            self.comment(c);
        }
    }

    fn has_comments(&self, from: u32, to: u32) -> bool {
        !comments::within(self.comments, from, to).is_empty()
    }

    fn verbatim(&mut self, span: Span) {
        let text = self.src.get(span.range()).unwrap_or_default().trim();
        self.out.push_str(text);
    }

    /// One item at `depth` (its indentation is already written). `head`: comments from the
    /// block's head that belong at the end of its `{` line.
    pub fn item(&mut self, item: &'a Item, depth: usize, head: &[&'a Comment]) {
        match item {
            Item::Attribute(a) => {
                self.out.push_str(&a.key.name);
                self.out.push_str(": ");
                self.value(&a.value, depth, 0);
            }
            Item::Block(b) => self.block(b, depth, head),
            Item::Damaged(d) => self.verbatim(d.span),
        }
    }

    pub fn labels(&mut self, labels: &[Label]) {
        for label in labels {
            self.out.push(' ');
            match label {
                Label::Id(id) => self.out.push_str(&id.name),
                Label::Title(title) => self.string(&title.value),
            }
        }
    }

    fn block(&mut self, b: &'a Block, depth: usize, head: &[&'a Comment]) {
        self.out.push_str(&b.keyword.name);
        self.labels(&b.labels);
        let from = b.open.end;
        let to = b.span.end.saturating_sub(1);
        let quiet = head.is_empty() && !self.has_comments(from, to);
        if quiet && b.items.is_empty() {
            self.out.push_str(" {}");
            return;
        }
        // The sections of the agreement (depth 1) always take several lines.
        if quiet && depth >= 2 && self.try_one_line(&b.items) {
            return;
        }
        self.out.push_str(" {");
        let elems = item_elems(&b.items);
        let split = comments::split(self.src, self.comments, from, to, &elems, true);
        self.body(&b.items, &elems, &split, head, depth + 1);
        self.out.push('\n');
        self.indent(depth);
        self.out.push('}');
    }

    /// ` { key: value  key: value }` when every item is an attribute that fits on one line,
    /// there are at most [`ONE_LINE_ATTRIBUTES`], and the whole line fits in [`WIDTH`].
    fn try_one_line(&mut self, items: &'a [Item]) -> bool {
        if items.len() > ONE_LINE_ATTRIBUTES {
            return false;
        }
        let mark = self.out.len();
        let line_start = self.line_start();
        self.out.push_str(" {");
        let mut after_number = false;
        for (i, item) in items.iter().enumerate() {
            let Item::Attribute(a) = item else {
                self.out.truncate(mark);
                return false;
            };
            // `count: 5  days: 3` would read as `count: 5 days`.
            if after_number && UNIT_WORDS.contains(&a.key.name.as_str()) {
                self.out.truncate(mark);
                return false;
            }
            after_number = ends_in_number(&a.value);
            self.out.push_str(if i == 0 { " " } else { "  " });
            self.out.push_str(&a.key.name);
            self.out.push_str(": ");
            if !self.inline(&a.value, line_start) {
                self.out.truncate(mark);
                return false;
            }
        }
        self.out.push_str(" }");
        if self.width_from(line_start) > WIDTH {
            self.out.truncate(mark);
            return false;
        }
        true
    }

    /// The items of a block, one per line at `depth`, with their comments. (The agreement's
    /// own items are laid out in `super::document`, in parallel.)
    fn body(
        &mut self,
        items: &'a [Item],
        elems: &[Elem],
        split: &Split<'a>,
        head: &[&'a Comment],
        depth: usize,
    ) {
        let laid = comments::lay_out(split, head, elems);
        self.line_end(laid.opener);
        let is_block = |j: usize| matches!(items.get(j), Some(Item::Block(_)));
        let blanks = blank_lines(&laid, false, is_block);
        for (unit, blank) in laid.units.iter().zip(blanks) {
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
            self.indent(depth);
            match *unit {
                Unit::Note(note) => self.comment(note.comment),
                Unit::Child { index, .. } => {
                    if let Some(item) = items.get(index) {
                        let head = split.hoisted.get(index).map_or(&[][..], Vec::as_slice);
                        let head = if is_block(index) { head } else { &[] };
                        let rendered = self.recorded_item(item, depth, head);
                        if let Some(frame) = self.frames.last_mut() {
                            frame.push(rendered);
                        }
                    }
                    self.line_end(laid.line_end.get(index).copied().flatten());
                }
            }
        }
    }

    /// A value on a line at `depth` whose beginning is already written. `suffix`: how many
    /// characters follow the value on its line (a comma).
    pub fn value(&mut self, v: &'a Value, depth: usize, suffix: usize) {
        match &v.kind {
            ValueKind::List(items) => {
                if self.try_inline(v, suffix) {
                    return;
                }
                self.out.push('[');
                let elems: Vec<Elem> = items
                    .iter()
                    .map(|x| Elem {
                        start: x.span.start,
                        end: x.span.end,
                        hoist_end: x.span.start,
                        block: false,
                    })
                    .collect();
                let split = self.inner_split(v.span, &elems);
                self.sequence(&split, &elems, depth + 1, |p, j| {
                    if let Some(x) = items.get(j) {
                        p.value(x, depth + 1, 1);
                    }
                    p.out.push(',');
                });
                self.out.push('\n');
                self.indent(depth);
                self.out.push(']');
            }
            ValueKind::Map(entries) => {
                if self.try_inline(v, suffix) {
                    return;
                }
                self.out.push('{');
                let elems = entry_elems(entries);
                let split = self.inner_split(v.span, &elems);
                self.sequence(&split, &elems, depth + 1, |p, j| {
                    if let Some(e) = entries.get(j) {
                        p.out.push_str(&e.key.name);
                        p.out.push_str(": ");
                        p.value(&e.value, depth + 1, 1);
                    }
                    p.out.push(',');
                });
                self.out.push('\n');
                self.indent(depth);
                self.out.push('}');
            }
            ValueKind::Text(text) => self.text_block(text, depth),
            _ => {
                self.scalar(v);
            }
        }
    }

    fn inner_split(&self, span: Span, elems: &[Elem]) -> Split<'a> {
        let from = span.start.saturating_add(1);
        let to = span.end.saturating_sub(1);
        comments::split(self.src, self.comments, from, to, elems, true)
    }

    /// The entries of an expanded list or map, one per line at `depth`.
    fn sequence(
        &mut self,
        split: &Split<'a>,
        elems: &[Elem],
        depth: usize,
        mut child: impl FnMut(&mut Self, usize),
    ) {
        let laid = comments::lay_out(split, &[], elems);
        self.line_end(laid.opener);
        for unit in &laid.units {
            self.out.push('\n');
            self.indent(depth);
            match *unit {
                Unit::Note(note) => self.comment(note.comment),
                Unit::Child { index, .. } => {
                    child(self, index);
                    self.line_end(laid.line_end.get(index).copied().flatten());
                }
            }
        }
    }

    /// A text block: `"""`, its lines one level deeper than the line it starts on, then `"""`
    /// at the same depth as the lines.
    fn text_block(&mut self, text: &str, depth: usize) {
        self.out.push_str("\"\"\"");
        // An empty text block is `"""` and, on the next line, the closing `"""`.
        let lines = crate::scan::split_lines(text).filter(|_| !text.is_empty());
        for line in lines {
            self.out.push('\n');
            if !line.is_empty() {
                self.indent(depth + 1);
                self.out.push_str(line);
            }
        }
        self.out.push('\n');
        self.indent(depth + 1);
        self.out.push_str("\"\"\"");
    }

    fn line_start(&self) -> usize {
        self.out.rfind('\n').map_or(0, |p| p + 1)
    }

    fn width_from(&self, line_start: usize) -> usize {
        self.out.get(line_start..).map_or(0, |s| s.chars().count())
    }

    /// Write `v` on the current line if it can be written on one line and the line then fits
    /// in [`WIDTH`] (with `suffix` more characters); otherwise write nothing.
    fn try_inline(&mut self, v: &'a Value, suffix: usize) -> bool {
        let mark = self.out.len();
        let line_start = self.line_start();
        if self.inline(v, line_start) && self.width_from(line_start) + suffix <= WIDTH {
            return true;
        }
        self.out.truncate(mark);
        false
    }

    /// Write `v` in its one-line form. False (with a partial write left for the caller to
    /// take back) when it cannot be written on one line, or when the line grows far past
    /// [`WIDTH`] (which saves writing a huge list just to find that it does not fit).
    fn inline(&mut self, v: &'a Value, line_start: usize) -> bool {
        // A character is at most 4 bytes: more than 4 × WIDTH bytes is surely too wide.
        let too_long = |p: &Self| p.out.len().saturating_sub(line_start) > 4 * WIDTH;
        match &v.kind {
            ValueKind::Text(_) => false,
            ValueKind::List(items) => {
                if self.has_comments(v.span.start, v.span.end) {
                    return false;
                }
                self.out.push('[');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if !self.inline(x, line_start) || too_long(self) {
                        return false;
                    }
                }
                self.out.push(']');
                true
            }
            ValueKind::Map(entries) => {
                if self.has_comments(v.span.start, v.span.end) {
                    return false;
                }
                if entries.is_empty() {
                    self.out.push_str("{}");
                    return true;
                }
                self.out.push_str("{ ");
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.out.push_str(&e.key.name);
                    self.out.push_str(": ");
                    if !self.inline(&e.value, line_start) || too_long(self) {
                        return false;
                    }
                }
                self.out.push_str(" }");
                true
            }
            _ => self.scalar(v) && !too_long(self),
        }
    }

    /// A value that is always one token (or a verbatim invalid one). False when it had to be
    /// copied verbatim and spans several lines.
    fn scalar(&mut self, v: &'a Value) -> bool {
        let out = &mut self.out;
        match &v.kind {
            ValueKind::String(s) => escape(out, s),
            ValueKind::Number(n) => {
                let _ = write!(out, "{n}");
            }
            ValueKind::Percent(n) => {
                let _ = write!(out, "{n}%");
            }
            ValueKind::Ratio(a, b) => {
                let _ = write!(out, "{a}/{b}");
            }
            ValueKind::Money(m) => {
                out.push_str(&m.currency);
                out.push(' ');
                grouped(out, m.amount);
            }
            ValueKind::Duration(n, unit) => {
                let _ = write!(out, "{n} {}", unit.name(*n));
            }
            ValueKind::Date(d) => {
                let _ = write!(out, "{d}");
            }
            ValueKind::Bound(comparator, target) => {
                out.push_str(comparator.symbol());
                out.push(' ');
                return self.scalar(target);
            }
            ValueKind::Word(w) | ValueKind::RuleName(w) => out.push_str(w),
            ValueKind::Redacted(r) => match &r.shape {
                RedactedShape::Bare => out.push_str("[***]"),
                RedactedShape::Money(currency) => {
                    out.push_str(currency);
                    out.push_str(" [***]");
                }
                RedactedShape::Percent => out.push_str("[***]%"),
                RedactedShape::Duration(unit) => {
                    out.push_str("[***] ");
                    out.push_str(unit.key().replace('_', " ").as_str());
                }
            },
            ValueKind::Elsewhere(e) => {
                out.push_str("see ");
                out.push_str(&e.document.name);
                if let Some(place) = &e.place {
                    out.push(' ');
                    escape(out, &place.value);
                }
            }
            ValueKind::Invalid
            | ValueKind::Portion(..)
            | ValueKind::Text(_)
            | ValueKind::List(_)
            | ValueKind::Map(_) => {
                let text = self.src.get(v.span.range()).unwrap_or_default().trim();
                out.push_str(text);
                return !text.contains('\n');
            }
        }
        true
    }

    /// A string in double quotes, escaped.
    pub fn string(&mut self, s: &str) {
        escape(&mut self.out, s);
    }
}

/// The top-level blank-line rule and the blank lines kept from the source.
///
/// Inside a block, a blank line stands where the source had one or more. Among the
/// agreement's own items (`top`), a blank line also stands before every block (before its
/// comments, if it has any) and after every block.
pub(crate) fn blank_lines(
    laid: &Laid<'_>,
    top: bool,
    is_block: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let units = &laid.units;
    let n = units.len();
    // For each unit: the element at or after it (for a comment: the element it introduces).
    let mut next_is_block = vec![false; n];
    let mut following = false;
    for k in (0..n).rev() {
        if let Some(Unit::Child { index, .. }) = units.get(k) {
            following = is_block(*index);
        }
        next_is_block[k] = following;
    }
    (0..n)
        .map(|k| {
            if k == 0 {
                return false;
            }
            let Some(unit) = units.get(k) else {
                return false;
            };
            if unit.blank() {
                return true;
            }
            if !top {
                return false;
            }
            match units.get(k - 1) {
                Some(Unit::Child { index, .. }) => {
                    is_block(*index) || next_is_block.get(k).copied().unwrap_or(false)
                }
                _ => false,
            }
        })
        .collect()
}

/// The words that, after a number on the same line, make it a duration.
const UNIT_WORDS: &[&str] = &[
    "business", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// A value written as a bare number at its end (`5`, `>= 4`).
fn ends_in_number(v: &Value) -> bool {
    match &v.kind {
        ValueKind::Number(_) => true,
        ValueKind::Bound(_, target) => ends_in_number(target),
        _ => false,
    }
}

pub(crate) fn item_elems(items: &[Item]) -> Vec<Elem> {
    items
        .iter()
        .map(|item| {
            let span = item.span();
            let (hoist_end, block) = match item {
                Item::Attribute(a) => (a.value.span.start, false),
                Item::Block(b) => (b.open.start, true),
                Item::Damaged(d) => (d.span.end, false),
            };
            Elem {
                start: span.start,
                end: span.end,
                hoist_end,
                block,
            }
        })
        .collect()
}

fn entry_elems(entries: &[Entry]) -> Vec<Elem> {
    entries
        .iter()
        .map(|e| Elem {
            start: e.span.start,
            end: e.span.end,
            hoist_end: e.value.span.start,
            block: false,
        })
        .collect()
}

/// A money amount with commas between groups of three digits, and its decimals as written:
/// `1,200,000`, `250,000.50`.
pub(crate) fn grouped(out: &mut String, amount: Decimal) {
    let text = amount.to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let digits = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
}

/// Characters written as `\u{…}` inside strings: control characters, and the invisible
/// characters that can make text read differently from what it says (bidirectional
/// overrides, zero-width space, line and paragraph separators, byte order mark).
fn needs_unicode_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// `s` as a Charter string: in double quotes, with `\"`, `\\`, `\n`, `\t`, and `\u{…}` for
/// the characters of [`needs_unicode_escape`]. Runs of characters that need no escape are
/// copied whole: only the bytes of [`MAY_ESCAPE`] are looked at ([`crate::scan::positions`]
/// finds them).
pub(crate) fn escape(out: &mut String, s: &str) {
    out.push('"');
    // `s[from..]` is not yet in `out`.
    let mut from = 0;
    for i in crate::scan::positions(s.as_bytes(), &MAY_ESCAPE) {
        // No byte of `MAY_ESCAPE` continues a character: `i` starts one.
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let escaped = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            _ => None,
        };
        if escaped.is_some() || needs_unicode_escape(c) {
            out.push_str(s.get(from..i).unwrap_or_default());
            match escaped {
                Some(escaped) => out.push_str(escaped),
                None => {
                    let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
                }
            }
            from = i + c.len_utf8();
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

/// The bytes [`escape`] looks at: `"`, `\`, the ASCII controls, and the bytes the other
/// characters of [`needs_unicode_escape`] start with (C1 controls: C2; U+200B to U+2069:
/// E2; U+FEFF: EF). No other byte can start one of them, and none of these continues a
/// character.
static MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_gets_comma_groups() {
        let cases = [
            ("1200000", "1,200,000"),
            ("250000.50", "250,000.50"),
            ("100", "100"),
            ("1000", "1,000"),
            ("0.5", "0.5"),
            ("123456", "123,456"),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            grouped(&mut out, Decimal::from_str_exact(input).unwrap_or_default());
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        escape(&mut out, "a\"b\\c\nd\te\u{1}f\u{202E}g😀");
        assert_eq!(out, r#""a\"b\\c\nd\te\u{1}f\u{202E}g😀""#);
    }

    /// Every character on its own, as [`escape`] writes it: the reading the fast path has
    /// to agree with.
    fn escape_char_by_char(s: &str) -> String {
        let mut out = String::from('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c if needs_unicode_escape(c) => {
                    let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    proptest::proptest! {
        #[test]
        fn escaping_in_runs_is_escaping_each_character(
            s in "([a-z \"\\\\\n\t\u{0}-\u{1F}\u{7F}-\u{A0}é€😀]|\u{200B}|\u{200E}|\u{2028}|\u{202E}|\u{2066}|\u{2069}|\u{2070}|\u{FEFF}|\u{FFFD}){0,60}"
        ) {
            let mut out = String::new();
            escape(&mut out, &s);
            proptest::prop_assert_eq!(out, escape_char_by_char(&s));
        }
    }
}
