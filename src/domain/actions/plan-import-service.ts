import { authorise } from '../authorisation';
import { InvalidError } from '../errors';
import type { Actor } from '../partnership/member';
import type { ActionRepository, OrganisationRepository } from '../ports';
import { importPlan, summariseImport, type PlanImport, type PlanTable } from './plan-import';

export interface PlanImportOutcome {
  readonly result: PlanImport;
  readonly saved: boolean;
  /** "Imported 32 actions in 6 themes", or "Nothing imported: ..." with a line per problem row. */
  readonly summary: string;
}

/** Imports an action plan for the Prevent Officer: all or nothing, recorded progress kept. */
export class PlanImportService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  /**
   * A plan file sent in chat: `read` downloads and reads it only once the actor may import, so
   * nobody else's file is fetched at all.
   */
  async importFile(partnershipId: string, actor: Actor, read: () => Promise<PlanTable>): Promise<PlanImportOutcome> {
    authorise(actor, 'import-plan');
    return this.importTable(partnershipId, actor, await read());
  }

  async importTable(partnershipId: string, actor: Actor, table: PlanTable): Promise<PlanImportOutcome> {
    authorise(actor, 'import-plan');
    const organisations = await this.organisations.list(partnershipId);
    if (organisations.length === 0) {
      throw new InvalidError('The partnership has no organisations yet, so the plan\'s "Who" column cannot be matched. Load the organisations first.');
    }
    const result = importPlan(table, organisations);
    const saved = result.problems.length === 0;
    if (saved) await this.actions.savePlan(partnershipId, result.actions, { id: actor.aadObjectId, name: actor.name });
    return { result, saved, summary: summariseImport(result) };
  }
}
