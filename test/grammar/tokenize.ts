import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const grammarPath = fileURLToPath(new URL('../../grammar/ot.tmLanguage.json', import.meta.url));

/** One token of a line: its text and its scopes, the root scope first. */
export interface Token {
  text: string;
  scopes: string[];
}

let registry: textmate.Registry | undefined;

/**
 * A registry with the ot grammar and an empty stand-in for `source.yaml`: the front matter's
 * own scopes are ours to test, the YAML inside is the YAML grammar's business. (A grammar whose
 * embedded grammar cannot be found at all drops the whole rule, so the stand-in is needed.)
 */
async function loadRegistry(): Promise<textmate.Registry> {
  if (registry) return registry;
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'source.ot') {
        return textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath);
      }
      if (scopeName === 'source.yaml') {
        return textmate.parseRawGrammar(
          JSON.stringify({ scopeName: 'source.yaml', patterns: [] }),
          'yaml-stand-in.json',
        );
      }
      return null;
    },
  });
  return registry;
}

/** Tokenizes a whole text line by line, carrying the rule stack across lines as an editor does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await (await loadRegistry()).loadGrammar('source.ot');
  if (!grammar) throw new Error(`cannot load ${grammarPath}`);
  let stack = textmate.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const result = grammar.tokenizeLine(line, stack);
    lines.push(
      result.tokens.map((token) => ({
        text: line.slice(token.startIndex, token.endIndex),
        scopes: token.scopes,
      })),
    );
    stack = result.ruleStack;
  }
  return lines;
}

/** A readable snapshot: each line, then its tokens with their scopes (the root scope left out). */
export function renderTokens(text: string, lines: Token[][]): string {
  const sourceLines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  lines.forEach((tokens, index) => {
    out.push(`> ${sourceLines[index]}`);
    for (const token of tokens) {
      const scopes = token.scopes.slice(1).join(' ');
      if (token.text.trim() === '' && scopes === '') continue;
      out.push(`  ${JSON.stringify(token.text)} ${scopes || '(text)'}`);
    }
  });
  return `${out.join('\n')}\n`;
}
