import { MemoryMeetingRepository } from '../../../src/storage/memory/memory-meeting-repository';
import { describeMeetingRepositoryContract } from '../../support/meeting-repository-contract';

describeMeetingRepositoryContract('MemoryMeetingRepository', async () => new MemoryMeetingRepository());
