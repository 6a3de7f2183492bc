import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { startProcess, waitForOutput, type ManagedProcess } from '../../tools/local/child-process';
import { freePort } from '../../tools/local/free-port';

/**
 * `npm run package:deploy` makes the zip App Service runs. Unpacked into an empty folder (no project,
 * no node_modules of this machine), it starts on Node 24 in production mode with only the settings
 * Azure gives it: Table storage reached by its managed identity over https. The identity is the one
 * thing stood in for, at the credential boundary: a local endpoint speaking App Service's managed
 * identity protocol (IDENTITY_ENDPOINT, IDENTITY_HEADER), and Azurite checking the bearer tokens.
 */
const ROOT = path.join(__dirname, '..', '..');
const TLS = path.join(ROOT, 'test', 'support', 'tls');
const TENANT = '00000000-0000-0000-0000-00000000a001';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';

/** A token Azurite accepts (it checks audience, issuer and times, not the signature). */
function storageToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: 'https://storage.azure.com', iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, oid: CLIENT_ID, nbf: now - 60, iat: now - 60, exp: now + 3600 })}.c2lnbmF0dXJl`;
}

describe('the App Service deploy package', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'ppb-deploy-'));
  const app = path.join(work, 'app');
  const identityRequests: { url: string; header?: string }[] = [];
  let identity: Server;
  let azurite: ManagedProcess | undefined;
  let bot: ManagedProcess | undefined;
  let botPort: number;
  let fileCount = 0;
  let zipNames: string[] = [];

  beforeAll(async () => {
    const zipFile = path.join(work, 'app.zip');
    // The real command, on the compiled code `npm run test:e2e` has just built.
    execFileSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli', 'package-deploy.js'), '--out', zipFile], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    zipNames = Object.keys(zip.files);
    for (const entry of Object.values(zip.files)) {
      const target = path.join(app, entry.name);
      if (entry.dir) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, await entry.async('nodebuffer'));
      if (entry.unixPermissions) chmodSync(target, Number(entry.unixPermissions) & 0o777);
      fileCount++;
    }

    identity = createServer((request, response) => {
      identityRequests.push({ url: request.url ?? '', header: request.headers['x-identity-header'] as string | undefined });
      const now = Math.floor(Date.now() / 1000);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ access_token: storageToken(), expires_on: String(now + 3600), resource: 'https://storage.azure.com', token_type: 'Bearer', client_id: CLIENT_ID }),
      );
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));

    const tablePort = await freePort();
    azurite = startProcess('azurite', process.execPath, [
      require.resolve('azurite/dist/src/table/main.js'),
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(tablePort),
      '--inMemoryPersistence',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--oauth',
      'basic',
      '--cert',
      path.join(TLS, 'loopback-cert.pem'),
      '--key',
      path.join(TLS, 'loopback-key.pem'),
    ]);
    await waitForOutput(azurite, /successfully (started|listening|listens)/i, 30_000);

    botPort = await freePort();
    // Only what App Service and the Bicep give the bot: no project folder, no developer settings.
    bot = startProcess('packaged bot', process.execPath, [path.join(app, 'dist', 'bundle', 'index.js')], {
      cwd: app,
      env: {
        PATH: process.env['PATH'],
        PORT: String(botPort),
        BOT_MODE: 'production',
        STORAGE_TABLE_ENDPOINT: `https://127.0.0.1:${tablePort}/devstoreaccount1`,
        AZURE_CLIENT_ID: CLIENT_ID,
        IDENTITY_ENDPOINT: `http://127.0.0.1:${(identity.address() as AddressInfo).port}/msi/token`,
        IDENTITY_HEADER: 'header-app-service-gives-the-process',
        NODE_EXTRA_CA_CERTS: path.join(TLS, 'loopback-cert.pem'),
        MicrosoftAppId: CLIENT_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: TENANT,
        ALLOWED_TENANT_IDS: TENANT,
        PUBLIC_BASE_URL: 'https://prevent-bot.example.org',
        REPORT_LINK_SECRET: 'a-report-link-secret-of-forty-characters!',
        AUDIT_HASH_KEY: 'an-audit-hash-key-of-forty-characters-xx',
        LOG_LEVEL: 'warn',
      },
    });
  }, 300_000);

  afterAll(async () => {
    await bot?.stop();
    await azurite?.stop();
    await new Promise<void>((resolve) => (identity ? identity.close(() => resolve()) : resolve()));
    rmSync(work, { recursive: true, force: true });
  });

  async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${botPort}/healthz`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  it('is small: the bot in one bundled file, the data it reads, and only the native package', () => {
    expect(fileCount).toBeLessThan(200);
    expect(existsSync(path.join(app, 'node_modules', '@resvg', 'resvg-js-linux-x64-gnu', 'resvgjs.linux-x64-gnu.node'))).toBe(true);
    expect(existsSync(path.join(app, 'src', 'data', 'fonts', 'DejaVuSans.ttf'))).toBe(true);
    expect(existsSync(path.join(app, 'src', 'data', 'frameworks', 'home-office-2018.json'))).toBe(true);
    expect(existsSync(path.join(app, 'src', 'data', 'demo', 'warwickshire-partnership.json'))).toBe(true);
    expect(existsSync(path.join(app, 'node_modules', 'botbuilder'))).toBe(false);
  });

  it('bundles the bot in ASCII, so V8 holds the 35 MB source at one byte a character, not two', () => {
    const bundle = readFileSync(path.join(app, 'dist', 'bundle', 'index.js'), 'utf8');
    expect(bundle.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
  });

  it("holds nothing from tools/: the local runner, fake connector, bench and soak stay on the developer's machine", () => {
    expect(zipNames.filter((name) => /^(dist\/)?tools\//.test(name))).toEqual([]);
    expect(zipNames.filter((name) => /(start-local|fake-connector|echo-server|bot-child|soak-run)\.js$/.test(name))).toEqual([]);
  });

  it('starts in production mode and reaches Table storage with its managed identity', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', storage: { reachable: true } });
    expect(identityRequests.length).toBeGreaterThan(0);
    expect(identityRequests[0]!.url).toContain(`client_id=${CLIENT_ID}`);
    expect(identityRequests[0]!.url).toContain('resource=https%3A%2F%2Fstorage.azure.com');
    expect(identityRequests[0]!.header).toBe('header-app-service-gives-the-process');
    // health() waits up to 60 s for the bundle to listen; jest's 5 s default cut it short on a busy machine.
  }, 90_000);

  it('refuses a message without a Bot Framework token, as production must', async () => {
    const response = await fetch(`http://127.0.0.1:${botPort}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(response.status).toBe(401);
  });
});
