//! The term sheet as a Word document (`charter build --docx`), through the `docx-rs` crate.
//!
//! The content is the term sheet's, built once by [`super::markdown::term_sheet`]; this
//! writer only lays it out, reading the Markdown back (every piece of user text in it is
//! escaped, so its structure is Charter's own): Word's styles (Title, Heading 1–2, List
//! Bullet, List Number, Table Grid), section and clause numbers through Word's own
//! multilevel numbering (1, 1.1), the legend in the page header, the page number in the
//! footer, and the title and version in the document's properties.

use super::{markdown, Status};
use crate::model::Agreement;
use docx_rs::{
    AbstractNumbering, BreakType, Docx, Footer, Header, IndentLevel, Level, LevelJc, LevelOverride,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageNum, Paragraph, Run, Start,
    Style, StyleType, Table, TableCell, TableRow,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Word's numbering instances: the headings' multilevel list, bullets, then one instance per
/// numbered list (each starts again at 1).
const HEADINGS: usize = 1;
const BULLETS: usize = 2;
const NUMBERS: usize = 3;

/// The Word document of the term sheet.
pub fn document(agreement: &Agreement, status: &Status) -> Vec<u8> {
    let md = markdown::term_sheet(agreement, status);
    let mut w = Writer::default();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        w.event(event);
    }
    let title = agreement.title.value.trim();
    let mut docx = styles(Docx::new())
        .add_abstract_numbering(heading_numbers())
        .add_numbering(Numbering::new(HEADINGS, HEADINGS))
        .add_abstract_numbering(list(BULLETS, "bullet", "•"))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list(NUMBERS, "decimal", "%1."));
    for n in 0..w.lists {
        docx = docx.add_numbering(
            Numbering::new(NUMBERS + 1 + n, NUMBERS).add_override(LevelOverride::new(0).start(1)),
        );
    }
    let legend: Vec<&str> = agreement
        .legend
        .iter()
        .map(|l| l.value.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if !legend.is_empty() {
        let text = plain(&legend.join(" · ").to_uppercase());
        docx = docx.header(
            Header::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text))),
        );
    }
    docx = docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Page "))
                .add_page_num(PageNum::new()),
        ),
    );
    // docx-rs writes a property's value into the XML as it is: escaped here.
    let shown = if title.is_empty() {
        "Untitled agreement"
    } else {
        title
    };
    docx = docx.custom_property("Title", super::escape::xml(&plain(shown)));
    if let Some(v) = &agreement.version {
        docx = docx.custom_property("Version", super::escape::xml(&plain(v.value.trim())));
    }
    // The version's date, not the time of the build: the same agreement gives the same bytes.
    if let Some(d) = &agreement.dated {
        let at = format!("{}T00:00:00Z", d.value);
        docx = docx.created_at(&at).updated_at(&at);
    }
    for block in w.body {
        docx = match block {
            Block::Paragraph(p) => docx.add_paragraph(*p),
            Block::Table(t) => docx.add_table(*t),
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    // Packing into memory cannot fail for want of space; a failure leaves an empty document.
    match docx.build().pack(&mut out) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// What the Markdown says, laid out as Word paragraphs and tables.
#[derive(Default)]
struct Writer {
    body: Vec<Block>,
    /// The paragraph being written, and the level of the heading it is, if it is one.
    paragraph: Option<Paragraph>,
    heading: Option<HeadingLevel>,
    /// A heading's text, held until its number can be taken off.
    heading_text: String,
    bold: bool,
    /// The lists open: the numbering instance of each.
    list: Vec<usize>,
    /// Numbered lists so far.
    lists: usize,
    table: Option<TableBuild>,
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    header: bool,
}

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some(level);
                self.heading_text.clear();
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            // Inside a list item, a paragraph goes on in the item's.
            Event::Start(Tag::Paragraph) if self.paragraph.is_none() => {
                self.paragraph = Some(Paragraph::new().line_spacing(LineSpacing::new().after(120)));
            }
            Event::End(TagEnd::Paragraph) if self.list.is_empty() => self.end_paragraph(),
            Event::Start(Tag::List(start)) => {
                let id = match start {
                    Some(_) => {
                        self.lists += 1;
                        NUMBERS + self.lists
                    }
                    None => BULLETS,
                };
                self.list.push(id);
            }
            Event::End(TagEnd::List(_)) => {
                self.list.pop();
            }
            Event::Start(Tag::Item) => {
                let id = self.list.last().copied().unwrap_or(BULLETS);
                let style = if id == BULLETS {
                    "ListBullet"
                } else {
                    "ListNumber"
                };
                self.paragraph = Some(
                    Paragraph::new()
                        .style(style)
                        .numbering(NumberingId::new(id), IndentLevel::new(0)),
                );
            }
            Event::End(TagEnd::Item) => self.end_paragraph(),
            Event::Start(Tag::Table(_)) => self.table = Some(TableBuild::default()),
            Event::End(TagEnd::Table) => {
                if let Some(t) = self.table.take() {
                    self.body.push(Block::Table(Box::new(
                        Table::new(t.rows)
                            .style("TableGrid")
                            .width(5000, docx_rs::WidthType::Pct),
                    )));
                }
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.header = true;
                }
            }
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                if let Some(t) = &mut self.table {
                    let cells = std::mem::take(&mut t.cells);
                    t.rows.push(TableRow::new(cells).cant_split());
                    t.header = false;
                }
            }
            Event::Start(Tag::TableCell) => self.paragraph = Some(Paragraph::new()),
            Event::End(TagEnd::TableCell) => {
                let p = self.paragraph.take().unwrap_or_default();
                if let Some(t) = &mut self.table {
                    let p = if t.header { p.bold() } else { p };
                    t.cells.push(TableCell::new().add_paragraph(p));
                }
            }
            Event::Start(Tag::Strong) => self.bold = true,
            Event::End(TagEnd::Strong) => self.bold = false,
            Event::Text(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.line_break(),
            Event::InlineHtml(html) if html.as_ref() == "<br>" => self.line_break(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.heading.is_some() {
            self.heading_text.push_str(text);
            return;
        }
        let mut run = Run::new().add_text(plain(text));
        if self.bold {
            run = run.bold();
        }
        let p = self.paragraph.take().unwrap_or_default();
        self.paragraph = Some(p.add_run(run));
    }

    fn line_break(&mut self) {
        let p = self.paragraph.take().unwrap_or_default();
        self.paragraph = Some(p.add_run(Run::new().add_break(BreakType::TextWrapping)));
    }

    fn end_paragraph(&mut self) {
        if let Some(p) = self.paragraph.take() {
            self.body.push(Block::Paragraph(Box::new(p)));
        }
    }

    /// A heading: the title, a numbered section or clause (its number taken off the text and
    /// given by Word's numbering), or an appendix (no number).
    fn end_heading(&mut self) {
        let Some(level) = self.heading.take() else {
            return;
        };
        let text = std::mem::take(&mut self.heading_text);
        // Only sections and clauses carry a number; the title keeps its text whole.
        let (number, rest) = match level {
            HeadingLevel::H1 => (None, text.as_str()),
            _ => split_number(&text),
        };
        let p = match (level, number) {
            (HeadingLevel::H1, _) => Paragraph::new().style("Title"),
            (HeadingLevel::H2, Some(_)) => Paragraph::new()
                .style("Heading1")
                .numbering(NumberingId::new(HEADINGS), IndentLevel::new(0)),
            (HeadingLevel::H2, None) => Paragraph::new().style("Heading1"),
            (_, Some(_)) => Paragraph::new()
                .style("Heading2")
                .numbering(NumberingId::new(HEADINGS), IndentLevel::new(1)),
            (_, None) => Paragraph::new().style("Heading2"),
        };
        let shown = rest;
        // A heading stays with what follows it, on the same page.
        let p = p
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(240).after(120));
        self.body.push(Block::Paragraph(Box::new(
            p.add_run(Run::new().add_text(plain(shown))),
        )));
    }
}

/// User text for a run of the document: a control character (which XML cannot hold) as a
/// space, and a direction control or invisible character by its code point, `[U+202E]`, as
/// the term sheet shows it.
pub(crate) fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::unicode::hidden(c).is_some() {
            out.push_str(&format!("[{}]", crate::unicode::code_point(c)));
        } else if c.is_control() && c != '\t' && c != '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// "4. Governance" → ("4", "Governance"); "4.1 Board" → ("4.1", "Board"); a heading with no
/// number of Charter's is left whole.
fn split_number(text: &str) -> (Option<&str>, &str) {
    let Some((head, rest)) = text.split_once(' ') else {
        return (None, text);
    };
    let number = head.trim_end_matches('.');
    let numeric = !number.is_empty()
        && number
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    if numeric {
        (Some(number), rest)
    } else {
        (None, text)
    }
}

/// Sections "1." and clauses "1.1", as the term sheet numbers them.
fn heading_numbers() -> AbstractNumbering {
    AbstractNumbering::new(HEADINGS)
        .add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            )
            .paragraph_style("Heading1"),
        )
        .add_level(
            Level::new(
                1,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1.%2"),
                LevelJc::new("left"),
            )
            .paragraph_style("Heading2"),
        )
}

/// A one-level list: bullets (`"bullet"`, `•`) or numbers (`"decimal"`, `%1.`).
fn list(id: usize, format: &str, text: &str) -> AbstractNumbering {
    AbstractNumbering::new(id).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(720),
            Some(docx_rs::SpecialIndentType::Hanging(360)),
            None,
            None,
        ),
    )
}

/// Word's own style names, so that the document reads as a Word user expects it.
pub(crate) fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold(),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .size(30)
            .bold()
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .size(26)
            .bold()
            .outline_lvl(1),
    )
    .add_style(Style::new("ListBullet", StyleType::Paragraph).name("List Bullet"))
    .add_style(Style::new("ListNumber", StyleType::Paragraph).name("List Number"))
    .add_style(Style::new("TableGrid", StyleType::Table).name("Table Grid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_numbers_are_taken_off() {
        assert_eq!(split_number("4. Governance"), (Some("4"), "Governance"));
        assert_eq!(split_number("4.1 Board"), (Some("4.1"), "Board"));
        assert_eq!(split_number("Open issues"), (None, "Open issues"));
        assert_eq!(split_number("2027 plan"), (Some("2027"), "plan"));
    }
}
