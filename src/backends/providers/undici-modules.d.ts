/**
 * Types for undici's Agent module, which the direct request path imports alone (http-post.ts):
 * undici's own types describe only the package's index.
 */
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici';

  const AgentClass: typeof Agent;
  export default AgentClass;
}
