import { createHash } from 'node:crypto';

/**
 * Table PartitionKey/RowKey may not contain / \ # ? or control characters. Teams AI state keys
 * contain "/", and ids arrive from outside, so every key goes through this reversible
 * percent-style encoding ("%" itself is escaped so decoding is exact).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what Table keys refuse
const NOT_ALLOWED = /[/\\#?%\u0000-\u001f\u007f-\u009f]/g;

export function encodeKey(raw: string): string {
  return raw.replace(NOT_ALLOWED, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function decodeKey(encoded: string): string {
  return encoded.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Keys are limited to 1 KiB; a longer one keeps a readable prefix and a hash of the whole. */
const MAX_KEY_CHARS = 400;

export function encodeLongKey(raw: string): string {
  const encoded = encodeKey(raw);
  if (encoded.length <= MAX_KEY_CHARS) return encoded;
  const digest = createHash('sha256').update(raw, 'utf8').digest('hex');
  return `${encoded.slice(0, MAX_KEY_CHARS - 66)}~${digest}`;
}
