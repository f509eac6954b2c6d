//! The redline as a Word document (`charter diff OLD NEW --docx FILE`): a summary table of
//! the changes with their impact, then each change in terms as Word tracked changes — the old
//! value a tracked deletion, the new one a tracked insertion, a rewording word by word — that
//! a lawyer can accept or reject.

use super::{verdict, Change, Impact, Section, WordOp};
use crate::emit::docx::plain;
use docx_rs::{Delete, Docx, Insert, LineSpacing, Paragraph, Run, Table, TableCell, TableRow};

/// Who made the tracked changes, as Word shows it.
const AUTHOR: &str = "Charter";

/// The redline of `changes` (as [`super::diff`] returns them) between two versions of the
/// agreement titled `title`.
pub fn docx(changes: &[Change], title: &str) -> Vec<u8> {
    let title = if title.trim().is_empty() {
        "Untitled agreement"
    } else {
        title.trim()
    };
    let mut docx = crate::emit::docx::styles(Docx::new())
        .add_paragraph(para(&format!("Redline: {title}")).style("Title"))
        .add_paragraph(para(&verdict(changes)).bold())
        .custom_property(
            "Title",
            crate::emit::escape::xml(&plain(&format!("Redline: {title}"))),
        );
    if !changes.is_empty() {
        docx = docx.add_paragraph(para("Summary of changes").style("Heading1"));
        let mut rows = vec![TableRow::new(vec![
            cell("Section", true),
            cell("Change", true),
            cell("Impact", true),
        ])
        .cant_split()];
        for c in changes {
            rows.push(
                TableRow::new(vec![
                    cell(c.section.title(), false),
                    cell(&c.summary, false),
                    cell(impact(c.impact), c.impact == Impact::Major),
                ])
                .cant_split(),
            );
        }
        docx = docx
            .add_table(
                Table::new(rows)
                    .style("TableGrid")
                    .width(5000, docx_rs::WidthType::Pct),
            )
            .add_paragraph(para("Changes in terms").style("Heading1"));
        let mut section: Option<Section> = None;
        for c in changes {
            if section != Some(c.section) {
                section = Some(c.section);
                docx = docx.add_paragraph(para(c.section.title()).style("Heading2"));
            }
            docx = docx
                .add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(plain(&c.summary)).bold())
                        .add_run(Run::new().add_text(format!(" ({})", impact(c.impact))))
                        .keep_next(true),
                )
                .add_paragraph(tracked(c));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    // Packing into memory cannot fail for want of space; a failure leaves an empty document.
    match docx.build().pack(&mut out) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// One change as tracked changes: word by word for a rewording, else the old value deleted
/// and the new one inserted.
fn tracked(c: &Change) -> Paragraph {
    let mut p = Paragraph::new().line_spacing(LineSpacing::new().after(160));
    match &c.wording {
        Some(words) => {
            for run in words {
                p = match run.op {
                    WordOp::Kept => p.add_run(Run::new().add_text(plain(&run.text))),
                    WordOp::Deleted => p.add_delete(deleted(&run.text)),
                    WordOp::Inserted => p.add_insert(inserted(&run.text)),
                };
            }
        }
        None => {
            if let Some(old) = c.old.as_deref().filter(|o| !o.is_empty()) {
                p = p.add_delete(deleted(old));
            }
            if let Some(new) = c.new.as_deref().filter(|n| !n.is_empty()) {
                if c.old.is_some() {
                    p = p.add_run(Run::new().add_text(" "));
                }
                p = p.add_insert(inserted(new));
            }
        }
    }
    p
}

fn deleted(text: &str) -> Delete {
    Delete::new()
        .author(AUTHOR)
        .add_run(Run::new().add_delete_text(plain(text)))
}

fn inserted(text: &str) -> Insert {
    Insert::new(Run::new().add_text(plain(text))).author(AUTHOR)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(plain(text)))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let p = para(text);
    TableCell::new().add_paragraph(if bold { p.bold() } else { p })
}

fn impact(impact: Impact) -> &'static str {
    match impact {
        Impact::Major => "major",
        Impact::Minor => "minor",
        Impact::Editorial => "editorial",
    }
}
