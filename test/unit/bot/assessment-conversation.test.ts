import type { Activity } from 'botbuilder';
import { botHarness, cardOf, cardSubmit, cardText, pinPartnershipChannel, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;
type Card = { body: unknown[]; actions: { title: string; data: Record<string, unknown> }[] };

const plain = (text: string) => text.replace(/\\\\/g, '');

function lastReplacementCard(harness: Harness): Card {
  return cardOf(harness.adapter.replaced.at(-1) as Partial<Activity>) as Card;
}

function lastReplacement(harness: Harness): string {
  return plain(JSON.stringify(lastReplacementCard(harness)));
}

function actionData(card: Card, title: string): Record<string, unknown> {
  const action = card.actions.find((a) => a.title === title);
  if (!action) throw new Error(`no "${title}" button on ${JSON.stringify(card).slice(0, 200)}`);
  return action.data;
}

/** The item ids on a rating page, read from its rating inputs. */
function itemIdsOf(card: Card): string[] {
  return [...JSON.stringify(card).matchAll(/"id":"rating-(\d+)-(\d+)"/g)].map((m) => `${m[1]}.${m[2]}`);
}

function answers(itemIds: readonly string[], rating = 'developing', details = 'Agreed at the Steering Group.'): Record<string, string> {
  return Object.fromEntries(
    itemIds.flatMap((id) => [
      [`rating-${id.replace('.', '-')}`, rating],
      [`details-${id.replace('.', '-')}`, details],
    ]),
  );
}

async function startRound(harness: Harness, name = '2026/27 Q3'): Promise<string> {
  let summary = '';
  await harness.adapter.send(cardSubmit({ verb: 'assessment-start', name, frameworkId: 'home-office-2018', closesOn: '2026-12-31' }, PEOPLE.officer));
  summary = lastReplacement(harness);
  return summary;
}

/** Opens the person's own self-assessment and returns the page card. */
async function openOwn(harness: Harness, person: Person): Promise<Card> {
  let card: Card | undefined;
  await harness.adapter.send(teamsMessage('self-assessment', undefined, person)).assertReply((reply) => {
    card = cardOf(reply) as Card;
  });
  return card!;
}

async function savePage(harness: Harness, person: Person, page: Card, button: string, rating = 'developing', details?: string): Promise<Card> {
  await harness.adapter.send(cardSubmit({ ...actionData(page, button), ...answers(itemIdsOf(page), rating, details) }, person));
  return lastReplacementCard(harness);
}

describe('starting a self-assessment round', () => {
  it("offers the Prevent Officer a form with this quarter's name and the partnership's framework", async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('start self-assessment', undefined, PEOPLE.officer)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('"value":"2026/27 Q3"');
      expect(text).toContain('"value":"home-office-2018"');
    });
  });

  it('refuses anyone else', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('start self-assessment', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer can start a self-assessment round.');
    });
  });

  it("sends each organisation's leads the first benchmark and posts the channel counter", async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await harness.adapter.send(teamsMessage('hello', undefined, PEOPLE.policeLead)).assertReply(() => undefined);
    expect(await startRound(harness)).toContain('Self-assessment 2026/27 Q3 started');
    const summary = JSON.stringify(harness.messenger.replaced.filter((r) => r.activityId === 'card-1').at(-1)?.card);
    // Hana Health has no 1:1 chat with the bot: she is @mentioned in the partnership channel instead.
    expect(summary).toContain('Finished sending to 2 people in 2 organisations: 2 sent (1 in the partnership channel: could not reach 1:1).');
    const toPolice = harness.messenger.sent.find((s) => s.reference.includes('personal-aad-police'));
    expect(plain(JSON.stringify(toPolice?.card))).toContain('Benchmark 1 of 10: Local Risk Assessment Process');
    const channel = harness.messenger.sent.filter((s) => s.reference.includes('steering-group'));
    expect(channel.some((s) => JSON.stringify(s.card).includes('0 of 3 organisations returned'))).toBe(true);
  });

  it('offers more than half of the organisations as the quorum', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('start self-assessment', undefined, PEOPLE.officer)).assertReply((reply) => {
      // Three organisations in the harness: more than half is 2.
      expect(cardText(reply)).toContain(
        '"id":"quorum","label":"Quorum: organisations that must return before the score is final","min":1,"errorMessage":"Give a whole number of organisations, at least 1","value":"2"',
      );
    });
  });

  it('keeps the quorum the Prevent Officer sets, or more than half the organisations when left empty', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'assessment-start', name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31', quorum: '3' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('The score is provisional until 3 organisations have returned.');
    await harness.adapter.send(cardSubmit({ verb: 'assessment-start', name: '2026/27 Q4', frameworkId: 'home-office-2018', closesOn: '2026-12-31', quorum: '' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('The score is provisional until 2 organisations have returned.');
    const rounds = await harness.assessments.listRounds('warwickshire');
    expect(Object.fromEntries(rounds.map((r) => [r.name, r.quorum]))).toEqual({ '2026/27 Q3': 3, '2026/27 Q4': 2 });
  });

  it('refuses a quorum larger than the organisations that answer the framework, keeping the form', async () => {
    const harness = await botHarness();
    await harness.adapter.send(cardSubmit({ verb: 'assessment-start', name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31', quorum: '4' }, PEOPLE.officer));
    const card = lastReplacement(harness);
    expect(card).toContain('The quorum cannot be more than the 3 organisations that answer Prevent Duty Toolkit (2018): Local Authority Partnership Self-Assessment Tool.');
    expect(card).toContain('"value":"4"');
  });

  it('refuses a quorum that is not a whole number of organisations', async () => {
    const harness = await botHarness();
    await harness.adapter
      .send(cardSubmit({ verb: 'assessment-start', name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31', quorum: '0' }, PEOPLE.officer))
      .assertReply((reply) => {
        expect(cardText(reply)).toContain('the quorum is at least 1 organisation');
      });
    expect(await harness.assessments.listRounds('warwickshire')).toEqual([]);
  });

  it('refuses a second round with the same name, keeping the form', async () => {
    const harness = await botHarness();
    await startRound(harness);
    expect(await startRound(harness)).toContain('already exists');
  });
});

describe('rating the benchmarks', () => {
  it('saves a page and replaces the card with a receipt', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const page = await openOwn(harness, PEOPLE.policeLead);
    expect(plain(JSON.stringify(page))).toContain('Benchmark 1 of 10');
    const receipt = await savePage(harness, PEOPLE.policeLead, page, 'Save', 'achieving');
    expect(plain(JSON.stringify(receipt))).toMatch(/Benchmark 1 of 10 saved.*Saved by Pat Police at .*: 3 Achieving/);
    expect(await harness.assessments.history('warwickshire', '2026-27-q3', 'police')).toHaveLength(3);
  });

  it('moves to the next benchmark with Next, saving the page on the way', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const next = await savePage(harness, PEOPLE.policeLead, await openOwn(harness, PEOPLE.policeLead), 'Next');
    expect(plain(JSON.stringify(next))).toContain('Benchmark 2 of 10: Multi-Agency Partnership Board');
  });

  it('resumes where the organisation left off', async () => {
    const harness = await botHarness();
    await startRound(harness);
    let page = await openOwn(harness, PEOPLE.policeLead);
    page = await savePage(harness, PEOPLE.policeLead, page, 'Next');
    await savePage(harness, PEOPLE.policeLead, page, 'Save');
    expect(plain(JSON.stringify(await openOwn(harness, PEOPLE.policeLead)))).toContain('Benchmark 3 of 10');
  });

  it('gives the page back with the typed text when supporting details hold personal data', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const back = await savePage(harness, PEOPLE.policeLead, await openOwn(harness, PEOPLE.policeLead), 'Save', 'developing', 'Ask jo.bloggs@example.com');
    const text = plain(JSON.stringify(back));
    expect(text).toContain('please remove the personal details');
    expect(text).toContain('Ask jo.bloggs@example.com');
    expect(await harness.assessments.history('warwickshire', '2026-27-q3', 'police')).toEqual([]);
  });

  it("reads the partnership's own organisations in supporting details as organisations, not people", async () => {
    const harness = await botHarness();
    await startRound(harness);
    await harness.organisations.save('warwickshire', { id: 'geh', name: 'George Eliot Hospital', sector: 'health-social-care', aliases: [] }, { id: 'test', name: 'test' });
    const receipt = await savePage(
      harness,
      PEOPLE.policeLead,
      await openOwn(harness, PEOPLE.policeLead),
      'Save',
      'achieving',
      'Training held at George Eliot Hospital, Nuneaton CV10 7DJ',
    );
    expect(plain(JSON.stringify(receipt))).toContain('Benchmark 1 of 10 saved');
    expect(await harness.assessments.history('warwickshire', '2026-27-q3', 'police')).toHaveLength(3);
  });

  it('still refuses a child named by year group and school when the school is a partner', async () => {
    const harness = await botHarness();
    await startRound(harness);
    await harness.organisations.save('warwickshire', { id: 'westgate', name: 'Westgate School', sector: 'education-childcare', aliases: [] }, { id: 'test', name: 'test' });
    const back = await savePage(harness, PEOPLE.policeLead, await openOwn(harness, PEOPLE.policeLead), 'Save', 'developing', 'Referred the boy in year 9 at Westgate School');
    expect(plain(JSON.stringify(back))).toContain("It looks like it contains a child's school and year group");
    expect(await harness.assessments.history('warwickshire', '2026-27-q3', 'police')).toEqual([]);
  });

  it('keeps the first of two people saving the same page at once, and gives the second their answers back', async () => {
    const harness = await botHarness();
    await startRound(harness);
    await harness.adapter.send(cardSubmit({ verb: 'assessment-open', roundId: '2026-27-q3', organisationId: 'police', index: 0 }, PEOPLE.officer));
    const officersCard = lastReplacementCard(harness);
    await savePage(harness, PEOPLE.policeLead, await openOwn(harness, PEOPLE.policeLead), 'Save', 'achieving');
    const back = plain(JSON.stringify(await savePage(harness, PEOPLE.officer, officersCard, 'Save', 'not-yet-started', 'Officer view')));
    expect(back).toContain('someone else from your organisation saved this a moment ago');
    expect(back).toContain('Officer view');
    const ratings = (await harness.assessments.getReturn('warwickshire', '2026-27-q3', 'police'))?.value.ratings;
    expect(ratings?.['1.1']?.rating).toBe('achieving');
  });

  it('records a double-clicked Save once', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const page = await openOwn(harness, PEOPLE.policeLead);
    await savePage(harness, PEOPLE.policeLead, page, 'Save', 'achieving');
    const again = plain(JSON.stringify(await savePage(harness, PEOPLE.policeLead, page, 'Save', 'achieving')));
    expect(again).toContain('Benchmark 1 of 10 saved');
    expect(await harness.assessments.history('warwickshire', '2026-27-q3', 'police')).toHaveLength(3);
  });

  it('asks for a rating when only supporting details were written', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const page = await openOwn(harness, PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ ...actionData(page, 'Save'), 'details-1-1': 'Some evidence' }, PEOPLE.policeLead));
    expect(lastReplacement(harness)).toContain('1.1: choose a rating for the supporting details you wrote');
  });

  it('does not let one organisation rate for another', async () => {
    const harness = await botHarness();
    await startRound(harness);
    const page = await openOwn(harness, PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ ...actionData(page, 'Save'), ...answers(itemIdsOf(page)) }, PEOPLE.healthLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only members of Warwickshire and West Mercia Police and the Prevent Officer can rate');
    });
  });

  it('tells staff outside every organisation there is nothing for them to complete', async () => {
    const harness = await botHarness();
    await startRound(harness);
    await harness.adapter.send(teamsMessage('self-assessment', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('no self-assessment for you to complete');
    });
  });

  it('will not submit while items are unrated, and says which', async () => {
    const harness = await botHarness();
    await startRound(harness);
    await harness.adapter.send(cardSubmit({ verb: 'assessment-open', roundId: '2026-27-q3', organisationId: 'police', index: 9 }, PEOPLE.policeLead));
    const last = await savePage(harness, PEOPLE.policeLead, lastReplacementCard(harness), 'Submit return');
    const text = plain(JSON.stringify(last));
    expect(text).toContain('Not submitted: some items are not rated yet. This page is saved.');
    expect(text).toContain('Benchmark 1 (Local Risk Assessment Process): 1.1, 1.2, 1.3');
  });
});

describe('a whole return', () => {
  async function completeReturn(harness: Harness, person: Person): Promise<Card> {
    let page = await openOwn(harness, person);
    for (let i = 0; i < 9; i++) page = await savePage(harness, person, page, 'Next', 'achieving');
    return savePage(harness, person, page, 'Submit return', 'achieving');
  }

  it('is submitted from the last benchmark and moves the channel counter', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await startRound(harness);
    const receipt = await completeReturn(harness, PEOPLE.policeLead);
    expect(plain(JSON.stringify(receipt))).toMatch(/Self-assessment returned.*Submitted by Pat Police/);
    expect(JSON.stringify(harness.messenger.replaced.at(-1)?.card)).toContain('1 of 3 organisations returned');
  });

  it("pre-fills the next round with the organisation's previous answers", async () => {
    const harness = await botHarness();
    await startRound(harness, '2026/27 Q3');
    await completeReturn(harness, PEOPLE.policeLead);
    harness.advance(60_000);
    await startRound(harness, '2026/27 Q4');
    await harness.adapter.send(cardSubmit({ verb: 'assessment-open', roundId: '2026-27-q4', organisationId: 'police', index: 0 }, PEOPLE.policeLead));
    const text = lastReplacement(harness);
    expect(text).toContain('pre-filled from 2026/27 Q3');
    expect(text).toContain('"id":"rating-1-1","label":"Rating for 1.1","style":"expanded","value":"achieving"');
  });
});
