import { StorageUnavailableError } from '../../../src/domain/errors';
import { botHarness, cardOf, cardSubmit, cardText, pinPartnershipChannel, PEOPLE, teamsMessage } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** People "open a chat" with the bot by saying anything to it; that is when their reference is stored. */
async function sayHello(harness: Harness, person: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<void> {
  await harness.adapter.send(teamsMessage('hello', undefined, person)).assertReply(() => undefined);
}

/**
 * Asks for updates and returns the Prevent Officer's delivery card as the outbox sender last left
 * it (the harness drains the outbox after each turn); `first` is the card as the reply showed it.
 */
async function requestUpdates(harness: Harness, text = 'request updates'): Promise<string> {
  return (await requestUpdatesShowing(harness, text)).latest;
}

async function requestUpdatesShowing(harness: Harness, text: string): Promise<{ first: string; latest: string }> {
  let first = '';
  let replyId = '';
  await harness.adapter.send(teamsMessage(text, undefined, PEOPLE.officer)).assertReply((reply) => {
    first = cardText(reply);
    replyId = reply.id ?? '';
  });
  const refreshed = harness.messenger.replaced.filter((r) => r.activityId === replyId).at(-1);
  return { first, latest: refreshed ? JSON.stringify(refreshed.card) : first };
}

describe('requesting updates', () => {
  it("sends each owner organisation's lead a card listing their actions, in their 1:1 chat", async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    await requestUpdates(harness);
    const toPolice = harness.messenger.sent.find((s) => s.reference.includes('personal-aad-police'));
    const card = JSON.stringify(toPolice?.card);
    expect(card).toContain('Update request: Warwickshire and West Mercia Police');
    expect(card).toContain('Update 6.1');
    expect(card).toContain('Update 6.4');
    expect(card).not.toContain('Update 3.1');
  });

  it('tells the Prevent Officer who was asked and who could not be reached, and why', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    const summary = await requestUpdates(harness);
    expect(summary).toContain('Finished sending to 1 person in 1 organisation: 1 sent.');
    expect(summary).toContain('Warwickshire County Council: no Prevent lead is registered');
    expect(summary).toContain('No partnership channel is set yet');
  });

  it('reports a lead who blocked the bot instead of failing the whole round', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    harness.messenger.failFor.set('personal-aad-police', 403);
    const summary = await requestUpdates(harness);
    expect(summary).toMatch(/- Pat Police .*Warwickshire and West Mercia Police.*: has blocked or removed the bot/);
    expect(summary).toContain('1 person in 1 organisation: 0 sent, 1 could not be delivered (bot removed by Pat Police).');
  });

  it('shows the Prevent Officer "sending" at once, then the card refreshed as the requests go out', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    const { first, latest } = await requestUpdatesShowing(harness, 'request updates');
    expect(first).toContain('Sending to 1 person in 1 organisation: 0 sent, 1 queued.');
    expect(latest).toContain('Finished sending to 1 person in 1 organisation: 1 sent.');
  });

  it('keeps a request Teams throttled queued for a retry, and says so', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    harness.messenger.failFor.set('personal-aad-police', 429);
    expect(await requestUpdates(harness)).toContain('Sending to 1 person in 1 organisation: 0 sent, 1 queued.');
    expect(harness.messenger.sent.filter((s) => s.reference.includes('personal-aad-police'))).toEqual([]);
  });

  it('asks for updates by the date the Prevent Officer gives, and says when the reminders go', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    const summary = await requestUpdates(harness, 'request updates by 18 December');
    expect(summary).toContain('Updates are due by 18 Dec 2026. Reminders go to anyone who has not replied on 9 Dec 2026 and 16 Dec 2026.');
    const toPolice = harness.messenger.sent.find((s) => s.reference.includes('personal-aad-police'));
    expect(JSON.stringify(toPolice?.card)).toContain('by 18 Dec 2026');
  });

  it("makes updates due the working day before the next meeting's agenda is posted when no date is given", async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('schedule meeting 12 March 2027 10:00', undefined, PEOPLE.officer)).assertReply(() => undefined);
    const summary = await requestUpdates(harness);
    expect(summary).toContain('Updates are due by 4 Mar 2027 (the working day before the agenda for the meeting on 12 Mar 2027 is posted)');
  });

  it('refuses a deadline that has already passed, asking nobody', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    expect(await requestUpdates(harness, 'request updates by 1 November 2026')).toContain('is not after today');
    expect(harness.messenger.sent).toEqual([]);
  });

  it('is refused for anyone but the Prevent Officer', async () => {
    const harness = await botHarness();
    await harness.adapter.send(teamsMessage('request updates', undefined, PEOPLE.chair)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Only the Prevent Officer can request updates');
    });
    expect(harness.messenger.sent).toEqual([]);
  });
});

describe('the progress card in the partnership channel', () => {
  it('is posted when updates are requested and moves when an update arrives', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await sayHello(harness, PEOPLE.policeLead);
    await requestUpdates(harness);
    const posted = harness.messenger.sent.find((s) => s.reference.includes('steering-group'));
    expect(JSON.stringify(posted?.card)).toContain('0 of 3 actions updated');

    harness.advance(60_000);
    let data: Record<string, string> = {};
    await harness.adapter.send(teamsMessage('update action 6.4', undefined, PEOPLE.policeLead)).assertReply((reply) => {
      data = (cardOf(reply) as { actions: { data: Record<string, string> }[] }).actions[0]!.data;
    });
    await harness.adapter.send(cardSubmit({ ...data, status: 'complete', progressNote: 'Venue checks in place.' }, PEOPLE.policeLead));

    const refreshed = harness.messenger.replaced.at(-1);
    expect(refreshed?.activityId).toBe(posted?.id);
    expect(JSON.stringify(refreshed?.card)).toContain('1 of 3 actions updated');
  });
});

describe('people joining the partnership team', () => {
  it('get a 1:1 chat reference stored, so update requests reach them before they ever speak to the bot', async () => {
    const harness = await botHarness();
    await pinPartnershipChannel(harness);
    await harness.adapter.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:pat', name: 'Pat Police', aadObjectId: PEOPLE.policeLead.aadObjectId }],
      recipient: { id: 'bot', name: 'Prevent Partnership Bot' },
      conversation: { id: '19:steering-group@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'Steering Group' },
      channelData: { tenant: { id: 'tenant-warwickshire' }, team: { id: '19:team@thread.tacv2' } },
    });
    const deadline = Date.now() + 2000;
    while (!(await harness.services.directory.personalChat('warwickshire', PEOPLE.policeLead.aadObjectId)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(harness.messenger.openedChats).toEqual(['29:pat']);
    expect(await requestUpdates(harness)).toContain('1 sent');
    expect(harness.messenger.sent.some((s) => s.reference.includes('personal-opened-for-29:pat'))).toBe(true);
  });
});

describe('when the outbox cannot be written', () => {
  it('tells the Prevent Officer nothing was sent, and takes the "sending" card away', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    jest.spyOn(harness.outboxRepository, 'enqueue').mockRejectedValue(new StorageUnavailableError('outbox: storage unavailable'));
    const deleted = jest.spyOn(harness.adapter, 'deleteActivity');
    // TestAdapter drops a deleted activity from the replies, as Teams removes it from the chat.
    await harness.adapter.send(teamsMessage('request updates', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Not saved, try again');
    });
    expect(deleted).toHaveBeenCalledTimes(1);
    expect(harness.messenger.sent).toEqual([]);
  });
});
