use super::*;

fn parse_ok(text: &str) -> Document {
    let parsed = parse(text);
    assert!(
        parsed.diagnostics.is_empty(),
        "unexpected diagnostics: {:#?}",
        parsed.diagnostics
    );
    parsed.document
}

fn first_value(text: &str) -> ValueKind {
    let doc = parse_ok(&format!("agreement \"T\" {{\n  k: {text}\n}}\n"));
    match doc.items.into_iter().next() {
        Some(Item::Attribute(a)) => a.value.kind,
        other => panic!("expected an attribute, got {other:?}"),
    }
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap_or_default()
}

#[test]
fn every_value_kind() {
    assert_eq!(first_value("3"), ValueKind::Number(dec("3")));
    assert_eq!(first_value("4.5"), ValueKind::Number(dec("4.5")));
    assert_eq!(first_value("12.5%"), ValueKind::Percent(dec("12.5")));
    assert_eq!(first_value("2/3"), ValueKind::Ratio(dec("2"), dec("3")));
    assert_eq!(
        first_value("USD 1,200,000"),
        ValueKind::Money(Money {
            currency: "USD".into(),
            amount: dec("1200000")
        })
    );
    assert_eq!(
        first_value("15 business days"),
        ValueKind::Duration(dec("15"), Unit::BusinessDays)
    );
    assert_eq!(
        first_value("1 year"),
        ValueKind::Duration(dec("1"), Unit::Years)
    );
    assert_eq!(
        first_value("2027-02-30"),
        ValueKind::Date(RawDate {
            year: 2027,
            month: 2,
            day: 30
        })
    );
    assert_eq!(first_value("yes"), ValueKind::Word("yes".into()));
    assert_eq!(
        first_value("\"a \\\"b\\\"\""),
        ValueKind::String("a \"b\"".into())
    );
    match first_value(">= USD 5,000,000") {
        ValueKind::Bound(Comparator::AtLeast, v) => {
            assert!(matches!(v.kind, ValueKind::Money(_)))
        }
        other => panic!("{other:?}"),
    }
    match first_value("[a, no-mediation,\n  b,\n]") {
        ValueKind::List(items) => {
            let kinds: Vec<_> = items.into_iter().map(|v| v.kind).collect();
            assert_eq!(
                kinds,
                [
                    ValueKind::Word("a".into()),
                    ValueKind::RuleName("no-mediation".into()),
                    ValueKind::Word("b".into())
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    match first_value("{ a: 55%, b: 45%\n c: 1 }") {
        ValueKind::Map(entries) => assert_eq!(entries.len(), 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn blocks_labels_and_spans() {
    let text =
        "\u{FEFF}agreement \"T\" {\r\n  party northwind \"Northwind\" { role: lead }\r\n}\r\n";
    let doc = parse_ok(text);
    let Some(Item::Block(block)) = doc.items.first() else {
        panic!("expected a block");
    };
    assert_eq!(block.keyword.as_str(), "party");
    assert_eq!(block.id().map(Ident::as_str), Some("northwind"));
    assert_eq!(block.title().map(|t| t.value.as_str()), Some("Northwind"));
    assert_eq!(&text[block.keyword.span.range()], "party");
    assert_eq!(
        &text[block.span.range()],
        "party northwind \"Northwind\" { role: lead }"
    );
    assert_eq!(doc.header.map(|h| h.title.value), Some("T".to_string()));
}

#[test]
fn resumes_after_an_error_in_a_top_level_block() {
    let text = "agreement \"T\" {\n  party a \"A\" {\n    role: \"lead\n  }\n  party b \"B\" {\n    role: = \n  }\n  purpose: \"x\"\n}\n";
    let parsed = parse(text);
    let rules: Vec<_> = parsed.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [SYNTAX_ERROR, SYNTAX_ERROR],
        "{:#?}",
        parsed.diagnostics
    );
    assert!(parsed.diagnostics[0].message.contains("not closed"));
    let names = top_level_names(&parsed);
    // A broken attribute ends with its line, so `purpose` after the second party is kept;
    // both parties are blocks holding their damaged line.
    assert_eq!(names, ["party", "party", "purpose"]);
    for item in &parsed.document.items[..2] {
        let Item::Block(block) = item else {
            panic!("expected a block, got {item:?}");
        };
        assert!(matches!(block.items.last(), Some(Item::Damaged(d)) if d.is_attribute));
    }
}

#[test]
fn nesting_too_deep_is_reported_once() {
    let text = format!(
        "agreement \"T\" {{\n  k: {}{}\n}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let parsed = parse(&text);
    let rules: Vec<_> = parsed.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, [NESTING_TOO_DEEP]);
    // Level 1 is the agreement, so the 32nd `[` is at level 33.
    assert_eq!(
        parsed.diagnostics[0].span.start as usize,
        text.find('[').unwrap_or(0) + 31
    );
}

#[test]
fn bad_amounts_and_escapes_are_precise() {
    let parsed = parse("agreement \"T\" {\n  a: USD 1,20,000\n  b: \"x\\qy\"\n}\n");
    let messages: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("commas"));
    assert!(messages[1].contains("\\q"));
}

#[test]
fn empty_and_headless_files() {
    let parsed = parse("  // nothing\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert!(parsed.diagnostics[0].message.contains("empty"));
    let parsed = parse("hello\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert!(parsed.diagnostics[0].message.contains("starts with"));
}

#[test]
fn equals_instead_of_colon() {
    let parsed = parse("agreement \"T\" {\n  model = equity\n}\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    let d = &parsed.diagnostics[0];
    assert!(d.message.contains("after `model`"), "{}", d.message);
    assert!(d.help.as_deref().unwrap_or_default().contains("colon"));
}

/// The fast and the detailed parser accept the same texts: on every example and fixture,
/// and on each of them cut short half-way (to get texts they must both reject).
#[test]
fn the_two_parsers_agree_on_examples_and_fixtures() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("examples"),
        root.join("tests/fixtures"),
        root.join("tests/corpus"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "charter") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 100, "only {} files found", files.len());
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: a fixture for the decoder
        };
        assert!(parsers_agree(&text), "{}", path.display());
        assert!(readers_agree(&text), "{}", path.display());
        for cut in [text.len() / 3, text.len() / 2, text.len() * 4 / 5] {
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            assert!(
                parsers_agree(&text[..cut]),
                "{} cut at {cut}",
                path.display()
            );
            assert!(
                readers_agree(&text[..cut]),
                "{} cut at {cut}",
                path.display()
            );
        }
    }
}

/// An attribute whose colon stands on a later line is still read whole when its value
/// holds brackets (the reading of a small top-level block in one piece once cut it off
/// after the first bracket pair, and reported the `%` as an error).
#[test]
fn an_attribute_with_its_colon_on_a_later_line_is_read_whole() {
    let text = "agreement \"T\" {\n  share // agreed\n  : [***]%\n}\n";
    for quick in [true, false] {
        let mut items = Vec::new();
        let (parsed, _) = read(text, &mut |item| items.push(item), quick);
        assert_eq!(parsed.diagnostics, vec![], "quick reader: {quick}");
        let [Item::Attribute(share)] = items.as_slice() else {
            panic!("{items:?}");
        };
        assert_eq!(
            share.value.kind,
            ValueKind::Redacted(Redacted {
                shape: RedactedShape::Percent
            })
        );
    }
}

#[test]
fn the_two_parsers_agree_on_mistakes() {
    for text in [
        "agreement \"T\" {\n  term 3 years\n}",
        "agreement \"T\" {\n  term: 3 yaers\n}",
        "agreement \"T\" {\n  shares: { a: 50%, b 50% }\n}",
        "agreement \"T\" {\n  allow: [a-b c]\n}",
        "agreement \"T\" {\n  target: >= USD\n}",
        "agreement \"T\" {\n  x: 2027-1-01\n}",
        "agreement \"T\" {\n  x: 2/\n}",
        "agreement \"T\" {\n  party a \"A\" { role: }\n}",
        "agreement T {",
    ] {
        assert!(parsers_agree(text), "{text}");
        assert!(readers_agree(text), "{text}");
    }
}

/// The fast grammar lets a string run over a line end (so that pest can find its end with
/// one search); the builder must still report it as unclosed, wherever it stands, exactly
/// as the detailed grammar would, and keep what it read before taken back.
#[test]
fn a_string_over_a_line_end_is_unclosed_wherever_it_stands() {
    let text = concat!(
        "agreement \"T\" {\n",
        "  purpose: \"abc\n",
        "  scope: \"x\"\n",
        "  party a \"A\" { role: \"r\n",
        "  x: \"y\" }\n",
        "  m: { a: \"bad \\q escape\", b: \"open }\n",
        "  party b \"B\n",
        "  c\" {\n",
        "  }\n",
        "}\n",
    );
    assert!(parsers_agree(text));
    let parsed = parse(text);
    let lines: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| {
            let line = text[..d.span.start as usize].matches('\n').count() + 1;
            (line, d.message.as_str())
        })
        .collect();
    let unclosed = "this string is not closed: a string ends with `\"` on the same line";
    assert_eq!(
        lines,
        [(2, unclosed), (4, unclosed), (6, unclosed), (7, unclosed)],
        "{:#?}",
        parsed.diagnostics
    );

    let header = parse("agreement \"T\n\" {\n}\n");
    assert_eq!(header.diagnostics.len(), 1, "{:#?}", header.diagnostics);
    assert!(header.diagnostics[0]
        .message
        .starts_with("a Charter file starts with"));
}

/// A `contributions` block whose `from a` block holds `n` resources (far over
/// `WHOLE_BLOCK_BYTES`), the resource numbered `broken` (if any) written with `kind: = cash`.
fn wide(n: usize, broken: Option<usize>) -> String {
    let mut text = String::from("agreement \"T\" {\n  contributions {\n    from a {\n");
    for i in 0..n {
        let value = if Some(i) == broken { "= cash" } else { "cash" };
        text.push_str(&format!(
            "      resource \"R{i}\" {{ kind: {value}  value: USD 1,000 }}\n"
        ));
    }
    text.push_str("    }\n    review: quarterly\n  }\n  party b \"B\" {\n    role: lead\n  }\n}\n");
    text
}

fn block(item: &Item) -> &Block {
    match item {
        Item::Block(b) => b,
        other => panic!("expected a block, got {other:?}"),
    }
}

#[test]
fn a_large_block_inside_a_block_is_read_child_by_child_with_the_same_tree() {
    let n = 3_000;
    let text = wide(n, None);
    assert!(text.len() > 2 * WHOLE_BLOCK_BYTES);
    let doc = parse_ok(&text);
    let contributions = block(&doc.items[0]);
    assert_eq!(
        contributions.span.range(),
        text.find("contributions").unwrap()..text.rfind("}\n  party").unwrap() + 1
    );
    let from = block(&contributions.items[0]);
    assert_eq!(from.items.len(), n);
    // Every child as one parse of its own text reads it.
    for (i, item) in from.items.iter().enumerate() {
        let r = block(item);
        let own = &text[r.span.range()];
        assert_eq!(
            own,
            format!("resource \"R{i}\" {{ kind: cash  value: USD 1,000 }}")
        );
        assert_eq!(r.items.len(), 2);
    }
    assert_eq!(
        contributions.items.len(),
        2,
        "`review` after the large block"
    );
    assert_eq!(doc.items.len(), 2, "the party after `contributions`");
}

#[test]
fn an_error_deep_in_a_large_block_keeps_the_siblings() {
    let n = 3_000;
    let text = wide(n, Some(1_500));
    let parsed = parse(&text);
    let rules: Vec<_> = parsed.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(rules, [SYNTAX_ERROR], "{:#?}", parsed.diagnostics);
    let contributions = block(&parsed.document.items[0]);
    let from = block(&contributions.items[0]);
    // The broken resource is damaged; a broken block sends reading on to the next
    // top-level block, so what follows it in `from` is not read, and the party is.
    assert_eq!(from.items.len(), 1_501);
    assert!(matches!(from.items.last(), Some(Item::Damaged(_))));
    assert!(from.items[..1_500]
        .iter()
        .all(|i| matches!(i, Item::Block(_))));
    let names = top_level_names(&parsed);
    assert_eq!(names, ["contributions", "party"]);
}

/// The names of the top-level items, in order (an empty one for an item without a name).
fn top_level_names(parsed: &Parsed) -> Vec<String> {
    parsed
        .document
        .items
        .iter()
        .map(|i| i.name().map(|n| n.name.to_string()).unwrap_or_default())
        .collect()
}
