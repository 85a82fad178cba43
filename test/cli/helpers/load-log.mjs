// `node --import ./load-log.mjs …` with OT_LOAD_LOG=FILE: appends the URL of every module that
// goes through the ES module loader to FILE, one a line (test/cli/start-up.test.ts). The hook runs
// on the loader's thread and writes before each module loads, so nothing is lost at exit.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  appendFileSync(log, url + '\\n');
  return next(url, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  data: { log: process.env.OT_LOAD_LOG },
});

// With OT_REQUIRE_LOG=FILE too: appends every id passed to a CommonJS `require` (including one
// made by createRequire), which the ES loader above does not see.
if (process.env.OT_REQUIRE_LOG) {
  const { appendFileSync } = await import('node:fs');
  const { default: Module } = await import('node:module');
  const requireLog = process.env.OT_REQUIRE_LOG;
  const original = Module.prototype.require;
  Module.prototype.require = function logged(id) {
    appendFileSync(requireLog, `${id}\n`);
    return original.call(this, id);
  };
}
