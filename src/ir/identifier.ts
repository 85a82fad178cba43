/** True for a name a template can use as a variable (what nunjucks' lexer reads as a name). */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
