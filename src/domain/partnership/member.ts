import { z } from 'zod';

export const ROLES = ['prevent-officer', 'chair', 'partner-lead', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How someone from another organisation is in the partnership team: a B2B guest account in the host
 * tenant (reached 1:1 like anyone else), or an external member of a shared channel who stays in their
 * own tenant (the bot cannot chat 1:1 with them: they are @mentioned in the partnership channel).
 * Absent for the host organisation's own people.
 */
export const MEMBER_ACCESS = ['guest', 'external'] as const;
export type MemberAccess = (typeof MEMBER_ACCESS)[number];

export const memberSchema = z
  .object({
    /** Azure AD object id: the only identity the bot trusts (activity.from.aadObjectId). */
    aadObjectId: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    /** Required for partner leads: the organisation whose actions they answer for. */
    organisationId: z.string().min(1).optional(),
    /** As Teams' roster last showed them (guest, or external in a shared channel); absent for the host's own people. */
    access: z.enum(MEMBER_ACCESS).optional(),
  })
  .refine((m) => m.role !== 'partner-lead' || m.organisationId, {
    message: 'a partner lead must belong to an organisation',
    path: ['organisationId'],
  });

export type Member = z.infer<typeof memberSchema>;

/** Who is asking: a registered member, or anyone else in the tenant, who is treated as staff. */
export interface Actor {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId?: string;
}
