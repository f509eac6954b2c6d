//! Lowering contributions: resources and deliverables from each party.

use super::*;

impl Lowerer {
    pub(super) fn contributions(&mut self, b: &Block) -> Contributions {
        let mut f = self.checked(b, &schema::CONTRIBUTIONS);
        let mut from = Vec::new();
        let mut seen: HashMap<CompactString, Span> = HashMap::new();
        for fb in f.blocks("from").collect::<Vec<_>>() {
            let mut ff = self.checked(fb, &schema::FROM);
            let party = match fb.labels.first() {
                Some(Label::Id(id)) => {
                    if let Some(first) = seen.get(&id.name) {
                        self.push(
                            Diagnostic::error(
                                DUPLICATE_KEY,
                                id.span,
                                format!(
                                    "the contributions of `{}` are given in two `from` blocks",
                                    id.name
                                ),
                            )
                            .with_label(*first, "the first one")
                            .with_help("merge them into one `from` block"),
                        );
                    }
                    seen.entry(id.name.clone()).or_insert(id.span);
                    self.resolve(id.as_str(), id.span, &[IdKind::Party], "from")
                }
                _ => Ref {
                    id: CompactString::default(),
                    span: fb.head_span(),
                    target: Target::Unresolved,
                },
            };
            let resources = ff
                .blocks("resource")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|r| self.resource(r))
                .collect();
            let deliverables = ff
                .blocks("deliverable")
                .collect::<Vec<_>>()
                .into_iter()
                .map(|d| {
                    let mut df = self.checked(d, &schema::DELIVERABLE);
                    Deliverable {
                        title: title_of(d),
                        due: date(&mut df, "due"),
                        acceptance: text(&mut df, "acceptance"),
                        note: text(&mut df, "note"),
                        span: d.span,
                    }
                })
                .collect();
            from.push(From {
                party,
                resources,
                deliverables,
                note: text(&mut ff, "note"),
                span: fb.span,
            });
        }
        Contributions {
            review: cadence(&mut f, "review"),
            from,
            note: text(&mut f, "note"),
            span: b.span,
        }
    }

    pub(super) fn resource(&mut self, r: &Block) -> Resource {
        let mut f = self.checked(r, &schema::RESOURCE);
        let kind = field!(f, "kind", Typed::Word(w) => ResourceKind::from_key(w).unwrap_or(ResourceKind::Other));
        let value = money(&mut f, "value");
        let license = field!(f, "license", Typed::Word(w) => match w {
            "exclusive" => LicenseTerms::Exclusive,
            "assignment" => LicenseTerms::Assignment,
            _ => LicenseTerms::NonExclusive,
        });
        let owner = BlockName::new("resource", &r.labels);
        match kind.as_ref().map(|k| k.value) {
            Some(ResourceKind::Cash)
                if value.is_none() && !has_damaged(r) && !self.written("value", r.span) =>
            {
                self.report_missing(
                    MISSING_REQUIRED,
                    "required for cash",
                    "value",
                    "how much cash",
                    &owner,
                    r.head_span(),
                    false,
                    Some(Ty::Money),
                );
            }
            Some(ResourceKind::Ip)
                if license.is_none() && !has_damaged(r) && !self.written("license", r.span) =>
            {
                self.report_missing(
                    MISSING_RECOMMENDED,
                    "expected for intellectual property",
                    "license",
                    "on what terms the IP is made available",
                    &owner,
                    r.head_span(),
                    false,
                    Some(Ty::Enum(schema::LICENSE_TERMS)),
                );
            }
            _ => {}
        }
        Resource {
            title: title_of(r),
            kind,
            value,
            fte: number(&mut f, "fte"),
            license,
            schedule: text(&mut f, "schedule"),
            note: text(&mut f, "note"),
            span: r.span,
        }
    }
}
