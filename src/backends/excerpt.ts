/** Quotes text for an error message: JSON-escaped, cut to `max` characters with its length noted. */
export function excerpt(text: string, max = 120): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}

/** Cuts text (such as a response body) to `max` characters without quoting it. */
export function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
