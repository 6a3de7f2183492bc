import { AuditRecorder } from '../../../../src/domain/audit/audit-recorder';
import { auditRepositories } from '../../../../src/domain/audit/audited-repositories';
import { AssuranceService, type AnswerInput, type StatementSaveOutcome } from '../../../../src/domain/assurance/assurance-service';
import type { StatementTemplate } from '../../../../src/domain/assurance/statement-template';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../../../src/domain/errors';
import type { Actor } from '../../../../src/domain/partnership/member';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { loadAssuranceTemplate } from '../../../../src/storage/files/assurance-template-files';
import { MemoryAssuranceRepository } from '../../../../src/storage/memory/memory-assurance-repository';
import { MemoryAuditLog } from '../../../../src/storage/memory/memory-audit-log';
import { hmacValueHasher } from '../../../../src/storage/audit/audit-value-key';
import { chair, healthLead, NOW, officer, P, POLICE_CHAT, policeLead, staff, world } from '../services/world';

const template: StatementTemplate = loadAssuranceTemplate();
const ITEM_IDS = template.items.map((i) => i.id);

/** Every item answered, "In place" unless told otherwise. */
function allAnswered(overrides: Record<string, Partial<AnswerInput>> = {}): AnswerInput[] {
  return ITEM_IDS.map((itemId) => ({ itemId, answer: 'in-place', note: '', ...overrides[itemId] }));
}

async function setUp(now: Date = NOW) {
  const w = await world();
  const log = new MemoryAuditLog();
  const inner = new MemoryAssuranceRepository();
  const { assurance } = auditRepositories(
    { assurance: inner },
    new AuditRecorder(
      log,
      () => now,
      () => undefined,
      hmacValueHasher('a-test-audit-key-of-at-least-32-characters'),
    ),
  );
  let clock = now;
  const service = new AssuranceService(
    assurance,
    w.organisations,
    w.members,
    template,
    screenForPersonalData,
    { chaserDates: () => ['2026-12-22', '2026-12-29'] },
    w.channels,
    () => clock,
  );
  const save = (actor: Actor, input: { organisationId: string; nonce: string; etag?: string; confirm?: boolean; year?: string }, answers: AnswerInput[], problems: string[] = []) =>
    service.save(P, actor, { year: input.year ?? '2026-27', confirm: false, ...input }, () => ({ answers, problems }));
  return { ...w, log, inner, service, save, setClock: (d: Date) => (clock = d) };
}

function saved(outcome: StatementSaveOutcome) {
  if (outcome.kind !== 'saved') throw new Error(`expected a save, got ${outcome.kind} (${outcome.reason}): ${outcome.problems.join('; ')}`);
  return outcome;
}

describe('the annual assurance statement template (SOP 000 §4-§5)', () => {
  it('loads the shipped statement, every item citing the SOP passage it rests on', () => {
    expect(template.items.length).toBeGreaterThanOrEqual(5);
    for (const item of template.items) expect(item.basis).toMatch(/^SOP (4\.[4-8]|5)\b/);
  });
});

describe('AssuranceService.request', () => {
  it("asks for this financial year's statements: every organisation with a lead gets its card, the rest are listed", async () => {
    const { service, inner } = await setUp();
    const launch = await service.request(P, officer, 'request assurance statements by 29 January 2027');
    expect(launch.request).toMatchObject({ year: '2026-27', dueOn: '2027-01-29', requestedById: officer.aadObjectId });
    const asked = launch.requests.map((r) => [r.organisation.id, r.recipients.map((p) => p.aadObjectId), Boolean(r.form)]);
    expect(asked.sort()).toEqual([
      ['health', ['aad-health'], true],
      ['police', ['aad-police'], true],
      ['schools', [], false],
      ['wcc', [], false],
    ]);
    expect(launch.requests.find((r) => r.organisation.id === 'police')!.recipients[0]!.reference).toBe(POLICE_CHAT);
    await expect(inner.listRequests(P)).resolves.toHaveLength(1);
  });

  it('gives four weeks when no date is said', async () => {
    const { service } = await setUp();
    expect((await service.request(P, officer)).request.dueOn).toBe('2026-12-31');
  });

  it('refuses a second request for the same year, saying when the first was made', async () => {
    const { service } = await setUp();
    await service.request(P, officer);
    await expect(service.request(P, officer)).rejects.toThrow(ConflictError);
  });

  it.each([chair, policeLead, staff])('is for the Prevent Officer only (%s is refused, nothing is written)', async (actor) => {
    const { service, inner } = await setUp();
    await expect(service.request(P, actor)).rejects.toThrow(ForbiddenError);
    await expect(inner.listRequests(P)).resolves.toEqual([]);
  });

  it("pre-fills each organisation's card from its statement of last year", async () => {
    const { service, save, setClock } = await setUp(new Date('2025-12-01T10:00:00Z'));
    await service.request(P, officer);
    saved(
      await save(
        policeLead,
        { organisationId: 'police', nonce: 'nonce-last-year', year: '2025-26', confirm: true },
        allAnswered({ 'it-filters': { answer: 'partly', note: 'Filters reviewed with West Mercia IT' } }),
      ),
    );
    setClock(NOW);
    const launch = await service.request(P, officer);
    const police = launch.requests.find((r) => r.organisation.id === 'police')!.form!;
    expect(police.prefilledFrom).toBe('2025-26');
    expect(police.values['it-filters']).toEqual({ answer: 'partly', note: 'Filters reviewed with West Mercia IT' });
    expect(police.etag).toBeUndefined();
  });
});

describe('AssuranceService.save', () => {
  it("saves a lead's answers, then confirms once every item is answered, with an audit entry for each", async () => {
    const { service, save, log } = await setUp();
    await service.request(P, officer);
    const first = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-police-1' }, allAnswered().slice(0, 3)));
    expect(first.confirmed).toBe(false);
    const confirmed = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-police-2', etag: first.form.etag!, confirm: true }, allAnswered()));
    expect(confirmed.confirmed).toBe(true);
    expect(confirmed.form.confirmed).toEqual({ at: NOW.toISOString(), byName: policeLead.name });
    expect((await log.list(P)).map((e) => [e.verb, e.actorId, e.entity])).toEqual([
      ['assurance-request', officer.aadObjectId, 'assurance-year:2026-27'],
      ['assurance-save', policeLead.aadObjectId, 'assurance-statement:2026-27/police'],
      ['assurance-confirm', policeLead.aadObjectId, 'assurance-statement:2026-27/police'],
    ]);
  });

  it('lets the Prevent Officer answer on behalf of an organisation', async () => {
    const { service, save } = await setUp();
    await service.request(P, officer);
    expect(saved(await save(officer, { organisationId: 'schools', nonce: 'nonce-officer-1' }, allAnswered())).form.organisation.id).toBe('schools');
  });

  it.each([
    ['the lead of another organisation', healthLead],
    ['the chair', chair],
    ['a member of staff', staff],
  ])('refuses %s, writing nothing', async (_who, actor) => {
    const { service, save, inner } = await setUp();
    await service.request(P, officer);
    await expect(save(actor, { organisationId: 'police', nonce: 'nonce-refused-1' }, allAnswered())).rejects.toThrow(ForbiddenError);
    await expect(inner.getStatement(P, '2026-27', 'police')).resolves.toBeUndefined();
  });

  it("lets an organisation's named Prevent lead answer for it whatever their role", async () => {
    const { service, save, organisations } = await setUp();
    await organisations.save(
      P,
      { id: 'health', name: 'South Warwickshire NHS', sector: 'health-social-care', aliases: [], preventLeadId: chair.aadObjectId },
      { id: 't', name: 't' },
    );
    await service.request(P, officer);
    expect(saved(await save(chair, { organisationId: 'health', nonce: 'nonce-chair-1' }, allAnswered())).confirmed).toBe(false);
  });

  it('refuses a year that was never requested', async () => {
    const { save } = await setUp();
    await expect(save(policeLead, { organisationId: 'police', nonce: 'nonce-no-year-1' }, allAnswered())).rejects.toThrow(NotFoundError);
  });

  it('gives the card back with what to fix when it cannot be read, writing nothing', async () => {
    const { service, save, inner } = await setUp();
    await service.request(P, officer);
    const outcome = await save(policeLead, { organisationId: 'police', nonce: 'nonce-invalid-1' }, [], ['Item 2: keep the note under 1000 characters']);
    expect(outcome).toMatchObject({ kind: 'not-saved', reason: 'invalid', problems: ['Item 2: keep the note under 1000 characters'] });
    await expect(inner.getStatement(P, '2026-27', 'police')).resolves.toBeUndefined();
  });

  it('does not confirm a statement with an item unanswered, and saves nothing of that press', async () => {
    const { service, save, inner } = await setUp();
    await service.request(P, officer);
    const outcome = await save(policeLead, { organisationId: 'police', nonce: 'nonce-partial-1', confirm: true }, allAnswered().slice(1));
    expect(outcome.kind).toBe('not-saved');
    if (outcome.kind === 'not-saved') expect(outcome.problems.join('\n')).toContain(template.items[0]!.text);
    await expect(inner.getStatement(P, '2026-27', 'police')).resolves.toBeUndefined();
  });

  it.each([
    ['an NHS number', 'Referral of 943 476 5919 logged'],
    ['an email address', 'Ask jo.bloggs@example.com for the training log'],
  ])('refuses a note holding %s, naming the item, and writes nothing', async (_what, note) => {
    const { service, save, inner, log } = await setUp();
    await service.request(P, officer);
    const outcome = await save(policeLead, { organisationId: 'police', nonce: 'nonce-private-1' }, allAnswered({ records: { note } }));
    expect(outcome).toMatchObject({ kind: 'not-saved', reason: 'personal-data' });
    if (outcome.kind === 'not-saved') expect(outcome.problems[0]).toMatch(/^Item 9: /);
    await expect(inner.getStatement(P, '2026-27', 'police')).resolves.toBeUndefined();
    expect((await log.list(P)).map((e) => e.verb)).toEqual(['assurance-request']);
  });

  it('records a repeated press (the same nonce) once, and says it was already recorded', async () => {
    const { service, save, inner, log } = await setUp();
    await service.request(P, officer);
    const first = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-twice-01' }, allAnswered()));
    const again = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-twice-01' }, allAnswered({ records: { answer: 'not-yet' } })));
    expect(again.duplicate).toBe(true);
    expect(again.form.etag).toBe(first.form.etag);
    expect(await inner.history(P, '2026-27', 'police')).toHaveLength(1);
    expect((await log.list(P)).filter((e) => e.verb === 'assurance-save')).toHaveLength(1);
  });

  it("shows someone else's save instead of overwriting it when the card is out of date (ETag)", async () => {
    const { service, save, members, inner } = await setUp();
    await members.save(P, { aadObjectId: 'aad-police-2', name: 'Perry Police', role: 'partner-lead', organisationId: 'police' }, { id: 't', name: 't' });
    const perry: Actor = { aadObjectId: 'aad-police-2', name: 'Perry Police', role: 'partner-lead', organisationId: 'police' };
    await service.request(P, officer);
    const opened = await service.form(P, policeLead, '2026-27', 'police');
    saved(await save(perry, { organisationId: 'police', nonce: 'nonce-perry-01' }, allAnswered({ records: { answer: 'partly' } })));
    const late = await save(
      policeLead,
      { organisationId: 'police', nonce: 'nonce-pat-0001', ...(opened.etag ? { etag: opened.etag } : {}) },
      allAnswered({ records: { answer: 'not-yet' } }),
    );
    expect(late.kind === 'not-saved' && late.reason).toBe('conflict');
    expect(late.form.values['records']?.answer).toBe('partly');
    expect((await inner.getStatement(P, '2026-27', 'police'))?.value.answers['records']?.answer).toBe('partly');
  });

  it('treats a confirmed statement as final: a retry of the confirmation is the same one; any other press changes nothing', async () => {
    const { service, save, inner } = await setUp();
    await service.request(P, officer);
    const confirmed = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-final-01', confirm: true }, allAnswered()));
    const retry = saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-final-01', confirm: true }, allAnswered()));
    expect(retry.duplicate).toBe(true);
    expect(retry.savedAt).toBe(confirmed.savedAt);
    const after = await save(officer, { organisationId: 'police', nonce: 'nonce-final-02', etag: confirmed.form.etag! }, allAnswered({ records: { answer: 'not-yet' } }));
    expect(after.kind === 'not-saved' && after.reason).toBe('confirmed');
    expect(await inner.history(P, '2026-27', 'police')).toHaveLength(1);
  });
});

describe('AssuranceService.view and overview', () => {
  it('shows the Steering Group who has confirmed, who is part-way and who has not started', async () => {
    const { service, save } = await setUp();
    await service.request(P, officer);
    saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-view-001', confirm: true }, allAnswered({ 'venue-hire': { answer: 'not-yet' } })));
    saved(await save(healthLead, { organisationId: 'health', nonce: 'nonce-view-002' }, allAnswered().slice(0, 2)));
    for (const actor of [officer, chair]) {
      const view = await service.view(P, actor);
      if (view.kind !== 'overview') throw new Error('expected the overview');
      expect(view.outcome.confirmed.map((c) => c.organisation)).toEqual(['Warwickshire Police']);
      expect(view.outcome.partWay).toEqual(['South Warwickshire NHS']);
      expect([...view.outcome.notStarted].sort()).toEqual(['Rugby Schools', 'Warwickshire County Council']);
      expect(view.outcome.notInPlace.map((t) => [t.id, t.notYet, t.partly])).toEqual([['venue-hire', 1, 0]]);
    }
  });

  it("gives a lead their own organisation's statement card", async () => {
    const { service } = await setUp();
    await service.request(P, officer);
    const view = await service.view(P, healthLead);
    expect(view.kind === 'form' && view.form.organisation.id).toBe('health');
  });

  it('refuses staff, and says nothing was requested yet when nothing was', async () => {
    const { service } = await setUp();
    await expect(service.view(P, officer)).rejects.toThrow(NotFoundError);
    await service.request(P, officer);
    await expect(service.view(P, staff)).rejects.toThrow(ForbiddenError);
    await expect(service.overview(P, policeLead)).rejects.toThrow(ForbiddenError);
  });

  it('gives the agenda its outcome lines, counts from 1 to 4 never exact', async () => {
    const { service, save } = await setUp();
    expect(await service.agendaDetails(P)).toEqual({});
    await service.request(P, officer);
    saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-agenda-01', confirm: true }, allAnswered({ 'it-filters': { answer: 'partly' } })));
    expect((await service.agendaDetails(P))['assurance-statements']).toEqual([
      '2026-27 statements: 1 of 4 organisations confirmed (due 31 Dec 2026); 0 part-way, 3 not started.',
      `Most often not yet or only partly in place: ${template.items.find((i) => i.id === 'it-filters')!.text.replace(/\.$/, '')} (partly: fewer than 5).`,
    ]);
  });
});

describe('AssuranceService.boardReport', () => {
  it("gives the board report's assurance content to the Steering Group only", async () => {
    const { service, save } = await setUp();
    await expect(service.boardReport(P, chair)).resolves.toBeUndefined();
    await service.request(P, officer);
    saved(await save(policeLead, { organisationId: 'police', nonce: 'nonce-report-01', confirm: true }, allAnswered({ records: { answer: 'not-yet' } })));
    const report = await service.boardReport(P, chair);
    expect(report?.returned).toEqual(['Warwickshire Police']);
    expect(report?.itemsNotInPlace).toEqual([`${template.items.find((i) => i.id === 'records')!.text} (not yet: fewer than 5)`]);
    await expect(service.boardReport(P, policeLead)).rejects.toThrow(ForbiddenError);
  });
});

describe('AssuranceService input checks', () => {
  it('refuses a due date already past', async () => {
    const { service } = await setUp();
    await expect(service.request(P, officer, 'request assurance statements by 1 December 2026')).rejects.toThrow(InvalidError);
  });
});
