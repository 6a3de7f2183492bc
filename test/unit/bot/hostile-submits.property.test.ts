import fc from 'fast-check';
import { cardExecute, cardSubmit, PEOPLE } from '../../support/bot-harness';
import { runTurn } from '../../support/bot-turn';
import { seededHarness, VALID_PAYLOADS } from '../../support/card-payloads';
import { exportedCardVerbs, schemaKeys, VERB_SCHEMAS } from '../../support/card-verbs';
import { hostilePayload, renderedTexts, unsafeMarkup } from '../../support/hostile-input';
import { repositorySnapshot } from '../../support/repository-snapshot';
import { safeParseInput } from '../../../src/domain/validation';

/** Enough to meet each field's hostile values several times over while keeping the suite quick. */
const RUNS_PER_VERB = 60;
const VERBS = exportedCardVerbs();
const PEOPLE_LIST = Object.values(PEOPLE);

const tried = { total: 0, invalid: 0 };

describe(`hostile card submits: ${VERBS.length} verbs x 2 ways x ${RUNS_PER_VERB} payloads = ${VERBS.length * 2 * RUNS_PER_VERB} payloads`, () => {
  it('has a schema and a valid payload for every verb the cards export', () => {
    expect(VERBS.filter((verb) => !VERB_SCHEMAS[verb] || !VALID_PAYLOADS[verb])).toEqual([]);
  });

  // Each card action arrives either way: Action.Execute (an invoke) or its Action.Submit fallback (a message).
  it.each(VERBS.flatMap((verb) => [[verb, 'Action.Submit'] as const, [verb, 'Action.Execute'] as const]))(
    '%s as %s: never crashes, always answers, writes nothing when the payload is invalid and shows no markup from it',
    async (verb, via) => {
      const { harness, seeds } = await seededHarness();
      const schema = VERB_SCHEMAS[verb]!;
      const valid = VALID_PAYLOADS[verb]!(seeds);
      const keys = [...new Set([...schemaKeys(schema), ...Object.keys(valid)])];
      await fc.assert(
        fc.asyncProperty(hostilePayload(verb, keys, valid), fc.constantFrom(...PEOPLE_LIST), async (payload, person) => {
          const invalid = !safeParseInput(schema, payload).success;
          tried.total += 1;
          if (invalid) tried.invalid += 1;
          const before = invalid ? await repositorySnapshot(harness) : undefined;

          const outcome = await runTurn(harness, via === 'Action.Submit' ? cardSubmit(payload, person) : cardExecute(verb, payload, person));

          expect(outcome.cards.length).toBeGreaterThan(0);
          if (via === 'Action.Execute') expect(outcome.replies.filter((reply) => reply.type === 'invokeResponse')).toHaveLength(1);
          if (before !== undefined) expect(await repositorySnapshot(harness)).toBe(before);
          const texts = outcome.cards.flatMap((card) => renderedTexts(JSON.parse(card)));
          expect(texts.flatMap(unsafeMarkup)).toEqual([]);
        }),
        { numRuns: RUNS_PER_VERB },
      );
    },
    120_000,
  );

  it('answers a number field holding an object that cannot become a number, such as {"valueOf": 1}, with what to fix', async () => {
    const { harness, seeds } = await seededHarness();
    const before = await repositorySnapshot(harness);
    const outcome = await runTurn(harness, cardSubmit({ verb: 'summary-benchmark', roundId: seeds.roundId, benchmark: { valueOf: 1, toString: 1 } }, PEOPLE.chair));
    expect(outcome.cards.join('')).toContain('That card could not be read. Nothing was saved.');
    expect(await repositorySnapshot(harness)).toBe(before);
  });

  it('does not repeat a wrong choice back: HTML sent as a choice is not shown', async () => {
    const { harness, seeds } = await seededHarness();
    const outcome = await runTurn(harness, cardSubmit({ verb: 'meeting-reply', meetingId: seeds.meetingId, status: '<script>alert(1)</script>' }, PEOPLE.policeLead));
    expect(outcome.cards.join('')).toContain('status: expected one of attending, deputy, apologies');
    expect(outcome.cards.join('')).not.toContain('script');
  });

  it('answers a 100 KB value with a problem card small enough for Teams', async () => {
    const { harness, seeds } = await seededHarness();
    const outcome = await runTurn(harness, cardSubmit({ verb: 'chaser-open', kind: 'x'.repeat(100_000), subjectId: seeds.roundId, organisationId: 'police' }, PEOPLE.policeLead));
    expect(outcome.cards).toHaveLength(1);
    expect(Buffer.byteLength(outcome.cards[0]!)).toBeLessThan(80 * 1024);
  });

  afterAll(() => {
    // The figure the closing note quotes.
    process.stdout.write(`hostile card submits: ${tried.total} payloads tried over ${VERBS.length} verbs, ${tried.invalid} of them invalid\n`);
  });
});

describe('a framework id that is not in the catalogue', () => {
  it('is not shown back when it holds markup', async () => {
    const { harness } = await seededHarness();
    const outcome = await runTurn(
      harness,
      cardSubmit({ verb: 'assessment-start', name: '\u0000', frameworkId: '<script>alert(1)</script>', closesOn: '2027-03-31' }, PEOPLE.officer),
    );
    const texts = outcome.replies.flatMap((reply) => (reply.attachments ?? []).flatMap((a) => renderedTexts(a.content)));
    expect(texts.flatMap(unsafeMarkup)).toEqual([]);
    expect(outcome.cards.join('')).toContain('there is no such self-assessment framework');
  });
});
