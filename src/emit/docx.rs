//! The term sheet as a Word document (`charter build --docx`), through the `docx-rs` crate:
//! the [`Document`] laid out in Word's styles (Title, Heading 1–2, List Bullet, List Number,
//! Table Grid), section and clause numbers through Word's own multilevel numbering (1, 1.1),
//! the legend in the page header, the page number in the footer, and the title and version in
//! the document's properties. A redline's deleted and inserted text are Word tracked changes
//! (`w:del`, `w:ins`), which a reader accepts or rejects one by one.

use super::document::{Block, Document, Inline, Level, Run as Text};
use super::escape::plain;
use super::Status;
use crate::model::Agreement;
use docx_rs::{
    AbstractNumbering, BreakType, Delete, Docx, Footer, Header, IndentLevel, Insert,
    Level as NumberLevel, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageNum, Paragraph, Run, Start, Style, StyleType, Table, TableCell, TableRow,
};

/// Word's numbering instances: the headings' multilevel list, bullets, then one instance per
/// numbered list (each starts again at 1). From 10: docx-rs's blank document already defines
/// numbering 1 (with "(1)" for its second level), which LibreOffice and Word use in place of
/// a second definition with the same id.
const HEADINGS: usize = 10;
const BULLETS: usize = 11;
const NUMBERS: usize = 12;

/// Who made a redline's tracked changes, as Word shows it.
const AUTHOR: &str = "Charter";

/// A4, with the HTML page's margins (20 mm top and bottom, 18 mm at the sides), in twips.
const PAGE: (u32, u32) = (11906, 16838);
const MARGIN_Y: i32 = 1134;
const MARGIN_X: i32 = 1020;
/// The width of the text between the side margins, in twips.
const TEXT_WIDTH: usize = 11906 - 2 * 1020;

/// The Word document of the term sheet.
pub fn document(agreement: &Agreement, status: &Status) -> Vec<u8> {
    write(&super::sheet::document(agreement, status))
}

/// A document as Word.
pub fn write(doc: &Document) -> Vec<u8> {
    let mut docx = styles(Docx::new())
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN_Y)
                .bottom(MARGIN_Y)
                .left(MARGIN_X)
                .right(MARGIN_X)
                .header(567)
                .footer(567),
        )
        .add_abstract_numbering(heading_numbers())
        .add_numbering(Numbering::new(HEADINGS, HEADINGS))
        .add_abstract_numbering(list(BULLETS, "bullet", "•"))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(list(NUMBERS, "decimal", "%1."));
    // A redline's changes are dated with the new version's date (or none known: 1970, as
    // docx-rs writes it), not the time of the build: the same versions give the same bytes.
    let date = doc.dated.as_ref().map_or_else(
        || "1970-01-01T00:00:00Z".to_string(),
        |d| format!("{d}T00:00:00Z"),
    );
    let mut lists = 0;
    let mut after_table = false;
    for block in &doc.blocks {
        // Two tables with nothing between them are one table to Word: a small paragraph
        // keeps them apart.
        let table = matches!(block, Block::Table { .. });
        if table && after_table {
            docx = docx.add_paragraph(
                Paragraph::new().line_spacing(LineSpacing::new().before(0).after(0)),
            );
        }
        after_table = table;
        match block {
            Block::Title { text } => {
                docx = docx.add_paragraph(marked(Paragraph::new().style("Title"), text, &date));
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
                docx = docx.add_paragraph(marked(p, text, &date));
            }
            Block::Paragraph { text } => {
                let p = Paragraph::new().line_spacing(LineSpacing::new().after(120));
                docx = docx.add_paragraph(marked(p, text, &date));
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
                    docx = docx.add_paragraph(marked(p, item, &date));
                }
            }
            Block::Table { header, rows } => {
                let widths = column_widths(header, rows);
                let cell = |i: usize, p: Paragraph| {
                    let width = widths.get(i).copied().unwrap_or(TEXT_WIDTH);
                    TableCell::new()
                        .width(width, docx_rs::WidthType::Dxa)
                        .add_paragraph(p)
                };
                let mut table_rows = vec![TableRow::new(
                    header
                        .iter()
                        .enumerate()
                        .map(|(i, h)| {
                            cell(
                                i,
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
                                .enumerate()
                                .map(|(i, c)| cell(i, runs(Paragraph::new(), c, &date)))
                                .collect(),
                        )
                        .cant_split(),
                    );
                }
                docx = docx.add_table(
                    Table::new(table_rows)
                        .style("TableGrid")
                        .set_grid(widths)
                        .width(TEXT_WIDTH, docx_rs::WidthType::Dxa),
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

/// The widths of a table's columns, in twips. Each column is first given room for its longest
/// word (so that no word breaks inside: "Impact", an e-mail address up to 24 characters), then
/// the rest of the width is shared by how much text each column holds on average (between 6
/// and 60 characters), so that a column of sentences gets the room a column of amounts does
/// not need.
fn column_widths(header: &[String], rows: &[Vec<Inline>]) -> Vec<usize> {
    /// About the width of a character of 10 to 11 point text, and a cell's padding, in twips.
    const CHAR: usize = 115;
    const PADDING: usize = 230;
    let columns: Vec<(usize, usize)> = (0..header.len())
        .map(|i| {
            let texts: Vec<String> = header
                .get(i)
                .cloned()
                .into_iter()
                .chain(rows.iter().filter_map(|r| r.get(i)).map(Inline::plain))
                .collect();
            let longest_word = texts
                .iter()
                .flat_map(|t| t.split_whitespace())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(1)
                .min(24);
            let cells = texts.len().saturating_sub(1).max(1);
            let mean = texts
                .iter()
                .skip(1)
                .map(|t| t.chars().count())
                .sum::<usize>()
                / cells;
            let head = header.get(i).map_or(0, |h| h.chars().count());
            (longest_word * CHAR + PADDING, mean.max(head).clamp(6, 60))
        })
        .collect();
    let least: usize = columns.iter().map(|(min, _)| min).sum();
    if least >= TEXT_WIDTH {
        // Too many columns for every longest word: shared by those widths alone.
        return columns
            .iter()
            .map(|(min, _)| TEXT_WIDTH * min / least.max(1))
            .collect();
    }
    let spare = TEXT_WIDTH - least;
    let total: usize = columns.iter().map(|(_, want)| want).sum::<usize>().max(1);
    columns
        .iter()
        .map(|(min, want)| min + spare * want / total)
        .collect()
}

/// A paragraph with its runs; one a redline puts in or takes out whole has its paragraph mark
/// tracked too, so that rejecting (or accepting) the change leaves no empty paragraph behind.
fn marked(p: Paragraph, text: &Inline, date: &str) -> Paragraph {
    let p = runs(p, text, date);
    if text.all_inserted() {
        p.insert(AUTHOR, date)
    } else if text.all_deleted() {
        p.delete(AUTHOR, date)
    } else {
        p
    }
}

/// The runs of `text` added to a paragraph: bold lead-ins, line breaks, and a redline's
/// deletions and insertions as tracked changes.
fn runs(mut p: Paragraph, text: &Inline, date: &str) -> Paragraph {
    for run in text.runs() {
        p = match run {
            Text::Text(t) => p.add_run(Run::new().add_text(plain(&t.replace('\n', " ")))),
            Text::Strong(t) => p.add_run(Run::new().add_text(plain(t)).bold()),
            Text::Break => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Text::DeletedBreak => p.add_delete(
                Delete::new()
                    .author(AUTHOR)
                    .date(date)
                    .add_run(Run::new().add_break(BreakType::TextWrapping)),
            ),
            Text::InsertedBreak => p.add_insert(
                Insert::new(Run::new().add_break(BreakType::TextWrapping))
                    .author(AUTHOR)
                    .date(date),
            ),
            Text::Deleted(t) => p.add_delete(
                Delete::new()
                    .author(AUTHOR)
                    .date(date)
                    .add_run(Run::new().add_delete_text(plain(&t.replace('\n', " ")))),
            ),
            Text::Inserted(t) => p.add_insert(
                Insert::new(Run::new().add_text(plain(&t.replace('\n', " "))))
                    .author(AUTHOR)
                    .date(date),
            ),
        };
    }
    p
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
