//! The equity section and the joint-venture company in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn equity(&mut self) {
        let Some(eq) = &self.a.equity else { return };
        self.heading(2, "Equity stakes");
        self.covers(eq.span);
        // The class of shares gets a column when any stake names one.
        let classes = eq.stakes.iter().any(|s| s.class.is_some());
        let mut headers = vec!["Holder", "Issuer", "Stake"];
        if classes {
            headers.push("Class of shares");
        }
        headers.extend(["Amount", "Closing"]);
        let mut table = Table::new(&headers);
        for s in &eq.stakes {
            let mut row = vec![
                self.opt_name(&s.holder),
                self.opt_name(&s.issuer),
                match stake_size(s) {
                    size if size.is_empty() => self
                        .held("percent", s.span)
                        .or_else(|| self.held("shares", s.span))
                        .unwrap_or_default(),
                    size => size,
                },
            ];
            if classes {
                row.push(
                    s.class
                        .as_ref()
                        .map_or_else(|| "—".into(), |c| e(c.value.trim().trim_end_matches('.'))),
                );
            }
            row.push(s.amount.as_ref().map_or_else(
                || self.held("amount", s.span).unwrap_or_default(),
                |m| format::money(&m.value),
            ));
            row.push(s.closing.as_ref().map_or_else(
                || self.held("closing", s.span).unwrap_or_default(),
                |d| format::date(d.value),
            ));
            table.row(row.into_iter().map(Cell::Markdown).collect());
        }
        self.table(table);
        let notes: Vec<(String, &Option<Text>)> = eq
            .stakes
            .iter()
            .map(|s| {
                (
                    format!(
                        "Stake of {} in {}",
                        self.opt_name(&s.holder),
                        self.opt_name(&s.issuer)
                    ),
                    &s.note,
                )
            })
            .collect();
        self.item_notes(notes);
        if let Some(seats) = &eq.board_seats {
            let items: Vec<String> = seats
                .entries
                .iter()
                .map(|en| self.name_and(&en.party, &format::number(en.value)))
                .collect();
            self.push(sentence(format!("Board seats: {}", and_list(&items))));
        }
        match eq.information_rights.as_ref().map(|b| b.value) {
            Some(true) => self
                .push("Each holder has information rights in the company whose shares it holds."),
            Some(false) => self.push("The holders have no information rights."),
            None => {}
        }
        self.labelled("Unwinding on exit.", &eq.unwind);
        if let Some(sv) = &eq.survives_sale {
            self.push(if sv.value {
                "The alliance goes on if a holder sells its stake."
            } else {
                "The alliance ends if a holder sells its stake."
            });
        }
        self.note(&eq.note);
    }

    pub(super) fn entity(&mut self) {
        let Some(en) = &self.a.entity else { return };
        self.heading(2, "The joint venture company");
        self.covers(en.span);
        let name = e(&self.names.reference(&Ref {
            id: en.id.value.clone(),
            span: en.id.span,
            target: Target::Entity,
        }));
        match &en.jurisdiction {
            Some(j) => self.push(sentence(format!(
                "The parties form {name}, a company incorporated in {}",
                e(&j.value)
            ))),
            None => self.push(sentence(format!("The parties form {name}"))),
        }
        let mut table = Table::new(&["Parent", "Ownership", "Capital"]);
        let mut parents: Vec<&Ref> = Vec::new();
        for map_ref in en
            .ownership
            .iter()
            .flat_map(|m| &m.entries)
            .map(|x| &x.party)
            .chain(en.capital.iter().flat_map(|m| &m.entries).map(|x| &x.party))
        {
            if !parents.iter().any(|p| p.id == map_ref.id) {
                parents.push(map_ref);
            }
        }
        for p in parents {
            let own = en
                .ownership
                .iter()
                .flat_map(|m| &m.entries)
                .find(|x| x.party.id == p.id)
                .map_or_else(String::new, |x| format::percent(x.value));
            let capital = en
                .capital
                .iter()
                .flat_map(|m| &m.entries)
                .find(|x| x.party.id == p.id)
                .map_or_else(String::new, |x| format::money(&x.value));
            table.row(cells![self.name(p), own, capital]);
        }
        self.table(table);
        self.labelled("Management.", &en.management);
        if let Some(fu) = &en.funding {
            let mut s = String::from("**Funding.**");
            if let Some(c) = &fu.commitments {
                let items: Vec<String> = c
                    .entries
                    .iter()
                    .map(|x| self.name_and(&x.party, &format::money(&x.value)))
                    .collect();
                s.push_str(&format!(
                    " The parents commit to fund: {}.",
                    and_list(&items)
                ));
            }
            if let Some(c) = &fu.calls {
                // Written as a phrase ("by the board, on 30 days' notice") or as a sentence.
                s.push_str(&format!(
                    " Capital calls: {}.",
                    e(c.value.trim().trim_end_matches('.'))
                ));
            }
            match fu.non_funding.as_ref().map(|n| n.value) {
                Some(NonFunding::Dilution) => {
                    s.push_str(" A parent that does not fund a call is diluted.")
                }
                Some(NonFunding::Loan) => s.push_str(
                    " If a parent does not fund a call, the other may fund its part as a loan.",
                ),
                Some(NonFunding::Default) => {
                    s.push_str(" A parent that does not fund a call is in default.")
                }
                Some(NonFunding::BuyOut) => {
                    s.push_str(" A parent that does not fund a call may be bought out.")
                }
                None => {}
            }
            self.push(s);
            self.note(&fu.note);
        }
        self.note(&en.note);
        if let Some(b) = &en.board {
            self.heading(3, "Board");
            self.covers(b.span);
            let mut s = match self.seats(&b.seats, &b.independent, "independent directors") {
                Some(seats) => format!("The board has {seats}."),
                None => "The board's seats are not stated.".into(),
            };
            if let Some(d) = &b.decides {
                s.push_str(&format!(" It decides {}.", format::decision(&d.value)));
            }
            if let Some(m) = &b.meets {
                s.push_str(&format!(" It meets {}.", format::cadence(m.value)));
            }
            if let Some(q) = &b.quorum {
                s.push_str(&format!(
                    " A quorum is {} directors.",
                    format::number(q.value)
                ));
            }
            match &b.chair {
                Some(Chair::Party(r)) => {
                    s.push_str(&format!(" {} appoints the chair", self.name(r)))
                }
                Some(Chair::Rotating(_)) => s.push_str(" The chair rotates between the parents"),
                None => {}
            }
            let rotating = matches!(b.chair, Some(Chair::Rotating(_)));
            match (&b.chair, b.casting_vote.as_ref().map(|c| c.value)) {
                (Some(_), Some(true)) if rotating => {
                    s.push_str(" and has a casting vote on a tie.")
                }
                (Some(_), Some(false)) if rotating => s.push_str(" and has no casting vote."),
                (Some(_), Some(true)) => s.push_str(", who has a casting vote on a tie."),
                (Some(_), Some(false)) => s.push_str(", who has no casting vote."),
                (Some(_), None) => s.push('.'),
                (None, Some(true)) => s.push_str(" The chair has a casting vote on a tie."),
                (None, Some(false)) => s.push_str(" The chair has no casting vote."),
                (None, None) => {}
            }
            if let Some(obs) = &b.observers {
                let items: Vec<String> = obs
                    .entries
                    .iter()
                    .map(|en| self.name_and(&en.party, &format::number(en.value)))
                    .collect();
                s.push_str(&format!(
                    " Observers, without a vote: {}.",
                    and_list(&items)
                ));
            }
            if let Some(a) = &b.auditor {
                s.push_str(&format!(
                    " The statutory auditor is {}.",
                    lower_first(&e(a.value.trim().trim_end_matches('.')))
                ));
            }
            self.push(s);
            if !b.reserved.is_empty() {
                self.push(match &b.reserved_decides {
                    Some(d) => format!(
                        "These matters are reserved to the parents, and are decided {}:",
                        format::decision(&d.value)
                    ),
                    None => "Each parent has a veto over:".to_string(),
                });
                let items: Vec<String> = b.reserved.iter().map(|r| e(&r.value)).collect();
                self.list(&items);
            }
            self.special_majorities(&b.special);
            self.note(&b.note);
        }
    }
}

/// The size of a stake as the table shows it: a percentage, a number of shares, or both.
fn stake_size(s: &Stake) -> String {
    let shares = s
        .shares
        .as_ref()
        .map(|n| format!("{} shares", format::number(n.value)));
    match (&s.percent, shares) {
        (Some(p), Some(n)) => format!("{} ({n})", format::percent(p.value)),
        (Some(p), None) => format::percent(p.value),
        (None, Some(n)) => n,
        (None, None) => String::new(),
    }
}
