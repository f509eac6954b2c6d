//! `charter lsp`: the language server, on standard input and output (`lsp-server` and
//! `lsp-types`, the stack of rust-analyzer). A thin front end over [`charter::ide`]: it keeps
//! the open documents, converts positions at its edge ([`convert`]), and answers.
//!
//! Findings are published when a document opens and after a change, as soon as no other
//! message is waiting: the changes of a burst of keystrokes that arrive while one is being
//! checked are applied together and checked once, and a request is answered from the latest
//! text. Each request runs under a panic guard: a bug answers that request with an error and
//! the server goes on.

mod convert;
mod protocol;

use super::guard::catch_panic;
use super::project::Projects;
use super::ExitStatus;
use charter::check::Options;
use charter::ide::Analysis;
use convert::Lines;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::{PublishDiagnosticsParams, Url};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// An open document.
struct Doc {
    text: String,
    version: i32,
    /// The analysis of `text`, once made.
    analysis: Option<Arc<Analysis>>,
    lines: Lines,
}

pub struct Server {
    connection: Connection,
    docs: HashMap<Url, Doc>,
    /// Documents changed since their findings were last published.
    dirty: HashSet<Url>,
    projects: Projects,
    /// Whether the editor takes UTF-8 columns (else UTF-16).
    utf8: bool,
}

/// Run the server until the editor says `exit`.
pub fn run() -> ExitStatus {
    let (connection, io) = Connection::stdio();
    let status = match protocol::initialize(&connection) {
        Ok(utf8) => {
            let mut server = Server {
                connection,
                docs: HashMap::new(),
                dirty: HashSet::new(),
                projects: Projects::default(),
                utf8,
            };
            match server.serve() {
                Ok(()) => ExitStatus::Success,
                Err(e) => {
                    eprintln!("charter lsp: {e}");
                    ExitStatus::Failure
                }
            }
        }
        Err(e) => {
            eprintln!("charter lsp: {e}");
            ExitStatus::Failure
        }
    };
    let _ = io.join();
    status
}

impl Server {
    fn serve(&mut self) -> Result<(), String> {
        loop {
            // Nothing else waiting: the changes so far are checked and published.
            if !self.dirty.is_empty() && self.connection.receiver.is_empty() {
                self.publish_dirty();
            }
            let Ok(message) = self.connection.receiver.recv() else {
                return Ok(());
            };
            match message {
                Message::Request(r) => {
                    if self
                        .connection
                        .handle_shutdown(&r)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    let response = self.request(r);
                    self.send(Message::Response(response));
                }
                Message::Notification(n) => {
                    if n.method == note::Exit::METHOD {
                        return Ok(());
                    }
                    self.notification(n);
                }
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                {
                    let doc = p.text_document;
                    self.open(doc.uri.clone(), doc.text, doc.version);
                    self.publish(&doc.uri);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        let uri = p.text_document.uri;
                        self.open(uri.clone(), change.text, p.text_document.version);
                        self.dirty.insert(uri);
                    }
                }
            }
            note::DidSaveTextDocument::METHOD => {}
            // A `charter.toml` changed: its settings are read again and every open document
            // checked again.
            note::DidChangeWatchedFiles::METHOD => {
                self.projects = Projects::default();
                for (uri, doc) in &mut self.docs {
                    doc.analysis = None;
                    self.dirty.insert(uri.clone());
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                {
                    let uri = p.text_document.uri;
                    self.docs.remove(&uri);
                    self.dirty.remove(&uri);
                    self.send_diagnostics(uri, Vec::new(), None);
                }
            }
            _ => {}
        }
    }

    fn open(&mut self, uri: Url, text: String, version: i32) {
        let lines = Lines::new(&text, self.utf8);
        self.docs.insert(
            uri,
            Doc {
                text,
                version,
                analysis: None,
                lines,
            },
        );
    }

    /// The analysis of an open document, made now if the text changed since the last.
    fn analysis(&mut self, uri: &Url) -> Option<Arc<Analysis>> {
        let options = self.options(uri);
        let doc = self.docs.get_mut(uri)?;
        if doc.analysis.is_none() {
            let text = doc.text.clone();
            let made = catch_panic(|| Analysis::new(&text, &options)).ok()?;
            doc.analysis = Some(Arc::new(made));
        }
        doc.analysis.clone()
    }

    /// The project's settings (`charter.toml`) for a document on disk.
    fn options(&mut self, uri: &Url) -> Options {
        let config = uri
            .to_file_path()
            .ok()
            .and_then(|path| self.projects.settings_for(&path).0)
            .map(|p| Arc::clone(&p.config));
        Options {
            deny_warnings: false,
            config,
        }
    }

    fn publish_dirty(&mut self) {
        let dirty: Vec<Url> = self.dirty.drain().collect();
        for uri in dirty {
            self.publish(&uri);
        }
    }

    fn publish(&mut self, uri: &Url) {
        self.dirty.remove(uri);
        let Some(analysis) = self.analysis(uri) else {
            return;
        };
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        let diagnostics = protocol::diagnostics(&analysis, &doc.lines, uri);
        let version = Some(doc.version);
        self.send_diagnostics(uri.clone(), diagnostics, version);
    }

    fn send_diagnostics(
        &self,
        uri: Url,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            note::PublishDiagnostics::METHOD.to_string(),
            params,
        )));
    }

    fn request(&mut self, r: Request) -> Response {
        let id = r.id.clone();
        let uri = protocol::uri_of(&r.params);
        let analysis = uri.as_ref().and_then(|u| self.analysis(u));
        let doc = uri.as_ref().and_then(|u| self.docs.get(u));
        let (Some(uri), Some(analysis), Some(doc)) = (uri.clone(), analysis, doc) else {
            return protocol::answer(id, r.method.as_str(), None::<()>);
        };
        let method = r.method.clone();
        let lines = &doc.lines;
        let text = doc.text.as_str();
        match catch_panic(|| protocol::handle(&r, &uri, &analysis, lines, text)) {
            Ok(response) => response,
            Err(why) => failed(id, &format!("internal error in `{method}`: {why}")),
        }
    }
}

fn failed(id: RequestId, message: &str) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::InternalError as i32,
        message.to_string(),
    )
}
