import { describeProblem } from '../../../src/bot/error-replies';
import { AuditNotRecordedError } from '../../../src/domain/audit/audit-recorder';

describe('a write the audit log could not record', () => {
  it('is told to the user as saved but not recorded, so they do not send it again', () => {
    const error = new AuditNotRecordedError(
      'warwickshire',
      { at: '2026-11-22T10:00:00.000Z', actorId: 'aad-police', verb: 'action-update', entity: 'action:3.1' },
      new Error('audit table unreachable'),
    );
    expect(describeProblem(error)).toMatchObject({ title: 'Saved, but not recorded in the audit log', severity: 'warning' });
    expect(describeProblem(error).message).toContain('Your change was saved');
  });
});
