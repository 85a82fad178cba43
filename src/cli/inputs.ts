import type { Command } from 'commander';

/** The result of reading `--input`/`--input-json` flags: the inputs, or one clear error. */
export type InputFlagsResult =
  { ok: true; inputs: Record<string, unknown> } | { ok: false; error: string };

/** Commander's collector for a repeatable option: each use appends its value. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the repeatable `--input k=v` and `--input-json k=JSON` options to a command. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--input <name=value>', 'an input as a string (repeatable)', collect, [])
    .option('--input-json <name=json>', 'an input as a JSON value (repeatable)', collect, []);
}

/**
 * Reads the flags into an inputs object: `--input k=v` gives the string `v` (everything after
 * the first `=`, so values may contain `=`), `--input-json k=JSON` the parsed JSON value. A flag
 * without `=`, an empty name, bad JSON, or a name given twice is an error.
 */
export function parseInputFlags(flags: {
  input?: readonly string[];
  inputJson?: readonly string[];
}): InputFlagsResult {
  const inputs: Record<string, unknown> = {};
  const entries = [
    ...(flags.input ?? []).map((text) => ({ flag: '--input', text })),
    ...(flags.inputJson ?? []).map((text) => ({ flag: '--input-json', text })),
  ];
  for (const { flag, text } of entries) {
    const equals = text.indexOf('=');
    const name = equals < 0 ? '' : text.slice(0, equals).trim();
    if (equals < 0 || name === '') {
      const shape = flag === '--input' ? 'NAME=VALUE' : 'NAME=JSON';
      return { ok: false, error: `${flag} expects ${shape}, got ${JSON.stringify(text)}` };
    }
    if (Object.hasOwn(inputs, name)) {
      return { ok: false, error: `input \`${name}\` is given more than once` };
    }
    const raw = text.slice(equals + 1);
    if (flag === '--input') {
      inputs[name] = raw;
      continue;
    }
    try {
      inputs[name] = JSON.parse(raw) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `--input-json ${name}: invalid JSON (${reason}): ${raw}` };
    }
  }
  return { ok: true, inputs };
}

/** The names given as text (`--input k=v`), whose values the declared types may convert. */
export function textInputNames(input: readonly string[] | undefined): string[] {
  return (input ?? []).flatMap((text) => {
    const equals = text.indexOf('=');
    return equals < 0 ? [] : [text.slice(0, equals).trim()];
  });
}
