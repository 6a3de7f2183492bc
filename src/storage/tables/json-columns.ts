import { InvalidError } from '../../domain/errors';

/**
 * A Table string property holds at most 64 KiB (32K UTF-16 characters), so JSON documents are split
 * across json0..jsonN columns. The whole entity must stay under 1 MiB, which caps the chunks.
 */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 15;

export type JsonColumns = Record<string, string | number>;

export function toJsonColumns(value: unknown): JsonColumns {
  const json = JSON.stringify(value);
  const chunks = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
  if (chunks > MAX_CHUNKS) {
    throw new InvalidError(`document is too large to store (${json.length} characters)`);
  }
  const columns: JsonColumns = { jsonChunks: chunks };
  for (let i = 0; i < chunks; i++) columns[`json${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return columns;
}

export function fromJsonColumns(entity: Record<string, unknown>): unknown {
  const chunks = Number(entity['jsonChunks'] ?? 0);
  let json = '';
  for (let i = 0; i < chunks; i++) json += String(entity[`json${i}`] ?? '');
  return JSON.parse(json);
}
