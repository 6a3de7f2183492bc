import { randomUUID } from 'node:crypto';
import { ReportLinks } from '../../../src/reports/report-links';
import { botHarness, cardOf, cardText, HARNESS_BASE_URL, HARNESS_NOW, HARNESS_REPORT_SECRET, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;
const P = 'warwickshire';
const DAY = 24 * 3600 * 1000;
const plain = (text: string) => text.replace(/\\\\/g, '');

/** The 2018 toolkit's round 2026/27 Q3 (and Q2 the day before), with the police's return submitted. */
async function withRounds(): Promise<Harness> {
  const harness = await botHarness();
  const officer = await harness.services.directory.actorFor(P, PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
  await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q2', frameworkId: 'home-office-2018', closesOn: '2026-12-31' });
  harness.advance(DAY);
  await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' });
  const police = await harness.services.directory.actorFor(P, PEOPLE.policeLead.aadObjectId, PEOPLE.policeLead.name);
  const { framework } = await harness.services.assessments.page(P, police, '2026-27-q3', 'police', 0);
  let etag: string | undefined;
  for (const section of framework.sections) {
    const ratings = section.items.map((item) => ({ itemId: item.id, rating: 'developing' as const, details: '' }));
    const saved = await harness.services.assessments.savePage(P, police, {
      roundId: '2026-27-q3',
      organisationId: 'police',
      sectionNumber: section.number,
      ratings,
      nonce: randomUUID(),
      ...(etag ? { etag } : {}),
    });
    etag = saved.record.etag;
  }
  await harness.services.assessments.submit(P, police, { roundId: '2026-27-q3', organisationId: 'police', nonce: randomUUID(), ...(etag ? { etag } : {}) });
  return harness;
}

async function ask(harness: Harness, text: string, person: Person = PEOPLE.officer): Promise<Record<string, unknown>> {
  let card: Record<string, unknown> = {};
  await harness.adapter.send(teamsMessage(text, undefined, person)).assertReply((activity) => {
    card = cardOf(activity);
  });
  return card;
}

const buttonsOf = (card: Record<string, unknown>) => (card['actions'] ?? []) as { type: string; title: string; url: string }[];
const checker = () => new ReportLinks({ secret: HARNESS_REPORT_SECRET, publicBaseUrl: HARNESS_BASE_URL, now: () => HARNESS_NOW });

describe('asking for the board report', () => {
  it('gives the Prevent Officer Word, Excel and CSV download buttons', async () => {
    const card = await ask(await withRounds(), 'board report');
    expect(buttonsOf(card).map((b) => [b.type, b.title])).toEqual([
      ['Action.OpenUrl', 'Word'],
      ['Action.OpenUrl', 'Excel'],
      ['Action.OpenUrl', 'CSV'],
    ]);
  });

  it("makes each button a link on the bot's public address, signed for the officer, this round and its file", async () => {
    const card = await ask(await withRounds(), 'report');
    const claims = buttonsOf(card).map((b) => {
      expect(b.url.startsWith(`${HARNESS_BASE_URL}/reports/`)).toBe(true);
      const check = checker().verify(b.url.slice(`${HARNESS_BASE_URL}/reports/`.length));
      return check.valid ? { ...check.claims, exp: undefined, linkId: undefined } : check.reason;
    });
    expect(claims).toEqual(
      (['docx', 'xlsx', 'csv'] as const).map((format) => ({
        partnershipId: P,
        roundId: '2026-27-q3',
        format,
        aadObjectId: PEOPLE.officer.aadObjectId,
        exp: undefined,
        linkId: undefined,
      })),
    );
  });

  it('says when the links expire: 15 minutes from now, in UK time', async () => {
    const text = JSON.stringify(await ask(await withRounds(), 'report'));
    expect(text).toContain('expire at 10:15 (UK time)');
  });

  it('shows the round and one line of headline figures', async () => {
    const text = plain(JSON.stringify(await ask(await withRounds(), 'board report')));
    expect(text).toContain('Board report: 2026/27 Q3');
    // The police alone, Developing everywhere: 50%, no good practice in place of 16 ratings; the quorum of
    // three organisations is 2, so one return leaves the score provisional. Q2 had no returns: nothing to compare.
    expect(text).toContain(
      'Overall score 50% (provisional: from 1 of 3 organisations; 2 needed) · good practice: 0 of 16 in place · 1 of 3 organisations returned · 1 red action, 1 overdue',
    );
  });

  it('gives the report for the round named in the message', async () => {
    const card = await ask(await withRounds(), 'report for 2026/27 Q2');
    expect(plain(JSON.stringify(card))).toContain('Board report: 2026/27 Q2');
    const check = checker().verify(buttonsOf(card)[0]!.url.split('/reports/')[1]!);
    expect(check.valid && check.claims.roundId).toBe('2026-27-q2');
  });

  it('says which rounds there are when the named round does not exist', async () => {
    const text = JSON.stringify(await ask(await withRounds(), 'report for 2025/26 Q1'));
    expect(text).toContain('There is no self-assessment round');
    expect(text).toContain('2026/27 Q3');
  });

  it('gives the chair the report too', async () => {
    expect(buttonsOf(await ask(await withRounds(), 'board report', PEOPLE.chair))).toHaveLength(3);
  });

  it('says there is nothing to report before any self-assessment round has started', async () => {
    expect(JSON.stringify(await ask(await botHarness(), 'board report'))).toContain('No self-assessment round has been started yet');
  });

  it.each([
    ['staff', PEOPLE.staff],
    ['a partner lead', PEOPLE.policeLead],
  ])('is refused to %s, with no links', async (_who, person) => {
    const card = await ask(await withRounds(), 'board report', person);
    const text = JSON.stringify(card);
    expect(text).toContain('You cannot do that');
    expect(text).toContain('The board report is for the Prevent Officer and the chair');
    expect(text).not.toContain('/reports/');
  });

  it('still answers "report a concern" with the referral pathway', async () => {
    const harness = await withRounds();
    await harness.adapter.send(teamsMessage('report a concern', undefined, PEOPLE.staff)).assertReply((activity) => {
      expect(cardText(activity)).toContain('If someone is in immediate danger, call 999 now');
    });
  });
});
