//! Intellectual property and compliance in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn ip_and_compliance(&mut self) {
        let a = self.a;
        if a.ip.is_none() && a.compliance.is_none() && a.confidentiality.is_none() {
            return;
        }
        self.heading(2, "IP and compliance");
        if let Some(ip) = &a.ip {
            self.covers(ip.span);
            let mut s = Vec::new();
            match ip.background.as_ref().map(|b| b.value) {
                Some(BackgroundIp::Retained) => {
                    s.push("Each party keeps its background IP.".to_string())
                }
                Some(BackgroundIp::Licensed) => s.push(
                    "Each party keeps its background IP and licenses it to the alliance."
                        .to_string(),
                ),
                Some(BackgroundIp::Assigned) => s.push(match &a.entity {
                    Some(entity) => sentence(format!(
                        "The background IP a party brings to the alliance is assigned to {}",
                        e(&entity.name.value)
                    )),
                    None => "The background IP a party brings to the alliance is assigned to it."
                        .to_string(),
                }),
                None => {
                    if let Some(held) = self.held("background", ip.span) {
                        s.push(sentence(format!("Background IP: {held}")));
                    }
                }
            }
            match &ip.joint {
                Some(JointIp::JointlyOwned(_)) => {
                    s.push("IP the parties develop together is owned jointly.".into())
                }
                Some(JointIp::Creator(_)) => s.push(
                    "IP developed under the alliance is owned by the party that creates it.".into(),
                ),
                Some(JointIp::Owner(r)) => s.push(sentence(format!(
                    "IP the parties develop together is owned by {}",
                    self.name(r)
                ))),
                None => {
                    if let Some(held) = self.held("joint", ip.span) {
                        s.push(sentence(format!(
                            "Ownership of IP the parties develop together: {held}"
                        )));
                    }
                }
            }
            if let Some(r) = &ip.assigned_to {
                s.push(sentence(format!(
                    "IP a party creates under the alliance is assigned to {}",
                    self.name(r)
                )));
            }
            match ip.joint_exploitation.as_ref().map(|j| j.value) {
                Some(JointExploitation::EachFreely) => s.push(
                    "Each co-owner may exploit and license jointly owned IP without the others' consent and without sharing the proceeds.".into(),
                ),
                Some(JointExploitation::Consent) => s.push(
                    "A co-owner may exploit or license jointly owned IP only with the others' consent.".into(),
                ),
                Some(JointExploitation::Accounting) => s.push(
                    "Each co-owner may exploit and license jointly owned IP, but shares the proceeds with the others.".into(),
                ),
                None => {}
            }
            if let Some(shares) = &ip.joint_shares {
                s.push(sentence(format!(
                    "Jointly owned IP is held {}",
                    self.shares(shares)
                )));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.ip_detail(ip);
            self.labelled("After exit.", &ip.after_exit);
            self.labelled("Escrow.", &ip.escrow);
            self.note(&ip.note);
            if !ip.licenses.is_empty() {
                self.heading(3, "Licences");
                let mut table = Table::new(&[
                    "Licence",
                    "Grantor → grantee",
                    "Scope",
                    "Exclusive",
                    "Transferable",
                    "Perpetual",
                    "Royalty",
                    "Other terms",
                ]);
                for l in &ip.licenses {
                    let grantee = l
                        .grantee
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |g| e(&self.names.grantee(g)));
                    let grantor = l
                        .grantor
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |r| self.name(r));
                    let mut other = Vec::new();
                    for (flag, yes, no) in [
                        (&l.sublicensable, "sublicensable", "not sublicensable"),
                        (&l.affiliates, "extends to affiliates", "not to affiliates"),
                        (&l.irrevocable, "irrevocable", "revocable"),
                    ] {
                        if let Some(f) = flag {
                            other.push(if f.value { yes } else { no });
                        }
                    }
                    table.row(cells![
                        Cell::User(&l.title.value),
                        format!("{grantor} → {grantee}"),
                        opt_cell(&l.scope),
                        yes_no(&l.exclusive),
                        yes_no(&l.transferable),
                        yes_no(&l.perpetual),
                        l.royalty.as_ref().map_or_else(
                            || self.held("royalty", l.span).unwrap_or_default(),
                            |r| match &r.value {
                                Royalty::Percent(p) => format::percent(*p),
                                Royalty::Money(m) => format::money(m),
                            },
                        ),
                        capitalize(&other.join("; ")),
                    ]);
                }
                self.table(table);
                let notes: Vec<(String, &Option<Text>)> = ip
                    .licenses
                    .iter()
                    .map(|l| (e(&l.title.value), &l.note))
                    .collect();
                self.item_notes(notes);
            }
        }
        if let Some(cp) = &a.compliance {
            self.heading(3, "Compliance");
            self.covers(cp.span);
            let mut s = Vec::new();
            if !cp.jurisdictions.is_empty() {
                let items: Vec<String> = cp.jurisdictions.iter().map(|j| e(&j.value)).collect();
                s.push(sentence(format!(
                    "Jurisdictions covered: {}",
                    and_list(&items)
                )));
            } else if let Some(held) = self.held("jurisdictions", cp.span) {
                s.push(sentence(format!("Jurisdictions covered: {held}")));
            }
            if !cp.regimes.is_empty() {
                let items: Vec<&str> = cp.regimes.iter().map(|r| regime(r.value)).collect();
                s.push(format!("The parties comply with {}.", and_list(&items)));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.labelled("Change in law.", &cp.change_in_law);
            self.note(&cp.note);
        }
        if let Some(cf) = &a.confidentiality {
            self.heading(3, "Confidentiality");
            self.covers(cf.span);
            if let Some(t) = &cf.term {
                self.push(format!(
                    "Confidentiality obligations last {}.",
                    format::duration(t.value)
                ));
            } else if let Some(held) = self.held("term", cf.span) {
                self.push(format!(
                    "How long confidentiality obligations last: {held}."
                ));
            }
            self.note(&cf.note);
        }
    }
}

pub(super) fn regime(word: &str) -> &'static str {
    match word {
        "antitrust" => "competition (antitrust) law",
        "data_privacy" => "data-protection law",
        "export_control" => "export controls",
        "anti_bribery" => "anti-bribery law",
        "sanctions" => "sanctions regimes",
        _ => "other regulation",
    }
}

impl<'a> Sheet<'a> {
    /// Results by kind, patents, publication, and data protection.
    fn ip_detail(&mut self, ip: &'a Ip) {
        if !ip.results.is_empty() {
            let mut table = Table::new(&["Results", "Field", "Owned by"]);
            for r in &ip.results {
                let owner = match &r.owner {
                    Some(JointIp::JointlyOwned(_)) => "Jointly".to_string(),
                    Some(JointIp::Creator(_)) => "The party that creates them".to_string(),
                    Some(JointIp::Owner(o)) => self.name(o),
                    None => NONE.to_string(),
                };
                table.row(cells![
                    Cell::User(&r.title.value),
                    opt_cell(&r.field),
                    owner
                ]);
            }
            self.table(table);
        }
        let who = |s: &Self, g: &Option<Grantee>| match g {
            Some(Grantee::Party(r)) => Some(s.name(r)),
            Some(Grantee::All(_)) => Some("the owners together".to_string()),
            None => None,
        };
        if let Some(p) = &ip.patents {
            let mut s = Vec::new();
            if let Some(f) = who(self, &p.files) {
                s.push(sentence(format!(
                    "Patent applications are filed and prosecuted by {f}"
                )));
            }
            if let Some(e) = who(self, &p.enforces) {
                s.push(sentence(format!(
                    "{} may enforce the patents against infringers first",
                    capitalize(&e)
                )));
            }
            match p.costs.as_ref().map(|c| c.value) {
                Some(PatentCosts::Filer) => s.push("The party that files pays the costs.".into()),
                Some(PatentCosts::Shared) => s.push("The parties share the costs equally.".into()),
                Some(PatentCosts::ProRata) => {
                    s.push("The parties share the costs in proportion to their ownership.".into())
                }
                None => {}
            }
            if !s.is_empty() {
                self.push(format!("**Patents.** {}", s.join(" ")));
            }
            self.note(&p.note);
        }
        if let Some(p) = &ip.publication {
            let mut s = format!(
                "**Publication.** {} may publish results",
                self.parties_subject(&p.by)
            );
            let review = p
                .review
                .as_ref()
                .map(|r| format::duration(r.value))
                .or_else(|| self.held("review", p.span));
            if let Some(r) = review {
                s.push_str(&format!(
                    " after the others have had {r} to review the draft"
                ));
            }
            s.push('.');
            let delay = p
                .delay
                .as_ref()
                .map(|d| format::duration(d.value))
                .or_else(|| self.held("delay", p.span));
            if let Some(d) = delay {
                s.push_str(&format!(
                    " Publication may be held back for up to {d} more to file a patent."
                ));
            }
            self.push(s);
            self.note(&p.note);
        }
        if let Some(d) = &ip.data_protection {
            let mut s = vec![];
            match d.personal_data.as_ref().map(|p| p.value) {
                Some(true) => s.push("The parties share personal data.".to_string()),
                Some(false) => s.push("The parties share no personal data.".to_string()),
                None => {}
            }
            match d.roles.as_ref().map(|r| r.value) {
                Some(DataRoles::IndependentControllers) => {
                    s.push("Each party is a controller of the personal data it handles, on its own account.".into())
                }
                Some(DataRoles::JointControllers) => {
                    s.push("The parties are joint controllers of the personal data.".into())
                }
                Some(DataRoles::ControllerProcessor) => s.push(match &d.controller {
                    Some(c) => sentence(format!(
                        "{} is the controller; the other parties process the data on its behalf",
                        self.name(c)
                    )),
                    None => "One party is the controller, the others its processors.".into(),
                }),
                None => {}
            }
            match d.training.as_ref().map(|t| t.value) {
                Some(true) => {
                    let owner = match &d.models_owned_by {
                        Some(JointIp::JointlyOwned(_)) => {
                            ", and the models are owned jointly".to_string()
                        }
                        Some(JointIp::Creator(_)) => {
                            ", and each model is owned by the party that trains it".to_string()
                        }
                        Some(JointIp::Owner(o)) => {
                            format!(", and the models are owned by {}", self.name(o))
                        }
                        None => String::new(),
                    };
                    s.push(sentence(format!(
                        "Alliance data may be used to train machine-learning models{owner}"
                    )));
                }
                Some(false) => {
                    s.push("Alliance data may not be used to train machine-learning models.".into())
                }
                None => {}
            }
            if !s.is_empty() {
                self.push(format!("**Data protection.** {}", s.join(" ")));
            }
            self.note(&d.note);
        }
    }
}
