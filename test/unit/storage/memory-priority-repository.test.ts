import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryPriorityRepository } from '../../../src/storage/memory/memory-priority-repository';
import { describeActionPriorityLinksContract, describePriorityRepositoryContract } from '../../support/priority-repository-contract';

describePriorityRepositoryContract('in memory', async () => new MemoryPriorityRepository());
describeActionPriorityLinksContract('in memory', async () => new MemoryActionRepository());
