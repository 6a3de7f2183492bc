import { authorise, isAllowed, ownOrganisation, PERMISSION_NAMES, type AuthorisationContext, type Permission } from '../../../src/domain/authorisation';
import { ForbiddenError } from '../../../src/domain/errors';
import type { Actor } from '../../../src/domain/partnership/member';

/** The five kinds of person the issue names; the owning organisation is the police. */
const ACTORS = {
  staff: { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' },
  ownerLead: { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' },
  otherLead: { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead', organisationId: 'swft' },
  chair: { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' },
  officer: { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' },
} as const satisfies Record<string, Actor>;
type Who = keyof typeof ACTORS;
const WHO = Object.keys(ACTORS) as Who[];

const Y = true;
const N = false;

/** The specification: [staff, partner lead of the owner, partner lead of another, chair, Prevent Officer]. */
const TABLE: Record<Permission, readonly [boolean, boolean, boolean, boolean, boolean]> = {
  'update-action': [N, Y, N, Y, Y],
  'import-plan': [N, N, N, N, Y],
  'request-updates': [N, N, N, N, Y],
  'start-self-assessment': [N, N, N, N, Y],
  'complete-self-assessment': [N, Y, Y, N, Y],
  'rate-for-organisation': [N, Y, N, N, Y],
  'view-compliance-summary': [N, N, N, Y, Y],
  'view-organisation': [N, Y, N, Y, Y],
  'board-report': [N, N, N, Y, Y],
  'schedule-meeting': [N, N, N, Y, Y],
  'edit-agenda': [N, N, N, Y, Y],
  'post-agenda': [N, N, N, Y, Y],
  'record-decisions': [N, N, N, Y, Y],
  'reply-to-agenda': [N, Y, Y, N, Y],
  'view-partnership': [N, N, N, Y, Y],
  'manage-members': [N, N, N, N, Y],
  'send-chasers': [N, N, N, N, Y],
  'view-not-replied': [N, N, N, Y, Y],
  'pin-channel': [N, N, N, N, Y],
  'request-assurance-statements': [N, N, N, N, Y],
  'answer-assurance-statement': [N, Y, N, N, Y],
  'view-assurance-statements': [N, N, N, Y, Y],
  'request-figures': [N, N, N, N, Y],
  'submit-figures': [N, Y, N, N, Y],
  'view-figures': [N, Y, Y, Y, Y],
  'view-priorities': [N, Y, Y, Y, Y],
  'manage-priorities': [N, N, N, N, Y],
};

/** Acting for one's own organisation is checked against the actor's organisation; the rest against the police's. */
const OWN_ORGANISATION: readonly Permission[] = ['complete-self-assessment', 'reply-to-agenda'];
function contextFor(permission: Permission, actor: Actor): AuthorisationContext {
  return OWN_ORGANISATION.includes(permission) ? ownOrganisation(actor) : { organisationIds: ['police'], organisationName: 'Warwickshire and West Mercia Police', actionId: '6.4' };
}

const CASES = PERMISSION_NAMES.flatMap((permission) => WHO.map((who, column) => ({ permission, who, allowed: TABLE[permission]?.[column] })));

describe('authorisation', () => {
  it('has a row in the specification for every permission, and no row for a permission that does not exist', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it.each(CASES)('$permission: $who is allowed = $allowed', ({ permission, who, allowed }) => {
    const actor = ACTORS[who];
    expect(isAllowed(actor, permission, contextFor(permission, actor))).toBe(allowed);
    if (allowed) expect(() => authorise(actor, permission, contextFor(permission, actor))).not.toThrow();
    else expect(() => authorise(actor, permission, contextFor(permission, actor))).toThrow(ForbiddenError);
  });

  it('names the action in the refusal to update it', () => {
    expect(() => authorise(ACTORS.otherLead, 'update-action', { organisationIds: ['police'], actionId: '6.4' })).toThrow(
      'Only the organisations that own action 6.4, the Prevent Officer or the chair can update it.',
    );
  });

  it('names the organisation in the refusal to rate for it', () => {
    expect(() => authorise(ACTORS.otherLead, 'rate-for-organisation', { organisationIds: ['police'], organisationName: 'Warwickshire and West Mercia Police' })).toThrow(
      'Only members of Warwickshire and West Mercia Police and the Prevent Officer can rate its self-assessment.',
    );
  });

  it('tells someone outside every organisation that there is no organisation view for them', () => {
    expect(() => authorise(ACTORS.staff, 'view-organisation', ownOrganisation(ACTORS.staff))).toThrow('so there is no organisation view for you');
  });

  it("tells a partner lead asking for another organisation's view that they see their own only", () => {
    expect(() => authorise(ACTORS.otherLead, 'view-organisation', { organisationIds: ['police'] })).toThrow("You can see your own organisation's view only.");
  });

  it('refuses an organisation view that names no organisation, even to the chair', () => {
    expect(isAllowed(ACTORS.chair, 'view-organisation', { organisationIds: [] })).toBe(false);
  });

  it('lets a partner lead update an action their organisation shares with another', () => {
    expect(isAllowed(ACTORS.ownerLead, 'update-action', { organisationIds: ['wcc', 'police'] })).toBe(true);
  });

  it('does not let a member of staff who belongs to the owning organisation update its action', () => {
    expect(isAllowed({ ...ACTORS.staff, organisationId: 'police' }, 'update-action', { organisationIds: ['police'] })).toBe(false);
  });
});
