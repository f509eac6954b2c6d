//! The term sheet as a Word document (`charter build --docx`), through the `docx-rs` crate:
//! the [`Document`] laid out in Word's styles (Title, Heading 1–2, List Bullet, List Number,
//! Table Grid), section and clause numbers through Word's own multilevel numbering (1, 1.1),
//! the legend in the page header, the page number in the footer, and the title and version in
//! the document's properties. A redline's deleted and inserted text are Word tracked changes
//! (`w:del`, `w:ins`), which a reader accepts or rejects one by one.

use super::document::{Block, Document, Inline, Level, Run as Text};
use super::Status;
use crate::model::Agreement;
use docx_rs::{
    AbstractNumbering, BreakType, Delete, Docx, Footer, Header, IndentLevel, Insert,
    Level as NumberLevel, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageNum, Paragraph, Run, Start, Style, StyleType, Table, TableCell, TableRow,
};

/// Word's numbering instances: the headings' multilevel list, bullets, then one instance per
/// numbered list (each starts again at 1).
const HEADINGS: usize = 1;
const BULLETS: usize = 2;
const NUMBERS: usize = 3;

/// Who made a redline's tracked changes, as Word shows it.
const AUTHOR: &str = "Charter";

/// The Word document of the term sheet.
pub fn document(agreement: &Agreement, status: &Status) -> Vec<u8> {
    write(&super::sheet::document(agreement, status))
}

/// A document as Word.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut docx = styles(Docx::new())
        .add_abstract_numbering(heading_numbers())
        .add_numbering(Numbering::new(HEADINGS, HEADINGS))
        .add_abstract_numbering(list(BULLETS, "bullet", "•"))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list(NUMBERS, "decimal", "%1."));
    let mut lists = 0;
    for block in &doc.blocks {
        match block {
            Block::Title { text } => {
                docx = docx.add_paragraph(runs(Paragraph::new().style("Title"), text));
            }
            Block::Heading {
                level,
                number,
                text,
            } => {
                let (style, level) = match level {
                    Level::Section => ("Heading1", 0),
                    Level::Clause => ("Heading2", 1),
                };
                let mut p = Paragraph::new().style(style);
                // A heading the redline takes out has no number of its own.
                if number.is_some() && !text.all_deleted() {
                    p = p.numbering(NumberingId::new(HEADINGS), IndentLevel::new(level));
                }
                // A heading stays with what follows it, on the same page.
                let p = p
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(240).after(120));
                docx = docx.add_paragraph(runs(p, text));
            }
            Block::Paragraph { text } => {
                let p = Paragraph::new().line_spacing(LineSpacing::new().after(120));
                docx = docx.add_paragraph(runs(p, text));
            }
            Block::List { numbered, items } => {
                let (id, style) = if *numbered {
                    lists += 1;
                    (NUMBERS + lists, "ListNumber")
                } else {
                    (BULLETS, "ListBullet")
                };
                for item in items {
                    let p = Paragraph::new()
                        .style(style)
                        .numbering(NumberingId::new(id), IndentLevel::new(0));
                    docx = docx.add_paragraph(runs(p, item));
                }
            }
            Block::Table { header, rows } => {
                let mut table_rows = vec![TableRow::new(
                    header
                        .iter()
                        .map(|h| {
                            TableCell::new().add_paragraph(
                                Paragraph::new().add_run(Run::new().add_text(plain(h)).bold()),
                            )
                        })
                        .collect(),
                )
                .cant_split()];
                for row in rows {
                    table_rows.push(
                        TableRow::new(
                            row.iter()
                                .map(|c| TableCell::new().add_paragraph(runs(Paragraph::new(), c)))
                                .collect(),
                        )
                        .cant_split(),
                    );
                }
                docx = docx.add_table(
                    Table::new(table_rows)
                        .style("TableGrid")
                        .width(5000, docx_rs::WidthType::Pct),
                );
            }
        }
    }
    for n in 0..lists {
        docx = docx.add_numbering(
            Numbering::new(NUMBERS + 1 + n, NUMBERS).add_override(LevelOverride::new(0).start(1)),
        );
    }
    if !doc.legend.is_empty() {
        let text = plain(&doc.legend.join(" · "));
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
    docx = docx.custom_property("Title", super::escape::xml(&plain(&doc.title)));
    if let Some(v) = &doc.version {
        docx = docx.custom_property("Version", super::escape::xml(&plain(v)));
    }
    // The version's date, not the time of the build: the same agreement gives the same bytes.
    if let Some(d) = &doc.dated {
        let at = format!("{d}T00:00:00Z");
        docx = docx.created_at(&at).updated_at(&at);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    // Packing into memory cannot fail for want of space; a failure leaves an empty document.
    match docx.build().pack(&mut out) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// The runs of `text` added to a paragraph: bold lead-ins, line breaks, and a redline's
/// deletions and insertions as tracked changes.
fn runs(mut p: Paragraph, text: &Inline) -> Paragraph {
    for run in &text.0 {
        p = match run {
            Text::Text(t) => p.add_run(Run::new().add_text(plain(&t.replace('\n', " ")))),
            Text::Strong(t) => p.add_run(Run::new().add_text(plain(t)).bold()),
            Text::Break => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Text::DeletedBreak => p.add_delete(
                Delete::new()
                    .author(AUTHOR)
                    .add_run(Run::new().add_break(BreakType::TextWrapping)),
            ),
            Text::InsertedBreak => p.add_insert(
                Insert::new(Run::new().add_break(BreakType::TextWrapping)).author(AUTHOR),
            ),
            Text::Deleted(t) => p.add_delete(
                Delete::new()
                    .author(AUTHOR)
                    .add_run(Run::new().add_delete_text(plain(&t.replace('\n', " ")))),
            ),
            Text::Inserted(t) => p.add_insert(
                Insert::new(Run::new().add_text(plain(&t.replace('\n', " ")))).author(AUTHOR),
            ),
        };
    }
    p
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

/// Sections "1." and clauses "1.1", as the term sheet numbers them.
fn heading_numbers() -> AbstractNumbering {
    AbstractNumbering::new(HEADINGS)
        .add_level(
            NumberLevel::new(
                0,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            )
            .paragraph_style("Heading1"),
        )
        .add_level(
            NumberLevel::new(
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
        NumberLevel::new(
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
