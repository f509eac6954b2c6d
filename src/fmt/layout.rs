//! The whole file laid out: each top-level item printed and checked on its own, in
//! parallel ([`Layout::new`]), then the pieces written in order around the frame (the
//! header, the closing `}` and the comments between items) into a [`Sink`]: a string, or a
//! [`Compare`] that holds them against the file as it is and builds nothing.

use super::comments::{self, Laid, Unit};
use super::print::{self, Printer};
use super::{check_frame, check_rendered, open_brace, unchanged, FormatError};
use crate::span::Span;
use crate::syntax::ast::{Document, Header, Item};
use rayon::prelude::*;
use std::borrow::Cow;

/// Where the laid-out text goes.
pub(super) trait Sink {
    fn push_str(&mut self, text: &str);
}

impl Sink for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
}

/// The laid-out text held against the file's text (after a byte order mark), piece by
/// piece, with a line feed of the layout read as CR LF when the file ends its lines so.
pub(super) struct Compare<'s> {
    rest: &'s str,
    crlf: bool,
    same: bool,
}

impl<'s> Compare<'s> {
    pub fn new(file: &'s str, crlf: bool) -> Self {
        Compare {
            rest: file,
            crlf,
            same: true,
        }
    }

    /// Whether everything written was the file's text, and it was the whole of it.
    pub fn whole(&self) -> bool {
        self.same && self.rest.is_empty()
    }

    fn take(&mut self, expected: &str) {
        match self.rest.strip_prefix(expected) {
            Some(rest) => self.rest = rest,
            None => self.same = false,
        }
    }
}

impl Sink for Compare<'_> {
    fn push_str(&mut self, text: &str) {
        if !self.same {
            return;
        }
        if !self.crlf {
            return self.take(text);
        }
        for (i, line) in crate::scan::split_lines(text).enumerate() {
            if i > 0 {
                self.take("\r\n");
            }
            self.take(line);
        }
    }
}

/// One top-level item, laid out and checked: the source's own text when the layout is the
/// same, byte for byte (nearly every item of a formatted file), so that its copy is dropped
/// at once.
struct Chunk<'a> {
    text: Cow<'a, str>,
    emitted: Vec<&'a str>,
}

/// The file laid out (with LF line ends, without a byte order mark), its items checked.
pub(super) struct Layout<'a> {
    src: &'a str,
    doc: &'a Document,
    header: &'a Header,
    whole: Span,
    file_laid: Laid<'a>,
    laid: Laid<'a>,
    chunks: Vec<Chunk<'a>>,
}

impl<'a> Layout<'a> {
    pub fn new(src: &'a str, doc: &'a Document, header: &'a Header) -> Result<Self, FormatError> {
        let comments = &doc.comments;
        let whole = Span::new(header.keyword.start, header.span.end);
        let Some(open) = open_brace(src, header.title.span.end as usize) else {
            return Err(FormatError::internal(
                whole,
                "the `{` after the agreement's title was not found",
            ));
        };
        let close = header.span.end.saturating_sub(1);
        if src.as_bytes().get(close as usize) != Some(&b'}') {
            return Err(FormatError::internal(
                whole,
                "the agreement's closing `}` was not found",
            ));
        }

        // The file: comments before and after the agreement.
        let file_elems = [comments::Elem {
            start: header.keyword.start,
            end: header.span.end,
            hoist_end: open,
            block: true,
        }];
        let file_split = comments::split(src, comments, 0, u32::MAX, &file_elems, false);
        let file_laid = comments::lay_out(&file_split, &[], &file_elems);
        let head = file_split.hoisted.first().map_or(&[][..], Vec::as_slice);

        // The agreement's items, each laid out and checked on its own, in parallel.
        let elems = print::item_elems(&doc.items);
        let split = comments::split(src, comments, open.saturating_add(1), close, &elems, true);
        let laid = comments::lay_out(&split, head, &elems);
        let chunks: Vec<Chunk<'a>> = doc
            .items
            .par_iter()
            .enumerate()
            .map(|(j, item)| {
                let mut p = Printer::new(src, comments);
                p.indent(1);
                let hoisted = match item {
                    Item::Block(_) => split.hoisted.get(j).map_or(&[][..], Vec::as_slice),
                    _ => &[],
                };
                let rendered = p.recorded_item(item, 1, hoisted);
                let line_end = laid.line_end.get(j).copied().flatten();
                p.line_end(line_end);
                match unchanged(src, comments, &p.out, item, line_end, &p.emitted) {
                    // The same bytes (not only the same text with CR LF line ends).
                    Some(original) if original.len() == p.out.len() => {
                        return Ok(Chunk {
                            text: Cow::Borrowed(original),
                            emitted: p.emitted,
                        })
                    }
                    Some(_) => {}
                    None => {
                        check_rendered(src, comments, &p.out, &rendered, &p.emitted)?;
                        // After the item, only its comment (if any) on the rest of its line.
                        let rest = p.out.get(rendered.end..).unwrap_or_default();
                        let expected =
                            line_end.map_or(String::new(), |c| format!(" //{}", c.text.trim_end()));
                        if rest != expected {
                            return Err(FormatError::internal(
                                item.span(),
                                "the formatted text would not keep a comment in its place",
                            ));
                        }
                    }
                }
                Ok(Chunk {
                    text: Cow::Owned(p.out),
                    emitted: p.emitted,
                })
            })
            .collect::<Result<_, FormatError>>()?;
        Ok(Layout {
            src,
            doc,
            header,
            whole,
            file_laid,
            laid,
            chunks,
        })
    }

    /// About the length of the laid-out text, for a string that will hold it.
    pub fn len(&self) -> usize {
        self.chunks.iter().map(|c| c.text.len() + 2).sum::<usize>() + 256
    }

    /// Write the laid-out text into `out`. The frame around the items (the header, the
    /// closing `}`, and the comments that stand between items) is returned on its own, the
    /// same text without the items, for [`Layout::check`].
    pub fn write(&self, out: &mut impl Sink) -> Printer<'a> {
        let (doc, header, laid) = (self.doc, self.header, &self.laid);
        let mut frame = Printer::new(self.src, &doc.comments);
        let both = |out: &mut dyn Sink, frame: &mut Printer<'a>, text: &str| {
            out.push_str(text);
            frame.out.push_str(text);
        };
        for (k, unit) in self.file_laid.units.iter().enumerate() {
            if k > 0 {
                both(out, &mut frame, if unit.blank() { "\n\n" } else { "\n" });
            }
            match *unit {
                Unit::Note(note) => {
                    let at = frame.out.len();
                    frame.comment(note.comment);
                    out.push_str(frame.out.get(at..).unwrap_or_default());
                }
                Unit::Child { .. } => {
                    let at = frame.out.len();
                    frame.out.push_str("agreement ");
                    frame.string(&header.title.value);
                    frame.out.push_str(" {");
                    frame.line_end(laid.opener);
                    out.push_str(frame.out.get(at..).unwrap_or_default());
                    let is_block = |j: usize| matches!(doc.items.get(j), Some(Item::Block(_)));
                    let blanks = print::blank_lines(laid, true, is_block);
                    for (unit, blank) in laid.units.iter().zip(blanks) {
                        both(out, &mut frame, if blank { "\n\n" } else { "\n" });
                        match *unit {
                            Unit::Note(note) => {
                                let at = frame.out.len();
                                frame.indent(1);
                                frame.comment(note.comment);
                                out.push_str(frame.out.get(at..).unwrap_or_default());
                            }
                            Unit::Child { index, .. } => {
                                if let Some(chunk) = self.chunks.get(index) {
                                    out.push_str(&chunk.text);
                                }
                            }
                        }
                    }
                    both(out, &mut frame, "\n}");
                    let at = frame.out.len();
                    frame.line_end(self.file_laid.line_end.first().copied().flatten());
                    out.push_str(frame.out.get(at..).unwrap_or_default());
                }
            }
        }
        both(out, &mut frame, "\n");
        frame
    }

    /// Check the frame [`Layout::write`] returned, and that every comment comes out exactly
    /// once.
    pub fn check(&self, frame: Printer<'a>) -> Result<(), FormatError> {
        check_frame(&frame.out, self.header, &frame.emitted, self.whole)?;
        let mut written: Vec<&str> = frame.emitted;
        written.extend(self.chunks.iter().flat_map(|c| c.emitted.iter().copied()));
        let mut expected: Vec<&str> = self
            .doc
            .comments
            .iter()
            .map(|c| c.text.trim_end())
            .collect();
        written.sort_unstable();
        expected.sort_unstable();
        if written != expected {
            return Err(FormatError::internal(
                self.whole,
                &format!(
                    "{} comments were found but {} would be written",
                    expected.len(),
                    written.len()
                ),
            ));
        }
        Ok(())
    }
}
