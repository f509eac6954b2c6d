import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { charterCommand, describeStartError, runCharter, showErrorWithSettings } from './charter';
import { TermSheetPreview } from './preview';
import { RulePages } from './rules';

let client: LanguageClient | undefined;
/** Starts and stops run one after the other, so that quick setting changes do not race. */
let lifecycle: Promise<void> = Promise.resolve();
let output: vscode.OutputChannel;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Charter');
  const preview = new TermSheetPreview();
  context.subscriptions.push(
    output,
    preview,
    vscode.commands.registerCommand('charter.preview', (uri?: vscode.Uri) => preview.show(uri)),
    vscode.commands.registerCommand('charter.restartServer', () => restart()),
    vscode.workspace.registerTextDocumentContentProvider(RulePages.scheme, new RulePages()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('charter.path')) {
        void restart();
      }
    }),
  );
  return restart();
}

export function deactivate(): Promise<void> {
  lifecycle = lifecycle.then(stop);
  return lifecycle;
}

function restart(): Promise<void> {
  lifecycle = lifecycle.then(stop).then(start);
  return lifecycle;
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  try {
    await running.dispose();
  } catch (error) {
    output.appendLine(`Stopping \`charter lsp\`: ${String(error)}`);
  }
}

async function start(): Promise<void> {
  const command = charterCommand();
  // `charter lsp --help` tells, in one short run, whether the program exists and has the
  // language server, so that a wrong `charter.path` gets one clear message.
  const probe = await runCharter(command, ['lsp', '--help'], { timeoutMs: 15_000 });
  if (probe.startError !== undefined) {
    void failed(`${describeStartError(command, probe.startError)}. Install it (\`cargo install --locked --path .\` in the Charter repository) or set charter.path.`);
    return;
  }
  if (probe.code !== 0) {
    const detail = probe.stderr.trim().split('\n')[0] ?? '';
    void failed(`\`${command}\` has no \`lsp\` command${detail ? ` (${detail})` : ''}. Install a newer charter or set charter.path.`);
    return;
  }

  // No `transport`: the client then talks to the server over its standard input and output
  // without adding a `--stdio` argument.
  const serverOptions: ServerOptions = { command, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'charter' },
      { scheme: 'untitled', language: 'charter' },
    ],
    synchronize: {
      // Project settings (allowed rules, severities) change the findings of every file.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/charter.toml'),
    },
    outputChannel: output,
  };
  // The id `charter` makes the client read `charter.trace.server`.
  const created = new LanguageClient('charter', 'Charter', serverOptions, clientOptions);
  client = created;
  try {
    await created.start();
  } catch (error) {
    void failed(`the server stopped while starting (${String(error)}). See the Charter output, or set charter.path.`);
  }
}

async function failed(reason: string): Promise<void> {
  output.appendLine(`Could not start \`charter lsp\`: ${reason}`);
  const showOutput = 'Show Output';
  const choice = await showErrorWithSettings(`Charter: could not start \`charter lsp\`: ${reason}`, showOutput);
  if (choice === showOutput) {
    output.show(true);
  }
}
