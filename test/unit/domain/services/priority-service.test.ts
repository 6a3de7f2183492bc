import { AuditRecorder } from '../../../../src/domain/audit/audit-recorder';
import { auditRepositories } from '../../../../src/domain/audit/audited-repositories';
import { hmacValueHasher } from '../../../../src/storage/audit/audit-value-key';
import type { Actor } from '../../../../src/domain/partnership/member';
import { PriorityService, type PrioritySaveRequest } from '../../../../src/domain/priorities/priority-service';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryAuditLog } from '../../../../src/storage/memory/memory-audit-log';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { MemoryPriorityRepository } from '../../../../src/storage/memory/memory-priority-repository';
import { sampleAction } from '../../../support/action-repository-contract';

const P = 'warwickshire';
const NOW = new Date('2026-11-22T10:00:00Z');
const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const lead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
const staff: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };

async function setUp() {
  const log = new MemoryAuditLog();
  const inner = { priorities: new MemoryPriorityRepository(), actions: new MemoryActionRepository() };
  const audited = auditRepositories(
    inner,
    new AuditRecorder(
      log,
      () => NOW,
      () => undefined,
      hmacValueHasher('a-test-audit-key-of-at-least-32-characters'),
    ),
  );
  await inner.actions.savePlan(P, [sampleAction('3.1'), sampleAction('5.2'), sampleAction('6.4')], { id: 't', name: 't' });
  const service = new PriorityService(audited.priorities, audited.actions, new MemoryOrganisationRepository(), screenForPersonalData, () => NOW);
  return { service, log, inner };
}

const add = (nonce: string, overrides: Partial<PrioritySaveRequest> = {}): PrioritySaveRequest => ({
  financialYear: '2026-27',
  title: 'Online radicalisation of young people',
  description: 'Under-18s drawn in online',
  source: 'CTLP 2026',
  retired: false,
  nonce,
  etag: '',
  ...overrides,
});

describe('the Situational Assessment priorities (SOP 4.2-4.3)', () => {
  it('works in UK financial years: 22 November 2026 is in 2026-27', async () => {
    const { service } = await setUp();
    expect(service.currentYear()).toBe('2026-27');
  });

  it('gives each new priority the next id, never reusing a retired one', async () => {
    const { service } = await setUp();
    const first = await service.save(P, officer, add('nonce-add-0001'));
    const retired = await service.save(P, officer, add('nonce-retire-01', { priorityId: 'P1', retired: true, etag: first.record.etag }));
    const second = await service.save(P, officer, add('nonce-add-0002', { title: 'Venues', etag: retired.record.etag }));
    expect([first.priorityId, second.priorityId]).toEqual(['P1', 'P2']);
    expect(second.record.register.priorities.map((p) => [p.id, p.retired])).toEqual([
      ['P1', true],
      ['P2', false],
    ]);
  });

  it('lets only the Prevent Officer change the register, and writes nothing for anyone else', async () => {
    const { service, inner } = await setUp();
    for (const actor of [chair, lead, staff]) await expect(service.save(P, actor, add('nonce-refused'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inner.priorities.list(P)).resolves.toEqual([]);
  });

  it('shows the register to members of the partnership but not to all staff, and the forms only to the officer', async () => {
    const { service } = await setUp();
    await service.save(P, officer, add('nonce-add-0001'));
    for (const actor of [chair, lead]) expect(await service.view(P, actor)).toMatchObject({ mayEdit: false, actions: [] });
    expect((await service.view(P, officer)).mayEdit).toBe(true);
    await expect(service.view(P, staff)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes the same submit twice as one change, recorded once in the audit log', async () => {
    const { service, log, inner } = await setUp();
    const first = await service.save(P, officer, add('nonce-twice-01'));
    const again = await service.save(P, officer, add('nonce-twice-01'));
    expect(again).toMatchObject({ duplicate: true, priorityId: 'P1' });
    expect(await inner.priorities.history(P, '2026-27')).toHaveLength(1);
    expect((await log.list(P)).map((e) => [e.actorId, e.verb, e.entity])).toEqual([['aad-officer', 'priorities-save', 'priorities:2026-27']]);
    expect(first.duplicate).toBe(false);
  });

  it("refuses a change made on a card older than someone else's, saying to open the priorities again", async () => {
    const { service } = await setUp();
    const first = await service.save(P, officer, add('nonce-add-0001'));
    await service.save(P, officer, add('nonce-add-0002', { title: 'Venues', etag: first.record.etag }));
    await expect(service.save(P, officer, add('nonce-add-0003', { title: 'Schools', etag: first.record.etag }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Open them again with "priorities"'),
    });
  });

  it('refuses personal data in any field, naming what was found and storing nothing', async () => {
    const { service, inner } = await setUp();
    await expect(service.save(P, officer, add('nonce-personal', { description: 'Ring jo.bloggs@example.com about it' }))).rejects.toMatchObject({
      code: 'invalid',
      details: ['It looks like it contains an email address. Please remove it.'],
    });
    await expect(service.save(P, officer, add('nonce-personal2', { source: 'Call 07700 900123' }))).rejects.toMatchObject({ code: 'invalid' });
    await expect(inner.priorities.list(P)).resolves.toEqual([]);
  });

  it('records the day the Steering Group agreed the register, and whether that was before the year started', async () => {
    const { service } = await setUp();
    const saved = await service.save(P, officer, add('nonce-add-0001'));
    await expect(service.agree(P, officer, { financialYear: '2026-27', agreedOn: '2026-12-01', nonce: 'nonce-agree-01', etag: saved.record.etag })).rejects.toMatchObject({
      code: 'invalid',
    });
    await service.agree(P, officer, { financialYear: '2026-27', agreedOn: '2026-03-12', nonce: 'nonce-agree-02', etag: saved.record.etag });
    expect(await service.view(P, chair)).toMatchObject({ agreedInTime: true, record: { register: { status: 'agreed', agreedOn: '2026-03-12' } } });
  });

  it('will not record an empty register as agreed', async () => {
    const { service } = await setUp();
    await expect(service.agree(P, officer, { financialYear: '2026-27', agreedOn: '2026-03-12', nonce: 'nonce-agree-01', etag: 'W/"1"' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('add a priority'),
    });
  });

  describe('actions linked to priorities', () => {
    async function withRegister() {
      const world = await setUp();
      const first = await world.service.save(P, officer, add('nonce-add-0001'));
      await world.service.save(P, officer, add('nonce-add-0002', { title: 'Venues and permissive environments', etag: first.record.etag }));
      return world;
    }

    it('links an action to the year’s priorities and counts it under each, calling out the priority with none', async () => {
      const { service, inner, log } = await withRegister();
      const { etag } = (await inner.actions.get(P, '6.4'))!;
      await service.link(P, officer, { actionId: '6.4', priorityIds: ['P1'], etag });
      const { coverage } = await service.view(P, lead);
      expect(coverage).toMatchObject({
        rows: [
          { priority: { id: 'P1' }, actionIds: ['6.4'] },
          { priority: { id: 'P2' }, actionIds: [] },
        ],
        uncovered: [{ id: 'P2', title: 'Venues and permissive environments' }],
        unlinkedActionIds: ['3.1', '5.2'],
      });
      expect((await log.list(P)).at(-1)).toMatchObject({ actorId: 'aad-officer', verb: 'action-priorities', entity: 'action:6.4' });
    });

    it('refuses a priority that is not in the year’s register, changing nothing', async () => {
      const { service, inner } = await withRegister();
      const { etag } = (await inner.actions.get(P, '6.4'))!;
      await expect(service.link(P, officer, { actionId: '6.4', priorityIds: ['P9'], etag })).rejects.toMatchObject({ code: 'invalid' });
      expect((await inner.actions.get(P, '6.4'))!.action.priorityIds).toBeUndefined();
    });

    it('lets only the Prevent Officer link actions', async () => {
      const { service, inner } = await withRegister();
      const { etag } = (await inner.actions.get(P, '6.4'))!;
      for (const actor of [chair, lead, staff]) await expect(service.link(P, actor, { actionId: '6.4', priorityIds: ['P1'], etag })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('says the action changed when the card is older than the action', async () => {
      const { service, inner } = await withRegister();
      const { etag } = (await inner.actions.get(P, '6.4'))!;
      await service.link(P, officer, { actionId: '6.4', priorityIds: ['P1'], etag });
      await expect(service.link(P, officer, { actionId: '6.4', priorityIds: ['P2'], etag })).rejects.toMatchObject({ code: 'conflict' });
    });
  });
});
