import { authorise } from '../authorisation';
import { londonDate } from '../clock';
import { InvalidError } from '../errors';
import type { Actor } from '../partnership/member';
import type { ActionRepository, OrganisationRepository, PriorityRepository } from '../ports';
import { financialYearOf } from '../priorities/priority';
import { screenForPersonalData } from '../privacy/screen';
import type { Action } from './action';
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
    /** The year's priorities, so a Priority column is checked against them; without it only their shape is. */
    private readonly priorities?: PriorityRepository,
    private readonly now: () => Date = () => new Date(),
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
    const financialYear = financialYearOf(londonDate(this.now()));
    const register = await this.priorities?.get(partnershipId, financialYear);
    const priorities = register ? { financialYear, ids: register.register.priorities.filter((p) => !p.retired).map((p) => p.id) } : undefined;
    const result = importPlan(table, organisations, screenForPersonalData, priorities ? { priorities } : {});
    const saved = result.problems.length === 0;
    if (saved) {
      const actions = result.readsPriorities ? result.actions : await this.keepingLinks(partnershipId, result.actions);
      await this.actions.savePlan(partnershipId, actions, { id: actor.aadObjectId, name: actor.name });
    }
    return { result, saved, summary: summariseImport(result) };
  }

  /** A file without a Priority column says nothing about priorities: links made on cards stay. */
  private async keepingLinks(partnershipId: string, actions: readonly Action[]): Promise<Action[]> {
    const linked = new Map((await this.actions.list(partnershipId)).flatMap((r) => (r.action.priorityIds ? [[r.action.id, r.action.priorityIds] as const] : [])));
    return actions.map((action) => {
      const ids = linked.get(action.id);
      return ids ? { ...action, priorityIds: [...ids] } : action;
    });
  }
}
