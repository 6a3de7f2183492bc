import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly conversationId: string;
  readonly activity: Record<string, unknown>;
}

/**
 * A local stand-in for the Bot Connector service: accepts the bot's replies on loopback and
 * records them. (Real Teams is not reachable from here.)
 */
export async function startFakeConnector() {
  const received: ReceivedActivity[] = [];
  const waiters: (() => void)[] = [];
  let nextId = 1;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const match = req.url?.match(/^\/v3\/conversations\/([^/]+)\/activities/);
      if (req.method === 'POST' || req.method === 'PUT') {
        if (match) {
          received.push({ conversationId: decodeURIComponent(match[1]!), activity: JSON.parse(body || '{}') as Record<string, unknown> });
          waiters.splice(0).forEach((wake) => wake());
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `activity-${nextId++}` }));
        return;
      }
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    /** Resolves once at least `count` activities have arrived. */
    async waitFor(count: number, timeoutMs = 5000): Promise<ReceivedActivity[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
