import { readFileSync } from 'node:fs';
import path from 'node:path';
import { answeredByLabel, answeringOrganisations, answersFramework } from '../../../../src/domain/assessment/answered-by';
import { frameworkSchema, type Framework } from '../../../../src/domain/assessment/framework';
import { buildFrameworkRegistry, findFramework, getFramework, sameFramework } from '../../../../src/domain/assessment/framework-catalogue';
import { organisationSchema, type Organisation } from '../../../../src/domain/partnership/organisation';
import { describeZodIssues } from '../../../../src/domain/validation';
import { PROJECT_ROOT } from '../../../../src/project-root';
import { loadFrameworks } from '../../../../src/storage/files/framework-files';

const DEMO_ORGANISATIONS: Organisation[] = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src', 'data', 'demo', 'warwickshire-organisations.json'), 'utf8')) as unknown[]).map(
  (o) => organisationSchema.parse(o),
);

function framework(overrides: Record<string, unknown> = {}): Framework {
  return frameworkSchema.parse({
    id: 'test-framework',
    title: 'Test framework',
    version: '1',
    source: 'test',
    scale: ['not-yet-started', 'developing', 'achieving'],
    sections: [{ number: 1, title: 'One', items: [{ id: '1.1', kind: 'expectation-of-compliance', text: 'Is it so?', prompts: [] }] }],
    ...overrides,
  });
}

function refusal(overrides: Record<string, unknown>): string[] {
  const result = frameworkSchema.safeParse({ ...framework(), ...overrides });
  if (result.success) throw new Error('expected the framework to be refused');
  return describeZodIssues(result.error);
}

const ids = (organisations: readonly Organisation[]) => organisations.map((o) => o.id);

describe('who answers a framework', () => {
  it('is every specified authority when the file does not say: not the voluntary sector partner, nor CTPWM', () => {
    const answering = ids(answeringOrganisations(framework(), DEMO_ORGANISATIONS));
    expect(answering).toHaveLength(14);
    expect(answering).not.toContain('warwickshire-cava');
    expect(answering).not.toContain('counter-terrorism-policing-west-midlands');
    expect(answeredByLabel(framework())).toBe('every specified authority');
  });

  it('can be the specified authorities of some Schedule 6 sectors', () => {
    const bySector = framework({ answeredBy: { kind: 'sectors', sectors: ['police', 'criminal-justice'] } });
    expect(ids(answeringOrganisations(bySector, DEMO_ORGANISATIONS))).toEqual([
      'national-probation-service',
      'warwickshire-and-west-mercia-crc',
      'warwickshire-and-west-mercia-police',
      'warwickshire-police-and-crime-commissioner',
    ]);
    expect(answeredByLabel(bySector)).toBe('the specified authorities of the police and criminal justice sectors');
  });

  it('refuses a sector that is not in Schedule 6, and an empty list', () => {
    expect(refusal({ answeredBy: { kind: 'sectors', sectors: ['voluntary-community'] } })).toEqual([expect.stringMatching(/^answeredBy\.sectors\.0: /)]);
    expect(refusal({ answeredBy: { kind: 'sectors', sectors: [] } })).toEqual([expect.stringMatching(/^answeredBy\.sectors: /)]);
  });

  it('can be named organisations, matched by id or by words of their name or aliases', () => {
    const byId = framework({ answeredBy: { kind: 'organisations', label: 'the OPCC', match: ['warwickshire-police-and-crime-commissioner'] } });
    const byName = framework({ answeredBy: { kind: 'organisations', label: 'the OPCC', match: ['Police & Crime Commissioner'] } });
    const byAlias = framework({ answeredBy: { kind: 'organisations', label: 'CTPWM', match: ['ctpwm'] } });
    expect(ids(answeringOrganisations(byId, DEMO_ORGANISATIONS))).toEqual(['warwickshire-police-and-crime-commissioner']);
    expect(ids(answeringOrganisations(byName, DEMO_ORGANISATIONS))).toEqual(['warwickshire-police-and-crime-commissioner']);
    expect(ids(answeringOrganisations(byAlias, DEMO_ORGANISATIONS))).toEqual(['counter-terrorism-policing-west-midlands']);
    expect(answeredByLabel(byId)).toBe('the OPCC');
  });

  it('matches whole words only: "police" names the police, not a policing partner whose words merely contain it', () => {
    const police = framework({ answeredBy: { kind: 'organisations', label: 'the police', match: ['West Mercia Police'] } });
    const opccLike: Organisation = { id: 'opcc', name: 'Office of the Police and Crime Commissioner for West Mercia Policeverywhere', sector: 'police', aliases: [] };
    expect(answersFramework(police, opccLike)).toBe(false);
    expect(ids(answeringOrganisations(police, DEMO_ORGANISATIONS))).toEqual(['warwickshire-and-west-mercia-police']);
  });

  it('in the shipped files: the OPCC answers its own SOP commitments, the specified authorities the 2018 toolkit', async () => {
    const shipped = await loadFrameworks();
    expect(ids(answeringOrganisations(getFramework(shipped, 'opcc-sop-commitments-2024'), DEMO_ORGANISATIONS))).toEqual(['warwickshire-police-and-crime-commissioner']);
    expect(answeringOrganisations(getFramework(shipped, 'home-office-2018'), DEMO_ORGANISATIONS)).toHaveLength(14);
  });
});

describe('framework aliases', () => {
  const renamed = () => framework({ id: 'new-name', aliases: ['old-name'] });

  it('finds a framework by an old id it keeps as an alias, and says two ids name the same framework', () => {
    const registry = buildFrameworkRegistry([{ origin: 'new.json', framework: renamed() }]);
    expect([...registry.keys()]).toEqual(['new-name']);
    expect(findFramework(registry, 'old-name')?.id).toBe('new-name');
    expect(getFramework(registry, 'old-name').id).toBe('new-name');
    expect(findFramework(registry, 'other')).toBeUndefined();
    expect(sameFramework(registry, 'old-name', 'new-name')).toBe(true);
    expect(sameFramework(registry, 'old-name', 'other')).toBe(false);
  });

  it("refuses an alias that is another framework's id or alias, naming both files", () => {
    expect(() =>
      buildFrameworkRegistry([
        { origin: 'old.json', framework: framework({ id: 'old-name' }) },
        { origin: 'new.json', framework: renamed() },
      ]),
    ).toThrow('two frameworks share the id "old-name"');
  });

  it("refuses an alias that is the framework's own id, or not an id", () => {
    expect(refusal({ id: 'same', aliases: ['same'] })).toEqual(['aliases: "same" is the framework\'s own id, not an alias']);
    expect(refusal({ aliases: ['Not An Id'] })).toEqual([expect.stringMatching(/^aliases\.0: a framework id is lower-case words/)]);
  });
});
