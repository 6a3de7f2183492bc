import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ValueHasher } from '../../domain/audit/audit-chain';

/** HMAC-SHA256 under the deployment's audit key, as lowercase hex (the same shape as the plain hashes it replaces). */
export function hmacValueHasher(key: string): ValueHasher {
  return { scheme: 'hmac-sha256', digest: (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex') };
}

/**
 * The key a local run hashes audit values with, kept in a file beside the local data so the bot and
 * the command-line tools agree across restarts; created (owner-only) on first use.
 */
export function localAuditKey(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    // Another local process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
