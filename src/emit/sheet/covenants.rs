//! The covenants in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn covenants(&mut self) {
        let Some(cv) = &self.a.covenants else { return };
        self.heading(2, "Covenants");
        self.covers(cv.span);
        let after = |d: &Option<Spanned<Duration>>| match d {
            Some(d) => format!(
                "during the term and for {} after it ends",
                format::duration(d.value)
            ),
            None => "during the term".into(),
        };
        if let Some(x) = &cv.exclusivity {
            let mut s = format!(
                "**Exclusivity.** {} {} bound by exclusivity {}.",
                self.parties_subject(&x.binds),
                verb(&x.binds, "is", "are"),
                after(&x.after_exit)
            );
            if let Some(scope) = &x.scope {
                s.push_str(&format!(" Scope: {}", sentence(e(&scope.value))));
            } else if let Some(held) = self.held("scope", x.span) {
                s.push_str(&format!(" Scope: {}", sentence(held)));
            }
            self.push(s);
            self.labelled("Carve-outs.", &x.carve_outs);
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_compete {
            let mut s = format!(
                "**Non-compete.** {} {}.",
                self.prohibition(&x.binds, "compete with the alliance"),
                after(&x.after_exit)
            );
            if let Some(scope) = &x.scope {
                s.push_str(&format!(" Scope: {}", sentence(e(&scope.value))));
            } else if let Some(held) = self.held("scope", x.span) {
                s.push_str(&format!(" Scope: {}", sentence(held)));
            }
            if let Some(t) = &x.territory {
                s.push_str(&format!(" Territory: {}", sentence(e(&t.value))));
            }
            self.push(s);
            self.labelled("Carve-outs.", &x.carve_outs);
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_solicit {
            let of: Vec<&str> = x.of.iter().map(|o| o.value).collect();
            let of = if of.is_empty() {
                "customers or employees".to_string()
            } else {
                format::or_list(&of)
            };
            self.push(format!(
                "**Non-solicitation.** {} {}.",
                self.prohibition(&x.binds, &format!("solicit the other parties' {of}")),
                after(&x.after_exit)
            ));
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_disparagement {
            self.push(format!(
                "**Non-disparagement.** {}.",
                self.prohibition(&x.binds, "disparage the other parties")
            ));
            self.note(&x.note);
        }
        for x in &cv.first_refusals {
            let (label, right) = match x.kind.as_ref().map(|k| k.value) {
                Some(RefusalKind::Refusal) => {
                    ("Right of first refusal", "a right of first refusal")
                }
                Some(RefusalKind::Offer) => ("Right of first offer", "a right of first offer"),
                Some(RefusalKind::Negotiation) => {
                    ("Right of first negotiation", "a right of first negotiation")
                }
                None => ("Right of first refusal", "a priority right"),
            };
            let mut s = sentence(format!("**{label}:** {}", e(&x.title.value)));
            let holder = x
                .holder
                .as_ref()
                .map_or_else(|| "A party".to_string(), |h| self.name(h));
            s.push_str(&format!(" {holder} has {right}"));
            if let Some(over) = &x.over {
                s.push_str(&format!(" over: {}", sentence(e(&over.value))));
            } else {
                s.push('.');
            }
            if let Some(w) = &x.window {
                s.push_str(&format!(
                    " It must exercise the right within {}.",
                    format::duration(w.value)
                ));
            }
            self.push(s);
            self.note(&x.note);
        }
        if let Some(t) = &cv.transfers {
            self.transfers(t);
        }
        if let Some(x) = &cv.most_favoured {
            let who = x
                .beneficiary
                .as_ref()
                .map_or_else(|| "A party".to_string(), |b| self.name(b));
            let mut s = format!("**Most-favoured terms.** {who} is entitled to terms at least as favourable as any other customer's");
            if let Some(scope) = &x.scope {
                s.push_str(&format!(", for: {}", e(&scope.value)));
            }
            self.push(sentence(s));
            self.note(&x.note);
        }
        for x in &cv.minimum_commitments {
            let who = x
                .party
                .as_ref()
                .map_or_else(|| "A party".to_string(), |p| self.name(p));
            let mut s = format!(
                "{} {who} commits to at least ",
                sentence(format!("**Minimum commitment:** {}", e(&x.title.value)))
            );
            match &x.amount {
                Some(m) => s.push_str(&format::money(&m.value)),
                None => match self.held("amount", x.span) {
                    Some(held) => s.push_str(&format!("an amount ({held})")),
                    None => s.push_str("an amount not yet stated"),
                },
            }
            if let Some(p) = &x.per {
                s.push_str(&format!(" {}", format::per_period(p.value)));
            }
            s.push('.');
            self.push(s);
            self.note(&x.note);
        }
        if let Some(x) = &cv.assignment {
            let mut s = String::from("**Assignment.** ");
            match x.consent_required.as_ref().map(|b| b.value) {
                Some(true) | None => s.push_str("No party may assign the agreement without the other parties' prior written consent."),
                Some(false) => s.push_str("A party may assign the agreement without the other parties' consent."),
            }
            if let Some(ex) = &x.exceptions {
                s.push_str(&format!(" Exceptions: {}", sentence(e(&ex.value))));
            }
            self.push(s);
            self.note(&x.note);
        }
        if let Some(x) = &cv.audit {
            let who = match &x.by {
                Some(Parties::List(refs)) => self.names(refs),
                _ => "Each party".into(),
            };
            let mut s = format!(
                "**Audit.** {who} may audit the other parties' performance of the agreement"
            );
            if let Some(ev) = &x.every {
                s.push_str(&format!(" {}", format::cadence(ev.value)));
            }
            if x.any_time.is_some() {
                s.push_str(" at any time");
            }
            if x.every.is_none() && x.any_time.is_none() {
                if let Some(held) = self.held("every", x.span) {
                    s.push_str(&format!(" (how often: {held})"));
                }
            }
            if let Some(n) = &x.notice {
                s.push_str(&format!(", {}", format::on_notice(n.value)));
            } else if let Some(held) = self.held("notice", x.span) {
                s.push_str(&format!(", on notice ({held})"));
            }
            s.push('.');
            self.push(s);
            self.note(&x.note);
        }
        if let Some(t) = &cv.third_party_beneficiaries {
            match &t.value {
                ThirdParties::Allowed(true) => self.push("**Third parties.** Third parties may enforce the terms of the agreement that benefit them."),
                ThirdParties::Allowed(false) => self.push("**Third parties.** No third party may enforce any term of the agreement."),
                ThirdParties::Named(names) => {
                    self.push("**Third parties.** These third parties may enforce the terms that benefit them:");
                    let items: Vec<String> = names.iter().map(|n| e(&n.value)).collect();
                    self.list(&items);
                }
            }
        }
        self.note(&cv.note);
    }
}

impl<'a> Sheet<'a> {
    /// "**Transfers.** No party may transfer its shares or its interest for 3 years. After
    /// that, …".
    fn transfers(&mut self, t: &'a Transfers) {
        let mut s = String::from("**Transfers.**");
        let lock = t
            .lock_up
            .as_ref()
            .map(|d| format::duration(d.value))
            .or_else(|| self.held("lock_up", t.span));
        if let Some(lock) = &lock {
            let who = match &t.binds {
                Some(Parties::List(refs)) => format!("{} may not", self.names(refs)),
                _ => "No party may".to_string(),
            };
            s.push_str(&format!(
                " {who} transfer its shares or its interest in the alliance for {lock} (the lock-up)."
            ));
        }
        let after = if lock.is_some() {
            "After the lock-up"
        } else {
            "Otherwise"
        };
        match t.after_lock_up.as_ref().map(|a| a.value) {
            Some(AfterLockUp::Free) => {
                s.push_str(&format!(" {after}, a party may transfer freely."))
            }
            Some(AfterLockUp::FirstRefusal) => s.push_str(&format!(
                " {after}, a transfer is subject to the rights of first refusal or offer."
            )),
            Some(AfterLockUp::Consent) => s.push_str(&format!(
                " {after}, a party may transfer only with the other parties' consent."
            )),
            None => {}
        }
        if let Some(tag) = &t.tag_along {
            s.push_str(if tag.value {
                " If a party sells, the others may join the sale on the same terms (tag-along)."
            } else {
                " The others have no right to join a sale (no tag-along)."
            });
        }
        if let Some(drag) = &t.drag_along {
            if drag.value {
                let threshold = t.drag_threshold.as_ref().map_or_else(String::new, |p| {
                    format!(" holding more than {}", format::percent(p.value))
                });
                s.push_str(&format!(
                    " A party{threshold} that sells may require the others to sell with it on the same terms (drag-along)."
                ));
            } else {
                s.push_str(" No party may make the others sell with it (no drag-along).");
            }
        }
        self.push(s);
        if !t.permitted.is_empty() {
            self.push("Permitted at any time:");
            let items: Vec<String> = t.permitted.iter().map(|p| e(&p.value)).collect();
            self.list(&items);
        }
        self.note(&t.note);
    }
}
