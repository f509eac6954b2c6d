//! The term sheet as one self-contained, print-ready HTML page: the [`Document`] laid out
//! with a small embedded stylesheet. The page makes no external request (no fonts, scripts
//! or images), so "print to PDF" gives the same result offline. Printed, it has A4 pages with
//! margins, the page number ("Page 2 of 6") at the foot of each page and the legend at its
//! head (`@page` margin boxes), and a table split across pages repeats its header row. A
//! redline's deleted text is `<del>`, its inserted text `<ins>`.

use crate::emit::document::{Block, Document, Inline, Level, Run};
use crate::emit::escape::xml;
use crate::emit::Status;
use crate::model::Agreement;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
  color: #111; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; padding-bottom: .15em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
.number { display: inline-block; min-width: 2.2em; }
p, ul, ol { margin: .45em 0; }
li { margin: .15em 0; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
th, td { border: 1px solid #aaa; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eee; }
del { color: #a00; }
ins { color: #05a; }
.draft { border: 2px solid #b00; color: #b00; padding: .3em .6em; display: inline-block;
  font-family: Helvetica, Arial, sans-serif; font-weight: bold; letter-spacing: .08em; }
@page { size: A4; margin: 20mm 18mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The HTML page of the term sheet.
pub fn page(agreement: &Agreement, status: &Status) -> String {
    write(&super::sheet::document(agreement, status))
}

/// A document as one HTML page.
pub fn write(doc: &Document) -> String {
    let mut body = String::with_capacity(doc.blocks.len() * 160);
    if doc.draft {
        body.push_str("<p class=\"draft\">DRAFT</p>\n");
    }
    for block in &doc.blocks {
        self::block(&mut body, block);
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}{suffix}</title>\n<style>{STYLE}{margins}</style>\n</head>\n<body>\n<main>\n\
         {body}</main>\n</body>\n</html>\n",
        title = xml(&doc.title),
        margins = page_margins(&doc.legend),
        suffix = if doc.draft { " (draft)" } else { "" },
    )
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Title { text } => out.push_str(&format!("<h1>{}</h1>\n", inline(text))),
        Block::Heading {
            level,
            number,
            text,
        } => {
            let (tag, shown) = match (level, number) {
                (Level::Section, Some(n)) => ("h2", format!("{n}.")),
                (Level::Clause, Some(n)) => ("h3", n.clone()),
                (Level::Section, None) => ("h2", String::new()),
                (Level::Clause, None) => ("h3", String::new()),
            };
            let number = if shown.is_empty() || text.all_deleted() {
                String::new()
            } else {
                format!("<span class=\"number\">{}</span> ", xml(&shown))
            };
            out.push_str(&format!("<{tag}>{number}{}</{tag}>\n", inline(text)));
        }
        Block::Paragraph { text } => out.push_str(&format!("<p>{}</p>\n", inline(text))),
        Block::List { numbered, items } => {
            let tag = if *numbered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>\n"));
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", inline(item)));
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Table { header, rows } => {
            out.push_str("<table>\n<thead>\n<tr>");
            for h in header {
                out.push_str(&format!("<th>{}</th>", xml(h)));
            }
            out.push_str("</tr>\n</thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for c in row {
                    out.push_str(&format!("<td>{}</td>", inline(c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

fn inline(text: &Inline) -> String {
    let mut out = String::new();
    for run in text.runs() {
        match run {
            Run::Text(t) => out.push_str(&xml(t)),
            Run::Strong(t) => out.push_str(&format!("<strong>{}</strong>", xml(t))),
            Run::Break => out.push_str("<br>\n"),
            Run::DeletedBreak => out.push_str("<del class=\"break\">¶</del><br>\n"),
            Run::InsertedBreak => out.push_str("<ins class=\"break\">¶</ins><br>\n"),
            Run::Deleted(t) => out.push_str(&format!("<del>{}</del>", xml(t))),
            Run::Inserted(t) => out.push_str(&format!("<ins>{}</ins>", xml(t))),
        }
    }
    out
}

/// The page's margins when printed: the page number ("Page 2 of 6") at the foot of every page
/// and the legend at its head (`@page` margin boxes, which current Chromium prints).
fn page_margins(legend: &[String]) -> String {
    let mut css = String::from(
        "@page {\n  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font: 9pt Helvetica, Arial, sans-serif; }\n",
    );
    if !legend.is_empty() {
        css.push_str(&format!(
            "  @top-center {{ content: {}; font: 9pt Helvetica, Arial, sans-serif; letter-spacing: .06em; }}\n",
            css_string(&legend.join(" · "))
        ));
    }
    css.push_str("}\n");
    css
}

/// User text as a CSS string: every character but letters, digits, spaces and plain
/// punctuation as a CSS escape (`\3C `), so that it can end neither the string nor the
/// `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        let plain = ch.is_alphanumeric() && !ch.is_control()
            || matches!(
                ch,
                ' ' | '.' | ',' | ';' | ':' | '-' | '(' | ')' | '·' | '\'' | '/'
            );
        if plain {
            out.push(ch);
        } else {
            out.push_str(&format!("\\{:X} ", ch as u32));
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legend_cannot_leave_its_css_string() {
        assert_eq!(css_string("Subject to contract"), "\"Subject to contract\"");
        let hostile = css_string("x\"; } </style><script>alert(1)</script>\\");
        assert!(!hostile.contains('<') && !hostile.contains('>') && !hostile.contains('}'));
        assert_eq!(hostile.matches('"').count(), 2);
    }
}
