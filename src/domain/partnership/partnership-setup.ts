import { z } from 'zod';
import { sameContent } from '../same-content';
import { describeZodIssues } from '../validation';
import { memberSchema, type Member } from './member';
import { organisationSchema, type Organisation } from './organisation';

/**
 * The file the Prevent Officer loads a partnership's organisations and members from:
 * `{ "organisations": [...], "members": [...] }`, each record in the same shape the bot stores.
 * A record replaces the stored one with the same id; stored records the file does not mention are
 * left alone (nothing is deleted).
 */
export const partnershipSetupSchema = z
  .object({
    organisations: z.array(organisationSchema),
    members: z.array(memberSchema),
  })
  .strict();

export type PartnershipSetup = z.infer<typeof partnershipSetupSchema>;

/** What the partnership already holds; the file is checked against it as well as against itself. */
export interface ExistingPartnership {
  readonly organisations: readonly Organisation[];
  readonly members: readonly Member[];
}

export interface PartnershipSetupCheck {
  /** Present only when there are no problems. */
  setup?: PartnershipSetup;
  /** One line per problem, starting with the JSON path it is about (e.g. `members.2.organisationId`). */
  problems: string[];
}

/**
 * Validates a set-up file and cross-checks it: ids are unique within the file; every member's
 * organisation, and every organisation's Prevent lead, exists in the file or is already stored; and
 * a Prevent lead belongs to the organisation they lead (the Prevent Officer excepted: they may lead
 * for the hosting organisation, or any other, without belonging to it).
 */
export function checkPartnershipSetup(input: unknown, existing: ExistingPartnership): PartnershipSetupCheck {
  const parsed = partnershipSetupSchema.safeParse(input);
  if (!parsed.success) return { problems: describeZodIssues(parsed.error) };
  const setup = parsed.data;
  const problems = [...duplicateProblems(setup), ...referenceProblems(setup, existing)];
  return problems.length > 0 ? { problems } : { setup, problems };
}

function duplicateProblems(setup: PartnershipSetup): string[] {
  return [
    ...duplicates(
      setup.organisations.map((o) => o.id),
      'organisations',
      'id',
    ),
    ...duplicates(
      setup.members.map((m) => m.aadObjectId),
      'members',
      'aadObjectId',
    ),
  ];
}

function duplicates(ids: readonly string[], list: string, field: string): string[] {
  const first = new Map<string, number>();
  const problems: string[] = [];
  ids.forEach((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else problems.push(`${list}.${index}.${field}: "${id}" is already used by ${list}.${earlier}`);
  });
  return problems;
}

/** The file's records over the stored ones: what the partnership will hold after the import. */
function merged<T>(stored: readonly T[], incoming: readonly T[], key: (record: T) => string): Map<string, T> {
  const result = new Map(stored.map((record) => [key(record), record]));
  const seen = new Set<string>();
  for (const record of incoming) {
    // A duplicate is already a problem; the first occurrence stands for the id.
    if (seen.has(key(record))) continue;
    seen.add(key(record));
    result.set(key(record), record);
  }
  return result;
}

function referenceProblems(setup: PartnershipSetup, existing: ExistingPartnership): string[] {
  const organisations = merged(existing.organisations, setup.organisations, (o) => o.id);
  const members = merged(existing.members, setup.members, (m) => m.aadObjectId);
  const problems: string[] = [];

  setup.members.forEach((member, index) => {
    if (member.organisationId !== undefined && !organisations.has(member.organisationId)) {
      problems.push(`members.${index}.organisationId: no organisation "${member.organisationId}" in this file or already stored`);
    }
  });

  setup.organisations.forEach((organisation, index) => {
    if (organisation.preventLeadId === undefined) return;
    const lead = members.get(organisation.preventLeadId);
    if (lead === undefined) {
      problems.push(`organisations.${index}.preventLeadId: no member "${organisation.preventLeadId}" in this file or already stored`);
    } else if (!mayLead(lead, organisation)) {
      problems.push(
        `organisations.${index}.preventLeadId: ${lead.name} (${lead.role}) belongs to ${membership(lead)}, not "${organisation.id}"; only the Prevent Officer may lead for an organisation they are not in`,
      );
    }
  });

  // A stored organisation the file leaves alone must not lose its lead because the file moves them
  // (a mismatch already in storage, which the file does not cause, is not this file's problem).
  const inFile = new Set(setup.organisations.map((o) => o.id));
  const storedMembers = new Map(existing.members.map((m) => [m.aadObjectId, m]));
  setup.members.forEach((member, index) => {
    const before = storedMembers.get(member.aadObjectId);
    for (const organisation of existing.organisations) {
      if (inFile.has(organisation.id) || organisation.preventLeadId !== member.aadObjectId || mayLead(member, organisation)) continue;
      if (before !== undefined && !mayLead(before, organisation)) continue;
      problems.push(
        `members.${index}.organisationId: ${member.name} is the Prevent lead of stored organisation "${organisation.id}" but would belong to ${membership(member)}; name another lead for "${organisation.id}" in this file`,
      );
    }
  });
  return problems;
}

function mayLead(member: Member, organisation: Organisation): boolean {
  return member.role === 'prevent-officer' || member.organisationId === organisation.id;
}

function membership(member: Member): string {
  return member.organisationId === undefined ? 'no organisation' : `"${member.organisationId}"`;
}

export interface PartnershipSetupChanges {
  /** Records not stored yet, or stored with different content: the only ones an import writes. */
  organisationsToSave: Organisation[];
  membersToSave: Member[];
  /** Counted over organisations and members together. */
  counts: { new: number; changed: number; unchanged: number };
}

/** Compares a checked set-up with what is stored, record by record, ignoring key order. */
export function comparePartnershipSetup(setup: PartnershipSetup, existing: ExistingPartnership): PartnershipSetupChanges {
  const counts = { new: 0, changed: 0, unchanged: 0 };
  function toSave<T>(incoming: readonly T[], stored: readonly T[], key: (record: T) => string): T[] {
    const byKey = new Map(stored.map((record) => [key(record), record]));
    return incoming.filter((record) => {
      const current = byKey.get(key(record));
      if (current === undefined) counts.new += 1;
      else if (sameContent(current, record)) counts.unchanged += 1;
      else counts.changed += 1;
      return current === undefined || !sameContent(current, record);
    });
  }
  return {
    organisationsToSave: toSave(setup.organisations, existing.organisations, (o) => o.id),
    membersToSave: toSave(setup.members, existing.members, (m) => m.aadObjectId),
    counts,
  };
}

/** e.g. "Loaded 15 organisations and 5 members (3 new, 2 changed, 15 unchanged)". */
export function summarisePartnershipSetup(setup: PartnershipSetup, existing: ExistingPartnership): string {
  const { counts } = comparePartnershipSetup(setup, existing);
  return `Loaded ${plural(setup.organisations.length, 'organisation')} and ${plural(setup.members.length, 'member')} (${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged)`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
