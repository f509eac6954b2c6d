//! Lowering the dispute ladder.

use super::*;

impl Lowerer {
    pub(super) fn disputes(&mut self, b: &Block) -> Disputes {
        let mut f = self.checked(b, &schema::DISPUTES);
        let mut steps = Vec::new();
        for (keyword, sb) in f.blocks.clone() {
            let def = match schema::DISPUTES.child(keyword) {
                Some(c) => c.block,
                None => continue,
            };
            let mut sf = self.checked(sb, def);
            let kind = match keyword {
                "negotiation" => StepKind::Negotiation {
                    between: field!(sf, "between", Typed::Word(w) => match w {
                        "managers" => Negotiators::Managers,
                        "executives" => Negotiators::Executives,
                        "senior_executives" => Negotiators::SeniorExecutives,
                        "chief_executives" => Negotiators::ChiefExecutives,
                        _ => Negotiators::AllianceManagers,
                    }),
                },
                "escalation" => StepKind::Escalation {
                    to: reference(&mut sf, "to"),
                },
                "mediation" => StepKind::Mediation {
                    provider: text(&mut sf, "provider"),
                },
                "expert" => StepKind::Expert {
                    provider: text(&mut sf, "provider"),
                    binding: boolean(&mut sf, "binding"),
                },
                "arbitration" => StepKind::Arbitration {
                    rules: text(&mut sf, "rules"),
                    seat: text(&mut sf, "seat"),
                    arbitrators: number(&mut sf, "arbitrators"),
                },
                _ => StepKind::Litigation {
                    courts: text(&mut sf, "courts"),
                },
            };
            steps.push(DisputeStep {
                kind,
                within: duration(&mut sf, "within"),
                meetings: number(&mut sf, "meetings"),
                note: text(&mut sf, "note"),
                span: sb.span,
            });
        }
        Disputes {
            steps,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
