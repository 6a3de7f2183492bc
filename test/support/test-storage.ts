import { randomBytes } from 'node:crypto';
import { TableStorage } from '../../src/storage/tables/table-storage';

export function testConnectionString(): string {
  const value = process.env['TEST_STORAGE_CONNECTION_STRING'];
  if (!value) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run integration tests through jest --selectProjects integration');
  return value;
}

/** A fresh set of tables per test file, so files never see each other's rows. */
export async function freshTableStorage(): Promise<TableStorage> {
  const storage = new TableStorage(testConnectionString(), `t${randomBytes(5).toString('hex')}`);
  await storage.ensureTables();
  return storage;
}
