import { ConflictError } from '../../domain/errors';
import { figuresRequestSchema, figuresReturnSchema, returnKey, type FiguresRecord, type FiguresRequest, type FiguresReturn, type ReturnKind } from '../../domain/figures/figures';
import type { FiguresRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

interface Stored {
  value: FiguresReturn;
  version: number;
  history: FiguresReturn[];
}

/** Same contract as the Table repository (ETags, nonce idempotency, history), for unit tests. */
export class MemoryFiguresRepository implements FiguresRepository {
  private readonly returns = new Map<string, Map<string, Stored>>();
  private readonly nonces = new Map<string, Map<string, string>>();
  private readonly requests = new Map<string, FiguresRequest>();

  async get(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresRecord | undefined> {
    const stored = this.returns.get(partnershipId)?.get(returnKey(quarter, kind, organisationId));
    return stored ? this.toRecord(stored) : undefined;
  }

  async list(partnershipId: string): Promise<FiguresRecord[]> {
    return [...(this.returns.get(partnershipId)?.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, stored]) => this.toRecord(stored));
  }

  async record(partnershipId: string, value: FiguresReturn, etag: string | undefined): Promise<{ record: FiguresRecord; duplicate: boolean }> {
    const valid = parseOrThrow(figuresReturnSchema, value, 'figures return') as FiguresReturn;
    const key = returnKey(valid.quarter, valid.figures.kind, valid.organisationId);
    const partition = this.returns.get(partnershipId) ?? new Map<string, Stored>();
    const nonces = this.nonces.get(partnershipId) ?? new Map<string, string>();
    const seen = nonces.get(valid.nonce);
    if (seen !== undefined) return { record: this.toRecord(partition.get(seen)!), duplicate: true };
    const stored = partition.get(key);
    if ((stored ? this.etag(stored) : undefined) !== etag) throw new ConflictError(`the ${valid.figures.kind} figures for ${valid.quarter} changed since they were read`);
    const next: Stored = { value: structuredClone(valid), version: (stored?.version ?? 0) + 1, history: [structuredClone(valid), ...(stored?.history ?? [])] };
    partition.set(key, next);
    nonces.set(valid.nonce, key);
    this.returns.set(partnershipId, partition);
    this.nonces.set(partnershipId, nonces);
    return { record: this.toRecord(next), duplicate: false };
  }

  async history(partnershipId: string, quarter: string, kind: ReturnKind, organisationId: string): Promise<FiguresReturn[]> {
    return structuredClone(this.returns.get(partnershipId)?.get(returnKey(quarter, kind, organisationId))?.history ?? []);
  }

  async currentRequest(partnershipId: string): Promise<FiguresRequest | undefined> {
    const request = this.requests.get(partnershipId);
    return request ? structuredClone(request) : undefined;
  }

  async saveRequest(partnershipId: string, request: FiguresRequest): Promise<void> {
    this.requests.set(partnershipId, structuredClone(parseOrThrow(figuresRequestSchema, request, 'figures request')));
  }

  private etag(stored: Stored): string {
    return `W/"${stored.version}"`;
  }

  private toRecord(stored: Stored): FiguresRecord {
    return { value: structuredClone(stored.value), etag: this.etag(stored) };
  }
}
