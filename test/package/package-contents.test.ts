import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDist, repoRoot } from '../cli/run-ot.js';

interface PackedFile {
  path: string;
}

/** The files `npm pack` would put in the tarball (dist/ is built by the global setup). */
function packedFiles(): string[] {
  buildDist();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const json = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(json) as Array<{ files: PackedFile[] }>)[0]!.files.map((file) => file.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('ships the Apache-2.0 LICENSE that package.json names', () => {
    expect(files).toContain('LICENSE');
    const license = readFileSync(`${repoRoot}/LICENSE`, 'utf8');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as {
      license: string;
    };
    expect(manifest.license).toBe('Apache-2.0');
  });

  it('ships no source map without the sources it points at', () => {
    const shipped = new Set(files);
    const dangling = files
      .filter((file) => file.endsWith('.map'))
      .flatMap((map) => {
        const { sources } = JSON.parse(readFileSync(`${repoRoot}/${map}`, 'utf8')) as {
          sources: string[];
        };
        const dir = map.slice(0, map.lastIndexOf('/') + 1);
        return sources
          .map((source) => new URL(source, `file:///${dir}`).pathname.slice(1))
          .filter((source) => !shipped.has(source))
          .map((source) => `${map} → ${source}`);
      });
    expect(dangling).toEqual([]);
  });

  it('ships the compiled code and the launcher', () => {
    expect(files).toContain('bin/ot.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/index.d.ts');
  });
});

describe('dependencies', () => {
  it('lists only packages that the code imports', () => {
    const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const code = execFileSync('git', ['grep', '-h', '-I', '-e', "from '", '-e', "import('"], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).split('\n');
    const unused = Object.keys(manifest.dependencies).filter(
      (name) =>
        !code.some(
          (line) =>
            line.includes(`'${name}'`) || line.includes(`'${name}/`) || line.includes(`"${name}"`),
        ),
    );
    expect(unused).toEqual([]);
  });
});
