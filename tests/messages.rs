//! What people naturally write, and what Charter says about it (issue 14, section 3): each
//! fixture in `tests/fixtures/messages/` is the complete SPEC §6 agreement with one term
//! written as a lawyer would. Its first line says what is expected: "accepted" (no error),
//! or one error; in either case no other finding is added (no knock-on findings). The
//! snapshots show the messages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::{check_text, Options};

const BASE: &str = include_str!("../examples/northwind-contoso.charter");

#[test]
fn natural_writing_gets_one_precise_message() {
    let base: Vec<(&str, String)> = check_text(BASE, &Options::default())
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect();
    insta::glob!("fixtures/messages/*.charter", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        let new: Vec<_> = check_text(&text, &Options::default())
            .into_iter()
            .filter(|d| !base.contains(&(d.rule, d.message.clone())))
            .collect();
        if first.contains("accepted") {
            assert!(new.is_empty(), "{}: {new:#?}", path.display());
        } else {
            assert_eq!(new.len(), 1, "{}: {new:#?}", path.display());
        }
        insta::assert_snapshot!(common::diagnostics_text(
            text.as_bytes(),
            &Options::default()
        ));
    });
}
