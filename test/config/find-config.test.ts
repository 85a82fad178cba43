import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/find-config.js';

function tree(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'ot-find-')));
  mkdirSync(join(root, 'project', 'flows', 'deep'), { recursive: true });
  return root;
}

describe('findConfig', () => {
  it('finds the config in the start directory', () => {
    const root = tree();
    writeFileSync(join(root, 'project', 'flows', 'ot.config.yaml'), '');
    expect(findConfig(join(root, 'project', 'flows'))).toBe(
      join(root, 'project', 'flows', 'ot.config.yaml'),
    );
  });

  it('walks upward to the nearest one', () => {
    const root = tree();
    writeFileSync(join(root, 'ot.config.yaml'), '');
    writeFileSync(join(root, 'project', 'ot.config.yaml'), '');
    expect(findConfig(join(root, 'project', 'flows', 'deep'))).toBe(
      join(root, 'project', 'ot.config.yaml'),
    );
  });

  it('accepts a relative start directory', () => {
    const root = tree();
    writeFileSync(join(root, 'project', 'ot.config.yaml'), '');
    const cwd = process.cwd();
    process.chdir(join(root, 'project', 'flows'));
    try {
      expect(findConfig('deep')).toBe(join(root, 'project', 'ot.config.yaml'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('ignores a directory of that name and returns null when there is none', () => {
    const root = tree();
    mkdirSync(join(root, 'project', 'flows', 'ot.config.yaml'));
    // The temporary directory's ancestors hold no config on a sane machine; check rather than assume.
    const above = findConfig(root);
    expect(findConfig(join(root, 'project', 'flows', 'deep'))).toBe(above);
    if (above === null) expect(findConfig(join(root, 'project'))).toBeNull();
  });
});
