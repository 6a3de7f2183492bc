import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyAuditLogs } from '../../src/cli/audit';
import { importPartnership } from '../../src/cli/import-partnership';
import { DEMO_DIRECTORY } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig } from '../../src/config';
import { testConnectionString } from '../support/test-storage';

const demo = (name: string): unknown => JSON.parse(readFileSync(path.join(DEMO_DIRECTORY, name), 'utf8'));

describe('command-line writes, on Azurite', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'audited-cli-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('are audited under the tool that made them, one entry per record written', async () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_NAME_PREFIX: `a${randomBytes(4).toString('hex')}` });
    const file = path.join(directory, 'setup.json');
    writeFileSync(file, JSON.stringify({ organisations: demo('warwickshire-organisations.json'), members: demo('warwickshire-members.json') }));
    const repositories = await openTableRepositories(config);

    await importPartnership(file, 'warwickshire', repositories);

    const entries = await repositories.auditLog.list('warwickshire');
    expect(entries).toHaveLength(21);
    expect(new Set(entries.map((e) => e.actorId))).toEqual(new Set(['cli:import-partnership']));
    expect(entries.filter((e) => e.verb === 'member-save')).toHaveLength(5);
    expect((await verifyAuditLogs(repositories.auditLog, ['warwickshire'])).intact).toBe(true);
  });
});
