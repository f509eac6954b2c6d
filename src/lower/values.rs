//! Values checked against their types: words, dates, durations, money, party lists and
//! maps.

use super::*;

impl Lowerer {
    pub(super) fn mismatch(&mut self, value: &Value, key: &str, ty: Ty) {
        if matches!(value.kind, ValueKind::Invalid) {
            return;
        }
        let mut d = Diagnostic::error(
            TYPE_MISMATCH,
            value.span,
            format!(
                "`{key}` expects {}; found {}",
                ty.expectation(),
                value.kind.describe()
            ),
        );
        if let Some(help) = mismatch_help(&value.kind, ty) {
            d = d.with_help(help);
        }
        self.push(d);
    }

    pub(super) fn typed(&mut self, value: &Value, ty: Ty, key: &str) -> Option<Typed> {
        let kind = &value.kind;
        if let ValueKind::Invalid = kind {
            return None;
        }
        if let ValueKind::Redacted(_) | ValueKind::Elsewhere(_) = kind {
            self.withhold(value, ty, key, None);
            return None;
        }
        // `>= USD [***]`: a target whose amount is redacted.
        if let (Ty::Bound, ValueKind::Bound(_, inner)) = (ty, kind) {
            if let ValueKind::Redacted(_) | ValueKind::Elsewhere(_) = inner.kind {
                self.withhold(inner, ty, key, None);
                return None;
            }
        }
        if let ValueKind::Portion(inner, of) = kind {
            let written = match &inner.kind {
                ValueKind::Percent(p) => format!("{}% of {of}", p.normalize()),
                ValueKind::Money(m) => format!("{} {} of {of}", m.currency, m.amount),
                ValueKind::Number(n) => format!("{n} of {of}"),
                other => format!("{} of {of}", other.describe()),
            };
            self.push(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    value.span,
                    format!("`{key}` takes a value without what it is a share of: `{written}` cannot be read"),
                )
                .with_help("write the percentage alone and the base in its own key: `rate: 3%` with `base: net_sales` in a `royalty` block, or `rate: 25%` with `of: \"the total fees\"` in a `fee` block"),
            );
            return None;
        }
        if let (Ty::Date | Ty::Term | Ty::Duration, ValueKind::Map(entries)) = (ty, kind) {
            self.event_value(value, entries, ty, key);
            return None;
        }
        let typed = match (ty, kind) {
            (Ty::Str, ValueKind::String(s))
            | (Ty::Text, ValueKind::String(s) | ValueKind::Text(s)) => {
                self.strings.push(value.span);
                Typed::Str(s.clone())
            }
            (Ty::Date, ValueKind::Date(d)) => Typed::Date(self.date(*d, value.span)?),
            (Ty::Duration, ValueKind::Duration(n, unit)) => {
                Typed::Duration(self.duration(*n, *unit, value, key)?)
            }
            (Ty::Term, ValueKind::Duration(n, unit)) => {
                Typed::Term(Term::Fixed(self.duration(*n, *unit, value, key)?))
            }
            (Ty::Term, ValueKind::Word(w)) if w == "indefinite" => Typed::Term(Term::Indefinite),
            (Ty::Money, ValueKind::Money(m)) => Typed::Money(self.money(m, value, key)?),
            (Ty::Percent, ValueKind::Percent(p)) => Typed::Percent(*p),
            (Ty::Number, ValueKind::Number(n)) => Typed::Number(*n),
            (Ty::Count, ValueKind::Number(n))
                if n.fract().is_zero() && n.is_sign_positive() && !n.is_zero() =>
            {
                Typed::Number(*n)
            }
            (Ty::Bool, ValueKind::Word(w)) if w == "yes" || w == "no" => Typed::Bool(w == "yes"),
            (Ty::Enum(words), ValueKind::Word(w)) => match words.iter().find(|x| **x == w.as_str())
            {
                Some(found) => Typed::Word(found),
                None => return self.bad_word(value, w, key, words),
            },
            (Ty::Cadence, ValueKind::Word(w)) => match Cadence::from_key(w) {
                Some(c) => Typed::Cadence(c),
                None => return self.bad_word(value, w, key, schema::CADENCES),
            },
            (Ty::Decision, ValueKind::Word(w)) => match w.as_str() {
                "consensus" => Typed::Decision(Decision::Consensus),
                "majority" => Typed::Decision(Decision::Majority),
                "unanimous" => Typed::Decision(Decision::Unanimous),
                _ => return self.bad_word(value, w, key, &["consensus", "majority", "unanimous"]),
            },
            (Ty::Decision, ValueKind::Ratio(a, b)) => {
                if b.is_zero() || a > b || a.is_zero() {
                    self.push(
                        Diagnostic::error(
                            TYPE_MISMATCH,
                            value.span,
                            format!(
                                "`{key}` has the ratio {a}/{b}, which is not a share of the votes"
                            ),
                        )
                        .with_help("a supermajority is a ratio between 0 and 1, such as `2/3`"),
                    );
                    return None;
                }
                Typed::Decision(Decision::Ratio(*a, *b))
            }
            (Ty::Decision, ValueKind::Percent(p)) => Typed::Decision(Decision::Percent(*p)),
            (Ty::Bound, ValueKind::Bound(comparator, target)) => {
                let quantity = match &target.kind {
                    ValueKind::Number(n) => Quantity::Number(*n),
                    ValueKind::Percent(p) => Quantity::Percent(*p),
                    ValueKind::Money(m) => Quantity::Money(self.money(m, target, key)?),
                    ValueKind::Duration(n, u) => {
                        Quantity::Duration(self.duration(*n, *u, target, key)?)
                    }
                    _ => {
                        self.mismatch(value, key, ty);
                        return None;
                    }
                };
                Typed::Bound(Bound {
                    comparator: *comparator,
                    quantity,
                })
            }
            (Ty::Party, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Party], key))
            }
            (Ty::Committee, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Committee], key))
            }
            (Ty::PartyOrEntity, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Party, IdKind::Entity], key))
            }
            (Ty::PartyOrAll, ValueKind::Word(w)) if w == "all" => {
                Typed::Grantee(Grantee::All(value.span))
            }
            (Ty::PartyOrAll, ValueKind::Word(w)) => Typed::Grantee(Grantee::Party(self.resolve(
                w,
                value.span,
                &[IdKind::Party],
                key,
            ))),
            (Ty::RevenueSplit | Ty::CostSplit, ValueKind::Map(_)) => {
                return self.typed(value, Ty::Shares, key);
            }
            (Ty::RevenueSplit, ValueKind::Word(w)) if w == "each_keeps_own" => {
                Typed::Split(SplitRule::EachOwn)
            }
            (Ty::CostSplit, ValueKind::Word(w)) if w == "each_bears_own" => {
                Typed::Split(SplitRule::EachOwn)
            }
            (Ty::RevenueSplit | Ty::CostSplit, ValueKind::Word(w)) if w == "pro_rata_ownership" => {
                Typed::Split(SplitRule::ProRataOwnership)
            }
            (Ty::RevenueSplit | Ty::CostSplit, ValueKind::Word(w))
                if w == "pro_rata_contributions" =>
            {
                Typed::Split(SplitRule::ProRataContributions)
            }
            (Ty::Currency, ValueKind::Word(w)) => {
                let Some(code) = schema::CURRENCIES.iter().find(|c| **c == w.as_str()) else {
                    self.push(
                        Diagnostic::error(
                            TYPE_MISMATCH,
                            value.span,
                            format!("`{w}` is not an ISO 4217 currency code"),
                        )
                        .with_help("write the three-letter code in capitals, such as `USD`, `EUR` or `GBP`"),
                    );
                    return None;
                };
                Typed::Word(code)
            }
            (Ty::Milestone, ValueKind::Word(w)) => {
                Typed::Ref(self.resolve(w, value.span, &[IdKind::Milestone], key))
            }
            (Ty::Meets, ValueKind::Word(w)) if w == "on_referral" => Typed::Word("on_referral"),
            (Ty::Meets, ValueKind::Word(w)) if w == "as_needed" => Typed::Word("as_needed"),
            (Ty::AuditEvery, ValueKind::Word(w)) if w == "any_time" => Typed::Word("any_time"),
            (Ty::Meets | Ty::AuditEvery, ValueKind::Word(_)) => {
                return self.typed(value, Ty::Cadence, key);
            }
            (Ty::Per, ValueKind::Word(w)) if w == "unit" => Typed::Per(Per::Unit),
            (Ty::Per, ValueKind::Word(_)) => match self.typed(value, Ty::Cadence, key)? {
                Typed::Cadence(c) => Typed::Per(Per::Cadence(c)),
                _ => return None,
            },
            (Ty::Base, ValueKind::Word(w)) => Typed::Base(match w.as_str() {
                "net_sales" => Base::NetSales,
                "gross_sales" => Base::GrossSales,
                "net_revenue" => Base::NetRevenue,
                "gross_revenue" => Base::GrossRevenue,
                "profit" => Base::Profit,
                _ => {
                    return self.bad_word(value, w, key, schema::PAYMENT_BASES);
                }
            }),
            (Ty::Base, ValueKind::String(s)) => {
                self.strings.push(value.span);
                Typed::Base(Base::Other(s.clone()))
            }
            (Ty::Notice, ValueKind::Duration(n, unit)) => {
                Typed::Duration(self.duration(*n, *unit, value, key)?)
            }
            (Ty::Notice, ValueKind::Word(w)) if w == "immediate" => Typed::Word("immediate"),
            (Ty::Holders, ValueKind::Word(w)) if w == "non_defaulting" => {
                Typed::Word("non_defaulting")
            }
            (Ty::Holders, ValueKind::Word(w)) if w == "all" => {
                Typed::Parties(Parties::All(value.span))
            }
            (Ty::Holders, ValueKind::Word(_) | ValueKind::List(_)) => {
                Typed::Parties(Parties::List(self.party_list(value, key, ty)?))
            }
            (Ty::PartiesOrAll, ValueKind::Word(w)) if w == "all" => {
                Typed::Parties(Parties::All(value.span))
            }
            (Ty::PartiesOrAll, ValueKind::Word(_) | ValueKind::List(_)) => {
                Typed::Parties(Parties::List(self.party_list(value, key, ty)?))
            }
            (Ty::PartyOrRotating, ValueKind::Word(w)) if w == "rotating" => {
                Typed::Chair(Chair::Rotating(value.span))
            }
            (Ty::PartyOrRotating, ValueKind::Word(w)) => Typed::Chair(Chair::Party(self.resolve(
                w,
                value.span,
                &[IdKind::Party],
                key,
            ))),
            (Ty::Owner, ValueKind::Word(w)) if w == "joint" => {
                Typed::Owner(Owner::Joint(value.span))
            }
            (Ty::Owner, ValueKind::Word(_) | ValueKind::List(_)) => {
                Typed::Owner(Owner::Parties(self.party_list(value, key, ty)?, value.span))
            }
            (Ty::DataAccess, ValueKind::Word(w)) if w == "shared" => {
                Typed::DataAccess(DataAccess::Shared(value.span))
            }
            (Ty::DataAccess, ValueKind::Word(w)) => Typed::DataAccess(DataAccess::Party(
                self.resolve(w, value.span, &[IdKind::Party], key),
            )),
            (Ty::JointIp, ValueKind::Word(w)) if w == "jointly_owned" => {
                Typed::JointIp(JointIp::JointlyOwned(value.span))
            }
            (Ty::JointIp, ValueKind::Word(w)) if w == "creator" => {
                Typed::JointIp(JointIp::Creator(value.span))
            }
            (Ty::JointIp, ValueKind::Word(w)) => Typed::JointIp(JointIp::Owner(self.resolve(
                w,
                value.span,
                &[IdKind::Party, IdKind::Entity],
                key,
            ))),
            (Ty::Royalty, ValueKind::Percent(p)) => Typed::Royalty(Royalty::Percent(*p)),
            (Ty::Royalty, ValueKind::Money(m)) => {
                Typed::Royalty(Royalty::Money(self.money(m, value, key)?))
            }
            (Ty::BoolOrStrings, ValueKind::Word(w)) if w == "yes" || w == "no" => {
                Typed::ThirdParties(ThirdParties::Allowed(w == "yes"))
            }
            (Ty::BoolOrStrings, ValueKind::List(_)) => {
                Typed::ThirdParties(ThirdParties::Named(self.string_list(value, key, ty)?))
            }
            (Ty::Strings, ValueKind::List(_)) => Typed::Strings(self.string_list(value, key, ty)?),
            (Ty::Words(words), ValueKind::List(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::Word(w) => match words.iter().find(|x| **x == w.as_str()) {
                            Some(found) => out.push(Spanned::new(*found, item.span)),
                            None => {
                                self.bad_word(item, w, key, words);
                            }
                        },
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::Enum(words)),
                    }
                }
                Typed::Words(out)
            }
            (Ty::Words(words), ValueKind::Word(w)) => {
                match words.iter().find(|x| **x == w.as_str()) {
                    Some(found) => Typed::Words(vec![Spanned::new(*found, value.span)]),
                    None => return self.bad_word(value, w, key, words),
                }
            }
            (Ty::RuleNames, ValueKind::List(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::RuleName(n) => out.push(Spanned::new(n.to_string(), item.span)),
                        ValueKind::Word(n) => out.push(Spanned::new(n.to_string(), item.span)),
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::RuleNames),
                    }
                }
                // Carried as strings; `check` tells unknown rule names apart.
                Typed::Strings(out)
            }
            (Ty::Shares, ValueKind::Map(entries)) => {
                Typed::Shares(
                    self.party_map(value, entries, key, true, Ty::Percent, |cx, v| {
                        match &v.kind {
                            ValueKind::Percent(p) => Some(*p),
                            _ => {
                                cx.mismatch(v, key, Ty::Percent);
                                None
                            }
                        }
                    })?,
                )
            }
            (Ty::Seats, ValueKind::Map(entries)) => {
                Typed::Shares(
                    self.party_map(value, entries, key, false, Ty::Number, |cx, v| {
                        match &v.kind {
                            ValueKind::Number(n) => Some(*n),
                            _ => {
                                cx.mismatch(v, key, Ty::Number);
                                None
                            }
                        }
                    })?,
                )
            }
            (Ty::Amounts, ValueKind::Map(entries)) => {
                Typed::Amounts(
                    self.party_map(value, entries, key, false, Ty::Money, |cx, v| {
                        match &v.kind {
                            ValueKind::Money(m) => cx.money(m, v, key),
                            _ => {
                                cx.mismatch(v, key, Ty::Money);
                                None
                            }
                        }
                    })?,
                )
            }
            _ => {
                self.mismatch(value, key, ty);
                return None;
            }
        };
        Some(typed)
    }

    pub(super) fn bad_word(
        &mut self,
        value: &Value,
        word: &str,
        key: &str,
        words: &'static [&'static str],
    ) -> Option<Typed> {
        let mut d = Diagnostic::error(
            TYPE_MISMATCH,
            value.span,
            format!(
                "`{key}` expects {}; found the word `{word}`",
                schema::Ty::Enum(words).expectation()
            ),
        );
        if let Some(s) = did_you_mean(word, words.iter().copied()) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        self.push(d);
        None
    }

    pub(super) fn date(&mut self, raw: ast::RawDate, span: Span) -> Option<jiff::civil::Date> {
        match jiff::civil::Date::new(raw.year, raw.month, raw.day) {
            Ok(d) => Some(d),
            Err(_) => {
                let reason = if !(1..=12).contains(&raw.month) {
                    format!("there is no month {}", raw.month)
                } else {
                    let days = jiff::civil::Date::new(raw.year, raw.month, 1)
                        .map(|d| d.days_in_month())
                        .unwrap_or(31);
                    format!("{} {} has {days} days", month_name(raw.month), raw.year)
                };
                self.push(
                    Diagnostic::error(INVALID_DATE, span, format!("{raw} is not a date: {reason}"))
                        .with_help(
                            "write a real calendar date as year-month-day, such as `2027-01-31`",
                        ),
                );
                None
            }
        }
    }

    pub(super) fn duration(
        &mut self,
        amount: Decimal,
        unit: ast::Unit,
        value: &Value,
        key: &str,
    ) -> Option<Duration> {
        let whole = amount.fract().is_zero();
        match u32::try_from(amount.trunc()).ok().filter(|_| whole) {
            Some(n) => Some(Duration { amount: n, unit }),
            None => {
                self.push(
                    Diagnostic::error(
                        TYPE_MISMATCH,
                        value.span,
                        format!("`{key}` has the duration {amount} {}, which is not a whole number", unit.name(amount)),
                    )
                    .with_help("durations are whole numbers of hours, days, business days, weeks, months or years: write `18 months` rather than `1.5 years`"),
                );
                None
            }
        }
    }

    pub(super) fn money(&mut self, m: &ast::Money, value: &Value, key: &str) -> Option<Money> {
        if !schema::is_currency(&m.currency) {
            let mut d = Diagnostic::error(
                TYPE_MISMATCH,
                value.span,
                format!(
                    "`{key}` has the amount {} {}, but `{}` is not an ISO 4217 currency code",
                    m.currency, m.amount, m.currency
                ),
            );
            d = match did_you_mean(&m.currency, schema::CURRENCIES.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => {
                    d.with_help("use a three-letter ISO 4217 code such as USD, EUR, GBP or JPY")
                }
            };
            self.push(d);
            return None;
        }
        Some(Money {
            currency: m.currency.clone(),
            amount: m.amount,
        })
    }

    pub(super) fn party_list(&mut self, value: &Value, key: &str, ty: Ty) -> Option<Vec<Ref>> {
        match &value.kind {
            ValueKind::Word(w) => Some(vec![self.resolve(w, value.span, &[IdKind::Party], key)]),
            ValueKind::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match &item.kind {
                        ValueKind::Word(w) => {
                            out.push(self.resolve(w, item.span, &[IdKind::Party], key))
                        }
                        ValueKind::Invalid => {}
                        _ => self.mismatch(item, key, Ty::Party),
                    }
                }
                Some(out)
            }
            _ => {
                self.mismatch(value, key, ty);
                None
            }
        }
    }

    pub(super) fn string_list(&mut self, value: &Value, key: &str, ty: Ty) -> Option<Vec<Text>> {
        let ValueKind::List(items) = &value.kind else {
            self.mismatch(value, key, ty);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.kind {
                ValueKind::String(s) => {
                    self.strings.push(item.span);
                    out.push(Spanned::new(s.clone(), item.span));
                }
                ValueKind::Invalid => {}
                // An item redacted in the filed copy, or set out elsewhere: the others stand,
                // and the term sheet lists it among the terms not stated.
                ValueKind::Redacted(_) | ValueKind::Elsewhere(_) => {
                    self.withhold(item, Ty::Str, key, None);
                }
                _ => self.mismatch(item, key, Ty::Str),
            }
        }
        Some(out)
    }

    /// A map keyed by party. Share maps (`unknown_ok`) leave keys that are not parties to
    /// `share-for-unknown-party`; other maps report them as `unknown-reference`.
    ///
    /// A map with an entry that cannot be read (a wrong value, a party named twice) is
    /// reported and then left out as a whole, like any other unreadable value: what remains
    /// of it would make rules report sums and gaps the author never wrote.
    pub(super) fn party_map<T>(
        &mut self,
        value: &Value,
        entries: &[ast::Entry],
        key: &str,
        unknown_ok: bool,
        entry_ty: Ty,
        mut convert: impl FnMut(&mut Self, &Value) -> Option<T>,
    ) -> Option<PartyMap<T>> {
        let mut complete = true;
        let mut out = PartyMap {
            entries: Vec::with_capacity(entries.len()),
            held: None,
            span: value.span,
        };
        let mut seen: HashMap<&str, Span> = HashMap::with_capacity(entries.len());
        for entry in entries {
            let id = entry.key.as_str();
            if let Some(&first) = seen.get(id) {
                self.push(
                    Diagnostic::error(
                        DUPLICATE_KEY,
                        entry.key.span,
                        format!("`{key}` names `{id}` twice"),
                    )
                    .with_label(first, "first named here")
                    .with_help("keep one entry per party"),
                );
                complete = false;
                continue;
            }
            seen.insert(id, entry.key.span);
            let party = if unknown_ok {
                let (target, found) = self.lookup(id, &[IdKind::Party]);
                if found.is_none() {
                    self.pending.push(Pending {
                        id: entry.key.name.clone(),
                        span: entry.key.span,
                        kinds: &[IdKind::Party],
                        key: key.to_string(),
                        report: false,
                    });
                }
                Ref {
                    id: entry.key.name.clone(),
                    span: entry.key.span,
                    target,
                }
            } else {
                self.resolve(id, entry.key.span, &[IdKind::Party], key)
            };
            if let ValueKind::Redacted(_) | ValueKind::Elsewhere(_) = entry.value.kind {
                if self.withhold(&entry.value, entry_ty, key, Some(&party)) {
                    out.held.get_or_insert_with(Default::default).push(party);
                } else {
                    complete = false;
                }
                continue;
            }
            match convert(self, &entry.value) {
                Some(v) => out.entries.push(PartyEntry {
                    party,
                    value: v,
                    span: entry.span,
                }),
                None => complete = false,
            }
        }
        complete.then_some(out)
    }
}

pub(super) fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("that month")
}

/// A next step for common mismatches.
pub(super) fn mismatch_help(found: &ValueKind, ty: Ty) -> Option<String> {
    Some(match (found, ty) {
        (ValueKind::String(s), Ty::Date) => format!(
            "if the date is set by an event, write `{{ event: \"{s}\", longstop: 2027-06-30 }}` (the longstop is the date by which it must happen, if the agreement gives one); otherwise write the date, such as `2027-01-01`"
        ),
        (ValueKind::String(s), Ty::Term | Ty::Duration) => format!(
            "if it runs until an event, write `{{ until: \"{s}\", at_most: 30 months }}` (with the longest it may run, if the agreement gives one); otherwise write a duration, such as `3 years`"
        ),
        (ValueKind::String(s), _) if !matches!(ty, Ty::Str | Ty::Text) => {
            format!(
                "remove the quotes if \"{s}\" is meant as a value; {} is written without quotes",
                ty.doc_name()
            )
        }
        (ValueKind::Number(n), Ty::Percent | Ty::Shares) => format!("write `{n}%`"),
        (ValueKind::Number(n), Ty::Money) => format!("put the currency first: `USD {n}`"),
        (ValueKind::Number(n), Ty::Duration | Ty::Term) => {
            format!("add the unit: `{n} days`, `{n} months` or `{n} years`")
        }
        (ValueKind::Number(n) | ValueKind::Percent(n), Ty::Bound) => {
            format!("add a comparison, such as `>= {n}`")
        }
        (ValueKind::Money(m), Ty::Bound) => {
            format!("add a comparison, such as `>= {} {}`", m.currency, m.amount)
        }
        (ValueKind::Word(w), Ty::Str | Ty::Text) => format!("put text in double quotes: \"{w}\""),
        (ValueKind::Text(_), Ty::Str) => "this key takes a one-line string in double quotes".into(),
        _ => return None,
    })
}
