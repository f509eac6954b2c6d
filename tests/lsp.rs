//! `charter lsp` in a real session (issue 17): the binary is started and spoken to over
//! JSON-RPC as an editor does — initialize, open, change (with half-typed text), and each
//! request the server offers. Positions are UTF-16, with non-ASCII text (an accented title,
//! a character outside the BMP) before the cursor.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const CLEAN: &str = include_str!("cli_clean.charter");

struct Session {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for a response.
    notifications: Vec<Value>,
}

impl Session {
    fn start() -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_charter"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Session {
            child,
            stdin,
            incoming,
            next_id: 1,
            notifications: Vec::new(),
        }
    }

    fn write(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no answer to {method}"));
            if m.get("id") == Some(&json!(id)) {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
            self.notifications.push(m);
        }
    }

    fn request_error(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.write(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.incoming.recv_timeout(Duration::from_secs(20)).unwrap();
            if m.get("id") == Some(&json!(id)) {
                return m["error"].clone();
            }
            self.notifications.push(m);
        }
    }

    /// The next diagnostics published for the document.
    fn diagnostics(&mut self) -> Vec<Value> {
        if let Some(i) = self
            .notifications
            .iter()
            .position(|n| n["method"] == "textDocument/publishDiagnostics")
        {
            let n = self.notifications.remove(i);
            return n["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(20))
                .expect("no diagnostics published");
            if m["method"] == "textDocument/publishDiagnostics" {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

const URI: &str = "file:///tmp/charter-lsp-test/alliance.charter";

/// The UTF-16 position of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn at(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {needle}"))
        .0;
    json!({"textDocument": {"uri": URI}, "position": position(text, offset + 1)})
}

#[test]
fn a_session_as_an_editor_holds_it() {
    // A title with an accent and a character outside the BMP (two UTF-16 units), and a
    // misspelt key after them.
    let text = CLEAN
        .replacen(
            "Northwind–Contoso Loyalty Data Alliance",
            "Café 𝄞 Alliance",
            1,
        )
        .replacen("quorum: 3", "quorm: 3", 1);
    let mut s = Session::start();
    let init = s.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 1);
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "charter", "version": 1, "text": text}}),
    );

    // Findings on open: the misspelt key, with its rule, a link to the rule page and the
    // range in UTF-16 columns.
    let diagnostics = s.diagnostics();
    let quorm = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .unwrap_or_else(|| panic!("{diagnostics:?}"));
    let offset = text.find("quorm").unwrap();
    assert_eq!(quorm["range"]["start"], position(&text, offset));
    assert_eq!(quorm["severity"], 1);
    assert_eq!(quorm["source"], "charter");
    assert!(quorm["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .contains("unknown-key"));

    // The quick fix: the did-you-mean correction.
    let actions = s.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": quorm["range"], "context": {"diagnostics": [quorm]}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Change to `quorum`")
        .unwrap_or_else(|| panic!("{actions}"));
    assert_eq!(fix["isPreferred"], true);
    let edit = &fix["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "quorum");
    assert_eq!(edit["range"], quorm["range"]);
    assert!(actions
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["title"] == "Switch `unknown-key` off for this file"));

    // Hover over the finding: the message and the rule page's advice.
    let hover = s.request("textDocument/hover", at(&text, "quorm", 0));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("unknown-key"), "{shown}");

    // Hover over a party id: what it names and where it is declared.
    let hover = s.request("textDocument/hover", at(&text, "northwind: 55%", 0));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Northwind Traders Ltd."), "{shown}");
    assert!(shown.contains("declared on line 10"), "{shown}");

    // Hover over `term`: the dates.
    let hover = s.request("textDocument/hover", at(&text, "term: 3 years", 0));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("The term ends on 1 January 2030"), "{shown}");

    // Go to definition and find references of `northwind`.
    let definition = s.request("textDocument/definition", at(&text, "northwind: 2", 0));
    let declared = text.find("northwind \"Northwind").unwrap();
    assert_eq!(definition["range"]["start"], position(&text, declared));
    let mut refs = at(&text, "northwind: 2", 0);
    refs["context"] = json!({"includeDeclaration": true});
    let references = s.request("textDocument/references", refs);
    let uses = text.matches("northwind").count() - text.matches("northwind.example").count();
    assert_eq!(references.as_array().unwrap().len(), uses, "{references}");

    // Rename it: every use and the declaration.
    let mut rename = at(&text, "northwind: 2", 0);
    rename["newName"] = json!("northwind_traders");
    let edit = s.request("textDocument/rename", rename.clone());
    assert_eq!(edit["changes"][URI].as_array().unwrap().len(), uses);
    rename["newName"] = json!("contoso");
    let refused = s.request_error("textDocument/rename", rename);
    assert!(
        refused["message"].as_str().unwrap().contains("already"),
        "{refused}"
    );

    // Completion: the keys of a committee not yet written (it has `decides`), and the parties
    // where a party goes.
    let inside = text.find("      chair: rotating").unwrap() + "      ".len();
    let keys = s.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": position(&text, inside)}),
    );
    let labels: Vec<&str> = keys
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"quorum") && !labels.contains(&"decides"),
        "{labels:?}"
    );
    let after = text.find("chair: rotating").unwrap() + "chair: ".len();
    let values = s.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": position(&text, after)}),
    );
    let labels: Vec<&str> = values
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"northwind") && labels.contains(&"rotating"),
        "{labels:?}"
    );

    // The outline and the folds.
    let symbols = s.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let outline = symbols.to_string();
    assert!(
        outline.contains("Northwind Traders Ltd.")
            && outline.contains("Alliance Steering Committee")
    );
    let folds = s.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": URI}}),
    );
    assert!(folds.as_array().unwrap().len() > 10);

    // Half-typed text: the server answers and reports the syntax error.
    let half = &text[..text.find("sharing {").unwrap() + "sharing {\n    revenue: { north".len()];
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": half}]}),
    );
    let diagnostics = s.diagnostics();
    assert!(
        diagnostics.iter().any(|d| d["code"] == "syntax-error"),
        "{diagnostics:?}"
    );
    let in_map = s.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": URI}, "position": position(half, half.len())}),
    );
    assert!(in_map.to_string().contains("\"contoso\""), "{in_map}");

    // Formatting: a badly laid-out file gets one edit, the file as `charter fmt` writes it.
    let messy = CLEAN.replace("  model: contractual", "model:    contractual");
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": messy}]}),
    );
    let edits = s.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let formatted = charter::fmt::format(&messy).unwrap();
    assert!(formatted.contains("\n  model: contractual\n"));
    assert_eq!(edits[0]["newText"].as_str().unwrap(), formatted);

    let _ = s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    let status = s.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

/// An editor that offers UTF-8 columns gets them.
#[test]
fn utf8_positions_when_the_editor_offers_them() {
    let text =
        CLEAN
            .replacen("Northwind–Contoso", "Café 𝄞", 1)
            .replacen("quorum: 3", "quorm: 3", 1);
    let mut s = Session::start();
    let init = s.request(
        "initialize",
        json!({"processId": null, "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "charter", "version": 1, "text": text}}),
    );
    let diagnostics = s.diagnostics();
    let quorm = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .unwrap();
    let line_start = text[..text.find("quorm").unwrap()].rfind('\n').unwrap() + 1;
    assert_eq!(
        quorm["range"]["start"]["character"],
        json!(text.find("quorm").unwrap() - line_start)
    );
    let _ = s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    assert!(s.child.wait().unwrap().success());
}
