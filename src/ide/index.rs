//! The ids of a file: where each is declared (`party northwind "…" { … }`) and where it is
//! used (`chair: northwind`, `revenue: { northwind: 55% }`, `from northwind { … }`), read off
//! the syntax tree with the schema telling which blocks declare an id.
//!
//! A use is a bare word in a value, a key of a map or the party after `from`, whose name is a
//! declared id. Ids share the agreement's one namespace, so a name means one thing; an id that
//! happens to be spelt like an enumeration word (a party called `majority`) would be taken for
//! a use where the word stands.

use crate::schema::{self, BlockDef, Labels};
use crate::span::Span;
use crate::syntax::ast::{Block, Document, Item, Value, ValueKind};

/// An id declared by a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    pub name: String,
    /// The block's keyword: `party`, `committee`, `milestone`, …
    pub keyword: &'static str,
    /// The block's title (`"Northwind Traders Ltd."`), if it has one.
    pub title: Option<String>,
    /// The id in the block's head.
    pub span: Span,
    /// The whole block.
    pub block: Span,
}

/// A use of a declared id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Default)]
pub(super) struct Index {
    pub declarations: Vec<Declaration>,
    pub occurrences: Vec<Occurrence>,
}

impl Index {
    pub fn of(document: &Document) -> Index {
        let mut index = Index::default();
        let mut words = Vec::new();
        walk(
            &document.items,
            Some(&schema::AGREEMENT),
            &mut index,
            &mut words,
        );
        index.occurrences = words
            .into_iter()
            .filter(|o: &Occurrence| index.declarations.iter().any(|d| d.name == o.name))
            .collect();
        index
    }

    /// The declaration of `name`.
    pub fn declaration(&self, name: &str) -> Option<&Declaration> {
        self.declarations.iter().find(|d| d.name == name)
    }

    /// The id (declared or used) at `offset`: its name and the span of the word there.
    pub fn id_at(&self, offset: usize) -> Option<(&str, Span)> {
        let inside = |s: Span| s.start as usize <= offset && offset <= s.end as usize;
        self.declarations
            .iter()
            .map(|d| (d.name.as_str(), d.span))
            .chain(self.occurrences.iter().map(|o| (o.name.as_str(), o.span)))
            .find(|(_, s)| inside(*s))
    }
}

fn walk(
    items: &[Item],
    def: Option<&'static BlockDef>,
    index: &mut Index,
    words: &mut Vec<Occurrence>,
) {
    for item in items {
        match item {
            Item::Attribute(a) => value_words(&a.value, words),
            Item::Block(b) => block(b, def, index, words),
            Item::Damaged(_) => {}
        }
    }
}

fn block(
    b: &Block,
    parent: Option<&'static BlockDef>,
    index: &mut Index,
    words: &mut Vec<Occurrence>,
) {
    let def = parent
        .and_then(|p| p.child(b.keyword.as_str()))
        .map(|c| c.block);
    match (def.map(|d| d.labels), b.id()) {
        (Some(Labels::IdAndTitle), Some(id)) => index.declarations.push(Declaration {
            name: id.as_str().to_string(),
            keyword: def.map_or("", |d| d.keyword),
            title: b.title().map(|t| t.value.clone()),
            span: id.span,
            block: b.span,
        }),
        (Some(Labels::PartyRef), Some(id)) => words.push(Occurrence {
            name: id.as_str().to_string(),
            span: id.span,
        }),
        _ => {}
    }
    // An unknown block is still walked: the ids used in it are uses all the same.
    walk(&b.items, def, index, words);
}

fn value_words(value: &Value, words: &mut Vec<Occurrence>) {
    match &value.kind {
        ValueKind::Word(w) => words.push(Occurrence {
            name: w.to_string(),
            span: value.span,
        }),
        ValueKind::List(items) => {
            for v in items {
                value_words(v, words);
            }
        }
        ValueKind::Map(entries) => {
            for e in entries {
                words.push(Occurrence {
                    name: e.key.as_str().to_string(),
                    span: e.key.span,
                });
                value_words(&e.value, words);
            }
        }
        ValueKind::Bound(_, v) | ValueKind::Portion(v, _) => value_words(v, words),
        _ => {}
    }
}
