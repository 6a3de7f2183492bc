import { randomUUID } from 'node:crypto';
import type { Rating } from '../../../src/domain/assessment/framework';
import { botHarness, cardSubmit, cardText, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;
const P = 'warwickshire';
const DAY = 24 * 3600 * 1000;
const plain = (text: string) => text.replace(/\\\\/g, '');

/** Rates every item of the organisation's return through the service, benchmark by benchmark, and submits it. */
async function submitReturn(harness: Harness, person: Person, organisationId: string, roundId: string, ratingOf: (itemId: string) => Rating) {
  const actor = await harness.services.directory.actorFor(P, person.aadObjectId, person.name);
  const { framework } = await harness.services.assessments.page(P, actor, roundId, organisationId, 0);
  let etag: string | undefined;
  for (const section of framework.sections) {
    const ratings = section.items.map((item) => ({ itemId: item.id, rating: ratingOf(item.id), details: '' }));
    const saved = await harness.services.assessments.savePage(P, actor, {
      roundId,
      organisationId,
      sectionNumber: section.number,
      ratings,
      nonce: randomUUID(),
      ...(etag ? { etag } : {}),
    });
    etag = saved.record.etag;
  }
  await harness.services.assessments.submit(P, actor, { roundId, organisationId, nonce: randomUUID(), ...(etag ? { etag } : {}) });
}

/**
 * Two rounds of the 2018 toolkit (10 benchmarks) for the harness's three organisations:
 * - 2026/27 Q2: the police submit Developing everywhere; nobody else returns.
 * - 2026/27 Q3 (a day later): the police submit Achieving everywhere except 7.1 Not yet started;
 *   the NHS trust submits Developing everywhere; the County Council does not return.
 * And a meeting on 12 Nov 2026: police attending, NHS trust apologies, County Council no reply.
 */
async function twoRounds(): Promise<Harness> {
  const harness = await botHarness();
  const officer = await harness.services.directory.actorFor(P, PEOPLE.officer.aadObjectId, PEOPLE.officer.name);
  await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q2', frameworkId: 'home-office-2018', closesOn: '2026-12-31' });
  await submitReturn(harness, PEOPLE.policeLead, 'police', '2026-27-q2', () => 'developing');
  harness.advance(DAY);
  await harness.services.assessments.startRound(P, officer, { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' });
  await submitReturn(harness, PEOPLE.policeLead, 'police', '2026-27-q3', (id) => (id === '7.1' ? 'not-yet-started' : 'achieving'));
  await submitReturn(harness, PEOPLE.healthLead, 'swft', '2026-27-q3', () => 'developing');
  await harness.meetingRepository.create(P, {
    id: '2026-11-12-1000',
    startsAt: '2026-11-12T10:00:00.000Z',
    location: '',
    agenda: [{ id: 'welcome', title: 'Welcome', details: [], source: 'standing' }],
    scheduledById: PEOPLE.officer.aadObjectId,
    scheduledByName: PEOPLE.officer.name,
    scheduledAt: '2026-10-01T10:00:00.000Z',
    attendance: {
      police: { status: 'attending', byId: 'aad-police', byName: 'Pat Police', at: '2026-11-10T10:00:00.000Z' },
      swft: { status: 'apologies', byId: 'aad-health', byName: 'Hana Health', at: '2026-11-10T10:00:00.000Z' },
    },
    decisions: [],
  });
  return harness;
}

async function reply(harness: Harness, text: string, person: Person): Promise<string> {
  let card = '';
  await harness.adapter.send(teamsMessage(text, undefined, person)).assertReply((activity) => {
    card = plain(cardText(activity));
  });
  return card;
}

describe('the chair asks "how are we doing?"', () => {
  it('gets the latest round with its returns, overall score and movement since the round before', async () => {
    const card = await reply(await twoRounds(), 'how are we doing?', PEOPLE.chair);
    expect(card).toContain('Compliance summary: 2026/27 Q3');
    expect(card).toContain('2 of 3 organisations returned');
    // Only the 8 benchmarks with Expectations of Compliance score (6 and 10 are good practice only).
    // Police: 7 Achieving (14 points) + benchmark 7 Not yet started on 7.1 (0); NHS trust: 8 Developing (8).
    // 22 of 32 points = 68.75% -> 69%. Q2: police 8 Developing = 8 of 16 = 50%.
    expect(card).toContain('"text":"69%"');
    // Q2 rests on the police alone, Q3 on the police and the trust: the movement says so.
    expect(card).toContain('▲ up from 50% in 2026/27 Q2, when 1 organisation had returned, not the same ones');
    expect(card).toContain('Movement is against 2026/27 Q2, when 1 organisation had returned: not the same organisations as now');
    // Three organisations: the quorum set at the start is 2, and 2 have returned, so the score is final.
    expect(card).not.toContain('rovisional');
    // 16 good-practice items: the police Achieving on all 16 (their one Not yet started, 7.1, is an expectation);
    // the trust Developing on all 16: none. 16 of 32.
    expect(card).toContain('"text":"Good practice: 16 of 32 in place"');
    expect(card).toContain(
      '"text":"6. Prevent Problem Solving Process","wrap":true},{"type":"TextBlock","text":"Good practice only: no compliance rating. Good practice: 2 of 4 in place"',
    );
  });

  it('draws the organisations at each rating per benchmark, with a score and movement each', async () => {
    const card = await reply(await twoRounds(), 'how are we doing?', PEOPLE.chair);
    // Benchmark 7: police Not yet started, NHS trust Developing: 1 of 4 points = 25%; Q2 police Developing = 50%.
    expect(card).toContain(
      '{"title":"7. Training Programme","data":[{"legend":"Achieving","value":0,"color":"good"},{"legend":"Developing","value":1,"color":"warning"},{"legend":"Not yet started","value":1,"color":"attention"}]}',
    );
    expect(card).toContain('"text":"25%","weight":"Bolder","horizontalAlignment":"Right"},{"type":"TextBlock","text":"▼ down from 50%"');
    // Benchmark 1: police Achieving, NHS trust Developing: 3 of 4 = 75%, up from 50%.
    expect(card).toContain('"text":"75%","weight":"Bolder","horizontalAlignment":"Right"},{"type":"TextBlock","text":"▲ up from 50%"');
  });

  it('lists the items not yet started, the action plan by RAG with overdue actions and owners, non-returns and attendance', async () => {
    const card = await reply(await twoRounds(), 'compliance summary', PEOPLE.chair);
    expect(card).toContain('7.1 ');
    expect(card).toContain(': Warwickshire and West Mercia Police"');
    // Harness plan: 6.4 overdue since 31 Mar 2018 (red); 3.1 and 6.1 have no update (amber).
    expect(card).toContain('"text":"Red 1"');
    expect(card).toContain('"text":"Amber 2"');
    expect(card).toContain('6.4 Ensure public venues are not used by extremist groups (Warwickshire and West Mercia Police): due 31 Mar 2018');
    expect(card).toContain('"text":"Warwickshire County Council"');
    expect(card).toContain('1 of 3 organisations attended or sent a deputy');
    expect(card).toContain('Apologies: South Warwickshire NHS Foundation Trust');
    expect(card).toContain('No reply: Warwickshire County Council');
  });

  it('answers "how are we doing on training?" with benchmark 7 alone, not the training guidance', async () => {
    const card = await reply(await twoRounds(), 'how are we doing on training?', PEOPLE.chair);
    expect(card).toContain('Benchmark 7. Training Programme');
    expect(card).toContain('▼ down from 50%');
    expect(card).toContain('Not yet started: Warwickshire and West Mercia Police');
    expect(card).not.toContain('Compliance summary:');
  });

  it('still answers "training" with the training guidance', async () => {
    const card = await reply(await twoRounds(), 'training', PEOPLE.chair);
    expect(card).not.toContain('Training Programme');
    expect(card).not.toContain('Compliance summary');
  });

  it('answers "how is the police doing?" with that organisation\'s own return and actions', async () => {
    const card = await reply(await twoRounds(), 'how is the police doing?', PEOPLE.chair);
    expect(card).toContain('Warwickshire and West Mercia Police');
    expect(card).toContain('Self-assessment 2026/27 Q3');
    expect(card).toContain('2 actions in the action plan, 0 complete');
    expect(card).not.toContain('Compliance summary:');
  });

  it('answers "which benchmarks are we not achieving yet" with the summary', async () => {
    const card = await reply(await twoRounds(), 'which benchmarks are we not achieving yet', PEOPLE.chair);
    expect(card).toContain('Compliance summary');
  });

  it('summarises a named round: "summary for 2026/27 Q2"', async () => {
    const card = await reply(await twoRounds(), 'summary for 2026/27 Q2', PEOPLE.officer);
    expect(card).toContain('Compliance summary: 2026/27 Q2');
    expect(card).toContain('1 of 3 organisations returned');
    expect(card).toContain('This is the first round of this framework, so there is no movement to show.');
  });

  it('names the rounds there are when asked for one that does not exist', async () => {
    const card = await reply(await twoRounds(), 'summary for 2019/20 Q1', PEOPLE.chair);
    expect(card).toContain('There is no self-assessment round \\"2019/20 Q1\\". The rounds are: 2026/27 Q3, 2026/27 Q2.');
  });

  it('tells the chair the Prevent Officer must start self-assessment when no round exists', async () => {
    const card = await reply(await botHarness(), 'how are we doing?', PEOPLE.chair);
    expect(card).toContain('No self-assessment round has been started yet');
    expect(card).toContain('The Prevent Officer starts one with \\"start self-assessment\\"');
  });

  it("is offered on the chair's help card", async () => {
    const card = await reply(await botHarness(), 'help', PEOPLE.chair);
    expect(card).toContain('Compliance summary (chair, Prevent Officer)');
  });
});

describe('drilling down into a benchmark', () => {
  it('opens the benchmark from its Details button', async () => {
    const harness = await twoRounds();
    await harness.adapter.send(cardSubmit({ verb: 'summary-benchmark', roundId: '2026-27-q3', benchmark: 1 }, PEOPLE.chair)).assertReply((activity) => {
      const card = plain(cardText(activity));
      expect(card).toContain('Benchmark 1. Local Risk Assessment Process');
      // Each organisation's rating: police Achieving, NHS trust Developing.
      expect(card).toContain('"text":"Warwickshire and West Mercia Police","wrap":true}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Achieving"');
      expect(card).toContain('"text":"South Warwickshire NHS Foundation Trust","wrap":true}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Developing"');
      expect(card).toContain('Not returned: Warwickshire County Council');
    });
  });

  it("goes back to the round's summary", async () => {
    const harness = await twoRounds();
    await harness.adapter.send(cardSubmit({ verb: 'summary-open', roundId: '2026-27-q2' }, PEOPLE.chair)).assertReply((activity) => {
      expect(plain(cardText(activity))).toContain('Compliance summary: 2026/27 Q2');
    });
  });

  it('says what is wrong with a drill-down it cannot read', async () => {
    const harness = await twoRounds();
    await harness.adapter.send(cardSubmit({ verb: 'summary-benchmark', roundId: '2026-27-q3', benchmark: 'seven' }, PEOPLE.chair)).assertReply((activity) => {
      const card = plain(cardText(activity));
      expect(card).toContain('That card could not be read.');
      expect(card).toContain('benchmark: choose a benchmark');
    });
  });

  it('is refused to a partner lead', async () => {
    const harness = await twoRounds();
    await harness.adapter.send(cardSubmit({ verb: 'summary-benchmark', roundId: '2026-27-q3', benchmark: 7 }, PEOPLE.policeLead)).assertReply((activity) => {
      expect(plain(cardText(activity))).toContain('The compliance summary is for the Steering Group');
    });
  });
});

describe('a partner lead asks "how are we doing?"', () => {
  it("is told the summary is the Steering Group's and shown their own organisation's return and actions", async () => {
    const card = await reply(await twoRounds(), 'how are we doing?', PEOPLE.policeLead);
    expect(card).toContain('The full compliance summary is for the Steering Group: the chair and the Prevent Officer. Here is where Warwickshire and West Mercia Police stands.');
    expect(card).toContain('Self-assessment 2026/27 Q3');
    expect(card).toContain('Return submitted');
    expect(card).toContain('"text":"7. Training Programme","wrap":true}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"Not yet started"');
    // The police own 6.1 (amber, ongoing) and 6.4 (red, overdue since 31 Mar 2018).
    expect(card).toContain('2 actions in the action plan, 0 complete');
    expect(card).toContain('"text":"Red 1"');
    expect(card).toContain('6.4 Ensure public venues are not used by extremist groups (Warwickshire and West Mercia Police): due 31 Mar 2018');
  });

  it("never shows another organisation's figures", async () => {
    const card = await reply(await twoRounds(), 'how are we doing?', PEOPLE.policeLead);
    expect(card).not.toContain('South Warwickshire NHS Foundation Trust');
    expect(card).not.toContain('Warwickshire County Council');
    expect(card).not.toContain('organisations returned');
  });

  it('shows the round named in the question', async () => {
    const card = await reply(await twoRounds(), 'summary for 2026/27 Q2', PEOPLE.healthLead);
    expect(card).toContain('Self-assessment 2026/27 Q2');
    expect(card).toContain('Return not started: 0 of 38 items rated.');
  });
});

describe('a member of staff asks "how are we doing?"', () => {
  it('is told who to ask, and offered training and the referral pathway', async () => {
    const card = await reply(await twoRounds(), 'how are we doing?', PEOPLE.staff);
    expect(card).toContain('The compliance summary is for the Steering Group');
    expect(card).toContain("To find out how your organisation is doing, ask your organisation's Prevent lead or the Prevent Officer (Priya Officer).");
    expect(card).toContain('"question":"Training"');
    expect(card).toContain('"question":"How do I make a referral?"');
    expect(card).not.toContain('organisations returned');
  });

  it('is not offered the summary on the help card', async () => {
    const card = await reply(await botHarness(), 'help', PEOPLE.staff);
    expect(card).not.toContain('Compliance summary');
  });
});
