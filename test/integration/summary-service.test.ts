import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { OrganisationReturn, RatingChange } from '../../src/domain/assessment/assessment';
import type { Actor } from '../../src/domain/partnership/member';
import { ComplianceSummaryService } from '../../src/domain/summary/summary-service';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import type { TableKey, TableStorage } from '../../src/storage/tables/table-storage';
import { sampleProgress } from '../support/action-repository-contract';
import { actionRecords, FRAMEWORK, meeting, ORGANISATIONS, PREVIOUS_RETURNS, reply, round, THIS_RETURNS } from '../support/summary-fixtures';
import { freshTableStorage } from '../support/test-storage';

const P = 'warwickshire';
const author = { id: 'test', name: 'test' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };

/** A TableClient that records the RowKey of every entity the Table service sends back. */
function recording(client: TableClient, fetched: string[]): TableClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'listEntities') {
        return (...args: Parameters<TableClient['listEntities']>) => {
          const rows = target.listEntities(...args);
          return (async function* () {
            for await (const row of rows) {
              fetched.push(String(row.rowKey));
              yield row;
            }
          })();
        };
      }
      if (property === 'getEntity') {
        return async (...args: Parameters<TableClient['getEntity']>) => {
          const row = await target.getEntity(...args);
          fetched.push(String(row.rowKey));
          return row;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Saves a return as a partner would: a draft with one history row per item, then again, then the submission. */
async function storeReturn(assessments: AssessmentTableRepository, value: OrganisationReturn): Promise<void> {
  const { submittedAt, submittedById, submittedByName, ...draft } = value;
  const changes = (ratings: OrganisationReturn['ratings']): RatingChange[] => Object.entries(ratings).map(([itemId, after]) => ({ itemId, after }));
  let { record } = await assessments.saveReturn(P, draft, changes(draft.ratings), randomUUID(), undefined);
  ({ record } = await assessments.saveReturn(P, draft, changes(draft.ratings), randomUUID(), record.etag));
  if (submittedAt) await assessments.saveReturn(P, { ...draft, submittedAt, submittedById: submittedById!, submittedByName: submittedByName! }, [], randomUUID(), record.etag);
}

/**
 * Three rounds (an old one, the previous one, this one) with returns saved several times, the plan
 * with updates, organisations saved twice and a meeting changed after it was created: every kind of
 * history row the summary must never read.
 */
async function partnershipWithHistory(storage: TableStorage): Promise<void> {
  const organisations = new OrganisationTableRepository(storage.client('organisations'));
  for (const o of ORGANISATIONS) {
    await organisations.save(P, { ...o, sector: 'local-government', aliases: [] }, author);
    await organisations.save(P, { ...o, sector: 'local-government', aliases: [`${o.name} (old name)`] }, author);
  }
  const actions = new ActionTableRepository(storage.client('actions'));
  await actions.savePlan(
    P,
    actionRecords().map((r) => r.action),
    author,
  );
  for (const [i, record] of actionRecords().entries()) {
    if (!record.progress) continue;
    let etag = (await actions.get(P, record.action.id))!.etag;
    ({ etag } = (await actions.recordUpdate(P, record.action.id, sampleProgress(`nonce-first-${i}`, { status: 'not-started' }), etag)).record);
    await actions.recordUpdate(P, record.action.id, { ...record.progress, nonce: `nonce-final-${i}` }, etag);
  }
  const assessments = new AssessmentTableRepository(storage.client('assessments'));
  await assessments.createRound(P, round('2024-25-q3', '2024-10-01T09:00:00.000Z'));
  await assessments.createRound(P, round('2025-26-q3', '2025-10-01T09:00:00.000Z'));
  await assessments.createRound(P, round('2026-27-q3', '2026-10-01T09:00:00.000Z'));
  for (const value of PREVIOUS_RETURNS) {
    await storeReturn(assessments, { ...value, roundId: '2024-25-q3' });
    await storeReturn(assessments, value);
  }
  for (const value of THIS_RETURNS) await storeReturn(assessments, value);
  const meetings = new MeetingTableRepository(storage.client('meetings'));
  const held = meeting({});
  await meetings.create(P, held);
  const { etag } = (await meetings.get(P, held.id))!;
  await meetings.update(P, meeting({ alpha: reply('attending'), bravo: reply('apologies'), charlie: reply('deputy') }), etag);
}

describe('the compliance summary on Azurite', () => {
  let fetched: string[];
  let service: ComplianceSummaryService;

  beforeAll(async () => {
    const storage = await freshTableStorage();
    await partnershipWithHistory(storage);
    fetched = [];
    const client = (key: TableKey) => recording(storage.client(key), fetched);
    service = new ComplianceSummaryService(
      new AssessmentTableRepository(client('assessments')),
      new Map([[FRAMEWORK.id, FRAMEWORK]]),
      new OrganisationTableRepository(client('organisations')),
      new MemberTableRepository(client('members')),
      new ActionTableRepository(client('actions')),
      new MeetingTableRepository(client('meetings')),
      () => new Date('2026-11-22T10:00:00Z'),
    );
  });

  beforeEach(() => {
    fetched.length = 0;
  });

  it('gives the same figures as the hand-checked domain tests', async () => {
    const summary = await service.summary(P, chair, {});
    // See test/unit/domain/summary/summarise.test.ts for the arithmetic.
    expect(summary.benchmarks.map((b) => [b.score, b.previousScore, b.movement])).toEqual([
      [25, 25, 'same'],
      [75, 25, 'up'],
      [50, 75, 'down'],
    ]);
    expect(summary.overall).toEqual({ score: 50, previousScore: 42, movement: 'up' });
    expect(summary.returns.returned).toBe(2);
    expect(summary.actions.byRag).toEqual({ red: 3, amber: 1, green: 2 });
    expect(summary.attendance?.apologies.map((o) => o.name)).toEqual(['Bravo Police']);
  });

  it('never fetches a history row or a nonce marker', async () => {
    await service.reportData(P, chair);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((key) => /^(history|rhistory|nonce|rnonce)_/.test(key))).toEqual([]);
  });

  it('fetches the returns of this round and the previous one only, not of older rounds', async () => {
    await service.summary(P, chair, {});
    const returnRows = fetched.filter((key) => key.startsWith('return_'));
    expect(returnRows.sort()).toEqual([
      'return_2025-26-q3_alpha',
      'return_2025-26-q3_bravo',
      'return_2025-26-q3_charlie',
      'return_2026-27-q3_alpha',
      'return_2026-27-q3_bravo',
      'return_2026-27-q3_charlie',
    ]);
  });
});
