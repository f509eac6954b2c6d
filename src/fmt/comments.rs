//! Which comment belongs to what.
//!
//! The syntax tree keeps every `//` comment beside the tree, with its span and whether code
//! stands before it on its line. Here each comment is attached, container by container
//! (the file, the agreement, a block, a list, a map), to the element it describes:
//!
//! - an own-line comment before an element is one of its *leading* comments, printed on the
//!   lines just above it, at its indentation;
//! - a comment at the end of an element's last line is its *trailing* comment, printed at
//!   the end of that line;
//! - a comment at the end of the line that opens the container (`{` or `[`) stays there;
//! - own-line comments after the last element stay inside the container, before its closing
//!   `}` or `]` (*dangling* comments);
//! - a comment inside an element's head (between a block's keyword and its `{`, or between a
//!   key and its value) moves out of the head: an own-line one goes just above the element,
//!   one at the end of a line goes to the end of the element's line (for a block, the line
//!   of its `{`).
//!
//! A line holds at most one comment, so when several comments end up attached to the end of
//! the same line, the one that was there in the source stays and the others follow on their
//! own lines, exactly where a second run of the formatter would find them.

use crate::syntax::ast::Comment;

/// A comment and whether a blank line stands before it in the source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Note<'a> {
    pub comment: &'a Comment,
    pub blank: bool,
}

/// One element of a container, as the attachment sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Elem {
    pub start: u32,
    pub end: u32,
    /// Comments in `start..hoist_end` are in the element's head and move out of it; those in
    /// `hoist_end..end` belong to the element's own contents.
    pub hoist_end: u32,
    /// A block: the comments at the end of its head's lines go to its `{` line.
    pub block: bool,
}

/// The comments of one container, attached to its elements.
#[derive(Debug, Default)]
pub(crate) struct Split<'a> {
    /// At the end of the opening line (after `{` or `[`).
    pub opener: Vec<&'a Comment>,
    /// Per element: own-line comments before it (and those moved out of its head).
    pub leading: Vec<Vec<Note<'a>>>,
    /// Per element: comments at the end of a line inside its head.
    pub hoisted: Vec<Vec<&'a Comment>>,
    /// Per element: comments at the end of its last line.
    pub trailing: Vec<Vec<&'a Comment>>,
    /// Per element: a blank line stands before it in the source.
    pub blank: Vec<bool>,
    /// Own-line comments after the last element.
    pub dangling: Vec<Note<'a>>,
}

/// True when the source has a blank line just before `pos` (only white space between `pos`
/// and the previous text, and at least two line ends).
pub(crate) fn blank_before(src: &str, pos: u32) -> bool {
    let bytes = src.as_bytes();
    let mut i = (pos as usize).min(bytes.len());
    let mut newlines = 0;
    while i > 0 {
        match bytes.get(i - 1) {
            Some(b'\n') => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            Some(b' ' | b'\t' | b'\r') => {}
            _ => return false,
        }
        i -= 1;
    }
    false
}

/// The comments that start in `from..to`, as a slice of `comments` (which is in source order).
pub(crate) fn within(comments: &[Comment], from: u32, to: u32) -> &[Comment] {
    let lo = comments.partition_point(|c| c.span.start < from);
    let hi = comments.partition_point(|c| c.span.start < to);
    comments.get(lo..hi.max(lo)).unwrap_or_default()
}

/// Attach the comments found in a container's interior `from..to` to its elements (sorted,
/// not overlapping). `has_opener`: the container has an opening `{` or `[` whose line may
/// end in a comment (the file as a whole has none).
pub(crate) fn split<'a>(
    src: &str,
    comments: &'a [Comment],
    from: u32,
    to: u32,
    elems: &[Elem],
    has_opener: bool,
) -> Split<'a> {
    let n = elems.len();
    let mut s = Split {
        opener: Vec::new(),
        leading: vec![Vec::new(); n],
        hoisted: vec![Vec::new(); n],
        trailing: vec![Vec::new(); n],
        blank: elems.iter().map(|e| blank_before(src, e.start)).collect(),
        dangling: Vec::new(),
    };
    let inside = within(comments, from, to);
    let mut j = 0;
    let mut i = 0;
    while let Some(c) = inside.get(i) {
        let pos = c.span.start;
        while elems.get(j).is_some_and(|e| e.end <= pos) {
            j += 1;
        }
        if let Some(e) = elems.get(j).filter(|e| e.start <= pos) {
            if pos < e.hoist_end {
                if c.trailing {
                    s.hoisted[j].push(c);
                } else {
                    s.leading[j].push(Note {
                        comment: c,
                        blank: blank_before(src, pos),
                    });
                }
                i += 1;
            } else {
                // Inside the element's contents: its own container attaches it.
                let end = e.end;
                let rest = inside.get(i..).unwrap_or_default();
                i += rest.partition_point(|c| c.span.start < end).max(1);
            }
            continue;
        }
        if c.trailing && j > 0 {
            s.trailing[j - 1].push(c);
        } else if c.trailing && has_opener {
            s.opener.push(c);
        } else {
            let note = Note {
                comment: c,
                blank: blank_before(src, pos),
            };
            match s.leading.get_mut(j) {
                Some(leading) => leading.push(note),
                None => s.dangling.push(note),
            }
        }
        i += 1;
    }
    s
}

/// One line (or group of lines) of a laid-out container.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Unit<'a> {
    /// An own-line comment.
    Note(Note<'a>),
    /// Element `index`, with a blank line before it when `blank`.
    Child { index: usize, blank: bool },
}

impl Unit<'_> {
    pub fn blank(&self) -> bool {
        match self {
            Unit::Note(n) => n.blank,
            Unit::Child { blank, .. } => *blank,
        }
    }
}

/// A container's comments, ready to print.
#[derive(Debug, Default)]
pub(crate) struct Laid<'a> {
    /// The comment at the end of the opening line.
    pub opener: Option<&'a Comment>,
    /// Elements and own-line comments, in order.
    pub units: Vec<Unit<'a>>,
    /// Per element: the comment at the end of its last line.
    pub line_end: Vec<Option<&'a Comment>>,
}

/// Order a container's comments and elements into printable units. `head`: comments that
/// belong at the end of the opening line but were found in the container's head (a block's
/// keyword and labels), before those found after the `{`.
pub(crate) fn lay_out<'a>(s: &Split<'a>, head: &[&'a Comment], elems: &[Elem]) -> Laid<'a> {
    let mut laid = Laid {
        opener: None,
        units: Vec::with_capacity(elems.len()),
        line_end: vec![None; elems.len()],
    };
    let extra = |c: &'a Comment| {
        Unit::Note(Note {
            comment: c,
            blank: false,
        })
    };
    // A comment that was at the end of the opening line stays there; those moved out of the
    // head come after it, on their own lines.
    let mut openers = s.opener.iter().copied().chain(head.iter().copied());
    laid.opener = openers.next();
    laid.units.extend(openers.map(extra));
    for (j, elem) in elems.iter().enumerate() {
        if let Some(leading) = s.leading.get(j) {
            laid.units.extend(leading.iter().copied().map(Unit::Note));
        }
        laid.units.push(Unit::Child {
            index: j,
            blank: s.blank.get(j).copied().unwrap_or(false),
        });
        let hoisted: &[&Comment] = if elem.block {
            &[]
        } else {
            s.hoisted.get(j).map_or(&[], Vec::as_slice)
        };
        let trailing = s.trailing.get(j).map_or(&[][..], Vec::as_slice);
        // The comment that was at the end of the element's last line stays there; one moved
        // out of its head takes the place only when there is none.
        let (first, rest) = match (trailing.split_first(), hoisted.split_first()) {
            (Some((first, rest)), _) => (Some(*first), rest),
            (None, Some((first, rest))) => (Some(*first), rest),
            (None, None) => (None, &[][..]),
        };
        if let Some(slot) = laid.line_end.get_mut(j) {
            *slot = first;
        }
        let moved = if trailing.is_empty() {
            &[][..]
        } else {
            hoisted
        };
        laid.units
            .extend(moved.iter().chain(rest).copied().map(extra));
    }
    laid.units
        .extend(s.dangling.iter().copied().map(Unit::Note));
    laid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_found() {
        let src = "a\n\n  b\nc\n \r\n\td";
        assert!(blank_before(src, 5));
        assert!(!blank_before(src, 7));
        assert!(blank_before(src, 13));
        assert!(!blank_before(src, 0));
    }
}
