//! Values: how the builder reads the value after a key (numbers, money, strings, words,
//! lists and maps) into the syntax tree.

use super::*;

impl Builder<'_, '_> {
    pub(super) fn value(&mut self, pair: Pair<'_, Rule>, base: usize) -> Value {
        let span = span_of(&pair, base);
        let kind = match pair.as_rule() {
            Rule::string if self.runs_over_line_end(pair.as_str()) => ValueKind::Invalid,
            Rule::string => match text::unescape(pair.as_str()) {
                Ok(s) => ValueKind::String(s),
                Err(bad) => {
                    self.bad_escape(span, bad);
                    ValueKind::Invalid
                }
            },
            Rule::text_block => ValueKind::Text(text::dedent(pair.as_str())),
            Rule::word if pair.as_str().contains([' ', '\t']) => self.spelled(pair.as_str(), span),
            Rule::word => ValueKind::Word(CompactString::from(pair.as_str())),
            Rule::rule_name => ValueKind::RuleName(CompactString::from(pair.as_str())),
            Rule::numeric => self.numeric(pair.as_str(), span),
            Rule::money => self.money(pair, base),
            Rule::redacted => {
                let mut shape = RedactedShape::Bare;
                for p in pair.into_inner().flatten() {
                    match p.as_rule() {
                        Rule::percent_sign => shape = RedactedShape::Percent,
                        Rule::unit => match text::unit(p.as_str()) {
                            Some(unit) => shape = RedactedShape::Duration(unit),
                            None => {
                                self.error_at(
                                    span,
                                    "this duration has a unit Charter does not know",
                                    None,
                                );
                                return Value {
                                    kind: ValueKind::Invalid,
                                    span,
                                };
                            }
                        },
                        _ => {}
                    }
                }
                ValueKind::Redacted(Redacted { shape })
            }
            Rule::elsewhere => {
                let mut document = None;
                let mut place = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::ident => document = Some(ident(&p, base)),
                        Rule::string => place = Some(self.string_lit(&p, base)),
                        _ => {}
                    }
                }
                match document {
                    Some(document) => ValueKind::Elsewhere(Box::new(Elsewhere { document, place })),
                    None => ValueKind::Invalid,
                }
            }
            Rule::bound => {
                let mut comparator = Comparator::Exactly;
                let mut target = None;
                let mut noun = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::comparator => {
                            comparator = match p.as_str() {
                                ">=" => Comparator::AtLeast,
                                "<=" => Comparator::AtMost,
                                ">" => Comparator::Above,
                                "<" => Comparator::Below,
                                _ => Comparator::Exactly,
                            }
                        }
                        Rule::bound_noun => {
                            noun = Some((p.as_str().to_string(), span_of(&p, base)))
                        }
                        _ => target = Some(self.value(p, base)),
                    }
                }
                if let (Some((noun, noun_span)), Some(t)) = (&noun, &target) {
                    let number = self
                        .text
                        .get(t.span.range())
                        .unwrap_or_default()
                        .to_string();
                    self.diagnostics.push(
                        Diagnostic::error(
                            crate::lower::rule::TYPE_MISMATCH,
                            *noun_span,
                            format!("a target is a number, percentage, amount or duration, without what is counted: `{noun}` cannot follow `{number}`"),
                        )
                        .with_help(format!("write `{} {number}`, and say what is counted ({noun}) in the metric's title or `source`", comparator.symbol())),
                    );
                    return Value {
                        kind: ValueKind::Invalid,
                        span,
                    };
                }
                match target {
                    Some(t) => ValueKind::Bound(comparator, Box::new(t)),
                    None => ValueKind::Invalid,
                }
            }
            Rule::list => {
                if self.is_too_deep(span) {
                    ValueKind::Invalid
                } else {
                    ValueKind::List(pair.into_inner().map(|p| self.value(p, base)).collect())
                }
            }
            Rule::map => {
                if self.is_too_deep(span) {
                    ValueKind::Invalid
                } else {
                    let mut entries = Vec::new();
                    for p in pair.into_inner() {
                        if p.as_rule() != Rule::entry {
                            continue;
                        }
                        let entry_span = span_of(&p, base);
                        let mut inner = p.into_inner();
                        if let (Some(k), Some(v)) = (inner.next(), inner.next()) {
                            entries.push(Entry {
                                key: ident(&k, base),
                                value: self.value(v, base),
                                span: entry_span,
                            });
                        }
                    }
                    ValueKind::Map(entries)
                }
            }
            _ => ValueKind::Invalid,
        };
        Value { kind, span }
    }

    /// A number-like token: `2027-01-01`, `3`, `4.5`, `55%`, `2/3`, `90 days`.
    pub(super) fn numeric(&mut self, token: &str, span: Span) -> ValueKind {
        // `3% of net sales`: the number, then what it is a share of.
        if let Some((number, of)) = split_of(token) {
            let inner = Value {
                kind: self.numeric(number, span),
                span,
            };
            return ValueKind::Portion(Box::new(inner), of.to_string());
        }
        // Only a date has a `-` (numbers and units have none).
        if token.contains('-') {
            return text::date(token).map_or(ValueKind::Invalid, ValueKind::Date);
        }
        let (digits, suffix) = text::split_number(token);
        let Some(number) = decimal(digits) else {
            self.too_many_digits(span, digits);
            return ValueKind::Invalid;
        };
        if suffix.is_empty() {
            return ValueKind::Number(number);
        }
        if suffix == "%" {
            return ValueKind::Percent(number);
        }
        if let Some(denominator) = suffix.strip_prefix('/') {
            return match decimal(denominator) {
                Some(d) => ValueKind::Ratio(number, d),
                None => {
                    self.too_many_digits(span, denominator);
                    ValueKind::Invalid
                }
            };
        }
        match text::unit(suffix.trim_start()) {
            Some(unit) => ValueKind::Duration(number, unit),
            None => {
                self.error_at(span, "this duration has a unit Charter does not know", None);
                ValueKind::Invalid
            }
        }
    }

    /// `six months`: a number in words before a unit.
    fn spelled(&mut self, text: &str, span: Span) -> ValueKind {
        let (word, unit) = text.split_once([' ', '\t']).unwrap_or((text, ""));
        let unit = unit.trim();
        let digits = text::number_word(word);
        let fix = match digits {
            Some(n) => format!("write the number in digits: `{n} {unit}`"),
            None => format!("write the number in digits, as in `6 {unit}`"),
        };
        self.diagnostics.push(
            Diagnostic::error(
                crate::lower::rule::TYPE_MISMATCH,
                span,
                format!("`{text}` has its number in words, which Charter does not read"),
            )
            .with_help(fix),
        );
        ValueKind::Invalid
    }

    fn money(&mut self, pair: Pair<'_, Rule>, base: usize) -> ValueKind {
        let whole = span_of(&pair, base);
        let mut currency = CompactString::default();
        let mut amount = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::currency => currency = CompactString::from(p.as_str()),
                Rule::redaction => {
                    return ValueKind::Redacted(Redacted {
                        shape: RedactedShape::Money(currency),
                    })
                }
                Rule::of_tail => {
                    let of = p
                        .into_inner()
                        .next()
                        .map(|r| r.as_str().trim().to_string())
                        .unwrap_or_default();
                    let inner = match amount {
                        Some(amount) => ValueKind::Money(Money {
                            currency: currency.clone(),
                            amount,
                        }),
                        None => ValueKind::Invalid,
                    };
                    return ValueKind::Portion(
                        Box::new(Value {
                            kind: inner,
                            span: whole,
                        }),
                        of,
                    );
                }
                Rule::amount => match self.amount(p.as_str(), span_of(&p, base)) {
                    Some(a) => amount = Some(a),
                    None => return ValueKind::Invalid,
                },
                _ => {}
            }
        }
        match amount {
            Some(amount) => ValueKind::Money(Money { currency, amount }),
            None => ValueKind::Invalid,
        }
    }

    /// A money amount's digits (`1,200,000`), or `None` when they are malformed or too
    /// many (reported here).
    pub(super) fn amount(&mut self, token: &str, span: Span) -> Option<Decimal> {
        match text::amount(token) {
            Ok(a) => Some(a),
            Err(problem @ text::AmountProblem::TooManyDigits(_)) => {
                // Well formed: a value Charter cannot hold, not a syntax error.
                let d = Diagnostic::error(
                    crate::lower::rule::TYPE_MISMATCH,
                    span,
                    problem.message(token),
                )
                .with_help(problem.help());
                self.diagnostics.push(d);
                None
            }
            Err(problem) => {
                self.error_at(span, &problem.message(token), Some(problem.help()));
                None
            }
        }
    }

    pub(super) fn string_lit(&mut self, pair: &Pair<'_, Rule>, base: usize) -> StrLit {
        self.string_at(pair.as_str(), span_of(pair, base))
    }

    /// Whether a string token runs over a line end (see [`Builder::accept`]).
    fn runs_over_line_end(&mut self, token: &str) -> bool {
        let broken = memchr::memchr(b'\n', token.as_bytes()).is_some();
        self.broken_string |= broken;
        broken
    }

    pub(super) fn string_at(&mut self, token: &str, span: Span) -> StrLit {
        if self.runs_over_line_end(token) {
            return StrLit {
                value: String::new(),
                span,
            };
        }
        let value = match text::unescape(token) {
            Ok(s) => s,
            Err(bad) => {
                self.bad_escape(span, bad);
                String::new()
            }
        };
        StrLit { value, span }
    }

    fn bad_escape(&mut self, string: Span, bad: text::BadEscape) {
        let start = string.start as usize + bad.offset;
        let span = Span::from_range(start, start + bad.len);
        self.error_at(
            span,
            &format!("`{}` is not an escape Charter knows", bad.text),
            Some("inside a string, write \\\" for a quote, \\\\ for a backslash, \\n for a line break, \\t for a tab, or \\u{…} for a character by its code"),
        );
    }

    /// A well-formed number with more digits than Charter can hold: a `type-mismatch` (the
    /// value cannot be used), not a syntax error, so the rest of the agreement is checked.
    /// The value is then left out, and nothing else is said about it.
    fn too_many_digits(&mut self, span: Span, digits: &str) {
        self.diagnostics.push(
            Diagnostic::error(
                crate::lower::rule::TYPE_MISMATCH,
                span,
                text::too_many_digits(digits),
            )
            .with_help(text::TOO_MANY_DIGITS_HELP),
        );
    }
}

/// `3% of net sales` → (`3%`, `net sales`): a number-like token with an `of` tail (the
/// word `of` after white space).
fn split_of(token: &str) -> Option<(&str, &str)> {
    let bytes = token.as_bytes();
    let at = token.match_indices("of").map(|(i, _)| i).find(|&i| {
        i > 0
            && matches!(bytes.get(i - 1), Some(b' ' | b'\t'))
            && matches!(bytes.get(i + 2), None | Some(b' ' | b'\t'))
    })?;
    Some((token.get(..at)?.trim_end(), token.get(at + 2..)?.trim()))
}

fn decimal(s: &str) -> Option<Decimal> {
    Decimal::from_str_exact(s).ok()
}
