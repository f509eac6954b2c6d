//! Byte spans and the conversion from byte offsets to lines and columns.
//!
//! Everything inside the library works with byte offsets into the file's text. Only the
//! edges (diagnostic renderers, JSON output) turn them into 1-based lines and columns,
//! through a [`LineIndex`] built once per file.

use serde::Serialize;

/// A half-open byte range `start..end` in one file's text.
///
/// Offsets are `u32`: files are limited to far less than 4 GiB (see [`crate::limits`]), and
/// half-size spans keep the syntax tree small.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// A span from `usize` offsets. Offsets beyond `u32::MAX` cannot occur because files
    /// larger than [`crate::limits::MAX_FILE_BYTES`] are refused before parsing; they are
    /// clamped rather than wrapped, so a span is never nonsense.
    pub fn from_range(start: usize, end: usize) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span::new(clamp(start), clamp(end))
    }

    /// An empty span at `offset`.
    pub fn point(offset: usize) -> Self {
        Span::from_range(offset, offset)
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start.min(self.end)) as usize
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value together with the span it was written at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A 1-based line and column. Columns count Unicode scalar values (what a person sees as
/// characters), as SPEC §4 asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for offset → line/column conversion.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at a line feed, a carriage return and line feed, or a carriage return
    /// alone, as editors show them.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        LineIndex { line_starts }
    }

    /// Number of lines (a text without a final newline still has its last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(0)
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset. Offsets past the
    /// end, or inside a multi-byte character, are moved back to the nearest valid place.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count());
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Column in UTF-16 code units (1-based), as SARIF and editors count.
    pub fn utf16_column(&self, text: &str, offset: usize) -> usize {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let start = self.line_start(self.line_of(offset));
        text.get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum::<usize>())
            + 1
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\ncdé f\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 3), LineCol { line: 2, column: 1 });
        // `f` comes after a two-byte `é`: byte 8, character column 5.
        assert_eq!(index.line_col(text, 8), LineCol { line: 2, column: 5 });
        assert_eq!(index.line_col(text, 100), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn a_carriage_return_alone_ends_a_line() {
        let text = "a\rb\r\nc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_col(text, 2), LineCol { line: 2, column: 1 });
        assert_eq!(index.line_col(text, 5), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(text, 7), LineCol { line: 4, column: 1 });
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let text = "😀x";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_column(text, 4), 3);
        assert_eq!(index.line_col(text, 4).column, 2);
    }
}
