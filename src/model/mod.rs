//! The typed agreement: what the text means, with exact money, calendar dates and resolved
//! references.
//!
//! Lowering keeps going after errors, so almost every field is optional: a missing or
//! mistyped item has been reported and is simply absent here. Every item keeps the span it
//! was written at, so that rules can point at it.

use crate::span::{Span, Spanned};
pub use crate::syntax::ast::{Comparator, Unit};
use compact_str::CompactString;
use jiff::civil::Date;
use rust_decimal::Decimal;

pub type Id = CompactString;

mod agreement;
mod contributions;
mod covenants;
mod disputes;
mod economics;
mod exit;
mod governance;
mod ip;
mod liability;
mod metrics;
mod parties;
mod values;
pub use self::agreement::*;
pub use self::contributions::*;
pub use self::covenants::*;
pub use self::disputes::*;
pub use self::economics::*;
pub use self::exit::*;
pub use self::governance::*;
pub use self::ip::*;
pub use self::liability::*;
pub use self::metrics::*;
pub use self::parties::*;
pub use self::values::*;

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        let d = Duration {
            amount: 1,
            unit: Unit::Months,
        };
        assert_eq!(d.after(date(2027, 1, 31)), Some(date(2027, 2, 28)));
        assert_eq!(d.after(date(2028, 1, 31)), Some(date(2028, 2, 29)));
        let y = Duration {
            amount: 1,
            unit: Unit::Years,
        };
        assert_eq!(y.after(date(2028, 2, 29)), Some(date(2029, 2, 28)));
    }

    #[test]
    fn business_days_skip_weekends() {
        let d = Duration {
            amount: 5,
            unit: Unit::BusinessDays,
        };
        // Friday 2027-01-01 + 5 business days = Friday 2027-01-08.
        assert_eq!(d.after(date(2027, 1, 1)), Some(date(2027, 1, 8)));
        // From a Saturday, the first business day is the Monday.
        let one = Duration {
            amount: 1,
            unit: Unit::BusinessDays,
        };
        assert_eq!(one.after(date(2027, 1, 2)), Some(date(2027, 1, 4)));
        assert_eq!(d.after(date(2027, 1, 2)), Some(date(2027, 1, 8)));
        // Wednesday + 3 business days = Monday.
        let three = Duration {
            amount: 3,
            unit: Unit::BusinessDays,
        };
        assert_eq!(three.after(date(2027, 1, 6)), Some(date(2027, 1, 11)));
        // Absurd lengths give no date instead of a panic.
        let huge = Duration {
            amount: u32::MAX,
            unit: Unit::Years,
        };
        assert_eq!(huge.after(date(2027, 1, 1)), None);
    }

    #[test]
    fn cadences_compare_by_frequency() {
        assert!(Cadence::Monthly.at_least(Cadence::Quarterly));
        assert!(Cadence::Quarterly.at_least(Cadence::Quarterly));
        assert!(!Cadence::Annually.at_least(Cadence::Quarterly));
    }
}
