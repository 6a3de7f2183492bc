import { readFileSync } from 'node:fs';
import path from 'node:path';
import { objectAt, resourceBlock } from '../../support/bicep-reader';

const bicep = readFileSync(path.join(__dirname, '..', '..', '..', 'infra', 'main.bicep'), 'utf8');

describe('the backups in infra/main.bicep', () => {
  it('are deleted the day after they stop being immutable, so an erased name leaves every backup', () => {
    const expiry = resourceBlock(bicep, 'backupExpiry');
    expect([expiry.type, objectAt(expiry, [])['parent'], objectAt(expiry, [])['name']]).toEqual([
      'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01',
      'backupStorage',
      "'default'",
    ]);
    const text = expiry.lines.map((line) => line.trim());
    expect(text).toContain("'table-backups/'");
    expect(text).toContain('daysAfterCreationGreaterThan: backupRetentionDays + 1');
    expect(text).toContain('enabled: true');
  });
});
