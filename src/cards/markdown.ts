/**
 * Teams renders Markdown in TextBlock and FactSet, so text a user typed could become a link or a
 * heading when shown back. Escape it before binding; templates themselves are never built from it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (ch) => `\\${ch}`);
}

/** Shortens free text for echoing in a card without cutting a surrogate pair in half. */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}
