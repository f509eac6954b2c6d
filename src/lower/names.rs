//! The id namespace: declaring the ids of parties, the entity, committees, metrics,
//! milestones and clauses, and resolving references to them.

use super::*;

impl Lowerer {
    /// Declare the ids an item introduces: parties, the entity and clauses at the top
    /// level; committees in the first `governance`; metrics and milestones in the first
    /// `metrics`. Items damaged by a syntax error mark their ids and sections as unknown.
    pub(super) fn declare_item(&mut self, item: &Item) {
        match item {
            Item::Block(b) => match b.keyword.as_str() {
                "party" => self.declare(b, IdKind::Party),
                "entity" => self.declare(b, IdKind::Entity),
                "clause" => self.declare(b, IdKind::Clause),
                "document" => self.declare(b, IdKind::Document),
                "side" => self.declare(b, IdKind::Side),
                "governance" if !self.ids.seen_governance => {
                    self.ids.seen_governance = true;
                    for inner in &b.items {
                        match inner {
                            Item::Block(c) if c.keyword.as_str() == "committee" => {
                                self.declare(c, IdKind::Committee)
                            }
                            Item::Damaged(_) => {
                                self.names.damaged_sections.insert("governance".into());
                            }
                            _ => {}
                        }
                    }
                }
                "metrics" if !self.ids.seen_metrics => {
                    self.ids.seen_metrics = true;
                    for inner in &b.items {
                        if let Item::Block(m) = inner {
                            match m.keyword.as_str() {
                                "metric" => self.declare(m, IdKind::Metric),
                                "milestone" => self.declare(m, IdKind::Milestone),
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            },
            Item::Damaged(d) => {
                if let Some(name) = &d.name {
                    self.names.damaged_sections.insert(name.name.clone());
                }
                if let Some(Label::Id(id)) = d.labels.first() {
                    self.names.damaged.insert(id.name.clone());
                }
            }
            Item::Attribute(_) => {}
        }
    }

    pub(super) fn declare(&mut self, block: &Block, kind: IdKind) {
        let Some(count) = self.ids.counts.get_mut(kind as usize) else {
            return;
        };
        let index = *count;
        *count += 1;
        let Some(Label::Id(id)) = block.labels.first() else {
            return;
        };
        if let Some(&first) = self.ids.first_span.get(&id.name) {
            let (other, _) = self.names.ids.get(&id.name).copied().unwrap_or((kind, 0));
            self.push(
                Diagnostic::error(
                    DUPLICATE_ID,
                    id.span,
                    format!(
                        "the id `{}` is already used by {}; ids of parties, committees, the entity, metrics, milestones and clauses must all differ",
                        id.name,
                        other.noun()
                    ),
                )
                .with_label(first, "first used here")
                .with_help(format!("rename one of them, for example `{}_2`", id.name)),
            );
            return;
        }
        self.ids.first_span.insert(id.name.clone(), id.span);
        self.names.ids.insert(id.name.clone(), (kind, index));
        self.names.by_kind.push((kind, id.name.clone()));
    }

    /// Resolve an id used where one of `kinds` is expected.
    /// What an id names among `kinds`, and what it names otherwise (for the message).
    pub(super) fn lookup(&self, id: &str, kinds: &[IdKind]) -> (Target, Option<(IdKind, usize)>) {
        let found = self.names.ids.get(id).copied();
        let target = match found {
            Some((IdKind::Party, i)) if kinds.contains(&IdKind::Party) => Target::Party(i),
            Some((IdKind::Committee, i)) if kinds.contains(&IdKind::Committee) => {
                Target::Committee(i)
            }
            Some((IdKind::Entity, _)) if kinds.contains(&IdKind::Entity) => Target::Entity,
            Some((IdKind::Document, i)) if kinds.contains(&IdKind::Document) => Target::Document(i),
            Some((IdKind::Milestone, i)) if kinds.contains(&IdKind::Milestone) => {
                Target::Milestone(i)
            }
            _ => Target::Unresolved,
        };
        (target, found)
    }

    /// Resolve an id used where one of `kinds` is expected. An id not declared yet is
    /// looked up again once the whole file is read.
    pub(super) fn resolve(
        &mut self,
        id: &str,
        span: Span,
        kinds: &'static [IdKind],
        key: &str,
    ) -> Ref {
        let (target, found) = self.lookup(id, kinds);
        if target == Target::Unresolved {
            match found {
                // Declared, but as something else: that will not change.
                Some(_) => self.report_unresolved(id, span, kinds, key, found),
                None => self.pending.push(Pending {
                    id: CompactString::from(id),
                    span,
                    kinds,
                    key: key.to_string(),
                    report: true,
                }),
            }
        }
        Ref {
            id: CompactString::from(id),
            span,
            target,
        }
    }

    pub(super) fn report_unresolved(
        &mut self,
        id: &str,
        span: Span,
        kinds: &[IdKind],
        key: &str,
        found: Option<(IdKind, usize)>,
    ) {
        if self.names.damaged.contains(id) || self.section_damaged(kinds) {
            return;
        }
        let wanted = kinds
            .iter()
            .map(|k| k.noun())
            .collect::<Vec<_>>()
            .join(" or ");
        let message = match found {
            Some((other, _)) => format!(
                "`{key}` names `{id}`, which is {}, not {wanted}",
                other.noun()
            ),
            None => format!(
                "`{key}` names `{id}`, but no {} has that id",
                strip_article(&wanted)
            ),
        };
        let mut d = Diagnostic::error(UNKNOWN_REFERENCE, span, message);
        let candidates: Vec<&str> = self.names.candidates(kinds).collect();
        d = match did_you_mean(id, candidates.iter().copied()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None if !candidates.is_empty() => d.with_help(format!(
                "the ids that fit here are: {}",
                candidates.join(", ")
            )),
            None => d,
        };
        self.push(d);
    }

    pub(super) fn section_damaged(&self, kinds: &[IdKind]) -> bool {
        let sections = &self.names.damaged_sections;
        kinds.iter().any(|k| match k {
            IdKind::Committee => sections.contains("governance"),
            IdKind::Entity => sections.contains("entity"),
            IdKind::Party => sections.contains("party"),
            _ => false,
        })
    }
}
