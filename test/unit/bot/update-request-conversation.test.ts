import { botHarness, cardOf, cardSubmit, cardText, channelMessage, PEOPLE, teamsMessage } from '../../support/bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** People "open a chat" with the bot by saying anything to it; that is when their reference is stored. */
async function sayHello(harness: Harness, person: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<void> {
  await harness.adapter.send(teamsMessage('hello', undefined, person)).assertReply(() => undefined);
}

async function requestUpdates(harness: Harness): Promise<string> {
  let text = '';
  await harness.adapter.send(teamsMessage('request updates', undefined, PEOPLE.officer)).assertReply((reply) => {
    text = cardText(reply);
  });
  return text;
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
    expect(summary).toContain('Sent to 1 person in 1 organisation: Pat Police.');
    expect(summary).toContain('Warwickshire County Council: no Prevent lead is registered');
    expect(summary).toContain('No partnership channel is known yet');
  });

  it('reports a lead who blocked the bot instead of failing the whole round', async () => {
    const harness = await botHarness();
    await sayHello(harness, PEOPLE.policeLead);
    harness.messenger.failFor.set('personal-aad-police', 403);
    const summary = await requestUpdates(harness);
    expect(summary).toMatch(/- Pat Police .*Warwickshire and West Mercia Police.*: has blocked or removed the bot/);
    expect(summary).toContain('Nobody could be asked yet.');
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
    await harness.adapter.send(channelMessage('help')).assertReply(() => undefined);
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
    expect(await requestUpdates(harness)).toContain('Pat Police');
    expect(harness.messenger.sent.some((s) => s.reference.includes('personal-opened-for-29:pat'))).toBe(true);
  });
});
