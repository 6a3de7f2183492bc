import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../../../src/config';
import { StorageUnavailableError } from '../../../src/domain/errors';
import { GuidanceTableRepository } from '../../../src/storage/tables/guidance-table-repository';
import { TableStorage } from '../../../src/storage/tables/table-storage';

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
});
