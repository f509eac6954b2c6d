//! Lowering governance: committees, reporting, reserved matters, scope changes.

use super::*;

impl Lowerer {
    pub(super) fn governance(&mut self, b: &Block) -> Governance {
        let mut f = self.checked(b, &schema::GOVERNANCE);
        let committees = f
            .blocks("committee")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|c| self.committee(c))
            .collect();
        let reporting = f.block("reporting").map(|r| {
            let mut rf = self.checked(r, &schema::REPORTING);
            Reporting {
                operations: cadence(&mut rf, "operations"),
                progress: cadence(&mut rf, "progress"),
                strategy: cadence(&mut rf, "strategy"),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let reserved_matters = f.block("reserved_matters").map(|r| {
            let mut rf = self.checked(r, &schema::RESERVED_MATTERS);
            let matters = strings(&mut rf, "matters");
            ReservedMatters {
                special: self.special_majorities(&rf, &matters),
                matters,
                decides: decision(&mut rf, "decides"),
                note: text(&mut rf, "note"),
                span: r.span,
            }
        });
        let scope_change = f.block("scope_change").map(|s| {
            let mut sf = self.checked(s, &schema::SCOPE_CHANGE);
            ScopeChange {
                approved_by: reference(&mut sf, "approved_by"),
                amendment_required: boolean(&mut sf, "amendment_required"),
                note: text(&mut sf, "note"),
                span: s.span,
            }
        });
        let deadlock = f.block("deadlock").map(|d| {
            let mut df = self.checked(d, &schema::DEADLOCK);
            Deadlock {
                means: text(&mut df, "means"),
                steps: field_raw!(df, "steps", Typed::Words(w) => w)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|w| {
                        DeadlockStep::from_key(w.value).map(|s| Spanned::new(s, w.span))
                    })
                    .collect(),
                within: duration(&mut df, "within"),
                device: field!(df, "device", Typed::Word(w) => DeadlockDevice::from_key(w)
                    .unwrap_or(DeadlockDevice::Dissolution)),
                note: text(&mut df, "note"),
                span: d.span,
            }
        });
        let key_persons = f
            .blocks("key_person")
            .collect::<Vec<_>>()
            .into_iter()
            .map(|k| {
                let mut kf = self.checked(k, &schema::KEY_PERSON);
                KeyPerson {
                    name: title_of(k),
                    party: reference(&mut kf, "party"),
                    role: text(&mut kf, "role"),
                    replacement: text(&mut kf, "replacement"),
                    note: text(&mut kf, "note"),
                    span: k.span,
                }
            })
            .collect();
        Governance {
            committees,
            key_persons,
            reporting,
            health_check: cadence(&mut f, "health_check"),
            reserved_matters,
            scope_change,
            deadlock,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    /// The `matter "…" { decides: … }` blocks of `fields`: reserved matters with a majority of
    /// their own. A matter written twice, or both in the list and as a block, has two majorities.
    pub(super) fn special_majorities(
        &mut self,
        fields: &Fields<'_>,
        listed: &[Text],
    ) -> Vec<SpecialMajority> {
        let mut out: Vec<SpecialMajority> = Vec::new();
        for m in fields.blocks("matter").collect::<Vec<_>>() {
            let mut mf = self.checked(m, &schema::MATTER);
            let matter = title_of(m);
            let key = folded(&matter.value);
            let same = |t: &Text| folded(&t.value) == key;
            let earlier = listed
                .iter()
                .find(|t| same(t))
                .map(|t| (t.span, "in the list of reserved matters"))
                .or_else(|| {
                    out.iter()
                        .find(|s| same(&s.matter))
                        .map(|s| (s.matter.span, "with a majority of its own"))
                });
            if let Some((at, where_)) = earlier {
                self.push(
                    Diagnostic::error(
                        DUPLICATE_KEY,
                        matter.span,
                        format!(
                            "the reserved matter \"{}\" is already written {where_}; a matter needs one majority",
                            matter.value.trim()
                        ),
                    )
                    .with_label(at, "first written here")
                    .with_help("keep one of the two, with the majority the matter needs"),
                );
            }
            out.push(SpecialMajority {
                matter,
                decides: decision(&mut mf, "decides"),
                note: text(&mut mf, "note"),
                span: m.span,
            });
        }
        out
    }

    pub(super) fn committee(&mut self, b: &Block) -> Committee {
        let mut f = self.checked(b, &schema::COMMITTEE);
        let (id, name) = id_and_title(b);
        let chair = field_raw!(f, "chair", Typed::Chair(c) => c);
        let rotation = cadence(&mut f, "rotation");
        if matches!(chair, Some(Chair::Rotating(_)))
            && rotation.is_none()
            && !self.written("rotation", b.span)
        {
            let owner = BlockName::new("committee", &b.labels);
            self.report_missing(
                MISSING_REQUIRED,
                "required when the chair rotates",
                "rotation",
                "how often the chair rotates",
                &owner,
                b.head_span(),
                false,
                Some(Ty::Cadence),
            );
        }
        let (meets, meets_when) = match f.take("meets") {
            Some((Typed::Cadence(c), span)) => (Some(Spanned::new(c, span)), None),
            Some((Typed::Word(w), span)) => {
                let occasion = if w == "on_referral" {
                    Occasion::OnReferral
                } else {
                    Occasion::AsNeeded
                };
                (None, Some(Spanned::new(occasion, span)))
            }
            _ => (None, None),
        };
        Committee {
            id,
            name,
            seats: shares(&mut f, "seats"),
            meets,
            meets_when,
            decides: decision(&mut f, "decides"),
            quorum: number(&mut f, "quorum"),
            chair,
            rotation,
            independent: number(&mut f, "independent"),
            casting_vote: boolean(&mut f, "casting_vote"),
            decides_on: strings(&mut f, "decides_on"),
            recommends: strings(&mut f, "recommends"),
            reports_to: reference(&mut f, "reports_to"),
            note: text(&mut f, "note"),
            span: b.span,
        }
    }
}
