import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { downloadTeamsFile, MAX_PLAN_FILE_BYTES } from '../../../src/bot/teams-file-download';
import { isTeamsFileUrl } from '../../../src/bot/teams-file-hosts';
import { InvalidError } from '../../../src/domain/errors';

const SHAREPOINT = 'https://contoso-my.sharepoint.com';
const CHUNK = 16 * 1024;

/** A logger whose lines the test can read: remote details belong there, not in the reply. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  return { logger, lines };
}

/** A local server standing in for SharePoint, with routes for each way a download can go wrong. */
async function hostileServer() {
  const requested: string[] = [];
  let endlessClosed: Promise<number> = Promise.resolve(0);
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/plan.csv') {
      res.end('Action id,Theme\n1.1,1. Theme\n');
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: '/plan.csv' });
      res.end();
    } else if (req.url === '/error') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('Service Unavailable: upstream 10.0.0.7 down');
    } else if (req.url === '/declared-huge') {
      res.writeHead(200, { 'content-length': String(600 * 1024 * 1024) });
      res.write(Buffer.alloc(CHUNK));
    } else if (req.url === '/endless') {
      // Writes for as long as the client keeps reading; says how much it wrote once the client goes.
      endlessClosed = new Promise((resolve) => {
        let written = 0;
        const chunk = Buffer.alloc(CHUNK, 0x61);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) written += chunk.length;
        };
        res.on('drain', pump);
        res.on('close', () => resolve(written));
        res.writeHead(200, { 'content-type': 'text/csv' });
        pump();
      });
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Counts the bytes the downloader actually pulled from each response body. */
  const pulled: number[] = [];
  const fetchCalls: RequestInit[] = [];
  const fetchFile: typeof fetch = async (input, init) => {
    fetchCalls.push(init ?? {});
    const response = await fetch(String(input).replace(SHAREPOINT, local), init);
    const index = pulled.push(0) - 1;
    const reader = response.body?.getReader();
    const counted = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader!.read();
          if (done) controller.close();
          else {
            pulled[index]! += value.byteLength;
            controller.enqueue(value);
          }
        },
        cancel: (reason) => reader?.cancel(reason),
      },
      { highWaterMark: 0 },
    );
    return new Response(reader ? counted : null, { status: response.status, headers: response.headers });
  };
  return {
    local,
    requested,
    pulled,
    fetchCalls,
    fetchFile,
    endlessClosed: () => endlessClosed,
    // The declared-huge response is never finished, so its connection is closed rather than waited for.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('which links the bot will download a sent file from', () => {
  it.each(['https://contoso.sharepoint.com/sites/prevent/file.csv', 'https://contoso-my.sharepoint.com/personal/priya/Documents/file.xlsx'])(
    'accepts Teams file storage: %s',
    (url) => expect(isTeamsFileUrl(new URL(url))).toBe(true),
  );

  it.each([
    'http://contoso-my.sharepoint.com/personal/priya/file.csv',
    'https://evil.example/file.csv',
    'https://contoso.sharepoint.com.evil.example/file.csv',
    'https://evil.example/contoso.sharepoint.com/file.csv',
    'https://contoso.sharepoint.com:8443/file.csv',
    'https://user:pass@contoso.sharepoint.com/file.csv',
    'https://sharepoint.com/file.csv',
    'https://deep.contoso.sharepoint.com/file.csv',
    'https://contoso.sharepoint.com./file.csv',
    'https://127.0.0.1/file.csv',
    'https://169.254.169.254/metadata/instance',
  ])('refuses %s', (url) => expect(isTeamsFileUrl(new URL(url))).toBe(false));
});

describe('downloading a file sent in chat', () => {
  let server: Awaited<ReturnType<typeof hostileServer>>;
  beforeAll(async () => {
    server = await hostileServer();
  });
  afterAll(() => server.close());

  it('downloads a file from SharePoint whole', async () => {
    const { logger } = recordingLogger();
    const bytes = await downloadTeamsFile(`${SHAREPOINT}/plan.csv`, { fetch: server.fetchFile, logger });
    expect(new TextDecoder().decode(bytes)).toBe('Action id,Theme\n1.1,1. Theme\n');
  });

  it.each([
    ['an http:// link', (local: string) => `${local}/plan.csv`],
    ['a host that is not SharePoint', () => 'https://evil.example/plan.csv'],
  ])('refuses %s without making any request', async (_, url) => {
    const { logger } = recordingLogger();
    const calls = server.fetchCalls.length;
    const requests = server.requested.length;
    await expect(downloadTeamsFile(url(server.local), { fetch: server.fetchFile, logger })).rejects.toThrow('did not come from Teams file storage');
    expect(server.fetchCalls.length).toBe(calls);
    expect(server.requested.length).toBe(requests);
  });

  it('refuses a redirect instead of following it', async () => {
    const { logger, lines } = recordingLogger();
    const requests = server.requested.length;
    await expect(downloadTeamsFile(`${SHAREPOINT}/redirect`, { fetch: server.fetchFile, logger })).rejects.toThrow(
      new InvalidError('The file could not be downloaded from Teams. Please send it again.'),
    );
    expect(server.fetchCalls.at(-1)).toMatchObject({ redirect: 'manual' });
    expect(server.requested.slice(requests)).toEqual(['/redirect']);
    expect(lines.join('')).toContain('"status":302');
  });

  it('logs the remote status and body-free details, and tells the user neither', async () => {
    const { logger, lines } = recordingLogger();
    const error = await downloadTeamsFile(`${SHAREPOINT}/error`, { fetch: server.fetchFile, logger }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as Error).message).not.toMatch(/503|Unavailable|10\.0\.0\.7/);
    expect(lines.join('')).toContain('"status":503');
  });

  it('refuses a body declared larger than the limit before reading it', async () => {
    const { logger } = recordingLogger();
    await expect(downloadTeamsFile(`${SHAREPOINT}/declared-huge`, { fetch: server.fetchFile, logger })).rejects.toThrow('too large to be an action plan (over 5 MB)');
    expect(server.pulled.at(-1)).toBe(0);
  });

  it('stops reading an endless body at the limit and closes the connection', async () => {
    const { logger } = recordingLogger();
    await expect(downloadTeamsFile(`${SHAREPOINT}/endless`, { fetch: server.fetchFile, logger })).rejects.toThrow('too large to be an action plan (over 5 MB)');
    const read = server.pulled.at(-1)!;
    expect(read).toBeGreaterThan(MAX_PLAN_FILE_BYTES);
    // One read can overshoot by at most the chunk the network delivered (undici hands over up to 64 KB).
    expect(read).toBeLessThanOrEqual(MAX_PLAN_FILE_BYTES + 64 * 1024);
    // The server sees the connection go, so it stops writing: it wrote no more than socket buffers beyond what was read.
    const written = await server.endlessClosed();
    expect(written).toBeLessThan(MAX_PLAN_FILE_BYTES * 4);
  });
});
