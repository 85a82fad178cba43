#!/usr/bin/env node
// Writes grammar/ot.tmLanguage.json from grammar/ot.tmLanguage.yaml, the grammar's source.
// The JSON is committed (editors and the VS Code extension read it as is); test/grammar fails
// while it is stale. `node grammar/build.mjs --check` only reports whether it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderGrammarJson } from './render.mjs';

const source = fileURLToPath(new URL('./ot.tmLanguage.yaml', import.meta.url));
const target = fileURLToPath(new URL('./ot.tmLanguage.json', import.meta.url));
const rendered = renderGrammarJson(readFileSync(source, 'utf8'));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current !== rendered) {
    console.error(`${target} is stale: run \`node grammar/build.mjs\``);
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, rendered);
  console.log(`wrote ${target}`);
}
