//! Economics in the term sheet: sharing of revenue and costs, fees, payments and royalties.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn economics(&mut self) {
        let a = self.a;
        let valued = !self.facts.total_contributions.is_empty();
        if a.sharing.is_none() && !valued {
            return;
        }
        self.heading(2, "Economics");
        if let Some(sh) = &a.sharing {
            self.covers(sh.span);
        }
        // The table only when it has something to show.
        let split = a
            .sharing
            .as_ref()
            .is_some_and(|s| s.revenue.is_some() || s.costs.is_some());
        if !valued && !split {
            if let Some(s) = &a.sharing {
                self.payments(s);
                self.labelled("Method.", &s.method);
                self.note(&s.note);
            }
            return;
        }
        let mut table = Table::new(&[
            "Party",
            "Valued contributions",
            "Share of contributions",
            "Revenue share",
            "Cost share",
        ]);
        let money_list = |sums: &[Money]| {
            let items: Vec<String> = sums.iter().map(format::money).collect();
            and_list(&items)
        };
        let pct = |p: Option<Decimal>| p.map_or_else(String::new, format::percent);
        // A share that is redacted or set out elsewhere: said in its cell, and the column
        // has no total.
        let sharing = a.sharing.as_ref();
        let held_in = |map: Option<&PartyMap<Decimal>>, i: usize| -> Option<String> {
            let map = map?;
            let r = map.held().iter().find(|r| r.party() == Some(i))?;
            Some(self.held_entry(map.span, r))
        };
        let revenue_map = sharing.and_then(|s| s.revenue.as_ref());
        let cost_map = sharing.and_then(|s| s.costs.as_ref());
        let revenue_held = revenue_map.is_some_and(|m| !m.held().is_empty());
        let costs_held = cost_map.is_some_and(|m| !m.held().is_empty());
        let mut revenue_total = Some(Decimal::ZERO);
        let mut cost_total = Some(Decimal::ZERO);
        let mut shares_total = Some(Decimal::ZERO);
        for p in &self.facts.parties {
            revenue_total =
                revenue_total.and_then(|t| t.checked_add(p.revenue_share.unwrap_or_default()));
            cost_total = cost_total.and_then(|t| t.checked_add(p.cost_share.unwrap_or_default()));
            shares_total =
                shares_total.and_then(|t| t.checked_add(p.contribution_share.unwrap_or_default()));
            table.row(cells![
                self.party_name(p.party),
                money_list(&p.valued_contributions),
                pct(p.contribution_share),
                held_in(revenue_map, p.party).unwrap_or_else(|| pct(p.revenue_share)),
                held_in(cost_map, p.party).unwrap_or_else(|| pct(p.cost_share)),
            ]);
        }
        let has = |f: fn(&crate::emit::analysis::PartyFacts) -> Option<Decimal>| {
            self.facts.parties.iter().any(|p| f(p).is_some())
        };
        table.row(cells![
            "Total".to_string(),
            money_list(&self.facts.total_contributions),
            if has(|p| p.contribution_share) {
                pct(Some(Decimal::ONE_HUNDRED))
            } else {
                String::new()
            },
            if has(|p| p.revenue_share) && !revenue_held {
                pct(revenue_total)
            } else {
                String::new()
            },
            if has(|p| p.cost_share) && !costs_held {
                pct(cost_total)
            } else {
                String::new()
            },
        ]);
        let _ = shares_total;
        self.table(table);
        if self.facts.total_contributions.len() > 1 {
            self.push("The valued contributions use several currencies, so their shares are not compared.");
        } else if valued {
            self.push("Valued contributions are the stated values of each party's resources; resources without a value, deliverables, equity stakes and capital do not count.");
        }
        if let Some(s) = &a.sharing {
            self.payments(s);
            self.labelled("Method.", &s.method);
            self.note(&s.note);
        }
    }

    /// Splits given as rules, and the payments between the parties: fees, milestone
    /// payments, royalties, the currency, payment terms and late interest.
    fn payments(&mut self, s: &'a Sharing) {
        for (what, rule) in [("Revenue", &s.revenue_rule), ("Costs", &s.costs_rule)] {
            if let Some(r) = rule {
                let how = match (what, r.value) {
                    ("Revenue", SplitRule::EachOwn) => "each party keeps the revenue it earns",
                    (_, SplitRule::EachOwn) => "each party bears its own costs",
                    (_, SplitRule::ProRataOwnership) => "shared in proportion to ownership",
                    (_, SplitRule::ProRataContributions) => "shared in proportion to contributions",
                };
                self.push(format!("**{what}.** {}.", capitalize(how)));
            }
        }
        let mut terms = Vec::new();
        if let Some(c) = &s.currency {
            terms.push(format!("payments are made in {}", e(&c.value)));
        }
        if let Some(p) = &s.payment_terms {
            terms.push(format!(
                "invoices are paid within {}",
                format::duration(p.value)
            ));
        } else if let Some(held) = self.held("payment_terms", s.span) {
            terms.push(format!("invoices are paid within a period ({held})"));
        }
        if let Some(l) = &s.late_interest {
            let mut t = match &l.rate {
                Some(r) => format!(
                    "late payments bear interest at {}",
                    format::percent(r.value)
                ),
                None => match self.held("rate", l.span) {
                    Some(held) => format!("late payments bear interest at a rate ({held})"),
                    None => "late payments bear interest".into(),
                },
            };
            if let Some(per) = &l.per {
                t.push(' ');
                t.push_str(&per_period(per.value));
            }
            if let Some(above) = &l.above {
                t.push_str(&format!(" above {}", e(&above.value)));
            }
            terms.push(t);
        }
        if !terms.is_empty() {
            self.push(sentence(capitalize(&terms.join("; "))));
        }
        if !s.fees.is_empty() {
            let mut table = Table::new(&["Fee", "Payer", "Payee", "Amount", "Cap or floor"]);
            for f in &s.fees {
                let amount = match (&f.amount, &f.rate) {
                    (Some(m), _) => format::money(&m.value),
                    (None, Some(r)) => match &f.of {
                        Some(of) => format!("{} of {}", format::percent(r.value), e(&of.value)),
                        None => format::percent(r.value),
                    },
                    (None, None) => self
                        .held("amount", f.span)
                        .or_else(|| self.held("rate", f.span))
                        .unwrap_or_else(|| NONE.into()),
                };
                let amount = match &f.per {
                    Some(p) => format!("{amount} {}", per_text(p.value)),
                    None => amount,
                };
                let mut limits = Vec::new();
                match &f.cap {
                    Some(cap) => limits.push(format!("at most {}", royalty_text(&cap.value))),
                    None => {
                        if let Some(held) = self.held("cap", f.span) {
                            limits.push(format!("a cap: {held}"));
                        }
                    }
                }
                match &f.floor {
                    Some(floor) => limits.push(format!("at least {}", royalty_text(&floor.value))),
                    None => {
                        if let Some(held) = self.held("floor", f.span) {
                            limits.push(format!("a floor: {held}"));
                        }
                    }
                }
                table.row(cells![
                    Cell::User(&f.title.value),
                    self.opt_name(&f.payer),
                    self.opt_name(&f.payee),
                    amount,
                    if limits.is_empty() {
                        NONE.to_string()
                    } else {
                        limits.join("; ")
                    },
                ]);
            }
            self.table(table);
        }
        if !s.milestone_payments.is_empty() {
            let mut table =
                Table::new(&["Milestone payment", "Payer", "Payee", "Amount", "Due on"]);
            for p in &s.milestone_payments {
                table.row(cells![
                    Cell::User(&p.title.value),
                    self.opt_name(&p.payer),
                    self.opt_name(&p.payee),
                    p.amount.as_ref().map_or_else(
                        || self
                            .held("amount", p.span)
                            .unwrap_or_else(|| NONE.to_string()),
                        |m| format::money(&m.value),
                    ),
                    p.on.as_ref()
                        .map_or_else(|| NONE.to_string(), |r| self.name(r)),
                ]);
            }
            self.table(table);
        }
        if !s.royalties.is_empty() {
            let mut table = Table::new(&["Royalty", "Payer", "Payee", "Rate", "For"]);
            for r in &s.royalties {
                let rate = match (&r.rate, &r.amount) {
                    (Some(p), _) => {
                        let base = r
                            .base
                            .as_ref()
                            .map_or_else(String::new, |b| format!(" of {}", base_text(&b.value)));
                        format!("{}{base}", format::percent(p.value))
                    }
                    (None, Some(m)) => format::money(&m.value),
                    (None, None) => {
                        let held = self
                            .held("rate", r.span)
                            .or_else(|| self.held("amount", r.span))
                            .unwrap_or_else(|| NONE.into());
                        match &r.base {
                            Some(b) => format!("{held}, of {}", base_text(&b.value)),
                            None => held,
                        }
                    }
                };
                let rate = match &r.per {
                    Some(p) => format!("{rate} {}", per_text(p.value)),
                    None => rate,
                };
                table.row(cells![
                    Cell::User(&r.title.value),
                    self.opt_name(&r.payer),
                    self.opt_name(&r.payee),
                    rate,
                    r.term
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |t| format::duration(t.value)),
                ]);
            }
            self.table(table);
        }
        for note in s
            .fees
            .iter()
            .map(|f| &f.note)
            .chain(s.milestone_payments.iter().map(|p| &p.note))
            .chain(s.royalties.iter().map(|r| &r.note))
        {
            self.note(note);
        }
    }
}

/// `per unit`, `each quarter`.
fn per_text(p: Per) -> String {
    match p {
        Per::Unit => "per unit".into(),
        Per::Cadence(c) => per_period(c),
    }
}

/// `per month`, `per quarter`: the period a rate or a payment is for.
fn per_period(c: Cadence) -> String {
    match c {
        Cadence::Weekly => "per week",
        Cadence::Biweekly => "per fortnight",
        Cadence::Monthly => "per month",
        Cadence::Quarterly => "per quarter",
        Cadence::Semiannually => "per half-year",
        Cadence::Annually => "per year",
    }
    .into()
}

fn royalty_text(r: &Royalty) -> String {
    match r {
        Royalty::Percent(p) => format::percent(*p),
        Royalty::Money(m) => format::money(m),
    }
}

fn base_text(b: &Base) -> String {
    match b {
        Base::NetSales => "net sales".into(),
        Base::GrossSales => "gross sales".into(),
        Base::NetRevenue => "net revenue".into(),
        Base::GrossRevenue => "gross revenue".into(),
        Base::Profit => "profit".into(),
        Base::Other(t) => e(t),
    }
}
