import { actionProgressSchema, actionSchema, type Action, type ActionProgress, type ActionRecord } from '../../domain/actions/action';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { ActionRepository, ChangeAuthor } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';
import { sameContent } from '../../domain/same-content';
import { linkedAction } from '../../domain/priorities/priority-links';
import { compareActionIds } from '../../domain/actions/action-order';

interface Stored {
  action: Action;
  progress?: ActionProgress;
  version: number;
  history: ActionProgress[];
  nonces: Set<string>;
}

/** Same contract as the Table repository (ETags, nonce idempotency, history), for unit tests. */
export class MemoryActionRepository implements ActionRepository {
  private readonly plans = new Map<string, Map<string, Stored>>();

  async list(partnershipId: string): Promise<ActionRecord[]> {
    return [...(this.plans.get(partnershipId)?.values() ?? [])].map((stored) => this.record(stored)).sort((a, b) => compareActionIds(a.action.id, b.action.id));
  }

  async get(partnershipId: string, actionId: string): Promise<ActionRecord | undefined> {
    const stored = this.plans.get(partnershipId)?.get(actionId);
    return stored ? this.record(stored) : undefined;
  }

  async savePlan(partnershipId: string, actions: readonly Action[], _author: ChangeAuthor): Promise<void> {
    const plan = this.plans.get(partnershipId) ?? new Map<string, Stored>();
    for (const action of actions) {
      const valid = parseOrThrow(actionSchema, action, `action ${action.id}`);
      const existing = plan.get(valid.id);
      if (existing) {
        existing.action = structuredClone(valid);
        existing.version += 1;
      } else {
        plan.set(valid.id, { action: structuredClone(valid), version: 1, history: [], nonces: new Set() });
      }
    }
    this.plans.set(partnershipId, plan);
  }

  async recordUpdate(
    partnershipId: string,
    actionId: string,
    progress: ActionProgress,
    etag: string,
    _current?: ActionRecord,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const valid = parseOrThrow(actionProgressSchema, progress, 'action update');
    const stored = this.plans.get(partnershipId)?.get(actionId);
    if (!stored) throw new NotFoundError(`action ${actionId} is not in the plan`);
    if (stored.nonces.has(valid.nonce)) return { record: this.record(stored), duplicate: true };
    if (etag !== this.etag(stored)) throw new ConflictError(`action ${actionId} changed since it was read`);
    stored.progress = structuredClone(valid);
    stored.history.unshift(structuredClone(valid));
    stored.nonces.add(valid.nonce);
    stored.version += 1;
    return { record: this.record(stored), duplicate: false };
  }

  async history(partnershipId: string, actionId: string): Promise<ActionProgress[]> {
    return structuredClone(this.plans.get(partnershipId)?.get(actionId)?.history ?? []);
  }

  async linkPriorities(
    partnershipId: string,
    actionId: string,
    priorityIds: readonly string[],
    etag: string,
    _author: ChangeAuthor,
  ): Promise<{ record: ActionRecord; duplicate: boolean }> {
    const stored = this.plans.get(partnershipId)?.get(actionId);
    if (!stored) throw new NotFoundError(`action ${actionId} is not in the plan`);
    const linked = linkedAction(stored.action, priorityIds);
    if (sameContent(stored.action.priorityIds ?? [], linked.priorityIds ?? [])) return { record: this.record(stored), duplicate: true };
    if (etag !== this.etag(stored)) throw new ConflictError(`action ${actionId} changed since it was read`);
    stored.action = structuredClone(linked);
    stored.version += 1;
    return { record: this.record(stored), duplicate: false };
  }

  private etag(stored: Stored): string {
    return `W/"${stored.version}"`;
  }

  private record(stored: Stored): ActionRecord {
    return {
      action: structuredClone(stored.action),
      ...(stored.progress ? { progress: structuredClone(stored.progress) } : {}),
      etag: this.etag(stored),
    };
  }
}
