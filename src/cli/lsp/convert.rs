//! Byte offsets (inside Charter) to the editor's positions and back, through one line index
//! per document (`line-index`, the crate rust-analyzer publishes): UTF-16 columns unless the
//! editor offers UTF-8.

use charter::span::Span;
use line_index::{LineCol, LineIndex, TextSize, WideEncoding, WideLineCol};
use lsp_types::{Position, Range};

/// A document's line index and the editor's column encoding.
pub struct Lines {
    index: LineIndex,
    len: usize,
    /// `None`: UTF-8 columns (bytes); else the wide encoding.
    wide: Option<WideEncoding>,
}

impl Lines {
    pub fn new(text: &str, utf8: bool) -> Lines {
        Lines {
            index: LineIndex::new(text),
            len: text.len(),
            wide: (!utf8).then_some(WideEncoding::Utf16),
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.len);
        let at = TextSize::new(u32::try_from(offset).unwrap_or(u32::MAX));
        let lc = self.index.line_col(at);
        let col = match self.wide {
            Some(enc) => self.index.to_wide(enc, lc).map_or(lc.col, |w| w.col),
            None => lc.col,
        };
        Position::new(lc.line, col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(
            self.position(span.start as usize),
            self.position(span.end as usize),
        )
    }

    /// The offset of an editor position; a position past a line's end or the text's is
    /// clamped to it.
    pub fn offset(&self, p: Position) -> usize {
        let lc = match self.wide {
            Some(enc) => self
                .index
                .to_utf8(
                    enc,
                    WideLineCol {
                        line: p.line,
                        col: p.character,
                    },
                )
                .unwrap_or(LineCol {
                    line: p.line,
                    col: 0,
                }),
            None => LineCol {
                line: p.line,
                col: p.character,
            },
        };
        match self.index.offset(lc) {
            Some(o) => usize::from(o).min(self.len),
            // Past the last line: the end of the text; past a line's end: that line's end.
            None => self
                .index
                .line(lc.line)
                .map_or(self.len, |r| usize::from(r.end()).min(self.len)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_code_units() {
        // "é" is one UTF-16 unit and two bytes; "𝄞" is two units and four bytes.
        let text = "ab\n\u{e9}\u{1d11e}x\n";
        let lines = Lines::new(text, false);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(x), Position::new(1, 3));
        assert_eq!(lines.offset(Position::new(1, 3)), x);
        let utf8 = Lines::new(text, true);
        assert_eq!(utf8.position(x), Position::new(1, 6));
        assert_eq!(lines.offset(Position::new(9, 9)), text.len());
    }
}
