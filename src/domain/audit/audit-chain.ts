import type { AuditEntry, AuditEvent, AuditHead, StoredAuditEntry, ValueHashScheme } from './audit-entry';
import { sha256Hex } from './sha256';

/** The previousHash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string): string {
  return sha256Hex(text);
}

/**
 * The keyed digest the log keeps of old and new values. Plain SHA-256 let anyone holding the log
 * confirm a guessed value (an erased member's name) by hashing it; with a secret key only the
 * deployment can.
 */
export interface ValueHasher {
  readonly scheme: ValueHashScheme;
  digest(text: string): string;
}

/**
 * The unkeyed hash of a value, as entries written before keyed hashing hold it (format 1, no
 * `valueHashing` field); undefined when there is no value (a creation).
 */
export function valueHash(value: unknown): string | undefined {
  return value === undefined ? undefined : sha256(canonicalJson(value));
}

/** The hash new entries keep of an old or new value: the keyed digest of its canonical JSON. */
export function keyedValueHash(value: unknown, hasher: ValueHasher): string | undefined {
  return value === undefined ? undefined : hasher.digest(canonicalJson(value));
}

/** The hash of an entry: over the canonical JSON of every field but `hash` itself. */
export function entryHash(entry: Omit<StoredAuditEntry, 'hash'>): string {
  // `valueHashing` is absent from format-1 entries, and canonicalJson leaves undefined out, so their hashes are unchanged.
  const { partnershipId, sequence, at, actorId, verb, entity, beforeHash, afterHash, valueHashing, pendingId, previousHash } = entry;
  return sha256(canonicalJson({ partnershipId, sequence, at, actorId, verb, entity, beforeHash, afterHash, valueHashing, pendingId, previousHash }));
}

/** The entry that follows `head` (or starts the chain) for an event. */
export function chainEntry(partnershipId: string, head: AuditHead | undefined, event: AuditEvent): AuditEntry {
  const unhashed = {
    partnershipId,
    sequence: (head?.sequence ?? 0) + 1,
    at: event.at,
    actorId: event.actorId,
    verb: event.verb,
    entity: event.entity,
    ...(event.beforeHash ? { beforeHash: event.beforeHash } : {}),
    ...(event.afterHash ? { afterHash: event.afterHash } : {}),
    ...(event.valueHashing ? { valueHashing: event.valueHashing } : {}),
    ...(event.pendingId ? { pendingId: event.pendingId } : {}),
    previousHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}

export type ChainBreak = 'edited row' | 'missing row' | 'reordered row';

export type ChainVerdict =
  | { readonly intact: true; readonly entries: number }
  | { readonly intact: false; readonly entries: number; readonly sequence: number; readonly problem: ChainBreak; readonly detail: string };

/**
 * Checks a chain as storage returned it (in storage order). Reports the first break: a row whose
 * hash no longer matches its fields (edited), a sequence that is absent (missing; the head catches
 * rows removed from the end), or a row out of place (reordered).
 */
export function verifyChain(entries: readonly StoredAuditEntry[], head?: AuditHead): ChainVerdict {
  const sequences = new Set(entries.map((e) => e.sequence));
  let previousHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const expected = i + 1;
    const broken = (sequence: number, problem: ChainBreak, detail: string): ChainVerdict => ({ intact: false, entries: entries.length, sequence, problem, detail });
    if (entry.sequence !== expected) {
      if (!sequences.has(expected)) return broken(expected, 'missing row', `entry ${expected} is not in the log`);
      return broken(expected, 'reordered row', `entry ${entry.sequence} is stored where entry ${expected} belongs`);
    }
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) return broken(expected, 'edited row', `entry ${expected} does not match its hash`);
    if (entry.previousHash !== previousHash) return broken(expected, 'reordered row', `entry ${expected} does not follow entry ${expected - 1}`);
    previousHash = hash;
  }
  if (head && head.sequence > entries.length) {
    return {
      intact: false,
      entries: entries.length,
      sequence: entries.length + 1,
      problem: 'missing row',
      detail: `the log records ${head.sequence} entries but only ${entries.length} are stored`,
    };
  }
  if (head && entries.length > 0 && head.hash !== previousHash) {
    return { intact: false, entries: entries.length, sequence: entries.length, problem: 'edited row', detail: `the last entry does not match the chain's head` };
  }
  return { intact: true, entries: entries.length };
}
