/** Accumulates generated code line by line with two-space indentation. */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** Appends one line (or several, each indented) at the current depth. */
  line(text = ''): void {
    for (const part of text.split('\n'))
      this.lines.push(part === '' ? '' : `${'  '.repeat(this.depth)}${part}`);
  }

  /** Writes `open`, the lines `inside` writes one level deeper, then `close`. */
  block(open: string, inside: () => void, close = '}'): void {
    this.line(open);
    this.depth++;
    inside();
    this.depth--;
    this.line(close);
  }

  /** Writes the lines `inside` writes one level deeper. */
  indented(inside: () => void): void {
    this.depth++;
    inside();
    this.depth--;
  }

  /** How many lines have been written (a position for `replaceLine`). */
  get length(): number {
    return this.lines.length;
  }

  /** Replaces the text of line `index` (written at its own indentation). */
  replaceLine(index: number, text: string): void {
    const indentation = /^ */.exec(this.lines[index]!)![0];
    this.lines[index] = `${indentation}${text}`;
  }

  /** The code so far. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
