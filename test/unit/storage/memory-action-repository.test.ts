import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { describeActionRepositoryContract } from '../../support/action-repository-contract';

describeActionRepositoryContract('in memory', async () => new MemoryActionRepository());
