//! The quick reader's values: the alternatives of `value` in `grammar/charter.pest`, in
//! its order, each with the look-ahead that tells it from the next.

use super::*;

impl Quick<'_, '_, '_> {
    /// `value`, its alternatives tried in the grammar's order (each is told apart by its
    /// first character, except a word that starts with three capitals, as `USD` does).
    pub(super) fn value(&mut self) -> Option<Value> {
        let start = self.at;
        let kind = match self.byte(start)? {
            b'"' if self.bytes.get(start..start + 3) == Some(b"\"\"\"") => self.text_block()?,
            b'"' => ValueKind::String(self.string()?.0),
            b'[' => self.list_or_redacted()?,
            b'{' => self.map()?,
            b'>' | b'<' | b'=' => self.bound()?,
            b'0'..=b'9' => self.numeric()?,
            b'A'..=b'Z' => match self.money()? {
                Some(money) => money,
                None => self.word()?,
            },
            b's' if self.starts_elsewhere() => self.elsewhere()?,
            b if is_ident_start(b) => self.word()?,
            _ => return None,
        };
        Some(Value {
            kind,
            span: Span::from_range(start, self.at),
        })
    }

    /// `text_block`: `"""`, spaces, a line end, then everything up to the next `"""`.
    fn text_block(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let mut i = self.inline_ws(start + 3);
        match (self.byte(i), self.byte(i + 1)) {
            (Some(b'\n'), _) => i += 1,
            (Some(b'\r'), Some(b'\n')) => i += 2,
            _ => return None,
        }
        let close = memchr::memmem::find(self.bytes.get(i..)?, b"\"\"\"")?;
        self.at = i + close + 3;
        Some(ValueKind::Text(text::dedent(self.slice(start, self.at))))
    }

    /// A string token on one line, its escapes resolved, and its span.
    fn string(&mut self) -> Option<(String, Span)> {
        let start = self.at;
        let mut i = start + 1;
        loop {
            i += memchr::memchr3(b'"', b'\\', b'\n', self.bytes.get(i..)?)?;
            match self.byte(i)? {
                b'"' => break,
                b'\\' => {
                    let escaped = self.text.get(i + 1..)?.chars().next()?;
                    if escaped == '\n' {
                        return None;
                    }
                    i += 1 + escaped.len_utf8();
                }
                _ => return None,
            }
        }
        self.at = i + 1;
        let value = text::unescape(self.slice(start, self.at)).ok()?;
        Some((value, Span::from_range(start, self.at)))
    }

    pub(super) fn string_lit(&mut self) -> Option<StrLit> {
        let (value, span) = self.string()?;
        Some(StrLit { value, span })
    }

    /// `[***]` and what follows it (`redacted`), or a list.
    fn list_or_redacted(&mut self) -> Option<ValueKind> {
        let start = self.at;
        if self.byte(self.run(start + 1, |b| b == b' ')) != Some(b'*') {
            return self.list();
        }
        self.at = self.redaction(start)?;
        let shape = if self.byte(self.at) == Some(b'%') {
            self.at += 1;
            RedactedShape::Percent
        } else if let Some((end, unit)) = self.duration_tail(self.at) {
            self.at = end;
            RedactedShape::Duration(unit)
        } else {
            RedactedShape::Bare
        };
        Some(ValueKind::Redacted(Redacted { shape }))
    }

    /// The end of the `redaction` at `i` (`[***]`, `[* * *]`).
    fn redaction(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        loop {
            j = self.run(j, |b| b == b' ');
            if self.byte(j) != Some(b'*') {
                break;
            }
            j += 1;
        }
        (self.byte(j) == Some(b']') && self.bytes.get(i + 1..j)?.contains(&b'*')).then_some(j + 1)
    }

    fn list(&mut self) -> Option<ValueKind> {
        self.at += 1;
        self.open()?;
        let values = self.b.scratch.values.len();
        if !self.closes(b']')? {
            loop {
                let item = self.list_item()?;
                self.b.scratch.values.push(item);
                if self.closes(b']')? {
                    break;
                }
                if self.byte(self.at)? != b',' {
                    return None;
                }
                self.at += 1;
                if self.closes(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Some(ValueKind::List(take(&mut self.b.scratch.values, values)))
    }

    /// `list_item`: a kebab-case rule name, or a value.
    fn list_item(&mut self) -> Option<Value> {
        let start = self.at;
        match self.rule_name(start) {
            Some(end) => {
                self.at = end;
                Some(Value {
                    kind: ValueKind::RuleName(CompactString::from(self.slice(start, end))),
                    span: Span::from_range(start, end),
                })
            }
            None => self.value(),
        }
    }

    /// The end of the `rule_name` at `i` (`unknown-key`).
    fn rule_name(&self, i: usize) -> Option<usize> {
        if !self.is(i, |b| b.is_ascii_lowercase()) {
            return None;
        }
        let mut j = self.run(i + 1, is_lower_or_digit);
        let mut parts = 0;
        while self.byte(j) == Some(b'-') && self.is(j + 1, is_lower_or_digit) {
            j = self.run(j + 1, is_lower_or_digit);
            parts += 1;
        }
        (parts > 0).then_some(j)
    }

    fn map(&mut self) -> Option<ValueKind> {
        self.at += 1;
        self.open()?;
        let entries = self.b.scratch.entries.len();
        while !self.closes(b'}')? {
            let start = self.at;
            let key = self.ident()?;
            self.trivia();
            if self.byte(self.at)? != b':' {
                return None;
            }
            self.at += 1;
            self.trivia();
            let value = self.value()?;
            let span = Span::from_range(start, self.at);
            self.b.scratch.entries.push(Entry { key, value, span });
            self.trivia();
            if self.byte(self.at) == Some(b',') {
                self.at += 1;
            }
        }
        self.depth -= 1;
        Some(ValueKind::Map(take(&mut self.b.scratch.entries, entries)))
    }

    /// `bound`: `>= USD 5,000,000`, `<= 10%`, `= 100%`.
    fn bound(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let (comparator, len) = match (self.byte(start)?, self.byte(start + 1)) {
            (b'>', Some(b'=')) => (Comparator::AtLeast, 2),
            (b'>', _) => (Comparator::Above, 1),
            (b'<', Some(b'=')) => (Comparator::AtMost, 2),
            (b'<', _) => (Comparator::Below, 1),
            _ => (Comparator::Exactly, 1),
        };
        self.at = self.inline_ws(start + len);
        let target_start = self.at;
        let kind = match self.byte(self.at)? {
            b'A'..=b'Z' => self.money()??,
            b'0'..=b'9' => self.numeric()?,
            _ => return None,
        };
        // A noun after the target (`>= 2 candidates`, `bound_noun`) is left to pest, which
        // reports it; a word that is not one (the next `key:`) ends the target.
        let noun = self.inline_ws(self.at);
        if noun > self.at && self.is(noun, is_ident_start) {
            let end = self.run(noun, is_ident_char);
            if self.ends_value(end) {
                return None;
            }
        }
        let target = Value {
            kind,
            span: Span::from_range(target_start, self.at),
        };
        Some(ValueKind::Bound(comparator, Box::new(target)))
    }

    /// `money` at an upper-case letter: `Some(None)` when the text there is not an amount
    /// (then it is a word, as `USD` alone is).
    fn money(&mut self) -> Option<Option<ValueKind>> {
        let start = self.at;
        let currency_end = start + 3;
        let is_currency = (start..currency_end).all(|i| self.is(i, |b| b.is_ascii_uppercase()))
            && !self.is(currency_end, is_ident_char);
        let amount_start = self.inline_ws(currency_end);
        if !is_currency || amount_start == currency_end {
            return Some(None);
        }
        let currency = CompactString::from(self.slice(start, currency_end));
        let kind = match self.byte(amount_start) {
            Some(b'0'..=b'9') => {
                let end = self.amount_end(amount_start);
                if self.of_follows(end) {
                    return None;
                }
                self.at = end;
                let span = Span::from_range(amount_start, end);
                match self.b.amount(self.slice(amount_start, end), span) {
                    Some(amount) => ValueKind::Money(Money { currency, amount }),
                    None => ValueKind::Invalid,
                }
            }
            Some(b'[') => {
                let end = self.redaction(amount_start)?;
                if self.of_follows(end) {
                    return None;
                }
                self.at = end;
                ValueKind::Redacted(Redacted {
                    shape: RedactedShape::Money(currency),
                })
            }
            _ => return Some(None),
        };
        Some(Some(kind))
    }

    /// The end of the `amount` at `i`: digits, with commas and points between digits.
    fn amount_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            match self.byte(j) {
                Some(b'0'..=b'9') => j += 1,
                Some(b',' | b'.') if self.is(j + 1, |b| b.is_ascii_digit()) => j += 2,
                _ => return j,
            }
        }
    }

    /// `numeric`: a date, or a number with an optional `%`, `/n` or unit.
    fn numeric(&mut self) -> Option<ValueKind> {
        let start = self.at;
        let end = self.numeric_end(start);
        if self.of_follows(end) {
            return None;
        }
        self.at = end;
        let span = Span::from_range(start, end);
        Some(self.b.numeric(self.slice(start, end), span))
    }

    fn numeric_end(&self, i: usize) -> usize {
        let digit = |b: u8| b.is_ascii_digit();
        let date = [4, 7].iter().all(|&dash| self.byte(i + dash) == Some(b'-'))
            && [0, 1, 2, 3, 5, 6, 8, 9]
                .iter()
                .all(|&d| self.is(i + d, digit))
            && !self.is(i + 10, is_ident_char);
        if date {
            return i + 10;
        }
        let number = self.number_end(i);
        match self.byte(number) {
            Some(b'%') => number + 1,
            Some(b'/') if self.is(number + 1, digit) => self.number_end(number + 1),
            _ => self.duration_tail(number).map_or(number, |(end, _)| end),
        }
    }

    /// The end of the `number` at `i` (digits, then perhaps a point and digits).
    fn number_end(&self, i: usize) -> usize {
        let whole = self.run(i, |b| b.is_ascii_digit());
        if self.byte(whole) == Some(b'.') && self.is(whole + 1, |b| b.is_ascii_digit()) {
            self.run(whole + 1, |b| b.is_ascii_digit())
        } else {
            whole
        }
    }

    /// `duration_tail` at `i`: spaces, then a unit as a whole word; its end and the unit.
    fn duration_tail(&self, i: usize) -> Option<(usize, Unit)> {
        let start = self.inline_ws(i);
        (start > i).then(|| self.unit(start)).flatten()
    }

    /// The `unit` at `i` (`days`, `business days`), as a whole word.
    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        let end = self.run(i, is_ident_char);
        let word = self.slice(i, end);
        if word == "business" {
            let day = self.inline_ws(end);
            let day_end = self.run(day, is_ident_char);
            return (day > end && matches!(self.slice(day, day_end), "day" | "days"))
                .then_some((day_end, Unit::BusinessDays));
        }
        text::unit(word).map(|unit| (end, unit))
    }

    /// Whether a share's `of` follows `i` (`3% of net sales`): left to pest.
    fn of_follows(&self, i: usize) -> bool {
        let of = self.inline_ws(i);
        of > i && self.bytes.get(of..of + 2) == Some(b"of") && !self.is(of + 2, is_ident_char)
    }

    /// `see` and a space: a reference to another document (or, when no name follows, left
    /// to pest).
    fn starts_elsewhere(&self) -> bool {
        self.bytes.get(self.at..self.at + 3) == Some(b"see")
            && self.inline_ws(self.at + 3) > self.at + 3
    }

    /// `elsewhere`: `see business_plan`, `see spa "clause 4.2"`.
    fn elsewhere(&mut self) -> Option<ValueKind> {
        self.at = self.inline_ws(self.at + 3);
        let document = self.ident()?;
        let place_at = self.inline_ws(self.at);
        let place = if place_at > self.at && self.byte(place_at) == Some(b'"') {
            self.at = place_at;
            Some(self.string_lit()?)
        } else {
            None
        };
        Some(ValueKind::Elsewhere(Box::new(Elsewhere {
            document,
            place,
        })))
    }

    /// `word`: an identifier. One followed by a unit that ends the value (`six months`,
    /// `spelled_unit`) is left to pest, which says to write the number in digits.
    fn word(&mut self) -> Option<ValueKind> {
        let word = self.ident()?;
        if let Some((end, _)) = self.duration_tail(self.at) {
            if self.ends_value(end) {
                return None;
            }
        }
        Some(ValueKind::Word(word.name))
    }

    /// Whether a word that ends at `i` ends its value: no block's title or `{` follows
    /// (`block_follows`), and the line, a list or map, or the next `key:` does
    /// (`value_end`).
    fn ends_value(&self, i: usize) -> bool {
        if matches!(self.byte(self.trivia_end(i)), Some(b'{' | b'"')) {
            return false;
        }
        let end = self.inline_ws(i);
        match self.byte(end) {
            None | Some(b'\n' | b'\r' | b'}' | b']' | b',') => true,
            Some(b'/') => self.byte(end + 1) == Some(b'/'),
            Some(b) if is_ident_start(b) => {
                let key = self.inline_ws(self.run(end, is_ident_char));
                self.byte(key) == Some(b':')
            }
            _ => false,
        }
    }
}
