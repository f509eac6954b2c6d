//! The term sheet as Markdown (`charter build --markdown`): the [`Document`] laid out for a
//! pull request and for GitHub, pandoc or any CommonMark reader.
//!
//! The title is a level-1 heading, sections level 2 ("## 4. Governance"), clauses level 3
//! ("### 4.1 Alliance Steering Committee"), appendices level 2 without a number; tables are
//! GFM tables (a cell's lines joined by `<br>`, the only HTML written); a hard break is a
//! backslash at the end of the line. Text is escaped by [`escape::run`], only where a
//! character would otherwise change what it means, so that the raw file reads cleanly. A
//! redline's deleted text is struck (`~~…~~`), its inserted text in bold.

use super::document::{Block, Document, Inline, Level, Run};
use super::escape;
use super::Status;
use crate::model::Agreement;

/// The term sheet of an agreement, with a final newline.
pub fn term_sheet(agreement: &Agreement, status: &Status) -> String {
    write(&super::sheet::document(agreement, status))
}

/// A document as Markdown, with a final newline.
pub fn write(doc: &Document) -> String {
    let mut blocks: Vec<String> = Vec::with_capacity(doc.blocks.len());
    for block in &doc.blocks {
        blocks.push(match block {
            Block::Title { text } => format!("# {}", inline(text, Where::Line)),
            Block::Heading {
                level,
                number,
                text,
            } => {
                let hashes = match level {
                    Level::Section => "##",
                    Level::Clause => "###",
                };
                match (level, number) {
                    (Level::Section, Some(n)) => {
                        format!("{hashes} {n}. {}", inline(text, Where::Line))
                    }
                    (Level::Clause, Some(n)) => {
                        format!("{hashes} {n} {}", inline(text, Where::Line))
                    }
                    (_, None) => format!("{hashes} {}", inline(text, Where::Line)),
                }
            }
            Block::Paragraph { text } => inline(text, Where::Paragraph),
            Block::List { numbered, items } => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let marker = if *numbered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_string()
                    };
                    format!("{marker} {}", inline(item, Where::Paragraph))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows } => table(header, rows),
        });
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn table(header: &[String], rows: &[Vec<Inline>]) -> String {
    let line = |cells: Vec<String>| {
        let mut s = String::from("|");
        for c in cells {
            s.push(' ');
            s.push_str(&c);
            s.push_str(" |");
        }
        s
    };
    let mut out = vec![
        line(header.iter().map(|h| escape::run(h, true)).collect()),
        format!("|{}", "---|".repeat(header.len())),
    ];
    for row in rows {
        out.push(line(row.iter().map(|c| inline(c, Where::Cell)).collect()));
    }
    out.join("\n")
}

/// Where inline text goes: what a hard break becomes there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    /// A heading's line: no break can be written.
    Line,
    /// A paragraph or list item: a backslash at the end of the line.
    Paragraph,
    /// A table cell: `<br>`.
    Cell,
}

fn inline(text: &Inline, at: Where) -> String {
    let mut out = String::new();
    // A table cell holds no blocks: what would start a list or a heading at the start of a
    // line is text there.
    let mut start = at != Where::Cell;
    let mut previous: Option<&Run> = None;
    for run in &text.0 {
        let (open, close, body) = match run {
            Run::Text(t) => ("", "", t),
            Run::Strong(t) | Run::Inserted(t) => ("**", "**", t),
            Run::Deleted(t) => ("~~", "~~", t),
            Run::Break | Run::DeletedBreak | Run::InsertedBreak => {
                // A redline's break is shown as a break, as Word shows it until accepted.
                match at {
                    Where::Line => out.push(' '),
                    Where::Paragraph => out.push_str("\\\n"),
                    Where::Cell => out.push_str("<br>"),
                }
                start = at == Where::Paragraph;
                previous = Some(run);
                continue;
            }
        };
        // "~~consent.~~ **consent,**", not "~~consent.~~**consent,**": two marked runs side
        // by side are kept apart by a space.
        if !open.is_empty()
            && previous.is_some_and(|p| matches!(p, Run::Deleted(_) | Run::Inserted(_)))
            && !out.ends_with(char::is_whitespace)
            && !body.starts_with(char::is_whitespace)
        {
            out.push(' ');
        }
        previous = Some(run);
        // Delimiters sit against the words (CommonMark ignores them beside a space), the
        // spacing outside them.
        let (lead, rest) = body.split_at(body.len() - body.trim_start().len());
        let core = rest.trim_end();
        let trail = &rest[core.len()..];
        if open.is_empty() {
            out.push_str(&lines(body, &mut start, at));
            continue;
        }
        out.push_str(&lines(lead, &mut start, at));
        if !core.is_empty() {
            out.push_str(open);
            out.push_str(&lines(core, &mut start, at));
            out.push_str(close);
        }
        out.push_str(&lines(trail, &mut start, at));
    }
    out
}

/// Plain text, its soft line breaks kept as lines of the paragraph (a space elsewhere).
fn lines(text: &str, start: &mut bool, at: Where) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split('\n').enumerate() {
        if i > 0 {
            if at == Where::Paragraph {
                out.push('\n');
                *start = true;
            } else {
                out.push(' ');
            }
        }
        if piece.is_empty() {
            continue;
        }
        out.push_str(&escape::run(piece, *start));
        *start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(runs: Vec<Run>) -> String {
        write(&Document {
            blocks: vec![Block::Paragraph { text: Inline(runs) }],
            ..Document::default()
        })
    }

    #[test]
    fn text_is_escaped_where_it_stands() {
        assert_eq!(
            para(vec![Run::Text("- not a list, 1. nor this".into())]),
            "\\- not a list, 1. nor this\n"
        );
        assert_eq!(
            para(vec![
                Run::Strong("Note:".into()),
                Run::Text(" - a dash *here*".into())
            ]),
            "**Note:** - a dash \\*here\\*\n"
        );
    }

    #[test]
    fn breaks_and_soft_lines() {
        assert_eq!(
            para(vec![
                Run::Text("(a) one;".into()),
                Run::Break,
                Run::Text("(b) two\n# three".into())
            ]),
            "(a) one;\\\n(b) two\n\\# three\n"
        );
    }

    #[test]
    fn redline_marks_sit_against_the_words() {
        assert_eq!(
            para(vec![
                Run::Text("by ".into()),
                Run::Deleted("consensus ".into()),
                Run::Inserted("majority".into()),
                Run::Text(".".into())
            ]),
            "by ~~consensus~~ **majority**.\n"
        );
    }
}
