import {
  checkStatementSave,
  statementRequestSchema,
  type AssuranceStatement,
  type StatementChange,
  type StatementRecord,
  type StatementRequest,
} from '../../domain/assurance/assurance';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { AssuranceRepository } from '../../domain/ports';
import { parseOrThrow } from '../../domain/validation';

interface StoredStatement {
  value: AssuranceStatement;
  /** The ETag, as a counter. */
  version: number;
  /** Newest first. */
  history: StatementChange[];
}

interface Partition {
  requests: Map<string, StatementRequest>;
  statements: Map<string, StoredStatement>;
  /** nonce -> key of the statement it saved. */
  nonces: Map<string, string>;
}

/** Same contract as the Table repository (ETags, nonce idempotency, newest-first history), for unit tests. */
export class MemoryAssuranceRepository implements AssuranceRepository {
  private readonly partitions = new Map<string, Partition>();
  /** One counter for every statement, so an ETag read from one never matches another. */
  private versions = 0;

  async listRequests(partnershipId: string): Promise<StatementRequest[]> {
    return [...(this.partitions.get(partnershipId)?.requests.values() ?? [])].map((r) => structuredClone(r)).sort((a, b) => b.year.localeCompare(a.year));
  }

  async getRequest(partnershipId: string, year: string): Promise<StatementRequest | undefined> {
    const request = this.partitions.get(partnershipId)?.requests.get(year);
    return request ? structuredClone(request) : undefined;
  }

  async createRequest(partnershipId: string, request: StatementRequest): Promise<void> {
    const valid = parseOrThrow(statementRequestSchema, request, 'assurance statement request');
    const partition = this.partition(partnershipId);
    if (partition.requests.has(valid.year)) throw new ConflictError(`the ${valid.year} assurance statements were requested already`);
    partition.requests.set(valid.year, structuredClone(valid));
  }

  async getStatement(partnershipId: string, year: string, organisationId: string): Promise<StatementRecord | undefined> {
    const stored = this.partitions.get(partnershipId)?.statements.get(statementKey(year, organisationId));
    return stored ? record(stored) : undefined;
  }

  async listStatements(partnershipId: string, year: string): Promise<AssuranceStatement[]> {
    return [...(this.partitions.get(partnershipId)?.statements.values() ?? [])]
      .filter((stored) => stored.value.year === year)
      .map((stored) => structuredClone(stored.value))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId));
  }

  async saveStatement(
    partnershipId: string,
    value: AssuranceStatement,
    change: StatementChange,
    nonce: string,
    etag: string | undefined,
    _current?: { readonly record: StatementRecord | undefined },
  ): Promise<{ record: StatementRecord; duplicate: boolean }> {
    const { valid, entry } = checkStatementSave(value, change, nonce);
    const partition = this.partition(partnershipId);
    const key = statementKey(valid.year, valid.organisationId);
    const what = `assurance statement of ${valid.organisationId} for ${valid.year}`;
    const stored = partition.statements.get(key);

    const spentOn = partition.nonces.get(nonce);
    if (spentOn !== undefined) {
      if (spentOn !== key || !stored) throw new ConflictError(`this card (nonce ${nonce}) was already used to save another statement`);
      return { record: record(stored), duplicate: true };
    }
    if (etag === undefined && stored) throw new ConflictError(`the ${what} was started by someone else a moment ago`);
    if (etag !== undefined && !stored) throw new NotFoundError(`there is no ${what} to update`);
    if (stored && etag !== etagOf(stored)) throw new ConflictError(`the ${what} was saved by someone else since it was read`);

    const next: StoredStatement = { value: structuredClone(valid), version: ++this.versions, history: [structuredClone(entry), ...(stored?.history ?? [])] };
    partition.statements.set(key, next);
    partition.nonces.set(nonce, key);
    return { record: record(next), duplicate: false };
  }

  async history(partnershipId: string, year: string, organisationId: string): Promise<StatementChange[]> {
    return structuredClone(this.partitions.get(partnershipId)?.statements.get(statementKey(year, organisationId))?.history ?? []);
  }

  private partition(partnershipId: string): Partition {
    let partition = this.partitions.get(partnershipId);
    if (!partition) {
      partition = { requests: new Map(), statements: new Map(), nonces: new Map() };
      this.partitions.set(partnershipId, partition);
    }
    return partition;
  }
}

function statementKey(year: string, organisationId: string): string {
  return JSON.stringify([year, organisationId]);
}

function etagOf(stored: StoredStatement): string {
  return `W/"${stored.version}"`;
}

function record(stored: StoredStatement): StatementRecord {
  return { value: structuredClone(stored.value), etag: etagOf(stored) };
}
