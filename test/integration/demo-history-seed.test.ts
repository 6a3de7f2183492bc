import { randomBytes } from 'node:crypto';
import { verifyAuditLogs } from '../../src/cli/audit';
import { seedLiveDemo } from '../../src/cli/seed-demo';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import { loadConfig } from '../../src/config';
import { testConnectionString } from '../support/test-storage';

const PARTNERSHIP = 'warwickshire';
const TODAY = new Date('2026-12-03T12:00:00Z');

describe('the live demo seed, on Azurite', () => {
  it('writes its history through the audited repositories, once: a restart writes nothing', async () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_NAME_PREFIX: `d${randomBytes(4).toString('hex')}` });
    const repositories = await openTableRepositories(config);

    await expect(seedLiveDemo(repositories, { now: TODAY })).resolves.toMatchObject({ history: 'created', actions: 'created' });
    const entries = await repositories.auditLog.list(PARTNERSHIP);
    const verbs = new Set(entries.map((e) => e.verb));
    // Rounds, returns, updates and meetings each leave entries, as when the bot writes them.
    expect(entries.length).toBeGreaterThan(100);
    expect(verbs.size).toBeGreaterThan(5);
    const actors = new Set(entries.map((e) => e.actorId));
    expect(actors).toContain('cli:seed-demo');
    expect(actors).toContain('00000000-0000-0000-0000-000000000022'); // Pat Police, the demo police lead
    expect((await verifyAuditLogs(repositories.auditLog, [PARTNERSHIP])).intact).toBe(true);

    const again = await openTableRepositories(config);
    await expect(seedLiveDemo(again, { now: new Date('2026-12-04T08:00:00Z') })).resolves.toMatchObject({ history: 'kept', actions: 'unchanged' });
    expect(await again.auditLog.list(PARTNERSHIP)).toHaveLength(entries.length);
    expect(await again.meetings.list(PARTNERSHIP)).toHaveLength(2);
    expect(await again.assessments.listRounds(PARTNERSHIP)).toHaveLength(2);
    // A few hundred audited writes: seconds on a busy machine.
  }, 60_000);
});
