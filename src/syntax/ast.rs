//! The syntax tree: owned, with a byte span on every node.
//!
//! It holds exactly what was written, in order, with no knowledge of the schema: keys and
//! blocks are names, values are classified tokens. Comments are kept beside the tree (in
//! [`Document::comments`]) for the formatter.

use crate::span::Span;
use compact_str::CompactString;
use rust_decimal::Decimal;

/// A parsed file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// `agreement "Title" {`, when it could be read.
    pub header: Option<Header>,
    /// The items inside the agreement, in source order.
    pub items: Vec<Item>,
    /// Every `//` comment, in source order.
    pub comments: Vec<Comment>,
    /// True when the file had a syntax error (some of it may be missing from `items`).
    pub has_syntax_errors: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The `agreement` keyword.
    pub keyword: Span,
    pub title: StrLit,
    /// From `agreement` to the closing `}` (or to the end of what was read).
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, `//` included.
    pub span: Span,
    /// The text after `//`, without the line end.
    pub text: String,
    /// True when code stands before the comment on its line (`key: value // like this`).
    pub trailing: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Attribute(Attribute),
    Block(Block),
    /// An item that had a syntax error (already reported). Its head is kept when it could
    /// be read, so that later stages know it was there.
    Damaged(Damaged),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Attribute(a) => a.span,
            Item::Block(b) => b.span,
            Item::Damaged(d) => d.span,
        }
    }

    /// The key, block keyword, or (for a damaged item) whatever head could be read.
    pub fn name(&self) -> Option<&Ident> {
        match self {
            Item::Attribute(a) => Some(&a.key),
            Item::Block(b) => Some(&b.keyword),
            Item::Damaged(d) => d.name.as_ref(),
        }
    }
}

/// `key: value`
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    pub key: Ident,
    pub value: Value,
    pub span: Span,
}

/// `keyword [id] ["title"] { … }`
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub keyword: Ident,
    pub labels: Vec<Label>,
    pub items: Vec<Item>,
    pub span: Span,
    /// The `{`.
    pub open: Span,
}

impl Block {
    /// The first label if it is an identifier (`party northwind …`, `from contoso`).
    pub fn id(&self) -> Option<&Ident> {
        match self.labels.first() {
            Some(Label::Id(id)) => Some(id),
            _ => None,
        }
    }

    /// The first string label (`party northwind "Northwind Traders Ltd."`).
    pub fn title(&self) -> Option<&StrLit> {
        self.labels.iter().find_map(|l| match l {
            Label::Title(s) => Some(s),
            Label::Id(_) => None,
        })
    }

    /// The span of the block's head, from the keyword to the `{`.
    pub fn head_span(&self) -> Span {
        self.keyword.span.cover(self.open)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub name: Option<Ident>,
    pub labels: Vec<Label>,
    /// True when the head ended in `:` (an attribute), false for a block or unknown.
    pub is_attribute: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Id(Ident),
    Title(StrLit),
}

impl Label {
    pub fn span(&self) -> Span {
        match self {
            Label::Id(i) => i.span,
            Label::Title(s) => s.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: CompactString,
    pub span: Span,
}

impl Ident {
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

/// A string literal with its escapes resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrLit {
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// `"…"`, escapes resolved.
    String(String),
    /// `"""…"""`, common indentation removed, no trailing newline.
    Text(String),
    Number(Decimal),
    Percent(Decimal),
    /// `2/3`
    Ratio(Decimal, Decimal),
    Money(Money),
    Duration(Decimal, Unit),
    Date(RawDate),
    /// `>= USD 5,000,000`: the comparison and the value compared with.
    Bound(Comparator, Box<Value>),
    /// An enumeration word or a reference to an id.
    Word(CompactString),
    /// A kebab-case rule name (only in lists).
    RuleName(CompactString),
    /// `[***]`: a value blacked out in the filed copy, with what is still visible.
    Redacted(Redacted),
    /// `see business_plan "section 4"`: a value set out in another document. Boxed: it is
    /// rare, and the other values must stay small (a large block holds many).
    Elsewhere(Box<Elsewhere>),
    /// `3% of net sales`: a value with what it is a share of (not a form Charter takes;
    /// lowering reports it where it stands).
    Portion(Box<Value>, String),
    List(Vec<Value>),
    Map(Vec<Entry>),
    /// A token the syntax layer has already reported (a malformed amount, a bad escape, a
    /// construct nested too deep). Later stages stay silent about it.
    Invalid,
}

impl ValueKind {
    /// What this value is, in words, for messages ("found the text "five years"").
    pub fn describe(&self) -> String {
        fn clip(s: &str) -> String {
            let mut out: String = s.chars().take(40).collect();
            if s.chars().count() > 40 {
                out.push('…');
            }
            out
        }
        match self {
            ValueKind::String(s) => format!("the text \"{}\"", clip(s)),
            ValueKind::Text(_) => "a text block".into(),
            ValueKind::Number(n) => format!("the number {n}"),
            ValueKind::Percent(p) => format!("the percentage {p}%"),
            ValueKind::Ratio(a, b) => format!("the ratio {a}/{b}"),
            ValueKind::Money(m) => format!("the amount {} {}", m.currency, m.amount),
            ValueKind::Duration(n, u) => format!("the duration {n} {}", u.name(*n)),
            ValueKind::Date(d) => format!("the date {d}"),
            ValueKind::Bound(c, v) => format!("the target `{} {}`", c.symbol(), v.kind.describe()),
            ValueKind::Word(w) => format!("the word `{w}`"),
            ValueKind::RuleName(w) => format!("the rule name `{w}`"),
            ValueKind::Redacted(r) => match r.shape {
                RedactedShape::Bare => "a redacted value `[***]`".into(),
                RedactedShape::Money(ref c) => format!("a redacted amount `{c} [***]`"),
                RedactedShape::Percent => "a redacted percentage `[***]%`".into(),
                RedactedShape::Duration(u) => format!("a redacted duration `[***] {}`", u.key()),
            },
            ValueKind::Elsewhere(e) => format!("a reference to the document `{}`", e.document.name),
            ValueKind::Portion(v, of) => {
                format!(
                    "a share of something, {} of {}",
                    v.kind.describe(),
                    clip(of)
                )
            }
            ValueKind::List(_) => "a list".into(),
            ValueKind::Map(_) => "a map `{ … }`".into(),
            ValueKind::Invalid => "a value with an error".into(),
        }
    }
}

/// What a redacted value still shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redacted {
    pub shape: RedactedShape,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RedactedShape {
    /// `[***]`: nothing.
    Bare,
    /// `USD [***]`: the currency.
    Money(CompactString),
    /// `[***]%`: that it is a percentage.
    Percent,
    /// `[***] days`: the unit.
    Duration(Unit),
}

/// `see ID "place"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elsewhere {
    /// The id of a `document`.
    pub document: Ident,
    /// Where in it, as written (`"section 4"`).
    pub place: Option<StrLit>,
}

/// `key: value` inside a map.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Ident,
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    /// ISO 4217 code as written (three capital letters; whether it is a real currency is
    /// checked by the schema).
    pub currency: CompactString,
    pub amount: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Hours,
    Days,
    BusinessDays,
    Weeks,
    Months,
    Years,
}

impl Unit {
    /// The unit's plural name, as used in JSON (`"days"`, `"business_days"`).
    pub fn key(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::Days => "days",
            Unit::BusinessDays => "business_days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }

    /// The unit as a person writes it after `amount`.
    pub fn name(self, amount: Decimal) -> &'static str {
        let one = amount == Decimal::ONE;
        match (self, one) {
            (Unit::Hours, true) => "hour",
            (Unit::Hours, false) => "hours",
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::BusinessDays, true) => "business day",
            (Unit::BusinessDays, false) => "business days",
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::Years, true) => "year",
            (Unit::Years, false) => "years",
        }
    }
}

/// A date as written, not yet checked against the calendar (`2027-02-30` is read here and
/// reported by the schema as `invalid-date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RawDate {
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

impl std::fmt::Display for RawDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparator {
    AtLeast,
    AtMost,
    Above,
    Below,
    Exactly,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::AtMost => "<=",
            Comparator::Above => ">",
            Comparator::Below => "<",
            Comparator::Exactly => "=",
        }
    }
}

#[cfg(test)]
mod size {
    /// A large block holds many values: keep each small.
    #[test]
    fn values_stay_small() {
        assert!(
            std::mem::size_of::<super::ValueKind>() <= 48,
            "{}",
            std::mem::size_of::<super::ValueKind>()
        );
    }
}
