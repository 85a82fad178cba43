import { Executable, resolveArguments } from './executable.js';

/**
 * The `+` composition of call blocks in TypeScript: `` compose`Q: ${q} A: ${gen}` `` where a
 * value may be a string, an executable, or a function of the text so far returning an
 * executable (the prefix, as a call block's terms see it). Executables run left to right, each
 * after the text before it is known; the result is the whole text.
 */
export function compose(
  strings: TemplateStringsArray,
  ...values: (string | number | Executable<unknown> | ((prefix: string) => Executable<unknown>))[]
): Executable<string> {
  return new Executable(async (run) => {
    let text = strings[0]!;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const resolved = typeof value === 'function' ? value(text) : value;
      const [known] = await resolveArguments([resolved], run);
      text += (typeof known === 'string' ? known : JSON.stringify(known)) + strings[i + 1]!;
    }
    return text;
  });
}
