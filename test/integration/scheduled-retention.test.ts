import { odata, type TableClient } from '@azure/data-tables';
import { RETENTION_PERIODS } from '../../src/domain/privacy/retention-periods';
import { silentLogger } from '../../src/logger';
import { ScheduledRetention } from '../../src/storage/retention/scheduled-retention';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OutboxTableRepository } from '../../src/storage/tables/outbox-table-repository';
import type { TableStorage } from '../../src/storage/tables/table-storage';
import { UsedReportLinkTable } from '../../src/storage/tables/used-report-link-table';
import { sampleAction, sampleProgress } from '../support/action-repository-contract';
import { sampleRating, sampleReturn, sampleRound } from '../support/assessment-repository-contract';
import { capturedLogger } from '../support/log-capture';
import { sampleBatch, sampleMessage } from '../support/outbox-repository-contract';
import { conversationReference, members } from '../support/repository-contracts';
import { freshTableStorage } from '../support/test-storage';

const DAY_MS = 24 * 60 * 60 * 1000;
const P = 'warwickshire';
const AUTHOR = { id: 'aad-officer', name: 'Priya Officer' };

/**
 * The purge keys on when the Table service last wrote a row (its Timestamp), so rows are written
 * now and the purge is run with a clock set days later: 04:00 UTC on that day, which is after the
 * purge hour in UK time, winter or summer. The periods are days long; the few hours this moves the
 * clock by never decide a case.
 */
function daysAfter(start: number, days: number): () => Date {
  const at = new Date(start + days * DAY_MS);
  at.setUTCHours(4, 0, 0, 0);
  return () => at;
}

function retention(storage: TableStorage, now: () => Date, instanceId = 'a', logger = silentLogger): ScheduledRetention {
  return new ScheduledRetention({ storage, logger, instanceId, now });
}

async function rowKeysWithPrefix(table: TableClient, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  const filter = odata`RowKey ge ${prefix} and RowKey lt ${prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  for await (const row of table.listEntities({ queryOptions: { filter } })) keys.push(row.rowKey!);
  return keys;
}

describe('the daily retention purge, on Azurite', () => {
  let storage: TableStorage;
  let written: number;

  beforeEach(async () => {
    storage = await freshTableStorage();
    written = Date.now();
  });

  it('waits until 03:00 UK time, after the nightly backup', async () => {
    const early = new Date(written + 10 * DAY_MS);
    early.setUTCHours(1, 30, 0, 0);
    await expect(retention(storage, () => early).runDue()).resolves.toEqual({ outcome: 'not-yet', counts: {} });
  });

  it('is run once a day, by one instance', async () => {
    const now = daysAfter(written, 1);
    const outcomes = await Promise.all([retention(storage, now, 'a').runDue(), retention(storage, now, 'b').runDue()]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['done', 'taken']);
    expect((await retention(storage, now, 'c').runDue()).outcome).toBe('taken');
  });

  describe(`outbox cards (${RETENTION_PERIODS.outboxCardBodyDays} days after delivery ended)`, () => {
    async function seedOutbox() {
      const outbox = new OutboxTableRepository(storage.client('outbox'));
      await outbox.enqueue(sampleBatch(), [sampleMessage('sent'), sampleMessage('undeliverable'), sampleMessage('queued')]);
      const rows = await outbox.messages(P, sampleBatch().id);
      for (const { value, etag } of rows) {
        if (value.id === 'sent') await outbox.updateDelivery({ ...value, status: 'sent', attempts: 1, activityId: 'activity-1', sentAt: value.createdAt }, etag);
        if (value.id === 'undeliverable') await outbox.updateDelivery({ ...value, status: 'undeliverable', attempts: 1, lastError: 'bot removed by the user' }, etag);
      }
      return outbox;
    }

    it('keeps the card of a message whose delivery ended less than the period ago', async () => {
      const outbox = await seedOutbox();
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.outboxCardBodyDays - 2)).runDue();
      expect(counts.outboxCardsCleared).toBe(0);
      for (const { value } of await outbox.messages(P, sampleBatch().id)) expect(value.card).toEqual(sampleMessage(value.id).card);
    });

    it('clears the card and conversation reference of finished messages after the period, keeping the delivery record', async () => {
      const outbox = await seedOutbox();
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.outboxCardBodyDays + 2)).runDue();
      expect(counts.outboxCardsCleared).toBe(2);
      const byId = Object.fromEntries((await outbox.messages(P, sampleBatch().id)).map(({ value }) => [value.id, value]));
      expect(byId['sent']).toMatchObject({
        status: 'sent',
        sentAt: sampleMessage('sent').createdAt,
        activityId: 'activity-1',
        recipient: sampleMessage('sent').recipient,
        card: {},
        reference: '{}',
      });
      expect(byId['undeliverable']).toMatchObject({
        status: 'undeliverable',
        lastError: 'bot removed by the user',
        recipient: sampleMessage('undeliverable').recipient,
        card: {},
        reference: '{}',
      });
      expect(JSON.stringify([byId['sent'], byId['undeliverable']])).not.toContain('Card for');
    });

    it('never touches a message still waiting to be sent, however old', async () => {
      const outbox = await seedOutbox();
      await retention(storage, daysAfter(written, RETENTION_PERIODS.outboxCardBodyDays + 2)).runDue();
      const queued = (await outbox.messages(P, sampleBatch().id)).find(({ value }) => value.id === 'queued')!.value;
      expect(queued).toEqual(sampleMessage('queued'));
    });
  });

  describe(`card submit nonces (${RETENTION_PERIODS.submitNonceDays} days)`, () => {
    async function seedNonces() {
      const actions = new ActionTableRepository(storage.client('actions'));
      await actions.savePlan(P, [sampleAction('3.1')], AUTHOR);
      const { etag } = (await actions.get(P, '3.1'))!;
      await actions.recordUpdate(P, '3.1', sampleProgress('nonce-action-0001'), etag);
      const assessments = new AssessmentTableRepository(storage.client('assessments'));
      await assessments.createRound(P, sampleRound('2026-27-q3'));
      const change = { itemId: '1.1', after: sampleRating('developing') };
      await assessments.saveReturn(P, sampleReturn('2026-27-q3', 'police', { '1.1': change.after }), [change], 'nonce-rating-0001', undefined);
    }
    const nonceRows = async () => [...(await rowKeysWithPrefix(storage.client('actions'), 'nonce_')), ...(await rowKeysWithPrefix(storage.client('assessments'), 'rnonce_'))];

    it('keeps the markers of submits made within the period', async () => {
      await seedNonces();
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.submitNonceDays - 2)).runDue();
      expect(counts.submitNoncesDeleted).toBe(0);
      expect(await nonceRows()).toHaveLength(2);
    });

    it('deletes action and self-assessment submit markers older than the period, and nothing else', async () => {
      await seedNonces();
      const before = { actions: await rowKeysWithPrefix(storage.client('actions'), ''), assessments: await rowKeysWithPrefix(storage.client('assessments'), '') };
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.submitNonceDays + 2)).runDue();
      expect(counts.submitNoncesDeleted).toBe(2);
      expect(await nonceRows()).toEqual([]);
      expect(await rowKeysWithPrefix(storage.client('actions'), '')).toEqual(before.actions.filter((key) => !key.startsWith('nonce_')));
      expect(await rowKeysWithPrefix(storage.client('assessments'), '')).toEqual(before.assessments.filter((key) => !key.startsWith('rnonce_')));
      expect((await new ActionTableRepository(storage.client('actions')).get(P, '3.1'))!.progress?.nonce).toBe('nonce-action-0001');
    });
  });

  describe(`conversation references (${RETENTION_PERIODS.unregisteredConversationReferenceDays} days without a message, people who are not members)`, () => {
    async function seedReferences() {
      const repository = new MemberTableRepository(storage.client('members'));
      await repository.save(P, members.lead, AUTHOR);
      await repository.saveConversationReference(P, members.lead.aadObjectId, conversationReference(members.lead.aadObjectId));
      await repository.saveConversationReference(P, 'aad-staff-asked-once', conversationReference('aad-staff-asked-once', 'a:2-personal-chat'));
      return repository;
    }

    it('keeps the reference of someone who wrote within the period', async () => {
      const repository = await seedReferences();
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.unregisteredConversationReferenceDays - 2)).runDue();
      expect(counts.conversationReferencesDeleted).toBe(0);
      await expect(repository.getConversationReference(P, 'aad-staff-asked-once')).resolves.toEqual(expect.any(String));
    });

    it("deletes the reference of someone who is not a member after the period, and keeps a registered member's", async () => {
      const repository = await seedReferences();
      const { counts } = await retention(storage, daysAfter(written, RETENTION_PERIODS.unregisteredConversationReferenceDays + 2)).runDue();
      expect(counts.conversationReferencesDeleted).toBe(1);
      await expect(repository.getConversationReference(P, 'aad-staff-asked-once')).resolves.toBeUndefined();
      await expect(repository.getConversationReference(P, members.lead.aadObjectId)).resolves.toBe(conversationReference(members.lead.aadObjectId));
      await expect(repository.get(P, members.lead.aadObjectId)).resolves.toEqual(members.lead);
    });
  });

  describe('used report links (once the link has expired)', () => {
    it('deletes the record of an expired link and keeps one whose link still works', async () => {
      const links = new UsedReportLinkTable(storage.client('reportLinks'));
      const now = daysAfter(written, 1);
      await links.markUsed({ linkId: 'link-expired-00000001', format: 'docx', usedAt: new Date(written), expiresAt: new Date(now().getTime() - 60_000) });
      await links.markUsed({ linkId: 'link-current-00000001', format: 'csv', usedAt: new Date(written), expiresAt: new Date(now().getTime() + 60_000) });
      const { counts } = await retention(storage, now).runDue();
      expect(counts.usedReportLinksDeleted).toBe(1);
      await expect(links.markUsed({ linkId: 'link-current-00000001', format: 'csv', usedAt: now(), expiresAt: now() })).resolves.toBe('already-used');
    });
  });

  it('logs a purge that fails as an error, still runs the others, and gives the day back so the next check tries again', async () => {
    const references = new MemberTableRepository(storage.client('members'));
    await references.saveConversationReference(P, 'aad-staff-asked-once', conversationReference('aad-staff-asked-once'));
    await storage.client('outbox').deleteTable();
    const { logger, lines } = capturedLogger();
    const now = daysAfter(written, RETENTION_PERIODS.unregisteredConversationReferenceDays + 2);
    const failed = await retention(storage, now, 'a', logger).runDue();
    expect(failed.outcome).toBe('failed');
    expect(failed.counts).toMatchObject({ conversationReferencesDeleted: 1, submitNoncesDeleted: 0, usedReportLinksDeleted: 0 });
    expect(failed.counts.outboxCardsCleared).toBeUndefined();
    expect(lines()).toContainEqual(expect.objectContaining({ level: 50, purge: 'outboxCardsCleared', msg: 'retention purge failed; it will be tried again' }));

    await storage.client('outbox').createTable();
    expect((await retention(storage, now, 'b').runDue()).outcome).toBe('done');
  });
});
