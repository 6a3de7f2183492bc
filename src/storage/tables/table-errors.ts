import { ConflictError, NotFoundError, StorageUnavailableError } from '../../domain/errors';

interface RestLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

/**
 * Maps the Table service answers we expect to domain errors and rethrows anything else untouched:
 * 404 -> NotFound, 409 and 412 -> Conflict, 5xx and network failures -> StorageUnavailable.
 */
export function mapTableError(error: unknown, what: string): never {
  const e = (error ?? {}) as RestLikeError & { name?: string };
  // Only the operation deadline aborts Table calls: storage that does not answer in time is unavailable.
  if (e.name === 'AbortError') throw new StorageUnavailableError(`${what}: storage did not answer in time`, error);
  if (e.statusCode === 404) throw new NotFoundError(`${what}: not found`);
  if (e.statusCode === 409) throw new ConflictError(`${what}: already exists`);
  if (e.statusCode === 412) throw new ConflictError(`${what}: changed by someone else since it was read`);
  if ((e.statusCode !== undefined && e.statusCode >= 500) || (e.code && NETWORK_CODES.has(e.code))) {
    throw new StorageUnavailableError(`${what}: storage unavailable (${e.statusCode ?? e.code})`, error);
  }
  throw error;
}

export async function withTableErrors<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    return mapTableError(error, what);
  }
}
