//! The term sheet as a document: built once from the agreement and its findings by
//! [`super::sheet::document`], then laid out by each writer — [`super::markdown`],
//! [`super::html`], [`super::docx`] and, with the `pdf` feature, `super::pdf`. No writer
//! decides what the document says; each only lays out these blocks. The redline
//! ([`crate::diff::redline`]) is a document too: the new term sheet with runs marked
//! deleted or inserted, which every writer shows as tracked changes.
//!
//! Text in the model is plain text, never markup: a writer escapes it for its own format.
//! A line break inside a [`Run::Text`] is a soft one (the source's line, shown as a space
//! when laid out); [`Run::Break`] is a hard one (a sub-clause on its own line, a line of a
//! table cell or of a signature block).

use serde::Serialize;
use std::borrow::Cow;

/// A term sheet, or a redline of one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Document<'a> {
    /// The title, as the first page and the document's properties show it.
    pub title: String,
    /// The legend in capitals ("SUBJECT TO CONTRACT"), for the head of every page.
    pub legend: Vec<String>,
    /// The version label, for the document's properties.
    pub version: Option<String>,
    /// The date of this version (`2026-11-30`), for the document's properties.
    pub dated: Option<String>,
    /// Whether the document is a draft: its first page is marked DRAFT.
    pub draft: bool,
    pub blocks: Vec<Block<'a>>,
}

/// One block of the document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block<'a> {
    /// The title, once, first.
    Title {
        text: Inline<'a>,
    },
    /// A section ("4. Governance"), a clause of it ("4.1 Alliance Steering Committee"), or an
    /// appendix after the numbered sections ("Open issues", no number).
    Heading {
        level: Level,
        number: Option<String>,
        text: Inline<'a>,
    },
    Paragraph {
        text: Inline<'a>,
    },
    List {
        numbered: bool,
        items: Vec<Inline<'a>>,
    },
    /// A table with a header row; every row has the header's cells.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Inline<'a>>>,
    },
}

/// The level of a heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Section,
    Clause,
}

/// Text with its emphasis: a sequence of runs ([`Inline::runs`]). Most text, a table's cells
/// above all, is one run, which is held in place rather than in a vector of its own.
#[derive(Clone, Debug, Default)]
pub struct Inline<'a>(Runs<'a>);

/// The runs of an [`Inline`]: one in place, or any number.
#[derive(Clone, Debug)]
enum Runs<'a> {
    One(Run<'a>),
    Many(Vec<Run<'a>>),
}

impl Default for Runs<'_> {
    fn default() -> Self {
        Runs::Many(Vec::new())
    }
}

impl PartialEq for Inline<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.runs() == other.runs()
    }
}

impl Eq for Inline<'_> {}

impl Serialize for Inline<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.runs().serialize(serializer)
    }
}

impl<'a> std::convert::From<Vec<Run<'a>>> for Inline<'a> {
    fn from(mut runs: Vec<Run<'a>>) -> Self {
        if runs.len() == 1 {
            if let Some(run) = runs.pop() {
                return Inline(Runs::One(run));
            }
        }
        Inline(Runs::Many(runs))
    }
}

impl<'a> std::convert::From<Run<'a>> for Inline<'a> {
    fn from(run: Run<'a>) -> Self {
        Inline(Runs::One(run))
    }
}

/// A run of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "run", content = "text", rename_all = "snake_case")]
pub enum Run<'a> {
    /// Text, borrowed from the agreement where it is shown as written.
    Text(Cow<'a, str>),
    /// Charter's own lead-ins ("Status:", "To resolve:"), never user text.
    Strong(Cow<'a, str>),
    /// A hard line break.
    Break,
    /// In a redline: text the new version takes out.
    Deleted(Cow<'a, str>),
    /// In a redline: text the new version puts in.
    Inserted(Cow<'a, str>),
    /// In a redline: a hard line break the new version takes out.
    DeletedBreak,
    /// In a redline: a hard line break the new version puts in.
    InsertedBreak,
}

impl Document<'_> {
    /// The document with all its text its own, to keep past the agreement it was built
    /// from.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            title: self.title,
            legend: self.legend,
            version: self.version,
            dated: self.dated,
            draft: self.draft,
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
        }
    }

    /// How many bytes of text the blocks hold (runs, numbers and table headers), with a
    /// few for each block, item and cell: what a writer sizes its output by.
    pub fn text_len(&self) -> usize {
        let inline = |text: &Inline| text.runs().iter().map(Run::text_len).sum::<usize>();
        self.blocks
            .iter()
            .map(|block| match block {
                Block::Title { text } | Block::Paragraph { text } => inline(text) + 2,
                Block::Heading { text, number, .. } => {
                    inline(text) + number.as_ref().map_or(0, String::len) + 6
                }
                Block::List { items, .. } => items.iter().map(|i| inline(i) + 4).sum(),
                Block::Table { header, rows } => {
                    header.iter().map(|h| h.len() + 6).sum::<usize>()
                        + rows.iter().flatten().map(|c| inline(c) + 3).sum::<usize>()
                }
            })
            .sum()
    }
}

impl Run<'_> {
    /// The run with its text its own.
    pub fn into_owned(self) -> Run<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        match self {
            Run::Text(t) => Run::Text(own(t)),
            Run::Strong(t) => Run::Strong(own(t)),
            Run::Deleted(t) => Run::Deleted(own(t)),
            Run::Inserted(t) => Run::Inserted(own(t)),
            Run::Break => Run::Break,
            Run::DeletedBreak => Run::DeletedBreak,
            Run::InsertedBreak => Run::InsertedBreak,
        }
    }

    /// The bytes of its text (a break has none).
    pub fn text_len(&self) -> usize {
        match self {
            Run::Text(t) | Run::Strong(t) | Run::Deleted(t) | Run::Inserted(t) => t.len(),
            Run::Break | Run::DeletedBreak | Run::InsertedBreak => 0,
        }
    }
}

impl<'a> Inline<'a> {
    /// The runs, in order.
    pub fn runs(&self) -> &[Run<'a>] {
        match &self.0 {
            Runs::One(run) => std::slice::from_ref(run),
            Runs::Many(runs) => runs,
        }
    }

    /// The runs, in order, to change in place.
    pub fn runs_mut(&mut self) -> &mut [Run<'a>] {
        match &mut self.0 {
            Runs::One(run) => std::slice::from_mut(run),
            Runs::Many(runs) => runs,
        }
    }

    /// The runs, taken out.
    pub fn into_runs(self) -> Vec<Run<'a>> {
        match self.0 {
            Runs::One(run) => vec![run],
            Runs::Many(runs) => runs,
        }
    }

    /// The text with all its runs their own.
    pub fn into_owned(self) -> Inline<'static> {
        match self.0 {
            Runs::One(run) => Inline(Runs::One(run.into_owned())),
            Runs::Many(runs) => Inline(Runs::Many(runs.into_iter().map(Run::into_owned).collect())),
        }
    }

    /// Plain text, one run.
    pub fn text(text: impl Into<Cow<'a, str>>) -> Inline<'a> {
        Inline(Runs::One(Run::Text(text.into())))
    }

    /// The text a reader sees, runs joined; a hard break and a soft one as a space; deleted
    /// text left out.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for run in self.runs() {
            match run {
                Run::Text(t) | Run::Strong(t) | Run::Inserted(t) => out.push_str(t),
                Run::Break | Run::InsertedBreak => out.push(' '),
                Run::Deleted(_) | Run::DeletedBreak => {}
            }
        }
        out.replace('\n', " ")
    }

    /// Whether every run is deleted text (a block the new version takes out).
    pub fn all_deleted(&self) -> bool {
        !self.runs().is_empty()
            && self
                .runs()
                .iter()
                .all(|r| matches!(r, Run::Deleted(_) | Run::DeletedBreak))
    }

    /// Whether every run is inserted text (a block the new version puts in).
    pub fn all_inserted(&self) -> bool {
        !self.runs().is_empty()
            && self
                .runs()
                .iter()
                .all(|r| matches!(r, Run::Inserted(_) | Run::InsertedBreak))
    }

    /// Adds a run, joining it to the last one when both are of the same kind.
    pub fn push(&mut self, run: Run<'a>) {
        let run = match (self.runs_mut().last_mut(), run) {
            (Some(Run::Text(a)), Run::Text(b))
            | (Some(Run::Strong(a)), Run::Strong(b))
            | (Some(Run::Deleted(a)), Run::Deleted(b))
            | (Some(Run::Inserted(a)), Run::Inserted(b)) => return a.to_mut().push_str(&b),
            (_, run) => run,
        };
        match &mut self.0 {
            Runs::Many(runs) if runs.is_empty() => self.0 = Runs::One(run),
            Runs::Many(runs) => runs.push(run),
            Runs::One(_) => {
                if let Runs::One(first) = std::mem::take(&mut self.0) {
                    self.0 = Runs::Many(vec![first, run]);
                }
            }
        }
    }
}

impl Block<'_> {
    /// The block with all its text its own.
    pub fn into_owned(self) -> Block<'static> {
        let rows = |rows: Vec<Vec<Inline<'_>>>| {
            rows.into_iter()
                .map(|row| row.into_iter().map(Inline::into_owned).collect())
                .collect()
        };
        match self {
            Block::Title { text } => Block::Title {
                text: text.into_owned(),
            },
            Block::Heading {
                level,
                number,
                text,
            } => Block::Heading {
                level,
                number,
                text: text.into_owned(),
            },
            Block::Paragraph { text } => Block::Paragraph {
                text: text.into_owned(),
            },
            Block::List { numbered, items } => Block::List {
                numbered,
                items: items.into_iter().map(Inline::into_owned).collect(),
            },
            Block::Table { header, rows: r } => Block::Table {
                header,
                rows: rows(r),
            },
        }
    }

    /// The text of the block as a reader sees it: a heading with its number, a table's
    /// cells row by row. The redline compares blocks by it.
    pub fn plain(&self) -> String {
        match self {
            Block::Title { text } | Block::Paragraph { text } => text.plain(),
            Block::Heading { number, text, .. } => match number {
                Some(n) => format!("{n} {}", text.plain()),
                None => text.plain(),
            },
            Block::List { items, .. } => items
                .iter()
                .map(Inline::plain)
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows } => {
                let mut lines = vec![header.join(" | ")];
                for row in rows {
                    lines.push(
                        row.iter()
                            .map(Inline::plain)
                            .collect::<Vec<_>>()
                            .join(" | "),
                    );
                }
                lines.join("\n")
            }
        }
    }
}

impl Document<'_> {
    /// The numbered sections and clauses, in order: `("4.1", "Alliance Steering Committee")`.
    pub fn outline(&self) -> Vec<(String, String)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    number: Some(n),
                    text,
                    ..
                } => Some((n.clone(), text.plain())),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_a_writer_sizes_its_output_by_counts_every_run_and_cell() {
        let doc = Document {
            blocks: vec![
                Block::Paragraph {
                    text: Inline::from(vec![
                        Run::Strong("Lead.".into()),
                        Run::Break,
                        Run::Text("ab".into()),
                    ]),
                },
                Block::Table {
                    header: vec!["Party".into()],
                    rows: vec![vec![Inline::text("Helix")], vec![Inline::text("Northwind")]],
                },
            ],
            ..Document::default()
        };
        // 7 bytes of text + 2 for the paragraph; 5 + 6 for the header; 5 + 9 + 3 a cell.
        assert_eq!(doc.text_len(), 9 + 11 + 20);
    }

    #[test]
    fn runs_of_a_kind_join() {
        let mut i = Inline::default();
        i.push(Run::Text("a".into()));
        i.push(Run::Text("b".into()));
        i.push(Run::Strong("c".into()));
        i.push(Run::Break);
        i.push(Run::Break);
        assert_eq!(
            i.runs(),
            [
                Run::Text("ab".into()),
                Run::Strong("c".into()),
                Run::Break,
                Run::Break
            ]
        );
        assert_eq!(i.plain(), "abc  ");
    }

    #[test]
    fn one_run_held_in_place_is_the_same_text_as_in_a_vector() {
        let one = Inline::text("Helix");
        let listed = Inline(Runs::Many(vec![Run::Text("Helix".into())]));
        assert!(matches!(one.0, Runs::One(_)));
        assert_eq!(one, listed);
        assert_eq!(Inline::from(vec![Run::Text("Helix".into())]), listed);
        assert!(matches!(Inline::from(vec![Run::Break]).0, Runs::One(_)));
        assert_eq!(
            serde_json::to_string(&one).ok(),
            serde_json::to_string(&listed).ok()
        );
        assert_ne!(one, Inline::default());
        // Pushed onto nothing, a run is held in place; a second makes a vector.
        let mut i = Inline::default();
        i.push(Run::Text("a".into()));
        assert!(matches!(i.0, Runs::One(_)));
        i.push(Run::Break);
        assert_eq!(
            i.clone().into_runs(),
            vec![Run::Text("a".into()), Run::Break]
        );
        assert_eq!(i.runs().len(), 2);
        assert_eq!(i.into_owned().runs().len(), 2);
    }

    #[test]
    fn deleted_text_is_not_read() {
        let i = Inline::from(vec![
            Run::Text("the ".into()),
            Run::Deleted("old".into()),
            Run::Inserted("new".into()),
            Run::Text(" one\nhere".into()),
        ]);
        assert_eq!(i.plain(), "the new one here");
        assert!(!i.all_deleted());
        assert!(Inline::from(vec![Run::Deleted("x".into())]).all_deleted());
    }
}
