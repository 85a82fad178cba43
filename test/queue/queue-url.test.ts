import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../../src/queue/queue-url.js';

describe('parseQueueUrl', () => {
  it('reads host, port and queue name; the name defaults to ot', () => {
    expect(parseQueueUrl('redis://10.0.0.5:6380/batch')).toEqual({
      connection: { host: '10.0.0.5', port: 6380 },
      name: 'batch',
      redisUrl: 'redis://10.0.0.5:6380',
      label: 'redis://10.0.0.5:6380/batch',
    });
    const plain = parseQueueUrl('redis://cache.example');
    expect(plain).toMatchObject({ name: 'ot', connection: { host: 'cache.example', port: 6379 } });
  });

  it('keeps credentials for the connection and the cache, not for messages', () => {
    const address = parseQueueUrl('rediss://user:s%40cret@cache.example:7000/q');
    expect(address).toMatchObject({
      connection: { username: 'user', password: 's@cret', tls: {} },
      redisUrl: 'rediss://user:s%40cret@cache.example:7000',
      label: 'rediss://cache.example:7000/q',
    });
  });

  it('refuses what is not a redis URL, and names with / or :', () => {
    expect(parseQueueUrl('http://cache.example')).toHaveProperty('error');
    expect(parseQueueUrl('not a url')).toHaveProperty('error');
    expect(parseQueueUrl('redis://h:1/a/b')).toHaveProperty('error');
  });
});
