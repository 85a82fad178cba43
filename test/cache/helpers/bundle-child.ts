import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles a TypeScript child-process script into plain JavaScript that `node` runs as is
 * (Node 20 cannot run TypeScript). npm packages stay imports: the bundle is written under
 * node_modules/.cache so they resolve from the repository's node_modules.
 */
export async function bundleChildScript(entry: string): Promise<string> {
  const name = path.basename(entry, '.ts');
  const outfile = path.join(
    repoRoot,
    'node_modules',
    '.cache',
    'ot-cache-tests',
    `${name}-${process.pid}.mjs`,
  );
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}
