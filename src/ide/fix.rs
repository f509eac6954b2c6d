//! Quick fixes for the findings in a range: the did-you-mean correction, the required keys a
//! block is missing (written with `TODO` for what to fill in), and switching the rule off for
//! the file (`allow: [rule]`).

use super::Analysis;
use crate::diagnostic::Diagnostic;
use crate::schema::{self, BlockDef, Req, Ty};
use crate::span::Span;
use crate::syntax::ast::{Block, Item, ValueKind};

/// One fix: its title, the edits it makes, and the finding it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Span, String)>,
    pub diagnostic: Diagnostic,
    /// The fix to apply when the editor applies one without asking (the correction).
    pub preferred: bool,
}

impl Analysis {
    /// The fixes for the findings that touch `start..end`.
    pub fn fixes(&self, start: usize, end: usize) -> Vec<Fix> {
        let touches = |s: Span| (s.start as usize) <= end && start <= (s.end as usize);
        let mut out = Vec::new();
        for d in self.diagnostics().iter().filter(|d| touches(d.span)) {
            if let Some(word) = d.suggestion() {
                out.push(Fix {
                    title: format!("Change to `{word}`"),
                    edits: vec![(self.word_at(d.span), word.to_string())],
                    diagnostic: d.clone(),
                    preferred: true,
                });
            }
            if d.rule == crate::lower::rule::MISSING_REQUIRED {
                if let Some(fix) = self.add_required(d) {
                    out.push(fix);
                }
            }
            if !crate::config::FIXED.contains(&d.rule) {
                if let Some(edit) = self.allow_edit(d.rule) {
                    out.push(Fix {
                        title: format!("Switch `{}` off for this file", d.rule),
                        edits: vec![edit],
                        diagnostic: d.clone(),
                        preferred: false,
                    });
                }
            }
        }
        out
    }

    /// The word a finding marks (a misspelt key marks the key; a value, the whole value).
    fn word_at(&self, span: Span) -> Span {
        let text = self.text.get(span.range()).unwrap_or_default();
        let word = text
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_')
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word == 0 {
            span
        } else {
            Span::from_range(span.start as usize, span.start as usize + word)
        }
    }

    /// The required keys missing from the block whose head `d` marks, written before its
    /// closing brace.
    fn add_required(&self, d: &Diagnostic) -> Option<Fix> {
        let (block, def) = find_block(&self.document.items, Some(&schema::AGREEMENT), d.span)?;
        let present: Vec<&str> = block
            .items
            .iter()
            .filter_map(|i| i.name().map(|n| n.as_str()))
            .collect();
        let missing: Vec<&schema::KeyDef> = def
            .keys
            .iter()
            .filter(|k| k.req == Req::Required && !present.contains(&k.name))
            .collect();
        if missing.is_empty() {
            return None;
        }
        let close = (block.span.end as usize).checked_sub(1)?;
        let line_start = self.text.get(..close)?.rfind('\n').map_or(0, |i| i + 1);
        let indent: String = self
            .text
            .get(line_start..close)?
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let only_space = self
            .text
            .get(line_start..close)
            .is_some_and(|t| t.trim().is_empty());
        let mut insert = String::new();
        if !only_space {
            insert.push('\n');
        }
        for k in &missing {
            insert.push_str(&format!("{indent}  {}: {}\n", k.name, todo(k.ty)));
        }
        insert.push_str(&indent);
        let at = if only_space { line_start } else { close };
        let edit_span = Span::from_range(at, close);
        Some(Fix {
            title: format!(
                "Add the missing required {}",
                if missing.len() == 1 { "key" } else { "keys" }
            ),
            edits: vec![(edit_span, insert)],
            diagnostic: d.clone(),
            preferred: false,
        })
    }

    /// The edit that adds `rule` to the agreement's `allow` list (writing the list if there is
    /// none).
    fn allow_edit(&self, rule: &str) -> Option<(Span, String)> {
        let existing = self.document.items.iter().find_map(|i| match i {
            Item::Attribute(a) if a.key.as_str() == "allow" => Some(a),
            _ => None,
        });
        match existing {
            Some(a) => match &a.value.kind {
                ValueKind::List(items) if items.is_empty() => Some((
                    Span::from_range(
                        a.value.span.start as usize + 1,
                        a.value.span.end as usize - 1,
                    ),
                    rule.to_string(),
                )),
                ValueKind::List(_) => {
                    let end = (a.value.span.end as usize).checked_sub(1)?;
                    Some((Span::point(end), format!(", {rule}")))
                }
                _ => None,
            },
            None => {
                let header = self.document.header.as_ref()?;
                let open = self
                    .text
                    .get(header.span.range())?
                    .find('{')
                    .map(|i| header.span.start as usize + i + 1)?;
                Some((Span::point(open), format!("\n  allow: [{rule}]")))
            }
        }
    }
}

/// What to write for a required key's value: `TODO` in quotes where a string goes, else a
/// sample of the type marked `// TODO`, so that the file reads and says what to fill in.
fn todo(ty: Ty) -> String {
    match super::complete::placeholder(ty) {
        quoted @ "\"TODO\"" => quoted.to_string(),
        "TODO" => "\"TODO\"".to_string(),
        sample => format!("{sample} // TODO"),
    }
}

/// The block whose head holds `span`, with its definition.
fn find_block<'a>(
    items: &'a [Item],
    def: Option<&'static BlockDef>,
    span: Span,
) -> Option<(&'a Block, &'static BlockDef)> {
    for item in items {
        if let Item::Block(b) = item {
            let child = def
                .and_then(|d| d.child(b.keyword.as_str()))
                .map(|c| c.block);
            let head = b.head_span();
            if head.start <= span.start && span.end <= head.end {
                return child.map(|c| (b, c));
            }
            if b.span.start <= span.start && span.end <= b.span.end {
                return find_block(&b.items, child, span);
            }
        }
    }
    None
}
