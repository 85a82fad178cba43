// The YAML → JSON step of the grammar build, shared by build.mjs and the tests.
import { parse } from 'yaml';

/** The JSON text of the grammar: a note for contributors first, then the YAML's content. */
export function renderGrammarJson(yamlText) {
  const grammar = parse(yamlText);
  const json = {
    information_for_contributors: [
      'This file is generated from ot.tmLanguage.yaml by grammar/build.mjs: edit the YAML.',
    ],
    ...grammar,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
