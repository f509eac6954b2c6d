import * as vscode from 'vscode';
import { charterCommand, describeStartError, runCharter } from './charter';

/**
 * The pages of Charter's rules, as `charter explain RULE` prints them. A finding links to
 * `charter-rule:RULE.md` when the rule pages of the checkout the server was built from are
 * not on this machine; this provider answers those links, so that the page opens as a
 * Markdown document in the editor.
 */
export class RulePages implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'charter-rule';

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rule = uri.path.replace(/\.md$/, '');
    // A rule name is lower-case words joined by hyphens; anything else is not asked for.
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule)) {
      return `# Not a rule name\n\n\`${rule}\` is not the name of a Charter rule.\n`;
    }
    const command = charterCommand();
    const run = await runCharter(command, ['explain', rule], { timeoutMs: 15_000 });
    if (run.startError !== undefined) {
      return `# ${rule}\n\n${describeStartError(command, run.startError)}: the rule's page cannot be shown. Set charter.path.\n`;
    }
    if (run.code !== 0) {
      const why = run.stderr.trim() || `\`charter explain ${rule}\` ended with status ${String(run.code)}`;
      return `# ${rule}\n\n${why}\n`;
    }
    return run.stdout;
  }
}
