import { assertNever } from '../assert-never.js';
import type { GenerationArgs } from '../backends/backend.js';
import {
  checkInteger,
  checkKnownKeys,
  checkNumber,
  checkRecord,
  quoteKey,
} from './check-values.js';
import { describeValue, type KeyPath, type Problem } from './problems.js';

const ARG_NAMES = ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'] as const;

/**
 * Validates `defaults:` of a backend: known generation arguments of the right type, each one the
 * provider supports. `stop` may be one string or a list of strings.
 */
export function checkGenerationArgs(
  value: unknown,
  path: KeyPath,
  supported: readonly (keyof GenerationArgs)[],
  provider: string,
  problems: Problem[],
): GenerationArgs {
  const args: GenerationArgs = {};
  const record = checkRecord(value, path, problems);
  if (!record) return args;
  checkKnownKeys(record, path, ARG_NAMES, problems);
  for (const name of ARG_NAMES) {
    const raw = record[name];
    if (raw === undefined) continue;
    const at = [...path, name];
    if (!supported.includes(name)) {
      problems.push({
        path: at,
        message: `the ${provider} provider does not support \`${name}\` (it supports: ${supported.join(', ')})`,
        at: 'key',
      });
      continue;
    }
    switch (name) {
      case 'temperature':
        assign(args, name, checkNumber(raw, at, problems, 0));
        break;
      case 'top_p':
        assign(args, name, checkNumber(raw, at, problems, 0, 1));
        break;
      case 'max_tokens':
      case 'top_k':
        assign(args, name, checkInteger(raw, at, problems, 1));
        break;
      case 'seed':
        assign(args, name, checkInteger(raw, at, problems, Number.MIN_SAFE_INTEGER));
        break;
      case 'stop': {
        const stop = checkStop(raw, at, problems);
        if (stop) args.stop = stop;
        break;
      }
      default:
        assertNever(name);
    }
  }
  return args;
}

function assign(
  args: GenerationArgs,
  name: 'temperature' | 'top_p' | 'max_tokens' | 'top_k' | 'seed',
  value: number | null,
): void {
  if (value !== null) args[name] = value;
}

function checkStop(value: unknown, path: KeyPath, problems: Problem[]): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  problems.push({
    path,
    message: `${quoteKey(path)} must be a string or a list of strings, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}
