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

/// A document as Markdown, with a final newline. Written into one string as it goes: a
/// term sheet of tens of thousands of clauses makes no string per block.
pub fn write(doc: &Document) -> String {
    // Sized for the text and its markup, so that a long sheet is not copied as it grows.
    let size = doc.text_len();
    let mut out = String::with_capacity(size + size / 4 + 64);
    for (i, block) in doc.blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        match block {
            Block::Title { text } => {
                out.push_str("# ");
                inline(&mut out, text, Where::Line);
            }
            Block::Heading {
                level,
                number,
                text,
            } => {
                out.push_str(match level {
                    Level::Section => "## ",
                    Level::Clause => "### ",
                });
                if let Some(n) = number {
                    out.push_str(n);
                    out.push_str(match level {
                        Level::Section => ". ",
                        Level::Clause => " ",
                    });
                }
                inline(&mut out, text, Where::Line);
            }
            Block::Paragraph { text } => inline(&mut out, text, Where::Paragraph),
            Block::List { numbered, items } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    if *numbered {
                        out.push_str(&(i + 1).to_string());
                        out.push_str(". ");
                    } else {
                        out.push_str("- ");
                    }
                    inline(&mut out, item, Where::Paragraph);
                }
            }
            Block::Table { header, rows } => table(&mut out, header, rows),
        }
    }
    out.push('\n');
    out
}

fn table(out: &mut String, header: &[String], rows: &[Vec<Inline>]) {
    out.push('|');
    for h in header {
        out.push(' ');
        escape::run_into(out, h, true);
        out.push_str(" |");
    }
    out.push_str("\n|");
    for _ in header {
        out.push_str("---|");
    }
    for row in rows {
        out.push_str("\n|");
        for cell in row {
            out.push(' ');
            inline(out, cell, Where::Cell);
            out.push_str(" |");
        }
    }
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

/// Inline text, added to `out` (whatever is in it already comes before it on the line).
fn inline(out: &mut String, text: &Inline, at: Where) {
    let begin = out.len();
    // A table cell holds no blocks: what would start a list or a heading at the start of a
    // line is text there.
    let mut start = at != Where::Cell;
    let mut previous: Option<&Run> = None;
    for run in text.runs() {
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
            && (out.len() == begin || !out.ends_with(char::is_whitespace))
            && !body.starts_with(char::is_whitespace)
        {
            out.push(' ');
        }
        previous = Some(run);
        if open.is_empty() {
            lines(out, body, &mut start, at);
            continue;
        }
        // Delimiters sit against the words (CommonMark ignores them beside a space), the
        // spacing outside them.
        let (lead, rest) = body.split_at(body.len() - body.trim_start().len());
        let core = rest.trim_end();
        let trail = rest.get(core.len()..).unwrap_or_default();
        lines(out, lead, &mut start, at);
        if !core.is_empty() {
            out.push_str(open);
            lines(out, core, &mut start, at);
            out.push_str(close);
        }
        lines(out, trail, &mut start, at);
    }
}

/// Plain text, its soft line breaks kept as lines of the paragraph (a space elsewhere).
fn lines(out: &mut String, text: &str, start: &mut bool, at: Where) {
    for (i, piece) in crate::scan::split_lines(text).enumerate() {
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
        escape::run_into(out, piece, *start);
        *start = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(runs: Vec<Run>) -> String {
        write(&Document {
            blocks: vec![Block::Paragraph {
                text: Inline::from(runs),
            }],
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
