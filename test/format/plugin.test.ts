import { getFileInfo, getSupportInfo } from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin, * as named from '../../src/format/index.js';

describe('the prettier plugin module', () => {
  it('exports the plugin as default and its parts by name', () => {
    expect(plugin.languages).toBe(named.languages);
    expect(plugin.parsers).toBe(named.parsers);
    expect(plugin.printers).toBe(named.printers);
    expect(Object.keys(named.parsers)).toEqual(['ot']);
    expect(Object.keys(named.printers)).toEqual(['ot-ast']);
    expect(named.parsers.ot.astFormat).toBe('ot-ast');
  });

  it('declares the ot language for .ot files and VS Code', async () => {
    const info = await getSupportInfo({ plugins: [plugin] });
    const ot = info.languages.find((language) => language.name === 'ot');
    expect(ot).toMatchObject({ parsers: ['ot'], extensions: ['.ot'], vscodeLanguageIds: ['ot'] });
    expect((await getFileInfo('flows/a.ot', { plugins: [plugin] })).inferredParser).toBe('ot');
  });
});
