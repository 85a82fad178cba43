import { otPlugin } from './plugin.js';

/**
 * The prettier plugin for `.ot` files (`ot-lang/prettier`): `prettier --plugin ot-lang/prettier
 * --check "**\/*.ot"`, or `{"plugins": ["ot-lang/prettier"]}` in `.prettierrc`. It formats the
 * inside of tags and never the text the template renders. Prettier reads the default export;
 * the named exports are the same parts, plus the functions `ot fmt` and the language server use.
 */
export default otPlugin;

export { languages } from './language.js';
export { defaultOptions, otPlugin, parsers, printers } from './plugin.js';
export { formatSource, type FormatSourceOptions } from './format-source.js';
export { formatFile, type FormatFileResult } from './format-file.js';
export { sameTemplate, templateShape } from './template-shape.js';
export { OtFormatSyntaxError } from './syntax-error.js';
