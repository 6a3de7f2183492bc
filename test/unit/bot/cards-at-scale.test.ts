import type { Activity } from 'botbuilder';
import { MAX_MESSAGE_UTF16_BYTES, teamsMessageBytes } from '../../../src/cards/render';
import { sampleAction } from '../../support/action-repository-contract';
import { botHarness, cardExecute, cardOf, cardSubmit, channelMessage, invokeCardOf, pinPartnershipChannel, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

/**
 * The largest partnership the bot is built for: 60 organisations, 300 partner leads, 150 actions of
 * which the police own 120, every text as long as a real plan's. Every card anyone is shown stays
 * within the 80 KB Teams recommends, measured as Teams measures (UTF-16), and long lists page.
 */
const AUTHOR = { id: 'test', name: 'test' };
const P = 'warwickshire';
const ORGANISATIONS = 60;
const LEADS = 300;
const POLICE_ACTIONS = 120;

const sentence = (length: number, words: string) =>
  `${words} `
    .repeat(Math.ceil(length / (words.length + 1)))
    .slice(0, length)
    .trim();

async function largestPartnership() {
  const harness = await botHarness();
  for (let i = 1; i <= ORGANISATIONS; i++) {
    await harness.organisations.save(P, { id: `org-${i}`, name: sentence(70, `Organisation ${i} of the Prevent partnership`), sector: 'education-childcare', aliases: [] }, AUTHOR);
  }
  for (let i = 1; i <= LEADS; i++) {
    const aadObjectId = `aad-lead-${i}`;
    await harness.members.save(
      P,
      { aadObjectId, name: `Lead ${i} Longer-Double-Barrelled-Surname`, role: 'partner-lead', organisationId: `org-${1 + (i % ORGANISATIONS)}` },
      AUTHOR,
    );
    await harness.services.directory.rememberPersonalChat(P, aadObjectId, JSON.stringify({ conversation: { id: `personal-${i}` }, serviceUrl: 'https://smba.example.test/' }));
  }
  const actions = Array.from({ length: 150 }, (_, index) => {
    const i = index + 1;
    return sampleAction(`${1 + Math.floor(index / 17)}.${1 + (index % 17)}`, {
      text: sentence(380, 'Deliver WRAP and Prevent awareness sessions to frontline staff in every district and borough'),
      outcomes: sentence(300, 'Staff know how to make a referral'),
      ownerOrganisationIds: i <= POLICE_ACTIONS ? ['police'] : [`org-${1 + (i % ORGANISATIONS)}`, 'police'],
      dueDate: i % 3 === 0 ? '2027-03-31' : '2026-03-31',
    });
  });
  await harness.actions.savePlan(P, actions, AUTHOR);
  await pinPartnershipChannel(harness);
  return harness;
}

type Harness = Awaited<ReturnType<typeof largestPartnership>>;

/** Every card a turn produced: replies, cards replaced in place, and cards sent through the outbox. */
async function cardsFrom(harness: Harness, activity: Partial<Activity>): Promise<Record<string, unknown>[]> {
  const sentBefore = harness.messenger.sent.length;
  const replacedBefore = harness.adapter.replaced.length;
  await harness.adapter.send(activity).startTest();
  const replies = harness.adapter.activeQueue.splice(0).filter((reply) => reply.attachments?.length);
  return [
    ...replies.map(cardOf),
    ...harness.adapter.replaced.slice(replacedBefore).map((replaced) => cardOf(replaced as Partial<Activity>)),
    ...harness.messenger.sent.slice(sentBefore).map((sent) => sent.card as unknown as Record<string, unknown>),
  ];
}

const headingOf = (card: Record<string, unknown>) => /"text":"([^"]{0,80})/.exec(JSON.stringify(card))?.[1] ?? '';

/** The card of a turn that answers with one, among whatever else the outbox sent meanwhile. */
async function answerTo(harness: Harness, activity: Partial<Activity>, heading: RegExp): Promise<Record<string, unknown>> {
  const card = (await cardsFrom(harness, activity)).find((candidate) => heading.test(headingOf(candidate)));
  if (!card) throw new Error(`no card headed ${heading}`);
  return card;
}

/** A button pressed as Teams sends it (Action.Execute): the card the invoke is answered with. */
async function press(harness: Harness, data: Record<string, unknown>, person: Person): Promise<Record<string, unknown>> {
  const { verb, ...rest } = data;
  await harness.adapter.send(cardExecute(String(verb), rest, person)).startTest();
  const response = harness.adapter.activeQueue.splice(0).find((activity) => activity.type === 'invokeResponse');
  if (!response) throw new Error('the invoke was not answered');
  return invokeCardOf(response);
}

/** Next, pressed until there is none: the ids of the buttons each page shows. */
async function pageThrough(harness: Harness, first: Record<string, unknown>, person: Person, pattern: RegExp): Promise<{ pages: number; seen: string[] }> {
  let card = first;
  const seen: string[] = [];
  for (let pages = 1; ; pages++) {
    seen.push(...[...JSON.stringify(card).matchAll(pattern)].map((match) => match[1]!));
    const next = JSON.stringify(card).match(/"title":"Next","verb":"[^"]+","data":(\{[^}]*\})/);
    if (!next) return { pages, seen };
    card = await press(harness, JSON.parse(next[1]!) as Record<string, unknown>, person);
  }
}

describe('cards for the largest partnership (60 organisations, 300 leads, 150 actions)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await largestPartnership();
  }, 60_000);

  it('keeps every card anyone is shown within 80 KB as Teams counts it, and never answers "too large"', async () => {
    const turns: Partial<Activity>[] = [
      teamsMessage('my actions', undefined, PEOPLE.policeLead),
      teamsMessage('show the partnership'),
      teamsMessage('request updates'),
      teamsMessage("who hasn't replied"),
      teamsMessage('send chasers'),
      teamsMessage('schedule a meeting on 14 January 2027 at 10am'),
      teamsMessage('agenda'),
      channelMessage('post the agenda'),
      teamsMessage('how are we doing'),
    ];
    const sizes: { heading: string; bytes: number }[] = [];
    for (const turn of turns) {
      for (const card of await cardsFrom(harness, turn)) sizes.push({ heading: headingOf(card), bytes: teamsMessageBytes(card) });
    }
    expect(sizes.length).toBeGreaterThan(LEADS);
    expect(sizes.filter((size) => size.bytes > MAX_MESSAGE_UTF16_BYTES || /too large/i.test(size.heading))).toEqual([]);
  }, 60_000);

  it("pages the police's 150 actions (120 their own, 30 shared) 20 at a time, each action on exactly one page", async () => {
    const first = await answerTo(harness, teamsMessage('my actions', undefined, PEOPLE.policeLead), /^Actions for/);
    expect(JSON.stringify(first)).toContain('Page 1 of 8: 150 actions');
    const { pages, seen } = await pageThrough(harness, first, PEOPLE.policeLead, /"type":"Action.Execute","title":"Update ([\d.]+)"/g);
    expect(pages).toBe(8);
    expect(seen).toHaveLength(150);
    expect(new Set(seen).size).toBe(150);
  });

  it('pages the partnership overview so every organisation and member is listed once', async () => {
    const first = await answerTo(harness, teamsMessage('show the partnership'), /^Partnership/);
    const { seen } = await pageThrough(harness, first, PEOPLE.officer, /"text":"(Organisation \d+) of the Prevent/g);
    expect(new Set(seen).size).toBe(ORGANISATIONS);
    expect(seen).toHaveLength(ORGANISATIONS);
  });

  it('a page button from an old card past the end shows the last page, not an error (pressed in a client that sends Action.Submit)', async () => {
    const [card] = await cardsFrom(harness, cardSubmit({ verb: 'actions-page', list: 'mine', page: 99 }, PEOPLE.policeLead));
    expect(JSON.stringify(card)).toMatch(/Page (\d+) of \1:/);
  });

  it('refuses a page that is not a whole number, and shows nothing else', async () => {
    const [card] = await cardsFrom(harness, cardSubmit({ verb: 'partnership-page', page: 'two' }));
    expect(JSON.stringify(card)).toContain('the page must be a number');
  });
});
