import fc from 'fast-check';

/** Unlikely strings that only appear in a card if a `${...}` expression from the user was evaluated. */
export const EVALUATED_MARKERS = ['Z9Q7X', '31338'] as const;
export const HOSTILE_LINK_HOST = 'evil.example';

/** What an attacker or a careless paste puts in a text field. */
export const HOSTILE_SNIPPETS: readonly string[] = [
  "${concat('Z9Q','7X')}",
  '${string(add(31337,1))}',
  '${$root}',
  '${json($root)}',
  '{{name}}',
  `[click here](https://${HOSTILE_LINK_HOST}/steal)`,
  `![pixel](https://${HOSTILE_LINK_HOST}/pixel.png)`,
  `<https://${HOSTILE_LINK_HOST}>`,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b><iframe src="x"></iframe>',
  '**bold** _italic_ `code` # heading\n- list\n> quote',
  '\u202Eevil\u202C reversed',
  '\u200B\u200C\u200D\uFEFF',
  'مرحبا بالعالم עברית',
  '👩‍👩‍👧‍👦🏳️‍🌈🙂',
  'e\u0301\u0308\u0327',
  '\u0000\u0007\u001b[31m',
  '\uD800 lone surrogate',
  "'; DROP TABLE actions; --",
  '=HYPERLINK("https://evil.example")',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  '  ',
  '',
];

/** About 100 KB of one character (or emoji), the size a pasted document might be. */
const huge = fc.constantFrom('x', '🙂', '<', '$', ' ', '\u200B').map((unit) => unit.repeat(Math.ceil(100_000 / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom(...HOSTILE_SNIPPETS), fc.string({ unit: 'grapheme', maxLength: 12 }))
      .map(([a, b, c]) => `${a}${b}${c}`),
  },
  { weight: 1, arbitrary: huge },
);

/** Any JSON-ish value a card submit could carry: hostile text, wrong types, nulls and nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -0, 1e308)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

/**
 * A submit for one verb: each field the schema reads is present or missing, and either the valid
 * value or a hostile one; extra fields may ride along. The verb itself is kept, so the bot routes it.
 */
export function hostilePayload(verb: string, keys: readonly string[], valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(keys.filter((k) => k !== 'verb').map((k) => [k, fc.oneof(fc.constant(valid[k]), hostileValue)]));
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...keys)), hostileValue, { maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known, verb }));
}

/** The texts Teams renders as Markdown in a card: TextBlocks, TextRuns and facts. */
export function renderedTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(renderedTexts);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own: string[] = [];
  if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string') own.push(element.text);
  if (Array.isArray(element.facts)) {
    for (const fact of element.facts as { title?: unknown; value?: unknown }[]) {
      if (typeof fact.title === 'string') own.push(fact.title);
      if (typeof fact.value === 'string') own.push(fact.value);
    }
  }
  return [...own, ...Object.values(element).flatMap(renderedTexts)];
}

/** What a rendered text must never contain: markup from the user that Teams would act on. */
export function unsafeMarkup(text: string): string[] {
  const found: string[] = [];
  if (/(?<!\\)<\s*(script|img|iframe|b)\b/i.test(text)) found.push('raw HTML');
  if (new RegExp(`(?<!\\\\)\\]\\((https?:)?//${HOSTILE_LINK_HOST.replace('.', '\\.')}`).test(text)) found.push('a Markdown link');
  if (new RegExp(`(?<!\\\\)<https?://${HOSTILE_LINK_HOST.replace('.', '\\.')}`).test(text)) found.push('an autolink');
  for (const marker of EVALUATED_MARKERS) if (text.includes(marker)) found.push(`an evaluated template expression (${marker})`);
  return found;
}
