import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { botHarness, cardText, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';
import { duplicateHeaderCsv } from '../../support/hostile-plan-files';

const GOOD_PLAN = [
  'Action id,Theme,Key action,Who,Timescale,Outcomes,Notes',
  '1.1,1. Working with communities,Run community roadshows,Warwickshire County Council,March 2027,Communities know how to raise concerns,',
  '1.2,,Share tension monitoring,Warwickshire and West Mercia Police,Ongoing,Early warning of tensions,CTLP action',
].join('\r\n');

const BAD_PLAN = [
  'Action id,Theme,Key action,Who,Timescale,Outcomes,Notes',
  '1.1,1. Working with communities,Run community roadshows,Warwickshire County Council,March 2027,,',
  '1.2,,Share tension monitoring,Nobody We Know,Ongoing,,',
].join('\n');

/** Where Teams would put the file: the sender's OneDrive for Business. */
const ONEDRIVE = 'https://contoso-my.sharepoint.com/personal/priya_contoso_com/Documents/Microsoft%20Teams%20Chat%20Files';

/** Stands in for SharePoint: serves the files a test names, behind the bot's real host allow-list. */
async function fileServer(files: Record<string, string>) {
  const requested: string[] = [];
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const body = files[(req.url ?? '').replace(new URL(ONEDRIVE).pathname, '')];
    res.statusCode = body === undefined ? 404 : 200;
    res.setHeader('content-type', 'text/csv');
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetchFile: typeof fetch = (input, init) => fetch(String(input).replace('https://contoso-my.sharepoint.com', local), init);
  return { base: ONEDRIVE, local, fetchFile, requested, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function withFile(name: string, downloadUrl: string, from: Person = PEOPLE.officer): Partial<Activity> {
  return {
    ...teamsMessage('', undefined, from),
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl, fileType: name.split('.').pop() } }],
  };
}

describe('sending the action plan to the bot as a file', () => {
  let server: Awaited<ReturnType<typeof fileServer>>;
  beforeAll(async () => {
    server = await fileServer({ '/good.csv': GOOD_PLAN, '/bad.csv': BAD_PLAN, '/wide.csv': duplicateHeaderCsv(4_000) });
  });
  afterAll(() => server.close());

  it('imports a good plan for the Prevent Officer and says how much was imported', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('plan.csv', `${server.base}/good.csv`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Action plan imported');
      expect(cardText(reply)).toContain('Imported 2 actions in 1 theme');
    });
    const record = await harness.actions.get('warwickshire', '1.2');
    expect(record?.action).toMatchObject({ ownerOrganisationIds: ['police'], recurring: true, flags: ['CTLP'] });
  });

  it('lists the rows it could not read, by row number, and imports nothing', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('plan.csv', `${server.base}/bad.csv`)).assertReply((reply) => {
      const text = cardText(reply).replace(/\\\\/g, '');
      expect(text).toContain('Action plan not imported');
      expect(text).toMatch(/row 3: .*Nobody We Know/);
    });
    expect(await harness.actions.get('warwickshire', '1.1')).toBeUndefined();
  });

  it('refuses anyone but the Prevent Officer without downloading their file', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    const before = server.requested.length;
    await harness.adapter.send(withFile('plan.csv', `${server.base}/good.csv`, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer can import the action plan.');
    });
    expect(server.requested.length).toBe(before);
  });

  it('says so when the file cannot be downloaded, without passing on what the remote server said', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('plan.csv', `${server.base}/gone.csv`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('The file could not be downloaded from Teams. Please send it again.');
      expect(cardText(reply)).not.toContain('404');
    });
  });

  it.each([
    ['a server of its own choosing', () => 'https://evil.example/good.csv'],
    ["a server on the bot's own network", () => `${server.local}/good.csv`],
  ])('downloads nothing when the file link points at %s', async (_, url) => {
    const fetchFile = jest.fn(server.fetchFile);
    const harness = await botHarness({ fetchFile });
    const before = server.requested.length;
    await harness.adapter.send(withFile('plan.csv', url())).assertReply((reply) => {
      expect(cardText(reply)).toContain('did not come from Teams file storage');
    });
    expect(fetchFile).not.toHaveBeenCalled();
    expect(server.requested.length).toBe(before);
  });

  it('refuses a plan far wider than any action plan, saying why, and imports nothing', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('plan.csv', `${server.base}/wide.csv`)).assertReply((reply) => {
      expect(cardText(reply).replace(/\\\\/g, '')).toContain('Could not read plan.csv: row 1 has something in column 4,000; an action plan has at most 100 columns');
    });
    expect(await harness.actions.list('warwickshire')).toHaveLength(3);
  });

  it("shows the file's name as text, never as a link, when it says why the file cannot be read", async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('[Open me](https:evil.example).csv', `${server.base}/wide.csv`)).assertReply((reply) => {
      const shown = JSON.stringify(reply.attachments?.[0]?.content);
      expect(shown).toContain('Could not read \\\\[Open me\\\\]\\\\(https:evil\\\\.example\\\\)\\\\.csv');
      expect(shown).not.toContain('[Open me](');
    });
  });

  it('treats a file that is not a spreadsheet as an ordinary message', async () => {
    const harness = await botHarness({ fetchFile: server.fetchFile });
    await harness.adapter.send(withFile('minutes.docx', `${server.base}/minutes.docx`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('What I can help with');
    });
  });
});
