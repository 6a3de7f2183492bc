import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { describeMemberRepositoryContract, describeOrganisationRepositoryContract } from '../../support/repository-contracts';

describeOrganisationRepositoryContract('MemoryOrganisationRepository', async () => new MemoryOrganisationRepository());
describeMemberRepositoryContract('MemoryMemberRepository', async () => new MemoryMemberRepository());
