import { z } from 'zod';

/**
 * A self-assessment framework is data, not code: a versioned JSON file of sections (benchmarks)
 * holding numbered items, each rated on the fixed three-point scale of the Home Office
 * Local Authority Partnership Self-Assessment Tool. A new framework is a new JSON file in
 * src/data/frameworks/; every file goes through this schema when it is loaded, so a
 * bad edit is refused with the path of the offending field.
 */

export const RATINGS = ['not-yet-started', 'developing', 'achieving'] as const;
export type Rating = (typeof RATINGS)[number];

/** The wording of the scale in the Self-Assessment Tool (seed 004). */
export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  'not-yet-started': 'Not yet started',
  developing: 'Developing',
  achieving: 'Achieving',
};

export const ITEM_KINDS = ['expectation-of-compliance', 'good-practice-activity'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The wording of the item markings in the 2018 toolkit (seed 004). */
export const KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  'expectation-of-compliance': 'Expectation of Compliance',
  'good-practice-activity': 'Good Practice Activity',
};

const text = (max: number) => z.string().trim().min(1).max(max);

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ITEM_ID = /^\d+\.\d+$/;

export const frameworkItemSchema = z.object({
  id: z.string().regex(ITEM_ID, 'an item id is a section number, a dot and a number, such as "2.2"'),
  kind: z.enum(ITEM_KINDS),
  text: text(2000).describe('the question or expectation, as the source words it'),
  prompts: z.array(text(1000)).max(20).describe('supporting-details prompt questions; may be empty'),
});

export const frameworkSectionSchema = z.object({
  number: z.number().int().positive(),
  title: text(200),
  benchmark: text(600).optional().describe('the benchmark statement'),
  outcome: text(600).optional(),
  items: z.array(frameworkItemSchema).min(1, 'a section needs at least one item').max(50),
});

export const frameworkSchema = z
  .object({
    id: z.string().regex(KEBAB, 'a framework id is lower-case words joined by hyphens, such as "home-office-2018"').max(64),
    title: text(200),
    version: text(40),
    source: text(600).describe('the document the framework is transcribed from'),
    scale: z.tuple([z.literal('not-yet-started'), z.literal('developing'), z.literal('achieving')]),
    sections: z.array(frameworkSectionSchema).min(1).max(30),
  })
  .superRefine((framework, ctx) => {
    const sectionNumbers = new Set<number>();
    const itemIds = new Set<string>();
    for (const [s, section] of framework.sections.entries()) {
      if (sectionNumbers.has(section.number)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['sections', s, 'number'],
          message: `duplicate section number ${section.number}`,
        });
      }
      sectionNumbers.add(section.number);
      for (const [i, item] of section.items.entries()) {
        if (!item.id.startsWith(`${section.number}.`)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['sections', s, 'items', i, 'id'],
            message: `item "${item.id}" is in section ${section.number}, so its id must start with "${section.number}."`,
          });
        }
        if (itemIds.has(item.id)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ['sections', s, 'items', i, 'id'],
            message: `duplicate item id "${item.id}"`,
          });
        }
        itemIds.add(item.id);
      }
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkSection = z.infer<typeof frameworkSectionSchema>;
export type FrameworkItem = z.infer<typeof frameworkItemSchema>;
