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
