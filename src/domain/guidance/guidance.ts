import { z } from 'zod';

/**
 * Guidance is partnership-owned content, not code: a partnership edits its JSON file and loads it
 * with `npm run import-guidance`. Every load goes through this schema, so a bad edit is refused
 * with the path of the offending field instead of reaching a card half-formed.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

export const guidanceLinkSchema = z.object({
  title: text(120),
  url: z
    .string()
    .url()
    .refine((url) => url.startsWith('https://'), 'links must use https://'),
});

/**
 * Where a piece of guidance comes from, shown on the card beside it: a seed document and its section,
 * or the address of the official page, so every statement can be checked against what it cites.
 */
const sourceSchema = text(400).describe('where the content comes from, so it can be traced');

const sourcedTextSchema = z.object({
  title: text(120),
  text: text(800),
  source: sourceSchema,
});

/** A link for one sector (education, health, ...), as the partnership's sources give it. */
export const sectorLinkSchema = guidanceLinkSchema.extend({
  sector: text(60),
  source: sourceSchema,
});

export const referralPathwaySchema = z.object({
  emergency: z.object({
    heading: text(120),
    text: text(600),
    /** Optional so guidance loaded before sources were shown still loads. */
    source: sourceSchema.optional(),
  }),
  steps: z.array(sourcedTextSchema).min(1).max(8),
  /** What happens once a referral is made: assessment, Channel or other support, consent, feedback. */
  afterReferral: z
    .object({
      heading: text(120),
      items: z.array(sourcedTextSchema).min(1).max(6),
    })
    .optional(),
  channel: z.object({
    heading: text(120),
    text: text(1200),
    source: sourceSchema,
  }),
  privacyNote: text(400),
  links: z.array(guidanceLinkSchema).min(1).max(6),
  sectorLinks: z.array(sectorLinkSchema).max(8).optional(),
});

export const trainingCourseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text(120),
  audience: text(300),
  description: text(800),
  howToAccess: text(400),
  link: guidanceLinkSchema.optional(),
  /** Shown under the title, e.g. "From the 2017-18 action plan", so older courses read as such. */
  label: text(120).optional(),
  source: sourceSchema,
});

export const trainingCatalogueSchema = z.object({
  intro: text(600),
  introSource: sourceSchema.optional(),
  courses: z
    .array(trainingCourseSchema)
    .min(1)
    .max(12)
    .superRefine((courses, ctx) => {
      const seen = new Set<string>();
      for (const [index, course] of courses.entries()) {
        if (seen.has(course.id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'id'], message: `duplicate course id "${course.id}"` });
        }
        seen.add(course.id);
      }
    }),
  contact: text(400),
});

export const guidanceSchema = z.object({
  version: z.literal(1),
  partnershipName: text(200),
  referralPathway: referralPathwaySchema,
  training: trainingCatalogueSchema,
});

export type Guidance = z.infer<typeof guidanceSchema>;
export type ReferralPathway = z.infer<typeof referralPathwaySchema>;
export type TrainingCatalogue = z.infer<typeof trainingCatalogueSchema>;
export type TrainingCourse = z.infer<typeof trainingCourseSchema>;
