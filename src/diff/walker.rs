//! The machinery every section's walk shares: the two sides, the current path, comparing
//! one term, a map keyed by party, a list, and whole items matched by id or title.

use super::value::{normalize, Trend, V};
use super::words::{prose_impact, reword, same_words, wording};
use super::{Change, Impact, Kind, Section};
use crate::emit::format::and_list;
use crate::model::{Agreement, PartyMap, Ref, Target};
use std::collections::HashMap;
use std::hash::Hash;

/// A value is quoted in the summary sentence only when it is this short (in characters)
/// and on one line; longer prose is only in the old and new columns.
const SHORT: usize = 60;

/// One version of the agreement, with its parties' names ready.
pub(super) struct Side<'a> {
    pub a: &'a Agreement,
    /// How each party is named in prose: its legal name, with its id when two parties
    /// share a name, or the id when it has no name (as the term sheet names them).
    parties: Vec<String>,
    /// Party ids → their index (the first party with that id).
    ids: HashMap<&'a str, usize>,
}

impl<'a> Side<'a> {
    pub(super) fn new(a: &'a Agreement) -> Side<'a> {
        let mut same: HashMap<&str, usize> = HashMap::with_capacity(a.parties.len());
        for p in &a.parties {
            *same.entry(p.name.value.trim()).or_default() += 1;
        }
        let parties = a
            .parties
            .iter()
            .map(|p| {
                let name = p.name.value.trim();
                if name.is_empty() {
                    p.id.value.to_string()
                } else if same.get(name).copied().unwrap_or(0) > 1 {
                    format!("{name} ({})", p.id.value)
                } else {
                    name.to_string()
                }
            })
            .collect();
        let mut ids = HashMap::with_capacity(a.parties.len());
        for (i, p) in a.parties.iter().enumerate() {
            ids.entry(p.id.value.as_str()).or_insert(i);
        }
        Side { a, parties, ids }
    }

    /// The name of the party with this id, if there is one.
    pub(super) fn party(&self, id: &str) -> Option<&str> {
        self.ids
            .get(id)
            .and_then(|&i| self.parties.get(i))
            .map(String::as_str)
    }

    /// What a reference names: a party, committee or the entity; the id as written if it
    /// names nothing.
    pub(super) fn reference(&self, r: &Ref) -> String {
        let named = |name: &str, id: &str| {
            let name = name.trim();
            if name.is_empty() {
                id.to_string()
            } else {
                name.to_string()
            }
        };
        match r.target {
            Target::Party(i) => self.parties.get(i).cloned(),
            Target::Committee(i) => self
                .a
                .committees()
                .get(i)
                .map(|c| named(&c.name.value, &c.id.value)),
            Target::Entity => self
                .a
                .entity
                .as_ref()
                .map(|e| named(&e.name.value, &e.id.value)),
            Target::Milestone(i) => self
                .a
                .metrics
                .as_ref()
                .and_then(|m| m.milestones.get(i))
                .map(|m| named(&m.title.value, &m.id.value)),
            Target::Document(i) => self
                .a
                .documents
                .get(i)
                .map(|d| named(&d.title.value, &d.id.value)),
            Target::Unresolved => None,
        }
        .unwrap_or_else(|| r.id.to_string())
    }

    /// `A`, `A and B`, `A, B and C`.
    pub(super) fn references(&self, refs: &[Ref]) -> String {
        let names: Vec<String> = refs.iter().map(|r| self.reference(r)).collect();
        and_list(&names)
    }
}

/// Which version a value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    Old,
    New,
}

/// One pair of matched items: in both versions, or in one only.
pub(super) struct Pairing<'x, T> {
    pub old: Option<&'x T>,
    pub new: Option<&'x T>,
    /// 0 for the first item with its key, 1 for the second, …: items with the same title
    /// are matched in order.
    pub occurrence: usize,
}

/// Entities with ids (parties, clauses, committees, metrics, milestones) matched by id, each
/// with whichever of its two versions exists. An id given twice stops the diff before this
/// (`duplicate-id`), so only the first entity with each id is compared.
pub(super) fn matched_by_id<'x, T>(
    old: &'x [T],
    new: &'x [T],
    id: impl Fn(&'x T) -> &'x str,
) -> impl Iterator<Item = (Pairing<'x, T>, &'x T)> {
    matched(old, new, id)
        .into_iter()
        .filter(|pair| pair.occurrence == 0)
        .filter_map(|pair| {
            let any = pair.new.or(pair.old)?;
            Some((pair, any))
        })
}

/// Match the items of two lists by key, in linear time: the n-th item with a key in `old`
/// goes with the n-th item with that key in `new`. Old items come first, in their order
/// (matched or removed), then the added ones in theirs.
pub(super) fn matched<'x, T, K: Copy + Eq + Hash>(
    old: &'x [T],
    new: &'x [T],
    key: impl Fn(&'x T) -> K,
) -> Vec<Pairing<'x, T>> {
    let mut index: HashMap<(K, usize), usize> = HashMap::with_capacity(new.len());
    let mut counts: HashMap<K, usize> = HashMap::with_capacity(new.len());
    let mut new_occurrence = Vec::with_capacity(new.len());
    for (i, item) in new.iter().enumerate() {
        let k = key(item);
        let n = counts.entry(k).or_default();
        index.insert((k, *n), i);
        new_occurrence.push(*n);
        *n += 1;
    }
    let mut used = vec![false; new.len()];
    let mut out = Vec::with_capacity(old.len().max(new.len()));
    let mut old_counts: HashMap<K, usize> = HashMap::with_capacity(old.len());
    for item in old {
        let k = key(item);
        let n = old_counts.entry(k).or_default();
        let occurrence = *n;
        *n += 1;
        let partner = index.get(&(k, occurrence)).copied();
        if let Some(i) = partner {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
        out.push(Pairing {
            old: Some(item),
            new: partner.and_then(|i| new.get(i)),
            occurrence,
        });
    }
    for (i, item) in new.iter().enumerate() {
        if !used.get(i).copied().unwrap_or(true) {
            out.push(Pairing {
                old: None,
                new: Some(item),
                occurrence: new_occurrence.get(i).copied().unwrap_or(0),
            });
        }
    }
    out
}

/// A path segment for an item named by its title: `resource."Funding"`, with `#2` for the
/// second item of that title. Quotes and backslashes in the title are escaped.
pub(super) fn title_segment(keyword: &str, title: &str, occurrence: usize) -> String {
    let mut s = String::with_capacity(keyword.len() + title.len() + 4);
    s.push_str(keyword);
    s.push_str(".\"");
    for c in title.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    s.push('"');
    if occurrence > 0 {
        s.push_str(&format!("#{}", occurrence + 1));
    }
    s
}

/// A title in the prose of a summary: `“Funding”`.
pub(super) fn quoted(title: &str) -> String {
    format!(
        "“{}”",
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// `Contoso Retail GmbH's`, `Siemens'`.
pub(super) fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A name after "the": `the Alliance Steering Committee` (no second "the").
pub(super) fn the(name: &str) -> String {
    let n = name.trim();
    if n.to_lowercase().starts_with("the ") {
        n.to_string()
    } else {
        format!("the {n}")
    }
}

/// A value in a summary: user text in quotes, the language's own values as they are.
fn as_quoted(v: &V<'_>, shown: &str) -> String {
    if v.is_prose() {
        quoted(shown)
    } else {
        shown.to_string()
    }
}

fn is_short(text: &str) -> bool {
    !text.contains('\n') && text.chars().count() <= SHORT
}

pub(super) struct Walker<'a> {
    pub old: Side<'a>,
    pub new: Side<'a>,
    /// The path of the item being compared, `.`-separated.
    path: String,
    section: Section,
    pub changes: Vec<Change>,
    /// While an item that is only in one version is being described: its terms, as
    /// `key: value`, instead of changes.
    describing: Option<Vec<String>>,
}

impl<'a> Walker<'a> {
    pub(super) fn new(old: &'a Agreement, new: &'a Agreement) -> Walker<'a> {
        Walker {
            old: Side::new(old),
            new: Side::new(new),
            path: String::new(),
            section: Section::Agreement,
            changes: Vec::new(),
            describing: None,
        }
    }

    pub(super) fn section(&mut self, section: Section) {
        self.section = section;
    }

    /// The side a value of `which` is named by.
    fn side(&self, which: Which) -> &Side<'a> {
        match which {
            Which::Old => &self.old,
            Which::New => &self.new,
        }
    }

    /// How `r` is named: by the new version when it still names something there, else by
    /// the old one.
    pub(super) fn name_of(&self, old: Option<&Ref>, new: Option<&Ref>) -> String {
        match (old, new) {
            (_, Some(n)) if n.target != Target::Unresolved || old.is_none() => {
                self.new.reference(n)
            }
            (Some(o), _) => self.old.reference(o),
            (None, Some(n)) => self.new.reference(n),
            (None, None) => String::new(),
        }
    }

    /// Run `f` with `segment` added to the path.
    pub(super) fn at(&mut self, segment: &str, f: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        f(self);
        self.path.truncate(len);
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else if key.is_empty() {
            self.path.clone()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Record a change at `key` under the current path.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        key: &str,
        kind: Kind,
        old: Option<String>,
        new: Option<String>,
        impact: Impact,
        summary: String,
    ) {
        let path = self.path_of(key);
        self.changes.push(Change {
            path,
            kind,
            old,
            new,
            impact,
            summary,
            wording: None,
            section: self.section,
        });
    }

    /// Compare one term. `label` names it at the start of a sentence ("Notice for
    /// termination for convenience"); it is only built when the term changed.
    pub(super) fn field(
        &mut self,
        key: &str,
        impact: Impact,
        old: Option<V<'a>>,
        new: Option<V<'a>>,
        label: impl FnOnce() -> String,
    ) {
        if self.describing.is_some() {
            let shown = match (new, old) {
                (Some(v), _) => v.show(&self.new),
                (None, Some(v)) => v.show(&self.old),
                (None, None) => return,
            };
            self.describe_item(key, shown);
            return;
        }
        match (old, new) {
            (None, None) => {}
            (Some(o), Some(n)) => {
                if o.same(&n) {
                    return;
                }
                let (os, ns) = (o.show(&self.old), n.show(&self.new));
                let label = label();
                let trend = o.trend(&n);
                let (up, down) = n.verbs();
                let short = is_short(&os) && is_short(&ns);
                let (qo, qn) = (as_quoted(&o, &os), as_quoted(&n, &ns));
                let (summary, impact) = match trend {
                    Trend::Equivalent => (
                        format!("{label} now written as {ns} (was {os}), with the same meaning"),
                        Impact::Editorial,
                    ),
                    Trend::Up if short => (format!("{label} {up} from {os} to {ns}"), impact),
                    Trend::Down if short => (format!("{label} {down} from {os} to {ns}"), impact),
                    // Prose whose words changed is never editorial, whatever the term: a note,
                    // a title or a clause that now says something else must be read.
                    _ if o.is_prose() && n.is_prose() => {
                        if same_words(&os, &ns) {
                            (format!("{label}: punctuation or capitals changed"), impact)
                        } else {
                            let impact = prose_impact(&n, impact);
                            match reword(&os, &ns) {
                                Some(what) => (format!("{label}: wording changed, {what}"), impact),
                                // Nothing in common, and short: the values say it best.
                                None if short => {
                                    (format!("{label} changed from {qo} to {qn}"), impact)
                                }
                                None => (format!("{label}: wording changed"), impact),
                            }
                        }
                    }
                    _ if short => (format!("{label} changed from {qo} to {qn}"), impact),
                    _ => (format!("{label} changed"), impact),
                };
                let wording = if o.is_prose() && n.is_prose() {
                    wording(&os, &ns)
                } else {
                    None
                };
                self.push(key, Kind::Changed, Some(os), Some(ns), impact, summary);
                if let Some(last) = self.changes.last_mut() {
                    last.wording = wording;
                }
            }
            (None, Some(n)) => {
                let ns = n.show(&self.new);
                let label = label();
                let impact = prose_impact(&n, impact);
                let summary = if is_short(&ns) {
                    format!("{label} added: {}", as_quoted(&n, &ns))
                } else {
                    format!("{label} added")
                };
                self.push(key, Kind::Added, None, Some(ns), impact, summary);
            }
            (Some(o), None) => {
                let os = o.show(&self.old);
                let label = label();
                let impact = prose_impact(&o, impact);
                let summary = if is_short(&os) {
                    format!("{label} removed (was {})", as_quoted(&o, &os))
                } else {
                    format!("{label} removed")
                };
                self.push(key, Kind::Removed, Some(os), None, impact, summary);
            }
        }
    }

    /// [`Walker::field`] for a term read from an item of either version by `get`.
    pub(super) fn term<T>(
        &mut self,
        key: &str,
        impact: Impact,
        old: Option<&'a T>,
        new: Option<&'a T>,
        get: impl Fn(&'a T) -> Option<V<'a>>,
        label: impl FnOnce() -> String,
    ) {
        self.field(key, impact, old.and_then(&get), new.and_then(&get), label);
    }

    /// The name or title of an item: "Committee renamed from “Alliance Steering Committee”
    /// to “Steering Committee”". `what` is "Committee", "Party", ….
    pub(super) fn name<T>(
        &mut self,
        key: &str,
        impact: Impact,
        old: Option<&'a T>,
        new: Option<&'a T>,
        get: impl Fn(&'a T) -> &'a str,
        what: &str,
    ) {
        let (o, n) = (old.map(&get), new.map(&get));
        match (o, n) {
            (Some(o), Some(n)) if self.describing.is_none() => {
                let (os, ns) = (normalize(o), normalize(n));
                if os == ns {
                    return;
                }
                let summary = if is_short(&os) && is_short(&ns) {
                    format!("{what} renamed from {} to {}", quoted(&os), quoted(&ns))
                } else {
                    format!("{what} renamed")
                };
                self.push(key, Kind::Changed, Some(os), Some(ns), impact, summary);
            }
            _ => self.field(key, impact, o.map(V::Text), n.map(V::Text), || {
                format!("Name of the {}", what.to_lowercase())
            }),
        }
    }

    fn describe_item(&mut self, key: &str, shown: String) {
        if let Some(items) = &mut self.describing {
            if !shown.is_empty() {
                items.push(format!("{}: {shown}", key.replace('_', " ")));
            }
        }
    }

    /// Compare an item that is matched by id or title and that reads as one unit when it
    /// is only in one version (a party, a committee, a resource, a licence…): then one
    /// change, "added" or "removed", whose value lists its terms. When it is in both,
    /// `fields` compares its terms one by one. `noun` names it in the summary: "Committee
    /// “Technical Committee”".
    pub(super) fn item<T>(
        &mut self,
        old: Option<&'a T>,
        new: Option<&'a T>,
        impact: Impact,
        noun: impl FnOnce(&Self) -> String,
        fields: impl FnOnce(&mut Self, Option<&'a T>, Option<&'a T>),
    ) {
        match (old, new) {
            (Some(_), Some(_)) => fields(self, old, new),
            (None, None) => {}
            (_, _) if self.describing.is_some() => fields(self, old, new),
            (Some(_), None) | (None, Some(_)) => {
                let saved = self.describing.replace(Vec::new());
                fields(self, old, new);
                let terms = std::mem::replace(&mut self.describing, saved)
                    .unwrap_or_default()
                    .join("; ");
                let value = if terms.is_empty() {
                    "no terms stated".to_string()
                } else {
                    terms
                };
                let noun = noun(self);
                if new.is_some() {
                    self.push(
                        "",
                        Kind::Added,
                        None,
                        Some(value),
                        impact,
                        format!("{noun} added"),
                    );
                } else {
                    self.push(
                        "",
                        Kind::Removed,
                        Some(value),
                        None,
                        impact,
                        format!("{noun} removed"),
                    );
                }
            }
        }
    }

    /// Compare a map keyed by party (`revenue: { northwind: 55%, contoso: 45% }`), entry by
    /// entry, matched by party id: `key.PARTY`. `label` gets the party's name.
    pub(super) fn party_map<T>(
        &mut self,
        key: &str,
        impact: Impact,
        old: Option<&'a PartyMap<T>>,
        new: Option<&'a PartyMap<T>>,
        value: impl Fn(&'a T) -> V<'a>,
        label: impl Fn(&str) -> String,
    ) {
        if self.describing.is_some() {
            let (map, which) = match (new, old) {
                (Some(m), _) => (m, Which::New),
                (None, Some(m)) => (m, Which::Old),
                (None, None) => return,
            };
            let side = self.side(which);
            let items: Vec<String> = map
                .entries
                .iter()
                .map(|e| {
                    format!(
                        "{} {}",
                        side.reference(&e.party),
                        value(&e.value).show(side)
                    )
                })
                .collect();
            let shown = items.join(", ");
            self.describe_item(key, shown);
            return;
        }
        let old_entries: &'a [_] = old.map_or(Default::default(), |m| m.entries.as_slice());
        let new_entries: &'a [_] = new.map_or(Default::default(), |m| m.entries.as_slice());
        if old_entries.len() == new_entries.len()
            && old_entries
                .iter()
                .zip(new_entries)
                .all(|(o, n)| o.party.id == n.party.id && value(&o.value).same(&value(&n.value)))
        {
            return;
        }
        for pair in matched(old_entries, new_entries, |e| e.party.id.as_str()) {
            // A party named twice in one map was reported by `check`; the first entry counts.
            if pair.occurrence > 0 {
                continue;
            }
            let id = pair
                .old
                .or(pair.new)
                .map(|e| e.party.id.to_string())
                .unwrap_or_default();
            let name = self.name_of(pair.old.map(|e| &e.party), pair.new.map(|e| &e.party));
            let o = pair.old.map(|e| value(&e.value));
            let n = pair.new.map(|e| value(&e.value));
            self.at(key, |w| w.field(&id, impact, o, n, || label(&name)));
        }
    }

    /// Compare a list whose order carries no meaning (reserved matters, uncapped claims,
    /// compliance regimes): each item added or removed is one change at `key`; the same
    /// items in another order are one editorial change. Items are compared with their white
    /// space normalised.
    pub(super) fn list(
        &mut self,
        key: &str,
        impact: Impact,
        old: Vec<&'a str>,
        new: Vec<&'a str>,
        label: impl Fn() -> String,
    ) {
        if self.describing.is_some() {
            let items = if new.is_empty() { old } else { new };
            let shown: Vec<String> = items.iter().map(|i| normalize(i)).collect();
            self.describe_item(key, shown.join(", "));
            return;
        }
        if old.len() == new.len() && old.iter().zip(&new).all(|(a, b)| a == b) {
            return;
        }
        let old_n: Vec<String> = old.iter().map(|i| normalize(i)).collect();
        let new_n: Vec<String> = new.iter().map(|i| normalize(i)).collect();
        if old_n == new_n {
            return;
        }
        let pairs = matched(&old_n, &new_n, String::as_str);
        let mut any = false;
        for pair in pairs {
            let item = |t: &str| {
                if is_short(t) {
                    quoted(t)
                } else {
                    "an item".to_string()
                }
            };
            match (pair.old, pair.new) {
                (Some(o), None) => {
                    any = true;
                    let summary = format!("{}: {} removed", label(), item(o));
                    self.push(key, Kind::Removed, Some(o.clone()), None, impact, summary);
                }
                (None, Some(n)) => {
                    any = true;
                    let summary = format!("{}: {} added", label(), item(n));
                    self.push(key, Kind::Added, None, Some(n.clone()), impact, summary);
                }
                _ => {}
            }
        }
        if !any {
            let summary = format!("{}: the same items in another order", label());
            self.push(
                key,
                Kind::Changed,
                Some(old_n.join("\n")),
                Some(new_n.join("\n")),
                Impact::Editorial,
                summary,
            );
        }
    }

    /// Record a change of any kind that the walk works out itself, at `key` under the
    /// current path.
    pub(super) fn record(
        &mut self,
        key: &str,
        kind: Kind,
        old: Option<String>,
        new: Option<String>,
        impact: Impact,
        summary: String,
    ) {
        if self.describing.is_some() {
            return;
        }
        self.push(key, kind, old, new, impact, summary);
    }

    /// Record a change the walk works out itself (the order of the dispute ladder).
    pub(super) fn change(
        &mut self,
        key: &str,
        impact: Impact,
        old: String,
        new: String,
        summary: String,
    ) {
        self.record(key, Kind::Changed, Some(old), Some(new), impact, summary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewording_names_the_words_that_changed() {
        let r = |a, b| reword(a, b);
        assert_eq!(
            r("up to 1% a week", "up to 2% a week").as_deref(),
            Some("“1%” replaced by “2%”")
        );
        assert_eq!(
            r("insolvent or stops", "insolvent or is acquired or stops").as_deref(),
            Some("“or is acquired” inserted")
        );
        assert_eq!(
            r("the annual review", "the review").as_deref(),
            Some("“annual” deleted")
        );
        // Nothing in common, or too much changed: the values say it.
        assert_eq!(r("London", "Paris"), None);
        let long = "a b c d e f g h i j k l m n o p";
        assert_eq!(r(&format!("x {long} y"), "x z y"), None);
    }

    #[test]
    fn titles_in_paths_are_quoted_and_numbered() {
        assert_eq!(
            title_segment("resource", "Funding", 0),
            "resource.\"Funding\""
        );
        assert_eq!(
            title_segment("license", "The \"Core\" \\ IP", 1),
            "license.\"The \\\"Core\\\" \\\\ IP\"#2"
        );
    }

    #[test]
    fn items_are_matched_by_key_and_occurrence() {
        let old = ["a", "b", "a", "c"];
        let new = ["c", "a", "d", "a"];
        let pairs = matched(&old, &new, |s| *s);
        let shown: Vec<(Option<&str>, Option<&str>, usize)> = pairs
            .iter()
            .map(|p| (p.old.copied(), p.new.copied(), p.occurrence))
            .collect();
        assert_eq!(
            shown,
            [
                (Some("a"), Some("a"), 0),
                (Some("b"), None, 0),
                (Some("a"), Some("a"), 1),
                (Some("c"), Some("c"), 0),
                (None, Some("d"), 0),
            ]
        );
        assert_eq!(possessive("Contoso Retail GmbH"), "Contoso Retail GmbH's");
        assert_eq!(the("The Board"), "The Board");
        assert_eq!(the("Steering Committee"), "the Steering Committee");
    }
}
