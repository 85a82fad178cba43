import { readFileSync } from 'node:fs';

/** A fenced code block of a Markdown file. */
export interface Fence {
  /** The first word of the info string (`sh`, `yaml`, …), or ''. */
  lang: string;
  /** The `key=value` words of the info string (`file=replies.yaml`, `exit=1`). */
  attrs: Record<string, string>;
  /** The lines between the fences. */
  lines: string[];
  /** The 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced (```) code block of a Markdown text, in order. */
export function fencesOf(text: string): Fence[] {
  const fences: Fence[] = [];
  let open: Fence | undefined;
  text.split('\n').forEach((raw, index) => {
    const match = /^```(.*)$/.exec(raw);
    if (open === undefined && match) {
      const [lang = '', ...words] = (match[1] ?? '').trim().split(/\s+/);
      const attrs = Object.fromEntries(
        words
          .filter((w) => w.includes('='))
          .map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]),
      );
      open = { lang, attrs, lines: [], line: index + 1 };
    } else if (open !== undefined && raw.startsWith('```')) {
      fences.push(open);
      open = undefined;
    } else if (open !== undefined) {
      open.lines.push(raw);
    }
  });
  return fences;
}

/** The text outside fenced blocks, with inline code spans blanked (links there are not links). */
export function proseOf(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '``');
}

/**
 * The anchors GitHub gives a file's headings: lower case, punctuation other than `-` and `_`
 * dropped, spaces to `-`, `-1`, `-2`… for repeats.
 */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of text.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = (heading[1] ?? '')
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Reads a file as UTF-8. */
export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
