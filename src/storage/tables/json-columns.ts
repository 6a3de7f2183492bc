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
  const columns: JsonColumns = {};
  let start = 0;
  let index = 0;
  while (start < json.length || index === 0) {
    let end = Math.min(start + CHUNK_CHARS, json.length);
    // Never split a surrogate pair: half an emoji in each column would not survive the service.
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1]!)) end -= 1;
    columns[`json${index++}`] = json.slice(start, end);
    start = end;
    if (index > MAX_CHUNKS) throw new InvalidError(`document is too large to store (${json.length} characters)`);
  }
  columns['jsonChunks'] = index;
  return columns;
}

export function fromJsonColumns(entity: Record<string, unknown>): unknown {
  const chunks = Number(entity['jsonChunks'] ?? 0);
  let json = '';
  for (let i = 0; i < chunks; i++) json += String(entity[`json${i}`] ?? '');
  return JSON.parse(json);
}
