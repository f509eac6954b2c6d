//! Ids renamed between the two versions. A party, committee, clause, metric, milestone, side
//! or related document whose id is new but whose name (or title) is that of an item whose id
//! is gone is the same item under a new id: one editorial change, "Party id `cortexa` renamed
//! to `cortexa_ai`", and the old version is compared as if it had used the new id everywhere
//! (not a party removed and another added, with every seat and share moved).

use super::{Change, Impact, Kind, Section};
use crate::lower::refs::visit_refs;
use crate::model::*;
use crate::span::Spanned;
use std::collections::{HashMap, HashSet};

/// What kind of item was renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Party,
    Committee,
    Clause,
    Metric,
    Milestone,
    Side,
    Document,
}

impl What {
    fn noun(self) -> &'static str {
        match self {
            What::Party => "Party",
            What::Committee => "Committee",
            What::Clause => "Clause",
            What::Metric => "Metric",
            What::Milestone => "Milestone",
            What::Side => "Side",
            What::Document => "Related document",
        }
    }

    fn section(self) -> Section {
        match self {
            What::Party | What::Side => Section::Parties,
            What::Committee => Section::Governance,
            What::Clause => Section::Clauses,
            What::Metric | What::Milestone => Section::Metrics,
            What::Document => Section::Documents,
        }
    }

    /// The path of the item in the new version, as the rest of the diff writes it.
    fn path(self, id: &str) -> String {
        match self {
            What::Party => format!("parties.{id}"),
            What::Committee => format!("governance.committee.{id}"),
            What::Clause => format!("clauses.{id}"),
            What::Metric => format!("metrics.metric.{id}"),
            What::Milestone => format!("metrics.milestone.{id}"),
            What::Side => format!("sides.{id}"),
            What::Document => format!("documents.{id}"),
        }
    }
}

/// One id renamed.
#[derive(Clone, Debug)]
pub(super) struct Rename {
    what: What,
    old: Id,
    new: Id,
}

impl Rename {
    /// The change that reports it.
    pub(super) fn change(&self) -> Change {
        Change {
            path: format!("{}.id", self.what.path(&self.new)),
            kind: Kind::Changed,
            old: Some(self.old.to_string()),
            new: Some(self.new.to_string()),
            impact: Impact::Editorial,
            summary: format!(
                "{} id `{}` renamed to `{}`",
                self.what.noun(),
                self.old,
                self.new
            ),
            wording: None,
            section: self.what.section(),
        }
    }
}

/// The ids renamed from `old` to `new`.
pub(super) fn renames(old: &Agreement, new: &Agreement) -> Vec<Rename> {
    let mut out = Vec::new();
    let party = |p: &Party| (p.id.value.clone(), p.name.value.clone());
    pair(&mut out, What::Party, &old.parties, &new.parties, party);
    let committee = |c: &Committee| (c.id.value.clone(), c.name.value.clone());
    pair(
        &mut out,
        What::Committee,
        old.committees(),
        new.committees(),
        committee,
    );
    let clause = |c: &Clause| (c.id.value.clone(), c.title.value.clone());
    pair(&mut out, What::Clause, &old.clauses, &new.clauses, clause);
    let (om, nm) = (old.metrics.as_ref(), new.metrics.as_ref());
    let metric = |m: &Metric| (m.id.value.clone(), m.title.value.clone());
    pair(&mut out, What::Metric, metrics(om), metrics(nm), metric);
    let milestone = |m: &Milestone| (m.id.value.clone(), m.title.value.clone());
    pair(
        &mut out,
        What::Milestone,
        milestones(om),
        milestones(nm),
        milestone,
    );
    let side = |s: &Side| (s.id.value.clone(), s.name.value.clone());
    pair(&mut out, What::Side, &old.sides, &new.sides, side);
    let document = |d: &RelatedDocument| (d.id.value.clone(), d.title.value.clone());
    pair(
        &mut out,
        What::Document,
        &old.documents,
        &new.documents,
        document,
    );
    out
}

fn metrics(m: Option<&Metrics>) -> &[Metric] {
    m.map_or(&[], |m| m.metrics.as_slice())
}

fn milestones(m: Option<&Metrics>) -> &[Milestone] {
    m.map_or(&[], |m| m.milestones.as_slice())
}

/// Pair the items of one kind whose id is only in `old` with those whose id is only in
/// `new`, when exactly one of each has a name (compared without regard to case and spacing).
fn pair<T>(
    out: &mut Vec<Rename>,
    what: What,
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> (Id, String),
) {
    let old: Vec<(Id, String)> = old.iter().map(&key).collect();
    let new: Vec<(Id, String)> = new.iter().map(&key).collect();
    let old_ids: HashSet<&str> = old.iter().map(|(id, _)| id.as_str()).collect();
    let new_ids: HashSet<&str> = new.iter().map(|(id, _)| id.as_str()).collect();
    let by_name = |items: &[(Id, String)], others: &HashSet<&str>| {
        let mut names: HashMap<String, Vec<Id>> = HashMap::new();
        for (id, name) in items {
            let name = folded(name);
            if !name.is_empty() && !others.contains(id.as_str()) {
                names.entry(name).or_default().push(id.clone());
            }
        }
        names
    };
    let gone = by_name(&old, &new_ids);
    let fresh = by_name(&new, &old_ids);
    let mut found: Vec<Rename> = gone
        .iter()
        .filter_map(
            |(name, ids)| match (ids.as_slice(), fresh.get(name).map(Vec::as_slice)) {
                ([o], Some([n])) => Some(Rename {
                    what,
                    old: o.clone(),
                    new: n.clone(),
                }),
                _ => None,
            },
        )
        .collect();
    // In the order of the new version, for a stable report.
    found.sort_by_key(|r| new.iter().position(|(id, _)| *id == r.new));
    out.extend(found);
}

/// `old` as if it had used the new ids: the items' own ids and every reference to them.
pub(super) fn apply(old: &Agreement, renames: &[Rename]) -> Agreement {
    let mut a = old.clone();
    let new_id = |what: What, id: &Id| {
        renames
            .iter()
            .find(|r| r.what == what && r.old == *id)
            .map(|r| r.new.clone())
    };
    let rename = |what: What, id: &mut Spanned<Id>| {
        if let Some(n) = new_id(what, &id.value) {
            id.value = n;
        }
    };
    a.parties
        .iter_mut()
        .for_each(|p| rename(What::Party, &mut p.id));
    if let Some(g) = &mut a.governance {
        g.committees
            .iter_mut()
            .for_each(|c| rename(What::Committee, &mut c.id));
    }
    a.clauses
        .iter_mut()
        .for_each(|c| rename(What::Clause, &mut c.id));
    if let Some(m) = &mut a.metrics {
        m.metrics
            .iter_mut()
            .for_each(|x| rename(What::Metric, &mut x.id));
        m.milestones
            .iter_mut()
            .for_each(|x| rename(What::Milestone, &mut x.id));
    }
    a.sides
        .iter_mut()
        .for_each(|s| rename(What::Side, &mut s.id));
    a.documents
        .iter_mut()
        .for_each(|d| rename(What::Document, &mut d.id));
    visit_refs(&mut a, &mut |r| {
        let what = match r.target {
            Target::Party(_) => What::Party,
            Target::Committee(_) => What::Committee,
            Target::Milestone(_) => What::Milestone,
            Target::Document(_) => What::Document,
            Target::Entity | Target::Unresolved => return,
        };
        if let Some(n) = new_id(what, &r.id) {
            r.id = n;
        }
    });
    a
}
