//! The HTML pages printed as a browser prints them (issue 16): headless Chromium prints every
//! example's term sheet and a redline to PDF, and the PDF must hold the title, every party and
//! the signature blocks, the page numbers ("Page 1 of N") and the legend that the `@page`
//! margin boxes put in the margins. Only where Chromium and poppler are installed: `.ci/run`
//! installs them and sets `CHARTER_REQUIRE_CHROMIUM=1`, so that CI cannot skip it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use charter::check::Options;
use charter::emit::Build;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .filter(|_| Command::new("pdftotext").arg("-v").output().is_ok());
    if found.is_none() {
        assert!(
            std::env::var_os("CHARTER_REQUIRE_CHROMIUM").is_none(),
            "Chromium and pdftotext are required here but not installed"
        );
        eprintln!("Chromium or pdftotext is not installed: the HTML is not printed");
    }
    found
}

/// Chromium prints `html` to a PDF beside it: its text (pdftotext, words joined by single
/// spaces) and its number of pages.
fn print(chromium: &str, dir: &Path, html: &Path) -> (String, usize) {
    let pdf = html.with_extension("pdf");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        pdf.exists(),
        "Chromium did not print {}: {out:?}",
        html.display()
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    let text = common::flat(&text);
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (text, pages)
}

#[test]
fn chromium_prints_every_example_with_page_numbers_and_legend() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("charter-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut examples: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "charter"))
        .collect();
    examples.sort();
    let mut with_legend = 0;
    for path in examples {
        let build = Build::from_bytes(&std::fs::read(&path).unwrap(), &Options::default());
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let html = dir.join(format!("{stem}.html"));
        std::fs::write(&html, build.html()).unwrap();
        let (text, pages) = print(chromium, &dir, &html);
        // The margin boxes: every page numbered, the legend at the head of each.
        common::assert_printed(&stem, &build, &text, pages, true);
        with_legend += build.agreement.legend.len();
    }
    assert!(with_legend > 0, "no example has a legend to print");

    // A redline prints too, its changes in the text.
    let (old, new) = common::fixture_pair("governance");
    let (_, redline) = common::redline(&old, &new);
    let html = dir.join("redline.html");
    std::fs::write(&html, charter::emit::html::write(&redline)).unwrap();
    let (text, pages) = print(chromium, &dir, &html);
    assert!(pages >= 2, "the redline has {pages} pages");
    assert!(text.contains("Summary of changes") && text.contains("two-thirds majority"));
    assert!(text.contains("Signed for and on behalf of"));
    let _ = std::fs::remove_dir_all(&dir);
}
