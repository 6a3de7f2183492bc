/**
 * V8 keeps a script's source in memory for as long as its functions live, one byte a character when
 * every character is Latin-1 and two bytes a character otherwise. esbuild escapes non-ASCII characters
 * in strings, but not in regular expression literals or comments, and a handful in libraries' regexes
 * (full-width digits, an en dash) made the whole 35 MB bundle take twice the memory. `\uXXXX` means
 * the same character in a string, a template's cooked value, a regular expression (with or without
 * the u flag, a surrogate pair included) and an identifier, and is harmless in a comment.
 */
export function escapeNonAscii(source: string): string {
  return source.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
