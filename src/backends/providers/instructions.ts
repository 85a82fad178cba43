import type { BackendCapabilities, CompletionRequest, Message } from '../backend.js';

/**
 * What a provider without native support is told in words: for `select`, to answer with one of
 * the options; for `generate_object`, to answer with JSON matching the schema. The runtime
 * checks the reply either way (matching options after trimming and case folding, validating
 * JSON), so this only makes a good reply likely; it goes at the end of the last user message.
 */
export function instructionFor(
  request: CompletionRequest,
  capabilities: BackendCapabilities,
): string | null {
  if (request.choices && request.choices.length > 0) {
    if (capabilities.choiceConstraint) return null;
    return `Answer with exactly one of the following options and nothing else: ${request.choices.join(' | ')}`;
  }
  if (request.responseSchema !== null && !capabilities.jsonSchema) {
    return `Answer with only a JSON value (no prose, no code fence) that validates against this JSON Schema: ${JSON.stringify(request.responseSchema)}`;
  }
  return null;
}

/** Appends an instruction to the last user message (or adds a user message when there is none). */
export function appendInstruction(messages: readonly Message[], instruction: string): Message[] {
  const copy = messages.map((m) => ({ ...m }));
  for (let i = copy.length - 1; i >= 0; i--) {
    if (copy[i]!.role === 'user') {
      copy[i]!.content = `${copy[i]!.content}\n\n${instruction}`;
      return copy;
    }
  }
  copy.push({ role: 'user', content: instruction });
  return copy;
}
