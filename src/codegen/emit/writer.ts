/** Accumulates generated code line by line with two-space indentation. */
export class CodeWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** Appends one line (or several, each indented) at the current depth. */
  line(text = ''): void {
    for (const part of text.split('\n')) this.lines.push(part === '' ? '' : `${'  '.repeat(this.depth)}${part}`);
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

  /** The code so far. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
