/** The JSON text of the grammar generated from its YAML source. */
export function renderGrammarJson(yamlText: string): string;
