//! Lowering parties and their sides, and the equity and joint-venture blocks.

use super::*;

impl Lowerer {
    pub(super) fn party(&mut self, b: &Block) -> Party {
        let mut f = self.checked(b, &schema::PARTY);
        let (id, name) = id_and_title(b);
        Party {
            id,
            name,
            role: field!(f, "role", Typed::Word(w) => match w {
                "convener" => Role::Convener,
                "lead" => Role::Lead,
                "prime_contractor" => Role::PrimeContractor,
                "subcontractor" => Role::Subcontractor,
                _ => Role::Member,
            }),
            jurisdiction: text(&mut f, "jurisdiction"),
            short: text(&mut f, "short"),
            signatory: text(&mut f, "signatory"),
            alliance_manager: text(&mut f, "alliance_manager"),
            contact: text(&mut f, "contact"),
            kind: field!(f, "kind", Typed::Word(w) => match w {
                "university" => PartyKind::University,
                "research_institute" => PartyKind::ResearchInstitute,
                "public_body" => PartyKind::PublicBody,
                "individual" => PartyKind::Individual,
                _ => PartyKind::Company,
            }),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    pub(super) fn equity(&mut self, b: &Block) -> Equity {
        let mut f = self.checked(b, &schema::EQUITY);
        let stakes = f
            .blocks("stake")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|s| {
                let mut sf = self.checked(s, &schema::STAKE);
                let percent = field!(sf, "percent", Typed::Percent(p) => p);
                let shares = number(&mut sf, "shares");
                if percent.is_none()
                    && shares.is_none()
                    && !has_damaged(s)
                    && !self.written("percent", s.span)
                    && !self.written("shares", s.span)
                {
                    self.report_missing(
                        MISSING_REQUIRED,
                        "required",
                        "percent",
                        "the size of the stake, or `shares` for a number of shares",
                        &BlockName::new("stake", &s.labels),
                        s.head_span(),
                        false,
                        Some(Ty::Percent),
                    );
                }
                Stake {
                    holder: reference(&mut sf, "holder"),
                    issuer: reference(&mut sf, "issuer"),
                    percent,
                    shares,
                    class: text(&mut sf, "class"),
                    amount: money(&mut sf, "amount"),
                    closing: date(&mut sf, "closing"),
                    note: text(&mut sf, "note"),
                    span: s.span,
                }
            })
            .collect();
        Equity {
            stakes,
            board_seats: shares(&mut f, "board_seats"),
            information_rights: boolean(&mut f, "information_rights"),
            unwind: text(&mut f, "unwind"),
            survives_sale: boolean(&mut f, "survives_sale"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    pub(super) fn entity(&mut self, b: &Block) -> Entity {
        let mut f = self.checked(b, &schema::ENTITY);
        let (id, name) = id_and_title(b);
        let board = f.block("board").map(|bb| {
            let mut bf = self.checked(bb, &schema::BOARD);
            let reserved = strings(&mut bf, "reserved");
            Board {
                special: self.special_majorities(&bf, &reserved),
                seats: shares(&mut bf, "seats"),
                independent: number(&mut bf, "independent"),
                decides: decision(&mut bf, "decides"),
                reserved,
                reserved_decides: decision(&mut bf, "reserved_decides"),
                meets: cadence(&mut bf, "meets"),
                quorum: number(&mut bf, "quorum"),
                chair: field_raw!(bf, "chair", Typed::Chair(c) => c),
                casting_vote: boolean(&mut bf, "casting_vote"),
                observers: shares(&mut bf, "observers"),
                auditor: text(&mut bf, "auditor"),
                note: text(&mut bf, "note"),
                span: bb.span,
            }
        });
        Entity {
            id,
            name,
            jurisdiction: text(&mut f, "jurisdiction"),
            ownership: shares(&mut f, "ownership"),
            capital: field_raw!(f, "capital", Typed::Amounts(m) => m),
            management: text(&mut f, "management"),
            board,
            funding: f.block("funding").map(|fb| {
                let mut ff = self.checked(fb, &schema::FUNDING);
                Funding {
                    commitments: field_raw!(ff, "commitments", Typed::Amounts(m) => m),
                    calls: text(&mut ff, "calls"),
                    non_funding: field!(ff, "non_funding", Typed::Word(w) => match w {
                        "loan" => NonFunding::Loan,
                        "default" => NonFunding::Default,
                        "buy_out" => NonFunding::BuyOut,
                        _ => NonFunding::Dilution,
                    }),
                    note: text(&mut ff, "note"),
                    span: fb.span,
                }
            }),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}

impl Lowerer {
    /// `side ID "NAME" { parties: [...] }`: parties that act as one side of the deal.
    pub(super) fn side(&mut self, b: &Block) -> Side {
        let mut f = self.checked(b, &schema::SIDE);
        let (id, name) = id_and_title(b);
        let parties = match parties(&mut f, "parties") {
            Some(Parties::List(list)) => list,
            _ => Vec::new(),
        };
        Side {
            id,
            name,
            parties,
            liability: field!(f, "liability", Typed::Word(w) => match w {
                "several" => SideLiability::Several,
                _ => SideLiability::JointAndSeveral,
            }),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    /// A party is on at most one side: a second listing is reported, and the first counts.
    pub(super) fn one_side_each(&mut self, a: &Agreement) {
        let mut seen: HashMap<usize, (&str, Span)> = HashMap::new();
        for side in &a.sides {
            for r in &side.parties {
                let Some(i) = r.party() else { continue };
                match seen.get(&i) {
                    Some((first, at)) if *first != side.id.value.as_str() => {
                        self.push(
                            Diagnostic::error(
                                DUPLICATE_KEY,
                                r.span,
                                format!(
                                    "party `{}` is already on side `{first}`; a party can be on one side only",
                                    r.id
                                ),
                            )
                            .with_label(*at, "here")
                            .with_help("remove it from one of the two sides"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(i, (side.id.value.as_str(), r.span));
                    }
                }
            }
        }
    }
}
