//! Lowering the economics: sharing of revenue and costs, fees, payments and royalties.

use super::*;

impl Lowerer {
    pub(super) fn sharing(&mut self, b: &Block) -> Sharing {
        let mut f = self.checked(b, &schema::SHARING);
        let (revenue, revenue_rule) = split(&mut f, "revenue");
        let (costs, costs_rule) = split(&mut f, "costs");
        let late_interest = f.block("late_interest").map(|l| {
            let mut lf = self.checked(l, &schema::LATE_INTEREST);
            LateInterest {
                rate: field!(lf, "rate", Typed::Percent(p) => p),
                per: cadence(&mut lf, "per"),
                above: text(&mut lf, "above"),
                note: text(&mut lf, "note"),
                span: l.span,
            }
        });
        let fees = f
            .blocks("fee")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| self.fee(x))
            .collect();
        let milestone_payments = f
            .blocks("milestone_payment")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| {
                let mut mf = self.checked(x, &schema::MILESTONE_PAYMENT);
                MilestonePayment {
                    title: title_of(x),
                    payer: reference(&mut mf, "payer"),
                    payee: reference(&mut mf, "payee"),
                    amount: money(&mut mf, "amount"),
                    on: reference(&mut mf, "on"),
                    note: text(&mut mf, "note"),
                    span: x.span,
                }
            })
            .collect();
        let royalties = f
            .blocks("royalty")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|x| self.royalty(x))
            .collect();
        Sharing {
            revenue,
            revenue_rule,
            costs,
            costs_rule,
            currency: field!(f, "currency", Typed::Word(w) => CompactString::from(w)),
            payment_terms: duration(&mut f, "payment_terms"),
            late_interest,
            fees,
            milestone_payments,
            royalties,
            method: text(&mut f, "method"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    fn fee(&mut self, x: &Block) -> Fee {
        let mut f = self.checked(x, &schema::FEE);
        let fee = Fee {
            title: title_of(x),
            payer: reference(&mut f, "payer"),
            payee: reference(&mut f, "payee"),
            amount: money(&mut f, "amount"),
            rate: field!(f, "rate", Typed::Percent(p) => p),
            of: text(&mut f, "of"),
            per: per(&mut f),
            cap: money_or_percent(&mut f, "cap"),
            floor: money_or_percent(&mut f, "floor"),
            note: text(&mut f, "note"),
            span: x.span,
        };
        self.amount_or_rate(
            x,
            "fee",
            fee.amount.is_some(),
            fee.rate.is_some(),
            "of",
            fee.of.is_some(),
        );
        fee
    }

    fn royalty(&mut self, x: &Block) -> RoyaltyTerms {
        let mut f = self.checked(x, &schema::ROYALTY);
        let royalty = RoyaltyTerms {
            title: title_of(x),
            payer: reference(&mut f, "payer"),
            payee: reference(&mut f, "payee"),
            rate: field!(f, "rate", Typed::Percent(p) => p),
            amount: money(&mut f, "amount"),
            per: per(&mut f),
            base: field!(f, "base", Typed::Base(b) => b),
            term: duration(&mut f, "term"),
            note: text(&mut f, "note"),
            span: x.span,
        };
        self.amount_or_rate(
            x,
            "royalty",
            royalty.amount.is_some(),
            royalty.rate.is_some(),
            "base",
            royalty.base.is_some(),
        );
        royalty
    }

    /// A fee or royalty states an `amount` or a `rate`, and a rate says what it is a
    /// percentage of (`base_key`). Values written but unreadable or withheld count.
    fn amount_or_rate(
        &mut self,
        x: &Block,
        keyword: &str,
        amount: bool,
        rate: bool,
        base_key: &'static str,
        base: bool,
    ) {
        if has_damaged(x) {
            return;
        }
        let owner = BlockName::new(keyword, &x.labels);
        let amount = amount || self.written("amount", x.span);
        let rate = rate || self.written("rate", x.span);
        if !amount && !rate {
            self.report_missing(
                MISSING_REQUIRED,
                "required (or `amount`)",
                "rate",
                "what is paid: a percentage, or give `amount`",
                &owner,
                x.head_span(),
                false,
                Some(Ty::Percent),
            );
        } else if rate && !base && !self.written(base_key, x.span) {
            self.report_missing(
                MISSING_REQUIRED,
                "required with a `rate`",
                base_key,
                "what the rate is a percentage of",
                &owner,
                x.head_span(),
                false,
                Some(if base_key == "base" {
                    Ty::Base
                } else {
                    Ty::Str
                }),
            );
        }
    }
}

/// A split: a share map, or a rule (`each_keeps_own`, …).
fn split(
    f: &mut Fields<'_>,
    name: &str,
) -> (Option<PartyMap<Decimal>>, Option<Spanned<SplitRule>>) {
    match f.take(name) {
        Some((Typed::Shares(m), _)) => (Some(m), None),
        Some((Typed::Split(rule), span)) => (None, Some(Spanned::new(rule, span))),
        _ => (None, None),
    }
}

fn per(f: &mut Fields<'_>) -> Option<Spanned<Per>> {
    field!(f, "per", Typed::Per(p) => p)
}

fn money_or_percent(f: &mut Fields<'_>, name: &str) -> Option<Spanned<Royalty>> {
    match f.take(name) {
        Some((Typed::Royalty(r), span)) => Some(Spanned::new(r, span)),
        _ => None,
    }
}
