import * as vscode from 'vscode';

/**
 * The `.ot` document a command acts on: the one a code lens names (its URI is the command's
 * argument), else the active editor's. Undefined, with a message, when there is none.
 */
export async function targetDocument(
  uriArgument: unknown,
): Promise<vscode.TextDocument | undefined> {
  if (typeof uriArgument === 'string' || uriArgument instanceof vscode.Uri) {
    const uri = typeof uriArgument === 'string' ? vscode.Uri.parse(uriArgument) : uriArgument;
    return vscode.workspace.openTextDocument(uri);
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'ot') return active;
  void vscode.window.showErrorMessage('ot: open a .ot file first.');
  return undefined;
}
