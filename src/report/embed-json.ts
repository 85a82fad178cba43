/**
 * JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` are written as
 * \u escapes, so no string in the data can close the element (`</script>`), open a comment
 * (`<!--`) that changes how the parser finds its end, or form an entity. U+2028/2029 are escaped
 * too, for old parsers that treat them as line ends. JSON.parse restores every character.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
