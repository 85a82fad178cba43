import { existsSync } from 'node:fs';

/** Where the browser tests look for Chromium: OT_CHROMIUM first, then Debian's and others'. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium executable, or undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env['OT_CHROMIUM'] ? [env['OT_CHROMIUM']] : CHROMIUM_CANDIDATES;
  return candidates.find((path) => existsSync(path));
}

/**
 * The Chromium for a browser suite. Without one, the suite is skipped with one visible line on
 * stderr — except under CI, where a missing browser must fail rather than pass silently
 * (CI installs it: apt-get install chromium).
 */
export function requireChromium(
  suite: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const path = findChromium(env);
  if (path !== undefined) return path;
  const where = env['OT_CHROMIUM'] ? `OT_CHROMIUM=${env['OT_CHROMIUM']}` : CHROMIUM_CANDIDATES[0];
  if (env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0') {
    throw new Error(`${suite}: Chromium not found (${where}); CI must install it`);
  }
  console.warn(`skipping ${suite}: Chromium not found (${where}); install it to run these tests`);
  return undefined;
}

/** The flags the browser tests launch Chromium with: headless, sandbox-free, no network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
