import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { TableStorage } from '../../../src/storage/tables/table-storage';

/**
 * Production reaches Table storage with the App Service's managed identity. The identity itself is
 * stood in for at the credential boundary; everything after it (the SDK's bearer-token policy, the
 * request on the wire) is real, answered by a table endpoint on this machine over https (the SDK
 * sends bearer tokens over TLS only), with a loopback certificate kept in test/support/tls.
 */
const TLS = path.join(__dirname, '..', '..', 'support', 'tls');
class FakeManagedIdentity implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: 'token-from-the-managed-identity', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('Table storage reached with a managed identity', () => {
  let server: Server;
  let endpoint: string;
  const seen: { method?: string; url?: string; authorization?: string }[] = [];

  const certificate = readFileSync(path.join(TLS, 'loopback-cert.pem'));
  // The storage client trusts the loopback certificate, and nothing else changes: verification stays on.
  const seams = (credential: TokenCredential) => ({ credential, tlsOptions: { ca: certificate } });

  beforeAll(async () => {
    server = createServer({ key: readFileSync(path.join(TLS, 'loopback-key.pem')), cert: certificate }, (request: IncomingMessage, response) => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ 'odata.error': { code: 'ResourceNotFound', message: { value: 'The specified resource does not exist.' } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/pptables`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('signs every request with a bearer token from the identity, never an account key', async () => {
    const identity = new FakeManagedIdentity();
    const storage = new TableStorage({ tableEndpoint: endpoint }, 'ppb', 5_000, seams(identity));
    const error = await storage
      .client('partnerships')
      .getEntity('warwickshire', 'profile')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 404 });
    const request = seen.at(-1)!;
    expect(request.url).toContain("/pptables/ppbPartnerships(PartitionKey='warwickshire',RowKey='profile')");
    expect(request.authorization).toBe('Bearer token-from-the-managed-identity');
    expect(identity.scopes).toEqual(expect.arrayContaining(['https://storage.azure.com/.default']));
  });

  it('checks its health through the same identity', async () => {
    const identity = new FakeManagedIdentity();
    const health = await new TableStorage({ tableEndpoint: endpoint }, 'ppb', 5_000, seams(identity)).check();
    expect(seen.at(-1)!.authorization).toBe('Bearer token-from-the-managed-identity');
    expect(health.reachable).toBe(false);
    expect(health.error).toBe('HTTP 404');
  });
});
