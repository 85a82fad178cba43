import type { Problem } from '../../config/problems.js';
import {
  loadYamlSource,
  parseYamlSource,
  throwIfProblems,
  type YamlSource,
} from '../../config/yaml-source.js';
import { checkFakeSpec } from './check-fake-spec.js';
import type { FakeBackendSpec } from './fake-spec.js';

/**
 * Reads a fake-backend file (YAML or JSON). A missing file, a YAML error or a malformed rule is
 * an OtError whose OT4005 diagnostics name the file and point at the offending key.
 */
export function loadFakeSpec(path: string): FakeBackendSpec {
  return checkSource(loadYamlSource(path, 'fake-backend file'));
}

/** Parses fake-backend text; `path` names the file in diagnostics. */
export function parseFakeSpec(text: string, path: string): FakeBackendSpec {
  return checkSource(parseYamlSource(text, path));
}

function checkSource(source: YamlSource): FakeBackendSpec {
  const problems: Problem[] = [];
  const spec = checkFakeSpec(source.value, problems);
  throwIfProblems(source, problems);
  return spec;
}
