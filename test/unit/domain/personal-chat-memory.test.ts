import { PartnershipDirectory } from '../../../src/domain/partnership/directory';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { MemoryChannelRepository } from '../../../src/storage/memory/memory-round-and-channel-repositories';

/** The member store, remembering when each reference write happened (by the test's clock). */
class WriteLoggingMembers extends MemoryMemberRepository {
  readonly writes: string[] = [];
  constructor(private readonly clock: () => Date) {
    super();
  }
  override async saveConversationReference(partnershipId: string, aadObjectId: string, reference: string): Promise<void> {
    this.writes.push(`${aadObjectId} ${this.clock().toISOString()}`);
    await super.saveConversationReference(partnershipId, aadObjectId, reference);
  }
}

describe('remembering how to reach someone in 1:1 chat', () => {
  let now: Date;
  const clock = () => now;
  const reference = JSON.stringify({ conversation: { id: 'a:personal' } });

  it("writes an unchanged reference at most once a UK day, so its last write follows the person's last message (and a purged one comes back when they write again)", async () => {
    now = new Date('2026-12-03T09:00:00Z');
    const members = new WriteLoggingMembers(clock);
    await members.save('warwickshire', { aadObjectId: 'aad-staff', name: 'Sam Staff', role: 'staff' }, { id: 'test', name: 'test' });
    const directory = new PartnershipDirectory(members, new MemoryOrganisationRepository(), new MemoryChannelRepository(), clock);
    await directory.rememberPersonalChat('warwickshire', 'aad-staff', reference);
    now = new Date('2026-12-03T22:00:00Z');
    await directory.rememberPersonalChat('warwickshire', 'aad-staff', reference);
    now = new Date('2026-12-04T08:00:00Z');
    await directory.rememberPersonalChat('warwickshire', 'aad-staff', reference);
    expect(members.writes).toEqual(['aad-staff 2026-12-03T09:00:00.000Z', 'aad-staff 2026-12-04T08:00:00.000Z']);
  });

  it('keeps no way of reaching someone who is not a registered member', async () => {
    now = new Date('2026-12-03T09:00:00Z');
    const members = new WriteLoggingMembers(clock);
    const directory = new PartnershipDirectory(members, new MemoryOrganisationRepository(), new MemoryChannelRepository(), clock);
    await expect(directory.rememberPersonalChat('warwickshire', 'aad-stranger', reference)).resolves.toBe(false);
    expect(members.writes).toEqual([]);
  });
});
