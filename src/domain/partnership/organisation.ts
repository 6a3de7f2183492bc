import { z } from 'zod';

/** Schedule 6 of the Counter-Terrorism and Security Act 2015 groups specified authorities by sector. */
export const SECTORS = {
  'local-government': 'Local government',
  'criminal-justice': 'Criminal justice',
  'education-childcare': 'Education and childcare',
  'health-social-care': 'Health and social care',
  police: 'Police',
  'voluntary-community': 'Voluntary and community sector (partner, not a specified authority)',
} as const;

export type Sector = keyof typeof SECTORS;

export const organisationIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'an organisation id is 2-63 lower-case letters, digits or hyphens');

export const organisationSchema = z.object({
  id: organisationIdSchema,
  name: z.string().trim().min(1).max(200),
  sector: z.enum(Object.keys(SECTORS) as [Sector, ...Sector[]]),
  /** Other ways the action plan's "Who" column names this organisation (e.g. "WCC", "Police Prevent Team"). */
  aliases: z.array(z.string().trim().min(1).max(120)).default([]),
  /** AAD object id of the organisation's named Prevent lead (seed action 2.1). */
  preventLeadId: z.string().min(1).optional(),
  /**
   * False for a partner that sits with the partnership but is not one of the area's specified
   * authorities, whatever its sector: Counter-Terrorism Policing West Midlands presents the CTLP
   * (SOP 000, section 2) yet is not in seed 002's Appendix A, so "ALL specified authorities" in a
   * plan does not give it the action. Absent: decided by sector.
   */
  specifiedAuthority: z.boolean().optional(),
});

export type Organisation = z.infer<typeof organisationSchema>;
