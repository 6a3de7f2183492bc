import type { Activity } from 'botbuilder';
import { botHarness, cardOf, cardSubmit, cardText, PEOPLE, teamsMessage, type Person } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** Asks for the update card of an action and returns the data its Submit button carries. */
async function openUpdateCard(harness: Harness, actionId: string, from: Person = PEOPLE.policeLead): Promise<Record<string, string>> {
  let data: Record<string, string> = {};
  await harness.adapter.send(teamsMessage(`update action ${actionId}`, undefined, from)).assertReply((reply) => {
    const card = cardOf(reply) as { actions: { data: Record<string, string> }[] };
    data = card.actions[0]!.data;
  });
  return data;
}

function lastReplacement(harness: Harness): string {
  const replaced = harness.adapter.replaced.at(-1) as Partial<Activity>;
  return cardText(replaced);
}

const goodUpdate = { status: 'on-track', progressNote: 'Venue due-diligence checklist agreed with district councils.', evidenceUrl: '', revisedDate: '' };

describe('my actions', () => {
  it("lists the partner lead's organisation's actions, and only those", async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('my actions', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Actions for Warwickshire and West Mercia Police');
      expect(text).toContain('Update 6.1');
      expect(text).toContain('Update 6.4');
      expect(text).not.toContain('Update 3.1');
    });
  });

  it('marks an action past its due date as overdue and red', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('my actions', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      expect(cardText(reply)).toMatch(/"text":"Red","color":"Attention".*31 Mar 2018 \(overdue\)/);
    });
  });

  it('tells someone outside every organisation that no actions are theirs, and how to change that', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('my actions', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('You are not listed as a member of an organisation');
    });
  });
});

describe('updating an action', () => {
  it('opens the update card for "update action 6.4" with a server-made nonce', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    expect(data).toMatchObject({ verb: 'action-update', actionId: '6.4' });
    expect(data['nonce']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces the card with a receipt naming who updated it and the new status', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate }, PEOPLE.policeLead));
    expect(lastReplacement(harness)).toMatch(/Updated by Pat Police at .*: On track/);
    expect((await harness.actions.get('warwickshire', '6.4'))?.progress).toMatchObject({ status: 'on-track', updatedById: 'aad-police' });
  });

  it('records a double-clicked submit once', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate }, PEOPLE.policeLead));
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate }, PEOPLE.policeLead));
    expect(await harness.actions.history('warwickshire', '6.4')).toHaveLength(1);
    expect(lastReplacement(harness)).toContain('already been recorded');
  });

  it('lets the Prevent Officer update any action', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4', PEOPLE.officer);
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate }, PEOPLE.officer));
    expect(await harness.actions.history('warwickshire', '6.4')).toHaveLength(1);
  });

  it('politely refuses staff who are not in an owner organisation, and writes nothing', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('update action 6.4', undefined, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the organisations that own action 6.4');
    });
    const forged = { verb: 'action-update', actionId: '6.4', nonce: 'forged-nonce-1', etag: 'W/"1"', ...goodUpdate };
    await harness.adapter.send(cardSubmit(forged, PEOPLE.staff)).assertReply((reply) => {
      expect(cardText(reply)).toContain('You cannot do that');
    });
    expect(await harness.actions.history('warwickshire', '6.4')).toEqual([]);
  });

  it('refuses a partner lead of another organisation', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('update action 6.4', undefined, PEOPLE.healthLead)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the organisations that own action 6.4');
    });
  });

  it('gives the card back with the typed text when the note holds personal data, and stores nothing', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    const note = 'Spoke to the family, contact jo.bloggs@example.com';
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate, progressNote: note }, PEOPLE.policeLead));
    const text = lastReplacement(harness);
    expect(text).toContain('please remove the personal details');
    expect(text).toContain('email address');
    expect(text).toContain(note);
    expect(await harness.actions.history('warwickshire', '6.4')).toEqual([]);
  });

  it('gives the card back with what to fix when the submit fails its checks, and stores nothing', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    await harness.adapter.send(cardSubmit({ ...data, status: '', progressNote: 'Half done', evidenceUrl: 'ftp://files' }, PEOPLE.policeLead));
    const text = lastReplacement(harness);
    expect(text).toContain('Not saved: please fix the following');
    expect(text).toContain('choose a status');
    expect(text).toContain('the evidence link must start with https://');
    expect(text).toContain('Half done');
    expect(await harness.actions.history('warwickshire', '6.4')).toEqual([]);
  });

  it.each(['*', 'W/"*"', '', 'anything'])('refuses a submit whose version is %j instead of the one the card was given, and overwrites nothing', async (etag) => {
    const harness = await botHarness();
    const first = await openUpdateCard(harness, '6.1', PEOPLE.policeLead);
    await harness.adapter.send(cardSubmit({ ...first, ...goodUpdate, status: 'at-risk' }, PEOPLE.policeLead));
    const second = await openUpdateCard(harness, '6.1', PEOPLE.officer);
    await harness.adapter.send(cardSubmit({ ...second, ...goodUpdate, status: 'complete', etag }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('Not saved');
    expect((await harness.actions.get('warwickshire', '6.1'))?.progress?.status).toBe('at-risk');
    expect(await harness.actions.history('warwickshire', '6.1')).toHaveLength(1);
  });

  it('says someone updated it a moment ago when two people edit at once, keeping the first update', async () => {
    const harness = await botHarness();
    const first = await openUpdateCard(harness, '6.1', PEOPLE.policeLead);
    const second = await openUpdateCard(harness, '6.1', PEOPLE.officer);
    await harness.adapter.send(cardSubmit({ ...first, ...goodUpdate, status: 'at-risk' }, PEOPLE.policeLead));
    await harness.adapter.send(cardSubmit({ ...second, ...goodUpdate, status: 'complete' }, PEOPLE.officer));
    expect(lastReplacement(harness)).toContain('someone updated this action a moment ago');
    expect(lastReplacement(harness)).toContain('At risk, by Pat Police');
    expect((await harness.actions.get('warwickshire', '6.1'))?.progress?.status).toBe('at-risk');
  });

  it('opens a fresh card from the receipt\'s "Edit update" button', async () => {
    const harness = await botHarness();
    const data = await openUpdateCard(harness, '6.4');
    await harness.adapter.send(cardSubmit({ ...data, ...goodUpdate }, PEOPLE.policeLead));
    await harness.adapter.send(cardSubmit({ verb: 'action-open', actionId: '6.4' }, PEOPLE.policeLead)).assertReply((reply) => {
      const card = cardOf(reply) as { actions: { data: Record<string, string> }[] };
      expect(card.actions[0]!.data['nonce']).not.toBe(data['nonce']);
      expect(cardText(reply)).toContain('Venue due-diligence checklist agreed');
    });
  });

  it('answers an action id that is not in the plan with "not found"', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('update action 9.9', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('There is no action 9.9 in the action plan.');
    });
  });
});
