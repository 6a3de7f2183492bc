import type { Guidance } from './guidance/guidance';
import type { Partnership } from './partnership/partnership';

/**
 * Ports the domain needs from the outside world. Implementations live in src/storage (Azure Tables
 * for real, memory for unit tests); both must behave the same, and the integration tests hold the
 * Table versions to that.
 */

/** Who changed something and when: every write records it so the board report can show history. */
export interface ChangeAuthor {
  /** AAD object id, or a tool name such as "cli:seed-demo" for scripted changes. */
  readonly id: string;
  readonly name: string;
}

export interface PartnershipRepository {
  get(partnershipId: string): Promise<Partnership | undefined>;
  /** The partnership a Teams tenant belongs to, if one is registered for it. */
  findByTenant(tenantId: string): Promise<Partnership | undefined>;
  /** Create or replace; also (re)indexes the partnership's tenants. */
  save(partnership: Partnership, author: ChangeAuthor): Promise<void>;
}

export interface GuidanceRepository {
  /** The current guidance, validated; undefined when the partnership has not loaded any. */
  get(partnershipId: string): Promise<Guidance | undefined>;
  /** Replace the current guidance, keeping the previous version in history. */
  save(partnershipId: string, guidance: Guidance, author: ChangeAuthor): Promise<void>;
}

/** Reports whether backing storage answers, for /healthz. */
export interface StorageHealth {
  check(): Promise<{ reachable: boolean; latencyMs: number; error?: string }>;
}
