import { randomBytes } from 'node:crypto';

/** .NET DateTime.MaxValue.Ticks: the convention Azure Tables samples use for newest-first keys. */
const MAX_TICKS = 3155378975999999999n;
const TICKS_AT_UNIX_EPOCH = 621355968000000000n;

/**
 * RowKey for a history row: inverted ticks so a plain ascending query returns the newest change
 * first, plus a random suffix so two changes in the same millisecond never collide.
 */
export function historyRowKey(prefix: string, at: Date): string {
  const ticks = BigInt(at.getTime()) * 10000n + TICKS_AT_UNIX_EPOCH;
  const inverted = (MAX_TICKS - ticks).toString().padStart(19, '0');
  return `${prefix}_${inverted}_${randomBytes(4).toString('hex')}`;
}
