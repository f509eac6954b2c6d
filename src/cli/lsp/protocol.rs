//! The protocol's side of `charter lsp`: the capabilities it offers, and each request
//! answered from an [`Analysis`] in the editor's positions.

use super::convert::Lines;
use charter::diagnostic::Severity;
use charter::ide::{Analysis, CompletionKind};
use lsp_server::{Connection, Request, RequestId, Response};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use std::collections::HashMap;

/// The handshake: what the server offers. `Ok(true)` when the editor takes UTF-8 columns.
pub fn initialize(connection: &Connection) -> Result<bool, String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let utf8 = params
        .capabilities
        .general
        .and_then(|g| g.position_encodings)
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let capabilities = ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "{".into()]),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        ..Default::default()
    };
    let result = InitializeResult {
        capabilities,
        server_info: Some(ServerInfo {
            name: "charter".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let value = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, value)
        .map_err(|e| e.to_string())?;
    Ok(utf8)
}

/// The document a request is about.
pub fn uri_of(params: &serde_json::Value) -> Option<Url> {
    let uri = params.get("textDocument")?.get("uri")?.as_str()?;
    Url::parse(uri).ok()
}

/// A response with `result` (JSON `null` for `None`).
pub fn answer<T: serde::Serialize>(id: RequestId, _method: &str, result: Option<T>) -> Response {
    Response::new_ok(id, result)
}

fn params<P: serde::de::DeserializeOwned>(r: &Request) -> Option<P> {
    serde_json::from_value(r.params.clone()).ok()
}

/// The findings of a document, in the editor's terms: the rule as the code, a link to its
/// page, the help after the message, and the other places it names.
pub fn diagnostics(analysis: &Analysis, lines: &Lines, uri: &Url) -> Vec<Diagnostic> {
    analysis
        .diagnostics()
        .iter()
        .map(|d| diagnostic(d, lines, uri))
        .collect()
}

fn diagnostic(d: &charter::diagnostic::Diagnostic, lines: &Lines, uri: &Url) -> Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    Diagnostic {
        range: lines.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: rule_page(d.rule).map(|href| CodeDescription { href }),
        source: Some("charter".into()),
        message,
        related_information: (!d.labels.is_empty()).then(|| {
            d.labels
                .iter()
                .map(|l| DiagnosticRelatedInformation {
                    location: Location::new(uri.clone(), lines.range(l.span)),
                    message: l.message.clone(),
                })
                .collect()
        }),
        tags: None,
        data: None,
    }
}

/// The rule's page: the file in the checkout this `charter` was built from when it is still
/// there (`docs/rules/RULE.md`), else `charter-rule:RULE.md`, which the VS Code extension
/// answers with `charter explain RULE` (the `.md` makes the editor show it as Markdown).
fn rule_page(rule: &str) -> Option<Url> {
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/rules")
        .join(format!("{rule}.md"));
    if page.exists() {
        Url::from_file_path(&page).ok()
    } else {
        Url::parse(&format!("charter-rule:{rule}.md")).ok()
    }
}

/// Answer one request about a document.
pub fn handle(r: &Request, uri: &Url, a: &Analysis, lines: &Lines, text: &str) -> Response {
    let id = r.id.clone();
    let at = |p: Position| lines.offset(p);
    match r.method.as_str() {
        req::HoverRequest::METHOD => {
            let result = params::<HoverParams>(r).and_then(|p| {
                let h = a.hover(at(p.text_document_position_params.position))?;
                Some(Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: h.markdown,
                    }),
                    range: Some(lines.range(h.span)),
                })
            });
            Response::new_ok(id, result)
        }
        req::Completion::METHOD => {
            let items: Vec<CompletionItem> = params::<CompletionParams>(r)
                .map(|p| a.completions(at(p.text_document_position.position)))
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, c)| CompletionItem {
                    label: c.label,
                    kind: Some(match c.kind {
                        CompletionKind::Key => CompletionItemKind::PROPERTY,
                        CompletionKind::Block => CompletionItemKind::MODULE,
                        CompletionKind::Word => CompletionItemKind::ENUM_MEMBER,
                        CompletionKind::Id => CompletionItemKind::REFERENCE,
                        CompletionKind::Snippet => CompletionItemKind::SNIPPET,
                    }),
                    detail: Some(c.detail),
                    documentation: (!c.documentation.is_empty()).then_some(
                        Documentation::MarkupContent(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value: c.documentation,
                        }),
                    ),
                    insert_text: Some(c.insert),
                    insert_text_format: Some(if c.snippet {
                        InsertTextFormat::SNIPPET
                    } else {
                        InsertTextFormat::PLAIN_TEXT
                    }),
                    // The order given: required items first.
                    sort_text: Some(format!("{i:04}")),
                    ..Default::default()
                })
                .collect();
            Response::new_ok(id, CompletionResponse::Array(items))
        }
        req::GotoDefinition::METHOD => {
            let result = params::<GotoDefinitionParams>(r).and_then(|p| {
                let span = a.definition(at(p.text_document_position_params.position))?;
                Some(GotoDefinitionResponse::Scalar(Location::new(
                    uri.clone(),
                    lines.range(span),
                )))
            });
            Response::new_ok(id, result)
        }
        req::References::METHOD => {
            let result = params::<ReferenceParams>(r).map(|p| {
                a.references(
                    at(p.text_document_position.position),
                    p.context.include_declaration,
                )
                .into_iter()
                .map(|s| Location::new(uri.clone(), lines.range(s)))
                .collect::<Vec<_>>()
            });
            Response::new_ok(id, result)
        }
        req::PrepareRenameRequest::METHOD => {
            let result = params::<TextDocumentPositionParams>(r).and_then(|p| {
                let (span, name) = a.prepare_rename(at(p.position))?;
                Some(PrepareRenameResponse::RangeWithPlaceholder {
                    range: lines.range(span),
                    placeholder: name,
                })
            });
            Response::new_ok(id, result)
        }
        req::Rename::METHOD => {
            let Some(p) = params::<RenameParams>(r) else {
                return Response::new_ok(id, None::<()>);
            };
            match a.rename(at(p.text_document_position.position), &p.new_name) {
                Ok(edits) => Response::new_ok(id, workspace_edit(uri, lines, edits)),
                Err(why) => Response::new_err(id, lsp_server::ErrorCode::RequestFailed as i32, why),
            }
        }
        req::DocumentSymbolRequest::METHOD => {
            let symbols: Vec<DocumentSymbol> =
                a.symbols().iter().map(|s| symbol(s, lines)).collect();
            Response::new_ok(id, DocumentSymbolResponse::Nested(symbols))
        }
        req::FoldingRangeRequest::METHOD => {
            let folds: Vec<FoldingRange> = a
                .folds()
                .into_iter()
                .filter_map(|f| {
                    let (start, end) = (lines.position(f.start), lines.position(f.end));
                    (end.line > start.line).then(|| FoldingRange {
                        start_line: start.line,
                        end_line: end.line.saturating_sub(1).max(start.line),
                        ..Default::default()
                    })
                })
                .collect();
            Response::new_ok(id, folds)
        }
        req::Formatting::METHOD => {
            let edits = a.formatted().filter(|f| f != text).map(|formatted| {
                vec![TextEdit::new(
                    Range::new(Position::new(0, 0), lines.position(text.len())),
                    formatted,
                )]
            });
            Response::new_ok(id, edits)
        }
        req::CodeActionRequest::METHOD => {
            let actions: Vec<CodeActionOrCommand> = params::<CodeActionParams>(r)
                .map(|p| {
                    let (start, end) = (at(p.range.start), at(p.range.end));
                    a.fixes(start, end)
                        .into_iter()
                        .map(|f| {
                            CodeActionOrCommand::CodeAction(CodeAction {
                                title: f.title,
                                kind: Some(CodeActionKind::QUICKFIX),
                                diagnostics: Some(vec![diagnostic(&f.diagnostic, lines, uri)]),
                                edit: Some(workspace_edit(uri, lines, f.edits)),
                                is_preferred: Some(f.preferred),
                                ..Default::default()
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            Response::new_ok(id, actions)
        }
        _ => Response::new_err(
            id,
            lsp_server::ErrorCode::MethodNotFound as i32,
            format!("`{}` is not supported", r.method),
        ),
    }
}

fn workspace_edit(
    uri: &Url,
    lines: &Lines,
    edits: Vec<(charter::span::Span, String)>,
) -> WorkspaceEdit {
    let edits = edits
        .into_iter()
        .map(|(span, text)| TextEdit::new(lines.range(span), text))
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

#[allow(deprecated)]
fn symbol(s: &charter::ide::Symbol, lines: &Lines) -> DocumentSymbol {
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            s.keyword.clone()
        } else {
            s.name.clone()
        },
        detail: Some(s.detail.clone()),
        kind: match s.keyword.as_str() {
            "agreement" => SymbolKind::FILE,
            "party" => SymbolKind::CLASS,
            "committee" | "board" => SymbolKind::STRUCT,
            "milestone" | "metric" => SymbolKind::EVENT,
            "termination" | "clause" => SymbolKind::FUNCTION,
            _ => SymbolKind::NAMESPACE,
        },
        tags: None,
        deprecated: None,
        range: lines.range(s.span),
        selection_range: lines.range(s.selection),
        children: (!s.children.is_empty())
            .then(|| s.children.iter().map(|c| symbol(c, lines)).collect()),
    }
}
