import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixtures directory of a phase, e.g. `test/fixtures/ir`. */
export function fixturesDir(phase: string): string {
  return fileURLToPath(new URL(`../fixtures/${phase}/`, import.meta.url));
}

/** The case directories of a phase, sorted. */
export function fixtureCases(phase: string): string[] {
  const dir = fixturesDir(phase);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort();
}

/** Reads files relative to a case directory, as `loadProgram` asks for them. */
export function caseReader(caseDir: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(path.join(caseDir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}
