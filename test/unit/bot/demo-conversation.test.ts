import { botHarness, cardText, DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE, teamsMessage } from '../../support/bot-harness';

const plain = (text: string) => text.replace(/\\\\/g, '');

describe('a newcomer trying the seeded demo (npm start)', () => {
  it('the chair\'s "how are we doing?" summarises the latest round against the one before', async () => {
    const { adapter } = await botHarness({ demo: true });
    await adapter.send(teamsMessage('how are we doing?', DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('Compliance summary: 2026/27 Q2');
      // Of the demo's 16 organisations, the 14 specified authorities answer the framework.
      expect(text).toMatch(/1[0-4] of 14 organisations returned/);
      expect(text).toContain('answered by every specified authority');
      expect(text).not.toContain('nothing to compare with');
      expect(text).not.toMatch(/nothing to summarise/i);
      expect(text).toContain('32 actions');
    });
  });

  it('"agenda" shows the next quarterly meeting with last meeting\'s decisions under matters arising', async () => {
    const { adapter } = await botHarness({ demo: true });
    await adapter.send(teamsMessage('agenda', DEMO_PARTNERSHIP_TENANT, DEMO_PEOPLE.chair)).assertReply((reply) => {
      const text = plain(cardText(reply));
      expect(text).toContain('Prevent Steering Group: agenda');
      expect(text).not.toContain('No Steering Group meeting is scheduled yet.');
      expect(text).toContain('Channel Panel update');
      expect(text).toContain('Demo data: action plan reviewed');
    });
  });
});
