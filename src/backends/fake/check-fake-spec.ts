import {
  checkInteger,
  checkKnownKeys,
  checkNumber,
  checkRecord,
  checkString,
  quoteKey,
  reportMissing,
} from '../../config/check-values.js';
import { describeValue, type KeyPath, type Problem } from '../../config/problems.js';
import type { FakeBackendSpec, FakeReply, FakeRule, FakeUsage } from './fake-spec.js';
import { compileMatch } from './matcher.js';

const TOP_KEYS = ['latency_ms', 'replies', 'default', 'model'] as const;
const RULE_KEYS = ['match', 'match_last', 'reply', 'usage'] as const;
const USAGE_KEYS = ['input', 'output'] as const;

/**
 * Validates a parsed fake-backend file (an empty file is an empty spec). Numbers and booleans in
 * `match` and replies are taken as their text, since YAML reads `reply: 4` as a number.
 */
export function checkFakeSpec(value: unknown, problems: Problem[]): FakeBackendSpec {
  const spec: FakeBackendSpec = {};
  const top = checkRecord(value ?? {}, [], problems);
  if (!top) return spec;
  checkKnownKeys(top, [], TOP_KEYS, problems);
  if (top.latency_ms !== undefined) {
    const latency = checkNumber(top.latency_ms, ['latency_ms'], problems, 0);
    if (latency !== null) spec.latency_ms = latency;
  }
  if (top.model !== undefined) {
    const model = checkString(top.model, ['model'], problems);
    if (model !== null) spec.model = model;
  }
  if (top.default !== undefined) {
    const reply = checkReply(top.default, ['default'], problems);
    if (reply !== null) spec.default = reply;
  }
  if (top.replies !== undefined && top.replies !== null) {
    if (!Array.isArray(top.replies)) {
      problems.push({
        path: ['replies'],
        message: `\`replies\` must be a list of {match, reply} rules, not ${describeValue(top.replies)}`,
        at: 'value',
      });
    } else {
      spec.replies = top.replies.flatMap((item, index) => {
        const rule = checkRule(item, ['replies', index], problems);
        return rule ? [rule] : [];
      });
    }
  }
  return spec;
}

function checkRule(value: unknown, path: KeyPath, problems: Problem[]): FakeRule | null {
  const record = checkRecord(value, path, problems);
  if (!record) return null;
  checkKnownKeys(record, path, RULE_KEYS, problems);
  const matchKey = checkMatchKey(record, path, problems);
  if (record.reply === undefined) reportMissing(path, 'reply', problems);
  const match =
    matchKey === null ? null : checkMatch(record[matchKey], [...path, matchKey], problems);
  const reply =
    record.reply === undefined ? null : checkReply(record.reply, [...path, 'reply'], problems);
  const usage =
    record.usage === undefined ? undefined : checkUsage(record.usage, [...path, 'usage'], problems);
  if (match === null || reply === null || usage === null) return null;
  return { [matchKey!]: match, reply, ...(usage ? { usage } : {}) };
}

/** `{input: N, output: N}`, whole numbers of tokens. */
function checkUsage(value: unknown, path: KeyPath, problems: Problem[]): FakeUsage | null {
  const record = checkRecord(value, path, problems);
  if (!record) return null;
  checkKnownKeys(record, path, USAGE_KEYS, problems);
  const counts = USAGE_KEYS.map((key) => {
    if (record[key] === undefined) {
      reportMissing(path, key, problems);
      return null;
    }
    return checkInteger(record[key], [...path, key], problems, 0);
  });
  const [input, output] = counts;
  return input == null || output == null ? null : { input, output };
}

/** Which of `match` and `match_last` a rule has: exactly one is required. */
function checkMatchKey(
  record: Record<string, unknown>,
  path: KeyPath,
  problems: Problem[],
): 'match' | 'match_last' | null {
  const hasMatch = record.match !== undefined;
  const hasLast = record.match_last !== undefined;
  if (hasMatch && hasLast) {
    problems.push({
      path: [...path, 'match_last'],
      message: `${quoteKey(path)} has both \`match\` and \`match_last\`; a rule takes one of them`,
      at: 'key',
    });
    return null;
  }
  if (!hasMatch && !hasLast) {
    const where = quoteKey(path);
    problems.push({
      path,
      message: `${where} is missing the required key \`match\` (or \`match_last\`)`,
      at: 'key',
    });
    return null;
  }
  return hasMatch ? 'match' : 'match_last';
}

function checkMatch(value: unknown, path: KeyPath, problems: Problem[]): string | null {
  const text = scalarText(value);
  if (text === null || text === '') {
    problems.push({
      path,
      message: `${quoteKey(path)} must be a non-empty string (a substring or "/regex/flags"), not ${describeValue(value)}`,
      at: 'value',
    });
    return null;
  }
  try {
    compileMatch(text);
  } catch (error) {
    problems.push({
      path,
      message: `${quoteKey(path)} is not a valid regular expression: ${(error as Error).message}`,
      at: 'value',
    });
    return null;
  }
  return text;
}

function checkReply(value: unknown, path: KeyPath, problems: Problem[]): FakeReply | null {
  const text = scalarText(value);
  if (text !== null) return text;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      problems.push({ path, message: `${quoteKey(path)} is an empty list`, at: 'value' });
      return null;
    }
    const texts: string[] = [];
    value.forEach((item, index) => {
      const itemText = scalarText(item);
      if (itemText === null) {
        problems.push({
          path: [...path, index],
          message: `${quoteKey([...path, index])} must be a string, not ${describeValue(item)}`,
          at: 'value',
        });
      } else {
        texts.push(itemText);
      }
    });
    return texts.length === value.length ? texts : null;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === 'error') {
      const message = checkString(record.error, [...path, 'error'], problems);
      return message === null ? null : { error: message };
    }
    if (keys.length === 2 && keys.includes('text') && keys.includes('finish_reason')) {
      const text = scalarText(record.text);
      if (text === null) {
        problems.push({
          path: [...path, 'text'],
          message: `${quoteKey([...path, 'text'])} must be a string, not ${describeValue(record.text)}`,
          at: 'value',
        });
      }
      const finishReason = checkString(record.finish_reason, [...path, 'finish_reason'], problems);
      return text === null || finishReason === null ? null : { text, finish_reason: finishReason };
    }
  }
  problems.push({
    path,
    message:
      `${quoteKey(path)} must be a string, a list of strings, {error: "…"} or {text: "…", finish_reason: length}, not ` +
      `${describeValue(value)}; write a JSON reply as a quoted string`,
    at: 'value',
  });
  return null;
}

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
