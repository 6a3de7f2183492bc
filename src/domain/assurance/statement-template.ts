import { z } from 'zod';
import { parseOrThrow } from '../validation';

/** How an organisation answers each item of its annual assurance statement. */
export const ASSURANCE_ANSWERS = ['in-place', 'partly', 'not-yet'] as const;
export type AssuranceAnswer = (typeof ASSURANCE_ANSWERS)[number];

export const ANSWER_LABELS: Record<AssuranceAnswer, string> = { 'in-place': 'In place', partly: 'Partly', 'not-yet': 'Not yet' };

const itemSchema = z.object({
  /** Stable across years, so last year's answer pre-fills this year's. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an item id is lower-case letters, digits and hyphens'),
  text: z.string().trim().min(1).max(300),
  /** The seed passage the item rests on, cited by section. */
  basis: z.string().trim().min(1).max(600),
});

/**
 * The named items an organisation's annual assurance statement confirms (SOP 000 §5: "an annual
 * assurance statement/report to the Prevent Steering Group"), shipped as data like a framework.
 */
export const statementTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    title: z.string().trim().min(1).max(120),
    source: z.string().trim().min(1).max(600),
    items: z.array(itemSchema).min(1).max(30),
  })
  .superRefine((template, context) => {
    const seen = new Set<string>();
    for (const [index, item] of template.items.entries()) {
      if (seen.has(item.id)) context.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `item id "${item.id}" is used twice` });
      seen.add(item.id);
    }
  });
export type StatementTemplate = z.infer<typeof statementTemplateSchema>;
export type StatementItem = StatementTemplate['items'][number];

export function parseStatementTemplate(value: unknown): StatementTemplate {
  return parseOrThrow(statementTemplateSchema, value, 'assurance statement template');
}
