import { ForbiddenError } from './errors';
import type { Actor, Role } from './partnership/member';

/**
 * Who may do what, in one table. Services and handlers ask `authorise` before they read or write,
 * so a role rule is changed here and nowhere else, and the role matrix tests read the same table.
 */

/** What a check is about, when the answer depends on it. */
export interface AuthorisationContext {
  /** The organisations the thing belongs to (an action's owners, the return being rated). */
  readonly organisationIds?: readonly string[];
  /** For the refusal sentence. */
  readonly organisationName?: string;
  readonly actionId?: string;
}

export interface PermissionRule {
  /** Roles allowed whatever organisation the thing belongs to. */
  readonly roles: readonly Role[];
  /** Roles allowed only when they belong to one of the context's organisations. */
  readonly ownOrganisationRoles?: readonly Role[];
  /** Refused, whatever the role, when the context names no organisation. */
  readonly needsOrganisation?: boolean;
  /** The sentence the person is shown when refused. */
  readonly refusal: (actor: Actor, context: AuthorisationContext) => string;
}

const OFFICER: readonly Role[] = ['prevent-officer'];
const STEERING_GROUP: readonly Role[] = ['prevent-officer', 'chair'];
const MEMBERS: readonly Role[] = ['prevent-officer', 'chair', 'partner-lead'];
const ANYONE_IN_AN_ORGANISATION: readonly Role[] = ['prevent-officer', 'chair', 'partner-lead', 'staff'];

const says = (sentence: string) => () => sentence;
const NO_ORGANISATION = 'You are not listed as a member of an organisation in this partnership';

export const PERMISSIONS = {
  'update-action': {
    roles: STEERING_GROUP,
    ownOrganisationRoles: ['partner-lead'],
    refusal: (_actor, context) =>
      `Only the organisations that own action ${context.actionId ?? ''}, the Prevent Officer or the chair can update it. If you think you should be able to, ask the Prevent Officer to add you to the partnership.`,
  },
  'import-plan': { roles: OFFICER, refusal: says('Only the Prevent Officer can import the action plan.') },
  'request-updates': { roles: OFFICER, refusal: says('Only the Prevent Officer can request updates on the action plan.') },
  'start-self-assessment': { roles: OFFICER, refusal: says('Only the Prevent Officer can start a self-assessment round.') },
  /** Carrying on with one's own organisation's return: the context is the actor's own organisation. */
  'complete-self-assessment': {
    roles: [],
    ownOrganisationRoles: ANYONE_IN_AN_ORGANISATION,
    refusal: says(`${NO_ORGANISATION}, so there is no self-assessment for you to complete.`),
  },
  'rate-for-organisation': {
    roles: OFFICER,
    ownOrganisationRoles: ['chair', 'partner-lead'],
    refusal: (_actor, context) => `Only members of ${context.organisationName ?? 'that organisation'} and the Prevent Officer can rate its self-assessment.`,
  },
  'view-compliance-summary': { roles: STEERING_GROUP, refusal: says('The compliance summary is for the Steering Group: the chair and the Prevent Officer.') },
  'view-organisation': {
    needsOrganisation: true,
    roles: STEERING_GROUP,
    ownOrganisationRoles: ['partner-lead'],
    refusal: (actor, context) =>
      actor.role === 'staff' || !context.organisationIds?.length
        ? `${NO_ORGANISATION}, so there is no organisation view for you.`
        : "You can see your own organisation's view only.",
  },
  'board-report': { roles: STEERING_GROUP, refusal: says('The board report is for the Prevent Officer and the chair of the Steering Group.') },
  'schedule-meeting': { roles: STEERING_GROUP, refusal: says('Only the Prevent Officer or the chair can schedule Steering Group meetings.') },
  'edit-agenda': { roles: STEERING_GROUP, refusal: says("Only the Prevent Officer or the chair can change a Steering Group meeting's agenda.") },
  'post-agenda': { roles: STEERING_GROUP, refusal: says("Only the Prevent Officer or the chair can post a Steering Group meeting's agenda.") },
  'record-decisions': { roles: STEERING_GROUP, refusal: says("Only the Prevent Officer or the chair can record the Steering Group's decisions.") },
  /** Replying for one's own organisation: the context is the actor's own organisation. */
  'reply-to-agenda': {
    roles: [],
    ownOrganisationRoles: MEMBERS,
    refusal: says("Only members of the partnership's organisations can reply for their organisation. Ask the Prevent Officer to add you."),
  },
  'view-partnership': { roles: STEERING_GROUP, refusal: says('The list of partnership members is kept by the Prevent Officer and the chair.') },
  'manage-members': { roles: OFFICER, refusal: says("Only the Prevent Officer can change the partnership's organisations and members.") },
  'send-chasers': { roles: OFFICER, refusal: says('Only the Prevent Officer can send chasers.') },
  'view-not-replied': { roles: STEERING_GROUP, refusal: says('Only the Prevent Officer or the chair can see who has not replied.') },
  'request-assurance-statements': { roles: OFFICER, refusal: says('Only the Prevent Officer can request the annual assurance statements.') },
  /** An organisation's annual assurance statement: its partner leads (and its named Prevent lead, checked by the service), or the Prevent Officer on its behalf. */
  'answer-assurance-statement': {
    roles: OFFICER,
    ownOrganisationRoles: ['partner-lead'],
    refusal: (_actor, context) => `Only the Prevent lead of ${context.organisationName ?? 'that organisation'} or the Prevent Officer can answer its annual assurance statement.`,
  },
  'view-assurance-statements': { roles: STEERING_GROUP, refusal: says('Who has returned their assurance statement is for the Prevent Officer and the chair.') },
  /** Where agendas and progress cards go for everyone to see: the officer decides, in the channel itself. */
  'pin-channel': { roles: OFFICER, refusal: says('Only the Prevent Officer can choose the partnership channel.') },
  /** The quarterly figures (src/domain/figures): numbers only, for anyone with a role in the partnership. */
  'request-figures': { roles: OFFICER, refusal: says('Only the Prevent Officer can request the quarterly figures.') },
  'submit-figures': {
    roles: OFFICER,
    ownOrganisationRoles: ['partner-lead'],
    refusal: (_actor, context) => `Only ${context.organisationName ?? "the organisation's"} lead, or the Prevent Officer on its behalf, can return its figures.`,
  },
  'view-figures': {
    roles: MEMBERS,
    refusal: says("The quarterly figures are for the partnership's members. If you need them, ask the Prevent Officer to add you."),
  },
  /** The Situational Assessment's priorities (SOP §4.2-4.3) are shared with the partners, not with all staff. */
  'view-priorities': {
    roles: MEMBERS,
    refusal: says("The Situational Assessment's priorities are shared with the partnership's members. Ask your organisation's Prevent lead."),
  },
  'manage-priorities': { roles: OFFICER, refusal: says("Only the Prevent Officer can change the Situational Assessment's priorities or link actions to them.") },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** The context for acting for one's own organisation (replying, carrying on a self-assessment). */
export function ownOrganisation(actor: Actor): AuthorisationContext {
  return { organisationIds: actor.organisationId ? [actor.organisationId] : [] };
}

export function isAllowed(actor: Actor, permission: Permission, context: AuthorisationContext = {}): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  if (rule.needsOrganisation && !context.organisationIds?.length) return false;
  if (rule.roles.includes(actor.role)) return true;
  return rule.ownOrganisationRoles?.includes(actor.role) === true && actor.organisationId !== undefined && (context.organisationIds ?? []).includes(actor.organisationId);
}

/** Refuses, with the sentence the person is shown, anyone the table does not allow. */
export function authorise(actor: Actor, permission: Permission, context: AuthorisationContext = {}): void {
  if (!isAllowed(actor, permission, context)) {
    const rule: PermissionRule = PERMISSIONS[permission];
    throw new ForbiddenError(rule.refusal(actor, context));
  }
}
