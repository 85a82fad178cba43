import { format, type Options, type Plugin } from 'prettier';
import { otPlugin } from './plugin.js';

/** Prettier options for formatting `.ot` text (`parser` is ignored: it is always `ot`). */
export type FormatSourceOptions = Options;

/** What a prettier config may call this plugin. */
const ownNames = new Set(['ot-lang/prettier', 'ot-lang/dist/format/index.js']);

/**
 * Formats `.ot` text through prettier with this plugin. `rangeStart`/`rangeEnd` reformat only
 * the tags in that range. Throws OtFormatSyntaxError (with every diagnostic) for a file with
 * syntax errors.
 */
export async function formatSource(
  text: string,
  options: FormatSourceOptions = {},
): Promise<string> {
  // Prettier turns a blank file into an empty one, but blank template text renders: keep it.
  if (text.trim() === '') return text;
  return format(text, {
    ...options,
    parser: 'ot',
    plugins: [otPlugin, ...otherPlugins(options.plugins)],
  });
}

/** The config's other plugins; this one is passed as an object, so it needs no resolving. */
function otherPlugins(plugins: Options['plugins']): (string | URL | Plugin)[] {
  return (plugins ?? []).filter((plugin) => !(typeof plugin === 'string' && ownNames.has(plugin)));
}
