/**
 * Coded domain errors. Services throw these; the bot edge (src/bot/error-replies.ts) is the one
 * place that turns a code into a card, so wording for users lives in one spot.
 */
export type DomainErrorCode = 'not-found' | 'conflict' | 'forbidden' | 'invalid' | 'storage-unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not-found', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

export class InvalidError extends DomainError {
  constructor(message: string, details: readonly string[] = []) {
    super('invalid', message, details);
  }
}

/** Storage could not be reached or refused the write: the user must be told it was not saved. */
export class StorageUnavailableError extends DomainError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('storage-unavailable', message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
