import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../../../src/config';
import { StorageUnavailableError } from '../../../src/domain/errors';
import { GuidanceTableRepository } from '../../../src/storage/tables/guidance-table-repository';
import { TableStorage } from '../../../src/storage/tables/table-storage';
import { currentTurnSignal, withTurnDeadline } from '../../../src/turn-deadline';

/** A stand-in Table endpoint on loopback that counts requests and answers however the test says. */
async function fakeTableEndpoint(answer: (res: http.ServerResponse) => void) {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    req.resume();
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Table calls when storage misbehaves', () => {
  it('a storage that never answers fails as StorageUnavailableError at the deadline, after one attempt', async () => {
    const endpoint = await fakeTableEndpoint(() => undefined);
    try {
      const storage = new TableStorage(azuriteConnectionString(endpoint.port), 'slow', 300);
      const repository = new GuidanceTableRepository(storage.client('guidance'));
      await expect(repository.get('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(endpoint.requests).toBe(1);
    } finally {
      await endpoint.close();
    }
  });

  it('a storage answering 503 is tried three times in all, then fails as StorageUnavailableError', async () => {
    const endpoint = await fakeTableEndpoint((res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"odata.error":{"code":"ServerBusy","message":{"value":"busy"}}}');
    });
    try {
      const storage = new TableStorage(azuriteConnectionString(endpoint.port), 'busy');
      const repository = new GuidanceTableRepository(storage.client('guidance'));
      await expect(repository.get('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(endpoint.requests).toBe(3);
    } finally {
      await endpoint.close();
    }
  });

  it('the deadline covers the retries too: a storage that answers 503 slowly is cut off before the third attempt', async () => {
    const endpoint = await fakeTableEndpoint((res) => {
      setTimeout(() => {
        res.writeHead(503);
        res.end();
      }, 250);
    });
    try {
      const storage = new TableStorage(azuriteConnectionString(endpoint.port), 'slowbusy', 400);
      const repository = new GuidanceTableRepository(storage.client('guidance'));
      await expect(repository.get('warwickshire')).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(endpoint.requests).toBeLessThan(3);
    } finally {
      await endpoint.close();
    }
  });

  describe('one budget for a whole turn', () => {
    // Each call's own deadline is a minute here: only the turn's budget can end these calls, so on
    // code without a turn budget the test runs into jest's timeout instead of passing.
    const generous = 60_000;

    it('a turn that has spent its storage budget stops waiting on a storage that never answers', async () => {
      const endpoint = await fakeTableEndpoint(() => undefined);
      try {
        const repository = new GuidanceTableRepository(new TableStorage(azuriteConnectionString(endpoint.port), 'hung', generous).client('guidance'));
        await expect(withTurnDeadline(200, () => repository.get('warwickshire'))).rejects.toBeInstanceOf(StorageUnavailableError);
      } finally {
        await endpoint.close();
      }
    });

    it('later calls in the same turn fail at once, without another request, once the budget is spent', async () => {
      const endpoint = await fakeTableEndpoint(() => undefined);
      try {
        const repository = new GuidanceTableRepository(new TableStorage(azuriteConnectionString(endpoint.port), 'hung2', generous).client('guidance'));
        const outcomes = await withTurnDeadline(200, async () => {
          const first = await repository.get('warwickshire').catch((error: unknown) => error);
          const second = await repository.get('warwickshire').catch((error: unknown) => error);
          return [first, second];
        });
        expect(outcomes.every((outcome) => outcome instanceof StorageUnavailableError)).toBe(true);
        expect(endpoint.requests).toBe(1);
      } finally {
        await endpoint.close();
      }
    });

    it('work outside a turn (the outbox sender, schedules) has no turn budget', () => {
      expect(currentTurnSignal()).toBeUndefined();
    });
  });
});
