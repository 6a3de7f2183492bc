import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { describeActionRepositoryContract } from '../support/action-repository-contract';
import { freshTableStorage } from '../support/test-storage';

describeActionRepositoryContract('Azure Tables (Azurite)', async () => new ActionTableRepository((await freshTableStorage()).client('actions')));
