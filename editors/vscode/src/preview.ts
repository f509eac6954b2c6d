import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { charterCommand, describeStartError, runCharter, showErrorWithSettings } from './charter';

/**
 * "Charter: Preview Term Sheet": the HTML term sheet that `charter build --html` writes,
 * in a webview beside the editor, one per agreement, rebuilt each time the file is saved.
 */
export class TermSheetPreview implements vscode.Disposable {
  private readonly panels = new Map<string, Panel>();
  private readonly onSave: vscode.Disposable;

  constructor() {
    this.onSave = vscode.workspace.onDidSaveTextDocument((document) => {
      void this.panels.get(document.uri.toString())?.render(document);
    });
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const document = uri === undefined
      ? vscode.window.activeTextEditor?.document
      : await vscode.workspace.openTextDocument(uri);
    if (document?.languageId !== 'charter') {
      void vscode.window.showInformationMessage('Charter: open a .charter file to preview its term sheet.');
      return;
    }
    const key = document.uri.toString();
    let panel = this.panels.get(key);
    if (panel === undefined) {
      panel = new Panel(document, () => this.panels.delete(key));
      this.panels.set(key, panel);
    } else {
      panel.reveal();
    }
    await panel.render(document);
  }

  dispose(): void {
    this.onSave.dispose();
    for (const panel of [...this.panels.values()]) {
      panel.dispose();
    }
  }
}

class Panel {
  private readonly webview: vscode.WebviewPanel;
  /** Counts builds, so that a slow build never replaces the page of a later one. */
  private builds = 0;

  constructor(document: vscode.TextDocument, onDispose: () => void) {
    this.webview = vscode.window.createWebviewPanel(
      'charter.preview',
      `Term sheet: ${path.basename(document.fileName)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: false,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [],
      },
    );
    this.webview.onDidDispose(onDispose);
  }

  reveal(): void {
    this.webview.reveal(undefined, true);
  }

  dispose(): void {
    this.webview.dispose();
  }

  async render(document: vscode.TextDocument): Promise<void> {
    const build = ++this.builds;
    const page = await buildPage(document);
    if (build === this.builds) {
      this.webview.webview.html = withPolicy(page, this.webview.webview.cspSource);
    }
  }
}

/** The term sheet as HTML, or a page that says why there is none. */
async function buildPage(document: vscode.TextDocument): Promise<string> {
  const command = charterCommand();
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'charter-preview-'));
  try {
    let source = document.uri.fsPath;
    if (document.uri.scheme !== 'file') {
      // An untitled document has no file to build: build a copy of its text.
      source = path.join(folder, `${path.basename(document.fileName) || 'untitled'}.charter`);
      await fs.writeFile(source, document.getText(), 'utf8');
    }
    const html = path.join(folder, 'term-sheet.html');
    const run = await runCharter(command, ['build', source, '--html', html], { cwd: path.dirname(source) });
    if (run.startError !== undefined) {
      const reason = describeStartError(command, run.startError);
      void showErrorWithSettings(`Charter: could not build the term sheet: ${reason}. Set charter.path to the charter binary.`);
      return messagePage('Charter could not build the term sheet', `${reason}. Set charter.path to the charter binary.`);
    }
    // A file that reads but has errors is still built, as a draft with its open issues
    // (exit status 1); a file with a syntax error is not built at all.
    try {
      return await fs.readFile(html, 'utf8');
    } catch {
      const why = run.stderr.trim() || `charter build ended with status ${run.code ?? 'unknown'}.`;
      return messagePage('Charter could not build the term sheet', why);
    }
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

/**
 * Add a Content-Security-Policy to the page: its own inline styles, and nothing else; no
 * script runs in any case (`enableScripts: false`).
 */
function withPolicy(page: string, cspSource: string): string {
  const policy = [
    "default-src 'none'",
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource} data:`,
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(page);
  if (head === null) {
    return `<!DOCTYPE html><html><head>${meta}</head><body>${page}</body></html>`;
  }
  const at = head.index + head[0].length;
  return `${page.slice(0, at)}\n${meta}${page.slice(at)}`;
}

function messagePage(title: string, detail: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 1rem 1.5rem; }
pre { white-space: pre-wrap; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
</style>
</head>
<body>
<h2>${escapeHtml(title)}</h2>
<pre>${escapeHtml(detail)}</pre>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
