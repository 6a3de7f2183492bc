import { authorise } from '../authorisation';
import { NotFoundError } from '../errors';
import { screenKnowingPartners } from '../privacy/known-names';
import { PersonalDataError, type PersonalDataScreen } from '../privacy/personal-data-error';
import type { Actor } from '../partnership/member';
import type { ActionRepository, OrganisationRepository } from '../ports';
import type { ActionProgress, ActionRecord, ActionStatus } from './action';

/** What a partner typed on the update card, after the card payload passed its schema. */
export interface ActionUpdateRequest {
  readonly actionId: string;
  readonly status: ActionStatus;
  readonly progressNote: string;
  readonly evidenceUrl?: string;
  readonly revisedDate?: string;
  /** From the card: makes the write idempotent. */
  readonly nonce: string;
  /** From the card: the version the partner was looking at. */
  readonly etag: string;
}

/** An action and what its owners are called: all an update card shows. */
export interface ActionCardView {
  readonly record: ActionRecord;
  readonly organisationNames: ReadonlyMap<string, string>;
}

export interface MyActions {
  readonly records: readonly ActionRecord[];
  readonly organisationNames: ReadonlyMap<string, string>;
  /** The actor's organisation, as named in the partnership; absent for someone outside every organisation. */
  readonly organisationName?: string;
}

export type { PersonalDataScreen } from '../privacy/personal-data-error';

export class ActionUpdateService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly screen: PersonalDataScreen,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The action as it stands, for an update card; refused for someone who may not update it. */
  async openForUpdate(partnershipId: string, actor: Actor, actionId: string): Promise<ActionCardView> {
    const [record, organisationNames] = await Promise.all([this.require(partnershipId, actionId), this.organisationNames(partnershipId)]);
    this.assertMayUpdate(actor, record);
    return { record, organisationNames };
  }

  async submit(partnershipId: string, actor: Actor, request: ActionUpdateRequest): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const record = await this.require(partnershipId, request.actionId);
    this.assertMayUpdate(actor, record);
    // Notes name partner venues; the organisations are read only if the note looks personal at first.
    const findings = await screenKnowingPartners(this.screen, request.progressNote, () => this.organisations.list(partnershipId));
    if (findings.length > 0) throw new PersonalDataError(findings);
    const progress: ActionProgress = {
      status: request.status,
      progressNote: request.progressNote,
      ...(request.evidenceUrl ? { evidenceUrl: request.evidenceUrl } : {}),
      ...(request.revisedDate ? { revisedDate: request.revisedDate } : {}),
      updatedById: actor.aadObjectId,
      updatedByName: actor.name,
      updatedAt: this.now().toISOString(),
      nonce: request.nonce,
    };
    return this.actions.recordUpdate(partnershipId, request.actionId, progress, request.etag, record);
  }

  /**
   * "my actions": the actor's organisation's actions in plan order (none for someone outside every
   * organisation), with the organisation's name and every owner's name for the card.
   */
  async myActions(partnershipId: string, actor: Actor): Promise<MyActions> {
    const { organisationId } = actor;
    const [all, organisationNames] = await Promise.all([organisationId ? this.actions.list(partnershipId) : [], this.organisationNames(partnershipId)]);
    const records = all.filter((record) => organisationId && record.action.ownerOrganisationIds.includes(organisationId));
    return { records, organisationNames, ...(organisationId ? { organisationName: organisationNames.get(organisationId) ?? organisationId } : {}) };
  }

  /** The whole plan, in plan order. */
  async allActions(partnershipId: string): Promise<ActionRecord[]> {
    return this.actions.list(partnershipId);
  }

  async get(partnershipId: string, actionId: string): Promise<ActionRecord> {
    return this.require(partnershipId, actionId);
  }

  private async organisationNames(partnershipId: string): Promise<Map<string, string>> {
    return new Map((await this.organisations.list(partnershipId)).map((o) => [o.id, o.name]));
  }

  private async require(partnershipId: string, actionId: string): Promise<ActionRecord> {
    const record = await this.actions.get(partnershipId, actionId);
    if (!record) throw new NotFoundError(`There is no action ${actionId} in the action plan.`);
    return record;
  }

  /** Owner organisations' partner leads, the Prevent Officer and the chair may update an action. */
  private assertMayUpdate(actor: Actor, record: ActionRecord): void {
    authorise(actor, 'update-action', { organisationIds: record.action.ownerOrganisationIds, actionId: record.action.id });
  }
}
