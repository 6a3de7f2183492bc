import type { Activity } from 'botbuilder';
import type { Guidance } from '../../../src/domain/guidance/guidance';
import { StorageUnavailableError } from '../../../src/domain/errors';
import type { GuidanceRepository } from '../../../src/domain/ports';
import { botHarness, cardOf, cardText, PEOPLE, teamsMessage } from '../../support/bot-harness';

describe('asking the bot for guidance', () => {
  it('answers "how do I make a referral?" with the referral pathway, 999 first', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('how do I make a referral?')).assertReply((reply) => {
      const card = cardOf(reply) as { body: unknown[] };
      expect(JSON.stringify(card.body[0])).toContain('call 999');
      expect(cardText(reply)).toContain('How to make a Prevent referral');
    });
  });

  it('answers "I\'m worried about someone" with the referral pathway', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage("I'm worried about someone")).assertReply((reply) => {
      expect(cardText(reply)).toContain('How to make a Prevent referral');
    });
  });

  it('answers "training" with the partnership\'s training catalogue', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('training')).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('WRAP (Workshop to Raise Awareness of Prevent)');
      expect(text).toContain('https://www.gov.uk/guidance/prevent-duty-training');
    });
  });

  it.each(["what's the weather like?", 'is it raining in Leamington'])(
    'answers %j, which it does not understand, with the help card, and never repeats it back',
    async (message) => {
      const { adapter } = await botHarness();
      await adapter.send(teamsMessage(message)).assertReply((reply) => {
        const text = cardText(reply);
        expect(text).toContain('What I can help with');
        expect(text).not.toContain(message.includes('Leamington') ? 'Leamington' : 'weather');
      });
    },
  );

  it('asks "Did you mean" when unsure, with the referral button always there and the message never repeated', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('what about it then', undefined, PEOPLE.officer)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Did you mean');
      expect(text).toContain('Make a Prevent referral');
      expect(text).not.toContain('what about it');
    });
  });

  it.each([
    'a learner has been sharing terrorist propaganda on whatsapp',
    'client keeps talking about making a bomb',
    'someone told me they are planning to travel to syria to fight',
    'man making threats to attack a mosque',
  ])('answers %j with the referral pathway first, 999 at the top', async (text) => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage(text, undefined, PEOPLE.staff)).assertReply((reply) => {
      const card = cardText(reply);
      expect(card.indexOf('call 999')).toBeGreaterThan(-1);
      expect(card).toContain('How to make a Prevent referral');
      expect(card).not.toContain(text);
    });
  });

  it('answers "help" with the help card and no "did not understand" line', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('help')).assertReply((reply) => {
      expect(cardText(reply)).toContain('What I can help with');
      expect(cardText(reply)).not.toContain('did not understand');
    });
  });

  it('still gives the 999 line when the partnership has not loaded its guidance', async () => {
    const empty: GuidanceRepository = { get: async () => undefined, save: async () => undefined };
    const { adapter } = await botHarness({ guidance: empty });
    await adapter.send(teamsMessage('report a concern')).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('has not set up its guidance yet');
      expect(text).toContain('call 999');
    });
  });

  it('tells the user when storage cannot be reached instead of failing silently', async () => {
    const failing: GuidanceRepository = {
      get: async () => {
        throw new StorageUnavailableError('read guidance: storage unavailable (ECONNREFUSED)');
      },
      save: async (_id: string, _g: Guidance) => undefined,
    };
    const { adapter } = await botHarness({ guidance: failing });
    await adapter.send(teamsMessage('training')).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('try again');
      expect(text).toMatch(/Reference: [0-9A-F]{8}/);
    });
  });
});

describe('the help card fits the person asking', () => {
  it("offers staff the referral pathway and training, not the Prevent Officer's commands", async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('help', undefined, PEOPLE.staff)).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('Make a Prevent referral');
      expect(text).not.toContain('Request updates');
      expect(text).not.toContain('My actions');
    });
  });

  it('offers the Prevent Officer request updates and self-assessment rounds', async () => {
    const { adapter } = await botHarness();
    await adapter.send(teamsMessage('help', undefined, PEOPLE.officer)).assertReply((reply) => {
      expect(cardText(reply)).toContain('Request updates (Prevent Officer)');
      expect(cardText(reply)).toContain('Start self-assessment (Prevent Officer)');
    });
  });
});

describe('help card buttons', () => {
  function submit(value: Record<string, unknown>): Partial<Activity> {
    return { ...teamsMessage(''), text: undefined, value };
  }

  it("asks the button's question as if it had been typed", async () => {
    const { adapter } = await botHarness();
    await adapter.send(submit({ verb: 'ask', question: 'How do I make a referral?' })).assertReply((reply) => {
      expect(cardText(reply)).toContain('How to make a Prevent referral');
    });
  });

  it('answers a malformed button payload with what was wrong, and nothing else', async () => {
    const { adapter } = await botHarness();
    await adapter.send(submit({ verb: 'ask', question: '' })).assertReply((reply) => {
      const text = cardText(reply);
      expect(text).toContain('That card could not be read. Nothing was saved.');
      expect(text).toContain('question: the question is empty');
    });
    expect(adapter.activeQueue).toHaveLength(0);
  });
});

describe('welcome', () => {
  it('sends the welcome card when the bot is added to a conversation', async () => {
    const { adapter } = await botHarness();
    const added: Partial<Activity> = {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'bot', name: 'Prevent Partnership Bot' }],
      recipient: { id: 'bot', name: 'Prevent Partnership Bot' },
      channelData: { tenant: { id: 'tenant-warwickshire' } },
    };
    await adapter.send(added).assertReply((reply) => {
      expect(cardText(reply)).toContain('Welcome to the Prevent Partnership Bot');
      expect(cardText(reply)).toContain('Warwickshire Prevent Partnership');
    });
  });

  it('stays quiet when someone else joins a team the bot is already in', async () => {
    const { adapter } = await botHarness();
    const joined: Partial<Activity> = {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-9', name: 'New Member' }],
      recipient: { id: 'bot', name: 'Prevent Partnership Bot' },
    };
    await adapter.send(joined);
    expect(adapter.activeQueue).toHaveLength(0);
  });
});

describe('tenant restriction', () => {
  it('ignores messages from a tenant outside the allow-list', async () => {
    const { adapter } = await botHarness({ allowedTenantIds: ['tenant-warwickshire'] });
    await adapter.send(teamsMessage('training', 'tenant-elsewhere'));
    expect(adapter.activeQueue).toHaveLength(0);
  });

  it('answers messages from an allowed tenant', async () => {
    const { adapter } = await botHarness({ allowedTenantIds: ['tenant-warwickshire'] });
    await adapter.send(teamsMessage('training')).assertReply((reply) => {
      expect(cardText(reply)).toContain('Prevent training');
    });
  });
});
