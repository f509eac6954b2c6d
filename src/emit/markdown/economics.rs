//! Economics and risk in the term sheet: sharing of revenue and costs, liability.

use super::*;

impl Sheet<'_> {
    pub(super) fn economics(&mut self) {
        let a = self.a;
        let valued = !self.facts.total_contributions.is_empty();
        if a.sharing.is_none() && !valued {
            return;
        }
        self.heading(2, "Economics");
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
            let r = map.held.iter().find(|r| r.party() == Some(i))?;
            Some(self.held_entry(map.span, r))
        };
        let revenue_map = sharing.and_then(|s| s.revenue.as_ref());
        let cost_map = sharing.and_then(|s| s.costs.as_ref());
        let revenue_held = revenue_map.is_some_and(|m| !m.held.is_empty());
        let costs_held = cost_map.is_some_and(|m| !m.held.is_empty());
        let mut revenue_total = Some(Decimal::ZERO);
        let mut cost_total = Some(Decimal::ZERO);
        let mut shares_total = Some(Decimal::ZERO);
        for p in &self.facts.parties {
            revenue_total =
                revenue_total.and_then(|t| t.checked_add(p.revenue_share.unwrap_or_default()));
            cost_total = cost_total.and_then(|t| t.checked_add(p.cost_share.unwrap_or_default()));
            shares_total =
                shares_total.and_then(|t| t.checked_add(p.contribution_share.unwrap_or_default()));
            table.row(vec![
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
        table.row(vec![
            "Total".into(),
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
            self.labelled("Method.", &s.method);
            self.note(&s.note);
        }
    }

    pub(super) fn risk(&mut self) {
        let Some(l) = &self.a.liability else { return };
        self.heading(2, "Risk");
        let mut s = Vec::new();
        match l.own_people_and_assets.as_ref().map(|o| o.value) {
            Some(OwnPeople::EachParty) => {
                s.push("Each party is responsible for its own people and assets.".to_string())
            }
            Some(OwnPeople::Shared) => {
                s.push("The parties share responsibility for their people and assets.".to_string())
            }
            None => {}
        }
        if let Some(cap) = &l.cap {
            s.push(format!(
                "Liability under the agreement is capped at {}.",
                format::money(&cap.value)
            ));
        }
        if let Some(pool) = &l.joint_pool {
            let mut p = format!(
                "The parties keep a joint liability pool of {}",
                format::money(&pool.value)
            );
            if let Some(shares) = &l.pool_shares {
                p.push_str(&format!(", funded {}", self.shares(shares)));
            }
            s.push(sentence(p));
        }
        if !s.is_empty() {
            self.push(s.join(" "));
        }
        if !l.uncapped.is_empty() {
            self.push(if l.cap.is_some() {
                "The cap does not apply to:"
            } else {
                "These claims are not capped:"
            });
            let items: Vec<String> = l.uncapped.iter().map(|u| e(&u.value)).collect();
            self.list(&items);
        }
        self.labelled("Insurance.", &l.insurance);
        self.labelled("Liquidated damages.", &l.liquidated_damages);
        if let Some(fee) = &l.termination_fee {
            self.push(format!(
                "**Termination fee.** {}.",
                format::money(&fee.value)
            ));
        }
        if let Some(w) = &l.warranty {
            self.push(format!(
                "**Warranty.** The warranty period is {}.",
                format::duration(w.value)
            ));
        }
        self.note(&l.note);
    }
}
