import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import {
  loadProgram,
  plan,
  printPlanMermaid,
  printPlanText,
  type LoadedProgram,
  type Plan,
} from 'ot-lang/tools';
import { assertNever } from '../assert-never.js';
import type { ProgramJob, ProgramReply } from './protocol.js';

/** The last program loaded per root path, reused while neither its text nor open files change. */
const cache = new Map<string, { key: string; loaded: LoadedProgram; plan: Plan | null }>();

function programOf(job: ProgramJob) {
  const key = `${job.generation}\0${job.text}\0${JSON.stringify(job.files)}`;
  const cached = cache.get(job.path);
  if (cached && cached.key === key) return cached;
  const loaded = loadProgram(job.path, {
    source: job.text,
    readFile: (path) => {
      if (Object.hasOwn(job.files, path)) return job.files[path];
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const entry = { key, loaded, plan: null as Plan | null };
  cache.set(job.path, entry);
  return entry;
}

function run(job: ProgramJob): ProgramReply {
  const program = programOf(job);
  const planned = () => (program.plan ??= plan(program.loaded.program));
  switch (job.operation) {
    case 'check': {
      const template = program.loaded.program.templates[program.loaded.program.entry];
      return {
        id: job.id,
        ok: true,
        operation: 'check',
        result: {
          diagnostics: program.loaded.diagnostics,
          files: Object.keys(program.loaded.sources),
          description: template?.meta.description ?? null,
          inputs: template?.meta.inputs ?? {},
        },
      };
    }
    case 'plan':
      return { id: job.id, ok: true, operation: 'plan', result: planned() };
    case 'printText':
      return {
        id: job.id,
        ok: true,
        operation: 'printText',
        result: printPlanText(planned(), program.loaded.sources),
      };
    case 'printMermaid':
      return {
        id: job.id,
        ok: true,
        operation: 'printMermaid',
        result: printPlanMermaid(planned(), program.loaded.sources),
      };
    default:
      return assertNever(job.operation);
  }
}

parentPort?.on('message', (job: ProgramJob) => {
  let reply: ProgramReply;
  try {
    reply = run(job);
  } catch (error) {
    reply = {
      id: job.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  parentPort?.postMessage(reply);
});
