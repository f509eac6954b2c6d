//! The redline as a document: a summary table of the changes in terms with their impact,
//! then the new term sheet in full with what changed from the old one marked — deleted text
//! struck, inserted text marked — so that a lawyer reads every change where it sits and can
//! accept or reject it (in Word, each is a tracked change). Every writer lays it out:
//! `charter diff OLD NEW --docx` and `--html`.
//!
//! The two term sheets are compared block by block (a section's heading by its title, so
//! that a section added before it does not make it changed when only its number moves), then
//! paired blocks word by word; a table row by row, then cell by cell.

use super::{is_new_agreement, verdict, Change, Impact};
use crate::emit::document::{Block, Document, Inline, Level, Run};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::borrow::Cow;

/// How alike two blocks must be (the share of their words in common) to be shown as one
/// block reworded rather than one taken out and another put in.
const ALIKE: f32 = 0.5;

/// The redline from `old` to `new` (the two term sheets; `None` for a new agreement) with
/// `changes`, as [`super::diff`] returns them.
pub fn redline<'a>(
    old: Option<&Document<'a>>,
    new: &Document<'a>,
    changes: &[Change],
) -> Document<'a> {
    let mut blocks = vec![
        Block::Title {
            text: Inline::text(format!("Redline: {}", new.title)),
        },
        Block::Paragraph {
            text: Inline::from(vec![Run::Strong(format!("{}.", verdict(changes)).into())]),
        },
    ];
    let versions = match (
        old.and_then(|o| o.version.as_deref()),
        new.version.as_deref(),
    ) {
        (Some(a), Some(b)) if a != b => Some(format!(
            "This redline shows the changes from version {a} to version {b}."
        )),
        _ => None,
    };
    if let Some(v) = versions {
        blocks.push(Block::Paragraph {
            text: Inline::text(v),
        });
    }
    if !changes.is_empty() && !is_new_agreement(changes) {
        blocks.push(appendix("Summary of changes"));
        let rows = changes
            .iter()
            .map(|c| {
                vec![
                    Inline::text(place(c, new, old)),
                    Inline::text(c.summary.clone()),
                    match c.impact {
                        Impact::Major => Inline::from(Run::Strong("Major".into())),
                        Impact::Minor => Inline::text("Minor"),
                        Impact::Editorial => Inline::text("Editorial"),
                    },
                ]
            })
            .collect();
        blocks.push(Block::Table {
            header: vec!["Section".into(), "Change".into(), "Impact".into()],
            rows,
        });
    }
    blocks.push(appendix("The term sheet, with the changes marked"));
    let empty = Document::default();
    blocks.extend(compare(&old.unwrap_or(&empty).blocks, &new.blocks));
    Document {
        title: format!("Redline: {}", new.title),
        legend: new.legend.clone(),
        version: new.version.clone(),
        dated: new.dated.clone(),
        draft: new.draft,
        blocks,
    }
}

fn appendix(text: &str) -> Block<'static> {
    Block::Heading {
        level: Level::Section,
        number: None,
        text: Inline::text(text.to_string()),
    }
}

/// Where a change sits in the term sheet: the clause it concerns when the change names it
/// ("4.1 Alliance Steering Committee" for "Quorum of the Alliance Steering Committee reduced
/// from 3 to 2"), else its section ("4. Governance"); by the new sheet's numbering, or the
/// old one's for what the new version no longer has.
fn place(change: &Change, new: &Document, old: Option<&Document>) -> String {
    let heading = change.section.sheet_heading();
    for doc in [Some(new), old].into_iter().flatten() {
        let outline = doc.outline();
        let Some(at) = outline
            .iter()
            .position(|(n, title)| !n.contains('.') && title == heading)
        else {
            continue;
        };
        let section = outline.get(at).map(|(n, _)| n.clone()).unwrap_or_default();
        let clause = outline
            .iter()
            .skip(at + 1)
            .take_while(|(n, _)| n.contains('.'))
            .filter(|(_, title)| !title.is_empty() && change.summary.contains(title.as_str()))
            .max_by_key(|(_, title)| title.len());
        if let Some((n, title)) = clause {
            return format!("{n} {title}");
        }
        return format!("{section}. {heading}");
    }
    heading.to_string()
}

/// What a block is compared by: its text, a heading's without its number.
fn key(block: &Block) -> String {
    match block {
        Block::Heading { level, text, .. } => format!("{level:?} {}", text.plain()),
        other => other.plain(),
    }
}

/// The new blocks with the old ones they replace, marked.
fn compare<'a>(old: &[Block<'a>], new: &[Block<'a>]) -> Vec<Block<'a>> {
    align(
        old,
        new,
        key,
        |o, n| {
            // A list or table replaced by one of its kind is the same one changed: its items
            // or rows are compared one by one.
            same_kind(o, n)
                && (matches!(n, Block::List { .. } | Block::Table { .. })
                    || alike(&o.plain(), &n.plain()) >= ALIKE)
        },
        merged,
    )
}

/// The new items (blocks, list items, table rows) with the old ones: those kept as they are,
/// those taken out and put in whole, and those changed, each new item paired with the first
/// old one still unpaired that `fits` it and shown as the old one changed (`merge`). What is
/// taken out comes before what is put in at its place.
fn align<T: Clone + Marked>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    fits: impl Fn(&T, &T) -> bool,
    merge: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let (old_keys, new_keys): (Vec<String>, Vec<String>) = (
        old.iter().map(&key).collect(),
        new.iter().map(&key).collect(),
    );
    let mut out = Vec::with_capacity(new.len());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (olds, news) = match op {
            DiffOp::Equal { new_index, len, .. } => {
                out.extend(new.iter().skip(new_index).take(len).cloned());
                continue;
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old.get(old_index..old_index + old_len), None),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (None, new.get(new_index..new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old.get(old_index..old_index + old_len),
                new.get(new_index..new_index + new_len),
            ),
        };
        let (olds, news) = (olds.unwrap_or_default(), news.unwrap_or_default());
        let partners = partners(olds, news, &fits);
        let mut next = 0;
        for (j, n) in news.iter().enumerate() {
            let paired = partners.get(j).copied().flatten();
            // Up to its partner, or before the next pair when it has none.
            let until = paired
                .or_else(|| partners.iter().skip(j).find_map(|p| *p))
                .unwrap_or(olds.len());
            out.extend(
                olds.get(next..until)
                    .unwrap_or_default()
                    .iter()
                    .map(T::deleted),
            );
            next = next.max(until);
            match paired.and_then(|i| olds.get(i).map(|o| (i, o))) {
                Some((i, o)) => {
                    out.push(merge(o, n));
                    next = i + 1;
                }
                None => out.push(T::inserted(n)),
            }
        }
        out.extend(olds.get(next..).unwrap_or_default().iter().map(T::deleted));
    }
    out
}

/// For each new item, the old one it pairs with: the first after the last pair that `fits`.
fn partners<T>(olds: &[T], news: &[T], fits: impl Fn(&T, &T) -> bool) -> Vec<Option<usize>> {
    let mut next = 0;
    news.iter()
        .map(|n| {
            let found = (next..olds.len()).find(|&i| olds.get(i).is_some_and(|o| fits(o, n)));
            if let Some(i) = found {
                next = i + 1;
            }
            found
        })
        .collect()
}

fn same_kind(a: &Block, b: &Block) -> bool {
    match (a, b) {
        (Block::Title { .. }, Block::Title { .. })
        | (Block::Paragraph { .. }, Block::Paragraph { .. }) => true,
        (Block::Heading { level: x, .. }, Block::Heading { level: y, .. }) => x == y,
        (Block::List { numbered: x, .. }, Block::List { numbered: y, .. }) => x == y,
        (Block::Table { header: x, .. }, Block::Table { header: y, .. }) => x == y,
        _ => false,
    }
}

/// The share of words the two texts have in common, from 0 to 1.
fn alike(a: &str, b: &str) -> f32 {
    similar::TextDiff::from_words(a, b).ratio()
}

/// One block reworded: the new block with the old one's words that it drops struck.
fn merged<'a>(old: &Block<'a>, new: &Block<'a>) -> Block<'a> {
    match (old, new) {
        (Block::Title { text: o }, Block::Title { text: n }) => Block::Title { text: words(o, n) },
        (Block::Paragraph { text: o }, Block::Paragraph { text: n }) => {
            Block::Paragraph { text: words(o, n) }
        }
        (
            Block::Heading { text: o, .. },
            Block::Heading {
                level,
                number,
                text: n,
            },
        ) => Block::Heading {
            level: *level,
            number: number.clone(),
            text: words(o, n),
        },
        (Block::List { items: o, .. }, Block::List { numbered, items: n }) => Block::List {
            numbered: *numbered,
            items: align(
                o,
                n,
                Inline::plain,
                |o, n| alike(&o.plain(), &n.plain()) >= ALIKE,
                words,
            ),
        },
        (Block::Table { rows: o, .. }, Block::Table { header, rows: n }) => Block::Table {
            header: header.clone(),
            rows: align(
                o,
                n,
                |row: &Vec<Inline>| row_key(row),
                |o, n| alike(&row_key(o), &row_key(n)) >= ALIKE,
                |o: &Vec<Inline>, n: &Vec<Inline>| cells(o, n),
            ),
        },
        _ => new.inserted(),
    }
}

/// A row of a table as it is compared: its cells' text.
fn row_key(row: &[Inline]) -> String {
    row.iter()
        .map(Inline::plain)
        .collect::<Vec<_>>()
        .join(" | ")
}

fn cells<'a>(old: &[Inline<'a>], new: &[Inline<'a>]) -> Vec<Inline<'a>> {
    new.iter()
        .enumerate()
        .map(|(i, n)| match old.get(i) {
            Some(o) => words(o, n),
            None => n.inserted(),
        })
        .collect()
}

/// Something that can be shown taken out or put in whole.
trait Marked {
    fn deleted(&self) -> Self;
    fn inserted(&self) -> Self;
}

impl Marked for Inline<'_> {
    fn deleted(&self) -> Self {
        mark(self, Run::Deleted, Run::DeletedBreak)
    }
    fn inserted(&self) -> Self {
        mark(self, Run::Inserted, Run::InsertedBreak)
    }
}

impl Marked for Vec<Inline<'_>> {
    fn deleted(&self) -> Self {
        self.iter().map(Marked::deleted).collect()
    }
    fn inserted(&self) -> Self {
        self.iter().map(Marked::inserted).collect()
    }
}

/// Every run's text and line break as deleted (or inserted).
fn mark<'a>(
    text: &Inline<'a>,
    as_run: fn(Cow<'a, str>) -> Run<'a>,
    as_break: Run<'a>,
) -> Inline<'a> {
    let mut out = Inline::default();
    for run in text.runs() {
        match run {
            Run::Text(t) | Run::Strong(t) | Run::Inserted(t) | Run::Deleted(t) => {
                out.push(as_run(t.clone()))
            }
            Run::Break | Run::DeletedBreak | Run::InsertedBreak => out.push(as_break.clone()),
        }
    }
    out
}

impl Marked for Block<'_> {
    fn deleted(&self) -> Self {
        map_text(self, Marked::deleted)
    }
    fn inserted(&self) -> Self {
        map_text(self, Marked::inserted)
    }
}

fn map_text<'a>(block: &Block<'a>, f: fn(&Inline<'a>) -> Inline<'a>) -> Block<'a> {
    match block {
        Block::Title { text } => Block::Title { text: f(text) },
        Block::Paragraph { text } => Block::Paragraph { text: f(text) },
        Block::Heading {
            level,
            number,
            text,
        } => Block::Heading {
            level: *level,
            number: number.clone(),
            text: f(text),
        },
        Block::List { numbered, items } => Block::List {
            numbered: *numbered,
            items: items.iter().map(f).collect(),
        },
        Block::Table { header, rows } => Block::Table {
            header: header.clone(),
            rows: rows.iter().map(|r| r.iter().map(f).collect()).collect(),
        },
    }
}

/// A word with the spaces after it, or a line break; with whether it is bold.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Token {
    Word { text: String, strong: bool },
    Break,
}

fn tokens(text: &Inline) -> Vec<Token> {
    let mut out = Vec::new();
    for run in text.runs() {
        let (t, strong) = match run {
            Run::Text(t) | Run::Inserted(t) => (t, false),
            Run::Strong(t) => (t, true),
            Run::Deleted(_) | Run::DeletedBreak => continue,
            Run::Break | Run::InsertedBreak => {
                out.push(Token::Break);
                continue;
            }
        };
        // Each word with the spaces after it, so that two texts are not aligned on their
        // spaces alone; a soft line break is a space.
        let mut word = String::new();
        for c in t.chars() {
            let c = if c == '\n' { ' ' } else { c };
            if !c.is_whitespace() && word.ends_with(char::is_whitespace) {
                out.push(Token::Word {
                    text: std::mem::take(&mut word),
                    strong,
                });
            }
            word.push(c);
        }
        if !word.is_empty() {
            out.push(Token::Word { text: word, strong });
        }
    }
    out
}

/// The new text, with the old one's words it drops as deleted runs and its own new words as
/// inserted runs.
fn words<'a>(old: &Inline<'a>, new: &Inline<'a>) -> Inline<'a> {
    let (o, n) = (tokens(old), tokens(new));
    let mut out = Inline::default();
    let text = |t: &Token, as_run: fn(Cow<'a, str>) -> Run<'a>, as_break: Run<'a>| match t {
        Token::Word { text, strong } if *strong && as_break == Run::Break => {
            Run::Strong(text.clone().into())
        }
        Token::Word { text, .. } => as_run(text.clone().into()),
        Token::Break => as_break,
    };
    for op in capture_diff_slices(Algorithm::Myers, &o, &n) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                for t in n.iter().skip(new_index).take(len) {
                    out.push(text(t, Run::Text, Run::Break));
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => delete(&mut out, o.iter().skip(old_index).take(old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                for t in n.iter().skip(new_index).take(new_len) {
                    out.push(text(t, Run::Inserted, Run::InsertedBreak));
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                delete(&mut out, o.iter().skip(old_index).take(old_len));
                for t in n.iter().skip(new_index).take(new_len) {
                    out.push(text(t, Run::Inserted, Run::InsertedBreak));
                }
            }
        }
    }
    out
}

/// Old words and line breaks taken out.
fn delete<'t>(out: &mut Inline, tokens: impl Iterator<Item = &'t Token>) {
    for t in tokens {
        out.push(match t {
            Token::Word { text, .. } => Run::Deleted(text.clone().into()),
            Token::Break => Run::DeletedBreak,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block<'_> {
        Block::Paragraph {
            text: Inline::text(text),
        }
    }

    #[test]
    fn a_reworded_paragraph_is_marked_word_by_word() {
        let out = compare(
            &[para("The committee decides by consensus.")],
            &[para("The committee decides by a simple majority.")],
        );
        assert_eq!(
            out,
            vec![Block::Paragraph {
                text: Inline::from(vec![
                    Run::Text("The committee decides by ".into()),
                    Run::Deleted("consensus.".into()),
                    Run::Inserted("a simple majority.".into()),
                ])
            }]
        );
    }

    #[test]
    fn blocks_unlike_are_taken_out_and_put_in_whole() {
        let out = compare(
            &[para("Keep."), para("Each party keeps its background IP.")],
            &[
                para("Keep."),
                para("Arbitration in Paris under the ICC Rules."),
            ],
        );
        assert_eq!(out.len(), 3);
        assert!(matches!(&out[1], Block::Paragraph { text } if text.all_deleted()));
        assert!(
            matches!(&out[2], Block::Paragraph { text } if text.runs().iter().all(|r| matches!(r, Run::Inserted(_))))
        );
    }

    #[test]
    fn a_heading_renumbered_is_not_changed() {
        let heading = |n: &str, t: &'static str| Block::Heading {
            level: Level::Section,
            number: Some(n.into()),
            text: Inline::text(t),
        };
        let out = compare(
            &[heading("1", "Parties"), heading("2", "Governance")],
            &[
                heading("1", "Parties"),
                heading("2", "Key terms"),
                heading("3", "Governance"),
            ],
        );
        assert_eq!(out[2], heading("3", "Governance"));
        assert!(
            matches!(&out[1], Block::Heading { text, .. } if text.runs() == [Run::Inserted("Key terms".into())])
        );
    }

    #[test]
    fn a_changed_row_is_marked_cell_by_cell() {
        let table = |rows: Vec<Vec<&'static str>>| Block::Table {
            header: vec!["Party".into(), "Share".into()],
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Inline::text).collect())
                .collect(),
        };
        let out = compare(
            &[table(vec![
                vec!["Helix Therapeutics plc", "55%"],
                vec!["Cortexa AI", "45%"],
            ])],
            &[table(vec![
                vec!["Helix Therapeutics plc", "60%"],
                vec!["Cortexa AI", "40%"],
            ])],
        );
        let rows = match out.first() {
            Some(Block::Table { rows, .. }) => rows.clone(),
            _ => Vec::new(),
        };
        assert_eq!(rows.len(), 2, "{out:?}");
        assert_eq!(
            rows[0][1].runs(),
            [Run::Deleted("55%".into()), Run::Inserted("60%".into())]
        );
        assert_eq!(rows[0][0], Inline::text("Helix Therapeutics plc"));
    }
}
