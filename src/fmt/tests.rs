//! The layout rules, one by one, and the formatter's refusals.

use super::*;
use crate::syntax::parse;

fn fmt(source: &str) -> String {
    match format(source) {
        Ok(text) => text,
        Err(e) => panic!("not formatted: {:?}\n{source}", e.diagnostics),
    }
}

/// Formatting gives `expected`, formatting that again changes nothing, and the tree and the
/// comments are the same.
fn check(source: &str, expected: &str) {
    let once = fmt(source);
    assert_eq!(
        once, expected,
        "\n--- got:\n{once}\n--- expected:\n{expected}"
    );
    assert_eq!(fmt(&once), once, "not idempotent");
    assert_eq!(
        format_if_changed(&once).map_err(|e| e.diagnostics),
        Ok(None),
        "the layout is not seen to be the same text:\n{once}"
    );
    let (before, after) = (parse(source).document, parse(&once).document);
    assert!(same_tree(&before, &after));
    let texts = |d: &Document| {
        let mut t: Vec<String> = d
            .comments
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect();
        t.sort();
        t
    };
    assert_eq!(texts(&before), texts(&after));
}

/// `body` (items at two spaces) inside an agreement, before and after.
fn check_body(source: &str, expected: &str) {
    check(
        &format!("agreement \"T\" {{\n{source}\n}}\n"),
        &format!("agreement \"T\" {{\n{expected}\n}}\n"),
    );
}

#[test]
fn spacing_and_indentation() {
    check(
        "agreement   \"T\"{model:contractual term : 3 years}",
        "agreement \"T\" {\n  model: contractual\n  term: 3 years\n}\n",
    );
    check("agreement \"T\" {}", "agreement \"T\" {\n}\n");
}

#[test]
fn sections_take_several_lines_and_blank_lines_surround_them() {
    check_body(
        "  model: equity\n  party a \"A\" { role: lead }\n  party b \"B\" {}\n  term: 1 year",
        "  model: equity\n\n  party a \"A\" {\n    role: lead\n  }\n\n  party b \"B\" {}\n\n  term: 1 year",
    );
}

#[test]
fn short_blocks_inside_sections_take_one_line() {
    check_body(
        "  disputes {\n    mediation {\n      provider: \"CEDR\"\n      within: 45 days\n    }\n  }",
        "  disputes {\n    mediation { provider: \"CEDR\"  within: 45 days }\n  }",
    );
    // More than three attributes: one per line.
    check_body(
        "  g {\n    c { a: 1  b: 2  c: 3  d: 4 }\n  }",
        "  g {\n    c {\n      a: 1\n      b: 2\n      c: 3\n      d: 4\n    }\n  }",
    );
    // A nested block: one per line.
    check_body(
        "  g {\n    c { d { a: 1 } }\n  }",
        "  g {\n    c {\n      d { a: 1 }\n    }\n  }",
    );
    // Past 100 characters: one per line.
    let long = "x".repeat(80);
    check_body(
        &format!("  g {{\n    c {{ a: \"{long}\"  b: 2 }}\n  }}"),
        &format!("  g {{\n    c {{\n      a: \"{long}\"\n      b: 2\n    }}\n  }}"),
    );
    // Exactly 100 characters fit.
    let fits = "x".repeat(100 - "    c { a: \"\" }".len());
    check_body(
        &format!("  g {{\n    c {{\n      a: \"{fits}\"\n    }}\n  }}"),
        &format!("  g {{\n    c {{ a: \"{fits}\" }}\n  }}"),
    );
    // A number followed by a unit word would read as a duration.
    check_body(
        "  g {\n    c { n: 5\n days: 3 }\n  }",
        "  g {\n    c {\n      n: 5\n      days: 3\n    }\n  }",
    );
    check_body(
        "  g {\n    c { n: 5\n other: 3 }\n  }",
        "  g {\n    c { n: 5  other: 3 }\n  }",
    );
    // A comment inside keeps it on several lines.
    check_body(
        "  g {\n    c { a: 1 // why\n    }\n  }",
        "  g {\n    c {\n      a: 1 // why\n    }\n  }",
    );
}

#[test]
fn lists_and_maps_wrap_past_the_width() {
    check_body("  allow: [ a-b ,c-d, ]", "  allow: [a-b, c-d]");
    check_body("  shares: {a:1,b:2}", "  shares: { a: 1, b: 2 }");
    check_body("  shares: {\n  }", "  shares: {}");
    check_body("  l: [\n]", "  l: []");
    check_body("  m: { a: 1\n b: 2 }", "  m: { a: 1, b: 2 }");
    let item = format!("\"{}\"", "y".repeat(40));
    check_body(
        &format!("  matters: [{item}, {item}, {item}]"),
        &format!("  matters: [\n    {item},\n    {item},\n    {item},\n  ]"),
    );
    // Nested: the inner list stays on its line when it fits there.
    check_body(
        &format!("  m: {{ a: [{item}, {item}], b: [1, 2] }}"),
        &format!("  m: {{\n    a: [{item}, {item}],\n    b: [1, 2],\n  }}"),
    );
}

#[test]
fn comments_in_lists_and_maps_put_one_entry_per_line() {
    check_body(
        "  l: [a, // first\n b]",
        "  l: [\n    a, // first\n    b,\n  ]",
    );
    check_body(
        "  l: [ // all of them\n  a, b,\n  // the end\n  ]",
        "  l: [ // all of them\n    a,\n    b,\n    // the end\n  ]",
    );
    check_body(
        "  m: {\n    // the first\n    a: 1\n    b: 2 // the second\n  }",
        "  m: {\n    // the first\n    a: 1,\n    b: 2, // the second\n  }",
    );
}

#[test]
fn comments_stay_with_what_they_describe() {
    check(
        "// Draft 3\n\n\n// Confidential\nagreement \"T\" { // opener\n  // about the model\n  model: contractual   // why\n\n\n  // about the parties\n  party a \"A\" {\n    role: lead\n    // nothing else yet\n  } // end of a\n  // the last word\n}  // closing\n// after everything\n",
        "// Draft 3\n\n// Confidential\nagreement \"T\" { // opener\n  // about the model\n  model: contractual // why\n\n  // about the parties\n  party a \"A\" {\n    role: lead\n    // nothing else yet\n  } // end of a\n\n  // the last word\n} // closing\n// after everything\n",
    );
}

#[test]
fn comments_inside_a_head_move_out_of_it() {
    check_body(
        "  purpose: // the why\n    \"P\"",
        "  purpose: \"P\" // the why",
    );
    check_body(
        "  purpose:\n    // the why\n    \"P\"",
        "  // the why\n  purpose: \"P\"",
    );
    check_body(
        "  party // the first\n    a \"A\" { role: lead }",
        "  party a \"A\" { // the first\n    role: lead\n  }",
    );
    // Two comments for one line end: the one that was there stays.
    check_body(
        "  purpose: // moved\n    \"P\" // stays\n  scope: \"S\"",
        "  purpose: \"P\" // stays\n  // moved\n  scope: \"S\"",
    );
}

#[test]
fn blank_lines_are_kept_to_one() {
    check_body("  a: 1\n\n\n\n  b: 2\n  c: 3", "  a: 1\n\n  b: 2\n  c: 3");
    check_body(
        "  g {\n\n    a: 1\n\n\n    b: 2\n\n  }",
        "  g {\n    a: 1\n\n    b: 2\n  }",
    );
}

#[test]
fn text_blocks_keep_their_content() {
    check_body(
        "  clause c \"C\" {\n text: \"\"\"\n        First line.\n          Indented.\n\n        Last.\n        \"\"\"\n  }",
        "  clause c \"C\" {\n    text: \"\"\"\n      First line.\n        Indented.\n\n      Last.\n      \"\"\"\n  }",
    );
    // The closing delimiter counts toward the common indentation.
    check_body(
        "  note: \"\"\"\n      a\n    \"\"\"",
        "  note: \"\"\"\n      a\n    \"\"\"",
    );
    check_body("  note: \"\"\"\n  \"\"\"", "  note: \"\"\"\n    \"\"\"");
    check_body(
        "  note: \"\"\"\n\tTabbed // not a comment\n\t\"\"\"",
        "  note: \"\"\"\n    Tabbed // not a comment\n    \"\"\"",
    );
}

#[test]
fn values_are_written_canonically() {
    check_body(
        "  a: USD 1200000\n  b: EUR 250000.50\n  c: GBP 1,000\n  d: 4.50%\n  e: 007\n  f: 1 years\n  g: 2 business day\n  h: >=USD 5000000\n  i: 2/3\n  j: 2027-02-30\n  k: <=10%",
        "  a: USD 1,200,000\n  b: EUR 250,000.50\n  c: GBP 1,000\n  d: 4.50%\n  e: 7\n  f: 1 year\n  g: 2 business days\n  h: >= USD 5,000,000\n  i: 2/3\n  j: 2027-02-30\n  k: <= 10%",
    );
}

#[test]
fn strings_are_re_escaped() {
    check_body(
        "  a: \"tab\there \\u{1F600} \\u{41} quote\\\" back\\\\ \\n \\u{202E}\"",
        "  a: \"tab\\there 😀 A quote\\\" back\\\\ \\n \\u{202E}\"",
    );
}

#[test]
fn line_ends_and_byte_order_mark_are_kept() {
    check(
        "agreement \"T\" {\r\n  a: 1 // c\r\n}\r\n",
        "agreement \"T\" {\r\n  a: 1 // c\r\n}\r\n",
    );
    check(
        "\u{FEFF}agreement \"T\" {\n  a: 1\n}",
        "\u{FEFF}agreement \"T\" {\n  a: 1\n}\n",
    );
    check(
        "\u{FEFF}// c\nagreement \"T\" {\n}",
        "\u{FEFF}// c\nagreement \"T\" {\n}\n",
    );
}

/// A carriage return alone is a line end the layout changes: the file is not already in it.
#[test]
fn a_lone_carriage_return_is_a_change() {
    let source = "agreement \"T\" {\r  a: 1\r}\r";
    assert_eq!(
        format_if_changed(source).map_err(|e| e.diagnostics),
        Ok(Some("agreement \"T\" {\n  a: 1\n}\n".to_string()))
    );
    // And so is a line feed where the file ends its lines with CR LF.
    let mixed = "agreement \"T\" {\r\n  a: 1\n}\r\n";
    assert_eq!(
        format_if_changed(mixed).map_err(|e| e.diagnostics),
        Ok(Some("agreement \"T\" {\r\n  a: 1\r\n}\r\n".to_string()))
    );
}

#[test]
fn a_number_too_large_for_a_decimal_is_copied() {
    check_body(
        "  a: 99999999999999999999999999999999",
        "  a: 99999999999999999999999999999999",
    );
}

#[test]
fn files_with_syntax_errors_are_refused() {
    for source in [
        "",
        "agreement \"T\" {\n  model: @\n}\n",
        "agreement \"T\" {\n  a: 1\n",
        "agreement \"T\" {\n  a: \"\\q\"\n}\n",
        "agreement \"T\" {}\n}\n",
        &format!(
            "agreement \"T\" {{ a: {}{} }}",
            "[".repeat(40),
            "]".repeat(40)
        ),
    ] {
        let err = format(source).err();
        let err = err.unwrap_or_else(|| panic!("formatted: {source}"));
        assert_eq!(err.kind, FormatErrorKind::Syntax);
        assert!(!err.diagnostics.is_empty());
        assert!(err
            .diagnostics
            .iter()
            .all(|d| d.rule == syntax::SYNTAX_ERROR || d.rule == syntax::NESTING_TOO_DEEP));
    }
}

#[test]
fn the_self_check_catches_a_wrong_layout() {
    let item = parse("agreement \"T\" {\n  a: 1\n}\n").document.items;
    let Some(item) = item.first() else {
        panic!("no item")
    };
    assert!(check_item("  a: 1", item, &[]).is_ok());
    let wrong = check_item("  a: 2", item, &[]).err();
    assert_eq!(wrong.map(|e| e.kind), Some(FormatErrorKind::Internal));
    assert!(check_item("  a: 1 // c", item, &[]).is_err());
    assert!(check_item("  a: (", item, &[]).is_err());
}

#[test]
fn the_self_check_looks_inside_blocks() {
    let source = "agreement \"T\" {\n  g x {\n    a: 1\n    b: 2 // two\n  }\n}\n";
    let doc = parse(source).document;
    let Some(item) = doc.items.first() else {
        panic!("no item")
    };
    let Item::Block(block) = item else {
        panic!("not a block")
    };
    // Records for an output text `out` whose items are at the given ranges.
    let record = |out: &str, a: &str, b: &str| {
        let find = |s: &str| out.find(s).map_or(0..0, |at| at..at + s.len());
        let (ra, rb) = (find(a), find(b));
        Rendered {
            item,
            start: 0,
            end: out.len(),
            comments: 0..1,
            children: vec![
                Rendered {
                    item: &block.items[0],
                    start: ra.start,
                    end: ra.end,
                    comments: 0..0,
                    children: Vec::new(),
                },
                Rendered {
                    item: &block.items[1],
                    start: rb.start,
                    end: rb.end,
                    comments: 0..0,
                    children: Vec::new(),
                },
            ],
        }
    };
    let comments = &doc.comments;
    let emitted = [" two"];
    let good = "g x {\n    a: 1\n    b: 2 // two\n  }";
    let r = record(good, "a: 1", "b: 2");
    assert!(check_rendered(source, comments, good, &r, &emitted).is_ok());
    // A changed layout that keeps the meaning passes.
    let relaid = "g x {\n  a:  1\n  b:2 // two\n}";
    let r = record(relaid, "a:  1", "b:2");
    assert!(check_rendered(source, comments, relaid, &r, &emitted).is_ok());
    // A changed value, label, or lost comment does not.
    for (bad, a, b) in [
        ("g x {\n  a:  1\n  b: 3 // two\n}", "a:  1", "b: 3"),
        ("g y {\n  a:  1\n  b: 2 // two\n}", "a:  1", "b: 2"),
        ("g x {\n  a:  1\n  b: 2\n}", "a:  1", "b: 2"),
        ("g x {\n  a:  1\n  b: 2 // two\n", "a:  1", "b: 2"),
    ] {
        let r = record(bad, a, b);
        let result = check_rendered(source, comments, bad, &r, &emitted);
        assert_eq!(
            result.err().map(|e| e.kind),
            Some(FormatErrorKind::Internal),
            "{bad}"
        );
    }
}

#[test]
fn the_self_check_sees_items_that_run_into_each_other() {
    let source = "agreement \"T\" {\n  g {\n    a: 5\n    days: 3\n  }\n}\n";
    let doc = parse(source).document;
    let Some(item @ Item::Block(block)) = doc.items.first() else {
        panic!("no block")
    };
    let record = |out: &str| {
        let at = |s: &str| out.find(s).unwrap_or(0);
        Rendered {
            item,
            start: 0,
            end: out.len(),
            comments: 0..0,
            children: vec![
                Rendered {
                    item: &block.items[0],
                    start: at("a: 5"),
                    end: at("a: 5") + 4,
                    comments: 0..0,
                    children: Vec::new(),
                },
                Rendered {
                    item: &block.items[1],
                    start: at("days"),
                    end: at("days") + 7,
                    comments: 0..0,
                    children: Vec::new(),
                },
            ],
        }
    };
    let good = "g {\n  a: 5\n  days: 3\n}";
    assert!(check_rendered(source, &doc.comments, good, &record(good), &[]).is_ok());
    let bad = "g {\n  a: 5 days: 3\n}";
    let result = check_rendered(source, &doc.comments, bad, &record(bad), &[]);
    assert_eq!(
        result.err().map(|e| e.kind),
        Some(FormatErrorKind::Internal)
    );
}

#[test]
fn texts_compare_across_line_ends() {
    assert!(same_text("a\r\nb", "a\nb"));
    assert!(same_text("a\nb", "a\nb"));
    assert!(!same_text("a\rb", "a\nb"));
    assert!(!same_text("a\r\nb", "a\nbc"));
    assert!(!same_text("a\r\n", "a\n\n"));
}
