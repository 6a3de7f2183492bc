import { z } from 'zod';
import { ROLES, type Member, type MemberAccess, type Role } from '../domain/partnership/member';
import type { ChannelStatus } from '../domain/partnership/partnership-channel';
import { formatDateTime } from './format';
import { SECTORS, type Organisation, type Sector } from '../domain/partnership/organisation';
import { escapeMarkdown } from './markdown';
import { clampPage, pageCount, pagerView, pageSchema, sliceForPage } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';

export const MEMBER_FORM_VERB = 'member-form';
export const MEMBER_SAVE_VERB = 'member-save';
export const ORGANISATION_FORM_VERB = 'organisation-form';
export const ORGANISATION_SAVE_VERB = 'organisation-save';
export const ORGANISATION_PICK_VERB = 'organisation-pick';
export const ORGANISATION_EDIT_VERB = 'organisation-edit';

export const ROLE_LABELS: Record<Role, string> = {
  'prevent-officer': 'Prevent Officer',
  chair: 'Chair of the Steering Group',
  'partner-lead': 'Partner lead',
  staff: 'No role (staff)',
};

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const openFormSubmitSchema = z.object({ verb: z.enum([MEMBER_FORM_VERB, ORGANISATION_FORM_VERB, ORGANISATION_PICK_VERB]) });

export const organisationEditSubmitSchema = z.object({
  verb: z.literal(ORGANISATION_EDIT_VERB),
  organisationId: z.string({ required_error: 'choose an organisation' }).trim().min(1, 'choose an organisation').max(63),
});

export const memberSaveSubmitSchema = z.object({
  verb: z.literal(MEMBER_SAVE_VERB),
  aadObjectId: z.string({ required_error: 'choose a person' }).trim().min(1, 'choose a person').max(100),
  role: z.enum(ROLES, { errorMap: () => ({ message: 'choose a role' }) }),
  organisationId: z.preprocess(emptyToUndefined, z.string().max(63).optional()),
  preventLead: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});
export type MemberSaveSubmit = z.infer<typeof memberSaveSubmitSchema>;

export const organisationSaveSubmitSchema = z.object({
  verb: z.literal(ORGANISATION_SAVE_VERB),
  /** Present when an existing organisation is being changed; empty when adding one. */
  organisationId: z.preprocess(emptyToUndefined, z.string().max(63).optional()),
  name: z.string({ required_error: "enter the organisation's name" }).trim().min(2, "enter the organisation's name").max(200),
  sector: z.enum(Object.keys(SECTORS) as [Sector, ...Sector[]], { errorMap: () => ({ message: 'choose a sector' }) }),
  aliases: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
    z.array(z.string().max(120, 'keep each other name under 120 characters')).max(20, 'list at most 20 other names'),
  ),
});
export type OrganisationSaveSubmit = z.infer<typeof organisationSaveSubmitSchema>;

export interface PartnershipOverviewData {
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
  readonly canEdit: boolean;
  readonly notice?: string;
  /** Replies to agendas of the meetings held in the last 12 months (seed action 2.1 monitors attendance). */
  readonly attendance?: { meetings: number; byOrganisation: ReadonlyMap<string, { attended: number; apologies: number }> };
  /** Where agendas and progress cards are posted; absent when the card is shown without it. */
  readonly channel?: ChannelStatus;
}

const TO_SET_THE_CHANNEL = "Prevent Officer: type 'use this channel' in the Steering Group's channel to set it.";

/** The channel line and, when it is not set, how to set it. */
function channelLines(status: ChannelStatus | undefined): { channel: string; channelHint: string } {
  if (!status || status.state === 'not-set')
    return { channel: 'Partnership channel: not set', channelHint: `Agendas and progress cards are not posted in any channel until it is set. ${TO_SET_THE_CHANNEL}` };
  if (status.state === 'captured') {
    return {
      channel: 'Partnership channel: not set',
      channelHint: `The channel the bot used before was taken from whichever channel last wrote to it, so it is no longer used. ${TO_SET_THE_CHANNEL}`,
    };
  }
  const where = status.name ? escapeMarkdown(status.name) : 'set';
  return {
    channel: `Partnership channel: ${where}`,
    channelHint: `Set by ${escapeMarkdown(status.pinnedByName)} on ${formatDateTime(status.pinnedAt)}. To move it, type 'use this channel' in another channel.`,
  };
}

function attendanceLine(organisationId: string, attendance: PartnershipOverviewData['attendance']): string {
  if (!attendance || attendance.meetings === 0) return '';
  const counts = attendance.byOrganisation.get(organisationId) ?? { attended: 0, apologies: 0 };
  const apologies = counts.apologies > 0 ? `, apologies for ${counts.apologies}` : '';
  return `Attended ${counts.attended} of ${attendance.meetings} ${attendance.meetings === 1 ? 'meeting' : 'meetings'} in 12 months${apologies}`;
}

/** How a guest or an external member is marked wherever the Prevent Officer sees people listed. */
export const ACCESS_LABELS: Record<MemberAccess, string> = {
  guest: 'guest',
  external: "external: another organisation's tenant, reached in the channel",
};

const withAccess = (name: string, access: MemberAccess | undefined) => (access ? `${name} (${ACCESS_LABELS[access]})` : name);

/** Next/Previous on the partnership overview. */
export const PARTNERSHIP_PAGE_VERB = 'partnership-page';
export const partnershipPageSubmitSchema = z.object({ verb: z.literal(PARTNERSHIP_PAGE_VERB), page: pageSchema });
export type PartnershipPageSubmit = z.infer<typeof partnershipPageSubmitSchema>;

/** 60 organisations and 300 members, as a county's largest partnership might have, fit in pages of these. */
const ORGANISATIONS_PER_PAGE = 15;
const MEMBERS_PER_PAGE = 40;

export function partnershipOverviewCard(data: PartnershipOverviewData, requestedPage = 1): AdaptiveCardJson {
  const names = new Map(data.members.map((m) => [m.aadObjectId, m.name]));
  const organisationNames = new Map(data.organisations.map((o) => [o.id, o.name]));
  const lists = [
    { items: data.organisations, size: ORGANISATIONS_PER_PAGE },
    { items: data.members, size: MEMBERS_PER_PAGE },
  ] as const;
  const page = clampPage(requestedPage, lists);
  const pager = pagerView(page, pageCount(lists), {
    verb: PARTNERSHIP_PAGE_VERB,
    what: `${data.organisations.length} organisations and ${data.members.length} members`,
  });
  return renderCard('partnership-overview', {
    pager,
    notice: escapeMarkdown(data.notice ?? ''),
    ...channelLines(data.channel),
    canEdit: data.canEdit,
    organisations: sliceForPage(lists[0], page).map((o) => ({
      name: escapeMarkdown(o.name),
      lead: o.preventLeadId ? escapeMarkdown(names.get(o.preventLeadId) ?? 'someone no longer listed') : 'No Prevent lead named',
      attendance: attendanceLine(o.id, data.attendance),
    })),
    members: sliceForPage(lists[1], page).map((m) => ({
      line: escapeMarkdown(`${withAccess(m.name, m.access)}: ${ROLE_LABELS[m.role]}${m.organisationId ? `, ${organisationNames.get(m.organisationId) ?? m.organisationId}` : ''}`),
    })),
  });
}

export interface MemberFormData {
  readonly people: readonly { aadObjectId: string; name: string; access?: MemberAccess }[];
  readonly organisations: readonly Organisation[];
  readonly intro: string;
  readonly problems?: readonly string[];
}

export function memberFormCard(data: MemberFormData): AdaptiveCardJson {
  return renderCard('member-form', {
    intro: data.intro,
    problems: (data.problems ?? []).map(escapeMarkdown),
    people: data.people.map((p) => ({ aadObjectId: p.aadObjectId, name: withAccess(p.name, p.access) })),
    roles: ROLES.map((role) => ({ title: ROLE_LABELS[role], value: role })),
    organisations: data.organisations.map((o) => ({ id: o.id, name: o.name })),
  });
}

export interface OrganisationFormData {
  readonly problems?: readonly string[];
  readonly values?: { name?: string; sector?: string; aliases?: string };
  /** The organisation being changed; absent when adding a new one. */
  readonly organisationId?: string;
}

export function organisationPickCard(organisations: readonly Organisation[]): AdaptiveCardJson {
  return renderCard('organisation-pick', { organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
}

export function organisationFormCard(data: OrganisationFormData = {}): AdaptiveCardJson {
  return renderCard('organisation-form', {
    title: data.organisationId ? 'Change an organisation' : 'Add an organisation',
    buttonTitle: data.organisationId ? 'Save organisation' : 'Add organisation',
    organisationId: data.organisationId ?? '',
    problems: (data.problems ?? []).map(escapeMarkdown),
    values: { name: '', sector: '', aliases: '', ...data.values },
    sectors: (Object.keys(SECTORS) as Sector[]).map((sector) => ({ title: SECTORS[sector], value: sector })),
  });
}
