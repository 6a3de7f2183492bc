import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { freePort } from '../../tools/local/free-port';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig, type Config } from '../../src/config';
import { startBot, type RunningBot } from '../../src/index';
import pino from 'pino';
import { REPORT_LINK_LIFETIME_MS, ReportLinks } from '../../src/reports/report-links';
import type { ReportFormat } from '../../src/reports/report-format';
import { readDocx } from '../support/docx-reader';
import { DEMO_CHAIR, DEMO_OFFICER, SEEDED_ROUND, seedReportRound } from '../support/report-seed';
import { TableStorage } from '../../src/storage/tables/table-storage';
import { testConnectionString } from '../support/test-storage';

const SECRET = 'integration-report-link-secret-0123456789';

describe('board report downloads from the bot over HTTP, on Azurite', () => {
  let bot: RunningBot;
  let config: Config;
  let links: ReportLinks;
  let base: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    config = loadConfig({
      PORT: String(port),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_NAME_PREFIX: `d${randomBytes(4).toString('hex')}`,
      PUBLIC_BASE_URL: base,
      REPORT_LINK_SECRET: SECRET,
    });
    await seedReportRound(config);
    bot = await startBot(config, pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) }));
    links = new ReportLinks({ secret: SECRET, publicBaseUrl: base, now: () => new Date() });
  });

  afterAll(async () => {
    await bot?.close();
  });

  /** The Download button on the page a link opens: the request that spends the link. */
  const download = (url: string) => fetch(url, { method: 'POST' });

  function linkFor(person: { aadObjectId: string }, format: ReportFormat, expiresAt = new Date(Date.now() + REPORT_LINK_LIFETIME_MS)): string {
    return links.url(links.sign({ partnershipId: 'warwickshire', roundId: SEEDED_ROUND.id, format, aadObjectId: person.aadObjectId }, expiresAt));
  }

  it('sends the Prevent Officer a Word document that opens, as an attachment', async () => {
    const response = await download(linkFor(DEMO_OFFICER, 'docx'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="warwickshire-2026-27-q3-board-report.docx"');
    const doc = await readDocx(Buffer.from(await response.arrayBuffer()));
    expect(doc.blocks.filter((b) => b.kind === 'paragraph' && b.style === 'Heading2').map((b) => (b.kind === 'paragraph' ? b.text : ''))).toContain('Ratings by benchmark');
  });

  it('sends the chair the workbook, which opens', async () => {
    const response = await download(linkFor(DEMO_CHAIR, 'xlsx'));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Board report', 'Self-assessment', 'Action tracker', 'Summary']);
  });

  it('asks browsers and proxies not to keep the file', async () => {
    const response = await download(linkFor(DEMO_OFFICER, 'csv'));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('serves a link once: the second download is refused with 410 and no file', async () => {
    const url = linkFor(DEMO_OFFICER, 'docx');
    expect((await download(url)).status).toBe(200);
    const built = logLines.filter((line) => line.includes('board report downloaded')).length;
    const again = await download(url);
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await again.text()).toBe('This link has already been used; ask the bot for a new board report.\n');
    expect(logLines.filter((line) => line.includes('board report downloaded')).length).toBe(built);
  });

  it("lets each of the card's three links be used once, independently", async () => {
    const offer = links.offer('warwickshire', SEEDED_ROUND.id, DEMO_CHAIR.aadObjectId);
    const first = [(await download(offer.urls.docx)).status, (await download(offer.urls.xlsx)).status, (await download(offer.urls.csv)).status];
    const second = [(await download(offer.urls.docx)).status, (await download(offer.urls.xlsx)).status, (await download(offer.urls.csv)).status];
    expect({ first, second }).toEqual({ first: [200, 200, 200], second: [410, 410, 410] });
  });

  it('refuses the download with 503 when its use cannot be recorded, and serves it once storage is back', async () => {
    const storage = new TableStorage(testConnectionString(), config.tableNamePrefix);
    const url = linkFor(DEMO_OFFICER, 'csv');
    await storage.client('reportLinks').deleteTable();
    let refused: Response;
    try {
      refused = await download(url);
    } finally {
      await storage.client('reportLinks').createTable();
    }
    expect(refused.status).toBe(503);
    expect(await refused.text()).toBe('The download could not be checked just now, so nothing was sent. Please try the link again in a moment.\n');
    expect(logLines.some((line) => line.includes('its use could not be recorded') && line.includes('"level":50'))).toBe(true);
    expect((await download(url)).status).toBe(200);
  });

  it('gives a link back when the download fails before the file is sent, so trying again gets the same answer, not "already used"', async () => {
    const url = links.url(
      links.sign({ partnershipId: 'warwickshire', roundId: 'no-such-round', format: 'csv', aadObjectId: DEMO_OFFICER.aadObjectId }, new Date(Date.now() + REPORT_LINK_LIFETIME_MS)),
    );
    expect((await download(url)).status).toBe(404);
    const again = await download(url);
    expect(again.status).toBe(404);
    expect(await again.text()).toBe('That self-assessment round is no longer there. Ask the bot for the report again.\n');
  });

  it('answers an expired link with 410 and a short message', async () => {
    const response = await download(linkFor(DEMO_OFFICER, 'docx', new Date(Date.now() - 1000)));
    expect(response.status).toBe(410);
    expect(await response.text()).toBe('This download link has expired. Ask the bot for the report again.\n');
  });

  it('answers a tampered link with 403', async () => {
    const url = linkFor(DEMO_OFFICER, 'docx');
    const [payload, signature] = url.split('/reports/')[1]!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, aadObjectId: '00000000-0000-0000-0000-000000000099' })).toString('base64url');
    const response = await download(`${base}/reports/${forged}.${signature}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('This download link is not valid.\n');
  });

  it('answers 403 when the person the link was made for is no longer the chair', async () => {
    const repositories = await openTableRepositories(config);
    const formerChair = { aadObjectId: '00000000-0000-0000-0000-000000000098', name: 'Fiona Former' };
    await repositories.members.save('warwickshire', { ...formerChair, role: 'chair' }, { id: 'test', name: 'test' });
    const url = linkFor(formerChair, 'csv');
    expect((await download(url)).status).toBe(200);
    await repositories.members.save('warwickshire', { ...formerChair, role: 'staff' }, { id: 'test', name: 'test' });
    const response = await download(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('You are not allowed to download this report.\n');
  });

  it('never writes a link token or the secret to the log, whatever the answer', async () => {
    const good = linkFor(DEMO_OFFICER, 'csv');
    const expired = linkFor(DEMO_OFFICER, 'csv', new Date(Date.now() - 1000));
    const tokens = [good, expired, `${good}x`].map((url) => url.split('/reports/')[1]!);
    for (const token of tokens) await download(`${base}/reports/${token}`);
    // A used link, a mistyped route and a token with more path after it: refused, and still not logged.
    const misdirected = linkFor(DEMO_OFFICER, 'docx').split('/reports/')[1]!;
    for (const path of [`/reports/${tokens[0]}`, `/Reports/${misdirected}`, `/reports/${misdirected}/more`, `/reports/${misdirected}?copy=${misdirected}`])
      await download(`${base}${path}`);
    tokens.push(misdirected);
    const log = logLines.join('');
    expect(log).toContain('board report downloaded');
    for (const secret of [SECRET, ...tokens.map((t) => t.split('.')[1]!)]) expect(log).not.toContain(secret);
  });

  describe('opening a link', () => {
    it('shows a page with a Download button and spends nothing, so a link scanner opening it first leaves it for the person', async () => {
      const url = linkFor(DEMO_OFFICER, 'docx');
      for (const opened of [await fetch(url), await fetch(url)]) {
        expect(opened.status).toBe(200);
        expect(opened.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const page = await opened.text();
        expect(page).toContain('<form method="post"><button type="submit">Download</button></form>');
        expect(page).toContain('Word document');
      }
      expect((await download(url)).status).toBe(200);
      expect((await download(url)).status).toBe(410);
    });

    it('serves the page with no script, no framing, nothing loaded and no Referer carrying the link onwards', async () => {
      const opened = await fetch(linkFor(DEMO_CHAIR, 'xlsx'));
      expect(opened.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
      expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
      expect(opened.headers.get('cache-control')).toBe('no-store');
      expect(await opened.text()).not.toMatch(/<script|warwickshire|\/reports\//i);
    });

    it('refuses an expired or tampered link on the page as on the download', async () => {
      expect((await fetch(linkFor(DEMO_OFFICER, 'csv', new Date(Date.now() - 1000)))).status).toBe(410);
      expect((await fetch(`${linkFor(DEMO_OFFICER, 'csv')}x`)).status).toBe(403);
    });
  });
});
