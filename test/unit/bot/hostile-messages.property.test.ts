import fc from 'fast-check';
import { botHarness, PEOPLE, teamsMessage } from '../../support/bot-harness';
import { runTurn } from '../../support/bot-turn';
import { hostileString, renderedTexts, unsafeMarkup } from '../../support/hostile-input';

const RUNS = 100;

describe(`hostile chat messages: ${RUNS} messages`, () => {
  it('always get an answer, and the answer shows no markup from them', async () => {
    const harness = await botHarness();
    await fc.assert(
      fc.asyncProperty(hostileString, fc.constantFrom(...Object.values(PEOPLE)), async (text, person) => {
        const outcome = await runTurn(harness, teamsMessage(text, undefined, person));
        expect(outcome.cards.length).toBeGreaterThan(0);
        const texts = outcome.replies.flatMap((reply) => (reply.attachments ?? []).flatMap((a) => renderedTexts(a.content)));
        expect(texts.flatMap(unsafeMarkup)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('answers "%s", a name Object already has, like any other word', async (text) => {
    const harness = await botHarness();
    const outcome = await runTurn(harness, teamsMessage(text, undefined, PEOPLE.staff));
    expect(outcome.cards.join('')).toContain('help');
  });
});
