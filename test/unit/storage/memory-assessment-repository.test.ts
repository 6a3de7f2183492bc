import { MemoryAssessmentRepository } from '../../../src/storage/memory/memory-assessment-repository';
import { describeAssessmentRepositoryContract } from '../../support/assessment-repository-contract';

describeAssessmentRepositoryContract('in memory', async () => new MemoryAssessmentRepository());
