import type { ActionRecord } from '../actions/action';
import { authorise, isAllowed } from '../authorisation';
import { londonDate, ukDate } from '../clock';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import type { Actor } from '../partnership/member';
import type { ActionRepository, OrganisationRepository, PriorityRepository } from '../ports';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError, type PersonalDataScreen } from '../privacy/personal-data-error';
import { priorityCoverage, type PriorityCoverage } from './priority-coverage';
import { agreedInTime, financialYearOf, financialYearStart, nextPriorityId, PRIORITIES_MAX, type Priority, type PriorityRegister, type PriorityRegisterRecord } from './priority';
import { sortedPriorityIds } from './priority-links';

/** What "priorities" shows: one year's register, its coverage by the plan, and what the viewer may do. */
export interface PrioritiesView {
  readonly financialYear: string;
  /** Undefined before anyone has added a priority for the year. */
  readonly record?: PriorityRegisterRecord;
  readonly coverage?: PriorityCoverage;
  /** Agreed before the year started, as SOP §4.2 asks; undefined while a draft. */
  readonly agreedInTime?: boolean;
  /** Years that have a register, newest first, for "priorities for 2025-26". */
  readonly years: readonly string[];
  /** The Prevent Officer: may add, edit, retire, agree and link. */
  readonly mayEdit: boolean;
  /** The plan's actions in order, for linking (only given to those who may edit). */
  readonly actions: readonly Pick<ActionRecord['action'], 'id' | 'text' | 'priorityIds'>[];
}

/** The add or edit form of one priority. */
export interface PriorityForm {
  readonly financialYear: string;
  /** The priority being edited; absent when adding. */
  readonly priority?: Priority;
  /** The id a new priority will get. */
  readonly nextId: string;
  /** The register's ETag as read ('' when there is no register yet). */
  readonly etag: string;
}

export interface PrioritySaveRequest {
  readonly financialYear: string;
  /** Absent: add a new priority. */
  readonly priorityId?: string;
  readonly title: string;
  readonly description: string;
  readonly source?: string;
  readonly retired: boolean;
  readonly nonce: string;
  /** '' when the form was opened before any register existed. */
  readonly etag: string;
}

export interface PrioritiesAgreeRequest {
  readonly financialYear: string;
  readonly agreedOn: string;
  readonly nonce: string;
  readonly etag: string;
}

/** One action's links, for the link card. */
export interface ActionLinkForm {
  readonly record: ActionRecord;
  readonly financialYear: string;
  /** The year's active priorities, and any retired one the action still names. */
  readonly priorities: readonly Priority[];
}

/**
 * The Situational Assessment priorities register (SOP 000 §4.2-4.3) and the links from the plan's
 * actions to it. Members of the partnership may look; only the Prevent Officer changes anything.
 */
export class PriorityService {
  constructor(
    private readonly priorities: PriorityRepository,
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly screen: PersonalDataScreen,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The financial year today is in ("2026-27"), on UK clocks. */
  currentYear(): string {
    return financialYearOf(londonDate(this.now()));
  }

  async view(partnershipId: string, actor: Actor, financialYear: string = this.currentYear()): Promise<PrioritiesView> {
    authorise(actor, 'view-priorities');
    const [record, registers, actions] = await Promise.all([
      this.priorities.get(partnershipId, financialYear),
      this.priorities.list(partnershipId),
      this.actions.list(partnershipId),
    ]);
    const mayEdit = isAllowed(actor, 'manage-priorities');
    const years = [...new Set([financialYear, ...registers.map((r) => r.register.financialYear)])].sort().reverse();
    return {
      financialYear,
      ...(record
        ? {
            record,
            coverage: priorityCoverage(
              record.register,
              actions.map((r) => r.action),
            ),
          }
        : {}),
      ...(record?.register.status === 'agreed' ? { agreedInTime: agreedInTime(record.register) } : {}),
      years,
      mayEdit,
      actions: mayEdit ? actions.map((r) => ({ id: r.action.id, text: r.action.text, ...(r.action.priorityIds ? { priorityIds: r.action.priorityIds } : {}) })) : [],
    };
  }

  /** The current year's coverage for the summary and the board report; undefined when there is no register. */
  async coverage(partnershipId: string, financialYear: string = this.currentYear()): Promise<PriorityCoverage | undefined> {
    const [record, actions] = await Promise.all([this.priorities.get(partnershipId, financialYear), this.actions.list(partnershipId)]);
    return record
      ? priorityCoverage(
          record.register,
          actions.map((r) => r.action),
        )
      : undefined;
  }

  async form(partnershipId: string, actor: Actor, financialYear: string, priorityId?: string): Promise<PriorityForm> {
    authorise(actor, 'manage-priorities');
    const record = await this.priorities.get(partnershipId, financialYear);
    const existing = record?.register.priorities ?? [];
    const priority = priorityId === undefined ? undefined : existing.find((p) => p.id === priorityId);
    if (priorityId !== undefined && !priority) throw new NotFoundError(`There is no priority ${priorityId} in ${financialYear}.`);
    return { financialYear, ...(priority ? { priority } : {}), nextId: nextPriorityId(existing), etag: record?.etag ?? '' };
  }

  /** Adds a priority, or changes (or retires) one; the register keeps its status. */
  async save(partnershipId: string, actor: Actor, request: PrioritySaveRequest): Promise<{ record: PriorityRegisterRecord; priorityId: string; duplicate: boolean }> {
    authorise(actor, 'manage-priorities');
    await this.assertNoPersonalData(partnershipId, [request.title, request.description, request.source ?? '']);
    const current = await this.priorities.get(partnershipId, request.financialYear);
    if (current?.register.nonce === request.nonce) return { record: current, priorityId: request.priorityId ?? current.register.priorities.at(-1)!.id, duplicate: true };
    const existing = current?.register.priorities ?? [];
    const priorityId = request.priorityId ?? nextPriorityId(existing);
    const fields: Priority = {
      id: priorityId,
      title: request.title,
      description: request.description,
      ...(request.source ? { source: request.source } : {}),
      retired: request.retired,
    };
    let priorities: Priority[];
    if (request.priorityId === undefined) {
      if (existing.length >= PRIORITIES_MAX)
        throw new InvalidError(`The ${request.financialYear} register already holds ${PRIORITIES_MAX} priorities: retire or edit one instead.`);
      priorities = [...existing, fields];
    } else {
      if (!existing.some((p) => p.id === priorityId)) throw new NotFoundError(`There is no priority ${priorityId} in ${request.financialYear}.`);
      priorities = existing.map((p) => (p.id === priorityId ? fields : p));
    }
    const register: PriorityRegister = {
      financialYear: request.financialYear,
      status: current?.register.status ?? 'draft',
      ...(current?.register.agreedOn ? { agreedOn: current.register.agreedOn } : {}),
      priorities,
      ...this.stamp(actor, request.nonce),
    };
    const saved = await this.write(partnershipId, actor, register, request.etag);
    return { ...saved, priorityId };
  }

  /** Records that the Steering Group agreed the year's register, and when (SOP §4.2: before the year starts). */
  async agree(partnershipId: string, actor: Actor, request: PrioritiesAgreeRequest): Promise<{ record: PriorityRegisterRecord; duplicate: boolean }> {
    authorise(actor, 'manage-priorities');
    const current = await this.priorities.get(partnershipId, request.financialYear);
    if (!current || current.register.priorities.every((p) => p.retired)) {
      throw new InvalidError(`There are no priorities for ${request.financialYear} to agree yet. Add them first with "add a priority".`);
    }
    if (current.register.nonce === request.nonce) return { record: current, duplicate: true };
    if (request.agreedOn > londonDate(this.now())) throw new InvalidError('The date agreed cannot be in the future: record it once the Steering Group has agreed the priorities.');
    const register: PriorityRegister = { ...current.register, status: 'agreed', agreedOn: request.agreedOn, ...this.stamp(actor, request.nonce) };
    return this.write(partnershipId, actor, register, request.etag);
  }

  /** The link card of one action: the current year's priorities to choose from. */
  async linkForm(partnershipId: string, actor: Actor, actionId: string): Promise<ActionLinkForm> {
    authorise(actor, 'manage-priorities');
    const financialYear = this.currentYear();
    const [record, register] = await Promise.all([this.actions.get(partnershipId, actionId), this.priorities.get(partnershipId, financialYear)]);
    if (!record) throw new NotFoundError(`There is no action ${actionId} in the action plan.`);
    if (!register) throw new NotFoundError(`There are no priorities for ${financialYear} yet. Add them first with "add a priority".`);
    const linked = record.action.priorityIds ?? [];
    return { record, financialYear, priorities: register.register.priorities.filter((p) => !p.retired || linked.includes(p.id)) };
  }

  /** Sets the priorities an action addresses: each must be one of the current year's. */
  async link(
    partnershipId: string,
    actor: Actor,
    request: { actionId: string; priorityIds: readonly string[]; etag: string },
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const form = await this.linkForm(partnershipId, actor, request.actionId);
    const known = new Set(form.priorities.map((p) => p.id));
    const unknown = request.priorityIds.filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new InvalidError(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the ${form.financialYear} priorities. Nothing was saved.`);
    try {
      return await this.actions.linkPriorities(partnershipId, request.actionId, sortedPriorityIds(request.priorityIds), request.etag, { id: actor.aadObjectId, name: actor.name });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(`Action ${request.actionId} was changed by someone else since this card was opened. Open it again to see it as it is now.`);
      throw error;
    }
  }

  private stamp(actor: Actor, nonce: string) {
    return { updatedById: actor.aadObjectId, updatedByName: actor.name, updatedAt: this.now().toISOString(), nonce };
  }

  private async write(partnershipId: string, actor: Actor, register: PriorityRegister, etag: string): Promise<{ record: PriorityRegisterRecord; duplicate: boolean }> {
    try {
      return await this.priorities.save(partnershipId, register, etag === '' ? undefined : etag, { id: actor.aadObjectId, name: actor.name });
    } catch (error) {
      if (error instanceof ConflictError) {
        throw new ConflictError(`The priorities of ${register.financialYear} were changed by someone else since this card was opened. Open them again with "priorities".`);
      }
      throw error;
    }
  }

  private async assertNoPersonalData(partnershipId: string, texts: readonly string[]): Promise<void> {
    const findings: string[] = [];
    for (const text of texts.filter((t) => t.trim() !== '')) findings.push(...(await screenKnowingPartners(this.screen, text, () => this.organisations.list(partnershipId))));
    if (findings.length > 0) throw new PersonalDataError([...new Set(findings)], 'What you entered');
  }
}

/** "before the year started (1 Apr 2026)" and the like, for cards and the report. */
export function agreedWording(register: Pick<PriorityRegister, 'status' | 'agreedOn' | 'financialYear'>): string {
  if (register.status !== 'agreed' || !register.agreedOn)
    return `Draft: not yet agreed by the Steering Group (SOP 4.2 asks for it before ${ukDate(financialYearStart(register.financialYear))}).`;
  const inTime = register.agreedOn < financialYearStart(register.financialYear);
  return `Agreed by the Steering Group on ${ukDate(register.agreedOn)}${inTime ? ', before the year started' : `, after the year started on ${ukDate(financialYearStart(register.financialYear))}`}.`;
}
