//! Values written the way contracts write them: `1 January 2028`, `USD 1,200,000`,
//! `90 days' notice`, `55%`, `A, B and C`.
//!
//! These return plain text. What they return from the language's own values (dates, money,
//! numbers, durations) holds no Markdown markup; names and other user text are escaped by
//! the Markdown writer, not here.

use crate::model::{
    Agreement, Bound, Cadence, Comparator, Decision, Duration, Grantee, Model, Money, Parties,
    Quantity, Ref, Target,
};
use jiff::civil::Date;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::MONTH_NAMES as MONTHS;

/// `1 January 2028`.
pub fn date(d: Date) -> String {
    let month = usize::try_from(d.month() - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

/// `2028-01-01`.
pub fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `n` in digits with comma groups of three (`1200000` → `1,200,000`), added to `out`.
fn grouped_into(out: &mut String, mut n: u128) {
    // The digits from the last, in place: a u128 has at most 39.
    let mut reversed = [0u8; 39];
    let mut len = 0;
    for slot in &mut reversed {
        *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = reversed.get(..len).unwrap_or_default();
    for (i, digit) in digits.iter().rev().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(char::from(*digit));
    }
}

/// `n`'s digits after the point, `places` of them with leading zeros (`5` in 3 places is
/// `005`), added to `out`.
fn fraction_into(out: &mut String, n: u128, places: u32) {
    let mut unit = match places {
        0 => 0,
        _ => 10u128.pow(places - 1),
    };
    while unit > 0 {
        out.push(char::from(b'0' + u8::try_from(n / unit % 10).unwrap_or(0)));
        unit /= 10;
    }
}

/// A number as written in prose: exact, no trailing zeros, comma groups (`250,000`, `1.5`).
pub fn number(n: Decimal) -> String {
    let mut out = String::new();
    number_into(&mut out, n);
    out
}

/// [`number`], added to `out`.
pub fn number_into(out: &mut String, n: Decimal) {
    let n = n.normalize();
    if n.is_sign_negative() && !n.is_zero() {
        out.push('-');
    }
    // A decimal is a 96-bit whole number over a power of ten of at most 28.
    let whole = n.mantissa().unsigned_abs();
    let over = 10u128.pow(n.scale());
    grouped_into(out, whole / over);
    if n.scale() > 0 {
        out.push('.');
        fraction_into(out, whole % over, n.scale());
    }
}

/// An amount of money: `USD 1,200,000`; cents only when there are some (`EUR 250,000.50`).
pub fn money(m: &Money) -> String {
    let mut out = String::with_capacity(m.currency.len() + 16);
    out.push_str(&m.currency);
    out.push(' ');
    money_amount_into(&mut out, m.amount);
    out
}

/// The amount alone, as [`money`] writes it.
pub fn money_amount(amount: Decimal) -> String {
    let mut out = String::new();
    money_amount_into(&mut out, amount);
    out
}

/// [`money_amount`], added to `out`.
pub fn money_amount_into(out: &mut String, amount: Decimal) {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    // In cents: rounded to two places, the scale is 0, 1 or 2. (In u128, as a decimal's 96
    // bits may not hold the amount in cents.)
    let cents =
        rounded.mantissa().unsigned_abs() * 10u128.pow(2u32.saturating_sub(rounded.scale()));
    grouped_into(out, cents / 100);
    if cents % 100 != 0 {
        out.push('.');
        fraction_into(out, cents % 100, 2);
    }
}

/// The amount with exactly two decimals and no groups, as the JSON document carries it:
/// `1200000.00`.
pub fn decimal_amount(amount: Decimal) -> String {
    format!(
        "{:.2}",
        amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    )
}

/// `55%`, `3.1%`.
pub fn percent(p: Decimal) -> String {
    let mut out = String::new();
    percent_into(&mut out, p);
    out
}

/// [`percent`], added to `out`.
pub fn percent_into(out: &mut String, p: Decimal) {
    number_into(out, p);
    out.push('%');
}

/// `90 days`, `1 year`, `15 business days`.
pub fn duration(d: Duration) -> String {
    d.to_string()
}

/// `90 days' notice`, `1 month's notice`; a notice of nothing is `with immediate effect`.
pub fn notice(d: Duration) -> String {
    if d.amount == 0 {
        "with immediate effect".into()
    } else if d.amount == 1 {
        format!("{d}'s notice")
    } else {
        format!("{d}' notice")
    }
}

/// After a verb: `on 90 days' notice`, or `with immediate effect` (not "on 0 days' notice").
pub fn on_notice(d: Duration) -> String {
    if d.amount == 0 {
        notice(d)
    } else {
        format!("on {}", notice(d))
    }
}

/// `weekly`, `every two weeks`, …: how often, after a verb ("meets quarterly").
pub fn cadence(c: Cadence) -> &'static str {
    match c {
        Cadence::Weekly => "weekly",
        Cadence::Biweekly => "every two weeks",
        Cadence::Monthly => "monthly",
        Cadence::Quarterly => "quarterly",
        Cadence::Semiannually => "every six months",
        Cadence::Annually => "annually",
    }
}

/// `each week`, `each quarter`, …: per period ("USD 1,000 each quarter").
pub fn per_period(c: Cadence) -> &'static str {
    match c {
        Cadence::Weekly => "each week",
        Cadence::Biweekly => "every two weeks",
        Cadence::Monthly => "each month",
        Cadence::Quarterly => "each quarter",
        Cadence::Semiannually => "every six months",
        Cadence::Annually => "each year",
    }
}

/// The first letter in upper case.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How a body decides, after "decides": `by consensus`, `by a two-thirds majority`.
pub fn decision(d: &Decision) -> String {
    match d {
        Decision::Consensus => "by consensus".into(),
        Decision::Majority => "by majority".into(),
        Decision::Unanimous => "unanimously".into(),
        Decision::Ratio(n, d) => format!("by a {} majority", ratio(*n, *d)),
        Decision::Percent(p) => format!("by a {} majority", percent(*p)),
    }
}

/// `two-thirds`, or `5/7` for a ratio without a common name.
fn ratio(n: Decimal, d: Decimal) -> String {
    let named = [
        (1, 2, "simple"),
        (2, 3, "two-thirds"),
        (3, 4, "three-quarters"),
        (3, 5, "three-fifths"),
        (4, 5, "four-fifths"),
    ];
    for (a, b, name) in named {
        if n == Decimal::from(a) && d == Decimal::from(b) {
            return name.into();
        }
    }
    format!("{}/{}", number(n), number(d))
}

/// `at least`, `at most`, …
pub fn comparator(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast => "at least",
        Comparator::AtMost => "at most",
        Comparator::Above => "more than",
        Comparator::Below => "less than",
        Comparator::Exactly => "exactly",
    }
}

/// A quantity: `4`, `15%`, `USD 5,000,000`, `90 days`.
pub fn quantity(q: &Quantity) -> String {
    match q {
        Quantity::Number(n) => number(*n),
        Quantity::Percent(p) => percent(*p),
        Quantity::Money(m) => money(m),
        Quantity::Duration(d) => duration(*d),
    }
}

/// A metric target: `at least USD 5,000,000`.
pub fn bound(b: &Bound) -> String {
    format!("{} {}", comparator(b.comparator), quantity(&b.quantity))
}

/// `A`, `A and B`, `A, B and C`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    join(items, "and")
}

/// [`and_list`] of `n` items, each written by `item` straight into `out`: no string is
/// made for an item (a committee's seats can list every party).
pub fn and_list_into(out: &mut String, n: usize, mut item: impl FnMut(&mut String, usize)) {
    for i in 0..n {
        if i > 0 {
            out.push_str(if i + 1 == n { " and " } else { ", " });
        }
        item(out, i);
    }
}

/// `A`, `A or B`, `A, B or C`.
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    join(items, "or")
}

fn join<S: AsRef<str>>(items: &[S], word: &str) -> String {
    let Some((last, init)) = items.split_last() else {
        return String::new();
    };
    // Written into one string of the right size: a committee's seats list every party.
    let len: usize = items.iter().map(|s| s.as_ref().len() + 2).sum();
    let mut out = String::with_capacity(len + word.len());
    for (i, item) in init.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item.as_ref());
    }
    if !init.is_empty() {
        out.push(' ');
        out.push_str(word);
        out.push(' ');
    }
    out.push_str(last.as_ref());
    out
}

/// `Contractual alliance`, `Equity alliance`, `Joint venture`.
pub fn model(m: Model) -> &'static str {
    match m {
        Model::Contractual => "Contractual alliance",
        Model::Equity => "Equity alliance",
        Model::JointVenture => "Joint venture",
    }
}

/// How an agreement names its parties, committees and entity in prose: the legal name, with
/// the id only where the legal name alone would be ambiguous (two parties with the same
/// name) or is missing. A reference that names nothing is shown as written.
///
/// The names are user text: escape them for the output they go into.
pub struct Names<'a> {
    agreement: &'a Agreement,
    /// How many parties bear each legal name (trimmed), counted once: a name that several
    /// parties bear is shown with the id. (Counting per call made the term sheet quadratic
    /// in the number of parties.)
    name_counts: foldhash::HashMap<&'a str, usize>,
    /// How many parties bear each short name: one borne by several is not used.
    short_counts: foldhash::HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    pub fn new(agreement: &'a Agreement) -> Self {
        let mut name_counts = foldhash::HashMap::default();
        let mut short_counts = foldhash::HashMap::default();
        for p in &agreement.parties {
            *name_counts.entry(p.name.value.trim()).or_insert(0) += 1;
            if let Some(s) = &p.short {
                *short_counts.entry(s.value.trim()).or_insert(0) += 1;
            }
        }
        Names {
            agreement,
            name_counts,
            short_counts,
        }
    }

    /// The party at `index` in [`Agreement::parties`], as the document calls it: by the short
    /// name the agreement defines for it, else by its legal name.
    pub fn party(&self, index: usize) -> String {
        let short = self
            .agreement
            .parties
            .get(index)
            .and_then(|p| p.short.as_ref())
            .map(|s| s.value.trim())
            .filter(|s| !s.is_empty());
        match short {
            Some(s) if self.short_counts.get(s).is_some_and(|&n| n == 1) => s.to_string(),
            _ => self.legal(index),
        }
    }

    /// The legal name of the party at `index` (with its id when several parties bear it).
    pub fn legal(&self, index: usize) -> String {
        let Some(party) = self.agreement.parties.get(index) else {
            return String::new();
        };
        let name = party.name.value.trim();
        if name.is_empty() {
            return party.id.value.to_string();
        }
        if self.name_counts.get(name).is_some_and(|&n| n > 1) {
            format!("{name} ({})", party.id.value)
        } else {
            name.to_string()
        }
    }

    /// What a reference names: a party, committee or the entity; the id as written if it
    /// names nothing.
    pub fn reference(&self, r: &Ref) -> String {
        match r.target {
            Target::Party(i) => self.party(i),
            Target::Committee(i) => self
                .agreement
                .committees()
                .get(i)
                .map(|c| fallback(&c.name.value, &c.id.value))
                .unwrap_or_else(|| r.id.to_string()),
            Target::Entity => self
                .agreement
                .entity
                .as_ref()
                .map(|e| fallback(&e.name.value, &e.id.value))
                .unwrap_or_else(|| r.id.to_string()),
            Target::Milestone(i) => self
                .agreement
                .metrics
                .as_ref()
                .and_then(|m| m.milestones.get(i))
                .map(|m| fallback(&m.title.value, &m.id.value))
                .unwrap_or_else(|| r.id.to_string()),
            Target::Document(i) => self
                .agreement
                .documents
                .get(i)
                .map(|d| fallback(&d.title.value, &d.id.value))
                .unwrap_or_else(|| r.id.to_string()),
            Target::Unresolved => r.id.to_string(),
        }
    }

    /// The names of a list of parties.
    pub fn references(&self, refs: &[Ref]) -> Vec<String> {
        refs.iter().map(|r| self.reference(r)).collect()
    }

    /// `all` or a list of parties, as the subject of a sentence: `Each party`, `A and B`.
    pub fn parties(&self, parties: &Parties) -> String {
        match parties {
            Parties::All(_) => "Each party".into(),
            Parties::List(refs) => and_list(&self.references(refs)),
        }
    }

    /// A licence's grantee.
    pub fn grantee(&self, grantee: &Grantee) -> String {
        match grantee {
            Grantee::All(_) => "every other party".into(),
            Grantee::Party(r) => self.reference(r),
        }
    }

    /// "Either party" for two parties, "Any party" for more.
    pub fn any_party(&self) -> &'static str {
        if self.agreement.parties.len() == 2 {
            "Either party"
        } else {
            "Any party"
        }
    }
}

fn fallback(name: &str, id: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        id.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use jiff::civil::date as d;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    /// Digits with comma groups of three, from text (the oracle for [`grouped_into`]).
    fn group_by_text(digits: &str) -> String {
        let len = digits.chars().count();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    /// [`number`] from the decimal's own text, as it was first written.
    fn number_by_text(n: Decimal) -> String {
        let n = n.normalize();
        let text = n.abs().to_string();
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let sign = if n.is_sign_negative() && !n.is_zero() {
            "-"
        } else {
            ""
        };
        if frac.is_empty() {
            format!("{sign}{}", group_by_text(int))
        } else {
            format!("{sign}{}.{frac}", group_by_text(int))
        }
    }

    /// [`money_amount`] from the decimal's own text, as it was first written.
    fn money_by_text(amount: Decimal) -> String {
        let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{:.2}", rounded.abs());
        let (int, cents) = text.split_once('.').unwrap_or((&text, "00"));
        let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
            "-"
        } else {
            ""
        };
        if cents.chars().all(|c| c == '0') {
            format!("{sign}{}", group_by_text(int))
        } else {
            format!("{sign}{}.{cents}", group_by_text(int))
        }
    }

    /// Any decimal: a mantissa of up to 96 bits, a scale of up to 28.
    fn any_decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        let mantissa = prop_oneof![
            -2_000i128..2_000,
            any::<i64>().prop_map(i128::from),
            any::<i128>().prop_map(|m| m % (1i128 << 96)),
        ];
        (mantissa, 0u32..=28)
            .prop_map(|(m, scale)| Decimal::try_from_i128_with_scale(m, scale).unwrap_or_default())
    }

    proptest::proptest! {
        /// Numbers and amounts written digit by digit read as the decimal's own text does.
        #[test]
        fn numbers_and_amounts_are_written_as_their_text_reads(n in any_decimal()) {
            proptest::prop_assert_eq!(number(n), number_by_text(n));
            proptest::prop_assert_eq!(money_amount(n), money_by_text(n));
        }

        /// Written straight into a string, a list and a number read as they do made one by one.
        #[test]
        fn lists_and_numbers_written_in_place_agree(
            items in proptest::collection::vec("[a-z ]{0,6}", 0..6),
            m in proptest::prelude::any::<i64>(),
            scale in 0u32..6,
        ) {
            let mut out = String::from("x");
            and_list_into(&mut out, items.len(), |out, i| out.push_str(&items[i]));
            proptest::prop_assert_eq!(out, format!("x{}", and_list(&items)));
            let n = Decimal::new(m % 100_000, scale);
            let mut out = String::from("x");
            number_into(&mut out, n);
            proptest::prop_assert_eq!(out, format!("x{}", number(n)));
        }
    }

    #[test]
    fn dates_as_contracts_write_them() {
        assert_eq!(date(d(2028, 1, 1)), "1 January 2028");
        assert_eq!(date(d(2027, 12, 31)), "31 December 2027");
        assert_eq!(iso_date(d(2027, 2, 3)), "2027-02-03");
    }

    #[test]
    fn money_has_groups_and_cents_only_when_needed() {
        let m = |c: &str, a: &str| Money {
            currency: c.into(),
            amount: dec(a),
        };
        assert_eq!(money(&m("USD", "1200000")), "USD 1,200,000");
        assert_eq!(money(&m("USD", "1200000.00")), "USD 1,200,000");
        assert_eq!(money(&m("EUR", "250000.5")), "EUR 250,000.50");
        assert_eq!(money(&m("GBP", "999")), "GBP 999");
        assert_eq!(money(&m("GBP", "0")), "GBP 0");
        assert_eq!(decimal_amount(dec("1200000")), "1200000.00");
        assert_eq!(decimal_amount(dec("0.5")), "0.50");
    }

    #[test]
    fn numbers_percents_durations() {
        assert_eq!(number(dec("250000")), "250,000");
        assert_eq!(number(dec("1.50")), "1.5");
        assert_eq!(percent(dec("55")), "55%");
        assert_eq!(percent(dec("3.10")), "3.1%");
        let days = Duration {
            amount: 90,
            unit: Unit::Days,
        };
        let month = Duration {
            amount: 1,
            unit: Unit::Months,
        };
        let bdays = Duration {
            amount: 15,
            unit: Unit::BusinessDays,
        };
        assert_eq!(notice(days), "90 days' notice");
        assert_eq!(notice(month), "1 month's notice");
        assert_eq!(notice(bdays), "15 business days' notice");
        let none = Duration { amount: 0, ..days };
        assert_eq!(notice(none), "with immediate effect");
        assert_eq!(on_notice(none), "with immediate effect");
        assert_eq!(on_notice(days), "on 90 days' notice");
    }

    #[test]
    fn lists_and_decisions() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
        assert_eq!(or_list(&["A", "B", "C"]), "A, B or C");
        assert_eq!(
            decision(&Decision::Ratio(dec("2"), dec("3"))),
            "by a two-thirds majority"
        );
        assert_eq!(decision(&Decision::Percent(dec("75"))), "by a 75% majority");
    }
}
