//! Risk in the term sheet: liability, its cap and the claims outside it, indemnities and force majeure.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn risk(&mut self) {
        let Some(l) = &self.a.liability else { return };
        self.heading(2, "Risk");
        self.covers(l.span);
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
        let whose = match &l.cap_for {
            Some(Parties::List(refs)) => format!("The liability of {}", self.names(refs)),
            Some(Parties::All(_)) | None => "Liability".to_string(),
        };
        if let Some(cap) = &l.cap {
            s.push(format!(
                "{whose} under the agreement is capped at {}.",
                format::money(&cap.value)
            ));
        } else if let Some(held) = self.held("cap", l.span) {
            s.push(format!("{whose} under the agreement is capped ({held})."));
        }
        if let Some(formula) = &l.cap_formula {
            s.push(sentence(format!(
                "{whose} is capped at {}",
                e(formula.value.trim().trim_end_matches('.'))
            )));
        }
        let has_cap =
            l.cap.is_some() || l.cap_formula.is_some() || self.held("cap", l.span).is_some();
        if let (Some(Parties::List(refs)), true) = (&l.cap_for, has_cap) {
            let free: Vec<String> = (0..self.a.parties.len())
                .filter(|i| !refs.iter().any(|r| r.party() == Some(*i)))
                .map(|i| self.party_name(i))
                .collect();
            if !free.is_empty() {
                s.push(sentence(format!(
                    "The liability of {} is not capped",
                    and_list(&free)
                )));
            }
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
        self.remedies(l);
        self.note(&l.note);
    }

    /// Warranties, indirect loss, injunctions, costs, indemnities and force majeure.
    fn remedies(&mut self, l: &'a Liability) {
        if !l.warranties.is_empty() {
            self.push("**Warranties.** The parties warrant:");
            let items: Vec<String> = l.warranties.iter().map(|w| e(&w.value)).collect();
            self.list(&items);
        }
        if let Some(d) = &l.disclaimer {
            self.push(if d.value {
                "All other warranties are disclaimed: everything else is provided \"as is\"."
            } else {
                "Warranties implied by law are not disclaimed."
            });
        }
        let mut s = Vec::new();
        if let Some(x) = &l.indirect_loss_excluded {
            s.push(if x.value {
                "No party is liable for indirect or consequential loss."
            } else {
                "Indirect and consequential loss can be recovered."
            });
        }
        if let Some(i) = &l.injunctive_relief {
            s.push(match i.value {
                Injunction::Available => "A party may seek an injunction to stop a breach.",
                Injunction::WithoutBond => {
                    "A party may seek an injunction to stop a breach, without posting a bond."
                }
                Injunction::NotAvailable => "No party may seek an injunction.",
            });
        }
        if let Some(c) = &l.costs {
            s.push(match c.value {
                Costs::LoserPays => {
                    "The losing party in a dispute pays the costs, including reasonable legal fees."
                }
                Costs::EachOwn => "Each party bears its own costs of a dispute.",
            });
        }
        if !s.is_empty() {
            self.push(s.join(" "));
        }
        if !l.indemnities.is_empty() {
            let mut table = Table::new(&["Indemnity", "Given by", "To", "Covers", "Capped"]);
            for i in &l.indemnities {
                let who = |g: &Option<Grantee>, none: &str| match g {
                    Some(Grantee::Party(r)) => self.name(r),
                    Some(Grantee::All(_)) => "Each party".to_string(),
                    None => none.to_string(),
                };
                table.row(cells![
                    Cell::User(&i.title.value),
                    who(&i.by, NONE),
                    who(&i.to, "The other parties"),
                    opt_cell(&i.covers),
                    yes_no(&i.capped),
                ]);
            }
            self.table(table);
            let notes: Vec<(String, &Option<Text>)> = l
                .indemnities
                .iter()
                .map(|i| (c(&i.title.value), &i.note))
                .collect();
            self.item_notes(notes);
        }
        for g in &l.guarantees {
            let by =
                g.by.as_ref()
                    .map_or_else(|| "A guarantor".into(), |b| e(b.value.trim()));
            let party = self.opt_name(&g.party);
            let mut s = format!("**Guarantee.** {by} guarantees the obligations of {party}");
            if let Some(c) = &g.covers {
                s.push_str(&format!(
                    ": {}",
                    lower_first(&e(c.value.trim().trim_end_matches('.')))
                ));
            }
            if let Some(cap) = &g.cap {
                s.push_str(&format!(", up to {}", format::money(&cap.value)));
            }
            s.push('.');
            self.push(s);
            self.note(&g.note);
        }
        if let Some(fm) = &l.force_majeure {
            let mut s = String::from("**Force majeure.**");
            if fm.events.is_empty() {
                s.push_str(" A party is excused while events beyond its control prevent it from performing.");
            } else {
                let events: Vec<String> = fm
                    .events
                    .iter()
                    .map(|x| lower_first(&e(&x.value)))
                    .collect();
                s.push_str(&format!(
                    " A party is excused while events beyond its control prevent it from performing: {}.",
                    and_list(&events)
                ));
            }
            if let Some(n) = &fm.notice {
                s.push_str(&format!(
                    " It must tell the others within {}.",
                    format::duration(n.value)
                ));
            }
            match &fm.longstop {
                Some(d) => s.push_str(&format!(
                    " If force majeure lasts more than {}, the other parties may terminate.",
                    format::duration(d.value)
                )),
                None => s.push_str(" No period is set after which the others may terminate."),
            }
            self.push(s);
            self.note(&fm.note);
        }
    }
}
