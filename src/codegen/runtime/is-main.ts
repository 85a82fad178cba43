import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** True when the module at `moduleUrl` is the script Node was started with (`node flow.mjs`). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return (
      pathToFileURL(realpathSync(script)).href === moduleUrl ||
      pathToFileURL(script).href === moduleUrl
    );
  } catch {
    return false;
  }
}
