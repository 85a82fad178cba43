import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** A program some suites need that npm does not install (redis-server, chromium, …). */
export interface ExternalProgram {
  /** The executable's name on PATH. */
  name: string;
  /** How to install it, shown when it is missing (e.g. `apt-get install redis-server`). */
  install: string;
  /** A variable that, when set, names the executable instead of PATH (to test this rule). */
  overrideEnv: string;
  /** What the suites that are skipped without it are about, for the skip line. */
  suites: string;
}

const warned = new Set<string>();

/**
 * The rule for suites that need an external program: its path when it is there; when it is
 * not, the suites are skipped with one visible line saying why and how to get it (returns
 * undefined), except under CI (`CI` set), where a missing program is a failure (throws).
 */
export function requireExternalProgram(
  program: ExternalProgram,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const found = findExecutable(program.name, env[program.overrideEnv], env['PATH'] ?? '');
  if (found !== undefined) return found;
  const where =
    env[program.overrideEnv] !== undefined
      ? `${program.overrideEnv}=${env[program.overrideEnv]} is not an executable`
      : `${program.name} not on PATH`;
  if (isCi(env)) {
    throw new Error(
      `${program.suites} need ${program.name} under CI, but ${where} (${program.install})`,
    );
  }
  if (!warned.has(program.name)) {
    warned.add(program.name);
    console.warn(`skipping ${program.suites}: ${where} (${program.install})`);
  }
  return undefined;
}

/** CI systems set `CI` (to `true`, `1`, …); an empty value or `false` means not CI. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value.toLowerCase() !== 'false' && value !== '0';
}

function findExecutable(name: string, override: string | undefined, searchPath: string) {
  const candidates =
    override !== undefined
      ? [override]
      : searchPath
          .split(path.delimiter)
          .filter((dir) => dir !== '')
          .map((dir) => path.join(dir, name));
  return candidates.find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
