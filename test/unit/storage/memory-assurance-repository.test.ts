import { MemoryAssuranceRepository } from '../../../src/storage/memory/memory-assurance-repository';
import { describeAssuranceRepositoryContract } from '../../support/assurance-repository-contract';

describeAssuranceRepositoryContract('in memory', async () => new MemoryAssuranceRepository());
