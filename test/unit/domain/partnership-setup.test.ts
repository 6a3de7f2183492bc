import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_DIRECTORY } from '../../../src/cli/seed-demo';
import type { Member } from '../../../src/domain/partnership/member';
import type { Organisation } from '../../../src/domain/partnership/organisation';
import {
  checkPartnershipSetup,
  comparePartnershipSetup,
  summarisePartnershipSetup,
  type ExistingPartnership,
  type PartnershipSetup,
} from '../../../src/domain/partnership/partnership-setup';
import { canonicalJson, sameContent } from '../../../src/domain/same-content';

const NOTHING: ExistingPartnership = { organisations: [], members: [] };

const council: Organisation = { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: ['WCC'], preventLeadId: 'aad-officer' };
const police: Organisation = { id: 'police', name: 'Warwickshire Police', sector: 'police', aliases: [], preventLeadId: 'aad-pat' };
const college: Organisation = { id: 'college', name: 'Warwickshire College', sector: 'education-childcare', aliases: [] };

const officer: Member = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };
const chair: Member = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const pat: Member = { aadObjectId: 'aad-pat', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };

function file(organisations: unknown[], members: unknown[]) {
  return { organisations, members };
}

function problemsOf(input: unknown, existing: ExistingPartnership = NOTHING): string[] {
  return checkPartnershipSetup(input, existing).problems;
}

describe('checkPartnershipSetup', () => {
  it('accepts a consistent file and returns it parsed, with defaults filled in', () => {
    const { aliases: _, ...collegeWithoutAliases } = college;
    const result = checkPartnershipSetup(file([council, police, collegeWithoutAliases], [officer, chair, pat]), NOTHING);
    expect(result.problems).toEqual([]);
    expect(result.setup?.organisations[2]).toEqual(college);
    expect(result.setup?.members).toHaveLength(3);
  });

  it('passes the shipped demo organisations and members with no problems', () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(path.join(DEMO_DIRECTORY, name), 'utf8'));
    const result = checkPartnershipSetup(file(read('warwickshire-organisations.json') as unknown[], read('warwickshire-members.json') as unknown[]), NOTHING);
    expect(result.problems).toEqual([]);
    expect(result.setup?.organisations).toHaveLength(16);
    expect(result.setup?.members).toHaveLength(5);
  });

  it('reports schema problems by JSON path and returns no set-up', () => {
    const result = checkPartnershipSetup(file([{ ...college, sector: 'space' }], [{ ...pat, organisationId: undefined }]), NOTHING);
    expect(result.setup).toBeUndefined();
    expect(result.problems).toEqual([expect.stringMatching(/^organisations\.0\.sector: /), 'members.0.organisationId: a partner lead must belong to an organisation']);
  });

  it('reports a missing list or an unknown top-level key', () => {
    expect(problemsOf({ organisations: [] })).toEqual(['members: Required']);
    expect(problemsOf({ organisations: [], members: [], people: [] })).toEqual([expect.stringMatching(/^\(root\): Unrecognized key.*people/)]);
  });

  it('reports a duplicate organisation id, naming the first', () => {
    expect(problemsOf(file([college, police, { ...college, name: 'Another College' }], [pat]))).toEqual(['organisations.2.id: "college" is already used by organisations.0']);
  });

  it('reports a duplicate member aadObjectId, naming the first', () => {
    expect(problemsOf(file([college], [chair, { ...chair, name: 'Chair Again' }]))).toEqual(['members.1.aadObjectId: "aad-chair" is already used by members.0']);
  });

  it('reports a member whose organisation is neither in the file nor stored', () => {
    expect(problemsOf(file([college], [chair, { ...pat, organisationId: 'polce' }]))).toEqual(['members.1.organisationId: no organisation "polce" in this file or already stored']);
  });

  it('accepts a member whose organisation is already stored', () => {
    expect(problemsOf(file([], [pat]), { organisations: [{ ...police, preventLeadId: undefined }], members: [] })).toEqual([]);
  });

  it('reports a Prevent lead who is neither in the file nor stored', () => {
    expect(problemsOf(file([college, { ...police, preventLeadId: 'aad-nobody' }], [pat]))).toEqual([
      'organisations.1.preventLeadId: no member "aad-nobody" in this file or already stored',
    ]);
  });

  it('accepts a Prevent lead who is already stored', () => {
    expect(problemsOf(file([police], []), { organisations: [], members: [pat] })).toEqual([]);
  });

  it('reports a Prevent lead who is not in the organisation they lead', () => {
    expect(problemsOf(file([police, { ...college, preventLeadId: 'aad-pat' }], [pat]))).toEqual([
      'organisations.1.preventLeadId: Pat Police (partner-lead) belongs to "police", not "college"; only the Prevent Officer may lead for an organisation they are not in',
    ]);
    expect(problemsOf(file([{ ...college, preventLeadId: 'aad-chair' }], [chair]))).toEqual([
      'organisations.0.preventLeadId: Charles Chair (chair) belongs to no organisation, not "college"; only the Prevent Officer may lead for an organisation they are not in',
    ]);
  });

  it('lets the Prevent Officer lead for an organisation they are not in', () => {
    expect(problemsOf(file([council, { ...college, preventLeadId: 'aad-officer' }], [officer]))).toEqual([]);
  });

  it('judges a lead by the membership the file gives them, not the stored one', () => {
    const stored = { organisations: [college], members: [{ ...pat, organisationId: 'college' }] };
    expect(problemsOf(file([police], [pat]), stored)).toEqual([]);
  });

  it('reports a member moved out of a stored organisation they lead, which the file leaves alone', () => {
    const stored = { organisations: [police, college], members: [pat] };
    expect(problemsOf(file([], [{ ...pat, organisationId: 'college' }]), stored)).toEqual([
      'members.0.organisationId: Pat Police is the Prevent lead of stored organisation "police" but would belong to "college"; name another lead for "police" in this file',
    ]);
    // Naming another lead for the organisation in the same file resolves it.
    expect(problemsOf(file([{ ...police, preventLeadId: 'aad-officer' }], [{ ...pat, organisationId: 'college' }]), { ...stored, members: [pat, officer] })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf(file([college, college], [chair, chair, { ...pat, organisationId: 'nowhere' }]))).toHaveLength(3);
  });
});

describe('comparing a set-up with what is stored', () => {
  const setup: PartnershipSetup = { organisations: [council, police, college], members: [officer, chair, pat] };

  it('counts everything as new when nothing is stored, and saves it all', () => {
    const changes = comparePartnershipSetup(setup, NOTHING);
    expect(changes.counts).toEqual({ new: 6, changed: 0, unchanged: 0 });
    expect(changes.organisationsToSave).toEqual(setup.organisations);
    expect(changes.membersToSave).toEqual(setup.members);
    expect(summarisePartnershipSetup(setup, NOTHING)).toBe('Loaded 3 organisations and 3 members (6 new, 0 changed, 0 unchanged)');
  });

  it('saves only new and changed records; key order and absent keys do not count as a change', () => {
    const reordered = { preventLeadId: 'aad-officer', aliases: ['WCC'], sector: 'local-government', name: 'Warwickshire County Council', id: 'wcc' } as Organisation;
    const existing: ExistingPartnership = {
      organisations: [reordered, { ...police, name: 'West Mercia Police' }],
      members: [{ ...officer }, { ...chair, organisationId: undefined }],
    };
    const changes = comparePartnershipSetup(setup, existing);
    expect(changes.counts).toEqual({ new: 2, changed: 1, unchanged: 3 });
    expect(changes.organisationsToSave.map((o) => o.id)).toEqual(['police', 'college']);
    expect(changes.membersToSave.map((m) => m.aadObjectId)).toEqual(['aad-pat']);
    expect(summarisePartnershipSetup(setup, existing)).toBe('Loaded 3 organisations and 3 members (2 new, 1 changed, 3 unchanged)');
  });

  it('says "1 organisation and 1 member" for one of each', () => {
    expect(summarisePartnershipSetup({ organisations: [college], members: [chair] }, { organisations: [college], members: [chair] })).toBe(
      'Loaded 1 organisation and 1 member (0 new, 0 changed, 2 unchanged)',
    );
  });
});

describe('sameContent', () => {
  it('ignores key order and keys holding undefined, but not values or array order', () => {
    expect(sameContent({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(sameContent({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameContent({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameContent(undefined, { a: 1 })).toBe(false);
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
