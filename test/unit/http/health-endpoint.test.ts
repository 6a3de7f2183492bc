import type { AddressInfo } from 'node:net';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { StorageHealth } from '../../../src/domain/ports';
import { cachedHealth } from '../../../src/http/cached-health';
import { createHttpServer } from '../../../src/http/create-server';
import { silentLogger } from '../../../src/logger';

/** A storage health check that counts how often it is asked and answers when the test says. */
function countingHealth(reachable = true) {
  const calls = { count: 0 };
  const pending: Array<() => void> = [];
  const health: StorageHealth = {
    check() {
      calls.count += 1;
      return new Promise((resolve) => pending.push(() => resolve({ reachable, latencyMs: 1 })));
    },
  };
  return { health, calls, answerAll: () => pending.splice(0).forEach((answer) => answer()) };
}

describe('the storage check behind /healthz', () => {
  it('answers a burst of probes with one storage call, shared by the probes that arrive while it runs', async () => {
    const { health, calls, answerAll } = countingHealth();
    const cached = cachedHealth(health, 10_000, () => 0);
    const burst = Array.from({ length: 50 }, () => cached.check());
    answerAll();
    const results = await Promise.all(burst);
    expect(calls.count).toBe(1);
    expect(results.every((result) => result.reachable)).toBe(true);
  });

  it('reuses the answer for the cache period and asks storage again after it', async () => {
    let now = 0;
    const { health, calls, answerAll } = countingHealth();
    const cached = cachedHealth(health, 10_000, () => now);
    const first = cached.check();
    answerAll();
    await first;
    now = 9_999;
    await cached.check();
    expect(calls.count).toBe(1);
    now = 10_000;
    const again = cached.check();
    answerAll();
    await again;
    expect(calls.count).toBe(2);
  });

  it('with a period of 0 asks storage every time', async () => {
    const { health, calls, answerAll } = countingHealth();
    const cached = cachedHealth(health, 0, () => 0);
    for (let i = 0; i < 3; i++) {
      const check = cached.check();
      answerAll();
      await check;
    }
    expect(calls.count).toBe(3);
  });
});

describe('GET /healthz from anyone on the internet', () => {
  const calls = { count: 0 };
  const health: StorageHealth = {
    async check() {
      calls.count += 1;
      return { reachable: true, latencyMs: 1 };
    },
  };
  // The route never reaches the adapter or the app: stand-ins are enough.
  const server = createHttpServer({ adapter: {} as TeamsAdapter, app: {} as Application<TurnState>, health, maxBodyBytes: 256 * 1024, logger: silentLogger });
  let base: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('costs at most one storage call for a flood of requests', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, async () => (await fetch(`${base}/healthz`)).status));
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${base}/healthz`)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(calls.count).toBe(1);
  });

  it('does not name the product or the framework in a Server header', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get('server')).toBeNull();
    const refused = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(refused.headers.get('server')).toBeNull();
  });
});
