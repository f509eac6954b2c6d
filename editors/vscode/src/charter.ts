import { ExecFileException, execFile } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The `charter` program named by the `charter.path` setting: a command looked up on the
 * `PATH`, or the path of the binary. `~` stands for the home folder, and a relative path
 * with a folder in it is taken from the first workspace folder.
 */
export function charterCommand(): string {
  const configured = vscode.workspace.getConfiguration('charter').get<string>('path', 'charter').trim();
  if (configured === '') {
    return 'charter';
  }
  if (/^~(?=$|[\\/])/.test(configured)) {
    return path.join(os.homedir(), configured.slice(1));
  }
  const hasFolder = configured.includes('/') || configured.includes(path.sep);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (hasFolder && !path.isAbsolute(configured) && folder?.uri.scheme === 'file') {
    return path.join(folder.uri.fsPath, configured);
  }
  return configured;
}

/** How a run of `charter` ended. */
export interface Run {
  /** The exit status; `undefined` when the program could not be started or was killed. */
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Why the program could not be started (`ENOENT`: not found), if it could not. */
  readonly startError?: ExecFileException;
}

/** Run `charter` with `args` and wait for it to end; never rejects. */
export function runCharter(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      {
        cwd: options.cwd,
        // Findings without colour codes: they are shown as plain text.
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        maxBuffer: 32 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr });
        } else if (error.syscall?.startsWith('spawn')) {
          resolve({ code: undefined, stdout, stderr, startError: error });
        } else {
          resolve({ code: typeof error.code === 'number' ? error.code : undefined, stdout, stderr });
        }
      },
    );
    // Nothing is read from standard input: closing it keeps a program that waits on it
    // from hanging.
    child.stdin?.end();
  });
}

/** "`charter` was not found", for messages. */
export function describeStartError(command: string, error: ExecFileException): string {
  switch (error.code) {
    case 'ENOENT':
      return `\`${command}\` was not found`;
    case 'EACCES':
      return `\`${command}\` is not executable`;
    default:
      return `\`${command}\` could not be run (${error.message})`;
  }
}

/** Offer to open the `charter.path` setting after an error message. */
export async function showErrorWithSettings(message: string, ...extra: string[]): Promise<string | undefined> {
  const openSettings = 'Open Settings';
  const choice = await vscode.window.showErrorMessage(message, openSettings, ...extra);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'charter.path');
    return undefined;
  }
  return choice;
}
