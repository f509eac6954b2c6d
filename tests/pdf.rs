//! The PDF writer (`--pdf`, the `pdf` feature: `cargo test --features pdf --test pdf`, which
//! `.ci/run` runs): every example is typeset by Typst; the PDF holds the title, every party,
//! the signature blocks and "Page N of M" on every page (read back with poppler's
//! `pdftotext`, where it is installed), embeds its fonts, and is the same bytes each time.
//! User text that looks like Typst markup or code stays text.
#![cfg(feature = "pdf")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::Options;
use charter::emit::Build;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "charter"))
        .collect();
    out.sort();
    out
}

fn poppler() -> bool {
    let there = Command::new("pdftotext").arg("-v").output().is_ok();
    if !there {
        assert!(
            std::env::var_os("CHARTER_REQUIRE_CHROMIUM").is_none(),
            "poppler is required here but not installed"
        );
    }
    there
}

/// The PDF's text (words joined by single spaces), its pages, and `pdffonts`' listing.
fn read_back(dir: &Path, name: &str, pdf: &[u8]) -> (String, usize, String) {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let run = |cmd: &str, args: &[&str]| {
        let out = Command::new(cmd)
            .args(args)
            .arg(&path)
            .args(if cmd == "pdftotext" {
                &["-"][..]
            } else {
                &[][..]
            })
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = common::flat(&run("pdftotext", &[]));
    let pages = run("pdfinfo", &[])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (text, pages, run("pdffonts", &[]))
}

#[test]
fn every_example_is_typeset_with_its_fonts_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let check = poppler();
    for path in examples() {
        let build = Build::from_bytes(&std::fs::read(&path).unwrap(), &Options::default());
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = charter::emit::pdf::write(&build.document()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{stem}");
        // The same document, the same bytes.
        assert_eq!(
            pdf,
            charter::emit::pdf::write(&build.document()).unwrap(),
            "{stem}"
        );
        if !check {
            continue;
        }
        let (text, pages, fonts) = read_back(dir.path(), &stem, &pdf);
        common::assert_printed(&stem, &build, &text, pages, true);
        // Every font embedded (pdffonts' "emb" column), and Libertinus among them.
        assert!(fonts.contains("Libertinus"), "{stem}: {fonts}");
        for line in fonts.lines().skip(2) {
            let columns: Vec<&str> = line.split_whitespace().collect();
            let emb = columns.iter().rev().nth(4).copied();
            assert_eq!(emb, Some("yes"), "{stem}: a font is not embedded: {line}");
        }
    }
}

#[test]
fn typst_markup_in_user_text_stays_text() {
    let payload = "#panic(\"x\") #import \"/etc/passwd\" $x^2$ *bold* _em_ <label> @ref \\ ]";
    let text = format!(
        "agreement \"{title}\" {{\n  model: contractual\n  purpose: \"{title}\"\n}}\n",
        title = payload.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let build = Build::from_text(&text, &Options::default());
    let pdf = charter::emit::pdf::write(&build.document()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if poppler() {
        let dir = tempfile::tempdir().unwrap();
        let (text, _, _) = read_back(dir.path(), "hostile", &pdf);
        assert!(
            text.contains("#panic(\"x\") #import \"/etc/passwd\""),
            "{text}"
        );
        assert!(text.contains("$x^2$ *bold* _em_ <label> @ref"), "{text}");
    }
}

#[test]
fn a_redline_is_typeset_with_its_changes() {
    let (old, new) = common::fixture_pair("governance");
    let (_, redline) = common::redline(&old, &new);
    let pdf = charter::emit::pdf::write(&redline).unwrap();
    if poppler() {
        let dir = tempfile::tempdir().unwrap();
        let (text, pages, _) = read_back(dir.path(), "redline", &pdf);
        assert!(pages >= 2);
        assert!(text.contains("Summary of changes") && text.contains("two-thirds majority"));
        assert!(text.contains("Signed for and on behalf of"));
    }
}

#[test]
fn the_binary_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("nw.pdf");
    let status = assert_cmd::Command::cargo_bin("charter")
        .unwrap()
        .arg("build")
        .arg(root().join("examples/northwind-contoso.charter"))
        .arg("--pdf")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}
