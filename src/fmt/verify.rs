//! Comparing syntax trees while ignoring where things were written (spans).
//!
//! Two trees are the same when they hold the same items in the same order, with the same
//! keys, keywords, labels and values. Values compare by meaning where the tree stores a
//! number: `4.5` and `4.50` are the same number (exact decimals compare equal whatever their
//! number of decimals), `1 year` and `1 years` the same duration. Text compares exactly.

use crate::syntax::ast::{Document, Item, Label, Value, ValueKind};

/// The same agreement, ignoring spans and comments.
pub fn same_tree(a: &Document, b: &Document) -> bool {
    let same_header = match (&a.header, &b.header) {
        (Some(x), Some(y)) => x.title.value == y.title.value,
        (None, None) => true,
        _ => false,
    };
    same_header && a.has_syntax_errors == b.has_syntax_errors && same_items(&a.items, &b.items)
}

/// The same items, in the same order, ignoring spans.
pub fn same_items(a: &[Item], b: &[Item]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_item(x, y))
}

/// The same item, ignoring spans.
pub fn same_item(a: &Item, b: &Item) -> bool {
    match (a, b) {
        (Item::Attribute(x), Item::Attribute(y)) => {
            x.key.name == y.key.name && same_value(&x.value, &y.value)
        }
        (Item::Block(x), Item::Block(y)) => {
            x.keyword.name == y.keyword.name
                && same_labels(&x.labels, &y.labels)
                && same_items(&x.items, &y.items)
        }
        (Item::Damaged(x), Item::Damaged(y)) => {
            x.name.as_ref().map(|n| &n.name) == y.name.as_ref().map(|n| &n.name)
                && x.is_attribute == y.is_attribute
                && same_labels(&x.labels, &y.labels)
        }
        _ => false,
    }
}

pub(crate) fn same_labels(a: &[Label], b: &[Label]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Label::Id(x), Label::Id(y)) => x.name == y.name,
            (Label::Title(x), Label::Title(y)) => x.value == y.value,
            _ => false,
        })
}

/// The same value, ignoring spans. Decimals compare by value (`4.5` equals `4.50`).
pub fn same_value(a: &Value, b: &Value) -> bool {
    use ValueKind as K;
    match (&a.kind, &b.kind) {
        (K::String(x), K::String(y)) | (K::Text(x), K::Text(y)) => x == y,
        (K::Number(x), K::Number(y)) | (K::Percent(x), K::Percent(y)) => x == y,
        (K::Ratio(x1, x2), K::Ratio(y1, y2)) => x1 == y1 && x2 == y2,
        (K::Money(x), K::Money(y)) => x == y,
        (K::Duration(x, u), K::Duration(y, v)) => x == y && u == v,
        (K::Date(x), K::Date(y)) => x == y,
        (K::Bound(c, x), K::Bound(d, y)) => c == d && same_value(x, y),
        (K::Word(x), K::Word(y)) | (K::RuleName(x), K::RuleName(y)) => x == y,
        (K::List(x), K::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q))
        }
        (K::Map(x), K::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(p, q)| p.key.name == q.key.name && same_value(&p.value, &q.value))
        }
        (K::Redacted(x), K::Redacted(y)) => x == y,
        (K::Elsewhere(x), K::Elsewhere(y)) => {
            x.document.name == y.document.name
                && x.place.as_ref().map(|p| &p.value) == y.place.as_ref().map(|p| &p.value)
        }
        (K::Portion(x, a), K::Portion(y, b)) => a == b && same_value(x, y),
        (K::Invalid, K::Invalid) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn spans_and_decimals_do_not_matter() {
        let a = parse("agreement \"T\" {\n  x: 4.5\n  y: [a, b]\n}\n").document;
        let b = parse("agreement \"T\" { x: 4.50 y: [\n a,\n b,\n] }").document;
        assert!(same_tree(&a, &b));
        let c = parse("agreement \"T\" { x: 4.5 y: [b, a] }").document;
        assert!(!same_tree(&a, &c));
        let d = parse("agreement \"U\" { x: 4.5 y: [a, b] }").document;
        assert!(!same_tree(&a, &d));
    }
}
