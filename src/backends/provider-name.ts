/** The providers a config backend may name (`provider:`). */
export const providerNames = [
  'openai-compatible',
  'openai',
  'anthropic',
  'google',
  'fake',
] as const;

/** One of `providerNames`. */
export type ProviderName = (typeof providerNames)[number];

/** A provider reached over HTTP: every one but `fake`. */
export type RemoteProviderName = Exclude<ProviderName, 'fake'>;

/** True when `value` names a provider. */
export function isProviderName(value: string): value is ProviderName {
  return (providerNames as readonly string[]).includes(value);
}
