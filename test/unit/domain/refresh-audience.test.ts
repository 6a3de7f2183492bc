import { refreshAudience, TEAMS_AUTOMATIC_REFRESH_LIMIT } from '../../../src/domain/partnership/refresh-audience';
import type { Member } from '../../../src/domain/partnership/member';

const lead = (n: number): Member => ({
  aadObjectId: `aad-lead-${String(n).padStart(3, '0')}`,
  name: `Lead ${String(n).padStart(3, '0')}`,
  role: 'partner-lead',
  organisationId: `org-${n}`,
});

describe('whom a channel card refreshes for by itself', () => {
  it('lists the Prevent Officer and the chair first, then partner leads, and never staff', () => {
    const members: Member[] = [
      lead(2),
      { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' },
      { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' },
      lead(1),
      { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' },
    ];
    expect(refreshAudience(members)).toEqual(['aad-chair', 'aad-officer', 'aad-lead-001', 'aad-lead-002']);
  });

  it("stops at Teams' 60, keeping the Steering Group when there are more leads than that", () => {
    const members: Member[] = [...Array.from({ length: 80 }, (_, i) => lead(i)), { aadObjectId: 'aad-officer', name: 'Zed Officer', role: 'prevent-officer' }];
    const listed = refreshAudience(members);
    expect(TEAMS_AUTOMATIC_REFRESH_LIMIT).toBe(60);
    expect(listed).toHaveLength(60);
    expect(listed[0]).toBe('aad-officer');
    expect(listed).not.toContain('aad-lead-079');
  });
});
