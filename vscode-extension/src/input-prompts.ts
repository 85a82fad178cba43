import * as vscode from 'vscode';
import type { FlowInput } from '../../lsp/src/requests.js';

/** One `--input` or `--input-json` flag pair for `ot run`. */
export type InputFlag = ['--input' | '--input-json', string];

/**
 * Asks for each declared input in turn. A string input is taken as typed; any other type as
 * JSON (`["a", "b"]`, `3`, `true`). Leaving an input with a default empty keeps the default.
 * Undefined when the user cancels.
 */
export async function askForInputs(inputs: readonly FlowInput[]): Promise<InputFlag[] | undefined> {
  const flags: InputFlag[] = [];
  for (const [index, input] of inputs.entries()) {
    const type = typeOf(input.schema);
    const asText = type === 'string';
    const hasDefault = !input.required;
    const value = await vscode.window.showInputBox({
      title: `ot: input ${index + 1} of ${inputs.length}`,
      prompt: `${input.name} (${type ?? 'any JSON value'}${hasDefault ? `, default ${JSON.stringify(input.default)}` : ''})`,
      placeHolder: hasDefault ? 'empty: use the default' : asText ? 'text' : 'a JSON value',
      ignoreFocusOut: true,
      validateInput: (text) => {
        if (asText || (text === '' && hasDefault)) return undefined;
        try {
          JSON.parse(text);
          return undefined;
        } catch {
          return `${input.name} takes JSON here, e.g. ${type === 'array' ? '["a", "b"]' : type === 'number' || type === 'integer' ? '3' : '"text"'}`;
        }
      },
    });
    if (value === undefined) return undefined;
    if (value === '' && hasDefault) continue;
    flags.push(
      asText ? ['--input', `${input.name}=${value}`] : ['--input-json', `${input.name}=${value}`],
    );
  }
  return flags;
}

function typeOf(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const type = (schema as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}
