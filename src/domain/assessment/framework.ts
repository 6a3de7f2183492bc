import { z } from 'zod';
import { SECTORS, type Sector } from '../partnership/organisation';

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
  /** Where in the source document the text is found ("SOP §4.2, paragraph 1"), so every item can be traced back. */
  source: text(200).optional(),
});

export const frameworkSectionSchema = z.object({
  number: z.number().int().positive(),
  title: text(200),
  benchmark: text(600).optional().describe('the benchmark statement'),
  outcome: text(600).optional(),
  items: z.array(frameworkItemSchema).min(1, 'a section needs at least one item').max(50),
});

/** Schedule 6 sectors: the voluntary and community sector holds partners, not specified authorities. */
const SCHEDULE_6_SECTORS = (Object.keys(SECTORS) as Sector[]).filter((sector) => sector !== 'voluntary-community') as [Sector, ...Sector[]];

/**
 * Who is asked to rate a framework. Every specified authority when a file does not say (a
 * partnership toolkit); the specified authorities of some Schedule 6 sectors; or named
 * organisations, such as an OPCC rating its own SOP's commitments. A named organisation is matched
 * by its id, or by its name or one of its aliases holding the words given ("OPCC", "Police and
 * Crime Commissioner"), so the same file serves partnerships whose ids differ.
 */
export const answeredBySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('specified-authorities') }),
  z.object({ kind: z.literal('sectors'), sectors: z.array(z.enum(SCHEDULE_6_SECTORS)).min(1).max(SCHEDULE_6_SECTORS.length) }),
  z.object({
    kind: z.literal('organisations'),
    label: text(120).describe('who answers, as the cards say it: "the Office of the Police and Crime Commissioner"'),
    match: z.array(text(120)).min(1).max(20),
  }),
]);
export type AnsweredBy = z.infer<typeof answeredBySchema>;

const frameworkIdSchema = z.string().regex(KEBAB, 'a framework id is lower-case words joined by hyphens, such as "home-office-2018"').max(64);

export const frameworkSchema = z
  .object({
    id: frameworkIdSchema,
    /** Ids the framework was shipped under before: stored rounds name their framework by id, so an old id must still find it. */
    aliases: z.array(frameworkIdSchema).max(10).optional(),
    title: text(200),
    version: text(40),
    source: text(1200).describe('the document the framework is transcribed from, with how its items were chosen and marked'),
    /** Every specified authority when absent. */
    answeredBy: answeredBySchema.optional(),
    scale: z.tuple([z.literal('not-yet-started'), z.literal('developing'), z.literal('achieving')]),
    sections: z.array(frameworkSectionSchema).min(1).max(30),
  })
  .superRefine((framework, ctx) => {
    if (framework.aliases?.includes(framework.id)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['aliases'], message: `"${framework.id}" is the framework's own id, not an alias` });
    }
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
