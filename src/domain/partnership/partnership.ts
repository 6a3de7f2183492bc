import { z } from 'zod';

/** Partnership ids become Table PartitionKeys and URL segments, so keep them to a safe slug. */
export const partnershipIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a partnership id is 2-63 lower-case letters, digits or hyphens');

export const partnershipSchema = z.object({
  id: partnershipIdSchema,
  name: z.string().trim().min(1).max(200),
  timeZone: z.string().min(1).default('Europe/London'),
  frameworkId: z.string().min(1).default('home-office-2018'),
  /** Azure AD tenants whose users belong to this partnership (one deployment can serve several). */
  tenantIds: z.array(z.string().min(1)).default([]),
  /**
   * Who returns the quarterly referral and Channel figures (src/domain/figures). Left out, each is
   * worked out from the organisations' sectors: the police force, and the county council (which
   * convenes the Channel panel, SOP 000 §4.5).
   */
  figures: z
    .object({
      referralsOrganisationId: z.string().min(1).optional(),
      channelOrganisationId: z.string().min(1).optional(),
    })
    .optional(),
});

export type Partnership = z.infer<typeof partnershipSchema>;
