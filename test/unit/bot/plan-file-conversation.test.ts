import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { botHarness, cardText, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

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

/** Stands in for the SharePoint download URL Teams gives a bot for a file sent in chat. */
async function fileServer(files: Record<string, string>) {
  const requested: string[] = [];
  const server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const body = files[req.url ?? ''];
    res.statusCode = body === undefined ? 404 : 200;
    res.setHeader('content-type', 'text/csv');
    res.end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, requested, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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
    server = await fileServer({ '/good.csv': GOOD_PLAN, '/bad.csv': BAD_PLAN });
  });
  afterAll(() => server.close());

  it('imports a good plan for the Prevent Officer and says how much was imported', async () => {
    const harness = await botHarness();
    await harness.adapter.send(withFile('plan.csv', `${server.base}/good.csv`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Action plan imported');
      expect(cardText(reply)).toContain('Imported 2 actions in 1 theme');
    });
    const record = await harness.actions.get('warwickshire', '1.2');
    expect(record?.action).toMatchObject({ ownerOrganisationIds: ['police'], recurring: true, flags: ['CTLP'] });
  });

  it('lists the rows it could not read, by row number, and imports nothing', async () => {
    const harness = await botHarness();
    await harness.adapter.send(withFile('plan.csv', `${server.base}/bad.csv`)).assertReply((reply) => {
      const text = cardText(reply).replace(/\\\\/g, '');
      expect(text).toContain('Action plan not imported');
      expect(text).toMatch(/row 3: .*Nobody We Know/);
    });
    expect(await harness.actions.get('warwickshire', '1.1')).toBeUndefined();
  });

  it('refuses anyone but the Prevent Officer without downloading their file', async () => {
    const harness = await botHarness();
    const before = server.requested.length;
    await harness.adapter.send(withFile('plan.csv', `${server.base}/good.csv`, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer can import the action plan.');
    });
    expect(server.requested.length).toBe(before);
  });

  it('says so when the file cannot be downloaded', async () => {
    const harness = await botHarness();
    await harness.adapter.send(withFile('plan.csv', `${server.base}/gone.csv`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('could not be downloaded from Teams (HTTP 404)');
    });
  });

  it('treats a file that is not a spreadsheet as an ordinary message', async () => {
    const harness = await botHarness();
    await harness.adapter.send(withFile('minutes.docx', `${server.base}/minutes.docx`)).assertReply((reply) => {
      expect(cardText(reply)).toContain('What I can help with');
    });
  });
});
