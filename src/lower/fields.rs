//! Generic checking of a block against its schema definition: unknown keys and blocks,
//! duplicates, labels, missing items; and the typed values of a block ([`Fields`]).

use super::*;

impl Lowerer {
    /// Check a block's items against `def` and type its values. Reports unknown, duplicate
    /// and mistyped items; missing items are reported by [`Lowerer::require`].
    pub(super) fn fields<'a>(
        &mut self,
        items: &'a [Item],
        def: &'static BlockDef,
        owner: &BlockName<'_>,
    ) -> Fields<'a> {
        let mut fields = Fields {
            values: Vec::new(),
            blocks: Vec::new(),
        };
        // First occurrence of each schema name, for duplicates. It holds at most one entry
        // per key and block the schema allows here (a dozen or so), so a vector beats a map.
        let mut seen: Vec<(&'static str, Span)> = Vec::new();
        for item in items {
            self.field_item(item, def, owner, &mut fields, &mut seen);
        }
        fields
    }

    /// Check one item of a block against `def`: a typed value or an accepted block goes
    /// into `fields`; unknown, duplicate and mistyped items are reported.
    pub(super) fn field_item<'a>(
        &mut self,
        item: &'a Item,
        def: &'static BlockDef,
        owner: &BlockName<'_>,
        fields: &mut Fields<'a>,
        seen: &mut Vec<(&'static str, Span)>,
    ) {
        match item {
            Item::Attribute(attr) => {
                let name = attr.key.as_str();
                let Some(key) = def.key(name) else {
                    self.unknown_key(&attr.key, def, owner);
                    return;
                };
                if let Some(first) = first_seen(seen, key.name) {
                    self.push(
                        Diagnostic::error(
                            DUPLICATE_KEY,
                            attr.key.span,
                            format!("`{name}` is given twice in {owner}"),
                        )
                        .with_label(first, "first given here")
                        .with_help("keep one of them"),
                    );
                    return;
                }
                seen.push((key.name, attr.key.span));
                match self.typed(&attr.value, key.ty, name) {
                    Some(typed) => fields.values.push((key.name, typed, attr.value.span)),
                    None => self.unreadable.push((key.name, attr.value.span)),
                }
            }
            Item::Block(block) => {
                let keyword = block.keyword.as_str();
                let Some(child) = def.child(keyword) else {
                    self.unknown_block(block, def, owner);
                    return;
                };
                if !child.repeats {
                    if let Some(first) = first_seen(seen, keyword) {
                        self.push(
                            Diagnostic::error(
                                DUPLICATE_KEY,
                                block.keyword.span,
                                format!("{owner} has two `{keyword}` blocks; it may have only one"),
                            )
                            .with_label(first, "the first one")
                            .with_help("merge the two blocks into one"),
                        );
                        return;
                    }
                }
                if first_seen(seen, child.block.keyword).is_none() {
                    seen.push((child.block.keyword, block.keyword.span));
                }
                self.check_labels(block, child);
                fields.blocks.push((child.block.keyword, block));
            }
            Item::Damaged(d) => {
                // Reported as a syntax error; remember that it was there.
                if let Some(name) = &d.name {
                    let known = def
                        .key(name.as_str())
                        .map(|k| k.name)
                        .or_else(|| def.child(name.as_str()).map(|c| c.block.keyword));
                    if let Some(known) = known {
                        if first_seen(seen, known).is_none() {
                            seen.push((known, name.span));
                        }
                    }
                }
            }
        }
    }

    pub(super) fn unknown_key(
        &mut self,
        key: &ast::Ident,
        def: &'static BlockDef,
        owner: &BlockName<'_>,
    ) {
        let name = key.as_str();
        if let Some(child) = def.child(name) {
            // The block's own form, from its documentation: `royalty "TITLE" { … }`.
            let form = child
                .block
                .doc
                .split('`')
                .nth(1)
                .map_or_else(|| format!("{name} {{ … }}"), str::to_string);
            self.push(
                Diagnostic::error(
                    UNKNOWN_KEY,
                    key.span,
                    format!("`{name}` is a block in {owner}, not a key"),
                )
                .with_help(format!("write it as a block: `{form}`")),
            );
            return;
        }
        let suggestion = did_you_mean(name, def.key_names().chain(def.block_names()));
        let mut message = format!("unknown key `{name}` in {}", def_noun(def, owner));
        if let Some(s) = suggestion {
            message.push_str(&format!("; did you mean `{s}`?"));
        }
        let known: Vec<&str> = def.key_names().collect();
        self.push(
            Diagnostic::error(UNKNOWN_KEY, key.span, message).with_help(format!(
                "the keys of {} are: {}",
                def_noun(def, owner),
                known.join(", ")
            )),
        );
    }

    pub(super) fn unknown_block(
        &mut self,
        block: &Block,
        def: &'static BlockDef,
        owner: &BlockName<'_>,
    ) {
        let name = block.keyword.as_str();
        let span = block.keyword.span;
        if def.key(name).is_some() {
            self.push(
                Diagnostic::error(
                    UNKNOWN_BLOCK,
                    span,
                    format!("`{name}` is a key in {owner}, not a block"),
                )
                .with_help(format!("write it as `{name}: value`")),
            );
            return;
        }
        // A top-level block nested by mistake usually means a missing `}` above it.
        let top_level = def.keyword != "agreement" && schema::AGREEMENT.child(name).is_some();
        let suggestion = did_you_mean(name, def.block_names().chain(def.key_names()));
        let mut message = format!("unknown block `{name}` in {}", def_noun(def, owner));
        if let Some(s) = suggestion {
            message.push_str(&format!("; did you mean `{s}`?"));
        }
        let help = if top_level {
            format!(
                "`{name}` belongs at the top level of the agreement: check that the block before it is closed with `}}`"
            )
        } else if def.blocks.is_empty() {
            format!("{} holds no blocks", def_noun(def, owner))
        } else {
            let known: Vec<&str> = def.block_names().collect();
            format!(
                "the blocks of {} are: {}",
                def_noun(def, owner),
                known.join(", ")
            )
        };
        self.push(Diagnostic::error(UNKNOWN_BLOCK, span, message).with_help(help));
    }

    /// Check a block's labels against what its definition takes.
    pub(super) fn check_labels(&mut self, block: &Block, child: &'static ChildDef) {
        let def = child.block;
        let keyword = def.keyword;
        let labels = &block.labels;
        let head = block.head_span();
        for label in labels {
            if let Label::Title(t) = label {
                self.strings.push(t.span);
            }
        }
        let extra = |from: usize| labels.get(from..).unwrap_or_default();
        let (wrong, expected): (&[Label], &str) = match def.labels {
            Labels::None => (extra(0), "takes no id or title"),
            Labels::Title => match labels.first() {
                Some(Label::Title(_)) => (extra(1), "takes one title"),
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!("this `{keyword}` has no title"),
                        )
                        .with_help(format!("write `{keyword} \"Title\" {{ … }}`")),
                    );
                    (
                        labels.get(..labels.len().min(1)).unwrap_or_default(),
                        "takes a title in quotes",
                    )
                }
            },
            Labels::IdAndTitle => {
                let noun = if keyword == "party" {
                    "legal name"
                } else {
                    "title"
                };
                match (labels.first(), labels.get(1)) {
                    (Some(Label::Id(_)), Some(Label::Title(_))) => {
                        (extra(2), "takes an id and a title")
                    }
                    (Some(Label::Id(id)), None) => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("{keyword} `{}` has no {noun}", id.name),
                            )
                            .with_help(format!(
                                "write `{keyword} {} \"{}\" {{ … }}`",
                                id.name,
                                capitalise(noun)
                            )),
                        );
                        (extra(1), "takes an id and a title")
                    }
                    (Some(Label::Title(t)), _) => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("this {keyword} has no id: other parts of the agreement refer to it by its id"),
                            )
                            .with_help(format!(
                                "put a short id before the {noun}, as in `{keyword} {} \"{}\" {{`",
                                suggest_id(&t.value),
                                t.value
                            )),
                        );
                        (extra(1), "takes an id and a title")
                    }
                    _ => {
                        self.push(
                            Diagnostic::error(
                                MISSING_REQUIRED,
                                head,
                                format!("this {keyword} has no id and no {noun}"),
                            )
                            .with_help(format!(
                                "write `{keyword} id \"{}\" {{ … }}`",
                                capitalise(noun)
                            )),
                        );
                        (extra(0), "takes an id and a title")
                    }
                }
            }
            Labels::PartyRef => match labels.first() {
                Some(Label::Id(id)) => {
                    // The reference itself is resolved when the block is lowered.
                    let _ = id;
                    (extra(1), "takes one party id")
                }
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!("this `{keyword}` block does not say which party it is for"),
                        )
                        .with_help(format!("write `{keyword} party_id {{ … }}`")),
                    );
                    (extra(1), "takes one party id")
                }
            },
            Labels::Kind(kinds) => match labels.first() {
                Some(Label::Id(id)) if kinds.contains(&id.as_str()) => (extra(1), "takes one kind"),
                Some(Label::Id(id)) => {
                    let mut d = Diagnostic::error(
                        TYPE_MISMATCH,
                        id.span,
                        format!(
                            "`{}` is not a kind of {keyword}; the kinds are {}",
                            id.name,
                            kinds.join(", ")
                        ),
                    );
                    if let Some(s) = did_you_mean(id.as_str(), kinds.iter().copied()) {
                        d = d.with_help(format!("did you mean `{s}`?"));
                    }
                    self.push(d);
                    (extra(1), "takes one kind")
                }
                _ => {
                    self.push(
                        Diagnostic::error(
                            MISSING_REQUIRED,
                            head,
                            format!(
                                "this `{keyword}` does not say its kind ({})",
                                kinds.join(", ")
                            ),
                        )
                        .with_help(format!(
                            "write `{keyword} {} {{ … }}`",
                            kinds.first().copied().unwrap_or("kind")
                        )),
                    );
                    (extra(1), "takes one kind")
                }
            },
        };
        if let (Some(first), Some(last)) = (wrong.first(), wrong.last()) {
            self.push(
                Diagnostic::error(
                    TYPE_MISMATCH,
                    first.span().cover(last.span()),
                    format!("`{keyword}` {expected}; this is one label too many"),
                )
                .with_help("remove it"),
            );
        }
    }

    /// Report the required and expected items of `def` that `present` lacks.
    pub(super) fn require(
        &mut self,
        def: &'static BlockDef,
        present: &[&'static str],
        owner: &BlockName<'_>,
        head: Span,
    ) {
        // Missing blocks first: a whole section missing matters more than a key, and
        // findings at one place keep this order.
        for child in def.blocks {
            if child.dedicated.is_some() || present.contains(&child.block.keyword) {
                continue;
            }
            self.missing(
                child.req,
                child.block.keyword,
                child.block.doc,
                owner,
                head,
                true,
                None,
            );
        }
        for key in def.keys {
            if key.dedicated.is_some() || present.contains(&key.name) {
                continue;
            }
            self.missing(key.req, key.name, key.doc, owner, head, false, Some(key.ty));
        }
    }

    /// Whether `key` is written in the block at `block` with a value that is not in the
    /// model: one that could not be read (already reported) or one withheld (`[***]`, `see`).
    /// A conditional requirement is then met, and nothing more is said.
    pub(super) fn written(&self, key: &str, block: Span) -> bool {
        self.unreadable
            .iter()
            .any(|(k, s)| *k == key && block.start <= s.start && s.end <= block.end)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn missing(
        &mut self,
        req: Req,
        name: &str,
        doc: &str,
        owner: &BlockName<'_>,
        head: Span,
        is_block: bool,
        ty: Option<Ty>,
    ) {
        let (rule, severity_word) = match req {
            Req::Required => (MISSING_REQUIRED, "required"),
            Req::Expected => (MISSING_RECOMMENDED, "expected"),
            Req::Optional | Req::When(_) => return,
        };
        self.report_missing(rule, severity_word, name, doc, owner, head, is_block, ty);
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn report_missing(
        &mut self,
        rule: &'static str,
        severity_word: &str,
        name: &str,
        doc: &str,
        owner: &BlockName<'_>,
        head: Span,
        is_block: bool,
        ty: Option<Ty>,
    ) {
        let section = is_block && owner.keyword == "agreement";
        let what = if section {
            format!("`{name}` section")
        } else if is_block {
            format!("`{name}` block")
        } else {
            format!("`{name}`")
        };
        let message = if section && rule == MISSING_REQUIRED {
            format!("{owner} has no {what} at all ({doc}): a whole part of the agreement is missing, which is {severity_word}")
        } else {
            format!("{owner} has no {what} ({doc}), which is {severity_word}")
        };
        let help = match ty {
            Some(ty) => format!("add `{name}: …` with {}", ty.expectation()),
            None => format!("add `{name} {{ … }}`"),
        };
        let d = if rule == MISSING_REQUIRED {
            Diagnostic::error(rule, head, message)
        } else {
            Diagnostic::warning(rule, head, message)
        };
        self.push(d.with_help(help));
    }

    /// Check a block generically and report its missing items.
    pub(super) fn checked<'a>(&mut self, block: &'a Block, def: &'static BlockDef) -> Fields<'a> {
        let owner = BlockName::new(def.keyword, &block.labels);
        let (label, titled) = match block.labels.first() {
            Some(Label::Id(id)) => (Some(id.name.clone()), false),
            Some(Label::Title(t)) => (Some(CompactString::from(t.value.as_str())), true),
            None => (None, false),
        };
        self.owner = (block.span, def.keyword, label, titled);
        let f = self.fields(&block.items, def, &owner);
        let present = present_names(&f, &block.items, def);
        self.require(def, &present, &owner, block.head_span());
        f
    }
}
