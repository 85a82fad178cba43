import type { IToken } from 'chevrotain';
import type { CallExpr, Identifier, MacroParam, TagDelimiter } from './ast.js';
import { blockTags, unsupportedTags } from './tag-table.js';
import { missingAt, report, type BuildContext } from './build-context.js';
import { buildArgs, buildMacroCall, buildRootExpression } from './build-expressions.js';
import type {
  CallTagCstChildren,
  FilterTagCstChildren,
  ForTagCstChildren,
  MacroParamsCstNode,
  MacroTagCstChildren,
  SetTagCstChildren,
  TagCstChildren,
  TagCstNode,
} from './cst.generated.js';
import type { BlockOpening, FlatItem } from './flat-items.js';
import { tokenEnd, tokenSpan } from './token-spans.js';

/**
 * CST → flat items for `{% … %}` tags. A tag becomes an opener, a middle tag, an end tag or a
 * complete node; the tree builder pairs them.
 */

/** The delimiter of a tag whose keyword is not known yet. */
type TagShell = Omit<TagDelimiter, 'name'>;

/** Builds the flat item of one tag. */
export function buildTag(node: TagCstNode, ctx: BuildContext): FlatItem {
  const c = node.children;
  const open = c.TagOpen[0]!;
  const close = c.TagClose?.[0];
  // A closer with an empty image was inserted after an unclosed tag (see closers.ts).
  const closed = close !== undefined && close.image !== '';
  if (!closed) report(ctx, 'OT1002', tokenSpan(open), { what: '`{%`', expected: '`%}`' });
  const shell: TagShell = {
    span: { start: open.startOffset, end: close === undefined ? tokenEnd(open) : tokenEnd(close) },
    trimBefore: open.image.endsWith('-'),
    trimAfter: closed && close.image.startsWith('-'),
  };
  return (
    buildTagBody(c, shell, ctx) ?? {
      kind: 'skipped',
      trimBefore: shell.trimBefore,
      trimAfter: shell.trimAfter,
    }
  );
}

function named(shell: TagShell, keyword: IToken): TagDelimiter {
  return {
    span: shell.span,
    trimBefore: shell.trimBefore,
    trimAfter: shell.trimAfter,
    name: keyword.image,
  };
}

function identifier(token: IToken): Identifier {
  return { type: 'Identifier', name: token.image, span: tokenSpan(token) };
}

function opener(
  tag: TagDelimiter,
  opening: BlockOpening,
  end: string,
): Extract<FlatItem, { kind: 'open' }> {
  return { kind: 'open', opening, end, tag, trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
}

function buildTagBody(c: TagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem | null {
  if (c.ifTag !== undefined) {
    const t = c.ifTag[0]!.children;
    const keyword = t.IfKeyword[0]!;
    const test = buildRootExpression(t.expression?.[0], ctx, tokenEnd(keyword));
    return opener(named(shell, keyword), { type: 'If', test }, blockTags.if!.end);
  }
  if (c.elifTag !== undefined) {
    const t = c.elifTag[0]!.children;
    const keyword = t.ElifKeyword[0]!;
    const test = buildRootExpression(t.expression?.[0], ctx, tokenEnd(keyword));
    return {
      kind: 'middle',
      tag: named(shell, keyword),
      test,
      trimBefore: shell.trimBefore,
      trimAfter: shell.trimAfter,
    };
  }
  if (c.elseTag !== undefined) {
    const tag = named(shell, c.elseTag[0]!.children.ElseKeyword[0]!);
    return {
      kind: 'middle',
      tag,
      test: null,
      trimBefore: shell.trimBefore,
      trimAfter: shell.trimAfter,
    };
  }
  if (c.endTag !== undefined) {
    const tag = named(shell, c.endTag[0]!.children.EndKeyword[0]!);
    return { kind: 'end', tag, trimBefore: shell.trimBefore, trimAfter: shell.trimAfter };
  }
  if (c.forTag !== undefined) return buildFor(c.forTag[0]!.children, shell, ctx);
  if (c.setTag !== undefined) return buildSet(c.setTag[0]!.children, shell, ctx);
  if (c.includeTag !== undefined) {
    const t = c.includeTag[0]!.children;
    const tag = named(shell, t.IncludeKeyword[0]!);
    const template = buildRootExpression(t.expression?.[0], ctx, tokenEnd(t.IncludeKeyword[0]!));
    const ignoreMissing = t.MissingKeyword !== undefined;
    const node = { type: 'Include' as const, template, ignoreMissing, tags: [tag], span: tag.span };
    return { kind: 'node', node, trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
  }
  if (c.macroTag !== undefined) return buildMacro(c.macroTag[0]!.children, shell, ctx);
  if (c.callTag !== undefined) return buildCallTag(c.callTag[0]!.children, shell, ctx);
  if (c.filterTag !== undefined) return buildFilterTag(c.filterTag[0]!.children, shell, ctx);
  if (c.forkTag !== undefined) {
    const tag = named(shell, c.forkTag[0]!.children.ForkKeyword[0]!);
    return opener(tag, { type: 'Fork' }, blockTags.fork!.end);
  }
  if (c.branchTag !== undefined) {
    const tag = named(shell, c.branchTag[0]!.children.BranchKeyword[0]!);
    return opener(tag, { type: 'Branch' }, blockTags.branch!.end);
  }
  if (c.roleTag !== undefined) {
    const t = c.roleTag[0]!.children;
    const keyword = t.RoleKeyword[0]!;
    const role = buildRootExpression(t.expression?.[0], ctx, tokenEnd(keyword));
    return opener(named(shell, keyword), { type: 'Role', role }, blockTags.role!.end);
  }
  if (c.unsupportedTag !== undefined) {
    const keyword = c.unsupportedTag[0]!.children.UnsupportedKeyword[0]!;
    const tag = named(shell, keyword);
    const end = unsupportedTags[keyword.image] ?? null;
    if (end !== null) return opener(tag, { type: 'UnsupportedTag', name: keyword.image }, end);
    const node = {
      type: 'UnsupportedTag' as const,
      name: keyword.image,
      body: [],
      tags: [tag],
      span: tag.span,
    };
    return { kind: 'node', node, trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
  }
  if (c.unknownTag !== undefined) {
    const keyword = c.unknownTag[0]!.children.Name[0]!;
    report(ctx, 'OT1003', tokenSpan(keyword), { name: keyword.image });
    return null;
  }
  // `raw` with arguments, or no tag name at all: the parser has reported what it skipped.
  return null;
}

function buildFor(t: ForTagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem {
  const keyword = t.ForKeyword[0]!;
  const targets = (t.targets ?? []).map(identifier);
  const inKeyword = t.InKeyword?.[0];
  const iterable = buildRootExpression(
    t.expression?.[0],
    ctx,
    tokenEnd(inKeyword ?? t.targets?.at(-1) ?? keyword),
  );
  return opener(named(shell, keyword), { type: 'For', targets, iterable }, blockTags.for!.end);
}

function buildSet(t: SetTagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem {
  const tag = named(shell, t.SetKeyword[0]!);
  const targets = (t.targets ?? []).map(identifier);
  const assign = t.Assign?.[0];
  // `{% set %}` without a name (already reported) opens nothing: whether it was meant as a
  // capture is anyone's guess, and a wrong guess would add errors at the other end.
  if (targets.length === 0 && assign === undefined)
    return { kind: 'skipped', trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
  // `{% set x.y = 1 %}`: the parser stopped at `.` (reported), but the `=` further on says this
  // was meant as an assignment, not as the opening of a capture block.
  const afterTargets = tokenEnd(t.targets?.at(-1) ?? t.SetKeyword[0]!);
  const meantAsAssignment = ctx.text.slice(afterTargets, tag.span.end).includes('=');
  if (assign === undefined && meantAsAssignment) {
    const value = missingAt(afterTargets);
    const node = { type: 'Set' as const, targets, value, tags: [tag], span: tag.span };
    return { kind: 'node', node, trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
  }
  if (assign === undefined) {
    // nunjucks ignores `-%}` on the opening tag of a capture (parseSet skips the block end
    // without looking at it), so the captured text keeps its leading whitespace.
    return { ...opener(tag, { type: 'SetBlock', targets }, blockTags.set!.end), trimAfter: false };
  }
  const value = buildRootExpression(t.expression?.[0], ctx, tokenEnd(assign));
  const node = { type: 'Set' as const, targets, value, tags: [tag], span: tag.span };
  return { kind: 'node', node, trimBefore: tag.trimBefore, trimAfter: tag.trimAfter };
}

function buildMacro(t: MacroTagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem {
  const keyword = t.MacroKeyword[0]!;
  const nameToken = t.name?.[0];
  const name: Identifier =
    nameToken === undefined
      ? { type: 'Identifier', name: '', span: { start: tokenEnd(keyword), end: tokenEnd(keyword) } }
      : identifier(nameToken);
  const params = buildParams(t.macroParams?.[0], ctx);
  return opener(named(shell, keyword), { type: 'Macro', name, params }, blockTags.macro!.end);
}

function buildCallTag(t: CallTagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem {
  const keyword = t.CallKeyword[0]!;
  const callerParams = buildParams(t.macroParams?.[0], ctx);
  const after = tokenEnd(keyword);
  const call: CallExpr = buildMacroCall(t.operand?.[0], ctx, after) ?? {
    type: 'Call',
    callee: missingAt(after),
    args: [],
    kwargs: [],
    span: { start: after, end: after },
  };
  return opener(
    named(shell, keyword),
    { type: 'CallTag', callerParams, call },
    blockTags.call!.end,
  );
}

function buildFilterTag(t: FilterTagCstChildren, shell: TagShell, ctx: BuildContext): FlatItem {
  const keyword = t.FilterKeyword[0]!;
  const parts = t.Identifier ?? [];
  const first = parts[0];
  const last = parts.at(-1);
  const name: Identifier =
    first === undefined || last === undefined
      ? { type: 'Identifier', name: '', span: { start: tokenEnd(keyword), end: tokenEnd(keyword) } }
      : {
          type: 'Identifier',
          name: parts.map((part) => part.image).join('.'),
          span: { start: first.startOffset, end: tokenEnd(last) },
        };
  const argsNode = t.parenArgs?.[0];
  const { args, kwargs } =
    argsNode === undefined ? { args: [], kwargs: [] } : buildArgs(argsNode, ctx);
  const opening: BlockOpening = { type: 'FilterBlock', name, args, kwargs };
  return opener(named(shell, keyword), opening, blockTags.filter!.end);
}

function buildParams(node: MacroParamsCstNode | undefined, ctx: BuildContext): MacroParam[] {
  return (node?.children.macroParam ?? []).flatMap((param) => {
    const p = param.children;
    const nameToken = p.Identifier?.[0];
    if (nameToken === undefined) return [];
    const assign = p.Assign?.[0];
    const defaultValue =
      assign === undefined ? null : buildRootExpression(p.expression?.[0], ctx, tokenEnd(assign));
    const end = defaultValue?.span.end ?? tokenEnd(nameToken);
    return [
      { name: identifier(nameToken), defaultValue, span: { start: nameToken.startOffset, end } },
    ];
  });
}
