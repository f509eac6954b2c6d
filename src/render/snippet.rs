//! The piece of the file shown under a finding in the human report.
//!
//! miette draws a snippet from whatever text it is given, and draws all of it: a finding on
//! a line of a megabyte reprints the megabyte, and one past the 65,535th column of a line
//! makes its layout arithmetic overflow (a panic). So the human report never hands miette
//! the file. For each finding it builds a [`Snippet`]: only the lines around the finding's
//! spans, each cut to a window of at most [`WINDOW`] characters around what is marked, with
//! `…` where text was left out. What one finding shows is bounded whatever the file holds.
//!
//! The snippet is its own small text, so each span is mapped into it; the line numbers and
//! the `[path:line:column]` heading still come from the file.

use super::{byte_range, visible};
use crate::span::{LineIndex, Span};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// At most this many characters of a line are shown. A longer line is shown as a window
/// around what the finding marks, with `…` at the cuts.
pub const WINDOW: usize = 120;

/// A span over more lines than this is marked on its first line only, so that a finding
/// about a whole section does not reprint the section.
pub const MAX_SPAN_LINES: usize = 4;

/// Lines shown before and after a marked line (what miette asks for by default).
const CONTEXT: usize = 1;

/// Characters shown before the start of what is marked, when a line is cut.
const LEAD: usize = WINDOW / 3;

const ELLIPSIS: char = '…';

/// The lines shown for one finding, as one text, with where each came from.
pub(crate) struct Snippet<'a> {
    name: &'a str,
    text: String,
    lines: Vec<Shown>,
}

/// One line of a snippet.
struct Shown {
    /// Where the line starts in the snippet's text.
    at: usize,
    /// Where the file's own characters start in it (after a leading `…`).
    content: usize,
    /// 0-based line in the file.
    line: usize,
    /// 0-based character column, in the file, of the first character shown.
    column: usize,
    /// Lines of one group are consecutive in the file; lines of different groups are not.
    group: usize,
}

/// A byte range of the file, with the (0-based) lines it starts and ends on.
struct Marked {
    start: usize,
    end: usize,
    first_line: usize,
    last_line: usize,
}

impl<'a> Snippet<'a> {
    /// The snippet of `text` for a finding whose spans are `spans` (the primary one first),
    /// and each span as a span of the snippet.
    pub(crate) fn new(
        name: &'a str,
        text: &str,
        index: &LineIndex,
        spans: &[Span],
    ) -> (Snippet<'a>, Vec<SourceSpan>) {
        let last_line = index.line_count().saturating_sub(1);
        let marked: Vec<Marked> = spans
            .iter()
            .map(|&span| {
                let range = byte_range(text, span);
                let first_line = index.line_of(range.start);
                let mut last_line = index.line_of(range.end);
                let mut end = range.end;
                if last_line >= first_line + MAX_SPAN_LINES {
                    end = line_end(text, index, first_line);
                    last_line = first_line;
                }
                Marked {
                    start: range.start,
                    end,
                    first_line,
                    last_line,
                }
            })
            .collect();

        // The lines to show: each span's lines, with one line of context either side.
        let mut wanted: Vec<usize> = marked
            .iter()
            .flat_map(|m| m.first_line.saturating_sub(CONTEXT)..=(m.last_line + CONTEXT))
            .filter(|&line| line <= last_line)
            .collect();
        wanted.sort_unstable();
        wanted.dedup();

        // Runs of consecutive lines are groups; each group has one window of columns,
        // placed around the first span (the primary one, if it is there) that starts in it.
        let mut snippet = Snippet {
            name,
            text: String::new(),
            lines: Vec::with_capacity(wanted.len()),
        };
        let mut group_start = 0;
        let mut group = 0;
        while group_start < wanted.len() {
            let mut group_end = group_start + 1;
            while wanted
                .get(group_end)
                .zip(wanted.get(group_end - 1))
                .is_some_and(|(&b, &a)| b == a + 1)
            {
                group_end += 1;
            }
            let lines = wanted.get(group_start..group_end).unwrap_or_default();
            let window = window_start(text, index, lines, &marked);
            for &line in lines {
                snippet.push_line(text, index, line, window, group);
            }
            group += 1;
            group_start = group_end;
        }

        let mapped = marked
            .iter()
            .map(|m| {
                let start = snippet.map(text, index, m.start, m.first_line);
                let end = snippet.map(text, index, m.end, m.last_line).max(start);
                SourceSpan::from((start, end - start))
            })
            .collect();
        (snippet, mapped)
    }

    /// Add line `line` of the file, from character `window` on.
    fn push_line(
        &mut self,
        text: &str,
        index: &LineIndex,
        line: usize,
        window: usize,
        group: usize,
    ) {
        let at = self.text.len();
        let content = line_text(text, index, line);
        let mut chars = content.chars().skip(window);
        if window > 0 {
            self.text.push(ELLIPSIS);
        }
        let start = self.text.len();
        let file_start = line == 0 && window == 0;
        for (i, c) in chars.by_ref().take(WINDOW).enumerate() {
            self.text.push(shown(c, file_start && i == 0));
        }
        if chars.next().is_some() {
            self.text.push(ELLIPSIS);
        }
        self.text.push('\n');
        self.lines.push(Shown {
            at,
            content: start,
            line,
            column: window,
            group,
        });
    }

    /// Where the file's byte `offset`, on 0-based line `line`, is in the snippet. Offsets
    /// left or right of the window are moved to its edge.
    fn map(&self, text: &str, index: &LineIndex, offset: usize, line: usize) -> usize {
        let Some(shown) = self.lines.iter().find(|s| s.line == line) else {
            return self.text.len();
        };
        let content = line_text(text, index, line);
        let line_start = index.line_start(line);
        let within = offset.saturating_sub(line_start).min(content.len());
        let column = content.get(..within).map_or(0, |s| s.chars().count());
        let shown_chars = column.saturating_sub(shown.column).min(WINDOW);
        let file_start = line == 0 && shown.column == 0;
        let bytes: usize = content
            .chars()
            .skip(shown.column)
            .take(shown_chars)
            .enumerate()
            .map(|(i, c)| self::shown(c, file_start && i == 0).len_utf8())
            .sum();
        shown.content + bytes
    }

    /// The index of the shown line that holds the snippet's byte `offset`.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|s| s.at <= offset)
            .saturating_sub(1)
    }

    /// The file's 0-based character column of the snippet's byte `offset`.
    fn column_at(&self, i: usize, offset: usize) -> usize {
        let Some(shown) = self.lines.get(i) else {
            return 0;
        };
        let before = self
            .text
            .get(shown.content..offset.max(shown.content))
            .map_or(0, |s| s.chars().count());
        shown.column + before
    }
}

impl SourceCode for Snippet<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_at(start);
        let last = self.line_at(end.saturating_sub(usize::from(!span.is_empty())));
        let group = |i: usize| self.lines.get(i).map(|s| s.group);
        if group(first) != group(last) {
            // Lines far apart in the file: miette draws them as separate snippets.
            return Err(MietteError::OutOfBounds);
        }
        let mut from = first;
        while from > 0 && first - from < context_lines_before && group(from - 1) == group(first) {
            from -= 1;
        }
        let mut to = last;
        while to - last < context_lines_after && group(to + 1) == group(last) {
            to += 1;
        }
        let data_start = self.lines.get(from).map_or(0, |s| s.at);
        let data_end = self.lines.get(to + 1).map_or(self.text.len(), |s| s.at);
        let data = self.text.get(data_start..data_end).unwrap_or_default();
        let line = self.lines.get(from).map_or(0, |s| s.line);
        // The column of the span's start, in the file, for the `[path:line:column]` heading
        // (miette reads it from a zero-context read of the primary span).
        let (line, column) = if context_lines_before == 0 {
            let at = self.lines.get(first).map_or(0, |s| s.line);
            (at, self.column_at(first, start))
        } else {
            (line, 0)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            data.as_bytes(),
            (data_start, data.len()).into(),
            line,
            column,
            to + 1 - from,
        )))
    }
}

/// How a character of the file is shown: control characters and hidden ones as visible
/// symbols (see [`visible`]), except the byte order mark that may start a file.
fn shown(c: char, at_file_start: bool) -> char {
    if at_file_start && c == '\u{FEFF}' {
        return c;
    }
    visible(c, false).unwrap_or(c)
}

/// Line `line` of the file without its line end.
fn line_text<'t>(text: &'t str, index: &LineIndex, line: usize) -> &'t str {
    let start = index.line_start(line);
    let end = line_end(text, index, line);
    text.get(start..end).unwrap_or_default()
}

/// The byte offset where line `line`'s text ends (before `\n`, `\r\n` or `\r`).
fn line_end(text: &str, index: &LineIndex, line: usize) -> usize {
    let start = index.line_start(line);
    let next = if line + 1 < index.line_count() {
        index.line_start(line + 1)
    } else {
        text.len()
    };
    let bytes = text.as_bytes();
    let mut end = next.max(start);
    if end > start && bytes.get(end - 1) == Some(&b'\n') {
        end -= 1;
    }
    if end > start && bytes.get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    end
}

/// The first character shown of each line of a group: 0 when every line fits in the
/// window, otherwise a little before the start of the group's first marked span.
fn window_start(text: &str, index: &LineIndex, lines: &[usize], marked: &[Marked]) -> usize {
    let fits = lines
        .iter()
        .all(|&line| line_text(text, index, line).chars().nth(WINDOW).is_none());
    if fits {
        return 0;
    }
    let Some(focus) = marked.iter().find(|m| lines.contains(&m.first_line)) else {
        return 0;
    };
    let start = index.line_start(focus.first_line);
    let column = text
        .get(start..focus.start.max(start))
        .map_or(0, |s| s.chars().count());
    column.saturating_sub(LEAD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet_of(text: &str, spans: &[Span]) -> (String, Vec<SourceSpan>) {
        let index = LineIndex::new(text);
        let (snippet, mapped) = Snippet::new("x.charter", text, &index, spans);
        (snippet.text, mapped)
    }

    #[test]
    fn short_lines_are_shown_whole_with_one_line_of_context() {
        let text = "a\nbb\nccc\ndddd\neeeee\n";
        let (shown, mapped) = snippet_of(text, &[Span::new(5, 8)]);
        assert_eq!(shown, "bb\nccc\ndddd\n");
        assert_eq!(mapped, vec![SourceSpan::from((3, 3))]);
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let long = "x".repeat(100_000);
        let text = format!("a: 1\nb: {long}!{long}\nc: 2\n");
        let at = 5 + 3 + long.len();
        let (shown, mapped) = snippet_of(&text, &[Span::from_range(at, at + 1)]);
        assert!(shown.len() < 3 * WINDOW * 4, "{} bytes", shown.len());
        let marked = &shown[mapped[0].offset()..mapped[0].offset() + mapped[0].len()];
        assert_eq!(marked, "!");
        assert!(shown.contains("…x"), "{shown}");
        assert!(shown.contains("x…"), "{shown}");
    }

    #[test]
    fn far_apart_spans_make_separate_groups() {
        let text: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let index = LineIndex::new(&text);
        let second = index.line_start(900);
        let (snippet, mapped) = Snippet::new(
            "x.charter",
            &text,
            &index,
            &[Span::from_range(0, 4), Span::from_range(second, second + 4)],
        );
        assert_eq!(snippet.lines.len(), 5);
        assert!(snippet.read_span(&mapped[0], 1, 1).is_ok());
        let both = SourceSpan::from((0, mapped[1].offset() + 4));
        assert!(snippet.read_span(&both, 1, 1).is_err());
        let contents = snippet.read_span(&mapped[1], 1, 1).ok();
        assert_eq!(contents.map(|c| c.line()), Some(899));
    }

    #[test]
    fn a_span_over_many_lines_is_marked_on_its_first() {
        let text: String = (0..50).map(|i| format!("line {i}\n")).collect();
        let (shown, mapped) = snippet_of(&text, &[Span::from_range(7, text.len() - 2)]);
        assert_eq!(shown, "line 0\nline 1\nline 2\n");
        assert_eq!(mapped, vec![SourceSpan::from((7, 6))]);
    }
}
