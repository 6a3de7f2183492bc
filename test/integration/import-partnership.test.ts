import type { TableClient } from '@azure/data-tables';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPartnership, type PartnershipSetupRepositories } from '../../src/cli/import-partnership';
import { DEMO_DIRECTORY } from '../../src/cli/seed-demo';
import { memberHistoryPrefix, MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OrganisationTableRepository } from '../../src/storage/tables/organisation-table-repository';
import { readHistory } from '../../src/storage/tables/versioned-document';
import { freshTableStorage } from '../support/test-storage';

const PARTNERSHIP = 'warwickshire';

function demo(name: string): unknown[] {
  return JSON.parse(readFileSync(path.join(DEMO_DIRECTORY, name), 'utf8')) as unknown[];
}

describe('importPartnership on Azurite', () => {
  let directory: string;
  let repositories: PartnershipSetupRepositories;
  let memberTable: TableClient;

  function writeSetup(name: string, content: unknown): string {
    const file = path.join(directory, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'import-partnership-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  beforeEach(async () => {
    const storage = await freshTableStorage();
    memberTable = storage.client('members');
    repositories = {
      organisations: new OrganisationTableRepository(storage.client('organisations')),
      members: new MemberTableRepository(memberTable),
    };
  });

  it('stores a valid file, and a second run finds everything unchanged and writes nothing', async () => {
    const file = writeSetup('demo.json', { organisations: demo('warwickshire-organisations.json'), members: demo('warwickshire-members.json') });

    await expect(importPartnership(file, PARTNERSHIP, repositories)).resolves.toEqual({
      exitCode: 0,
      lines: ['Loaded 16 organisations and 5 members (21 new, 0 changed, 0 unchanged) for partnership "warwickshire"'],
    });
    expect(await repositories.organisations.list(PARTNERSHIP)).toHaveLength(16);
    expect(await repositories.members.get(PARTNERSHIP, '00000000-0000-0000-0000-000000000022')).toMatchObject({
      name: 'Pat Police',
      organisationId: 'warwickshire-and-west-mercia-police',
    });
    const history = await readHistory(memberTable, PARTNERSHIP, memberHistoryPrefix('00000000-0000-0000-0000-000000000022'), 'read history');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ changedById: 'cli:import-partnership', changedByName: 'import-partnership' });

    await expect(importPartnership(file, PARTNERSHIP, repositories)).resolves.toEqual({
      exitCode: 0,
      lines: ['Loaded 16 organisations and 5 members (0 new, 0 changed, 21 unchanged) for partnership "warwickshire"'],
    });
    expect(await readHistory(memberTable, PARTNERSHIP, memberHistoryPrefix('00000000-0000-0000-0000-000000000022'), 'read history')).toHaveLength(1);
  });

  it('saves only what changed on a later run, checked against what is stored', async () => {
    await importPartnership(
      writeSetup('demo.json', { organisations: demo('warwickshire-organisations.json'), members: demo('warwickshire-members.json') }),
      PARTNERSHIP,
      repositories,
    );

    // A new partner lead for a stored organisation the file does not repeat, and a renamed member.
    const later = writeSetup('later.json', {
      organisations: [],
      members: [
        { aadObjectId: 'aad-new-lead', name: 'Rita Rugby', role: 'partner-lead', organisationId: 'rugby-borough-council' },
        { aadObjectId: '00000000-0000-0000-0000-000000000021', name: 'Charles Chairman', role: 'chair' },
      ],
    });
    await expect(importPartnership(later, PARTNERSHIP, repositories)).resolves.toEqual({
      exitCode: 0,
      lines: ['Loaded 0 organisations and 2 members (1 new, 1 changed, 0 unchanged) for partnership "warwickshire"'],
    });
    expect(await repositories.members.list(PARTNERSHIP)).toHaveLength(6);
    expect(await repositories.members.get(PARTNERSHIP, '00000000-0000-0000-0000-000000000021')).toMatchObject({ name: 'Charles Chairman' });
  });

  it('writes nothing when a member names an unknown organisation, and says where', async () => {
    const members = demo('warwickshire-members.json');
    const file = writeSetup('bad.json', {
      organisations: demo('warwickshire-organisations.json'),
      members: [...members, { aadObjectId: 'aad-x', name: 'Xena Unknown', role: 'partner-lead', organisationId: 'no-such-council' }],
    });

    await expect(importPartnership(file, PARTNERSHIP, repositories)).resolves.toEqual({
      exitCode: 1,
      lines: [`Nothing imported: 1 problem in ${file}`, 'members.5.organisationId: no organisation "no-such-council" in this file or already stored'],
    });
    expect(await repositories.organisations.list(PARTNERSHIP)).toEqual([]);
    expect(await repositories.members.list(PARTNERSHIP)).toEqual([]);
  });

  it('reports a file that is not JSON, or not there, without writing', async () => {
    const broken = writeSetup('broken.json', '{ "organisations": [');
    const result = await importPartnership(broken, PARTNERSHIP, repositories);
    expect(result.exitCode).toBe(1);
    expect(result.lines).toEqual([expect.stringMatching(/^Nothing imported: .*broken\.json is not valid JSON \(/)]);

    const missing = await importPartnership(path.join(directory, 'missing.json'), PARTNERSHIP, repositories);
    expect(missing).toMatchObject({ exitCode: 1, lines: [expect.stringMatching(/^Nothing imported: cannot read .*missing\.json \(ENOENT/)] });
    expect(await repositories.organisations.list(PARTNERSHIP)).toEqual([]);
  });
});
