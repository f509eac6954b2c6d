//! One term's value, borrowed from either version: when two values are the same term, how
//! to show one as the term sheet writes it, and which way a change goes.

use super::walker::Side;
use crate::emit::format;
use crate::model::*;
use crate::span::Spanned;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// A value of the model, borrowed. Constructing one costs nothing; it is shown (and so
/// allocated) only when it changed.
#[derive(Clone, Copy, Debug)]
pub(super) enum V<'a> {
    /// User text: a string or a text block. Compared with its white space normalised, so
    /// reflowed prose is not a change.
    Text(&'a str),
    /// An enumeration word, already as the term sheet writes it.
    Word(&'static str),
    Bool(bool),
    Number(Decimal),
    Percent(Decimal),
    Money(&'a Money),
    Duration(Duration),
    Date(Date),
    Cadence(Cadence),
    Decision(&'a Decision),
    Bound(&'a Bound),
    Royalty(&'a Royalty),
    Term(Term),
    /// A party, committee or the entity, compared by id, shown by name.
    Ref(&'a Ref),
    Parties(&'a Parties),
    Grantee(&'a Grantee),
    Chair(&'a Chair),
    JointIp(&'a JointIp),
    DataAccess(&'a DataAccess),
    Owner(&'a Owner),
    ThirdParties(&'a ThirdParties),
}

/// How a changed value moved, for the verb of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Trend {
    Up,
    Down,
    /// Written differently, same meaning (`12 months` and `1 year`).
    Equivalent,
    /// Not comparable (different currencies, words, texts).
    Other,
}

/// Prose with its white space normalised: paragraphs (separated by blank lines) with runs
/// of white space as one space, joined by a blank line.
pub(super) fn normalize(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.extend(line.split_whitespace());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

/// Whether two texts read the same once white space is normalised (without allocating
/// when they are byte for byte equal).
pub(super) fn same_text(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

fn same_ids(a: &[Ref], b: &[Ref]) -> bool {
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.id == y.id) {
        return true;
    }
    let mut x: Vec<&str> = a.iter().map(|r| r.id.as_str()).collect();
    let mut y: Vec<&str> = b.iter().map(|r| r.id.as_str()).collect();
    x.sort_unstable();
    x.dedup();
    y.sort_unstable();
    y.dedup();
    x == y
}

fn same_money(a: &Money, b: &Money) -> bool {
    a.currency == b.currency && a.amount == b.amount
}

fn same_quantity(a: &Quantity, b: &Quantity) -> bool {
    match (a, b) {
        (Quantity::Number(x), Quantity::Number(y)) => x == y,
        (Quantity::Percent(x), Quantity::Percent(y)) => x == y,
        (Quantity::Money(x), Quantity::Money(y)) => same_money(x, y),
        (Quantity::Duration(x), Quantity::Duration(y)) => x == y,
        _ => false,
    }
}

fn same_decision(a: &Decision, b: &Decision) -> bool {
    match (a, b) {
        // 2/3 and 4/6 are the same supermajority.
        (Decision::Ratio(n1, d1), Decision::Ratio(n2, d2)) => {
            match (n1.checked_mul(*d2), n2.checked_mul(*d1)) {
                (Some(x), Some(y)) => x == y,
                _ => n1 == n2 && d1 == d2,
            }
        }
        _ => a == b,
    }
}

impl V<'_> {
    /// Whether the two values are the same term.
    pub(super) fn same(&self, other: &V<'_>) -> bool {
        match (*self, *other) {
            (V::Text(a), V::Text(b)) => same_text(a, b),
            (V::Word(a), V::Word(b)) => a == b,
            (V::Bool(a), V::Bool(b)) => a == b,
            (V::Number(a), V::Number(b)) | (V::Percent(a), V::Percent(b)) => a == b,
            (V::Money(a), V::Money(b)) => same_money(a, b),
            (V::Duration(a), V::Duration(b)) => a == b,
            (V::Date(a), V::Date(b)) => a == b,
            (V::Cadence(a), V::Cadence(b)) => a == b,
            (V::Decision(a), V::Decision(b)) => same_decision(a, b),
            (V::Bound(a), V::Bound(b)) => {
                a.comparator == b.comparator && same_quantity(&a.quantity, &b.quantity)
            }
            (V::Royalty(a), V::Royalty(b)) => match (a, b) {
                (Royalty::Percent(x), Royalty::Percent(y)) => x == y,
                (Royalty::Money(x), Royalty::Money(y)) => same_money(x, y),
                _ => false,
            },
            (V::Term(a), V::Term(b)) => a == b,
            (V::Ref(a), V::Ref(b)) => a.id == b.id,
            (V::Parties(a), V::Parties(b)) => match (a, b) {
                (Parties::All(_), Parties::All(_)) => true,
                (Parties::List(x), Parties::List(y)) => same_ids(x, y),
                _ => false,
            },
            (V::Grantee(a), V::Grantee(b)) => match (a, b) {
                (Grantee::All(_), Grantee::All(_)) => true,
                (Grantee::Party(x), Grantee::Party(y)) => x.id == y.id,
                _ => false,
            },
            (V::Chair(a), V::Chair(b)) => match (a, b) {
                (Chair::Rotating(_), Chair::Rotating(_)) => true,
                (Chair::Party(x), Chair::Party(y)) => x.id == y.id,
                _ => false,
            },
            (V::JointIp(a), V::JointIp(b)) => match (a, b) {
                (JointIp::JointlyOwned(_), JointIp::JointlyOwned(_))
                | (JointIp::Creator(_), JointIp::Creator(_)) => true,
                (JointIp::Owner(x), JointIp::Owner(y)) => x.id == y.id,
                _ => false,
            },
            (V::DataAccess(a), V::DataAccess(b)) => match (a, b) {
                (DataAccess::Shared(_), DataAccess::Shared(_)) => true,
                (DataAccess::Party(x), DataAccess::Party(y)) => x.id == y.id,
                _ => false,
            },
            (V::Owner(a), V::Owner(b)) => match (a, b) {
                (Owner::Joint(_), Owner::Joint(_)) => true,
                (Owner::Parties(x, _), Owner::Parties(y, _)) => same_ids(x, y),
                _ => false,
            },
            (V::ThirdParties(a), V::ThirdParties(b)) => match (a, b) {
                (ThirdParties::Allowed(x), ThirdParties::Allowed(y)) => x == y,
                (ThirdParties::Named(x), ThirdParties::Named(y)) => {
                    let norm = |v: &[Text]| {
                        let mut n: Vec<String> = v.iter().map(|t| normalize(&t.value)).collect();
                        n.sort_unstable();
                        n
                    };
                    norm(x) == norm(y)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether this is user prose (whose changes are "wording changed", not "changed").
    pub(super) fn is_prose(&self) -> bool {
        matches!(self, V::Text(_))
    }

    /// The value as the term sheet writes it, in plain text (not yet escaped), naming
    /// parties as `side` names them.
    pub(super) fn show(&self, side: &Side<'_>) -> String {
        match *self {
            V::Text(t) => normalize(t),
            V::Word(w) => w.to_string(),
            V::Bool(b) => if b { "yes" } else { "no" }.to_string(),
            V::Number(n) => format::number(n),
            V::Percent(p) => format::percent(p),
            V::Money(m) => format::money(m),
            V::Duration(d) => format::duration(d),
            V::Date(d) => format::date(d),
            V::Cadence(c) => format::cadence(c).to_string(),
            V::Decision(d) => decision(d),
            V::Bound(b) => format::bound(b),
            V::Royalty(Royalty::Percent(p)) => format::percent(*p),
            V::Royalty(Royalty::Money(m)) => format::money(m),
            V::Term(Term::Fixed(d)) => format::duration(d),
            V::Term(Term::Indefinite) => "indefinite".to_string(),
            V::Ref(r) => side.reference(r),
            V::Parties(Parties::All(_)) => "all parties".to_string(),
            V::Parties(Parties::List(refs)) => side.references(refs),
            V::Grantee(Grantee::All(_)) => "every other party".to_string(),
            V::Grantee(Grantee::Party(r)) => side.reference(r),
            V::Chair(Chair::Rotating(_)) => "rotating among the parties".to_string(),
            V::Chair(Chair::Party(r)) => side.reference(r),
            V::JointIp(JointIp::JointlyOwned(_)) => "jointly owned".to_string(),
            V::JointIp(JointIp::Creator(_)) => "owned by the party that creates it".to_string(),
            V::JointIp(JointIp::Owner(r)) => side.reference(r),
            V::DataAccess(DataAccess::Shared(_)) => "shared".to_string(),
            V::DataAccess(DataAccess::Party(r)) => side.reference(r),
            V::Owner(Owner::Joint(_)) => "joint".to_string(),
            V::Owner(Owner::Parties(refs, _)) => side.references(refs),
            V::ThirdParties(ThirdParties::Allowed(true)) => {
                "third parties may enforce the terms that benefit them".to_string()
            }
            V::ThirdParties(ThirdParties::Allowed(false)) => {
                "no third party may enforce any term".to_string()
            }
            V::ThirdParties(ThirdParties::Named(names)) => {
                let items: Vec<String> = names.iter().map(|n| normalize(&n.value)).collect();
                items.join("; ")
            }
        }
    }

    /// Which way the value moved from `self` (old) to `new`.
    pub(super) fn trend(&self, new: &V<'_>) -> Trend {
        let by = |o: Option<Ordering>| match o {
            Some(Ordering::Greater) => Trend::Up,
            Some(Ordering::Less) => Trend::Down,
            Some(Ordering::Equal) => Trend::Equivalent,
            None => Trend::Other,
        };
        match (*self, *new) {
            (V::Number(a), V::Number(b)) | (V::Percent(a), V::Percent(b)) => by(b.partial_cmp(&a)),
            (V::Money(a), V::Money(b)) if a.currency == b.currency => {
                by(b.amount.partial_cmp(&a.amount))
            }
            (V::Duration(a), V::Duration(b))
            | (V::Term(Term::Fixed(a)), V::Term(Term::Fixed(b))) => by(compare_durations(b, a)),
            (V::Term(Term::Fixed(_)), V::Term(Term::Indefinite)) => Trend::Up,
            (V::Term(Term::Indefinite), V::Term(Term::Fixed(_))) => Trend::Down,
            (V::Date(a), V::Date(b)) => by(b.partial_cmp(&a)),
            (V::Royalty(Royalty::Percent(a)), V::Royalty(Royalty::Percent(b))) => {
                by(b.partial_cmp(a))
            }
            (V::Royalty(Royalty::Money(a)), V::Royalty(Royalty::Money(b)))
                if a.currency == b.currency =>
            {
                by(b.amount.partial_cmp(&a.amount))
            }
            (V::Bound(a), V::Bound(b)) if a.comparator == b.comparator => {
                match (&a.quantity, &b.quantity) {
                    (Quantity::Number(x), Quantity::Number(y))
                    | (Quantity::Percent(x), Quantity::Percent(y)) => by(y.partial_cmp(x)),
                    (Quantity::Money(x), Quantity::Money(y)) if x.currency == y.currency => {
                        by(y.amount.partial_cmp(&x.amount))
                    }
                    (Quantity::Duration(x), Quantity::Duration(y)) => by(compare_durations(*y, *x)),
                    _ => Trend::Other,
                }
            }
            _ => Trend::Other,
        }
    }

    /// The verbs for a change up and down, after the term's label.
    pub(super) fn verbs(&self) -> (&'static str, &'static str) {
        match self {
            V::Duration(_) | V::Term(_) => ("extended", "shortened"),
            V::Date(_) => ("postponed", "brought forward"),
            V::Bound(_) => ("raised", "lowered"),
            _ => ("increased", "reduced"),
        }
    }
}

/// How a body decides, as a noun: `consensus`, `majority`, `two-thirds majority`.
fn decision(d: &Decision) -> String {
    match d {
        Decision::Consensus => "consensus".into(),
        Decision::Majority => "majority".into(),
        Decision::Unanimous => "unanimity".into(),
        Decision::Ratio(..) | Decision::Percent(_) => {
            let text = format::decision(d);
            text.strip_prefix("by a ").unwrap_or(&text).to_string()
        }
    }
}

/// Compare two durations: exactly when their units are both calendar months and years, or
/// both days and weeks; otherwise by their approximate length in days.
pub(super) fn compare_durations(a: Duration, b: Duration) -> Option<Ordering> {
    let months = |d: Duration| match d.unit {
        Unit::Months => Some(u64::from(d.amount)),
        Unit::Years => Some(u64::from(d.amount) * 12),
        _ => None,
    };
    let days = |d: Duration| match d.unit {
        Unit::Days => Some(u64::from(d.amount)),
        Unit::Weeks => Some(u64::from(d.amount) * 7),
        _ => None,
    };
    if let (Some(x), Some(y)) = (months(a), months(b)) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (days(a), days(b)) {
        return Some(x.cmp(&y));
    }
    if a.unit == b.unit {
        return Some(a.amount.cmp(&b.amount));
    }
    // Different kinds of unit: never "equivalent", only longer or shorter.
    match a.approx_days().partial_cmp(&b.approx_days()) {
        Some(Ordering::Equal) | None => None,
        other => other,
    }
}

// Reading optional model values as [`V`]s.

pub(super) fn text(t: &Option<Text>) -> Option<V<'_>> {
    t.as_ref().map(|t| V::Text(&t.value))
}

pub(super) fn number(x: &Option<Spanned<Decimal>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Number(x.value))
}

pub(super) fn percent(x: &Option<Spanned<Decimal>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Percent(x.value))
}

pub(super) fn money(x: &Option<Spanned<Money>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Money(&x.value))
}

pub(super) fn duration(x: &Option<Spanned<Duration>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Duration(x.value))
}

pub(super) fn date(x: &Option<Spanned<Date>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Date(x.value))
}

pub(super) fn cadence(x: &Option<Spanned<Cadence>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Cadence(x.value))
}

pub(super) fn boolean(x: &Option<Spanned<bool>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Bool(x.value))
}

pub(super) fn decides(x: &Option<Spanned<Decision>>) -> Option<V<'_>> {
    x.as_ref().map(|x| V::Decision(&x.value))
}

pub(super) fn reference(x: &Option<Ref>) -> Option<V<'_>> {
    x.as_ref().map(V::Ref)
}

pub(super) fn parties(x: &Option<Parties>) -> Option<V<'_>> {
    x.as_ref().map(V::Parties)
}

/// An enumeration, as words.
pub(super) fn word<T: Copy>(
    x: &Option<Spanned<T>>,
    words: fn(T) -> &'static str,
) -> Option<V<'static>> {
    x.as_ref().map(|x| V::Word(words(x.value)))
}

/// The items of a list of strings.
pub(super) fn texts(items: &[Text]) -> Vec<&str> {
    items.iter().map(|t| t.value.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_compared_without_its_line_breaks() {
        assert_eq!(normalize("  a  b\n c\n\n\n d "), "a b c\n\nd");
        assert!(same_text("one two\nthree", "one\ntwo three"));
        assert!(!same_text("one two", "one three"));
    }

    #[test]
    fn durations_compare_across_units() {
        let d = |amount, unit| Duration { amount, unit };
        assert_eq!(
            compare_durations(d(12, Unit::Months), d(1, Unit::Years)),
            Some(Ordering::Equal)
        );
        assert_eq!(
            compare_durations(d(2, Unit::Weeks), d(14, Unit::Days)),
            Some(Ordering::Equal)
        );
        assert_eq!(
            compare_durations(d(30, Unit::Days), d(90, Unit::Days)),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare_durations(d(3, Unit::Months), d(30, Unit::Days)),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_durations(d(5, Unit::BusinessDays), d(7, Unit::Days)),
            None
        );
    }
}
