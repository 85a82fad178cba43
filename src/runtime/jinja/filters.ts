import { makeKeywordArgs } from './call.js';
import { errorReason, isJinjaError, JinjaError } from './jinja-error.js';
import { isForbiddenProperty } from './member.js';
import { filterTable, nunjucksContext } from './nunjucks-env.js';
import { notText, TemplateImage } from './template-image.js';

/** True when `name` is a built-in nunjucks filter (aliases `d` and `e` included). */
export function hasFilter(name: string): boolean {
  return filterTable[name] !== undefined;
}

/** The names of every built-in filter, sorted (for completion and "did you mean"). */
export function filterNames(): string[] {
  return Object.keys(filterTable).sort();
}

/**
 * `target | name(args, kwargs)`, and `{% filter name(args) %}…{% endfilter %}` with the
 * captured text as target (nunjucks compiles both to the same call). It runs nunjucks' own
 * filter with nunjucks' calling convention: `this` is the render context, keyword arguments
 * are one extra last argument (so `truncate(5, end="!")` passes the record as `killwords`,
 * exactly as nunjucks does; only `sort` and `int` decode keywords). An unknown filter is
 * OT2006; an error inside the filter is OT4009.
 */
export function applyFilter(
  name: string,
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
): unknown {
  const filter = filterTable[name];
  if (filter === undefined) throw new JinjaError('OT2006', { name });
  checkAttributeArgument(name, args, kwargs);
  // Filters work on text and data; an image would reach them only to be mangled or dropped.
  if (target instanceof TemplateImage) throw notText(target.source, `with the filter \`${name}\``);
  try {
    if (kwargs === null) {
      // The common cases without building an argument array.
      if (args.length === 0) return filter.call(nunjucksContext, target);
      if (args.length === 1) return filter.call(nunjucksContext, target, args[0]);
      return filter.call(nunjucksContext, target, ...args);
    }
    return filter.call(nunjucksContext, target, ...args, makeKeywordArgs(kwargs));
  } catch (error) {
    if (isJinjaError(error)) throw error;
    throw new JinjaError('OT4009', { name, reason: errorReason(error) }, { cause: error });
  }
}

/**
 * The filters that read `item[attribute]` with a plain JavaScript lookup (nunjucks' attribute
 * getters split the name on dots, so each segment counts), and the position of that argument.
 * They must not reach `constructor` & co. either (LANGUAGE.md §3).
 */
function checkAttributeArgument(
  name: string,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
): void {
  let attribute: unknown;
  switch (name) {
    case 'join':
      attribute = args[1];
      break;
    case 'sum':
    case 'selectattr':
    case 'rejectattr':
    case 'groupby':
      attribute = args[0];
      break;
    case 'sort':
      attribute = kwargs?.attribute ?? args[2];
      break;
    default:
      return;
  }
  if (typeof attribute !== 'string') return;
  for (const segment of attribute.split('.')) {
    if (isForbiddenProperty(segment)) throw new JinjaError('OT4001', { name: segment });
  }
}
