import { londonDate } from '../clock';
import type { ChaseSubjectSource } from '../chasers/chasers';
import type { Organisation } from '../partnership/organisation';
import type { AssuranceRepository } from '../ports';

/** The year's assurance statements as a chaser subject: until they are due, every organisation that has not confirmed owes one. */
export class AssuranceChaseSource implements ChaseSubjectSource {
  constructor(
    private readonly assurance: AssuranceRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async openSubject(partnershipId: string, organisations: readonly Organisation[]) {
    const today = londonDate(this.now());
    const request = (await this.assurance.listRequests(partnershipId)).find((r) => r.dueOn >= today);
    if (!request) return undefined;
    const confirmed = new Set((await this.assurance.listStatements(partnershipId, request.year)).filter((s) => s.confirmedAt).map((s) => s.organisationId));
    const owed = new Map(organisations.filter((o) => !confirmed.has(o.id)).map((o) => [o.id, [] as string[]]));
    return { kind: 'assurance-statement' as const, id: request.year, title: `Annual assurance statement ${request.year}`, deadline: request.dueOn, owed };
  }
}
