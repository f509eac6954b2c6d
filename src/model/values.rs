//! Values: durations, money, cadences, bounds, targets, references and per-party maps.

use super::*;

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Model {
    Contractual,
    Equity,
    JointVenture,
}

impl Model {
    pub fn key(self) -> &'static str {
        match self {
            Model::Contractual => "contractual",
            Model::Equity => "equity",
            Model::JointVenture => "joint_venture",
        }
    }
}

/// A whole number of hours, days, business days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

impl Duration {
    /// `date` + this duration in calendar arithmetic (SPEC §2.2): years and months keep the
    /// day number, clamped to the last day of the month (31 January + 1 month = 28 or 29
    /// February); weeks are 7 days; business days skip Saturdays and Sundays. `None` if the
    /// result is past the year 9999.
    pub fn after(self, date: Date) -> Option<Date> {
        use jiff::civil::Weekday;
        let n = i64::from(self.amount);
        // `try_*` rather than `ToSpan`: an absurd duration must give `None`, never a panic.
        let span = |f: fn(jiff::Span, i64) -> Result<jiff::Span, jiff::Error>, n: i64| {
            f(jiff::Span::new(), n).ok()
        };
        match self.unit {
            // Dates have no hours: a period of hours ends on the day it reaches (24 hours
            // after a date is the next day; 1 to 23 hours, the same day).
            Unit::Hours => date.checked_add(span(jiff::Span::try_days, n / 24)?).ok(),
            Unit::Days => date.checked_add(span(jiff::Span::try_days, n)?).ok(),
            Unit::Weeks => date.checked_add(span(jiff::Span::try_weeks, n)?).ok(),
            Unit::Months => date.checked_add(span(jiff::Span::try_months, n)?).ok(),
            Unit::Years => date.checked_add(span(jiff::Span::try_years, n)?).ok(),
            Unit::BusinessDays => {
                // From a weekend, count as from the Friday before (the next business day is
                // the same). From a weekday, every five business days are seven days.
                let back = match date.weekday() {
                    Weekday::Saturday => 1,
                    Weekday::Sunday => 2,
                    _ => 0,
                };
                let friday_or_weekday = date.checked_sub(span(jiff::Span::try_days, back)?).ok()?;
                let mut d = friday_or_weekday
                    .checked_add(span(jiff::Span::try_days, n / 5 * 7)?)
                    .ok()?;
                let mut left = n % 5;
                while left > 0 {
                    d = d.tomorrow().ok()?;
                    if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                        left -= 1;
                    }
                }
                Some(d)
            }
        }
    }

    /// An approximate length in days, for comparing durations of different units
    /// (a month counts 30 days, a year 365, a business day 7/5 of a day, an hour 1/24).
    pub fn approx_days(self) -> Decimal {
        let n = Decimal::from(self.amount);
        match self.unit {
            Unit::Hours => n / Decimal::from(24),
            Unit::Days => n,
            Unit::BusinessDays => n * Decimal::from(7) / Decimal::from(5),
            Unit::Weeks => n * Decimal::from(7),
            Unit::Months => n * Decimal::from(30),
            Unit::Years => n * Decimal::from(365),
        }
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}",
            self.amount,
            self.unit.name(Decimal::from(self.amount))
        )
    }
}

/// How long the agreement runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    Fixed(Duration),
    Indefinite,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Money {
    /// ISO 4217 code.
    pub currency: CompactString,
    pub amount: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
    Semiannually,
    Annually,
}

impl Cadence {
    pub const ALL: [Cadence; 6] = [
        Cadence::Weekly,
        Cadence::Biweekly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::Semiannually,
        Cadence::Annually,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Semiannually => "semiannually",
            Cadence::Annually => "annually",
        }
    }

    pub fn from_key(word: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.key() == word)
    }

    /// "At least X" (SPEC §2.2): as frequent as `other`, or more. Cadences are ordered from
    /// most to least frequent.
    pub fn at_least(self, other: Cadence) -> bool {
        self <= other
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Consensus,
    Majority,
    Unanimous,
    /// A supermajority as a ratio, e.g. 2/3.
    Ratio(Decimal, Decimal),
    /// A supermajority as a percentage, e.g. 75%.
    Percent(Decimal),
}

/// A name or title as it is compared for sameness: its words, lowercased, one space apart.
/// "Selling the  Business" and "selling the business" are the same matter; the diff pairs a
/// renamed id with the item of the same name this way.
pub fn folded(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Decision {
    /// Whether the rule needs every vote, so that each party can block the decision:
    /// consensus, unanimity, or a "supermajority" of 100%.
    pub fn is_veto(&self) -> bool {
        match *self {
            Decision::Consensus | Decision::Unanimous => true,
            Decision::Majority => false,
            Decision::Ratio(a, b) => a >= b,
            Decision::Percent(p) => p >= Decimal::ONE_HUNDRED,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Quantity {
    Number(Decimal),
    Percent(Decimal),
    Money(Money),
    Duration(Duration),
}

/// A metric target: `>= USD 5,000,000`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub comparator: Comparator,
    pub quantity: Quantity,
}

/// What an id refers to once resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into [`Agreement::parties`].
    Party(usize),
    /// Index into [`Governance::committees`].
    Committee(usize),
    /// The joint-venture entity.
    Entity,
    /// Index into [`Agreement::documents`].
    Document(usize),
    /// The n-th milestone of [`Metrics::milestones`].
    Milestone(usize),
    /// Names nothing (reported as `unknown-reference`, or left to a dedicated rule).
    Unresolved,
}

/// A reference to an id, as written, with what it resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    pub id: Id,
    pub span: Span,
    pub target: Target,
}

impl Ref {
    pub fn party(&self) -> Option<usize> {
        match self.target {
            Target::Party(i) => Some(i),
            _ => None,
        }
    }
}

/// `all`, or a list of parties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parties {
    All(Span),
    List(Vec<Ref>),
}

/// One entry of a map keyed by party.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyEntry<T> {
    pub party: Ref,
    pub value: T,
    /// The whole `key: value` entry.
    pub span: Span,
}

/// A map keyed by party, such as `{ northwind: 55%, contoso: 45% }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyMap<T> {
    pub entries: Vec<PartyEntry<T>>,
    /// Parties whose value is withheld (`{ a: [***] }`): named, but not given here (see
    /// [`Agreement::withheld`]). Boxed, and absent when there are none (nearly always), so
    /// that a map costs one word for it: large agreements hold a hundred thousand maps.
    pub held: Option<Box<Vec<Ref>>>,
    pub span: Span,
}

impl<T> PartyMap<T> {
    /// The parties whose value is withheld.
    pub fn held(&self) -> &[Ref] {
        self.held.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The value of every party, indexed by party (`parties` = the number of parties), in
    /// one pass: for loops over parties, where calling [`PartyMap::get`] each time would
    /// cost the square of their number.
    pub fn by_party(&self, parties: usize) -> Vec<Option<&T>> {
        let mut out = vec![None; parties];
        for e in &self.entries {
            if let Some(slot) = e.party.party().and_then(|i| out.get_mut(i)) {
                slot.get_or_insert(&e.value);
            }
        }
        out
    }

    /// The value of one party (a linear search: in a loop over parties, use
    /// [`PartyMap::by_party`]).
    pub fn get(&self, party: usize) -> Option<&T> {
        self.entries
            .iter()
            .find(|e| e.party.party() == Some(party))
            .map(|e| &e.value)
    }
}

pub type Text = Spanned<String>;
