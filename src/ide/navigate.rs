//! Going to where an id is declared, finding its uses, renaming it everywhere; the outline
//! (parties, committees, sections) and the blocks that fold.

use super::Analysis;
use crate::span::Span;
use crate::syntax::ast::{Block, Item};

/// An entry of the outline: a block, with the blocks inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// What the outline shows: the title, else the id, else the keyword.
    pub name: String,
    /// The block's keyword and id: `party northwind`.
    pub detail: String,
    pub keyword: String,
    /// The whole block, and the part to select (its id, title or keyword).
    pub span: Span,
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// A block that folds: from the line of its `{` to the line of its `}` (byte offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start: usize,
    pub end: usize,
}

impl Analysis {
    /// Where the id at `offset` is declared.
    pub fn definition(&self, offset: usize) -> Option<Span> {
        let (name, _) = self.index.id_at(offset)?;
        self.index.declaration(name).map(|d| d.span)
    }

    /// Every use of the id at `offset`, and its declaration when `with_declaration`.
    pub fn references(&self, offset: usize, with_declaration: bool) -> Vec<Span> {
        let Some((name, _)) = self.index.id_at(offset) else {
            return Vec::new();
        };
        let mut out: Vec<Span> = Vec::new();
        if with_declaration {
            out.extend(self.index.declaration(name).map(|d| d.span));
        }
        out.extend(
            self.index
                .occurrences
                .iter()
                .filter(|o| o.name == name)
                .map(|o| o.span),
        );
        out.sort();
        out
    }

    /// The id at `offset`, to rename: its span and name.
    pub fn prepare_rename(&self, offset: usize) -> Option<(Span, String)> {
        self.index
            .id_at(offset)
            .map(|(name, span)| (span, name.to_string()))
    }

    /// The edits that rename the id at `offset` to `new_name` everywhere; `Err` says why
    /// not (not an id, a name that is not an id, one already taken).
    pub fn rename(&self, offset: usize, new_name: &str) -> Result<Vec<(Span, String)>, String> {
        let Some((name, _)) = self.index.id_at(offset) else {
            return Err("there is no party, committee or other id here to rename".into());
        };
        let valid = new_name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
            && new_name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(format!(
                "`{new_name}` cannot be an id: an id is lower-case letters, digits and `_`, starting with a letter"
            ));
        }
        if new_name != name && self.index.declaration(new_name).is_some() {
            return Err(format!("`{new_name}` is already the id of something else"));
        }
        Ok(self
            .references(offset, true)
            .into_iter()
            .map(|s| (s, new_name.to_string()))
            .collect())
    }

    /// The outline: every block, nested as written, with its title or id.
    pub fn symbols(&self) -> Vec<Symbol> {
        fn of(items: &[Item]) -> Vec<Symbol> {
            items
                .iter()
                .filter_map(|i| match i {
                    Item::Block(b) => Some(symbol(b)),
                    _ => None,
                })
                .collect()
        }
        fn symbol(b: &Block) -> Symbol {
            let keyword = b.keyword.as_str().to_string();
            let (name, selection) = match (b.title(), b.id()) {
                (Some(t), _) if !t.value.trim().is_empty() => (t.value.clone(), t.span),
                (_, Some(id)) => (id.as_str().to_string(), id.span),
                _ => (keyword.clone(), b.keyword.span),
            };
            let detail = match b.id() {
                Some(id) => format!("{keyword} {}", id.as_str()),
                None => keyword.clone(),
            };
            Symbol {
                name,
                detail,
                keyword,
                span: b.span,
                selection,
                children: of(&b.items),
            }
        }
        let children = of(&self.document.items);
        match &self.document.header {
            Some(h) => vec![Symbol {
                name: if h.title.value.trim().is_empty() {
                    "agreement".into()
                } else {
                    h.title.value.clone()
                },
                detail: "agreement".into(),
                keyword: "agreement".into(),
                span: h.span,
                selection: h.title.span,
                children,
            }],
            None => children,
        }
    }

    /// The blocks that fold, and the text blocks (`"""…"""`) over several lines.
    pub fn folds(&self) -> Vec<Fold> {
        fn walk(items: &[Item], out: &mut Vec<Fold>) {
            for i in items {
                match i {
                    Item::Block(b) => {
                        out.push(Fold {
                            start: b.open.start as usize,
                            end: b.span.end as usize,
                        });
                        walk(&b.items, out);
                    }
                    Item::Attribute(a) => {
                        if matches!(a.value.kind, crate::syntax::ast::ValueKind::Text(_)) {
                            out.push(Fold {
                                start: a.value.span.start as usize,
                                end: a.value.span.end as usize,
                            });
                        }
                    }
                    Item::Damaged(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        if let Some(h) = &self.document.header {
            out.push(Fold {
                start: h.title.span.end as usize,
                end: h.span.end as usize,
            });
        }
        walk(&self.document.items, &mut out);
        out
    }
}
