/** Where a queue lives: the redis server, and the queue's name on it. */
export interface QueueAddress {
  /** For BullMQ (ioredis options). */
  connection: {
    host: string;
    port: number;
    username?: string;
    password?: string;
    tls?: Record<string, never>;
  };
  /** The queue's name: the URL's path, `ot` by default. */
  name: string;
  /** The server as a redis URL without the queue name: the shared cache by default. */
  redisUrl: string;
  /** For messages: the URL without credentials. */
  label: string;
}

/** The default queue name when the URL names none. */
export const DEFAULT_QUEUE_NAME = 'ot';

/**
 * Reads `redis://[USER:PASS@]HOST[:PORT][/NAME]` (or `rediss://` for TLS). NAME is the queue's
 * name, not a database number: every process talking about one queue shares database 0, so the
 * cache they share by default is the same one `ot run --cache redis://HOST:PORT` uses.
 */
export function parseQueueUrl(text: string): QueueAddress | { error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `--queue expects redis://HOST:PORT[/NAME], got ${JSON.stringify(text)}` };
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return { error: `--queue expects redis://HOST:PORT[/NAME], got ${JSON.stringify(text)}` };
  }
  const path = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (path.includes('/') || path.includes(':')) {
    return { error: `--queue: the queue name ${JSON.stringify(path)} may not contain / or :` };
  }
  const name = path === '' ? DEFAULT_QUEUE_NAME : path;
  const port = url.port === '' ? 6379 : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const auth = url.username || url.password ? `${url.username}:${url.password}@` : '';
  const server = `${url.protocol}//${url.host}`;
  return {
    connection: {
      host,
      port,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
    name,
    redisUrl: `${url.protocol}//${auth}${url.host}`,
    label: `${server}/${name}`,
  };
}
