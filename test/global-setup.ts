import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ (and the language server) once before any suite runs: suites that spawn
 * `bin/ot.js` or load the built prettier plugin need it, and building inside suites would race
 * with suites that are already using dist/. `npm test` builds first and sets OT_TEST_BUILT.
 */
export default function setup(): void {
  if (process.env.OT_TEST_BUILT === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build failed before the tests:\n${result.stdout}${result.stderr}`);
  }
}
