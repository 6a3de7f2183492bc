import { MemoryOutboxRepository } from '../../../src/storage/memory/memory-outbox-repository';
import { describeOutboxRepositoryContract } from '../../support/outbox-repository-contract';

describeOutboxRepositoryContract('MemoryOutboxRepository', async () => new MemoryOutboxRepository());
