import type { Activity } from 'botbuilder';
import { TYPING_AFTER_MS } from '../../../src/bot/typing-indicator';
import { botHarness, cardSubmit, channelMessage, teamsMessage } from '../../support/bot-harness';
import { HandTimers } from '../../support/hand-timers';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** Holds "training" answers until the test lets them through: a turn as slow as the test wants, with no real waiting. */
function slowTraining(harness: Harness) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered: () => void = () => undefined;
  const waiting = new Promise<void>((resolve) => (entered = resolve));
  const training = harness.services.guidance.training.bind(harness.services.guidance);
  jest.spyOn(harness.services.guidance, 'training').mockImplementation(async (...args) => {
    entered();
    await gate;
    return training(...args);
  });
  return { waiting, release };
}

const types = (activities: Partial<Activity>[]) => activities.map((a) => a.type);

afterEach(() => jest.restoreAllMocks());

describe('the typing indicator', () => {
  it('is sent once when a message has not been answered within a second, before the answer', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    const slow = slowTraining(harness);
    harness.adapter.activeQueue.splice(0);
    const turn = harness.adapter.processActivity(teamsMessage('training'));
    await slow.waiting;
    expect(timers.live()).toEqual([`after ${TYPING_AFTER_MS}`]);
    timers.fire('after');
    slow.release();
    await turn;
    expect(types(harness.adapter.activeQueue)).toEqual(['typing', 'message']);
    expect(timers.live()).toEqual([]);
  });

  it('is not sent when the answer comes first, and its timer ends with the turn', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    harness.adapter.activeQueue.splice(0);
    await harness.adapter.processActivity(teamsMessage('training'));
    timers.fire('after');
    expect(types(harness.adapter.activeQueue)).toEqual(['message']);
    expect(timers.live()).toEqual([]);
  });

  it('is not sent for a card press (Action.Submit) answered before the second is up', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    harness.adapter.activeQueue.splice(0);
    const turn = harness.adapter.processActivity(cardSubmit({ verb: 'member-form' }));
    await turn;
    timers.fire('after');
    expect(types(harness.adapter.activeQueue)).not.toContain('typing');
  });

  it('is never armed in a channel, where Teams shows none for a bot', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    const slow = slowTraining(harness);
    harness.adapter.activeQueue.splice(0);
    const turn = harness.adapter.processActivity(channelMessage('training'));
    await slow.waiting;
    expect(timers.live()).toEqual([]);
    slow.release();
    await turn;
    expect(types(harness.adapter.activeQueue)).not.toContain('typing');
  });

  it('is never armed for an invoke or a conversation event, where nobody is waiting on a message', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    await harness.adapter.processActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Prevent Partnership Bot' }],
      recipient: { id: 'bot', name: 'Prevent Partnership Bot' },
      conversation: { id: 'personal-x', conversationType: 'personal', isGroup: false, name: '' },
      channelData: { tenant: { id: 'tenant-warwickshire' } },
    });
    await harness.adapter.processActivity({ ...teamsMessage(''), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'unknown' } } });
    expect(timers.armed).toEqual([]);
  });

  it('that cannot be sent does not fail the turn', async () => {
    const timers = new HandTimers();
    const harness = await botHarness({ turnTimers: timers });
    const slow = slowTraining(harness);
    const turn = harness.adapter.processActivity(teamsMessage('training'));
    await slow.waiting;
    const send = harness.adapter.sendActivities.bind(harness.adapter);
    jest.spyOn(harness.adapter, 'sendActivities').mockImplementation(async (context, activities) => {
      if (activities.some((a) => a.type === 'typing')) throw new Error('Teams did not take it');
      return send(context, activities);
    });
    timers.fire('after');
    slow.release();
    await turn;
    expect(types(harness.adapter.activeQueue)).toContain('message');
  });
});
