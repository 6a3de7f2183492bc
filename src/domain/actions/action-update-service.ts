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

export type { PersonalDataScreen } from '../privacy/personal-data-error';

export class ActionUpdateService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly screen: PersonalDataScreen,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The action as it stands, for an update card; refused for someone who may not update it. */
  async openForUpdate(partnershipId: string, actor: Actor, actionId: string): Promise<ActionRecord> {
    const record = await this.require(partnershipId, actionId);
    this.assertMayUpdate(actor, record);
    return record;
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

  /** The actor's organisation's actions, in plan order; none for someone outside every organisation. */
  async actionsFor(partnershipId: string, actor: Actor): Promise<ActionRecord[]> {
    if (!actor.organisationId) return [];
    const all = await this.actions.list(partnershipId);
    return all.filter((record) => record.action.ownerOrganisationIds.includes(actor.organisationId!));
  }

  /** The whole plan, in plan order. */
  async allActions(partnershipId: string): Promise<ActionRecord[]> {
    return this.actions.list(partnershipId);
  }

  async get(partnershipId: string, actionId: string): Promise<ActionRecord> {
    return this.require(partnershipId, actionId);
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
