//! The term sheet as one self-contained, print-friendly HTML page: the Markdown term sheet
//! rendered with pulldown-cmark, with a small embedded stylesheet. The page makes no
//! external request (no fonts, scripts or images), so "print to PDF" gives the same result
//! offline.

use crate::emit::Status;
use crate::emit::{escape, markdown};
use crate::model::{Agreement, DocumentStatus};
use pulldown_cmark::{html, Options, Parser};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
  color: #111; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; padding-bottom: .15em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p, ul, ol { margin: .45em 0; }
li { margin: .15em 0; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .92em; }
th, td { border: 1px solid #aaa; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eee; }
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
    let markdown = markdown::term_sheet(agreement, status);
    let mut body = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(
        &mut body,
        Parser::new_ext(&markdown, Options::ENABLE_TABLES),
    );

    let title = agreement.title.value.trim();
    let title = if title.is_empty() {
        "Untitled agreement"
    } else {
        title
    };
    let draft = if status.stage() != DocumentStatus::Draft {
        String::new()
    } else {
        "<p class=\"draft\">DRAFT</p>\n".to_string()
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}{suffix}</title>\n<style>{STYLE}{margins}</style>\n</head>\n<body>\n<main>\n\
         {draft}{body}</main>\n</body>\n</html>\n",
        title = escape::xml(title),
        margins = page_margins(agreement),
        suffix = if status.stage() == DocumentStatus::Draft {
            " (draft)"
        } else {
            ""
        },
    )
}

/// The page's margins when printed: the page number ("Page 2 of 6") at the foot of every page
/// and the legend at its head (`@page` margin boxes, which current Chromium prints).
fn page_margins(agreement: &Agreement) -> String {
    let legend: Vec<String> = agreement
        .legend
        .iter()
        .map(|l| l.value.trim().to_uppercase())
        .filter(|l| !l.is_empty())
        .collect();
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
