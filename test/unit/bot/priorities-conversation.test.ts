import { botHarness, cardSubmit, DEMO_PEOPLE, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';
import { isRefusal, runTurn } from '../../support/bot-turn';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** The data of the first Action.Execute with this verb in a card's JSON. */
function actionData(card: string, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  JSON.parse(card, (_key, value: unknown) => {
    const node = value as { type?: string; verb?: string; data?: Record<string, unknown> } | null;
    if (!found && node && node.type === 'Action.Execute' && node.verb === verb) found = node.data;
    return value;
  });
  if (!found) throw new Error(`no ${verb} action on the card`);
  return found;
}

/** The cards' JSON with Markdown escapes taken out, to read as the person sees it. */
const shown = (cards: readonly string[]) => cards.join().replace(/\\\\/g, '');

async function say(harness: Harness, text: string, from: Person = PEOPLE.officer) {
  return runTurn(harness, teamsMessage(text, undefined, from));
}

describe('priorities in conversation', () => {
  it('lets the Prevent Officer add a priority from "add a priority", and shows it with its coverage to a partner lead', async () => {
    const harness = await botHarness();
    const form = await say(harness, 'add a priority');
    expect(form.cards[0]).toContain('Add priority P1 for 2026-27');
    const data = actionData(form.cards[0]!, 'priority-save');
    const saved = await runTurn(harness, cardSubmit({ ...data, title: 'Venues and permissive environments', description: 'Hire checks', source: 'CTLP 2026', retired: 'false' }));
    expect(shown(saved.cards)).toContain('Priority P1 saved.');
    expect(shown(saved.cards)).toContain('Priority P1 (Venues and permissive environments) has no actions in the plan.');

    const seen = await say(harness, 'priorities', PEOPLE.policeLead);
    expect(seen.cards[0]).toContain('P1 Venues and permissive environments');
    expect(seen.cards[0]).not.toContain('Add a priority');
  });

  it('takes a double click on Save as one priority', async () => {
    const harness = await botHarness();
    const data = actionData((await say(harness, 'add a priority')).cards[0]!, 'priority-save');
    const submit = { ...data, title: 'Online radicalisation', description: '', source: '', retired: 'false' };
    await runTurn(harness, cardSubmit(submit));
    const again = await runTurn(harness, cardSubmit(submit));
    expect(shown(again.cards)).toContain('Priority P1 was already saved.');
    expect((await harness.priorityRepository.get('warwickshire', '2026-27'))!.register.priorities).toHaveLength(1);
  });

  it('gives the form back saying what to fix when the title is missing, saving nothing', async () => {
    const harness = await botHarness();
    const data = actionData((await say(harness, 'add a priority')).cards[0]!, 'priority-save');
    const answer = await runTurn(harness, cardSubmit({ ...data, title: '  ', description: 'Kept as typed', retired: 'false' }));
    expect(shown(answer.cards)).toContain('Not saved: give the priority a title.');
    expect(shown(answer.cards)).toContain('Kept as typed');
    await expect(harness.priorityRepository.list('warwickshire')).resolves.toEqual([]);
  });

  it('refuses the register to staff and the form to the chair', async () => {
    const harness = await botHarness();
    expect(isRefusal(await say(harness, 'priorities', PEOPLE.staff))).toBe(true);
    expect(isRefusal(await say(harness, 'add a priority', PEOPLE.chair))).toBe(true);
  });
});

describe('priorities in the demo', () => {
  let demo: Harness;
  beforeAll(async () => {
    demo = await botHarness({ demo: true });
  });

  // The harness's today is 22 November 2026: financial year 2026-27.
  it("shows the chair this year's priorities on the summary with the one that has no actions called out", async () => {
    const harness = await botHarness({ demo: true });
    const chair = await say(harness, 'how are we doing?', DEMO_PEOPLE.chair);
    const card = shown(chair.cards);
    expect(card).toContain('Priorities 2026-27: actions addressing each');
    expect(card).toContain('Priority P7 (Mixed, unclear and unstable ideologies) has no actions in the plan.');
  });

  it("lists the board report's seven SOP 4.1 areas on the report card, the priorities first", async () => {
    const card = shown((await say(demo, 'board report', DEMO_PEOPLE.officer)).cards);
    const areas = [
      '1. Situational assessment',
      '2. Action plan',
      '3. Referral pathway',
      '4. Channel panel',
      '5. Training',
      '6. Overall compliance',
      '7. Engagement with key partners',
    ];
    const at = areas.map((area) => card.indexOf(area));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(card).toContain('Priorities of the Situational Assessment for 2026-27.');
  });

  it('lets the Prevent Officer link an action from the register card', async () => {
    const harness = await botHarness({ demo: true });
    const register = (await say(harness, 'priorities', DEMO_PEOPLE.officer)).cards[0]!;
    expect(register).toContain('before the year started');
    const open = await runTurn(harness, cardSubmit({ ...actionData(register, 'priority-link-open'), actionId: '2.2' }, DEMO_PEOPLE.officer));
    const data = actionData(open.cards[0]!, 'priority-link-save');
    const saved = await runTurn(harness, cardSubmit({ ...data, priorityIds: 'P6' }, DEMO_PEOPLE.officer));
    expect(shown(saved.cards)).toContain('Saved: action 2.2 addresses P6.');
  });
});
