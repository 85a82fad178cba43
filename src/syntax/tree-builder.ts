import { assertNever } from '../assert-never.js';
import type { Span } from '../source/span.js';
import type { Expr, IfBranch, Node, TagDelimiter } from './ast.js';
import { report, type BuildContext } from './build-context.js';
import type { BlockOpening, FlatItem } from './flat-items.js';

/**
 * Pairs block tags with their middle and end tags, turning the flat sequence into the tree.
 * A stack instead of recursion: 20,000 nested `{% if %}` cost nothing but memory, and blocks
 * nested deeper than `maxDepth` are flattened into their parent (reported once as OT1011) so
 * that later phases, which do recurse, are safe too.
 *
 * Recovery: an end tag that closes no open block is reported and ignored; one that closes an
 * outer block closes the blocks opened inside it too (the innermost is reported as mismatched,
 * the others as unterminated); blocks still open at the end of the file are reported as
 * unterminated and end where their content ends.
 */

interface Section {
  tag: TagDelimiter;
  test: Expr | null;
  isElse: boolean;
  body: Node[];
}

interface Frame {
  opening: BlockOpening;
  end: string;
  tags: TagDelimiter[];
  sections: Section[];
  /** Past the depth limit: the content goes to the parent, the block itself is dropped. */
  flattened: boolean;
}

/** Builds the template body from the flat items (whitespace control already applied). */
export function buildTree(items: FlatItem[], ctx: BuildContext, maxDepth: number): Node[] {
  const root: Node[] = [];
  const stack: Frame[] = [];
  let depth = 0;
  let reportedTooDeep = false;
  const currentBody = (): Node[] => stack.at(-1)?.sections.at(-1)?.body ?? root;

  const close = (frame: Frame, closeTag: TagDelimiter | null): void => {
    stack.pop();
    if (frame.flattened) return;
    depth--;
    currentBody().push(finishBlock(frame, closeTag));
  };

  for (const item of items) {
    switch (item.kind) {
      case 'text':
      case 'node':
        currentBody().push(item.node);
        break;
      case 'skipped':
        break;
      case 'open': {
        const flattened = depth >= maxDepth;
        if (flattened && !reportedTooDeep) {
          report(ctx, 'OT1011', item.tag.span, { limit: maxDepth });
          reportedTooDeep = true;
        }
        if (!flattened) depth++;
        // A flattened block shares its parent's body, so its content stays in the tree.
        const body = flattened ? currentBody() : [];
        stack.push({
          opening: item.opening,
          end: item.end,
          tags: [item.tag],
          sections: [{ tag: item.tag, test: openingTest(item.opening), isElse: false, body }],
          flattened,
        });
        break;
      }
      case 'middle': {
        const frame = stack.at(-1);
        const name = item.tag.name;
        const isElse = name === 'else';
        const fits =
          frame !== undefined &&
          (frame.opening.type === 'If' || (frame.opening.type === 'For' && isElse));
        if (!fits) {
          report(ctx, 'OT1012', item.tag.span, {
            tag: name,
            where: isElse ? 'an `if` or `for` block' : 'an `if` block',
          });
          break;
        }
        if (frame.sections.at(-1)!.isElse) {
          report(ctx, 'OT1001', item.tag.span, {
            found: `\`{% ${name} %}\` after \`{% else %}\``,
            expected: `\`{% ${frame.end} %}\``,
          });
          break;
        }
        frame.tags.push(item.tag);
        const body = frame.flattened ? frame.sections[0]!.body : [];
        frame.sections.push({ tag: item.tag, test: item.test, isElse, body });
        break;
      }
      case 'end': {
        const name = item.tag.name;
        let match = stack.length - 1;
        while (match >= 0 && stack[match]!.end !== name) match--;
        if (match < 0) {
          report(ctx, 'OT1004', item.tag.span, { found: name });
          break;
        }
        const top = stack.length - 1;
        for (let i = top; i > match; i--) {
          const inner = stack[i]!;
          if (i === top) {
            report(ctx, 'OT1005', item.tag.span, {
              tag: inner.tags[0]!.name,
              found: name,
              expected: `\`{% ${inner.end} %}\``,
            });
          } else reportUnterminated(ctx, inner);
          close(inner, null);
        }
        close(stack[match]!, item.tag);
        break;
      }
      default:
        assertNever(item);
    }
  }
  for (const frame of stack) reportUnterminated(ctx, frame);
  while (stack.length > 0) close(stack.at(-1)!, null);
  return root;
}

function reportUnterminated(ctx: BuildContext, frame: Frame): void {
  report(ctx, 'OT1010', frame.tags[0]!.span, { tag: frame.tags[0]!.name, expected: frame.end });
}

function openingTest(opening: BlockOpening): Expr | null {
  return opening.type === 'If' ? opening.test : null;
}

function lastEnd(frame: Frame): number {
  let end = frame.tags.at(-1)!.span.end;
  for (const section of frame.sections) {
    const last = section.body.at(-1);
    if (last !== undefined && last.span.end > end) end = last.span.end;
  }
  return end;
}

/** The node of a complete (or abandoned) block. */
function finishBlock(frame: Frame, closeTag: TagDelimiter | null): Node {
  const tags = closeTag === null ? frame.tags : [...frame.tags, closeTag];
  const span: Span = {
    start: frame.tags[0]!.span.start,
    end: closeTag?.span.end ?? lastEnd(frame),
  };
  const [first] = frame.sections;
  const body = first!.body;
  const elseSection = frame.sections.find((section) => section.isElse);
  const opening = frame.opening;
  switch (opening.type) {
    case 'If': {
      const branches: IfBranch[] = [];
      frame.sections.forEach((section, i) => {
        if (section.isElse) return;
        const next = frame.sections[i + 1]?.tag.span.start ?? closeTag?.span.start ?? span.end;
        branches.push({
          test: section.test!,
          body: section.body,
          span: { start: section.tag.span.start, end: next },
        });
      });
      return { type: 'If', branches, otherwise: elseSection?.body ?? null, tags, span };
    }
    case 'For':
      return {
        type: 'For',
        targets: opening.targets,
        iterable: opening.iterable,
        body,
        otherwise: elseSection?.body ?? null,
        tags,
        span,
      };
    case 'SetBlock':
      return { type: 'SetBlock', targets: opening.targets, body, tags, span };
    case 'Macro':
      return { type: 'Macro', name: opening.name, params: opening.params, body, tags, span };
    case 'CallTag':
      return {
        type: 'CallTag',
        callerParams: opening.callerParams,
        call: opening.call,
        body,
        tags,
        span,
      };
    case 'FilterBlock':
      return {
        type: 'FilterBlock',
        name: opening.name,
        args: opening.args,
        kwargs: opening.kwargs,
        body,
        tags,
        span,
      };
    case 'Fork':
      return { type: 'Fork', body, tags, span };
    case 'Branch':
      return { type: 'Branch', body, tags, span };
    case 'Role':
      return { type: 'Role', role: opening.role, body, tags, span };
    case 'UnsupportedTag':
      return { type: 'UnsupportedTag', name: opening.name, body, tags, span };
    default:
      return assertNever(opening);
  }
}
