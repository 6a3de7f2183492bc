import type { ChaseSubjectSource } from '../chasers/chasers';
import type { Organisation } from '../partnership/organisation';
import { RETURN_KIND_TITLES } from './figures';
import type { FiguresOwed } from './figures-service';

/** The open figures request as a chaser subject: until it is due, each organisation still owing a return, and which. */
export class FiguresChaseSource implements ChaseSubjectSource {
  constructor(private readonly figures: { owed(partnershipId: string): Promise<FiguresOwed | undefined> }) {}

  async openSubject(partnershipId: string, _organisations: readonly Organisation[]) {
    const owed = await this.figures.owed(partnershipId);
    if (!owed) return undefined;
    const items = new Map([...owed.owing].map(([organisationId, kinds]) => [organisationId, kinds.map((kind) => RETURN_KIND_TITLES[kind])]));
    return { kind: 'figures' as const, id: owed.request.quarter, title: `Quarterly figures for ${owed.request.quarter}`, deadline: owed.request.dueOn, owed: items };
  }
}
