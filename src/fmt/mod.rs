//! The formatter: one canonical layout for every agreement (`charter fmt`).
//!
//! [`format`] takes a file's text and returns it in the canonical layout, or an error: a file
//! with a syntax error is never formatted, and neither is one the formatter cannot prove it
//! formatted faithfully. [`format_if_changed`] returns `None` instead of a copy when the
//! file is already in the layout. The layout (documented for users in `docs/language.md`,
//! "Formatting"):
//!
//! - two spaces of indentation per level; `key: value` with one space after the colon;
//!   labels and `{` separated by one space; no trailing white space; one line end at the end
//!   of the file, in the style (LF or CRLF) of the file's first line;
//! - every item on its own line, except that a block inside a section is written on one line,
//!   `keyword labels { key: value  key: value }` (two spaces between attributes), when it holds
//!   only attributes, at most three ([`print::ONE_LINE_ATTRIBUTES`]), each of them fits on one
//!   line, it holds no comment, and the whole line fits in 100 characters ([`WIDTH`]). The
//!   sections of the agreement (`party`, `governance`, …) always take several lines; a block
//!   with nothing in it is `keyword labels {}`;
//! - a list `[a, b]` or a map `{ a: 1, b: 2 }` stays on its line when it fits in 100
//!   characters and holds no comment and no text block; otherwise it is written one entry per
//!   line, each followed by a comma;
//! - blank lines: at most one in a row, kept where the author put them between items; among
//!   the agreement's own items, one before and after every section; none after an opening
//!   `{` or before a closing `}`;
//! - values: strings re-escaped (`\"`, `\\`, `\n`, `\t`, and `\u{…}` for control and
//!   invisible characters); text blocks indented one level deeper than their line, content
//!   unchanged; money with commas between groups of three digits; numbers, percentages and
//!   amounts keep their decimals (`4.50%` stays `4.50%`); durations take the singular for 1
//!   (`1 year`); comparisons one space before the value (`>= 4`);
//! - comments stay with what they describe (see [`comments`]).
//!
//! It proves itself: the output is parsed again and compared with the input's tree, ignoring
//! spans ([`same_tree`]), and every comment must come out once, with its text. Formatting
//! twice gives the same text (the tests check it on every example and on generated
//! agreements). The self-check parses each top-level item of the agreement on its own, in
//! parallel: the parser reads each top-level item on its own too, so this is the same parse.
//! An item whose text did not change at all is not parsed again (its meaning cannot have
//! changed), which makes formatting an already formatted file cost little more than
//! reading it.

mod comments;
mod layout;
mod print;
mod verify;

pub use verify::{same_item, same_items, same_tree, same_value};

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::syntax::{
    self,
    ast::{Comment, Document, Header, Item},
};
use print::Rendered;
use rayon::prelude::*;

/// The line width that lists, maps and one-line blocks must fit in, in characters.
pub const WIDTH: usize = 100;

/// One level of indentation.
pub const INDENT: &str = "  ";

/// Rule name of the diagnostic for a formatting that failed its self-check.
pub const INTERNAL_ERROR: &str = "internal-error";

/// Why a file was not formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub kind: FormatErrorKind,
    /// For [`FormatErrorKind::Syntax`], the syntax diagnostics (rule `syntax-error`, or
    /// `nesting-too-deep`); for [`FormatErrorKind::Internal`], one `internal-error`.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// The file has a syntax error: it is left as it is.
    Syntax,
    /// The formatted text would not mean the same as the file, or would lose a comment. A bug
    /// in Charter: the file is left as it is.
    Internal,
}

impl FormatError {
    fn internal(span: Span, what: &str) -> Self {
        FormatError {
            kind: FormatErrorKind::Internal,
            diagnostics: vec![Diagnostic::error(
                INTERNAL_ERROR,
                span,
                format!(
                    "Charter could not format this file safely: {what}. The file was left as it is"
                ),
            )
            .with_help(
                "this is a bug in Charter, not in your file; please report it (with the file, if you can share it)",
            )],
        }
    }
}

/// The file's text in the canonical layout. Never panics; an error leaves nothing to write.
pub fn format(source: &str) -> Result<String, FormatError> {
    Ok(format_if_changed(source)?.unwrap_or_else(|| source.to_owned()))
}

/// [`format`], or `None` when the file is already in the canonical layout: its text is then
/// compared with the layout piece by piece and never built (`charter fmt` on a formatted
/// file). The same checks run either way, and an error is the same error.
pub fn format_if_changed(source: &str) -> Result<Option<String>, FormatError> {
    // A carriage return alone ends a line, as in an editor; the output ends it with a line
    // feed (or CRLF, when the file uses CRLF).
    let normalized = syntax::line_ends(source);
    let text = normalized.as_ref();
    let parsed = syntax::parse(text);
    let doc = &parsed.document;
    let header = match &doc.header {
        Some(header) if !doc.has_syntax_errors => header,
        _ => {
            let mut diagnostics = parsed.diagnostics;
            if diagnostics.is_empty() {
                diagnostics.push(Diagnostic::error(
                    syntax::SYNTAX_ERROR,
                    Span::point(0),
                    "this file does not hold an agreement that can be read",
                ));
            }
            return Err(FormatError {
                kind: FormatErrorKind::Syntax,
                diagnostics,
            });
        }
    };
    let layout = layout::Layout::new(text, doc, header)?;
    let bom = if text.starts_with('\u{FEFF}') {
        "\u{FEFF}"
    } else {
        ""
    };
    let crlf = text
        .find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r'));
    // Against the file as it was read: a lone carriage return (made a line feed above)
    // is a change.
    let mut same = layout::Compare::new(source.get(bom.len()..).unwrap_or_default(), crlf);
    let frame = layout.write(&mut same);
    layout.check(frame)?;
    if same.whole() {
        return Ok(None);
    }
    let mut body = String::with_capacity(layout.len());
    layout.write(&mut body);
    let mut out = String::with_capacity(body.len() + body.len() / 16 + bom.len());
    out.push_str(bom);
    if crlf {
        for (i, line) in body.split('\n').enumerate() {
            if i > 0 {
                out.push_str("\r\n");
            }
            out.push_str(line);
        }
    } else {
        out.push_str(&body);
    }
    Ok(Some(out))
}

/// The offset of the `{` that opens the agreement: the first character after `from` that is
/// neither white space nor part of a comment.
fn open_brace(src: &str, from: usize) -> Option<u32> {
    let bytes = src.as_bytes();
    let mut i = from;
    loop {
        match bytes.get(i)? {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += bytes.get(i..)?.iter().position(|&b| b == b'\n')?;
            }
            b'{' => return u32::try_from(i).ok(),
            _ => return None,
        }
    }
}

/// The comments of a parsed text, as the printer records them.
fn comment_texts(doc: &Document) -> Vec<&str> {
    doc.comments.iter().map(|c| c.text.trim_end()).collect()
}

/// The source text of a laid-out top-level item (its line, from the indentation to the end
/// of its last line) when the layout is that text, byte for byte but for CR LF line ends,
/// and holds the same comments. Its
/// meaning then cannot have changed: the parser reads each top-level item on its own, from
/// its first character to a line end, so the same text reads the same. Most items of a file
/// that was already formatted are unchanged, and this saves parsing them again.
fn unchanged<'s>(
    src: &'s str,
    comments: &[Comment],
    text: &str,
    item: &Item,
    line_end: Option<&Comment>,
    emitted: &[&str],
) -> Option<&'s str> {
    let bytes = src.as_bytes();
    let start = (item.span().start as usize).checked_sub(INDENT.len())?;
    let end = line_end.map_or(item.span().end, |c| c.span.end) as usize;
    let line_start = start == 0 || bytes.get(start - 1) == Some(&b'\n');
    let line_end = match bytes.get(end) {
        None | Some(b'\n') => true,
        Some(b'\r') => bytes.get(end + 1) == Some(&b'\n'),
        _ => false,
    };
    let original = src.get(start..end)?;
    (line_start
        && line_end
        && same_text(original, text)
        && same_comments(
            comments::within(comments, start as u32, end as u32),
            emitted,
        ))
    .then_some(original)
}

/// The same text, where the source may end its lines with CR LF and the output with LF.
fn same_text(source: &str, output: &str) -> bool {
    if source.len() == output.len() {
        return source == output;
    }
    let (a, b) = (source.as_bytes(), output.as_bytes());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x == y {
            (i, j) = (i + 1, j + 1);
        } else if x == b'\r' && y == b'\n' && a.get(i + 1) == Some(&b'\n') {
            i += 1;
        } else {
            return false;
        }
    }
    i == a.len() && j == b.len()
}

/// The comments found in the source are those written, with the same text.
fn same_comments(found: &[Comment], emitted: &[&str]) -> bool {
    found.len() == emitted.len()
        && found
            .iter()
            .zip(emitted)
            .all(|(c, e)| c.text.trim_end() == *e)
}

/// Check one written item (at any depth) against the original.
///
/// An item whose text is the same as in the source means the same. A block written on
/// several lines is checked in two parts: its frame (the block with its items taken out,
/// which keeps its head, braces and the comments between items) is parsed on its own, and
/// each item is checked in turn; the parser reads the items of a block one after the other,
/// each from its first character to its last, so this is the same as parsing the whole
/// block. Only what changed is parsed again.
fn check_rendered(
    src: &str,
    comments: &[Comment],
    out: &str,
    rendered: &Rendered<'_>,
    emitted: &[&str],
) -> Result<(), FormatError> {
    let item = rendered.item;
    let text = out.get(rendered.start..rendered.end).unwrap_or_default();
    let mine = emitted.get(rendered.comments.clone()).unwrap_or_default();
    let span = item.span();
    if src
        .get(span.range())
        .is_some_and(|original| same_text(original, text))
        && same_comments(comments::within(comments, span.start, span.end), mine)
    {
        return Ok(());
    }
    let Item::Block(block) = item else {
        return check_item(text, item, mine);
    };
    // Each item must end its line (or be followed by a comment that does): then no item
    // can run into the next one (as `count: 5` would into `days: 3` on the same line).
    let ends_line = |end: usize| {
        let rest = out.get(end..).unwrap_or_default();
        rest.is_empty() || rest.starts_with('\n') || rest.starts_with(" //")
    };
    if rendered.children.is_empty()
        || rendered.children.len() != block.items.len()
        || !rendered.children.iter().all(|c| ends_line(c.end))
    {
        return check_item(text, item, mine);
    }
    // The frame: the block's text and comments without its items.
    let mut frame = String::with_capacity(text.len().min(4096));
    let mut frame_comments: Vec<&str> = Vec::new();
    let (mut at, mut comment_at) = (rendered.start, rendered.comments.start);
    for child in &rendered.children {
        frame.push_str(out.get(at..child.start).unwrap_or_default());
        frame_comments.extend(
            emitted
                .get(comment_at..child.comments.start)
                .unwrap_or_default(),
        );
        (at, comment_at) = (child.end, child.comments.end);
    }
    frame.push_str(out.get(at..rendered.end).unwrap_or_default());
    frame_comments.extend(
        emitted
            .get(comment_at..rendered.comments.end)
            .unwrap_or_default(),
    );
    let wrapped = format!("agreement \"\" {{\n{frame}\n}}\n");
    let parsed = syntax::parse(&wrapped);
    let same_frame = match parsed.document.items.as_slice() {
        [Item::Block(b)] => {
            b.keyword.name == block.keyword.name
                && verify::same_labels(&b.labels, &block.labels)
                && b.items.is_empty()
        }
        _ => false,
    };
    if parsed.document.has_syntax_errors
        || !same_frame
        || comment_texts(&parsed.document) != frame_comments
    {
        return Err(FormatError::internal(
            span,
            &format!(
                "the formatted text would not keep the block `{}`",
                block.keyword.name
            ),
        ));
    }
    rendered
        .children
        .par_iter()
        .with_min_len(32)
        .try_for_each(|child| check_rendered(src, comments, out, child, emitted))
}

/// Parse one laid-out item on its own and compare it with the original.
fn check_item(text: &str, item: &Item, emitted: &[&str]) -> Result<(), FormatError> {
    let wrapped = format!("agreement \"\" {{\n{text}\n}}\n");
    let parsed = syntax::parse(&wrapped);
    let doc = &parsed.document;
    let what = if doc.has_syntax_errors {
        "the formatted text would have a syntax error"
    } else if !(doc.items.len() == 1 && doc.items.first().is_some_and(|i| same_item(i, item))) {
        "the formatted text would not mean the same"
    } else if comment_texts(doc) != emitted {
        "the formatted text would not keep every comment"
    } else {
        return Ok(());
    };
    let name = item
        .name()
        .map_or(String::new(), |n| format!(" `{}`", n.name));
    Err(FormatError::internal(
        item.span(),
        &format!("{what} (in{name})"),
    ))
}

/// Parse the frame (the file without its top-level items) and check its header and comments.
fn check_frame(
    text: &str,
    header: &Header,
    emitted: &[&str],
    whole: Span,
) -> Result<(), FormatError> {
    let parsed = syntax::parse(text);
    let doc = &parsed.document;
    let what = if doc.has_syntax_errors {
        "the formatted text would have a syntax error"
    } else if doc.header.as_ref().map(|h| &h.title.value) != Some(&header.title.value)
        || !doc.items.is_empty()
    {
        "the formatted text would not mean the same"
    } else if comment_texts(doc) != emitted {
        "the formatted text would not keep every comment"
    } else {
        return Ok(());
    };
    Err(FormatError::internal(whole, what))
}

#[cfg(test)]
mod tests;
