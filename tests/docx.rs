//! The Word document of the term sheet (issue 16): every example and real agreement is
//! built as DOCX and its parts are read back — Word's styles and numbering are used, the
//! page number is in the footer and the legend in the header, the title is in the
//! properties, and user text stands only in text nodes. Where LibreOffice is installed (CI
//! installs it), each example is also converted to PDF, and the PDF's text holds the title,
//! every party and the signature block.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::Options;
use charter::emit::Build;
use quick_xml::events::Event;
use std::io::Read;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inputs(dirs: &[&str]) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "charter") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

fn build(path: &Path) -> Build {
    Build::from_bytes(&std::fs::read(path).unwrap(), &Options::default())
}

/// The parts of a DOCX, by name.
fn parts(docx: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        out.insert(file.name().to_string(), text);
    }
    out
}

/// Every element name of an XML part, and its text outside the text nodes (`w:t`, `w:delText`
/// for deleted text, `w:instrText` for a field).
fn elements_and_stray_text(xml: &str) -> (Vec<String>, String) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut names = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut stray = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                names.push(name.clone());
                stack.push(name);
            }
            Event::Empty(e) => names.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                let inside = stack
                    .last()
                    .is_some_and(|n| n == "w:t" || n == "w:delText" || n == "w:instrText");
                if !inside {
                    stray.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (names, stray.trim().to_string())
}

#[test]
fn every_document_uses_words_styles_numbering_and_pages() {
    let paths = inputs(&["examples", "tests/fixtures/emit", "tests/corpus/real"]);
    assert!(paths.len() >= 19);
    for path in paths {
        let context = path.display().to_string();
        let build = build(&path);
        let parts = parts(&build.docx());
        let document = &parts["word/document.xml"];
        for style in ["\"Title\"", "\"Heading1\"", "\"Heading2\"", "\"TableGrid\""] {
            assert!(
                document.contains(&format!("w:pStyle w:val={style}"))
                    || document.contains(&format!("w:tblStyle w:val={style}")),
                "{context}: no {style}"
            );
        }
        // Sections and clauses are numbered by Word, not by their text.
        assert!(document.contains("<w:numPr>"), "{context}");
        assert!(
            !document.contains(">1. Parties<"),
            "{context}: a number left in the text"
        );
        let styles = &parts["word/styles.xml"];
        for name in [
            "heading 1",
            "heading 2",
            "Title",
            "List Bullet",
            "Table Grid",
        ] {
            assert!(
                styles.contains(&format!("w:name w:val=\"{name}\"")),
                "{context}: {name}"
            );
        }
        let numbering = &parts["word/numbering.xml"];
        assert!(numbering.contains("%1.%2"), "{context}: clause numbers");
        // Each definition and instance once: of two with one id, Word and LibreOffice use the
        // first (docx-rs's own numbering 1 once stood in for the clauses', printing "(1)").
        for tag in ["<w:abstractNum w:abstractNumId=\"", "<w:num w:numId=\""] {
            let mut ids: Vec<&str> = numbering
                .split(tag)
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .collect();
            let all = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all, "{context}: an id defined twice in {tag}");
        }
        let footer = parts
            .iter()
            .find(|(name, _)| name.starts_with("word/footer"))
            .map(|(_, xml)| xml.as_str())
            .unwrap_or_default();
        assert!(footer.contains("PAGE"), "{context}: no page number");
        let legend = build
            .agreement
            .legend
            .first()
            .map(|l| l.value.to_uppercase());
        let header = parts
            .iter()
            .find(|(name, _)| name.starts_with("word/header"))
            .map(|(_, xml)| xml.as_str());
        match legend {
            Some(l) => assert!(header.is_some_and(|h| h.contains(&l)), "{context}: legend"),
            None => assert!(header.is_none(), "{context}: a header with no legend"),
        }
        let title = build.agreement.title.value.trim();
        if !title.is_empty() {
            // The Title property, read back as XML text.
            let custom = &parts["docProps/custom.xml"];
            let value = custom
                .split("name=\"Title\"><vt:lpwstr>")
                .nth(1)
                .and_then(|rest| rest.split("</vt:lpwstr>").next())
                .unwrap_or_default();
            let value = quick_xml::escape::unescape(value).unwrap();
            assert_eq!(value, title, "{context}: title property");
        }
        let (names, stray) = elements_and_stray_text(document);
        assert_eq!(stray, "", "{context}: text outside the text nodes");
        assert!(
            names
                .iter()
                .all(|n| n.starts_with("w:") || n.starts_with("w14:") || n.starts_with("mc:")),
            "{context}"
        );
    }
}

/// The same agreement gives the same document: its text, styles, numbering and dates are the
/// same whenever it is built (docx-rs numbers paragraphs with a counter of the thread, so the
/// ids of a second document built in one process differ, and writes the custom properties in
/// no fixed order).
#[test]
fn the_same_agreement_gives_the_same_document() {
    let path = root().join("examples/joint-venture.charter");
    let (a, b) = (build(&path).docx(), build(&path).docx());
    let (pa, pb) = (parts(&a), parts(&b));
    let without_ids = |xml: &str| -> String {
        xml.split("w14:paraId=\"")
            .enumerate()
            .map(|(i, piece)| {
                if i == 0 {
                    piece
                } else {
                    piece.get(8..).unwrap_or(piece)
                }
            })
            .collect()
    };
    for part in [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert_eq!(without_ids(&pa[part]), without_ids(&pb[part]), "{part}");
    }
    // Dated by the version's date, not the time of the build.
    assert!(parts(&a)["docProps/core.xml"].contains("2027-06-15T00:00:00Z"));
}

#[test]
fn hostile_text_stays_text_in_the_document() {
    let build = build(&root().join("tests/fixtures/emit/hostile.charter"));
    let parts = parts(&build.docx());
    let document = &parts["word/document.xml"];
    let (names, stray) = elements_and_stray_text(document);
    assert_eq!(stray, "");
    assert!(!names
        .iter()
        .any(|n| n == "script" || n == "img" || n == "w:hyperlink"));
    assert!(
        document.contains("&lt;script&gt;"),
        "the payload is not in the text"
    );
}

use common::{fixture_pair, redline};

/// The redline in Word: a summary table with each change's impact and the section it is in,
/// then the whole new term sheet with every change as tracked changes (`w:del` for the old
/// words, `w:ins` for the new, word by word).
#[test]
fn the_redline_is_tracked_changes_in_word() {
    let (old, new) = fixture_pair("clauses");
    let (changes, doc) = redline(&old, &new);
    let parts = parts(&charter::emit::docx::write(&doc));
    let document = &parts["word/document.xml"];
    assert!(document.contains("Redline: Northwind–Contoso"));
    // The whole term sheet follows, its sections numbered by Word, down to the signatures.
    assert!(document.contains("Signed for and on behalf of"));
    assert!(document.contains("<w:numId w:val=\"10\" />"));
    assert!(document.contains("Summary of changes") && document.contains("<w:tbl>"));
    for c in &changes {
        assert!(
            document.contains(&quick_xml::escape::escape(c.summary.as_str()).into_owned()),
            "{}",
            c.summary
        );
    }
    // The rewording of the publicity clause, word by word: "prior" inserted, "consent."
    // deleted and "consent, which may not be unreasonably withheld." inserted.
    assert!(document.contains("w:author=\"Charter\""));
    assert!(
        document.contains("<w:delText xml:space=\"preserve\">consent. </w:delText>")
            || document.contains("<w:delText xml:space=\"preserve\">consent.</w:delText>"),
        "{document}"
    );
    assert!(document.contains(">prior </w:t>"));
    let (_, stray) = elements_and_stray_text(document);
    assert_eq!(stray, "");
}

/// A block the new version puts in whole has its paragraph mark tracked too (`w:ins` in the
/// paragraph's properties), so that rejecting every change leaves no empty heading behind;
/// one it takes out, likewise (`w:del`).
#[test]
fn a_paragraph_put_in_or_taken_out_whole_is_tracked_with_its_mark() {
    let (old, new) = fixture_pair("governance");
    for (old, new, mark) in [(&old, &new, "<w:ins "), (&new, &old, "<w:del ")] {
        let (_, doc) = redline(old, new);
        let document = &parts(&charter::emit::docx::write(&doc))["word/document.xml"];
        let paragraph = document
            .split("<w:p ")
            .find(|p| p.contains(">Product Board<") && p.contains("Heading2"))
            .unwrap();
        let properties = paragraph.split("</w:pPr>").next().unwrap();
        assert!(
            properties.contains(&format!("<w:rPr>{mark}")),
            "{mark}: {paragraph}"
        );
    }
}

/// A control character (which XML cannot hold) or a direction control in a value compared
/// keeps the redline's XML well formed, and the direction control is shown by its code point.
#[test]
fn odd_characters_keep_the_redline_well_formed() {
    let spec = std::fs::read_to_string(root().join("examples/northwind-contoso.charter")).unwrap();
    let odd = spec.replace(
        "governing_law: \"England and Wales\"",
        "governing_law: \"England\u{7} and \u{202E} Wales\"",
    );
    let odd = odd.replacen("Loyalty Data", "Odd \u{1}title", 1);
    let (changes, doc) = redline(&spec, &odd);
    assert_eq!(changes.len(), 2);
    let parts = parts(&charter::emit::docx::write(&doc));
    for part in ["word/document.xml", "docProps/custom.xml"] {
        let (_, _) = elements_and_stray_text(&parts[part]);
    }
    assert!(parts["word/document.xml"].contains("[U+202E]"));
    assert!(!parts["word/document.xml"].contains('\u{7}'));
}

/// LibreOffice prints `docx` to a PDF beside it; the PDF's path and its text (pdftotext).
fn print(soffice: &str, dir: &Path, docx: &Path) -> (PathBuf, String) {
    let out = std::process::Command::new(soffice)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .env("HOME", dir)
        .output()
        .unwrap();
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.exists(),
        "LibreOffice did not convert {}: {out:?}",
        docx.display()
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    (pdf, String::from_utf8_lossy(&text.stdout).into_owned())
}

/// Only where LibreOffice is installed: `.ci/run` installs it and sets
/// `CHARTER_REQUIRE_LIBREOFFICE=1`, so that CI cannot skip it.
#[test]
fn libreoffice_opens_every_example_and_prints_it() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        assert!(
            std::env::var_os("CHARTER_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice is required here but not installed"
        );
        eprintln!("LibreOffice is not installed: the DOCX is not converted");
        return;
    };
    let dir = std::env::temp_dir().join(format!("charter-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for path in inputs(&["examples"]) {
        let build = build(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let docx = dir.join(format!("{stem}.docx"));
        std::fs::write(&docx, build.docx()).unwrap();
        let (pdf, text) = print(soffice, &dir, &docx);
        let flat = common::flat(&text);
        let pages = std::process::Command::new("pdfinfo")
            .arg(&pdf)
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&pages.stdout).into_owned();
        let count: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        common::assert_printed(&stem, &build, &flat, count, false);
        // Clauses numbered by Word's numbering as the term sheet numbers them: "4.1 …".
        if let Some((number, title)) = build
            .document()
            .outline()
            .into_iter()
            .find(|(n, _)| n.contains('.'))
        {
            let title = common::flat(&title);
            assert!(
                flat.contains(&format!("{number} {title}")),
                "{stem}: clause {number} {title} is not numbered so"
            );
        }
    }
    // A redline opens too, with its tracked changes.
    let (old, new) = fixture_pair("governance");
    let (_, doc) = self::redline(&old, &new);
    let redline = dir.join("redline.docx");
    std::fs::write(&redline, charter::emit::docx::write(&doc)).unwrap();
    let (_, text) = print(soffice, &dir, &redline);
    assert!(text.contains("Summary of changes") && text.contains("two-thirds majority"));
    assert!(text.contains("Signed for and on behalf of"));
    let _ = std::fs::remove_dir_all(&dir);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    use crate::common::literal;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Whatever the names and legend, the Word document's XML parses, holds all text in
        /// text nodes, and carries the title word for word.
        #[test]
        fn any_text_stays_text_in_the_document(
            a in "[ -~\n\t]{0,40}",
            b in "[ -~\n]{0,40}",
        ) {
            let text = format!(
                "agreement {} {{\n  model: contractual\n  purpose: {}\n  effective: 2027-01-01\n  term: 1 year\n  governing_law: {}\n  legend: [{}]\n  party x {} {{ short: {}  jurisdiction: {} }}\n  party y {} {{ signatory: {} }}\n  clause k {} {{ text: {} }}\n}}\n",
                literal(&a), literal(&b), literal(&a), literal(&b), literal(&a), literal(&b),
                literal(&a), literal(&b), literal(&a), literal(&b), literal(&a),
            );
            let build = Build::from_text(&text, &Options::default());
            let parts = parts(&build.docx());
            for name in ["word/document.xml", "word/header1.xml"] {
                if let Some(xml) = parts.get(name) {
                    let (_, stray) = elements_and_stray_text(xml);
                    prop_assert_eq!(stray, "");
                }
            }
            // The properties parse (a title of "<x" broke them: docx-rs does not escape them).
            let (names, _) = elements_and_stray_text(&parts["docProps/custom.xml"]);
            prop_assert!(
                names.iter().all(|n| ["Properties", "property", "vt:lpwstr"].contains(&n.as_str())),
                "{:?}",
                names
            );
            let title: String = a.split_whitespace().collect::<Vec<_>>().join(" ");
            if !title.is_empty() {
                let escaped = quick_xml::escape::escape(title.as_str()).into_owned();
                prop_assert!(parts["word/document.xml"].contains(&escaped), "{}", title);
            }
        }
    }
}
