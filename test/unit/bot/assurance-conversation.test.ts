import type { Activity } from 'botbuilder';
import { loadAssuranceTemplate } from '../../../src/storage/files/assurance-template-files';
import { botHarness, cardOf, cardSubmit, cardText, DEMO_PEOPLE, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;
type Card = { body: unknown[]; actions: { title: string; data: Record<string, unknown> }[] };

const template = loadAssuranceTemplate();
const plain = (text: string) => text.replace(/\\\\/g, '');

function lastReplacement(harness: Harness): Card {
  return cardOf(harness.adapter.replaced.at(-1) as Partial<Activity>) as Card;
}

function buttonData(card: Card, title: string): Record<string, unknown> {
  const action = card.actions.find((a) => a.title === title);
  if (!action) throw new Error(`no "${title}" button on ${JSON.stringify(card).slice(0, 300)}`);
  return action.data;
}

/** The statement card proactively sent to this person. */
function statementSentTo(harness: Harness, person: Person): Card {
  const sent = harness.messenger.sent.find((s) => s.reference.includes(`personal-${person.aadObjectId}`) && JSON.stringify(s.card).includes('Annual assurance statement'));
  if (!sent) throw new Error(`no statement card went to ${person.name}`);
  return sent.card as unknown as Card;
}

function answers(answer = 'in-place', note = 'Checked at the Steering Group.'): Record<string, string> {
  return Object.fromEntries(
    template.items.flatMap((item) => [
      [`answer-${item.id}`, answer],
      [`note-${item.id}`, note],
    ]),
  );
}

async function requestStatements(harness: Harness): Promise<void> {
  // The leads have written to the bot once, so it can reach them 1:1.
  for (const lead of [PEOPLE.policeLead, PEOPLE.healthLead]) await harness.adapter.send(teamsMessage('hello', undefined, lead)).assertReply(() => undefined);
  await harness.adapter.send(teamsMessage('request assurance statements', undefined, PEOPLE.officer)).assertReply((reply) => {
    expect(plain(cardText(reply))).toContain('Annual assurance statements 2026-27');
  });
  await harness.drain();
}

describe('annual assurance statements in conversation', () => {
  it("sends every organisation's lead this year's statement, and refuses anyone but the Prevent Officer the request", async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('request assurance statements', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer can request the annual assurance statements.');
    });
    await requestStatements(harness);
    const card = plain(JSON.stringify(statementSentTo(harness, PEOPLE.policeLead)));
    expect(card).toContain('Annual assurance statement 2026-27: Warwickshire and West Mercia Police');
    expect(card).toContain(template.items[0]!.text);
    expect(card).toContain('Confirm statement');
    expect(plain(JSON.stringify(statementSentTo(harness, PEOPLE.healthLead)))).toContain('South Warwickshire NHS Foundation Trust');
  });

  it('saves, then confirms: the receipt replaces the card, and the chair sees who has returned', async () => {
    const harness = await botHarness();
    await requestStatements(harness);
    const card = statementSentTo(harness, PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ ...buttonData(card, 'Save'), ...answers('partly') }, PEOPLE.policeLead));
    const receipt = plain(JSON.stringify(lastReplacement(harness)));
    expect(receipt).toContain('Assurance statement saved');
    expect(receipt).toContain(`Partly: ${template.items.length}`);

    await harness.adapter.send(cardSubmit(buttonData(lastReplacement(harness), 'Carry on'), PEOPLE.policeLead));
    const reopened = lastReplacement(harness);
    await harness.adapter.send(cardSubmit({ ...buttonData(reopened, 'Confirm statement'), ...answers('in-place') }, PEOPLE.policeLead));
    expect(plain(JSON.stringify(lastReplacement(harness)))).toContain('Assurance statement confirmed');

    await harness.adapter.send(teamsMessage('who has returned their assurance statement', undefined, PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('1 of 3 organisations have confirmed their statement.');
      expect(text).toContain('Warwickshire and West Mercia Police');
      expect(text).toContain('Not started (2)');
    });
  });

  it("lets the Prevent Officer open a statement from the overview to answer on an organisation's behalf; the chair only sees who has returned", async () => {
    const harness = await botHarness();
    await requestStatements(harness);
    await harness.adapter.send(teamsMessage('assurance statements', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).not.toContain('Open its statement');
    });
    let open: Record<string, unknown> = {};
    await harness.adapter.send(teamsMessage('assurance statements', undefined, PEOPLE.officer)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Open its statement');
      open = JSON.parse(text).body.at(-1).items[1].actions[0].data;
    });
    await harness.adapter.send(cardSubmit({ ...open, organisationId: 'wcc' }, PEOPLE.officer));
    expect(plain(JSON.stringify(lastReplacement(harness)))).toContain('Annual assurance statement 2026-27: Warwickshire County Council');
  });

  it('gives the card back, nothing saved, when a note holds personal data', async () => {
    const harness = await botHarness();
    await requestStatements(harness);
    const card = statementSentTo(harness, PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ ...buttonData(card, 'Save'), ...answers('in-place', 'Ask jo.bloggs@example.com') }, PEOPLE.policeLead));
    expect(plain(JSON.stringify(lastReplacement(harness)))).toContain('Not saved: please remove the personal details');
    await expect(harness.assurance.getStatement('warwickshire', '2026-27', 'police')).resolves.toBeUndefined();
  });

  it('lists statements owed under "who hasn\'t replied"', async () => {
    const harness = await botHarness();
    await requestStatements(harness);
    await harness.adapter.send(teamsMessage("who hasn't replied?", undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(plain(cardText(reply))).toContain('Annual assurance statement 2026-27');
    });
  });

  it("shows a newcomer to the demo this year's statements, a few already confirmed", async () => {
    const harness = await botHarness({ demo: true });
    await harness.adapter.send(teamsMessage('assurance statements', undefined, DEMO_PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('Annual assurance statements 2026-27');
      expect(text).toMatch(/[1-4] of 16 organisations have confirmed their statement\./);
      expect(text).toContain('Not started');
    });
  });
});
