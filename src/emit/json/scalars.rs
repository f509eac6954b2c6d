//! The JSON encodings of scalar values: numbers, dates, money, durations, cadences,
//! decisions, party maps and references.

use super::*;

/// A JSON number for an exact decimal, written with exactly its digits (serde_json's
/// `arbitrary_precision`): `3`, `33.5`, `18446744073709551615`, never a rounded double.
/// Trailing zeros are dropped (`55.0%` is `55`).
///
/// It holds the decimal itself, not its text: a whole number (seats, quorums, meetings,
/// nearly every number in an agreement) is written as an integer, with no text made for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number(Decimal);

impl Number {
    /// The decimal, trailing zeros dropped.
    pub fn value(&self) -> Decimal {
        self.0
    }
}

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        if d.scale() == 0 {
            if let Ok(whole) = i64::try_from(d) {
                return serializer.serialize_i64(whole);
            }
            if let Ok(whole) = u64::try_from(d) {
                return serializer.serialize_u64(whole);
            }
        }
        // `Decimal`'s text is always a plain decimal numeral (no exponent), which is a
        // JSON number.
        d.to_string()
            .parse::<serde_json::Number>()
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        serde_json::Number::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        serde_json::Number::schema_id()
    }

    fn inline_schema() -> bool {
        serde_json::Number::inline_schema()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        serde_json::Number::json_schema(generator)
    }
}

pub(super) fn num(d: Decimal) -> Number {
    Number(d.normalize())
}

/// An ISO 8601 calendar date, `2027-01-01`.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Date(String);

impl From<jiff::civil::Date> for Date {
    fn from(d: jiff::civil::Date) -> Self {
        Date(format::iso_date(d))
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "An ISO 8601 calendar date.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

pub(super) fn date(d: &Option<Spanned<jiff::civil::Date>>) -> Option<Date> {
    d.as_ref().map(|d| Date::from(d.value))
}

/// An amount of money, exact.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Money<'a> {
    /// The ISO 4217 currency code.
    #[schemars(pattern(r"^[A-Z]{3}$"))]
    pub currency: Cow<'a, str>,
    /// The amount as a decimal string with exactly two decimals, e.g. `"1200000.00"`.
    #[schemars(pattern(r"^-?[0-9]+\.[0-9]{2}$"))]
    pub amount: Cow<'a, str>,
}

impl Money<'static> {
    /// An amount the document works out (a total), not one the agreement states.
    pub(super) fn owned(money: &m::Money) -> Self {
        let Money { currency, amount } = Money::from(money);
        Money {
            currency: Cow::Owned(currency.into_owned()),
            amount: Cow::Owned(amount.into_owned()),
        }
    }
}

impl<'a> From<&'a m::Money> for Money<'a> {
    fn from(money: &'a m::Money) -> Self {
        Money {
            currency: Cow::Borrowed(money.currency.as_ref()),
            amount: format::decimal_amount(money.amount).into(),
        }
    }
}

pub(super) fn money(m: &Option<Spanned<m::Money>>) -> Option<Money<'_>> {
    m.as_ref().map(|m| Money::from(&m.value))
}

/// A length of time.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Since 2.
    Hours,
    Days,
    BusinessDays,
    Weeks,
    Months,
    Years,
}

impl From<m::Duration> for Duration {
    fn from(d: m::Duration) -> Self {
        Duration {
            amount: d.amount,
            unit: match d.unit {
                m::Unit::Hours => Unit::Hours,
                m::Unit::Days => Unit::Days,
                m::Unit::BusinessDays => Unit::BusinessDays,
                m::Unit::Weeks => Unit::Weeks,
                m::Unit::Months => Unit::Months,
                m::Unit::Years => Unit::Years,
            },
        }
    }
}

pub(super) fn duration(d: &Option<Spanned<m::Duration>>) -> Option<Duration> {
    d.as_ref().map(|d| Duration::from(d.value))
}

/// User text, borrowed from the agreement: the JSON document copies none of it.
pub(super) fn text_of(t: &m::Text) -> Cow<'_, str> {
    Cow::Borrowed(t.value.as_str())
}

pub(super) fn text(t: &Option<m::Text>) -> Option<Cow<'_, str>> {
    t.as_ref().map(text_of)
}

pub(super) fn texts(t: &[m::Text]) -> Vec<Cow<'_, str>> {
    t.iter().map(text_of).collect()
}

pub(super) fn boolean(b: &Option<Spanned<bool>>) -> Option<bool> {
    b.as_ref().map(|b| b.value)
}

pub(super) fn number(n: &Option<Spanned<Decimal>>) -> Option<Number> {
    n.as_ref().map(|n| num(n.value))
}

/// An id as the source spells it (a party's, a committee's, the entity's). It is held in
/// place when it has at most 24 bytes, as ids nearly always do, so that a reference costs
/// no allocation. It is written as a JSON string.
pub type Id = m::Id;

pub(super) fn id(r: &m::Ref) -> Id {
    r.id.clone()
}

pub(super) fn reference(r: &Option<m::Ref>) -> Option<Id> {
    r.as_ref().map(id)
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    Semiannually,
    Annually,
}

impl From<m::Cadence> for Cadence {
    fn from(c: m::Cadence) -> Self {
        match c {
            m::Cadence::Weekly => Cadence::Weekly,
            m::Cadence::Biweekly => Cadence::Biweekly,
            m::Cadence::Monthly => Cadence::Monthly,
            m::Cadence::Quarterly => Cadence::Quarterly,
            m::Cadence::Semiannually => Cadence::Semiannually,
            m::Cadence::Annually => Cadence::Annually,
        }
    }
}

pub(super) fn cadence(c: &Option<Spanned<m::Cadence>>) -> Option<Cadence> {
    c.as_ref().map(|c| c.value.into())
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    Contractual,
    Equity,
    JointVenture,
}

impl From<m::Model> for Model {
    fn from(model: m::Model) -> Self {
        match model {
            m::Model::Contractual => Model::Contractual,
            m::Model::Equity => Model::Equity,
            m::Model::JointVenture => Model::JointVenture,
        }
    }
}

/// How a committee or board decides: a word, or a supermajority as a ratio or a percent.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Decision {
    Word(DecisionWord),
    /// A supermajority as a ratio, e.g. 2/3.
    Ratio {
        numerator: Number,
        denominator: Number,
    },
    /// A supermajority as a percentage of the votes, e.g. 75.
    Percent {
        percent: Number,
    },
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionWord {
    Consensus,
    Majority,
    Unanimous,
}

pub(super) fn decision(d: &Option<Spanned<m::Decision>>) -> Option<Decision> {
    d.as_ref().map(|d| match d.value {
        m::Decision::Consensus => Decision::Word(DecisionWord::Consensus),
        m::Decision::Majority => Decision::Word(DecisionWord::Majority),
        m::Decision::Unanimous => Decision::Word(DecisionWord::Unanimous),
        m::Decision::Ratio(n, d) => Decision::Ratio {
            numerator: num(n),
            denominator: num(d),
        },
        m::Decision::Percent(p) => Decision::Percent { percent: num(p) },
    })
}

/// A party's percentage in a share map.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyPercent {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
    pub percent: Number,
}

/// A party's seats on a committee or board.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartySeats {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
    pub seats: Number,
}

/// A party's amount of money, such as its capital in the joint venture.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyAmount<'a> {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
    pub amount: Money<'a>,
}

pub(super) fn percents(map: &Option<m::PartyMap<Decimal>>) -> Option<Vec<PartyPercent>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartyPercent {
                party: id(&e.party),
                percent: num(e.value),
            })
            .collect()
    })
}

pub(super) fn seats(map: &Option<m::PartyMap<Decimal>>) -> Option<Vec<PartySeats>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartySeats {
                party: id(&e.party),
                seats: num(e.value),
            })
            .collect()
    })
}

pub(super) fn amounts(map: &Option<m::PartyMap<m::Money>>) -> Option<Vec<PartyAmount<'_>>> {
    map.as_ref().map(|map| {
        map.entries
            .iter()
            .map(|e| PartyAmount {
                party: id(&e.party),
                amount: Money::from(&e.value),
            })
            .collect()
    })
}

/// A reference to a party.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PartyRef {
    /// The party's id.
    #[schemars(with = "String")]
    pub party: Id,
}

/// A party or the joint-venture entity.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// A party's id.
    Party(#[schemars(with = "String")] Id),
    /// The entity's id.
    Entity(#[schemars(with = "String")] Id),
}

pub(super) fn holder(r: &m::Ref) -> Holder {
    match r.target {
        m::Target::Entity => Holder::Entity(id(r)),
        _ => Holder::Party(id(r)),
    }
}

/// `"all"`, or a list of party ids.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Parties {
    All(All),
    List(#[schemars(with = "Vec<String>")] Vec<Id>),
}

#[derive(Clone, Copy, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum All {
    All,
}

pub(super) fn parties(p: &Option<m::Parties>) -> Option<Parties> {
    p.as_ref().map(|p| match p {
        m::Parties::All(_) => Parties::All(All::All),
        m::Parties::List(refs) => Parties::List(refs.iter().map(id).collect()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn json(d: &str) -> String {
        let d: Decimal = d.parse().unwrap_or_default();
        serde_json::to_string(&num(d)).unwrap_or_default()
    }

    #[test]
    fn numbers_are_written_with_exactly_their_digits() {
        assert_eq!(json("3"), "3");
        assert_eq!(json("3.000"), "3");
        assert_eq!(json("-12"), "-12");
        assert_eq!(json("33.50"), "33.5");
        assert_eq!(json("0.0001"), "0.0001");
        assert_eq!(json("-0.0"), "0");
        // Past `i64`, within `u64`; and past both.
        assert_eq!(json("18446744073709551615"), "18446744073709551615");
        assert_eq!(
            json("79228162514264337593543950335"),
            "79228162514264337593543950335"
        );
        assert_eq!(
            json("-79228162514264337593543950335"),
            "-79228162514264337593543950335"
        );
    }

    proptest! {
        /// Written as the decimal's own text (trailing zeros dropped), as a JSON number.
        #[test]
        fn a_number_is_its_decimal_text(m in any::<i128>(), scale in 0u32..=28) {
            let d = Decimal::try_from_i128_with_scale(m % 10i128.pow(28), scale).unwrap_or_default();
            let text = d.normalize().to_string();
            let expected: serde_json::Number = text.parse().unwrap_or_else(|_| 0.into());
            prop_assert_eq!(serde_json::to_string(&num(d)).unwrap_or_default(), expected.to_string());
        }
    }
}
