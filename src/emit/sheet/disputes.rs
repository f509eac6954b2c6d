//! The dispute ladder in the term sheet.

use super::*;

impl<'a> Sheet<'a> {
    pub(super) fn disputes(&mut self) {
        let Some(d) = &self.a.disputes else { return };
        self.heading(2, "Dispute resolution");
        self.covers(d.span);
        if d.steps.is_empty() {
            self.push("No dispute resolution steps are stated.");
        } else {
            self.push("Disputes go through these steps, in order:");
            let items: Vec<String> = d.steps.iter().map(|s| self.step(s)).collect();
            self.numbered(&items);
        }
        self.note(&d.note);
    }

    pub(super) fn step(&self, step: &DisputeStep) -> String {
        let mut s = match &step.kind {
            StepKind::Negotiation { between } => match between.as_ref().map(|b| b.value) {
                Some(Negotiators::AllianceManagers) => {
                    "Negotiation between the alliance managers".to_string()
                }
                Some(Negotiators::Executives) => {
                    "Negotiation between senior executives".to_string()
                }
                Some(Negotiators::Managers) => "Negotiation between managers".to_string(),
                Some(Negotiators::SeniorExecutives) => {
                    "Negotiation between senior executives".to_string()
                }
                Some(Negotiators::ChiefExecutives) => {
                    "Negotiation between the chief executives".to_string()
                }
                None => "Negotiation between the parties".to_string(),
            },
            StepKind::Escalation { to } => match to {
                Some(r) => format!("Escalation to {}", self.the_name(r)),
                None => "Escalation".to_string(),
            },
            StepKind::Mediation { provider } => match provider {
                Some(p) => format!("Mediation through {}", e(&p.value)),
                None => "Mediation".to_string(),
            },
            StepKind::Expert { provider, binding } => {
                let mut s = match provider {
                    Some(p) => format!("Expert determination (expert: {})", e(&p.value)),
                    None => "Expert determination".to_string(),
                };
                match binding.as_ref().map(|b| b.value) {
                    Some(true) => s.push_str(". The expert's decision is final and binding"),
                    Some(false) => s.push_str(". The expert's decision is not binding"),
                    None => {}
                }
                s
            }
            StepKind::Arbitration {
                rules,
                seat,
                arbitrators,
            } => {
                let mut s = String::from("Arbitration");
                if let Some(r) = rules {
                    s.push_str(&format!(" under {}", the(&r.value)));
                }
                if let Some(seat) = seat {
                    s.push_str(&format!(", seated in {}", e(&seat.value)));
                }
                if let Some(n) = arbitrators {
                    if n.value == Decimal::ONE {
                        s.push_str(", before a sole arbitrator");
                    } else {
                        s.push_str(&format!(", before {} arbitrators", count(n.value)));
                    }
                }
                s.push_str(". The award is final and binding");
                s
            }
            StepKind::Litigation { courts } => match courts {
                Some(ct) => {
                    let lower = ct.value.to_lowercase();
                    if lower.contains("court") {
                        format!("Litigation before {}", the(&ct.value))
                    } else {
                        format!("Litigation before the courts of {}", e(&ct.value))
                    }
                }
                None => "Litigation".to_string(),
            },
        };
        if let Some(w) = &step.within {
            s.push_str(&format!(", for up to {}", format::duration(w.value)));
        } else if let Some(held) = self.held("within", step.span) {
            s.push_str(&format!(", for up to a period ({held})"));
        }
        if let Some(n) = &step.meetings {
            let times = if n.value == Decimal::ONE {
                "one meeting".to_string()
            } else {
                format!("{} meetings", count(n.value))
            };
            let joint = if step.within.is_some() { " or" } else { "," };
            s.push_str(&format!(
                "{joint} until it has been discussed at {times} without agreement"
            ));
        }
        let mut s = sentence(s);
        if let Some(n) = &step.note {
            s.push(' ');
            s.push_str(&sentence(e(&n.value)));
        }
        s
    }
}
