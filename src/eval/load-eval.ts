import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../diagnostics/ot-error.js';
import { parseYamlSource, type YamlSource } from '../config/yaml-source.js';
import type { Problem } from '../config/problems.js';
import { createSourceFile, type SourceFile } from '../source/source-file.js';
import { createSpan } from '../source/span.js';
import { checkEvalSpec } from './check-eval-spec.js';
import type { CheckedEval, EvalSpec } from './eval-spec.js';

/** A validated eval file and its text (for code frames). */
export interface LoadedEvalFile {
  checked: CheckedEval;
  source: SourceFile;
}

/**
 * Reads and validates an eval file. An unreadable file is OT2026; YAML syntax errors and every
 * shape problem are OT2024 diagnostics pointing at the key (thrown together as one OtError).
 */
export function loadEvalFile(path: string): LoadedEvalFile {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OtError([
      createDiagnostic('OT2026', absolute, createSpan(0, 0), {
        what: 'eval file',
        path,
        reason:
          code === 'ENOENT'
            ? 'no such file'
            : code === 'EISDIR'
              ? 'it is a directory'
              : String(error),
      }),
    ]);
  }
  const source = createSourceFile(absolute, text);
  let yaml: YamlSource;
  try {
    yaml = parseYamlSource(text, absolute);
  } catch (error) {
    if (!isOtError(error)) throw error;
    throw new OtError(
      error.diagnostics.map((d) => evalDiagnostic(absolute, d.span, String(d.args.reason))),
    );
  }
  const problems: Problem[] = [];
  const checked = checkEvalSpec(
    yaml.value,
    absolute,
    dirname(absolute),
    (keyPath) => yaml.spanOf(keyPath, 'value'),
    problems,
  );
  if (problems.length > 0 || checked === null) {
    throw new OtError(
      problems.map((problem) =>
        evalDiagnostic(absolute, yaml.spanOf(problem.path, problem.at), problem.message),
      ),
    );
  }
  return { checked, source };
}

/**
 * Validates an eval given as data (`evaluate(spec)`); paths resolve against `base` (default the
 * working directory). Problems are OT2024 diagnostics on the stand-in file `<eval>`.
 */
export function checkEvalData(spec: EvalSpec, base: string = process.cwd()): CheckedEval {
  const path = resolve(base, '<eval>');
  const problems: Problem[] = [];
  const checked = checkEvalSpec(spec, path, resolve(base), () => createSpan(0, 0), problems);
  if (problems.length > 0 || checked === null) {
    throw new OtError(
      problems.map((problem) => evalDiagnostic(path, createSpan(0, 0), problem.message)),
    );
  }
  return checked;
}

function evalDiagnostic(path: string, span: Diagnostic['span'], reason: string): Diagnostic {
  return createDiagnostic('OT2024', path, span, { reason });
}
